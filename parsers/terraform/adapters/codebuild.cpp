// CodeBuild: aws_codebuild_project (AWS::CodeBuild::Project) and aws_codebuild_report_group
// (AWS::CodeBuild::ReportGroup).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void artifacts(const Value& from, Value& to) {
    copy_fields(to, from,
                {{"type", "Type"},
                 {"location", "Location"},
                 {"name", "Name"},
                 {"path", "Path"},
                 {"packaging", "Packaging"},
                 {"namespace_type", "NamespaceType"},
                 {"artifact_identifier", "ArtifactIdentifier"},
                 {"override_artifact_name", "OverrideArtifactName"},
                 {"encryption_disabled", "EncryptionDisabled"}});
}

void project(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"},
                 {"description", "Description"},
                 {"service_role", "ServiceRole"},
                 {"encryption_key", "EncryptionKey"},
                 {"build_timeout", "TimeoutInMinutes"},
                 {"concurrent_build_limit", "ConcurrentBuildLimit"}});
    set_block(properties, "Artifacts", block(body, "artifacts"), artifacts);
    set_blocks(properties, "SecondaryArtifacts", body, "secondary_artifacts", artifacts);
    set_block(
        properties, "Environment", block(body, "environment"), [](const Value& from, Value& to) {
            copy_fields(to, from,
                        {{"type", "Type"},
                         {"image", "Image"},
                         {"compute_type", "ComputeType"},
                         {"privileged_mode", "PrivilegedMode"},
                         {"image_pull_credentials_type", "ImagePullCredentialsType"},
                         {"certificate", "Certificate"}});
            set_blocks(to, "EnvironmentVariables", from, "environment_variable",
                       [](const Value& variable, Value& out) {
                           copy_fields(out, variable,
                                       {{"name", "Name"}, {"value", "Value"}, {"type", "Type"}});
                       });
        });
    set_block(properties, "Source", block(body, "source"), [](const Value& from, Value& to) {
        copy_fields(to, from,
                    {{"type", "Type"},
                     {"location", "Location"},
                     {"buildspec", "BuildSpec"},
                     {"git_clone_depth", "GitCloneDepth"},
                     {"insecure_ssl", "InsecureSsl"}});
    });
    set_block(
        properties, "LogsConfig", block(body, "logs_config"), [](const Value& from, Value& to) {
            set_sub_block(
                to, "CloudWatchLogs", from, "cloudwatch_logs",
                {{"status", "Status"}, {"group_name", "GroupName"}, {"stream_name", "StreamName"}});
            set_sub_block(to, "S3Logs", from, "s3_logs",
                          {{"status", "Status"},
                           {"location", "Location"},
                           {"encryption_disabled", "EncryptionDisabled"}});
        });
    set_sub_block(
        properties, "VpcConfig", body, "vpc_config",
        {{"vpc_id", "VpcId"}, {"subnets", "Subnets"}, {"security_group_ids", "SecurityGroupIds"}});
    copy_tags(properties, "Tags", body);
}

void report_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    copy(properties, "Type", argument(body, "type"));
    copy(properties, "DeleteReports", argument(body, "delete_reports"));
    set_block(properties, "ExportConfig", block(body, "export_config"),
              [](const Value& from, Value& to) {
                  copy(to, "ExportConfigType", argument(from, "type"));
                  set_sub_block(to, "S3Destination", from, "s3_destination",
                                {{"bucket", "Bucket"},
                                 {"path", "Path"},
                                 {"packaging", "Packaging"},
                                 {"encryption_key", "EncryptionKey"},
                                 {"encryption_disabled", "EncryptionDisabled"}});
              });
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_codebuild_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_codebuild_project", "AWS::CodeBuild::Project", project});
    catalog.resources.push_back(
        {"aws_codebuild_report_group", "AWS::CodeBuild::ReportGroup", report_group});
}

}  // namespace bulwark::terraform
