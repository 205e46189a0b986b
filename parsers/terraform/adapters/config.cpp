// AWS Config: aws_config_configuration_recorder → AWS::Config::ConfigurationRecorder,
// aws_config_delivery_channel → AWS::Config::DeliveryChannel, aws_config_config_rule →
// AWS::Config::ConfigRule, and aws_config_configuration_recorder_status (whether the recorder
// runs; CloudFormation starts recorders itself) → Bulwark::Config::RecorderStatus.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void recording_group(const Value& from, Value& to) {
    // Inside the block, the provider sends all_supported = true when it is omitted.
    if (const Value* all = argument(from, "all_supported")) {
        copy(to, "AllSupported", all);
    } else {
        to.set("AllSupported", Value::boolean(true, from.range()), from.range());
    }
    copy(to, "IncludeGlobalResourceTypes", argument(from, "include_global_resource_types"));
    copy(to, "ResourceTypes", argument(from, "resource_types"));
    set_block(to, "ExclusionByResourceTypes", block(from, "exclusion_by_resource_types"),
              [](const Value& exclusion, Value& out) {
                  copy(out, "ResourceTypes", argument(exclusion, "resource_types"));
              });
    set_block(to, "RecordingStrategy", block(from, "recording_strategy"),
              [](const Value& strategy, Value& out) {
                  copy(out, "UseOnly", argument(strategy, "use_only"));
              });
}

void recorder(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    copy(properties, "RoleARN", argument(body, "role_arn"));
    set_block(properties, "RecordingGroup", block(body, "recording_group"), recording_group);
    set_block(properties, "RecordingMode", block(body, "recording_mode"),
              [](const Value& from, Value& to) {
                  copy(to, "RecordingFrequency", argument(from, "recording_frequency"));
                  const Value* overrides = argument(from, "recording_mode_override");
                  if (overrides == nullptr) return;
                  Value list = Value::list({}, overrides->range());
                  for (const Value* item : blocks(from, "recording_mode_override")) {
                      Value entry = *item;
                      if (item->is_map()) {
                          entry = Value::map({}, item->range());
                          copy(entry, "Description", argument(*item, "description"));
                          copy(entry, "RecordingFrequency", argument(*item, "recording_frequency"));
                          copy(entry, "ResourceTypes", argument(*item, "resource_types"));
                      }
                      list.as_list().push_back(std::move(entry));
                  }
                  to.set("RecordingModeOverrides", std::move(list), overrides->range());
              });
}

void delivery_channel(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    copy(properties, "S3BucketName", argument(body, "s3_bucket_name"));
    copy(properties, "S3KeyPrefix", argument(body, "s3_key_prefix"));
    copy(properties, "S3KmsKeyArn", argument(body, "s3_kms_key_arn"));
    copy(properties, "SnsTopicARN", argument(body, "sns_topic_arn"));
    set_block(properties, "ConfigSnapshotDeliveryProperties",
              block(body, "snapshot_delivery_properties"), [](const Value& from, Value& to) {
                  copy(to, "DeliveryFrequency", argument(from, "delivery_frequency"));
              });
}

void recorder_status(const NativeResource& native, Value& properties) {
    copy(properties, "Name", argument(native.body, "name"));
    copy(properties, "IsEnabled", argument(native.body, "is_enabled"));
}

void source(const Value& from, Value& to) {
    copy(to, "Owner", argument(from, "owner"));
    copy(to, "SourceIdentifier", argument(from, "source_identifier"));
    const Value* details = argument(from, "source_detail");
    if (details != nullptr) {
        Value list = Value::list({}, details->range());
        for (const Value* item : blocks(from, "source_detail")) {
            Value entry = *item;
            if (item->is_map()) {
                entry = Value::map({}, item->range());
                copy(entry, "EventSource", argument(*item, "event_source"));
                copy(entry, "MessageType", argument(*item, "message_type"));
                copy(entry, "MaximumExecutionFrequency",
                     argument(*item, "maximum_execution_frequency"));
            }
            list.as_list().push_back(std::move(entry));
        }
        to.set("SourceDetails", std::move(list), details->range());
    }
    set_block(to, "CustomPolicyDetails", block(from, "custom_policy_details"),
              [](const Value& policy, Value& out) {
                  copy(out, "PolicyRuntime", argument(policy, "policy_runtime"));
                  copy(out, "PolicyText", argument(policy, "policy_text"));
                  copy(out, "EnableDebugLogDelivery",
                       argument(policy, "enable_debug_log_delivery"));
              });
}

void config_rule(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ConfigRuleName", argument(body, "name"));
    copy(properties, "Description", argument(body, "description"));
    copy(properties, "MaximumExecutionFrequency", argument(body, "maximum_execution_frequency"));
    // A JSON string in Terraform, a JSON object in CloudFormation.
    if (const Value* parameters = argument(body, "input_parameters")) {
        properties.set("InputParameters", policy_document(*parameters), parameters->range());
    }
    set_block(properties, "Scope", block(body, "scope"), [](const Value& from, Value& to) {
        copy(to, "ComplianceResourceId", argument(from, "compliance_resource_id"));
        copy(to, "ComplianceResourceTypes", argument(from, "compliance_resource_types"));
        copy(to, "TagKey", argument(from, "tag_key"));
        copy(to, "TagValue", argument(from, "tag_value"));
    });
    set_block(properties, "Source", block(body, "source"), source);
    if (const Value* modes = argument(body, "evaluation_mode")) {
        Value list = Value::list({}, modes->range());
        for (const Value* item : blocks(body, "evaluation_mode")) {
            Value entry = *item;
            if (item->is_map()) {
                entry = Value::map({}, item->range());
                copy(entry, "Mode", argument(*item, "mode"));
            }
            list.as_list().push_back(std::move(entry));
        }
        properties.set("EvaluationModes", std::move(list), modes->range());
    }
}

}  // namespace

void add_config_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_config_configuration_recorder", "AWS::Config::ConfigurationRecorder", recorder});
    catalog.resources.push_back(
        {"aws_config_delivery_channel", "AWS::Config::DeliveryChannel", delivery_channel});
    catalog.resources.push_back({"aws_config_configuration_recorder_status",
                                 "Bulwark::Config::RecorderStatus", recorder_status});
    catalog.resources.push_back({"aws_config_config_rule", "AWS::Config::ConfigRule", config_rule});
}

}  // namespace bulwark::terraform
