#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "rules/rule_catalog.h"

namespace bulwark {

// The version this binary reports (set by the build).
const char* bulwark_version();

std::vector<std::filesystem::path> as_paths(const std::vector<std::string>& items);

// Splits comma-separated list options (--only a,b --only c).
std::vector<std::string> split_list(const std::vector<std::string>& items);

// `--rule-param RULE.NAME=VALUE`, the value read as a YAML scalar or flow list ([a, b]).
// Problems are written to `err`; nullopt then.
std::optional<std::map<std::string, RuleParameterValues>> parse_rule_params(
    const std::vector<std::string>& items, std::ostream& err);

// Loads the built-in rules plus `rule_dirs` with the given parameters into `holder`; rule-file
// errors are written to `err` and give nullptr. `configured` parameters (the configuration
// file's) apply below `rule_params`.
const RuleCatalog* load_catalog(const std::vector<std::string>& rule_dirs,
                                const std::vector<std::string>& rule_params,
                                std::unique_ptr<RuleCatalog>& holder, std::ostream& err,
                                bool with_frameworks = true,
                                std::map<std::string, RuleParameterValues> configured = {},
                                RuleDetail detail = RuleDetail::Full);

// Today's date in UTC, YYYY-MM-DD.
std::string today();

}  // namespace bulwark
