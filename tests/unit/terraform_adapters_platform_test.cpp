// Terraform adapters for platform services: ECR, EFS, ElastiCache, Redshift, OpenSearch,
// CodeArtifact, Config, GuardDuty, Kinesis. Each case scans a small Terraform root and checks
// canonical types, CloudFormation-shaped properties and the source line each value points at.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// One expectation on one resource. An empty path checks the resource's type. Values are
// rendered by `render`: 'text' for strings, #n for numbers, true / false, [n] / {n} for lists and
// maps of n entries, <unknown>, <null>, <absent>. Line 0 skips the line check.
struct Check {
    const char* address;
    const char* path;
    const char* value;
    int line = 0;
};

struct Case {
    const char* name;
    const char* terraform;
    std::vector<Check> checks;
};

std::string render(const Value* value) {
    if (value == nullptr) return "<absent>";
    switch (value->kind()) {
        case ValueKind::Null:
            return "<null>";
        case ValueKind::Bool:
            return value->as_bool() ? "true" : "false";
        case ValueKind::Number:
            return "#" + format_number(value->as_number());
        case ValueKind::String:
            return "'" + value->as_string() + "'";
        case ValueKind::List:
            return "[" + std::to_string(value->as_list().size()) + "]";
        case ValueKind::Map:
            return "{" + std::to_string(value->as_map().size()) + "}";
        case ValueKind::Unknown:
            return "<unknown>";
    }
    return "";
}

void run(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO("case: " << c.name);
        TempDir dir;
        dir.write("main.tf", c.terraform);
        const ScanResult result = test::scan_terraform_dir(dir.path());
        CHECK(result.diagnostics.empty());
        for (const Check& check : c.checks) {
            INFO("resource: " << check.address << ", path: " << check.path);
            const Resource* resource = test::find_resource(result, check.address);
            REQUIRE(resource != nullptr);
            if (std::string(check.path).empty()) {
                CHECK(resource->type == check.value);
                continue;
            }
            const Value* value = test::value_at(resource->properties, check.path);
            CHECK(render(value) == check.value);
            if (value != nullptr && check.line > 0) CHECK(value->range().begin.line == check.line);
        }
    }
}

}  // namespace

