// aws_elasticache_replication_group → AWS::ElastiCache::ReplicationGroup,
// aws_elasticache_cluster → AWS::ElastiCache::CacheCluster,
// aws_elasticache_serverless_cache → AWS::ElastiCache::ServerlessCache.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// `log_delivery_configuration` blocks: `destination` names a log group or a Firehose stream,
// depending on `destination_type`.
void log_delivery(Value& properties, const Value& body) {
    set_blocks(properties, "LogDeliveryConfigurations", body, "log_delivery_configuration",
               [](const Value& from, Value& to) {
                   const Value* type = argument(from, "destination_type");
                   const Value* destination = argument(from, "destination");
                   copy(to, "DestinationType", type);
                   copy(to, "LogFormat", argument(from, "log_format"));
                   copy(to, "LogType", argument(from, "log_type"));
                   if (type == nullptr || destination == nullptr || !type->is_string()) return;
                   if (type->as_string() == "cloudwatch-logs") {
                       set_path(to, {"DestinationDetails", "CloudWatchLogsDetails", "LogGroup"},
                                *destination);
                   } else if (type->as_string() == "kinesis-firehose") {
                       set_path(to,
                                {"DestinationDetails", "KinesisFirehoseDetails", "DeliveryStream"},
                                *destination);
                   }
               });
}

void replication_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ReplicationGroupId", argument(body, "replication_group_id"));
    copy(properties, "ReplicationGroupDescription", argument(body, "description"));
    copy(properties, "Engine", argument(body, "engine"));
    copy(properties, "EngineVersion", argument(body, "engine_version"));
    copy(properties, "CacheNodeType", argument(body, "node_type"));
    copy(properties, "NumCacheClusters", argument(body, "num_cache_clusters"));
    copy(properties, "NumNodeGroups", argument(body, "num_node_groups"));
    copy(properties, "ReplicasPerNodeGroup", argument(body, "replicas_per_node_group"));
    copy(properties, "ClusterMode", argument(body, "cluster_mode"));
    copy(properties, "Port", argument(body, "port"));
    copy(properties, "CacheParameterGroupName", argument(body, "parameter_group_name"));
    copy(properties, "GlobalReplicationGroupId", argument(body, "global_replication_group_id"));
    // Encryption and authentication.
    copy_bool(properties, "AtRestEncryptionEnabled", argument(body, "at_rest_encryption_enabled"),
              EmptyString::kUnset);
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    copy(properties, "TransitEncryptionEnabled", argument(body, "transit_encryption_enabled"));
    copy(properties, "TransitEncryptionMode", argument(body, "transit_encryption_mode"));
    copy(properties, "AuthToken", argument(body, "auth_token"));
    copy(properties, "UserGroupIds", argument(body, "user_group_ids"));
    // Availability and backups.
    copy(properties, "AutomaticFailoverEnabled", argument(body, "automatic_failover_enabled"));
    copy(properties, "MultiAZEnabled", argument(body, "multi_az_enabled"));
    copy(properties, "PreferredCacheClusterAZs", argument(body, "preferred_cache_cluster_azs"));
    copy(properties, "SnapshotRetentionLimit", argument(body, "snapshot_retention_limit"));
    copy(properties, "SnapshotWindow", argument(body, "snapshot_window"));
    copy(properties, "SnapshotArns", argument(body, "snapshot_arns"));
    copy(properties, "SnapshotName", argument(body, "snapshot_name"));
    copy(properties, "PreferredMaintenanceWindow", argument(body, "maintenance_window"));
    copy_bool(properties, "AutoMinorVersionUpgrade", argument(body, "auto_minor_version_upgrade"),
              EmptyString::kUnset);
    copy(properties, "DataTieringEnabled", argument(body, "data_tiering_enabled"));
    // Network placement.
    copy(properties, "CacheSubnetGroupName", argument(body, "subnet_group_name"));
    copy(properties, "SecurityGroupIds", argument(body, "security_group_ids"));
    copy(properties, "CacheSecurityGroupNames", argument(body, "security_group_names"));
    copy(properties, "NetworkType", argument(body, "network_type"));
    copy(properties, "IpDiscovery", argument(body, "ip_discovery"));
    copy(properties, "NotificationTopicArn", argument(body, "notification_topic_arn"));
    log_delivery(properties, body);
    copy_tags(properties, "Tags", body);
}

