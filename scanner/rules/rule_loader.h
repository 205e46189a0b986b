#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/source_range.h"
#include "rules/rule.h"

namespace bulwark {

// A mistake in a rule or framework file, with where it is.
struct RuleFileError {
    std::string file;
    SourcePosition position;
    std::string message;
};

std::string format_error(const RuleFileError& error);

// Values that replace a rule's parameter defaults, by parameter name.
using RuleParameterValues = std::map<std::string, Value, std::less<>>;

// Does `value` fit a parameter of `type` (an integer for Integer, a list of strings for
// StringList, ...)?
bool has_parameter_type(const Value& value, ParameterType type);

// Parses and validates one rule file; every mistake found is returned, not just the first.
// `overrides` must name declared parameters and match their types.
std::variant<Rule, std::vector<RuleFileError>> load_rule(std::string_view path,
                                                         std::string_view content,
                                                         const RuleParameterValues& overrides = {});

}  // namespace bulwark
