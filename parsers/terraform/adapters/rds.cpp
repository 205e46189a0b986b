// aws_db_instance, aws_rds_cluster and aws_rds_cluster_instance; aws_db_parameter_group and
// aws_rds_cluster_parameter_group.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"
#include "parsers/terraform/adapters/database_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void common(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Engine", argument(body, "engine"));
    copy(properties, "EngineVersion", argument(body, "engine_version"));
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    copy(properties, "DeletionProtection", argument(body, "deletion_protection"));
    copy(properties, "BackupRetentionPeriod", argument(body, "backup_retention_period"));
    copy(properties, "DBSubnetGroupName", argument(body, "db_subnet_group_name"));
    copy(properties, "ManageMasterUserPassword", argument(body, "manage_master_user_password"));
    copy(properties, "MasterUserPassword", argument(body, "password"));
    // Write-only passwords (Terraform 1.11+) stay out of the state but are still set by the
    // configuration: they count as the master password wherever they come from.
    if (!properties.find("MasterUserPassword")) {
        copy(properties, "MasterUserPassword", argument(body, "password_wo"));
    }
    copy(properties, "MasterUsername", argument(body, "username"));
    copy(properties, "EnableCloudwatchLogsExports",
         argument(body, "enabled_cloudwatch_logs_exports"));
    copy(properties, "CopyTagsToSnapshot", argument(body, "copy_tags_to_snapshot"));
    copy(properties, "MonitoringInterval", argument(body, "monitoring_interval"));
    copy(properties, "MonitoringRoleArn", argument(body, "monitoring_role_arn"));
    copy(properties, "EnableIAMDatabaseAuthentication",
         argument(body, "iam_database_authentication_enabled"));
    copy(properties, "VpcSecurityGroupIds", argument(body, "vpc_security_group_ids"));
    copy_tags(properties, "Tags", body);
}

void instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    common(native, properties);
    copy(properties, "DBInstanceIdentifier", argument(body, "identifier"));
    copy(properties, "DBInstanceClass", argument(body, "instance_class"));
    copy(properties, "MultiAZ", argument(body, "multi_az"));
    copy(properties, "SourceDBInstanceIdentifier", argument(body, "replicate_source_db"));
    copy(properties, "DBSnapshotIdentifier", argument(body, "snapshot_identifier"));
    copy(properties, "DBParameterGroupName", argument(body, "parameter_group_name"));
    copy(properties, "AutoMinorVersionUpgrade", argument(body, "auto_minor_version_upgrade"));
    copy(properties, "EnablePerformanceInsights", argument(body, "performance_insights_enabled"));
    copy(properties, "PerformanceInsightsKMSKeyId",
         argument(body, "performance_insights_kms_key_id"));
    // Terraform sends these defaults when the arguments are omitted.
    copy_or_default(properties, "StorageEncrypted", argument(body, "storage_encrypted"),
                    Value::boolean(false), native);
    copy_or_default(properties, "PubliclyAccessible", argument(body, "publicly_accessible"),
                    Value::boolean(false), native);
}

void cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    common(native, properties);
    copy(properties, "DBClusterIdentifier", argument(body, "cluster_identifier"));
    copy(properties, "EngineMode", argument(body, "engine_mode"));
    copy(properties, "MasterUserPassword", argument(body, "master_password"));
    if (!properties.find("MasterUserPassword")) {
        copy(properties, "MasterUserPassword", argument(body, "master_password_wo"));
    }
    copy(properties, "MasterUsername", argument(body, "master_username"));
    copy(properties, "SnapshotIdentifier", argument(body, "snapshot_identifier"));
    copy(properties, "DBClusterParameterGroupName",
         argument(body, "db_cluster_parameter_group_name"));
    copy(properties, "BacktrackWindow", argument(body, "backtrack_window"));
    copy(properties, "PubliclyAccessible", argument(body, "publicly_accessible"));
    copy(properties, "AutoMinorVersionUpgrade", argument(body, "auto_minor_version_upgrade"));
    copy(properties, "PerformanceInsightsEnabled", argument(body, "performance_insights_enabled"));
    copy(properties, "PerformanceInsightsKmsKeyId",
         argument(body, "performance_insights_kms_key_id"));
    copy_or_default(properties, "StorageEncrypted", argument(body, "storage_encrypted"),
                    Value::boolean(false), native);
}

void cluster_instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Engine", argument(body, "engine"));
    copy(properties, "DBInstanceIdentifier", argument(body, "identifier"));
    copy(properties, "DBInstanceClass", argument(body, "instance_class"));
    copy(properties, "DBClusterIdentifier", argument(body, "cluster_identifier"));
    copy(properties, "DBParameterGroupName", argument(body, "db_parameter_group_name"));
    copy(properties, "AutoMinorVersionUpgrade", argument(body, "auto_minor_version_upgrade"));
    copy(properties, "CopyTagsToSnapshot", argument(body, "copy_tags_to_snapshot"));
    copy(properties, "MonitoringInterval", argument(body, "monitoring_interval"));
    copy(properties, "EnablePerformanceInsights", argument(body, "performance_insights_enabled"));
    copy(properties, "PerformanceInsightsKMSKeyId",
         argument(body, "performance_insights_kms_key_id"));
    copy_or_default(properties, "PubliclyAccessible", argument(body, "publicly_accessible"),
                    Value::boolean(false), native);
}

void parameter_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "DBParameterGroupName", argument(body, "name"));
    copy(properties, "Family", argument(body, "family"));
    copy(properties, "Description", argument(body, "description"));
    database::copy_parameter_map(properties, body);
    copy_tags(properties, "Tags", body);
}

void cluster_parameter_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "DBClusterParameterGroupName", argument(body, "name"));
    copy(properties, "Family", argument(body, "family"));
    copy(properties, "Description", argument(body, "description"));
    database::copy_parameter_map(properties, body);
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_rds_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_db_instance", "AWS::RDS::DBInstance", instance, database::final_snapshot_policy});
    catalog.resources.push_back(
        {"aws_rds_cluster", "AWS::RDS::DBCluster", cluster, database::final_snapshot_policy});
    catalog.resources.push_back(
        {"aws_rds_cluster_instance", "AWS::RDS::DBInstance", cluster_instance});
    catalog.resources.push_back(
        {"aws_db_parameter_group", "AWS::RDS::DBParameterGroup", parameter_group});
    catalog.resources.push_back({"aws_rds_cluster_parameter_group",
                                 "AWS::RDS::DBClusterParameterGroup", cluster_parameter_group});
}

}  // namespace bulwark::terraform
