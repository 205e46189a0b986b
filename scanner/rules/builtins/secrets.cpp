// Secret detection: secret_in_value finds hard-coded secrets in a value (a string, or the strings
// of a map or list, with map keys and {Name, Value} entries giving each string its name);
// secret_name and secret_in_input_default judge inputs (parameters, variables) by their names.
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

// `secret_name`: a name (a parameter's or variable's, through $resource.Name) says its value is
// a secret.
Outcome secret_name(const Value& subject, const Value&, const BuiltinContext&) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    return {tri(subject.is_string() && secrets::is_secret_name(subject.as_string())),
            evidence_of(subject)};
}

// `secret_in_input_default`: an input's default value, judged under the input's declared name,
// so that `DbPassword: {Default: hunter2-prod}` counts as a password where a bare string would
// not.
Outcome secret_in_input_default(const Value& subject, const Value&, const BuiltinContext& context) {
    const Value* name = context.resource.attributes.find("Name");
    std::string_view declared;
    if (name != nullptr && name->is_string()) declared = name->as_string();
    if (const Value* found = find_secret(subject, declared)) {
        return {Tri::True, evidence_of(*found)};
    }
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
    out.push_back(Builtin{"secret_name",
                          "a string that names a secret (password, secret, token, API key, private "
                          "key, credentials), not merely something about one (SecretArn, "
                          "TokenTtl, PasswordLength)",
                          secret_name, no_args});
    Builtin input_default{"secret_in_input_default",
                          "a parameter's or variable's default looks like a hard-coded secret, "
                          "judged under the declared name ($resource.Name): any literal under a "
                          "secret-like name that is not a placeholder or reference, and known "
                          "token shapes or high-entropy strings under any name",
                          secret_in_input_default, no_args};
    input_default.sensitive = true;
    out.push_back(input_default);
}

}  // namespace bulwark
