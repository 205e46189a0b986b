// Terraform adapters for storage and database services: S3 attachments (ACL, ownership controls,
// Object Lock, replication, lifecycle), RDS (instances, clusters, parameter groups), DocumentDB,
// Neptune, AWS Backup and DMS, and the resource-level DeletionPolicy that `skip_final_snapshot`
// and `lifecycle { prevent_destroy }` stand for. Each case scans a small Terraform root and checks
// canonical types, CloudFormation-shaped properties and the line each value points at.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// One expectation on one resource. An empty path checks the resource's type; a path starting
// with `$` reads a resource-level attribute ($DeletionPolicy). Values are rendered by `render`:
// 'text' for strings, #n for numbers, true / false, [n] / {n} for lists and maps of n entries,
// <unknown>, <null>, <absent>. Line 0 skips the line check.
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
            const std::string path = check.path;
            if (path.empty()) {
                CHECK(resource->type == check.value);
                continue;
            }
            const Value* value = path.front() == '$'
                                     ? test::value_at(resource->attributes, path.substr(1))
                                     : test::value_at(resource->properties, path);
            CHECK(render(value) == check.value);
            if (value != nullptr && check.line > 0) CHECK(value->range().begin.line == check.line);
        }
    }
}

}  // namespace

TEST_CASE("terraform adapters: S3 ACLs, ownership, Object Lock, replication and lifecycle") {
    run({
        {"attachments since provider v4",
         R"(resource "aws_s3_bucket" "records" {
  bucket              = "records"
  object_lock_enabled = true
  tags = {
    Regulated = "sec-17a-4"
  }
}
resource "aws_s3_bucket_acl" "records" {
  bucket = aws_s3_bucket.records.id
  acl    = "private"
}
resource "aws_s3_bucket_ownership_controls" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
resource "aws_s3_bucket_object_lock_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 2555
    }
  }
}
resource "aws_s3_bucket_replication_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  role   = "arn:aws:iam::111122223333:role/replication"
  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::records-dr"
    }
  }
}
resource "aws_s3_bucket_lifecycle_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    id     = "expire"
    status = "Enabled"
    expiration {
      days = 30
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
  }
}
)",
         {
             {"aws_s3_bucket.records", "ObjectLockEnabled", "true", 3},
             {"aws_s3_bucket.records", "Tags[0].Key", "'Regulated'", 5},
             {"aws_s3_bucket.records", "AccessControl", "'Private'", 10},
             {"aws_s3_bucket.records", "OwnershipControls.Rules[0].ObjectOwnership",
              "'BucketOwnerEnforced'", 15},
             // The configuration resource turns Object Lock on by default.
             {"aws_s3_bucket.records", "ObjectLockConfiguration.ObjectLockEnabled", "'Enabled'",
              18},
             {"aws_s3_bucket.records", "ObjectLockConfiguration.Rule.DefaultRetention.Days",
              "#2555", 23},
             {"aws_s3_bucket.records", "ReplicationConfiguration.Rules[0].Status", "'Enabled'", 32},
             {"aws_s3_bucket.records", "ReplicationConfiguration.Rules[0].Destination.Bucket",
              "'arn:aws:s3:::records-dr'", 34},
             {"aws_s3_bucket.records", "LifecycleConfiguration.Rules[0].ExpirationInDays", "#30",
              44},
             {"aws_s3_bucket.records",
              "LifecycleConfiguration.Rules[0].NoncurrentVersionExpiration.NoncurrentDays", "#7",
              47},
             {"aws_s3_bucket_acl.records", "", "aws_s3_bucket_acl"},
         }},
        {"provider v3 inline arguments",
         R"(resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read"
  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
)",
         {
             // Canned ACL names as CloudFormation spells them.
             {"aws_s3_bucket.site", "AccessControl", "'PublicRead'", 3},
             {"aws_s3_bucket.site", "ObjectLockConfiguration.ObjectLockEnabled", "'Enabled'", 5},
         }},
    });
}