void cache_cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ClusterName", argument(body, "cluster_id"));
    copy(properties, "Engine", argument(body, "engine"));
    copy(properties, "EngineVersion", argument(body, "engine_version"));
    copy(properties, "CacheNodeType", argument(body, "node_type"));
    copy(properties, "NumCacheNodes", argument(body, "num_cache_nodes"));
    copy(properties, "Port", argument(body, "port"));
    copy(properties, "CacheParameterGroupName", argument(body, "parameter_group_name"));
    copy(properties, "AZMode", argument(body, "az_mode"));
    copy(properties, "PreferredAvailabilityZone", argument(body, "availability_zone"));
    copy(properties, "PreferredAvailabilityZones", argument(body, "preferred_availability_zones"));
    copy(properties, "TransitEncryptionEnabled", argument(body, "transit_encryption_enabled"));
    copy(properties, "SnapshotRetentionLimit", argument(body, "snapshot_retention_limit"));
    copy(properties, "SnapshotWindow", argument(body, "snapshot_window"));
    copy(properties, "SnapshotArns", argument(body, "snapshot_arns"));
    copy(properties, "SnapshotName", argument(body, "snapshot_name"));
    copy(properties, "PreferredMaintenanceWindow", argument(body, "maintenance_window"));
    copy_bool(properties, "AutoMinorVersionUpgrade", argument(body, "auto_minor_version_upgrade"),
              EmptyString::kUnset);
    copy(properties, "CacheSubnetGroupName", argument(body, "subnet_group_name"));
    copy(properties, "VpcSecurityGroupIds", argument(body, "security_group_ids"));
    copy(properties, "NetworkType", argument(body, "network_type"));
    copy(properties, "IpDiscovery", argument(body, "ip_discovery"));
    copy(properties, "NotificationTopicArn", argument(body, "notification_topic_arn"));
    log_delivery(properties, body);
    copy_tags(properties, "Tags", body);
}

void serverless_cache(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ServerlessCacheName", argument(body, "name"));
    copy(properties, "Description", argument(body, "description"));
    copy(properties, "Engine", argument(body, "engine"));
    copy(properties, "MajorEngineVersion", argument(body, "major_engine_version"));
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    copy(properties, "SecurityGroupIds", argument(body, "security_group_ids"));
    copy(properties, "SubnetIds", argument(body, "subnet_ids"));
    copy(properties, "UserGroupId", argument(body, "user_group_id"));
    copy(properties, "SnapshotRetentionLimit", argument(body, "snapshot_retention_limit"));
    copy(properties, "DailySnapshotTime", argument(body, "daily_snapshot_time"));
    copy(properties, "SnapshotArnsToRestore", argument(body, "snapshot_arns_to_restore"));
    set_block(properties, "CacheUsageLimits", block(body, "cache_usage_limits"),
              [](const Value& from, Value& to) {
                  set_block(to, "DataStorage", block(from, "data_storage"),
                            [](const Value& limits, Value& out) {
                                copy(out, "Maximum", argument(limits, "maximum"));
                                copy(out, "Minimum", argument(limits, "minimum"));
                                copy(out, "Unit", argument(limits, "unit"));
                            });
                  set_block(to, "ECPUPerSecond", block(from, "ecpu_per_second"),
                            [](const Value& limits, Value& out) {
                                copy(out, "Maximum", argument(limits, "maximum"));
                                copy(out, "Minimum", argument(limits, "minimum"));
                            });
              });
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_elasticache_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_elasticache_replication_group",
                                 "AWS::ElastiCache::ReplicationGroup", replication_group});
    catalog.resources.push_back(
        {"aws_elasticache_cluster", "AWS::ElastiCache::CacheCluster", cache_cluster});
    catalog.resources.push_back({"aws_elasticache_serverless_cache",
                                 "AWS::ElastiCache::ServerlessCache", serverless_cache});
}

}  // namespace bulwark::terraform
