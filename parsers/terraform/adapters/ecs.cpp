// ECS: aws_ecs_cluster (AWS::ECS::Cluster), aws_ecs_task_definition (AWS::ECS::TaskDefinition)
// and aws_ecs_service (AWS::ECS::Service).
#include <cctype>
#include <string>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// ---- Clusters ----------------------------------------------------------------------------------

void cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ClusterName", argument(body, "name"));
    set_blocks(properties, "ClusterSettings", body, "setting", [](const Value& from, Value& to) {
        copy(to, "Name", argument(from, "name"));
        copy(to, "Value", argument(from, "value"));
    });
    set_block(properties, "Configuration", block(body, "configuration"),
              [](const Value& from, Value& to) {
                  set_block(
                      to, "ExecuteCommandConfiguration",
                      block(from, "execute_command_configuration"),
                      [](const Value& exec, Value& out) {
                          copy(out, "KmsKeyId", argument(exec, "kms_key_id"));
                          copy(out, "Logging", argument(exec, "logging"));
                          set_sub_block(
                              out, "LogConfiguration", exec, "log_configuration",
                              {{"cloud_watch_encryption_enabled", "CloudWatchEncryptionEnabled"},
                               {"cloud_watch_log_group_name", "CloudWatchLogGroupName"},
                               {"s3_bucket_name", "S3BucketName"},
                               {"s3_bucket_encryption_enabled", "S3EncryptionEnabled"},
                               {"s3_key_prefix", "S3KeyPrefix"}});
                      });
              });
    copy_tags(properties, "Tags", body);
}

// ---- Task definitions --------------------------------------------------------------------------

// Maps whose keys are the user's own (log driver options, Docker labels): kept as written.
bool free_form(std::string_view key) {
    return key == "options" || key == "dockerLabels" || key == "Options" || key == "DockerLabels";
}

// The ECS API's container definition JSON (camelCase: name, environment, logConfiguration) in
// CloudFormation's spelling (Name, Environment, LogConfiguration).
void capitalise_keys(Value& value) {
    if (value.is_list()) {
        for (Value& item : value.as_list())
            capitalise_keys(item);
        return;
    }
    if (!value.is_map()) return;
    for (Value::Entry& entry : value.as_map()) {
        const bool keep_inner = free_form(entry.key);
        if (!entry.key.empty()) {
            entry.key[0] =
                static_cast<char>(std::toupper(static_cast<unsigned char>(entry.key[0])));
        }
        if (!keep_inner) capitalise_keys(entry.value);
    }
}

void task_definition(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"family", "Family"},
                 {"network_mode", "NetworkMode"},
                 {"requires_compatibilities", "RequiresCompatibilities"},
                 {"cpu", "Cpu"},
                 {"memory", "Memory"},
                 {"execution_role_arn", "ExecutionRoleArn"},
                 {"task_role_arn", "TaskRoleArn"},
                 {"pid_mode", "PidMode"},
                 {"ipc_mode", "IpcMode"}});
    // container_definitions is a JSON document (jsonencode, a heredoc or a file); its values all
    // point at the argument.
    if (const Value* definitions = argument(body, "container_definitions")) {
        Value containers = policy_document(*definitions);
        capitalise_keys(containers);
        properties.set("ContainerDefinitions", std::move(containers), definitions->range());
    }
    set_blocks(properties, "Volumes", body, "volume", [](const Value& from, Value& to) {
        copy(to, "Name", argument(from, "name"));
        if (const Value* path = argument(from, "host_path")) {
            set_path(to, {"Host", "SourcePath"}, *path);
        }
        set_sub_block(to, "EFSVolumeConfiguration", from, "efs_volume_configuration",
                      {{"file_system_id", "FilesystemId"},
                       {"root_directory", "RootDirectory"},
                       {"transit_encryption", "TransitEncryption"},
                       {"transit_encryption_port", "TransitEncryptionPort"}});
    });
    copy_tags(properties, "Tags", body);
}

// ---- Services ----------------------------------------------------------------------------------

void service(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "ServiceName"},
                 {"cluster", "Cluster"},
                 {"task_definition", "TaskDefinition"},
                 {"desired_count", "DesiredCount"},
                 {"launch_type", "LaunchType"},
                 {"platform_version", "PlatformVersion"},
                 {"enable_execute_command", "EnableExecuteCommand"},
                 {"propagate_tags", "PropagateTags"}});
    set_block(properties, "NetworkConfiguration", block(body, "network_configuration"),
              [](const Value& from, Value& to) {
                  Value vpc = Value::map({}, from.range());
                  copy(vpc, "Subnets", argument(from, "subnets"));
                  copy(vpc, "SecurityGroups", argument(from, "security_groups"));
                  // A boolean in Terraform, ENABLED / DISABLED in CloudFormation.
                  if (const Value* assign = argument(from, "assign_public_ip")) {
                      if (assign->is_bool()) {
                          vpc.set("AssignPublicIp",
                                  Value::string(assign->as_bool() ? "ENABLED" : "DISABLED",
                                                assign->range()),
                                  assign->range());
                      } else {
                          copy(vpc, "AssignPublicIp", assign);
                      }
                  }
                  to.set("AwsvpcConfiguration", std::move(vpc), from.range());
              });
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_ecs_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_ecs_cluster", "AWS::ECS::Cluster", cluster});
    catalog.resources.push_back(
        {"aws_ecs_task_definition", "AWS::ECS::TaskDefinition", task_definition});
    catalog.resources.push_back({"aws_ecs_service", "AWS::ECS::Service", service});
}

}  // namespace bulwark::terraform
