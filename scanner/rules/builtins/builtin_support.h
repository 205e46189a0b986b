#pragma once

// Helpers shared by the built-in checks.

#include <optional>
#include <string>
#include <string_view>

#include "model/tri.h"
#include "model/value.h"
#include "rules/builtins.h"

namespace bulwark::builtin_support {

// The value's own source range, when it has one.
std::optional<SourceRange> evidence_of(const Value& value);

// A number written as a number or as a numeric string (CloudFormation accepts both).
std::optional<double> numeric(const Value& value);

// The validator of builtins that take no arguments.
std::optional<std::string> no_args(const Value& args);

// The service prefix of a resource type: AWS::S3::BucketPolicy -> s3.
std::string service_of(std::string_view type);

// True when `value` (one string or a list) contains a string satisfying `accept`; Unknown when an
// element is unknown and none satisfies it.
template <typename Accept>
Tri any_string(const Value* value, Accept accept) {
    if (value == nullptr) return Tri::False;
    if (value->is_unknown()) return Tri::Unknown;
    if (value->is_string()) return tri(accept(value->as_string()));
    if (!value->is_list()) return Tri::False;
    Tri result = Tri::False;
    for (const Value& item : value->as_list()) {
        if (item.is_unknown())
            result = tri_or(result, Tri::Unknown);
        else if (item.is_string() && accept(item.as_string()))
            return Tri::True;
    }
    return result;
}

}  // namespace bulwark::builtin_support
