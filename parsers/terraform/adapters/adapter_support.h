#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/value.h"
#include "parsers/terraform/native_resource.h"

// Small helpers shared by the service adapters.
namespace bulwark::terraform::adapt {

// An argument that is set (not absent, not null).
const Value* argument(const Value& body, std::string_view name);
// The first instance of a nested block (`versioning_configuration { ... }`), or nullptr.
const Value* block(const Value& body, std::string_view name);
// Every instance of a nested block.
std::vector<const Value*> blocks(const Value& body, std::string_view name);

// Sets properties[cfn] to the argument's value when it is set.
void copy(Value& properties, std::string_view cfn, const Value* value);
// Sets properties[cfn] to the argument's value, or to the provider default (pointing at the
// resource header) when the argument is omitted: Terraform sends the default to AWS.
void copy_or_default(Value& properties, std::string_view cfn, const Value* value, Value fallback,
                     const NativeResource& native);
// The resource block's header line, for values that come from defaults.
SourceRange header(const NativeResource& native);
// A policy given as a JSON string (jsonencode, heredoc) parsed into a document whose values all
// point at the string; documents and unknowns are returned as they are.
Value policy_document(const Value& policy);
// Sets a nested property path (a.b.c), creating maps on the way.
void set_path(Value& properties, std::initializer_list<std::string_view> path, Value value);

// A map as CloudFormation's [{<key_name>, Value}] list under `cfn`; a value that is not a map
// (known only after apply) is copied as it is.
void copy_entries(Value& properties, std::string_view cfn, const Value* map,
                  std::string_view key_name);
// Terraform's `tags` map as CloudFormation's [{Key, Value}] list under `cfn`; a map known only
// after apply stays unknown.
void copy_tags(Value& properties, std::string_view cfn, const Value& body);
// A JSON string (policy, redrive or filter policy) as a document under `cfn`, parsed like
// policy_document(), when it is set.
void copy_json(Value& properties, std::string_view cfn, const Value* json);

// What copy_bool does with an empty string: keeps it as the value, or treats it as unset (the
// provider's "nullable booleans").
enum class EmptyString { kKeep, kUnset };
// A boolean the provider may declare as a "true" / "false" string, as a CloudFormation boolean;
// anything else is copied as it is.
void copy_bool(Value& properties, std::string_view cfn, const Value* value, EmptyString empty);

// A Terraform argument name and the CloudFormation property it maps onto.
struct Field {
    std::string_view native;
    std::string_view cfn;
};
// Copies each listed argument of `body` that is set.
void copy_fields(Value& out, const Value& body, std::initializer_list<Field> fields);
// A nested block as a map of the listed fields (a block known only after apply stays unknown).
Value sub_block(const Value& block, std::initializer_list<Field> fields);
// The first `native` block of `body`, as sub_block(), set as `cfn` when the block is written.
void set_sub_block(Value& out, std::string_view cfn, const Value& body, std::string_view native,
                   std::initializer_list<Field> fields);

// A nested block mapped by `fill(from, to)` onto `cfn`; a non-map (unknown) block stays as is.
template <typename Fill>
void set_block(Value& properties, std::string_view cfn, const Value* from, Fill fill) {
    if (from == nullptr) return;
    Value to = *from;
    if (from->is_map()) {
        to = Value::map({}, from->range());
        fill(*from, to);
    }
    properties.set(std::string(cfn), std::move(to), from->range());
}

// Each `name` block mapped as by set_block(), as a list `cfn` at the argument (even when empty).
template <typename Fill>
void set_blocks(Value& properties, std::string_view cfn, const Value& body, std::string_view name,
                Fill fill) {
    const Value* all = argument(body, name);
    if (all == nullptr) return;
    Value list = Value::list({}, all->range());
    for (const Value* from : blocks(body, name)) {
        Value to = *from;
        if (from->is_map()) {
            to = Value::map({}, from->range());
            fill(*from, to);
        }
        list.as_list().push_back(std::move(to));
    }
    properties.set(std::string(cfn), std::move(list), all->range());
}

}  // namespace bulwark::terraform::adapt