TEST_CASE("terraform adapters: ECR, EFS and ElastiCache map to CloudFormation") {
    run({
        {"ECR repository",
         R"(resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  force_delete         = true
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  }
  tags = { Team = "platform" }
}
)",
         {
             {"aws_ecr_repository.app", "", "AWS::ECR::Repository"},
             {"aws_ecr_repository.app", "RepositoryName", "'app'", 2},
             {"aws_ecr_repository.app", "ImageTagMutability", "'IMMUTABLE'", 3},
             {"aws_ecr_repository.app", "EmptyOnDelete", "true", 4},
             {"aws_ecr_repository.app", "ImageScanningConfiguration.ScanOnPush", "true", 6},
             {"aws_ecr_repository.app", "EncryptionConfiguration.EncryptionType", "'KMS'", 9},
             {"aws_ecr_repository.app", "EncryptionConfiguration.KmsKey",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 10},
             {"aws_ecr_repository.app", "Tags.0.Key", "'Team'", 12},
             {"aws_ecr_repository.app", "Tags.0.Value", "'platform'", 12},
         }},
        {"EFS file system",
         R"(resource "aws_efs_file_system" "data" {
  encrypted        = true
  kms_key_id       = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"
  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
  lifecycle_policy {
    transition_to_primary_storage_class = "AFTER_1_ACCESS"
  }
  protection {
    replication_overwrite = "DISABLED"
  }
  tags = { Name = "data" }
}
)",
         {
             {"aws_efs_file_system.data", "", "AWS::EFS::FileSystem"},
             {"aws_efs_file_system.data", "Encrypted", "true", 2},
             {"aws_efs_file_system.data", "KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 3},
             {"aws_efs_file_system.data", "PerformanceMode", "'generalPurpose'", 4},
             {"aws_efs_file_system.data", "ThroughputMode", "'elastic'", 5},
             {"aws_efs_file_system.data", "LifecyclePolicies", "[2]", 6},
             {"aws_efs_file_system.data", "LifecyclePolicies.0.TransitionToIA", "'AFTER_30_DAYS'",
              7},
             {"aws_efs_file_system.data", "LifecyclePolicies.1.TransitionToPrimaryStorageClass",
              "'AFTER_1_ACCESS'", 10},
             {"aws_efs_file_system.data", "FileSystemProtection.ReplicationOverwriteProtection",
              "'DISABLED'", 13},
             {"aws_efs_file_system.data", "FileSystemTags.0.Value", "'data'", 15},
         }},
        {"EFS mount target and access point",
         R"(resource "aws_efs_mount_target" "a" {
  file_system_id  = aws_efs_file_system.data.id
  subnet_id       = "subnet-1"
  security_groups = ["sg-1"]
}
resource "aws_efs_access_point" "app" {
  file_system_id = aws_efs_file_system.data.id
  posix_user {
    uid = 1000
    gid = 1000
  }
  root_directory {
    path = "/app"
    creation_info {
      owner_uid   = 0
      owner_gid   = 0
      permissions = "750"
    }
  }
}
resource "aws_efs_file_system" "data" {}
)",
         {
             {"aws_efs_mount_target.a", "", "AWS::EFS::MountTarget"},
             {"aws_efs_mount_target.a", "FileSystemId", "<unknown>", 2},
             {"aws_efs_mount_target.a", "SubnetId", "'subnet-1'", 3},
             {"aws_efs_mount_target.a", "SecurityGroups.0", "'sg-1'", 4},
             {"aws_efs_access_point.app", "", "AWS::EFS::AccessPoint"},
             {"aws_efs_access_point.app", "PosixUser.Uid", "'1000'", 9},
             {"aws_efs_access_point.app", "RootDirectory.Path", "'/app'", 13},
             {"aws_efs_access_point.app", "RootDirectory.CreationInfo.OwnerUid", "'0'", 15},
             {"aws_efs_access_point.app", "RootDirectory.CreationInfo.Permissions", "'750'", 17},
         }},
        {"EFS backup and file system policies merge into the file system",
         R"(resource "aws_efs_file_system" "data" {
  encrypted = true
}
resource "aws_efs_backup_policy" "data" {
  file_system_id = aws_efs_file_system.data.id
  backup_policy {
    status = "ENABLED"
  }
}
resource "aws_efs_file_system_policy" "data" {
  file_system_id = aws_efs_file_system.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = { AWS = "*" }
      Action    = "*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
)",
         {
             {"aws_efs_file_system.data", "BackupPolicy.Status", "'ENABLED'", 7},
             {"aws_efs_file_system.data", "FileSystemPolicy.Statement.0.Effect", "'Deny'", 15},
             {"aws_efs_file_system.data", "FileSystemPolicy.Statement.0.Principal.AWS", "'*'", 16},
             {"aws_efs_file_system.data",
              "FileSystemPolicy.Statement.0.Condition.Bool.aws:SecureTransport", "'false'", 18},
             // The attachments stay in the graph as native nodes.
             {"aws_efs_backup_policy.data", "", "aws_efs_backup_policy"},
             {"aws_efs_file_system_policy.data", "", "aws_efs_file_system_policy"},
         }},
        {"ElastiCache replication group",
         R"(resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "sessions"
  engine                     = "redis"
  engine_version             = "7.1"
  at_rest_encryption_enabled = "true"
  transit_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  auth_token                 = var.token
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 7
  subnet_group_name          = "private"
  log_delivery_configuration {
    destination      = "/aws/elasticache/slow"
    destination_type = "cloudwatch-logs"
    log_format       = "json"
    log_type         = "slow-log"
  }
}
variable "token" {}
)",
         {
             {"aws_elasticache_replication_group.cache", "", "AWS::ElastiCache::ReplicationGroup"},
             {"aws_elasticache_replication_group.cache", "ReplicationGroupDescription",
              "'sessions'", 3},
             {"aws_elasticache_replication_group.cache", "Engine", "'redis'", 4},
             {"aws_elasticache_replication_group.cache", "EngineVersion", "'7.1'", 5},
             // The provider's nullable booleans are strings; rules compare booleans.
             {"aws_elasticache_replication_group.cache", "AtRestEncryptionEnabled", "true", 6},
             {"aws_elasticache_replication_group.cache", "TransitEncryptionEnabled", "true", 7},
             {"aws_elasticache_replication_group.cache", "KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 8},
             {"aws_elasticache_replication_group.cache", "AuthToken", "<unknown>", 9},
             {"aws_elasticache_replication_group.cache", "AutomaticFailoverEnabled", "true", 10},
             {"aws_elasticache_replication_group.cache", "MultiAZEnabled", "true", 11},
             {"aws_elasticache_replication_group.cache", "SnapshotRetentionLimit", "#7", 12},
             {"aws_elasticache_replication_group.cache", "CacheSubnetGroupName", "'private'", 13},
             {"aws_elasticache_replication_group.cache",
              "LogDeliveryConfigurations.0.DestinationDetails.CloudWatchLogsDetails.LogGroup",
              "'/aws/elasticache/slow'", 15},
             {"aws_elasticache_replication_group.cache",
              "LogDeliveryConfigurations.0.DestinationType", "'cloudwatch-logs'", 16},
             {"aws_elasticache_replication_group.cache", "LogDeliveryConfigurations.0.LogType",
              "'slow-log'", 18},
         }},
        {"ElastiCache cluster and serverless cache",
         R"(resource "aws_elasticache_cluster" "memcached" {
  cluster_id                 = "memcached"
  engine                     = "memcached"
  az_mode                    = "cross-az"
  transit_encryption_enabled = true
  snapshot_retention_limit   = 0
  security_group_ids         = ["sg-1"]
}
resource "aws_elasticache_serverless_cache" "sessions" {
  name                     = "sessions"
  engine                   = "valkey"
  kms_key_id               = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  snapshot_retention_limit = 3
  subnet_ids               = ["subnet-1", "subnet-2"]
  cache_usage_limits {
    data_storage {
      maximum = 10
      unit    = "GB"
    }
  }
}
)",
         {
             {"aws_elasticache_cluster.memcached", "", "AWS::ElastiCache::CacheCluster"},
             {"aws_elasticache_cluster.memcached", "ClusterName", "'memcached'", 2},
             {"aws_elasticache_cluster.memcached", "Engine", "'memcached'", 3},
             {"aws_elasticache_cluster.memcached", "AZMode", "'cross-az'", 4},
             {"aws_elasticache_cluster.memcached", "TransitEncryptionEnabled", "true", 5},
             {"aws_elasticache_cluster.memcached", "SnapshotRetentionLimit", "#0", 6},
             {"aws_elasticache_cluster.memcached", "VpcSecurityGroupIds", "[1]", 7},
             {"aws_elasticache_serverless_cache.sessions", "", "AWS::ElastiCache::ServerlessCache"},
             {"aws_elasticache_serverless_cache.sessions", "ServerlessCacheName", "'sessions'", 10},
             {"aws_elasticache_serverless_cache.sessions", "KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 12},
             {"aws_elasticache_serverless_cache.sessions", "SnapshotRetentionLimit", "#3", 13},
             {"aws_elasticache_serverless_cache.sessions", "SubnetIds", "[2]", 14},
             {"aws_elasticache_serverless_cache.sessions", "CacheUsageLimits.DataStorage.Maximum",
              "#10", 17},
             {"aws_elasticache_serverless_cache.sessions", "CacheUsageLimits.DataStorage.Unit",
              "'GB'", 18},
         }},
        {"omitted defaults: ECR tag mutability, EFS encryption",
         R"(resource "aws_ecr_repository" "app" {
  name = "app"
}
resource "aws_efs_file_system" "data" {
  creation_token = "data"
}
)",
         {
             // Defaults point at the resource header.
             {"aws_ecr_repository.app", "ImageTagMutability", "'MUTABLE'", 1},
             {"aws_ecr_repository.app", "ImageScanningConfiguration", "<absent>"},
             {"aws_ecr_repository.app", "EncryptionConfiguration", "<absent>"},
             {"aws_efs_file_system.data", "Encrypted", "false", 4},
             {"aws_efs_file_system.data", "BackupPolicy", "<absent>"},
         }},
        {"ECR repository and lifecycle policies merge into the repository",
         R"(resource "aws_ecr_repository" "app" {
  name = "app"
}
resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "ecr:BatchGetImage"
    }]
  })
}
resource "aws_ecr_lifecycle_policy" "app" {
  repository = "app"
  policy     = "{\"rules\":[]}"
}
)",
         {
             {"aws_ecr_repository.app", "RepositoryPolicyText.Statement.0.Effect", "'Allow'", 9},
             {"aws_ecr_repository.app", "RepositoryPolicyText.Statement.0.Principal", "'*'", 10},
             // Found by the repository's literal name.
             {"aws_ecr_repository.app", "LifecyclePolicy.LifecyclePolicyText", "'{\"rules\":[]}'",
              17},
             {"aws_ecr_repository_policy.app", "", "aws_ecr_repository_policy"},
             {"aws_ecr_lifecycle_policy.app", "", "aws_ecr_lifecycle_policy"},
         }},
    });
}

