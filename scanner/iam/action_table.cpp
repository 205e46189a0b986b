#include "iam/action_table.h"

#include <algorithm>
#include <cctype>

#include "io/document_reader.h"
#include "rules/embedded_files.h"
#include "util/text.h"

namespace bulwark::iam {
namespace {

constexpr std::pair<ActionGroup, std::string_view> kGroupNames[] = {
    {ActionGroup::Permissions, "permissions"},
    {ActionGroup::Write, "write"},
    {ActionGroup::DataRead, "data-read"},
    {ActionGroup::Credentials, "credentials"},
    {ActionGroup::Read, "read"},
    {ActionGroup::List, "list"},
};

}  // namespace

std::string_view to_string(ActionGroup group) {
    for (const auto& [value, name] : kGroupNames) {
        if (value == group) return name;
    }
    return "";
}

bool parse_action_group(std::string_view text, ActionGroup& out) {
    for (const auto& [value, name] : kGroupNames) {
        if (name == text) {
            out = value;
            return true;
        }
    }
    return false;
}

std::vector<const ActionEntry*> ActionTable::in_group(ActionGroup group,
                                                      std::string_view service) const {
    std::vector<const ActionEntry*> out;
    for (const ActionEntry& entry : actions_) {
        if (!service.empty() && entry.service != service) continue;
        if (std::find(entry.groups.begin(), entry.groups.end(), group) != entry.groups.end())
            out.push_back(&entry);
    }
    return out;
}

const ActionEntry* ActionTable::find(std::string_view action) const {
    const auto it = by_name_.find(ascii_lower(action));
    return it == by_name_.end() ? nullptr : &actions_[it->second];
}

bool ActionTable::knows_service(std::string_view service) const {
    const std::string wanted = ascii_lower(service);
    return std::any_of(actions_.begin(), actions_.end(),
                       [&](const ActionEntry& entry) { return entry.service == wanted; });
}

ActionTable ActionTable::parse(std::string_view path, std::string_view text,
                               std::vector<std::string>& errors) {
    return parse(path, read_yaml(text, 0), errors);
}

ActionTable ActionTable::parse(std::string_view path, const ReadResult& read,
                               std::vector<std::string>& errors) {
    ActionTable table;
    auto error = [&](const Value& at, const std::string& message) {
        errors.push_back(std::string(path) + ":" + std::to_string(at.range().begin.line) + ": " +
                         message);
    };
    for (const Diagnostic& d : read.diagnostics)
        errors.push_back(std::string(path) + ":" + std::to_string(d.position.line) + ": " +
                         d.message);
    if (!read.value || !read.value->is_map()) return table;
    const Value& root = *read.value;
    const Value* services = root.find("services");
    if (services == nullptr || !services->is_map()) {
        error(root, "'services' must be a mapping");
        return table;
    }
    for (const Value::Entry& service : services->as_map()) {
        if (!service.value.is_map()) {
            error(service.value, "service '" + service.key + "' must map groups to action lists");
            continue;
        }
        for (const Value::Entry& group : service.value.as_map()) {
            ActionGroup parsed{};
            if (!parse_action_group(group.key, parsed)) {
                error(group.value, "unknown action group '" + group.key + "'");
                continue;
            }
            if (!group.value.is_list()) {
                error(group.value, "group '" + group.key + "' must be a list of action names");
                continue;
            }
            for (const Value& name : group.value.as_list()) {
                if (!name.is_string() || name.as_string().find(':') != std::string::npos) {
                    error(name, "an action is written without its service prefix");
                    continue;
                }
                const std::string full = service.key + ":" + name.as_string();
                // An index by name: the table has hundreds of actions, read at every start.
                const auto [slot, added] =
                    table.by_name_.try_emplace(ascii_lower(full), table.actions_.size());
                if (added) {
                    table.actions_.push_back({full, ascii_lower(service.key), {parsed}});
                    continue;
                }
                ActionEntry* existing = &table.actions_[slot->second];
                if (std::find(existing->groups.begin(), existing->groups.end(), parsed) ==
                    existing->groups.end()) {
                    existing->groups.push_back(parsed);
                } else {
                    error(name, "duplicate action '" + full + "' in group '" + group.key + "'");
                }
            }
        }
    }
    if (const Value* escalations = root.find("escalations");
        escalations && escalations->is_list()) {
        for (const Value& item : escalations->as_list()) {
            const Value* id = item.find("id");
            const Value* actions = item.find("actions");
            const Value* summary = item.find("summary");
            if (!id || !id->is_string() || !actions || !actions->is_list() || !summary ||
                !summary->is_string()) {
                error(item, "an escalation needs id, actions and summary");
                continue;
            }
            Escalation escalation{id->as_string(), {}, {}, summary->as_string()};
            for (const Value& action : actions->as_list()) {
                if (!action.is_string() || table.find(action.as_string()) == nullptr) {
                    error(action, "escalation '" + escalation.id +
                                      "' names an action missing from the table");
                    continue;
                }
                escalation.actions.push_back(action.as_string());
            }
            if (const Value* sensitive = item.find("resource-sensitive");
                sensitive && sensitive->is_string())
                escalation.resource_sensitive = sensitive->as_string();
            table.escalations_.push_back(std::move(escalation));
        }
    }
    return table;
}

const ActionTable& builtin_action_table() {
    static const ActionTable table = [] {
        for (const EmbeddedFile& file : embedded_rule_files()) {
            if (file.path != kActionTablePath) continue;
            std::vector<std::string> errors;
            ActionTable parsed = ActionTable::parse(file.path, read_embedded(file), errors);
            // The table is checked by the test suite; a broken build still scans, with an
            // empty table for what failed to load.
            return parsed;
        }
        return ActionTable{};
    }();
    return table;
}

}  // namespace bulwark::iam
