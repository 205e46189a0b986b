// aws_kms_key and aws_kms_external_key.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void key(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Description", argument(body, "description"));
    // The provider sends enable_key_rotation = false when it is omitted.
    copy_or_default(properties, "EnableKeyRotation", argument(body, "enable_key_rotation"),
                    Value::boolean(false), native);
    copy(properties, "KeySpec", argument(body, "customer_master_key_spec"));
    copy(properties, "KeyUsage", argument(body, "key_usage"));
    copy(properties, "MultiRegion", argument(body, "multi_region"));
    copy(properties, "PendingWindowInDays", argument(body, "deletion_window_in_days"));
    copy(properties, "RotationPeriodInDays", argument(body, "rotation_period_in_days"));
    copy(properties, "Enabled", argument(body, "is_enabled"));
    if (const Value* policy = argument(body, "policy")) {
        properties.set("KeyPolicy", policy_document(*policy), policy->range());
    }
}

void external_key(const NativeResource& native, Value& properties) {
    key(native, properties);
    properties.set("Origin", Value::string("EXTERNAL", header(native)), header(native));
}

}  // namespace

void add_kms_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_kms_key", "AWS::KMS::Key", key});
    catalog.resources.push_back({"aws_kms_external_key", "AWS::KMS::Key", external_key});
}

}  // namespace bulwark::terraform