TEST_CASE("terraform adapters: Redshift, OpenSearch and CodeArtifact map to CloudFormation") {
    run({
        {"Redshift cluster and parameter group",
         R"(resource "aws_redshift_cluster" "dw" {
  cluster_identifier                  = "dw"
  node_type                           = "ra3.xlplus"
  encrypted                           = true
  kms_key_id                          = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  publicly_accessible                 = false
  enhanced_vpc_routing                = true
  automated_snapshot_retention_period = 7
  cluster_parameter_group_name        = aws_redshift_parameter_group.ssl.name
  logging {
    enable        = true
    bucket_name   = "audit-logs"
    s3_key_prefix = "redshift/"
  }
}
resource "aws_redshift_parameter_group" "ssl" {
  name   = "require-ssl"
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "true"
  }
}
)",
         {
             {"aws_redshift_cluster.dw", "", "AWS::Redshift::Cluster"},
             {"aws_redshift_cluster.dw", "ClusterIdentifier", "'dw'", 2},
             {"aws_redshift_cluster.dw", "Encrypted", "true", 4},
             {"aws_redshift_cluster.dw", "KmsKeyId", "'arn:aws:kms:eu-west-1:111122223333:key/abc'",
              5},
             {"aws_redshift_cluster.dw", "PubliclyAccessible", "false", 6},
             {"aws_redshift_cluster.dw", "EnhancedVpcRouting", "true", 7},
             {"aws_redshift_cluster.dw", "AutomatedSnapshotRetentionPeriod", "#7", 8},
             {"aws_redshift_cluster.dw", "ClusterParameterGroupName", "<unknown>", 9},
             {"aws_redshift_cluster.dw", "LoggingProperties.BucketName", "'audit-logs'", 12},
             {"aws_redshift_cluster.dw", "LoggingProperties.S3KeyPrefix", "'redshift/'", 13},
             {"aws_redshift_parameter_group.ssl", "", "AWS::Redshift::ClusterParameterGroup"},
             {"aws_redshift_parameter_group.ssl", "ParameterGroupFamily", "'redshift-1.0'", 18},
             {"aws_redshift_parameter_group.ssl", "Parameters.0.ParameterName", "'require_ssl'",
              20},
             {"aws_redshift_parameter_group.ssl", "Parameters.0.ParameterValue", "'true'", 21},
         }},
        {"Redshift: aws_redshift_logging merges into the cluster; omitted defaults",
         R"(resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
}
resource "aws_redshift_logging" "dw" {
  cluster_identifier   = aws_redshift_cluster.dw.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog"]
}
resource "aws_redshift_cluster" "quiet" {
  cluster_identifier = "quiet"
  node_type          = "ra3.xlplus"
  logging {
    enable = false
  }
}
)",
         {
             {"aws_redshift_cluster.dw", "LoggingProperties.LogDestinationType", "'cloudwatch'", 7},
             {"aws_redshift_cluster.dw", "LoggingProperties.LogExports", "[2]", 8},
             {"aws_redshift_logging.dw", "", "aws_redshift_logging"},
             // The provider sends a 1-day retention; the current provider (v6) leaves an omitted
             // publicly_accessible private, as the Redshift API does.
             {"aws_redshift_cluster.dw", "AutomatedSnapshotRetentionPeriod", "#1", 1},
             {"aws_redshift_cluster.dw", "PubliclyAccessible", "false", 1},
             {"aws_redshift_cluster.dw", "Encrypted", "<absent>"},
             // A disabled `logging` block is no logging.
             {"aws_redshift_cluster.quiet", "LoggingProperties", "<absent>"},
         }},
        {"OpenSearch domain",
         R"(resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"
  cluster_config {
    instance_count           = 3
    zone_awareness_enabled   = true
    dedicated_master_enabled = true
  }
  encrypt_at_rest {
    enabled    = true
    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  }
  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
  vpc_options {
    subnet_ids         = ["subnet-1"]
    security_group_ids = ["sg-1"]
  }
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = false
  }
  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:audit"
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:app"
    enabled                  = false
  }
}
)",
         {
             {"aws_opensearch_domain.search", "", "AWS::OpenSearchService::Domain"},
             {"aws_opensearch_domain.search", "EngineVersion", "'OpenSearch_2.11'", 3},
             {"aws_opensearch_domain.search", "ClusterConfig.InstanceCount", "#3", 5},
             {"aws_opensearch_domain.search", "ClusterConfig.ZoneAwarenessEnabled", "true", 6},
             {"aws_opensearch_domain.search", "ClusterConfig.DedicatedMasterEnabled", "true", 7},
             {"aws_opensearch_domain.search", "EncryptionAtRestOptions.Enabled", "true", 10},
             {"aws_opensearch_domain.search", "EncryptionAtRestOptions.KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 11},
             {"aws_opensearch_domain.search", "NodeToNodeEncryptionOptions.Enabled", "true", 14},
             // enforce_https defaults to true inside the block, at the block's line.
             {"aws_opensearch_domain.search", "DomainEndpointOptions.EnforceHTTPS", "true", 16},
             {"aws_opensearch_domain.search", "DomainEndpointOptions.TLSSecurityPolicy",
              "'Policy-Min-TLS-1-2-2019-07'", 17},
             {"aws_opensearch_domain.search", "VPCOptions.SubnetIds.0", "'subnet-1'", 20},
             {"aws_opensearch_domain.search", "VPCOptions.SecurityGroupIds", "[1]", 21},
             {"aws_opensearch_domain.search", "AdvancedSecurityOptions.Enabled", "true", 24},
             {"aws_opensearch_domain.search", "AdvancedSecurityOptions.InternalUserDatabaseEnabled",
              "false", 25},
             {"aws_opensearch_domain.search", "LogPublishingOptions", "{2}"},
             {"aws_opensearch_domain.search", "LogPublishingOptions.AUDIT_LOGS.Enabled", "true",
              27},
             {"aws_opensearch_domain.search",
              "LogPublishingOptions.AUDIT_LOGS.CloudWatchLogsLogGroupArn",
              "'arn:aws:logs:eu-west-1:111122223333:log-group:audit'", 29},
             {"aws_opensearch_domain.search", "LogPublishingOptions.ES_APPLICATION_LOGS.Enabled",
              "false", 34},
         }},
        {"Elasticsearch domain; domain policies merge into AccessPolicies",
         R"(resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
}
resource "aws_elasticsearch_domain_policy" "legacy" {
  domain_name = aws_elasticsearch_domain.legacy.domain_name
  access_policies = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:*" }]
  })
}
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}
resource "aws_opensearch_domain_policy" "search" {
  domain_name     = "search"
  access_policies = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"es:*\"}]}"
}
)",
         {
             {"aws_elasticsearch_domain.legacy", "", "AWS::OpenSearchService::Domain"},
             {"aws_elasticsearch_domain.legacy", "EngineVersion", "'Elasticsearch_7.10'", 3},
             {"aws_elasticsearch_domain.legacy", "AccessPolicies.Statement.0.Effect", "'Allow'", 9},
             {"aws_elasticsearch_domain.legacy", "AccessPolicies.Statement.0.Principal.AWS", "'*'",
              9},
             {"aws_opensearch_domain.search", "AccessPolicies.Statement.0.Effect", "'Deny'", 17},
             {"aws_opensearch_domain_policy.search", "", "aws_opensearch_domain_policy"},
         }},
        {"CodeArtifact domain and repositories with their permissions policies",
         R"(resource "aws_codeartifact_domain" "d" {
  domain         = "builds"
  encryption_key = "arn:aws:kms:eu-west-1:111122223333:key/abc"
}
resource "aws_codeartifact_domain_permissions_policy" "d" {
  domain          = aws_codeartifact_domain.d.domain
  policy_document = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "codeartifact:GetAuthorizationToken", Resource = "*" }]
  })
}
resource "aws_codeartifact_repository" "public" {
  repository = "npm-public"
  domain     = aws_codeartifact_domain.d.domain
  external_connections {
    external_connection_name = "public:npmjs"
  }
}
resource "aws_codeartifact_repository" "internal" {
  repository = "internal"
  domain     = aws_codeartifact_domain.d.domain
  upstream {
    repository_name = aws_codeartifact_repository.public.repository
  }
}
resource "aws_codeartifact_repository_permissions_policy" "internal" {
  repository      = "internal"
  domain          = "builds"
  policy_document = data.aws_iam_policy_document.publish.json
}
data "aws_iam_policy_document" "publish" {
  statement {
    effect    = "Allow"
    actions   = ["codeartifact:PublishPackageVersion"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/release"]
    }
  }
}
)",
         {
             {"aws_codeartifact_domain.d", "", "AWS::CodeArtifact::Domain"},
             {"aws_codeartifact_domain.d", "DomainName", "'builds'", 2},
             {"aws_codeartifact_domain.d", "EncryptionKey",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 3},
             {"aws_codeartifact_domain.d", "PermissionsPolicyDocument.Statement.0.Action",
              "'codeartifact:GetAuthorizationToken'", 9},
             {"aws_codeartifact_domain_permissions_policy.d", "",
              "aws_codeartifact_domain_permissions_policy"},
             {"aws_codeartifact_repository.public", "", "AWS::CodeArtifact::Repository"},
             {"aws_codeartifact_repository.public", "RepositoryName", "'npm-public'", 13},
             {"aws_codeartifact_repository.public", "DomainName", "<unknown>", 14},
             {"aws_codeartifact_repository.public", "ExternalConnections.0", "'public:npmjs'", 16},
             {"aws_codeartifact_repository.internal", "Upstreams", "[1]", 22},
             {"aws_codeartifact_repository.internal", "Upstreams.0", "<unknown>", 23},
             // Found by the repository's literal name; the document keeps the statement's lines.
             {"aws_codeartifact_repository.internal",
              "PermissionsPolicyDocument.Statement.0.Effect", "'Allow'", 33},
         }},
    });
}

