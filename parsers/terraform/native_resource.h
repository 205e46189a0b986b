#pragma once

#include <string>
#include <vector>

#include "model/source_range.h"
#include "model/value.h"

namespace bulwark::terraform {

// A Terraform resource instance after evaluation, before it is adapted to the canonical model:
// its arguments and nested blocks as written (nested blocks are lists of maps), with ranges.
struct NativeResource {
    std::string address;  // module.m.aws_s3_bucket.logs["raw"]
    std::string type;     // aws_s3_bucket
    FileId file = kNoFile;
    SourceRange range;  // the resource block (its first line is the header)
    std::string scope;  // the root module the instance belongs to
    Value body = Value::map({});
    // The evaluated `lifecycle { ... }` meta-block (prevent_destroy, ...); empty when absent.
    Value lifecycle = Value::map({});
    std::vector<Reference> depends_on;
    std::vector<SourceRange> module_calls;  // outermost first
};

}  // namespace bulwark::terraform