TEST_CASE("terraform adapters: RDS instances, clusters and parameter groups") {
    run({
        {"instances and clusters",
         R"(resource "aws_db_instance" "app" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.t4g.medium"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/pi"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  monitoring_interval             = 60
  copy_tags_to_snapshot           = true
  auto_minor_version_upgrade      = false
  parameter_group_name            = aws_db_parameter_group.app.name
}
resource "aws_db_parameter_group" "app" {
  name   = "app"
  family = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}
resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger"
  engine                          = "aurora-mysql"
  backtrack_window                = 86400
  db_cluster_parameter_group_name = "ledger"
  skip_final_snapshot             = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_rds_cluster" "scratch" {
  cluster_identifier  = "scratch"
  engine              = "aurora-postgresql"
  skip_final_snapshot = true
}
resource "aws_rds_cluster_parameter_group" "ledger" {
  name   = "ledger"
  family = "aurora-mysql8.0"
  parameter {
    name         = "require_secure_transport"
    value        = "ON"
    apply_method = "pending-reboot"
  }
}
resource "aws_rds_cluster_instance" "ledger" {
  identifier         = "ledger-1"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  monitoring_interval = 15
}
)",
         {
             {"aws_db_instance.app", "EnablePerformanceInsights", "true", 5},
             {"aws_db_instance.app", "PerformanceInsightsKMSKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/pi'", 6},
             {"aws_db_instance.app", "EnableCloudwatchLogsExports[0]", "'postgresql'", 7},
             {"aws_db_instance.app", "MonitoringInterval", "#60", 8},
             {"aws_db_instance.app", "CopyTagsToSnapshot", "true", 9},
             {"aws_db_instance.app", "AutoMinorVersionUpgrade", "false", 10},
             {"aws_db_instance.app", "DBParameterGroupName", "<unknown>", 11},
             // skip_final_snapshot omitted: the provider takes a final snapshot.
             {"aws_db_instance.app", "$DeletionPolicy", "'Snapshot'", 1},
             {"aws_db_parameter_group.app", "", "AWS::RDS::DBParameterGroup"},
             {"aws_db_parameter_group.app", "Family", "'postgres16'", 15},
             {"aws_db_parameter_group.app", "Parameters", "{1}", 16},
             {"aws_rds_cluster.ledger", "BacktrackWindow", "#86400", 24},
             {"aws_rds_cluster.ledger", "DBClusterParameterGroupName", "'ledger'", 25},
             // prevent_destroy wins over the skipped final snapshot.
             {"aws_rds_cluster.ledger", "$DeletionPolicy", "'Retain'", 28},
             {"aws_rds_cluster.scratch", "$DeletionPolicy", "'Delete'", 34},
             {"aws_rds_cluster_parameter_group.ledger", "", "AWS::RDS::DBClusterParameterGroup"},
             {"aws_rds_cluster_parameter_group.ledger", "Parameters.require_secure_transport",
              "'ON'", 41},
             {"aws_rds_cluster_instance.ledger", "MonitoringInterval", "#15", 49},
             {"aws_rds_cluster_instance.ledger", "$DeletionPolicy", "<absent>"},
         }},
        {"write-only master passwords",
         R"(variable "db_password" {
  type      = string
  ephemeral = true
}
resource "aws_db_instance" "wo" {
  identifier          = "wo"
  engine              = "postgres"
  instance_class      = "db.t4g.micro"
  password_wo         = "literal-Passw0rd"
  password_wo_version = 1
}
resource "aws_rds_cluster" "wo" {
  cluster_identifier         = "wo"
  engine                     = "aurora-postgresql"
  master_password_wo         = var.db_password
  master_password_wo_version = 1
}
)",
         {
             {"aws_db_instance.wo", "MasterUserPassword", "'literal-Passw0rd'", 9},
             {"aws_rds_cluster.wo", "MasterUserPassword", "<unknown>", 15},
         }},
        {"a parameter name known only after apply",
         R"(variable "names" {
  type = list(string)
}
resource "aws_db_parameter_group" "dynamic" {
  name   = "dynamic"
  family = "mysql8.0"
  dynamic "parameter" {
    for_each = var.names
    content {
      name  = parameter.value
      value = "1"
    }
  }
}
)",
         {
             {"aws_db_parameter_group.dynamic", "Parameters", "<unknown>"},
         }},
    });
}