TEST_CASE("terraform adapters: Config, GuardDuty and Kinesis map to CloudFormation") {
    run({
        {"Config recorder, delivery channel, recorder status and rule",
         R"(resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
  recording_group {
    include_global_resource_types = true
  }
}
resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = "config-history"
  sns_topic_arn  = "arn:aws:sns:eu-west-1:111122223333:config"
  snapshot_delivery_properties {
    delivery_frequency = "Six_Hours"
  }
}
resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
}
resource "aws_config_config_rule" "password" {
  name = "password-policy"
  source {
    owner             = "AWS"
    source_identifier = "IAM_PASSWORD_POLICY"
  }
  input_parameters = jsonencode({ MaxPasswordAge = "90" })
  scope {
    compliance_resource_types = ["AWS::IAM::User"]
  }
}
)",
         {
             {"aws_config_configuration_recorder.main", "", "AWS::Config::ConfigurationRecorder"},
             {"aws_config_configuration_recorder.main", "RoleARN",
              "'arn:aws:iam::111122223333:role/config'", 3},
             // all_supported defaults to true inside the block, at the block's line.
             {"aws_config_configuration_recorder.main", "RecordingGroup.AllSupported", "true", 4},
             {"aws_config_configuration_recorder.main", "RecordingGroup.IncludeGlobalResourceTypes",
              "true", 5},
             {"aws_config_delivery_channel.main", "", "AWS::Config::DeliveryChannel"},
             {"aws_config_delivery_channel.main", "S3BucketName", "'config-history'", 10},
             {"aws_config_delivery_channel.main", "SnsTopicARN",
              "'arn:aws:sns:eu-west-1:111122223333:config'", 11},
             {"aws_config_delivery_channel.main",
              "ConfigSnapshotDeliveryProperties.DeliveryFrequency", "'Six_Hours'", 13},
             {"aws_config_configuration_recorder_status.main", "",
              "Bulwark::Config::RecorderStatus"},
             {"aws_config_configuration_recorder_status.main", "Name", "<unknown>", 17},
             {"aws_config_configuration_recorder_status.main", "IsEnabled", "true", 18},
             {"aws_config_config_rule.password", "", "AWS::Config::ConfigRule"},
             {"aws_config_config_rule.password", "ConfigRuleName", "'password-policy'", 21},
             {"aws_config_config_rule.password", "Source.Owner", "'AWS'", 23},
             {"aws_config_config_rule.password", "Source.SourceIdentifier", "'IAM_PASSWORD_POLICY'",
              24},
             {"aws_config_config_rule.password", "InputParameters.MaxPasswordAge", "'90'", 26},
             {"aws_config_config_rule.password", "Scope.ComplianceResourceTypes.0",
              "'AWS::IAM::User'", 28},
         }},
        {"GuardDuty detector with data sources; features merge into the detector",
         R"(resource "aws_guardduty_detector" "main" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
  datasources {
    s3_logs {
      enable = true
    }
    kubernetes {
      audit_logs {
        enable = false
      }
    }
    malware_protection {
      scan_ec2_instance_with_findings {
        ebs_volumes {
          enable = true
        }
      }
    }
  }
}
resource "aws_guardduty_detector_feature" "runtime" {
  detector_id = aws_guardduty_detector.main.id
  name        = "RUNTIME_MONITORING"
  status      = "ENABLED"
  additional_configuration {
    name   = "EKS_ADDON_MANAGEMENT"
    status = "ENABLED"
  }
}
resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.main.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}
)",
         {
             {"aws_guardduty_detector.main", "", "AWS::GuardDuty::Detector"},
             // The provider enables a detector whose `enable` is omitted.
             {"aws_guardduty_detector.main", "Enable", "true", 1},
             {"aws_guardduty_detector.main", "FindingPublishingFrequency", "'FIFTEEN_MINUTES'", 2},
             {"aws_guardduty_detector.main", "DataSources.S3Logs.Enable", "true", 5},
             {"aws_guardduty_detector.main", "DataSources.Kubernetes.AuditLogs.Enable", "false", 9},
             {"aws_guardduty_detector.main",
              "DataSources.MalwareProtection.ScanEc2InstanceWithFindings.EbsVolumes", "true", 15},
             {"aws_guardduty_detector.main", "Features", "[2]"},
             {"aws_guardduty_detector.main", "Features.0.Name", "'RUNTIME_MONITORING'", 23},
             {"aws_guardduty_detector.main", "Features.0.Status", "'ENABLED'", 24},
             {"aws_guardduty_detector.main", "Features.0.AdditionalConfiguration.0.Name",
              "'EKS_ADDON_MANAGEMENT'", 26},
             {"aws_guardduty_detector.main", "Features.1.Name", "'S3_DATA_EVENTS'", 32},
             {"aws_guardduty_detector_feature.s3", "", "aws_guardduty_detector_feature"},
         }},
        {"Kinesis streams",
         R"(resource "aws_kinesis_stream" "events" {
  name             = "events"
  retention_period = 168
  encryption_type  = "KMS"
  kms_key_id       = "alias/aws/kinesis"
  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}
