// aws_athena_workgroup → AWS::Athena::WorkGroup.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void workgroup(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    copy(properties, "Description", argument(body, "description"));
    copy(properties, "State", argument(body, "state"));
    set_block(
        properties, "WorkGroupConfiguration", block(body, "configuration"),
        [](const Value& from, Value& to) {
            // Inside the block the provider sends enforce_workgroup_configuration = true
            // when it is omitted.
            if (const Value* enforce = argument(from, "enforce_workgroup_configuration")) {
                copy(to, "EnforceWorkGroupConfiguration", enforce);
            } else {
                to.set("EnforceWorkGroupConfiguration", Value::boolean(true, from.range()),
                       from.range());
            }
            copy_fields(to, from,
                        {{"publish_cloudwatch_metrics_enabled", "PublishCloudWatchMetricsEnabled"},
                         {"bytes_scanned_cutoff_per_query", "BytesScannedCutoffPerQuery"},
                         {"requester_pays_enabled", "RequesterPaysEnabled"}});
            set_block(
                to, "ResultConfiguration", block(from, "result_configuration"),
                [](const Value& result, Value& out) {
                    copy(out, "OutputLocation", argument(result, "output_location"));
                    copy(out, "ExpectedBucketOwner", argument(result, "expected_bucket_owner"));
                    set_sub_block(
                        out, "EncryptionConfiguration", result, "encryption_configuration",
                        {{"encryption_option", "EncryptionOption"}, {"kms_key_arn", "KmsKey"}});
                });
        });
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_athena_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_athena_workgroup", "AWS::Athena::WorkGroup", workgroup});
}

}  // namespace bulwark::terraform
