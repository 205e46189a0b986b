#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_range.h"
#include "model/value.h"

namespace bulwark {

// Where a resource was written. The graph speaks CloudFormation whatever the format.
enum class SourceFormat : std::uint8_t {
    CloudFormation,
    Sam,
    Terraform,
    TerraformPlan,
    CdkAssembly,
    CdkPython,
    CdkTypeScript,
};

std::string_view to_string(SourceFormat format);

// What a graph entry declares. Inputs (CloudFormation parameters, Terraform variables) are how
// values enter the code: rules may target them by type (Bulwark::CloudFormation::Parameter,
// Bulwark::Terraform::Variable), but they are not resources: summaries do not count them, the
// resource inventory does not list them, and references never resolve to them.
enum class EntryKind : std::uint8_t { Resource, Input };

// A resource of the graph, or an input declaration (see EntryKind). Inputs keep their declaration
// as written in `properties` (a parameter's Type, Default, NoEcho; a variable's default,
// sensitive, ...), their declared name in `attributes.Name`, and the declaration's range.
struct Resource {
    EntryKind kind = EntryKind::Resource;
    std::string address;  // CloudFormation logical ID; Terraform aws_x.name, module.m.aws_x.name[0]
    std::string type;     // canonical CloudFormation type, e.g. AWS::S3::Bucket
    std::string native_type;  // as written: AWS::S3::Bucket, aws_s3_bucket, s3.Bucket
    SourceFormat format = SourceFormat::CloudFormation;
    FileId file = kNoFile;
    std::string scope;  // references resolve inside one scope: a template, a module instance
    SourceRange range;  // the resource's header: logical ID line, resource block line
    // The whole definition (the resource block or mapping), for comments written inside it.
    SourceRange extent;
    // Terraform: the module calls that created the resource, outermost first, so a suppression
    // written on a `module` block covers everything the module creates.
    std::vector<SourceRange> module_calls;
    Value properties = Value::map({});
    // Resource-level settings: DeletionPolicy, UpdateReplacePolicy, Condition, Metadata, ...
    Value attributes = Value::map({});
    std::vector<Reference> depends_on;
    // CDK: the full construct path (`App/Logs/Resource`), and where the app's source creates the
    // construct when the cloud assembly records it (invalid otherwise).
    std::string construct_path;
    SourceRange construct_source;
};

}  // namespace bulwark