TEST_CASE("terraform adapters: DocumentDB, Neptune, AWS Backup and DMS") {
    run({
        {"DocumentDB and Neptune",
         R"(resource "aws_docdb_cluster" "catalog" {
  cluster_identifier              = "catalog"
  kms_key_id                      = "arn:aws:kms:eu-west-1:111122223333:key/docdb"
  storage_encrypted               = true
  backup_retention_period         = 14
  deletion_protection             = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.catalog.name
}
resource "aws_docdb_cluster_parameter_group" "catalog" {
  name   = "catalog"
  family = "docdb5.0"
  parameter {
    name  = "tls"
    value = "enabled"
  }
}
resource "aws_neptune_cluster" "graph" {
  cluster_identifier             = "graph"
  kms_key_arn                    = "arn:aws:kms:eu-west-1:111122223333:key/neptune"
  enable_cloudwatch_logs_exports = ["audit"]
  skip_final_snapshot            = true
}
resource "aws_neptune_cluster_parameter_group" "graph" {
  name   = "graph"
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
)",
         {
             {"aws_docdb_cluster.catalog", "", "AWS::DocDB::DBCluster"},
             {"aws_docdb_cluster.catalog", "KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/docdb'", 3},
             {"aws_docdb_cluster.catalog", "StorageEncrypted", "true", 4},
             {"aws_docdb_cluster.catalog", "BackupRetentionPeriod", "#14", 5},
             {"aws_docdb_cluster.catalog", "DeletionProtection", "true", 6},
             {"aws_docdb_cluster.catalog", "EnableCloudwatchLogsExports", "[2]", 7},
             {"aws_docdb_cluster.catalog", "DBClusterParameterGroupName", "<unknown>", 8},
             {"aws_docdb_cluster.catalog", "$DeletionPolicy", "'Snapshot'", 1},
             {"aws_docdb_cluster_parameter_group.catalog", "Parameters.tls", "'enabled'", 15},
             {"aws_neptune_cluster.graph", "", "AWS::Neptune::DBCluster"},
             {"aws_neptune_cluster.graph", "KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/neptune'", 20},
             // The provider sends storage_encrypted = false when it is omitted.
             {"aws_neptune_cluster.graph", "StorageEncrypted", "false", 18},
             {"aws_neptune_cluster.graph", "EnableCloudwatchLogsExports[0]", "'audit'", 21},
             {"aws_neptune_cluster.graph", "$DeletionPolicy", "'Delete'", 22},
             {"aws_neptune_cluster_parameter_group.graph", "Parameters.neptune_enable_audit_log",
              "'1'", 29},
         }},
        {"AWS Backup",
         R"tf(resource "aws_backup_vault" "central" {
  name        = "central"
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/backup"
}
resource "aws_backup_vault_lock_configuration" "central" {
  backup_vault_name   = aws_backup_vault.central.name
  min_retention_days  = 7
  max_retention_days  = 365
  changeable_for_days = 3
}
resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.central.name
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr"
      lifecycle {
        delete_after = 90
      }
    }
  }
}
)tf",
         {
             {"aws_backup_vault.central", "", "AWS::Backup::BackupVault"},
             {"aws_backup_vault.central", "EncryptionKeyArn",
              "'arn:aws:kms:eu-west-1:111122223333:key/backup'", 3},
             {"aws_backup_vault.central", "LockConfiguration.MinRetentionDays", "#7", 7},
             {"aws_backup_vault.central", "LockConfiguration.ChangeableForDays", "#3", 9},
             {"aws_backup_plan.daily", "", "AWS::Backup::BackupPlan"},
             {"aws_backup_plan.daily", "BackupPlan.BackupPlanName", "'daily'", 12},
             {"aws_backup_plan.daily", "BackupPlan.BackupPlanRule[0].ScheduleExpression",
              "'cron(0 5 * * ? *)'", 16},
             {"aws_backup_plan.daily", "BackupPlan.BackupPlanRule[0].Lifecycle.DeleteAfterDays",
              "#35", 18},
             {"aws_backup_plan.daily",
              "BackupPlan.BackupPlanRule[0].CopyActions[0].DestinationBackupVaultArn",
              "'arn:aws:backup:eu-central-1:111122223333:backup-vault:dr'", 21},
             {"aws_backup_plan.daily",
              "BackupPlan.BackupPlanRule[0].CopyActions[0].Lifecycle.DeleteAfterDays", "#90", 23},
         }},
        {"DMS",
         R"(resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
  kms_key_arn                = "arn:aws:kms:eu-west-1:111122223333:key/dms"
}
resource "aws_dms_endpoint" "source" {
  endpoint_id   = "source"
  endpoint_type = "source"
  engine_name   = "postgres"
  ssl_mode      = "verify-full"
}
)",
         {
             {"aws_dms_replication_instance.migrate", "", "AWS::DMS::ReplicationInstance"},
             // The provider's default: a private replication instance.
             {"aws_dms_replication_instance.migrate", "PubliclyAccessible", "false", 1},
             {"aws_dms_replication_instance.migrate", "KmsKeyId",
              "'arn:aws:kms:eu-west-1:111122223333:key/dms'", 4},
             {"aws_dms_endpoint.source", "SslMode", "'verify-full'", 10},
         }},
    });
}
