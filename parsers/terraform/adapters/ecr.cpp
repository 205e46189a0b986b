// aws_ecr_repository → AWS::ECR::Repository, with aws_ecr_repository_policy (RepositoryPolicyText)
// and aws_ecr_lifecycle_policy (LifecyclePolicy) merged into the repository they name.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// Terraform's `tags` map as CloudFormation's [{Key, Value}] list; a map known only after apply
// stays unknown.
void copy_tags(Value& properties, std::string_view cfn, const Value& body) {
    const Value* tags = argument(body, "tags");
    if (tags == nullptr) return;
    if (!tags->is_map()) {
        copy(properties, cfn, tags);
        return;
    }
    Value list = Value::list({}, tags->range());
    for (const Value::Entry& entry : tags->as_map()) {
        Value tag = Value::map({}, entry.key_range);
        tag.set("Key", Value::string(entry.key, entry.key_range), entry.key_range);
        tag.set("Value", entry.value, entry.value.range());
        list.as_list().push_back(std::move(tag));
    }
    properties.set(std::string(cfn), std::move(list), tags->range());
}

// A nested block mapped by `fill` onto a CloudFormation sub-property. A block that a dynamic
// block generates from a value known only after apply stays unknown.
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

// Every instance of a repeated nested block, as a CloudFormation list.
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
