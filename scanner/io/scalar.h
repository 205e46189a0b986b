#pragma once

#include <optional>
#include <string_view>

#include "model/value.h"

namespace bulwark {

// Resolves an untagged plain YAML scalar by the YAML 1.2 core schema: null, booleans, integers
// (decimal, 0o octal, 0x hex), floats, .inf/.nan; anything else is a string. Integers written
// with leading zeros (AWS account IDs such as 012345678901) and integers too long to hold
// exactly stay strings, so no digit is ever lost.
Value resolve_plain_scalar(std::string_view text, SourceRange range);

// Parses a decimal number the way JSON and YAML write it; nullopt when `text` is not one.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace bulwark
