#pragma once

#include <optional>
#include <string_view>

#include "parsers/terraform/hcl/syntax.h"

namespace bulwark::hcl {

// A hand-written reader of HCL's native syntax that builds exactly the tree the tree-sitter
// converter builds (same kinds, names, ranges, comments), several times faster. It reports no
// diagnostics: on a syntax error, or on anything whose tree-sitter reading it is not sure of, it
// returns nullopt and the caller parses with tree-sitter instead.
std::optional<File> parse_native(std::string_view text, FileId file);

}  // namespace bulwark::hcl
