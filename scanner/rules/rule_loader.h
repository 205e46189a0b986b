#pragma once

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

// Parses and validates one rule file; every mistake found is returned, not just the first.
std::variant<Rule, std::vector<RuleFileError>> load_rule(std::string_view path,
                                                         std::string_view content);

}  // namespace bulwark
