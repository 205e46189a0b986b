// aws_dynamodb_table.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void table(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "TableName", argument(body, "name"));
    copy(properties, "BillingMode", argument(body, "billing_mode"));
    copy(properties, "DeletionProtectionEnabled", argument(body, "deletion_protection_enabled"));
    if (const Value* recovery = block(body, "point_in_time_recovery")) {
        Value specification = Value::map({}, recovery->range());
        copy(specification, "PointInTimeRecoveryEnabled", argument(*recovery, "enabled"));
        copy(specification, "RecoveryPeriodInDays", argument(*recovery, "recovery_period_in_days"));
        properties.set("PointInTimeRecoverySpecification", std::move(specification), recovery->range());
    }
    if (const Value* encryption = block(body, "server_side_encryption")) {
        Value specification = Value::map({}, encryption->range());
        copy(specification, "SSEEnabled", argument(*encryption, "enabled"));
        copy(specification, "KMSMasterKeyId", argument(*encryption, "kms_key_arn"));
        properties.set("SSESpecification", std::move(specification), encryption->range());
    }
}

}  // namespace

void add_dynamodb_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_dynamodb_table", "AWS::DynamoDB::Table", table});
}

}  // namespace bulwark::terraform