resource "aws_kinesis_stream" "plain" {
  name        = "plain"
  shard_count = 1
}
)",
         {
             {"aws_kinesis_stream.events", "", "AWS::Kinesis::Stream"},
             {"aws_kinesis_stream.events", "Name", "'events'", 2},
             {"aws_kinesis_stream.events", "RetentionPeriodHours", "#168", 3},
             {"aws_kinesis_stream.events", "StreamEncryption.EncryptionType", "'KMS'", 4},
             {"aws_kinesis_stream.events", "StreamEncryption.KeyId", "'alias/aws/kinesis'", 5},
             {"aws_kinesis_stream.events", "StreamModeDetails.StreamMode", "'ON_DEMAND'", 7},
             // Omitted: 24 hours of retention (at the header) and no encryption.
             {"aws_kinesis_stream.plain", "RetentionPeriodHours", "#24", 10},
             {"aws_kinesis_stream.plain", "StreamEncryption", "<absent>"},
             {"aws_kinesis_stream.plain", "ShardCount", "#1", 12},
         }},
        {"Firehose delivery streams",
         R"(resource "aws_kinesis_firehose_delivery_stream" "to_s3" {
  name        = "to-s3"
  destination = "extended_s3"
  server_side_encryption {
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK"
    key_arn  = "arn:aws:kms:eu-west-1:111122223333:key/abc"
  }
  extended_s3_configuration {
    role_arn    = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn  = "arn:aws:s3:::lake"
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/abc"
    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = "/aws/firehose/to-s3"
      log_stream_name = "delivery"
    }
  }
}
resource "aws_kinesis_firehose_delivery_stream" "owned_key" {
  name        = "owned-key"
  destination = "extended_s3"
  server_side_encryption {
    enabled = true
  }
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = "arn:aws:s3:::lake"
  }
}
resource "aws_kinesis_firehose_delivery_stream" "from_stream" {
  name        = "from-stream"
  destination = "http_endpoint"
  kinesis_source_configuration {
    kinesis_stream_arn = "arn:aws:kinesis:eu-west-1:111122223333:stream/events"
    role_arn           = "arn:aws:iam::111122223333:role/firehose"
  }
  http_endpoint_configuration {
    url      = "https://collector.example.com"
    role_arn = "arn:aws:iam::111122223333:role/firehose"
  }
}
)",
         {
             {"aws_kinesis_firehose_delivery_stream.to_s3", "",
              "AWS::KinesisFirehose::DeliveryStream"},
             {"aws_kinesis_firehose_delivery_stream.to_s3", "DeliveryStreamName", "'to-s3'", 2},
             {"aws_kinesis_firehose_delivery_stream.to_s3",
              "DeliveryStreamEncryptionConfigurationInput.KeyType", "'CUSTOMER_MANAGED_CMK'", 6},
             {"aws_kinesis_firehose_delivery_stream.to_s3",
              "DeliveryStreamEncryptionConfigurationInput.KeyARN",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 7},
             {"aws_kinesis_firehose_delivery_stream.to_s3",
              "ExtendedS3DestinationConfiguration.BucketARN", "'arn:aws:s3:::lake'", 11},
             {"aws_kinesis_firehose_delivery_stream.to_s3",
              "ExtendedS3DestinationConfiguration.EncryptionConfiguration.KMSEncryptionConfig."
              "AWSKMSKeyARN",
              "'arn:aws:kms:eu-west-1:111122223333:key/abc'", 12},
             {"aws_kinesis_firehose_delivery_stream.to_s3",
              "ExtendedS3DestinationConfiguration.CloudWatchLoggingOptions.Enabled", "true", 14},
             // SSE enabled without key_type: the provider sends AWS_OWNED_CMK.
             {"aws_kinesis_firehose_delivery_stream.owned_key",
              "DeliveryStreamEncryptionConfigurationInput.KeyType", "'AWS_OWNED_CMK'", 23},
             {"aws_kinesis_firehose_delivery_stream.from_stream", "DeliveryStreamType",
              "'KinesisStreamAsSource'", 34},
             {"aws_kinesis_firehose_delivery_stream.from_stream",
              "KinesisStreamSourceConfiguration.KinesisStreamARN",
              "'arn:aws:kinesis:eu-west-1:111122223333:stream/events'", 35},
             {"aws_kinesis_firehose_delivery_stream.from_stream",
              "HttpEndpointDestinationConfiguration.EndpointConfiguration.Url",
              "'https://collector.example.com'", 39},
             {"aws_kinesis_firehose_delivery_stream.from_stream",
              "DeliveryStreamEncryptionConfigurationInput", "<absent>"},
         }},
    });
}
