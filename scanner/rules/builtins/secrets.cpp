// Secret detection: secret_in_value finds hard-coded secrets in a value (a string, or the strings
// of a map or list, with map keys and {Name, Value} entries giving each string its name).
// The findings of rules that use it never quote the value (the built-in is marked sensitive).

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"
#include "rules/builtins/secret_patterns.h"
#include "util/text.h"

namespace bulwark {
namespace {

using namespace builtin_support;

// Environment entries whose Value names a parameter or secret instead of holding the value
// (CodeBuild's PARAMETER_STORE / SECRETS_MANAGER variables).
bool value_is_a_reference(const Value& entry) {
    const Value* type = entry.find("Type");
    if (type == nullptr || !type->is_string()) return false;
    const std::string kind = ascii_lower(type->as_string());
    return kind == "parameter_store" || kind == "secrets_manager";
}

// The first string under `value` that holds a secret, if any. Unknown values are not literals
// written in the code, so they cannot be hard-coded secrets and are passed over.
const Value* find_secret(const Value& value, std::string_view name) {
    if (value.is_string()) {
        const std::string& text = value.as_string();
        auto match = name.empty() ? secrets::find_in_text(text) : secrets::find_named(name, text);
        if (!match) {
            // User data and similar blobs are often base64 text.
            if (auto decoded = secrets::decode_base64_text(text)) {
                match = secrets::find_in_text(*decoded);
            }
        }
        return match ? &value : nullptr;
    }
    if (value.is_list()) {
        for (const Value& item : value.as_list()) {
            if (const Value* found = find_secret(item, name)) return found;
        }
        return nullptr;
    }
    if (!value.is_map()) return nullptr;
    // CloudFormation's [{Name, Value}] environment entries.
    const Value* entry_name = value.find("Name");
    const Value* entry_value = value.find("Value");
    if (entry_name != nullptr && entry_name->is_string() && entry_value != nullptr) {
        if (value_is_a_reference(value)) return nullptr;
        return find_secret(*entry_value, entry_name->as_string());
    }
    for (const Value::Entry& entry : value.as_map()) {
        if (const Value* found = find_secret(entry.value, entry.key)) return found;
    }
    return nullptr;
}

Outcome secret_in_value(const Value& subject, const Value&, const BuiltinContext&) {
    if (const Value* found = find_secret(subject, "")) return {Tri::True, evidence_of(*found)};
    return {Tri::False, evidence_of(subject)};
}

}  // namespace

void add_secret_builtins(std::vector<Builtin>& out) {
    Builtin secret{"secret_in_value",
                   "a string, or a string inside a map or list, looks like a hard-coded secret "
                   "(AWS keys, private keys, API tokens, passwords under secret-like names, "
                   "high-entropy tokens; base64 text is decoded first)",
                   secret_in_value, no_args};
    secret.sensitive = true;
    out.push_back(secret);
}

}  // namespace bulwark
