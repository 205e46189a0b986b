#pragma once

// The configuration file (.bulwark.yaml): what a repository commits so that every scan of it,
// on a laptop or in CI, selects the same rules and gates the same way. Every setting remembers
// where it was written, so a mistake found later (a rule ID that no rule has) still points at
// its line.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/source_range.h"
#include "model/value.h"

namespace bulwark {

inline constexpr std::string_view kConfigFileName = ".bulwark.yaml";

// The suppression fields a configuration may require (`suppressions.require`).
inline constexpr std::string_view kSuppressionFields[] = {"reason", "owner", "expires"};

// A setting and the place it was written in the configuration file.
struct Setting {
    std::string value;
    SourcePosition at;
};

struct SeverityOverride {
    std::string rule;
    Severity severity = Severity::Medium;
    SourcePosition at;
};

struct ParameterSetting {
    std::string rule;
    std::string name;
    Value value;
    SourcePosition at;  // where the rule ID (or `rule.param`) is written
};

// One `suppressions.ignore` entry: findings of `rules` on the resources that `resources` globs
// name (construct paths, CloudFormation and Terraform addresses) and/or in the files `paths`
// globs name are accepted risks. The globs are checked when the scan applies them, so that a
// bad one is a diagnostic at its line like any other suppression mistake.
struct IgnoreEntry {
    SourcePosition at;  // the entry's first key
    std::vector<Setting> rules;
    std::vector<Setting> resources;
    std::vector<Setting> paths;  // relative to the configuration file's folder
    std::string reason;
    std::string owner;
    std::string expires;  // YYYY-MM-DD or empty
};

// Terraform variables for the root modules at or below `directory`.
struct TerraformDirectory {
    std::string directory;  // relative to the configuration file's folder, '/'-separated; "" = it
    SourcePosition at;
    std::vector<std::pair<std::string, Value>> vars;  // in file order
    std::vector<Setting> var_files;                   // absolute paths
};

// CloudFormation parameter values for the root templates at or below `directory`.
struct CloudFormationDirectory {
    std::string directory;
    SourcePosition at;
    std::vector<std::pair<std::string, Setting>> parameters;  // values as text
    std::vector<Setting> parameter_files;                     // absolute paths
};

struct Config {
    std::filesystem::path file;  // the file read; empty when there is none (all defaults)
    std::filesystem::path dir;   // its folder (absolute): relative paths in it start here

    std::vector<Setting> include;  // globs, relative to `dir` when they contain '/'
    std::vector<Setting> exclude;

    std::vector<Setting> packs;       // empty: every pack
    std::vector<Setting> frameworks;  // empty: every rule; else rules mapped to one of them
    std::vector<Setting> only;
    std::vector<Setting> skip;
    std::vector<Setting> rule_dirs;  // absolute
    std::vector<SeverityOverride> severities;
    std::vector<ParameterSetting> parameters;

    std::vector<Setting> required_suppression_fields;
    std::vector<IgnoreEntry> ignores;  // suppressions.ignore, in file order

    std::optional<Setting> fail_on;  // a severity or "none"
    std::optional<bool> fail_on_undecided;
    std::optional<bool> strict;

    // The entry for "" holds the top-level `terraform.vars` / `var-files`; the others come from
    // `terraform.directories`, in file order.
    std::vector<TerraformDirectory> terraform;
    std::vector<CloudFormationDirectory> cloudformation;

    bool requires_suppression_field(std::string_view field) const;
};

// A mistake in the configuration file, with where it is.
struct ConfigError {
    std::string file;
    SourcePosition at;
    std::string message;
};

// "file:line:column: message" (or "file: message" without a position).
std::string format_error(const ConfigError& error);

}  // namespace bulwark
