// aws_cloudtrail.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void trail(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "TrailName", argument(body, "name"));
    copy(properties, "S3BucketName", argument(body, "s3_bucket_name"));
    copy(properties, "KMSKeyId", argument(body, "kms_key_id"));
    copy(properties, "CloudWatchLogsLogGroupArn", argument(body, "cloud_watch_logs_group_arn"));
    copy(properties, "IsOrganizationTrail", argument(body, "is_organization_trail"));
    // Provider defaults: validation off, single-Region, global events on, logging on.
    copy_or_default(properties, "EnableLogFileValidation", argument(body, "enable_log_file_validation"),
                    Value::boolean(false), native);
    copy_or_default(properties, "IsMultiRegionTrail", argument(body, "is_multi_region_trail"),
                    Value::boolean(false), native);
    copy_or_default(properties, "IncludeGlobalServiceEvents",
                    argument(body, "include_global_service_events"), Value::boolean(true), native);
    copy_or_default(properties, "IsLogging", argument(body, "enable_logging"), Value::boolean(true), native);
}

}  // namespace

void add_cloudtrail_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_cloudtrail", "AWS::CloudTrail::Trail", trail});
}

}  // namespace bulwark::terraform
