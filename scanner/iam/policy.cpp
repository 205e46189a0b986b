#include "iam/policy.h"

#include <algorithm>

#include "io/document_reader.h"

namespace bulwark::iam {
namespace {

void point_all_at(Value& value, const SourceRange& at) {
    value.set_range(at);
    if (value.is_list()) {
        for (Value& item : value.as_list())
            point_all_at(item, at);
    } else if (value.is_map()) {
        for (Value::Entry& entry : value.as_map()) {
            entry.key_range = at;
            point_all_at(entry.value, at);
        }
    }
}

// Positions read from the text of a string that starts on the line after `first_line`.
void shift_lines(Value& value, std::uint32_t first_line) {
    SourceRange range = value.range();
    range.begin.line += first_line;
    range.end.line += first_line;
    value.set_range(range);
    if (value.is_list()) {
        for (Value& item : value.as_list())
            shift_lines(item, first_line);
    } else if (value.is_map()) {
        for (Value::Entry& entry : value.as_map()) {
            entry.key_range.begin.line += first_line;
            entry.key_range.end.line += first_line;
            shift_lines(entry.value, first_line);
        }
    }
}

Item item_of(const Value& value) {
    Item item;
    item.range = value.range();
    if (value.is_string()) {
        item.text = value.as_string();
    } else if (value.is_number()) {
        item.text = format_number(value.as_number());  // an account ID written as a number
    } else if (value.is_bool()) {
        item.text = value.as_bool() ? "true" : "false";
    } else {
        item.unknown = true;
        if (value.is_unknown()) {
            item.partial = value.as_unknown().partial;
            item.names_resource = !value.as_unknown().references.empty() && item.partial.empty();
        }
    }
    return item;
}

// A string or a list of strings (an unknown list stays unknown).
void read_items(const Value& value, std::vector<Item>& items, bool& unknown) {
    // A bare unknown may be a whole list; a reference or a string with known text is one value.
    if (value.is_unknown() && value.as_unknown().references.empty() &&
        value.as_unknown().partial.empty()) {
        unknown = true;
        return;
    }
    if (value.is_list()) {
        for (const Value& element : value.as_list()) {
            if (element.is_list()) {
                read_items(element, items, unknown);  // flatten() left undone
            } else if (!element.is_null()) {
                items.push_back(item_of(element));
            }
        }
        return;
    }
    if (!value.is_null()) items.push_back(item_of(value));
}

ItemList item_list(const Value& statement, std::string_view name, std::string_view negated) {
    ItemList list;
    const Value::Entry* entry = statement.find_entry(name);
    if (entry == nullptr) {
        entry = statement.find_entry(negated);
        list.negated = entry != nullptr;
    }
    if (entry == nullptr || entry->value.is_null()) return list;
    list.present = true;
    list.range = entry->key_range.valid() ? entry->key_range : entry->value.range();
    read_items(entry->value, list.items, list.unknown);
    return list;
}

Principals principals_of(const Value& statement) {
    Principals out;
    const Value::Entry* entry = statement.find_entry("Principal");
    if (entry == nullptr) {
        entry = statement.find_entry("NotPrincipal");
        out.negated = entry != nullptr;
    }
    if (entry == nullptr || entry->value.is_null()) return out;
    out.present = true;
    out.range = entry->key_range.valid() ? entry->key_range : entry->value.range();
    const Value& value = entry->value;
    if (value.is_unknown()) {
        out.unknown = true;
    } else if (value.is_string()) {
        out.entries.push_back({"*", item_of(value)});
        if (value.as_string() != "*") out.entries.back().kind = "AWS";  // a bare ARN or account
    } else if (value.is_map()) {
        for (const Value::Entry& kind : value.as_map()) {
            std::vector<Item> items;
            bool unknown = false;
            read_items(kind.value, items, unknown);
            if (unknown) out.unknown = true;
            for (Item& item : items)
                out.entries.push_back({kind.key, std::move(item)});
        }
    } else {
        out.unknown = true;
    }
    return out;
}

Conditions conditions_of(const Value& statement) {
    Conditions out;
    const Value::Entry* entry = statement.find_entry("Condition");
    if (entry == nullptr || entry->value.is_null()) return out;
    out.present = true;
    out.range = entry->key_range.valid() ? entry->key_range : entry->value.range();
    const Value& block = entry->value;
    if (!block.is_map()) {
        out.unknown = true;
        return out;
    }
    for (const Value::Entry& op : block.as_map()) {
        if (!op.value.is_map()) {
            out.unknown = true;
            continue;
        }
        for (const Value::Entry& key : op.value.as_map()) {
            ConditionTest test;
            test.op = op.key;
            test.key = key.key;
            test.range = key.key_range.valid() ? key.key_range : key.value.range();
            read_items(key.value, test.values, test.values_unknown);
            out.tests.push_back(std::move(test));
        }
    }
    if (block.as_map().empty()) out.present = false;
    return out;
}

Statement statement_of(const Value& value, std::size_t index) {
    Statement statement;
    statement.index = index;
    statement.range = value.range();
    if (!value.is_map()) {
        statement.unknown = true;
        return statement;
    }
    if (const Value* sid = value.find("Sid"); sid && sid->is_string())
        statement.sid = sid->as_string();
    const Value* effect = value.find("Effect");
    if (effect && effect->is_string()) {
        // AWS matches the Effect value exactly; anything else makes the policy invalid.
        if (effect->as_string() == "Allow") statement.effect = Effect::Allow;
        if (effect->as_string() == "Deny") statement.effect = Effect::Deny;
    }
    statement.actions = item_list(value, "Action", "NotAction");
    statement.resources = item_list(value, "Resource", "NotResource");
    statement.principals = principals_of(value);
    statement.conditions = conditions_of(value);
    return statement;
}

Policy from_document(const Value& document) {
    Policy policy;
    policy.range = document.range();
    if (document.is_unknown()) {
        policy.unknown = true;
        policy.problem = "the policy is known only after deployment";
        return policy;
    }
    const Value* statements = document.find("Statement");
    if (!document.is_map() || statements == nullptr) {
        policy.malformed = true;
        policy.problem = "not a policy document (no Statement)";
        return policy;
    }
    if (statements->is_unknown()) {
        policy.unknown = true;
        policy.problem = "the policy statements are known only after deployment";
        return policy;
    }
    if (statements->is_list()) {
        std::size_t index = 0;
        for (const Value& statement : statements->as_list())
            policy.statements.push_back(statement_of(statement, ++index));
    } else {
        policy.statements.push_back(statement_of(*statements, 1));
    }
    return policy;
}

}  // namespace

std::string Statement::label() const {
    const std::string number = "#" + std::to_string(index);
    if (sid.empty()) return "statement " + number;
    return "statement '" + sid + "' (" + number + ")";
}

std::optional<Value> parse_json_string(const Value& text) {
    const std::string& json = text.as_string();
    ReadResult read = read_json(json, text.range().file);
    if (!read.value) return std::nullopt;
    const SourceRange at = text.range();
    const auto newlines = static_cast<std::uint32_t>(std::count(json.begin(), json.end(), '\n'));
    const bool own_lines = at.valid() && newlines > 0 && at.end.line >= at.begin.line + newlines;
    if (own_lines) {
        shift_lines(*read.value, at.begin.line);
    } else {
        point_all_at(*read.value, at);
    }
    return read.value;
}

Policy normalize_policy(const Value& document) {
    if (!document.is_string()) return from_document(document);
    std::optional<Value> parsed = parse_json_string(document);
    if (!parsed) {
        Policy policy;
        policy.range = document.range();
        policy.malformed = true;
        policy.problem = "the policy string is not valid JSON";
        return policy;
    }
    return from_document(*parsed);
}

bool looks_like_policy(const Value& value) {
    if (value.is_unknown() || value.is_string()) return true;
    return value.is_map() && value.find("Statement") != nullptr;
}

}  // namespace bulwark::iam
