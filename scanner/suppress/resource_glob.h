#pragma once

// Globs over resource names, for suppressions scoped in the configuration file. A resource is
// named by a path of segments: a CDK construct path or a CloudFormation address
// (`Prod/Logs/Bucket`, nested stacks `Parent/Child/Queue`) is split at '/', a Terraform address
// (`module.logs.aws_s3_bucket.this["a"]`) at '.' outside its `[...]` instance keys.
//
// In a glob, `*` matches any characters inside one segment, `**` (a whole segment) matches zero
// or more segments, everything else is literal (`[` starts an instance key, not a character
// class). A Terraform segment written without an instance key matches every instance, as
// `terraform -target` does: `aws_s3_bucket.logs` covers `aws_s3_bucket.logs[0]`.

#include <optional>
#include <string>
#include <string_view>

#include "model/resource.h"

namespace bulwark {

// What is wrong with a glob (empty, an empty segment, `**` inside a segment, an unclosed
// `[`), or nullopt when it is well formed.
std::optional<std::string> resource_glob_problem(std::string_view glob);

// Does `glob` match `name`, both split at `separator` ('/' or '.')?
bool resource_glob_match(std::string_view glob, std::string_view name, char separator);

// Does `glob` name the resource? Terraform resources match by address; every other format by
// address (a CloudFormation logical ID, a nested stack's `Parent/Child/Id`, a CDK construct's
// path without its `/Resource`) or by full construct path (`Prod/Logs/Bucket/Resource`).
bool resource_glob_matches(std::string_view glob, const Resource& resource);

}  // namespace bulwark
