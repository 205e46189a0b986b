// aws_cloudtrail (AWS::CloudTrail::Trail, with its event selectors) and
// aws_cloudtrail_event_data_store (AWS::CloudTrail::EventDataStore, CloudTrail Lake).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// advanced_event_selector { name, field_selector { field, equals, ... } } as CloudFormation's
// {Name, FieldSelectors: [{Field, Equals, ...}]}.
void advanced_selector(const Value& from, Value& to) {
    copy(to, "Name", argument(from, "name"));
    set_blocks(to, "FieldSelectors", from, "field_selector", [](const Value& field, Value& out) {
        copy_fields(out, field,
                    {{"field", "Field"},
                     {"equals", "Equals"},
                     {"not_equals", "NotEquals"},
                     {"starts_with", "StartsWith"},
                     {"not_starts_with", "NotStartsWith"},
                     {"ends_with", "EndsWith"},
                     {"not_ends_with", "NotEndsWith"}});
    });
}

void trail(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "TrailName", argument(body, "name"));
    copy(properties, "S3BucketName", argument(body, "s3_bucket_name"));
    copy(properties, "KMSKeyId", argument(body, "kms_key_id"));
    copy(properties, "CloudWatchLogsLogGroupArn", argument(body, "cloud_watch_logs_group_arn"));
    copy(properties, "IsOrganizationTrail", argument(body, "is_organization_trail"));
    // Provider defaults: validation off, single-Region, global events on, logging on.
    copy_or_default(properties, "EnableLogFileValidation",
                    argument(body, "enable_log_file_validation"), Value::boolean(false), native);
    copy_or_default(properties, "IsMultiRegionTrail", argument(body, "is_multi_region_trail"),
                    Value::boolean(false), native);
    copy_or_default(properties, "IncludeGlobalServiceEvents",
                    argument(body, "include_global_service_events"), Value::boolean(true), native);
    copy_or_default(properties, "IsLogging", argument(body, "enable_logging"), Value::boolean(true),
                    native);
    copy_fields(properties, body,
                {{"cloud_watch_logs_role_arn", "CloudWatchLogsRoleArn"},
                 {"s3_key_prefix", "S3KeyPrefix"},
                 {"sns_topic_name", "SnsTopicName"}});
    set_blocks(
        properties, "EventSelectors", body, "event_selector", [](const Value& from, Value& to) {
            copy_fields(to, from,
                        {{"read_write_type", "ReadWriteType"},
                         {"include_management_events", "IncludeManagementEvents"},
                         {"exclude_management_event_sources", "ExcludeManagementEventSources"}});
            set_blocks(to, "DataResources", from, "data_resource",
                       [](const Value& resource, Value& out) {
                           copy_fields(out, resource, {{"type", "Type"}, {"values", "Values"}});
                       });
        });
    set_blocks(properties, "AdvancedEventSelectors", body, "advanced_event_selector",
               advanced_selector);
    copy_tags(properties, "Tags", body);
}

void event_data_store(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"}, {"kms_key_id", "KmsKeyId"}, {"billing_mode", "BillingMode"}});
    // Provider defaults: seven years of retention, all Regions, termination protection on.
    copy_or_default(properties, "RetentionPeriod", argument(body, "retention_period"),
                    Value::number(2555), native);
    copy_or_default(properties, "MultiRegionEnabled", argument(body, "multi_region_enabled"),
                    Value::boolean(true), native);
    copy_or_default(properties, "OrganizationEnabled", argument(body, "organization_enabled"),
                    Value::boolean(false), native);
    copy_or_default(properties, "TerminationProtectionEnabled",
                    argument(body, "termination_protection_enabled"), Value::boolean(true), native);
    set_blocks(properties, "AdvancedEventSelectors", body, "advanced_event_selector",
               advanced_selector);
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_cloudtrail_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_cloudtrail", "AWS::CloudTrail::Trail", trail});
    catalog.resources.push_back(
        {"aws_cloudtrail_event_data_store", "AWS::CloudTrail::EventDataStore", event_data_store});
}

}  // namespace bulwark::terraform
