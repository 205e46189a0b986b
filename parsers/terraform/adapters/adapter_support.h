#pragma once

#include <string_view>

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

}  // namespace bulwark::terraform::adapt
