#pragma once

// The table of AWS actions the analyzer reasons with (rules/iam/actions.yaml, embedded in the
// binary): which actions manage permissions, write, or read sensitive data, and which
// combinations of actions let an identity escalate its privileges.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/document_reader.h"

namespace bulwark::iam {

// Groups of actions, named as in rules/iam/actions.yaml.
enum class ActionGroup { Permissions, Write, DataRead, Credentials, Read, List };

std::string_view to_string(ActionGroup group);
bool parse_action_group(std::string_view text, ActionGroup& out);

struct ActionEntry {
    std::string name;     // service:Action, as AWS spells it
    std::string service;  // lower-case prefix
    std::vector<ActionGroup> groups;
};

struct Escalation {
    std::string id;
    std::vector<std::string> actions;  // all are needed
    std::string resource_sensitive;    // the action whose Resource decides the risk, or empty
    std::string summary;
};

class ActionTable {
  public:
    const std::vector<ActionEntry>& actions() const { return actions_; }
    const std::vector<Escalation>& escalations() const { return escalations_; }
    // Actions of one group, optionally of one service (lower-case prefix, empty for all).
    std::vector<const ActionEntry*> in_group(ActionGroup group,
                                             std::string_view service = {}) const;
    const ActionEntry* find(std::string_view action) const;  // case-insensitive
    bool knows_service(std::string_view service) const;

    // Reads the table from YAML text; problems go to `errors` (file:line: message).
    static ActionTable parse(std::string_view path, std::string_view text,
                             std::vector<std::string>& errors);
    // The same from the document already read (the embedded table is parsed at build time).
    static ActionTable parse(std::string_view path, const ReadResult& document,
                             std::vector<std::string>& errors);

  private:
    std::vector<ActionEntry> actions_;
    std::vector<Escalation> escalations_;
    std::unordered_map<std::string, std::size_t> by_name_;  // lower-case name -> actions_ index
};

// The built-in table, read once from the embedded rules/iam/actions.yaml.
const ActionTable& builtin_action_table();

// The embedded path of the table; rule loading skips it.
inline constexpr std::string_view kActionTablePath = "rules/iam/actions.yaml";

}  // namespace bulwark::iam
