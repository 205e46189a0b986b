// Lambda: aws_lambda_function, aws_lambda_permission, aws_lambda_function_url and
// aws_lambda_function_event_invoke_config.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void function(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "FunctionName", argument(body, "function_name"));
    copy(properties, "Description", argument(body, "description"));
    copy(properties, "Runtime", argument(body, "runtime"));
    copy(properties, "Handler", argument(body, "handler"));
    copy(properties, "Role", argument(body, "role"));
    copy(properties, "PackageType", argument(body, "package_type"));
    copy(properties, "Architectures", argument(body, "architectures"));
    copy(properties, "MemorySize", argument(body, "memory_size"));
    copy(properties, "Timeout", argument(body, "timeout"));
    copy(properties, "KmsKeyArn", argument(body, "kms_key_arn"));
    copy(properties, "Layers", argument(body, "layers"));
    copy(properties, "CodeSigningConfigArn", argument(body, "code_signing_config_arn"));
    // -1 is Terraform's way of saying "no reserved concurrency", which CloudFormation expresses by
    // leaving the property out.
    if (const Value* reserved = argument(body, "reserved_concurrent_executions");
        reserved && !(reserved->is_number() && reserved->as_number() < 0)) {
        copy(properties, "ReservedConcurrentExecutions", reserved);
    }
    // Code: a deployment package in S3 or a container image (a local `filename` has no
    // CloudFormation counterpart).
    if (const Value* bucket = argument(body, "s3_bucket"))
        set_path(properties, {"Code", "S3Bucket"}, *bucket);
    if (const Value* key = argument(body, "s3_key")) set_path(properties, {"Code", "S3Key"}, *key);
    if (const Value* version = argument(body, "s3_object_version")) {
        set_path(properties, {"Code", "S3ObjectVersion"}, *version);
    }
    if (const Value* image = argument(body, "image_uri"))
        set_path(properties, {"Code", "ImageUri"}, *image);
    set_sub_block(properties, "Environment", body, "environment", {{"variables", "Variables"}});
    set_sub_block(properties, "VpcConfig", body, "vpc_config",
                  {{"subnet_ids", "SubnetIds"},
                   {"security_group_ids", "SecurityGroupIds"},
                   {"ipv6_allowed_for_dual_stack", "Ipv6AllowedForDualStack"}});
    set_sub_block(properties, "TracingConfig", body, "tracing_config", {{"mode", "Mode"}});
    set_sub_block(properties, "DeadLetterConfig", body, "dead_letter_config",
                  {{"target_arn", "TargetArn"}});
    set_sub_block(properties, "LoggingConfig", body, "logging_config",
                  {{"log_format", "LogFormat"},
                   {"log_group", "LogGroup"},
                   {"application_log_level", "ApplicationLogLevel"},
                   {"system_log_level", "SystemLogLevel"}});
    set_sub_block(properties, "EphemeralStorage", body, "ephemeral_storage", {{"size", "Size"}});
    set_sub_block(properties, "SnapStart", body, "snap_start", {{"apply_on", "ApplyOn"}});
    if (const Value* mounts = body.find("file_system_config");
        mounts && !blocks(body, "file_system_config").empty()) {
        Value configs = Value::list({}, mounts->range());
        for (const Value* mount : blocks(body, "file_system_config")) {
            Value config = Value::map({}, mount->range());
            copy(config, "Arn", argument(*mount, "arn"));
            copy(config, "LocalMountPath", argument(*mount, "local_mount_path"));
            configs.as_list().push_back(std::move(config));
        }
        properties.set("FileSystemConfigs", std::move(configs), mounts->range());
    }
    copy_tags(properties, "Tags", body);
}

void permission(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Action", argument(body, "action"));
    copy(properties, "FunctionName", argument(body, "function_name"));
    copy(properties, "Principal", argument(body, "principal"));
    copy(properties, "SourceArn", argument(body, "source_arn"));
    copy(properties, "SourceAccount", argument(body, "source_account"));
    copy(properties, "PrincipalOrgID", argument(body, "principal_org_id"));
    copy(properties, "FunctionUrlAuthType", argument(body, "function_url_auth_type"));
    copy(properties, "EventSourceToken", argument(body, "event_source_token"));
}

void function_url(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "TargetFunctionArn", argument(body, "function_name"));
    copy(properties, "AuthType", argument(body, "authorization_type"));
    copy(properties, "Qualifier", argument(body, "qualifier"));
    copy(properties, "InvokeMode", argument(body, "invoke_mode"));
    set_sub_block(properties, "Cors", body, "cors",
                  {{"allow_credentials", "AllowCredentials"},
                   {"allow_headers", "AllowHeaders"},
                   {"allow_methods", "AllowMethods"},
                   {"allow_origins", "AllowOrigins"},
                   {"expose_headers", "ExposeHeaders"},
                   {"max_age", "MaxAge"}});
}

// Asynchronous invocation settings: retries, event age and the on-success / on-failure
// destinations.
void event_invoke_config(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "FunctionName", argument(body, "function_name"));
    copy(properties, "Qualifier", argument(body, "qualifier"));
    copy(properties, "MaximumEventAgeInSeconds", argument(body, "maximum_event_age_in_seconds"));
    copy(properties, "MaximumRetryAttempts", argument(body, "maximum_retry_attempts"));
    set_block(
        properties, "DestinationConfig", block(body, "destination_config"),
        [](const Value& from, Value& to) {
            set_sub_block(to, "OnFailure", from, "on_failure", {{"destination", "Destination"}});
            set_sub_block(to, "OnSuccess", from, "on_success", {{"destination", "Destination"}});
        });
}

}  // namespace

void add_lambda_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_lambda_function", "AWS::Lambda::Function", function});
    catalog.resources.push_back({"aws_lambda_permission", "AWS::Lambda::Permission", permission});
    catalog.resources.push_back({"aws_lambda_function_url", "AWS::Lambda::Url", function_url});
    catalog.resources.push_back({"aws_lambda_function_event_invoke_config",
                                 "AWS::Lambda::EventInvokeConfig", event_invoke_config});
}

}  // namespace bulwark::terraform
