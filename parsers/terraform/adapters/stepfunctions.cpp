// aws_sfn_state_machine → AWS::StepFunctions::StateMachine.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void state_machine(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "StateMachineName"},
                 {"role_arn", "RoleArn"},
                 {"type", "StateMachineType"},
                 {"definition", "DefinitionString"}});
    set_block(properties, "LoggingConfiguration", block(body, "logging_configuration"),
              [](const Value& from, Value& to) {
                  copy(to, "Level", argument(from, "level"));
                  copy(to, "IncludeExecutionData", argument(from, "include_execution_data"));
                  // One log group ARN in Terraform; CloudFormation lists destinations.
                  if (const Value* group = argument(from, "log_destination")) {
                      Value destination = Value::map({}, group->range());
                      set_path(destination, {"CloudWatchLogsLogGroup", "LogGroupArn"}, *group);
                      to.set("Destinations", Value::list({std::move(destination)}, group->range()),
                             group->range());
                  }
              });
    set_sub_block(properties, "TracingConfiguration", body, "tracing_configuration",
                  {{"enabled", "Enabled"}});
    set_sub_block(properties, "EncryptionConfiguration", body, "encryption_configuration",
                  {{"type", "Type"},
                   {"kms_key_id", "KmsKeyId"},
                   {"kms_data_key_reuse_period_seconds", "KmsDataKeyReusePeriodSeconds"}});
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_stepfunctions_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_sfn_state_machine", "AWS::StepFunctions::StateMachine", state_machine});
}

}  // namespace bulwark::terraform
