#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>

namespace bulwark::cloudformation {

using ParameterValues = std::map<std::string, std::string, std::less<>>;

// Reads stack parameter values from JSON text in either format AWS tools use:
//   the AWS CLI's   [{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]
//   CodePipeline's  {"Parameters": {"Env": "prod"}, "Tags": {...}, "StackPolicy": {...}}
// Returns the values, or a message starting with `name:line:column:` saying what is wrong.
std::variant<ParameterValues, std::string> parse_parameters_file(std::string_view text,
                                                                 std::string_view name);

}  // namespace bulwark::cloudformation
