#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/finding.h"
#include "rules/check.h"

namespace bulwark {

// Framework keys and crossref keys are closed sets; rule files are checked against them.
inline constexpr std::string_view kFrameworkKeys[] = {
    "pci-dss-4.0", "soc2", "gdpr", "hipaa", "nist-800-53-r5", "cis-aws-3.0"};
// Rule packs group rules by what they protect; configuration enables and disables whole packs.
inline constexpr std::string_view kPackKeys[] = {"data-protection", "identity",   "network",
                                                 "logging",         "resilience", "configuration"};
inline constexpr std::string_view kCrossrefKeys[] = {"checkov", "trivy", "kics", "cdk-nag",
                                                     "cfn-nag"};

// A threshold or list a rule exposes to configuration (`rule-id.param`), declared in the rule
// file with its type and default.
enum class ParameterType { Integer, Number, String, Boolean, StringList, IntegerList };

struct RuleParameter {
    std::string name;
    ParameterType type = ParameterType::String;
    std::string description;
    Value default_value;
    Value value;  // the effective value: the default, or the configured override
};

std::string_view parameter_type_name(ParameterType type);

struct Rule {
    std::string id;
    std::string title;
    Severity severity = Severity::Medium;
    std::string pack;  // one of kPackKeys; optional for user rules, required for built-in ones
    std::string description;
    std::map<std::string, std::string> remediation;  // format (or "default") -> text
    std::vector<std::string> resource_types;
    std::vector<RuleParameter> parameters;  // in file order
    std::optional<Condition> when;          // the rule applies only to resources where this holds
    Condition check;
    std::string message;
    // The check calls a sensitive built-in (secret detection): its findings point at secrets.
    bool sensitive = false;
    std::map<std::string, std::vector<std::string>>
        frameworks;  // key -> control IDs, in file order
    std::map<std::string, std::vector<std::string>> crossrefs;
    std::vector<std::string> references;
    std::vector<std::string> aliases;
    std::string deprecated_by;
    // Opt-in rules (an organisation's own policy, such as permissions boundaries on every role)
    // run only when named with --only.
    bool default_enabled = true;
    std::string source;  // the file it was loaded from (embedded path or user path)
    // Where each framework key's control list is written, for errors found after loading.
    std::map<std::string, SourcePosition> framework_positions;
};

}  // namespace bulwark
