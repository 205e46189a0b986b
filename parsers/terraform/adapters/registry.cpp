#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"
#include "util/parallel.h"

namespace bulwark::terraform {
namespace {

AdapterCatalog build_catalog() {
    AdapterCatalog catalog;
    add_s3_adapters(catalog);
    add_kms_adapters(catalog);
    add_dynamodb_adapters(catalog);
    add_rds_adapters(catalog);
    add_ec2_security_group_adapters(catalog);
    add_cloudtrail_adapters(catalog);
    add_iam_adapters(catalog);
    add_lambda_adapters(catalog);
    add_secretsmanager_adapters(catalog);
    add_sqs_adapters(catalog);
    add_sns_adapters(catalog);
    add_logs_adapters(catalog);
    add_vpc_adapters(catalog);
    add_ec2_adapters(catalog);
    add_elb_adapters(catalog);
    add_cloudfront_adapters(catalog);
    add_apigateway_adapters(catalog);
    add_ecr_adapters(catalog);
    add_efs_adapters(catalog);
    add_elasticache_adapters(catalog);
    add_redshift_adapters(catalog);
    add_opensearch_adapters(catalog);
    add_codeartifact_adapters(catalog);
    add_config_adapters(catalog);
    add_guardduty_adapters(catalog);
    add_kinesis_adapters(catalog);
    add_docdb_adapters(catalog);
    add_neptune_adapters(catalog);
    add_backup_adapters(catalog);
    add_dms_adapters(catalog);
    add_wafv2_adapters(catalog);
    add_route53_adapters(catalog);
    add_securityhub_adapters(catalog);
    add_accessanalyzer_adapters(catalog);
    add_inspector_adapters(catalog);
    add_events_adapters(catalog);
    add_ssm_adapters(catalog);
    add_glue_adapters(catalog);
    add_sagemaker_adapters(catalog);
    add_athena_adapters(catalog);
    add_codebuild_adapters(catalog);
    add_stepfunctions_adapters(catalog);
    add_ecs_adapters(catalog);
    add_eks_adapters(catalog);
    add_mq_adapters(catalog);
    add_msk_adapters(catalog);
    add_elasticbeanstalk_adapters(catalog);
    add_autoscaling_adapters(catalog);
    return catalog;
}

const ResourceAdapter* resource_adapter(std::string_view type) {
    // By native type, the first adapter of a type winning, as a search in catalog order would.
    static const std::unordered_map<std::string_view, const ResourceAdapter*> kByType = [] {
        std::unordered_map<std::string_view, const ResourceAdapter*> index;
        for (const ResourceAdapter& adapter : adapter_catalog().resources)
            index.try_emplace(adapter.native_type, &adapter);
        return index;
    }();
    auto found = kByType.find(type);
    return found == kByType.end() ? nullptr : found->second;
}

// Whether the attachment pass reads bodies of this type: an attachment's, or an owner's (its
// literal name argument).
bool takes_part_in_attachments(std::string_view type) {
    for (const AttachmentAdapter& attachment : adapter_catalog().attachments) {
        if (attachment.native_type == type || attachment.owner_native_type == type) return true;
    }
    return false;
}

Resource to_resource(NativeResource& native, std::string type) {
    Resource resource;
    resource.address = native.address;
    resource.type = std::move(type);
    resource.native_type = native.type;
    resource.format = SourceFormat::Terraform;
    resource.file = native.file;
    resource.scope = native.scope;
    resource.range = native.range;
    resource.extent = native.range;
    resource.module_calls = native.module_calls;
    resource.range.end = {resource.range.begin.line, resource.range.begin.column + 8};
    resource.properties = Value::map({}, resource.range);
    resource.depends_on = native.depends_on;
    return resource;
}

// `lifecycle { prevent_destroy = true }` makes Terraform refuse any plan that destroys the
// resource: the same protection CloudFormation's `DeletionPolicy: Retain` gives, so rules about
// resources kept on deletion read one attribute, `$resource.DeletionPolicy`, for every format.
void apply_lifecycle(const NativeResource& native, Value& attributes) {
    const Value* prevent = native.lifecycle.find("prevent_destroy");
    if (prevent == nullptr) return;
    if (prevent->is_bool() && prevent->as_bool()) {
        attributes.set("DeletionPolicy", Value::string("Retain", prevent->range()),
                       prevent->range());
    } else if (prevent->is_unknown()) {
        attributes.set("DeletionPolicy", *prevent, prevent->range());
    }
}

}  // namespace

const AdapterCatalog& adapter_catalog() {
    static const AdapterCatalog kCatalog = build_catalog();
    return kCatalog;
}

std::vector<Resource> adapt_resources(std::vector<NativeResource> natives, std::vector<Diagnostic>&,
                                      unsigned threads) {
    // Owners by scope and address, and by their literal name argument.
    std::map<std::pair<std::string, std::string>, std::size_t> by_address;
    for (std::size_t i = 0; i < natives.size(); ++i) {
        by_address.emplace(std::make_pair(natives[i].scope, natives[i].address), i);
    }
    // Natives by type, in order: each attachment adapter looks at its own type only.
    std::unordered_map<std::string_view, std::vector<std::size_t>> of_type;
    for (std::size_t i = 0; i < natives.size(); ++i)
        of_type[natives[i].type].push_back(i);
    static const std::vector<std::size_t> kNone;
    auto natives_of = [&](std::string_view type) -> const std::vector<std::size_t>& {
        auto found = of_type.find(type);
        return found == of_type.end() ? kNone : found->second;
    };
    std::vector<Resource> resources(natives.size());
    std::vector<bool> attached(natives.size(), false);
    // Adapters read one native resource and write one resource: they run in parallel.
    parallel_for(natives.size(), threads, [&](std::size_t i) {
        NativeResource& native = natives[i];
        // The attachment pass below reads the bodies of attachments and of their owners; any
        // other body is released as soon as it is adapted (natives and their adapted copies
        // would otherwise all be alive at once).
        const bool body_needed_later = takes_part_in_attachments(native.type);
        if (const ResourceAdapter* adapter = resource_adapter(native.type)) {
            resources[i] = to_resource(native, std::string(adapter->canonical_type));
            adapter->adapt(native, resources[i].properties);
            if (adapter->attributes) adapter->attributes(native, resources[i].attributes);
            // Tags are read the same way for every type (the organisation's required tags), so an
            // adapter that does not map them still gets CloudFormation's [{Key, Value}] list.
            if (resources[i].properties.find("Tags") == nullptr) {
                adapt::copy_tags(resources[i].properties, "Tags", native.body);
            }
            if (!body_needed_later) native.body = Value();
        } else {
            resources[i] = to_resource(native, native.type);
            resources[i].properties =
                body_needed_later ? native.body : std::exchange(native.body, Value());
        }
        apply_lifecycle(native, resources[i].attributes);
    });
    // Attachments: merged into the owner they name by reference, or by literal name.
    for (const AttachmentAdapter& attachment : adapter_catalog().attachments) {
        for (std::size_t i : natives_of(attachment.native_type)) {
            const NativeResource& native = natives[i];
            const Value* owner_value = native.body.find(attachment.owner_argument);
            if (owner_value == nullptr) continue;
            std::optional<std::size_t> owner;
            if (owner_value->is_unknown()) {
                for (const Reference& reference : owner_value->as_unknown().references) {
                    auto found = by_address.find({native.scope, reference.target});
                    if (found != by_address.end() &&
                        natives[found->second].type == attachment.owner_native_type) {
                        owner = found->second;
                    }
                }
            } else if (owner_value->is_string() && !attachment.owner_name_argument.empty()) {
                for (std::size_t j : natives_of(attachment.owner_native_type)) {
                    const Value* name = natives[j].body.find(attachment.owner_name_argument);
                    if (name && name->is_string() &&
                        name->as_string() == owner_value->as_string()) {
                        owner = j;
                    }
                }
            }
            if (!owner) continue;
            attachment.merge(native, resources[*owner].properties);
            attached[i] = true;
            resources[i].depends_on.push_back(Reference{natives[*owner].address, ""});
        }
    }
    // An attached resource stays in the graph as a native node (custom rules may target it),
    // but without its canonical type, so that rules see its settings once, on the owner.
    for (std::size_t i = 0; i < natives.size(); ++i) {
        if (attached[i]) {
            resources[i].type = natives[i].type;
            resources[i].properties = std::move(natives[i].body);  // its last use
        }
    }
    return resources;
}

}  // namespace bulwark::terraform
