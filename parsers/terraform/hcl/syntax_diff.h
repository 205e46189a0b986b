#pragma once

#include <optional>
#include <string>

#include "parsers/terraform/hcl/syntax.h"

namespace bulwark::hcl {

// The first difference between two syntax trees, compared field by field (kinds, names, flags,
// literal values and every source range, comments, diagnostics), as a path to the node and what
// differs there; nullopt when they are the same. Used to hold the native parser to the
// tree-sitter one.
std::optional<std::string> first_difference(const File& expected, const File& actual);

}  // namespace bulwark::hcl
