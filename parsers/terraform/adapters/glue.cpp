// Glue: aws_glue_data_catalog_encryption_settings (AWS::Glue::DataCatalogEncryptionSettings),
// aws_glue_security_configuration (AWS::Glue::SecurityConfiguration) and aws_glue_job
// (AWS::Glue::Job).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void catalog_encryption(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "CatalogId", argument(body, "catalog_id"));
    set_block(
        properties, "DataCatalogEncryptionSettings",
        block(body, "data_catalog_encryption_settings"), [](const Value& from, Value& to) {
            set_sub_block(
                to, "ConnectionPasswordEncryption", from, "connection_password_encryption",
                {{"aws_kms_key_id", "KmsKeyId"},
                 {"return_connection_password_encrypted", "ReturnConnectionPasswordEncrypted"}});
            set_sub_block(to, "EncryptionAtRest", from, "encryption_at_rest",
                          {{"catalog_encryption_mode", "CatalogEncryptionMode"},
                           {"sse_aws_kms_key_id", "SseAwsKmsKeyId"},
                           {"catalog_encryption_service_role", "CatalogEncryptionServiceRole"}});
        });
}

void security_configuration(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    set_block(properties, "EncryptionConfiguration", block(body, "encryption_configuration"),
              [](const Value& from, Value& to) {
                  set_sub_block(to, "CloudWatchEncryption", from, "cloudwatch_encryption",
                                {{"cloudwatch_encryption_mode", "CloudWatchEncryptionMode"},
                                 {"kms_key_arn", "KmsKeyArn"}});
                  set_sub_block(to, "JobBookmarksEncryption", from, "job_bookmarks_encryption",
                                {{"job_bookmarks_encryption_mode", "JobBookmarksEncryptionMode"},
                                 {"kms_key_arn", "KmsKeyArn"}});
                  // CloudFormation lists S3 encryption settings; Terraform has one block.
                  set_blocks(to, "S3Encryptions", from, "s3_encryption",
                             [](const Value& s3, Value& out) {
                                 copy(out, "S3EncryptionMode", argument(s3, "s3_encryption_mode"));
                                 copy(out, "KmsKeyArn", argument(s3, "kms_key_arn"));
                             });
              });
}

void job(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"},
                 {"role_arn", "Role"},
                 {"glue_version", "GlueVersion"},
                 {"worker_type", "WorkerType"},
                 {"number_of_workers", "NumberOfWorkers"},
                 {"max_retries", "MaxRetries"},
                 {"timeout", "Timeout"},
                 {"security_configuration", "SecurityConfiguration"},
                 {"default_arguments", "DefaultArguments"},
                 {"connections", "Connections"}});
    set_sub_block(properties, "Command", body, "command",
                  {{"name", "Name"},
                   {"script_location", "ScriptLocation"},
                   {"python_version", "PythonVersion"}});
    copy(properties, "Tags", argument(body, "tags"));
}

}  // namespace

void add_glue_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_glue_data_catalog_encryption_settings",
                                 "AWS::Glue::DataCatalogEncryptionSettings", catalog_encryption});
    catalog.resources.push_back({"aws_glue_security_configuration",
                                 "AWS::Glue::SecurityConfiguration", security_configuration});
    catalog.resources.push_back({"aws_glue_job", "AWS::Glue::Job", job});
}

}  // namespace bulwark::terraform
