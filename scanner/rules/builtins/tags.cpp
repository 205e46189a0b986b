// Tags: whether a resource carries every tag key the organisation requires.

#include <algorithm>
#include <string>

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;

// The value of tag `key`: CloudFormation's [{Key, Value}] list (Terraform's `tags` maps are
// adapted to it) or the plain map some types take (AWS::SSM::Parameter, AWS::ApiGatewayV2::Api).
// Returns Unknown when an entry or the whole set cannot be read.
Tri has_key(const Value& tags, const std::string& key) {
    if (tags.is_unknown()) return Tri::Unknown;
    auto present = [](const Value* value) {
        if (value == nullptr || value->is_null()) return Tri::False;
        if (value->is_unknown()) return Tri::True;  // the key is there; its value comes later
        return tri(!value->is_string() || !value->as_string().empty());
    };
    if (tags.is_map()) return present(tags.find(key));
    if (!tags.is_list()) return Tri::False;
    Tri result = Tri::False;
    for (const Value& tag : tags.as_list()) {
        if (!tag.is_map()) {
            result = tri_or(result, tag.is_unknown() ? Tri::Unknown : Tri::False);
            continue;
        }
        const Value* name = tag.find("Key");
        if (name == nullptr) continue;
        if (name->is_unknown()) {
            result = tri_or(result, Tri::Unknown);
        } else if (name->is_string() && name->as_string() == key) {
            result = tri_or(result, present(tag.find("Value")));
        }
    }
    return result;
}

// has_tag_keys: the subject (a resource's Tags) has a non-empty value for every key in args.keys.
Outcome has_tag_keys(const Value& subject, const Value& args, const BuiltinContext&) {
    Tri result = Tri::True;
    for (const Value& key : args.find("keys")->as_list()) {
        result = tri_and(result, has_key(subject, key.as_string()));
        if (result == Tri::False) break;
    }
    return {result, evidence_of(subject)};
}

std::optional<std::string> validate_keys(const Value& args) {
    const Value* keys = args.is_map() ? args.find("keys") : nullptr;
    if (keys == nullptr || !keys->is_list() || args.as_map().size() != 1 ||
        !std::all_of(keys->as_list().begin(), keys->as_list().end(),
                     [](const Value& key) { return key.is_string(); })) {
        return std::string("needs args: {keys: [tag key, ...]}");
    }
    return std::nullopt;
}

}  // namespace

void add_tag_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"has_tag_keys",
         "applied to Tags (a [{Key, Value}] list or a map): every key in args.keys is present with "
         "a "
         "non-empty value",
         has_tag_keys, validate_keys},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
