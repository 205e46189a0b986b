// aws_neptune_cluster → AWS::Neptune::DBCluster, aws_neptune_cluster_instance →
// AWS::Neptune::DBInstance, aws_neptune_cluster_parameter_group →
// AWS::Neptune::DBClusterParameterGroup.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"
#include "parsers/terraform/adapters/database_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"cluster_identifier", "DBClusterIdentifier"},
                 {"engine_version", "EngineVersion"},
                 {"kms_key_arn", "KmsKeyId"},
                 {"backup_retention_period", "BackupRetentionPeriod"},
                 {"preferred_backup_window", "PreferredBackupWindow"},
                 {"deletion_protection", "DeletionProtection"},
                 {"enable_cloudwatch_logs_exports", "EnableCloudwatchLogsExports"},
                 {"iam_database_authentication_enabled", "IamAuthEnabled"},
                 {"neptune_cluster_parameter_group_name", "DBClusterParameterGroupName"},
                 {"neptune_subnet_group_name", "DBSubnetGroupName"},
                 {"vpc_security_group_ids", "VpcSecurityGroupIds"},
                 {"copy_tags_to_snapshot", "CopyTagsToSnapshot"},
                 {"snapshot_identifier", "SnapshotIdentifier"},
                 {"port", "Port"}});
    // The provider sends storage_encrypted = false when it is omitted.
    copy_or_default(properties, "StorageEncrypted", argument(body, "storage_encrypted"),
                    Value::boolean(false), native);
    copy_tags(properties, "Tags", body);
}

void instance(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"identifier", "DBInstanceIdentifier"},
                 {"cluster_identifier", "DBClusterIdentifier"},
                 {"instance_class", "DBInstanceClass"},
                 {"auto_minor_version_upgrade", "AutoMinorVersionUpgrade"},
                 {"publicly_accessible", "PubliclyAccessible"}});
    copy_tags(properties, "Tags", native.body);
}

void parameter_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"}, {"family", "Family"}, {"description", "Description"}});
    database::copy_parameter_map(properties, body);
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_neptune_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_neptune_cluster", "AWS::Neptune::DBCluster", cluster,
                                 database::final_snapshot_policy});
    catalog.resources.push_back(
        {"aws_neptune_cluster_instance", "AWS::Neptune::DBInstance", instance});
    catalog.resources.push_back({"aws_neptune_cluster_parameter_group",
                                 "AWS::Neptune::DBClusterParameterGroup", parameter_group});
}

}  // namespace bulwark::terraform
