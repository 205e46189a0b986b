// aws_db_instance, aws_rds_cluster and aws_rds_cluster_instance.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

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
    copy(properties, "MasterUsername", argument(body, "username"));
}

void instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    common(native, properties);
    copy(properties, "DBInstanceIdentifier", argument(body, "identifier"));
    copy(properties, "DBInstanceClass", argument(body, "instance_class"));
    copy(properties, "MultiAZ", argument(body, "multi_az"));
    copy(properties, "SourceDBInstanceIdentifier", argument(body, "replicate_source_db"));
    copy(properties, "DBSnapshotIdentifier", argument(body, "snapshot_identifier"));
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
    copy(properties, "MasterUserPassword", argument(body, "master_password"));
    copy(properties, "MasterUsername", argument(body, "master_username"));
    copy(properties, "ManageMasterUserPassword", argument(body, "manage_master_user_password"));
    copy(properties, "SnapshotIdentifier", argument(body, "snapshot_identifier"));
    copy_or_default(properties, "StorageEncrypted", argument(body, "storage_encrypted"),
                    Value::boolean(false), native);
}

void cluster_instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Engine", argument(body, "engine"));
    copy(properties, "DBInstanceIdentifier", argument(body, "identifier"));
    copy(properties, "DBInstanceClass", argument(body, "instance_class"));
    copy(properties, "DBClusterIdentifier", argument(body, "cluster_identifier"));
    copy_or_default(properties, "PubliclyAccessible", argument(body, "publicly_accessible"),
                    Value::boolean(false), native);
}

}  // namespace

void add_rds_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_db_instance", "AWS::RDS::DBInstance", instance});
    catalog.resources.push_back({"aws_rds_cluster", "AWS::RDS::DBCluster", cluster});
    catalog.resources.push_back({"aws_rds_cluster_instance", "AWS::RDS::DBInstance", cluster_instance});
}

}  // namespace bulwark::terraform
