// aws_redshift_cluster → AWS::Redshift::Cluster, with aws_redshift_logging merged into its
// LoggingProperties; aws_redshift_parameter_group → AWS::Redshift::ClusterParameterGroup.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"
#include "parsers/terraform/adapters/database_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// Audit logging settings, shared by the cluster's `logging` block and aws_redshift_logging.
Value logging_properties(const Value& from, const SourceRange& at) {
    Value logging = Value::map({}, at);
    copy(logging, "BucketName", argument(from, "bucket_name"));
    copy(logging, "S3KeyPrefix", argument(from, "s3_key_prefix"));
    copy(logging, "LogDestinationType", argument(from, "log_destination_type"));
    copy(logging, "LogExports", argument(from, "log_exports"));
    return logging;
}

void cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ClusterIdentifier", argument(body, "cluster_identifier"));
    copy(properties, "NodeType", argument(body, "node_type"));
    copy(properties, "NumberOfNodes", argument(body, "number_of_nodes"));
    copy(properties, "ClusterType", argument(body, "cluster_type"));
    copy(properties, "ClusterVersion", argument(body, "cluster_version"));
    copy(properties, "DBName", argument(body, "database_name"));
    copy(properties, "MasterUsername", argument(body, "master_username"));
    copy(properties, "MasterUserPassword", argument(body, "master_password"));
    copy(properties, "ManageMasterPassword", argument(body, "manage_master_password"));
    copy(properties, "MasterPasswordSecretKmsKeyId",
         argument(body, "master_password_secret_kms_key_id"));
    copy(properties, "ClusterParameterGroupName", argument(body, "cluster_parameter_group_name"));
    copy(properties, "IamRoles", argument(body, "iam_roles"));
    copy(properties, "DefaultIamRoleArn", argument(body, "default_iam_role_arn"));
    // Encryption. Provider v5 sends `encrypted` only when it is true and v6 defaults it to true;
    // when it is omitted the API's own default applies, as for a template without Encrypted.
    copy(properties, "Encrypted", argument(body, "encrypted"));
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    // Network placement. When `publicly_accessible` is omitted, provider v6 (the current major
    // version, and the Redshift API itself) makes the cluster private; v5 sent true. The documented
    // default of the current provider is applied; a plan carries the real value either way.
    copy_or_default(properties, "PubliclyAccessible", argument(body, "publicly_accessible"),
                    Value::boolean(false), native);
    copy(properties, "ClusterSubnetGroupName", argument(body, "cluster_subnet_group_name"));
    copy(properties, "VpcSecurityGroupIds", argument(body, "vpc_security_group_ids"));
    copy(properties, "ClusterSecurityGroups", argument(body, "cluster_security_groups"));
    copy(properties, "ElasticIp", argument(body, "elastic_ip"));
    copy(properties, "EnhancedVpcRouting", argument(body, "enhanced_vpc_routing"));
    copy(properties, "Port", argument(body, "port"));
    copy(properties, "AvailabilityZone", argument(body, "availability_zone"));
    copy(properties, "AvailabilityZoneRelocation",
         argument(body, "availability_zone_relocation_enabled"));
    copy(properties, "MultiAZ", argument(body, "multi_az"));
    // Backups and maintenance. The provider sends a retention of 1 day when it is omitted.
    copy_or_default(properties, "AutomatedSnapshotRetentionPeriod",
                    argument(body, "automated_snapshot_retention_period"), Value::number(1),
                    native);
    copy(properties, "ManualSnapshotRetentionPeriod",
         argument(body, "manual_snapshot_retention_period"));
    copy(properties, "SnapshotIdentifier", argument(body, "snapshot_identifier"));
    copy(properties, "SnapshotClusterIdentifier", argument(body, "snapshot_cluster_identifier"));
    copy(properties, "OwnerAccount", argument(body, "owner_account"));
    copy(properties, "AllowVersionUpgrade", argument(body, "allow_version_upgrade"));
    copy(properties, "MaintenanceTrackName", argument(body, "maintenance_track_name"));
    copy(properties, "PreferredMaintenanceWindow", argument(body, "preferred_maintenance_window"));
    // Provider v5 inline blocks (removed in v6 in favour of aws_redshift_logging and
    // aws_redshift_snapshot_copy).
    if (const Value* logging = block(body, "logging")) {
        const Value* enable = logging->is_map() ? argument(*logging, "enable") : logging;
        if (enable != nullptr && enable->is_unknown()) {
            properties.set("LoggingProperties", *enable, enable->range());
        } else if (enable != nullptr && enable->is_bool() && enable->as_bool()) {
            properties.set("LoggingProperties", logging_properties(*logging, logging->range()),
                           logging->range());
        }
    }
    if (const Value* copy_settings = block(body, "snapshot_copy");
        copy_settings && copy_settings->is_map()) {
        copy(properties, "DestinationRegion", argument(*copy_settings, "destination_region"));
        copy(properties, "SnapshotCopyGrantName", argument(*copy_settings, "grant_name"));
        copy(properties, "SnapshotCopyRetentionPeriod",
             argument(*copy_settings, "retention_period"));
    }
    copy_tags(properties, "Tags", body);
}

void merge_logging(const NativeResource& native, Value& properties) {
    properties.set("LoggingProperties", logging_properties(native.body, header(native)),
                   header(native));
}

void parameter_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ParameterGroupName", argument(body, "name"));
    copy(properties, "ParameterGroupFamily", argument(body, "family"));
    copy(properties, "Description", argument(body, "description"));
    if (const Value* all = argument(body, "parameter")) {
        Value parameters = Value::list({}, all->range());
        for (const Value* parameter : blocks(body, "parameter")) {
            Value entry = *parameter;
            if (parameter->is_map()) {
                entry = Value::map({}, parameter->range());
                copy(entry, "ParameterName", argument(*parameter, "name"));
                copy(entry, "ParameterValue", argument(*parameter, "value"));
            }
            parameters.as_list().push_back(std::move(entry));
        }
        properties.set("Parameters", std::move(parameters), all->range());
    }
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_redshift_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_redshift_cluster", "AWS::Redshift::Cluster", cluster,
                                 database::final_snapshot_policy});
    catalog.resources.push_back(
        {"aws_redshift_parameter_group", "AWS::Redshift::ClusterParameterGroup", parameter_group});
    catalog.attachments.push_back({"aws_redshift_logging", "aws_redshift_cluster",
                                   "cluster_identifier", "cluster_identifier", merge_logging});
}

}  // namespace bulwark::terraform
