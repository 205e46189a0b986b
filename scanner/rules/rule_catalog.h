#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rules/rule.h"
#include "rules/rule_loader.h"

namespace bulwark {

struct FrameworkControl {
    std::string id;
    std::string title;
    std::string family;
    std::string iac;  // full, partial or none: how far infrastructure code can evidence it
    // Optional: why the flag is what it is (what part the rules evidence, what stays manual).
    std::string note;
};

struct Framework {
    std::string key;  // pci-dss-4.0, soc2, ...
    std::string title;
    std::string version;
    std::string publisher;
    std::string url;
    std::vector<FrameworkControl> controls;  // in the standard's order

    const FrameworkControl* find(std::string_view id) const;
};

// Every rule and framework of a run: the built-in packs embedded in the binary plus the user's
// rule folders, validated together (unique IDs and aliases, known framework controls).
class RuleCatalog {
  public:
    // Framework catalogs are read when asked for, and always when user rules are loaded (their
    // control IDs are checked against them). The built-in rules are checked by the test suite, so
    // a plain scan does not pay for reading every framework at start-up.
    // `parameters` overrides rule parameters by rule ID (or alias) and parameter name; naming a
    // rule or parameter that does not exist is an error.
    // `detail` Metadata reads the built-in rules without their checks (for listing them); user
    // rule files, and built-in rules with configured parameters, are still read and checked in
    // full.
    static std::variant<RuleCatalog, std::vector<RuleFileError>> load(
        const std::vector<std::filesystem::path>& user_rule_dirs, bool with_frameworks = true,
        const std::map<std::string, RuleParameterValues>& parameters = {},
        RuleDetail detail = RuleDetail::Full);

    const std::vector<Rule>& rules() const { return rules_; }
    // By ID or alias.
    const Rule* find(std::string_view id) const;
    const std::map<std::string, Framework>& frameworks() const { return frameworks_; }
    // SHA-256 (hex) over every rule pack file loaded, built-in and user, path and content in load
    // order: two reports with the same hash were produced by the same rules. Computed when asked
    // (only reports need it; hashing the pack would cost a quarter of a small scan).
    std::string rule_pack_hash() const;
    // Replaces a rule's severity (a configuration's override); false when no rule has this ID.
    bool set_severity(std::string_view id, Severity severity);

  private:
    std::vector<Rule> rules_;  // sorted by ID
    std::map<std::string, std::size_t, std::less<>> by_id_;
    std::map<std::string, Framework> frameworks_;
    // The files of the pack, in load order: built-in content stays in the binary, a user rule
    // file's content is kept.
    struct PackFile {
        std::string path;
        std::string_view embedded;
        std::optional<std::string> read;
    };
    std::vector<PackFile> pack_files_;
};

// Parses one framework file (rules/frameworks/<key>.yaml).
std::variant<Framework, std::vector<RuleFileError>> load_framework(std::string_view path,
                                                                   std::string_view content);
std::variant<Framework, std::vector<RuleFileError>> load_framework(std::string_view path,
                                                                   const ReadResult& document);

}  // namespace bulwark
