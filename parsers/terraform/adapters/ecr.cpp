// aws_ecr_repository → AWS::ECR::Repository, with aws_ecr_repository_policy (RepositoryPolicyText)
// and aws_ecr_lifecycle_policy (LifecyclePolicy) merged into the repository they name.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void repository(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "RepositoryName", argument(body, "name"));
    // The provider sends MUTABLE when image_tag_mutability is omitted.
    copy_or_default(properties, "ImageTagMutability", argument(body, "image_tag_mutability"),
                    Value::string("MUTABLE"), native);
    set_blocks(properties, "ImageTagMutabilityExclusionFilters", body,
               "image_tag_mutability_exclusion_filter", [](const Value& from, Value& to) {
                   copy(to, "ImageTagMutabilityExclusionFilterType", argument(from, "filter_type"));
                   copy(to, "ImageTagMutabilityExclusionFilterValue", argument(from, "filter"));
               });
    set_block(properties, "ImageScanningConfiguration", block(body, "image_scanning_configuration"),
              [](const Value& from, Value& to) {
                  copy(to, "ScanOnPush", argument(from, "scan_on_push"));
              });
    set_block(properties, "EncryptionConfiguration", block(body, "encryption_configuration"),
              [](const Value& from, Value& to) {
                  copy(to, "EncryptionType", argument(from, "encryption_type"));
                  copy(to, "KmsKey", argument(from, "kms_key"));
              });
    copy(properties, "EmptyOnDelete", argument(body, "force_delete"));
    copy_tags(properties, "Tags", body);
}

void merge_repository_policy(const NativeResource& native, Value& properties) {
    if (const Value* policy = argument(native.body, "policy")) {
        properties.set("RepositoryPolicyText", policy_document(*policy), policy->range());
    }
}

// CloudFormation takes the lifecycle policy as JSON text, as Terraform does: kept as written.
void merge_lifecycle_policy(const NativeResource& native, Value& properties) {
    if (const Value* policy = argument(native.body, "policy")) {
        set_path(properties, {"LifecyclePolicy", "LifecyclePolicyText"}, *policy);
    }
}

}  // namespace

void add_ecr_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_ecr_repository", "AWS::ECR::Repository", repository});
    catalog.attachments.push_back({"aws_ecr_repository_policy", "aws_ecr_repository", "repository",
                                   "name", merge_repository_policy});
    catalog.attachments.push_back({"aws_ecr_lifecycle_policy", "aws_ecr_repository", "repository",
                                   "name", merge_lifecycle_policy});
}

}  // namespace bulwark::terraform
