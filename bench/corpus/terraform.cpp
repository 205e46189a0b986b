// Terraform: projects of root modules (envs/<stage>/) calling the project's local child modules
// (modules/<name>/). A module is a set of components (S3 buckets, KMS keys, DynamoDB tables, an
// RDS database, a VPC, Lambda functions, SQS/SNS, a CloudTrail trail, IAM roles), one file each.
// Values that differ between environments are module variables the root sets from its
// terraform.tfvars; production-like stages are mostly compliant, the others less so.
#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "generators.h"

namespace corpus {
namespace {

struct Stage {
    std::string name;
    bool strict = true;  // prod, staging and perf are held to the rules; dev, qa, sandbox less so
    std::string region, account, octet;  // octet: the second octet of the stage's 10.x.0.0/16
};

// A module variable that each environment sets from its terraform.tfvars. The root declares it
// as <module>_<name> with the same type.
struct Input {
    std::string name, type, description;
    std::function<std::string(Rng&, const Stage&)> value;  // an HCL value
};

// Root variables every environment declares and sets; a module that uses one declares it too.
struct Common {
    const char* name;
    const char* type;
    const char* description;
};
const std::vector<Common>& commons() {
    static const std::vector<Common> kCommons = {
        {"vpc_id", "string", "VPC the workloads run in."},
        {"subnet_ids", "list(string)", "Private subnets of the workloads."},
        {"app_cidrs", "list(string)", "Address ranges of the application tier."},
        {"artifact_bucket", "string", "Bucket the build pipeline publishes artifacts to."},
        {"log_retention_days", "number", "How long CloudWatch Logs keep log events."},
    };
    return kCommons;
}

// What a component adds to its module.
struct Module {
    std::string name;  // directory name
    int scale = 1;     // > 1: an older module that writes many resources out one by one
    std::string key_arn = "var.kms_key_arn";  // the module's own key once a keys component ran
    std::vector<std::pair<std::string, std::string>> files;  // file name, content
    std::vector<std::string> variables;                      // variable blocks
    std::vector<std::string> outputs;                        // output blocks
    std::vector<std::string> output_names;
    std::vector<Input> inputs;
    std::set<std::string> commons;
};

std::string object(const std::vector<std::pair<std::string, std::string>>& fields, int indent = 0);

std::string variable_block(const std::string& name, const std::string& description,
                           const std::string& type, const std::string& default_value = "") {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"description", "\"" + description + "\""}, {"type", type}};
    if (!default_value.empty()) fields.emplace_back("default", default_value);
    return "variable \"" + name + "\" " + object(fields) + "\n";
}

void variable(Module& m, const std::string& name, const std::string& type,
              const std::string& description, const std::string& default_value = "") {
    m.variables.push_back(variable_block(name, description, type, default_value));
}

void output(Module& m, const std::string& name, const std::string& description,
            const std::string& value) {
    m.outputs.push_back("output \"" + name + "\" {\n  description = \"" + description +
                        "\"\n  value       = " + value + "\n}\n");
    m.output_names.push_back(name);
}

void input(Module& m, Input in, const std::string& default_value = "") {
    variable(m, in.name, in.type, in.description, default_value);
    m.inputs.push_back(std::move(in));
}

void common(Module& m, const std::string& name) {
    if (!m.commons.insert(name).second) return;
    for (const Common& c : commons())
        if (name == c.name) variable(m, c.name, c.type, c.description);
}

using Fields = std::vector<std::pair<std::string, std::string>>;  // HCL attribute name, value

// An HCL object as `terraform fmt` lays it out: one attribute a line, `=` aligned across runs of
// one-line values (a multi-line value stands alone). `indent` is that of the line it starts on.
std::string object(const Fields& fields, int indent) {
    if (fields.empty()) return "{}";
    const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    std::string out = "{\n";
    for (std::size_t i = 0; i < fields.size();) {
        std::size_t end = i, width = 0;
        while (end < fields.size() && fields[end].second.find('\n') == std::string::npos)
            width = std::max(width, fields[end++].first.size());
        for (; i < end; ++i)
            out += pad + fields[i].first + std::string(width - fields[i].first.size(), ' ') +
                   " = " + fields[i].second + "\n";
        if (i < fields.size()) out += pad + fields[i].first + " = " + fields[i].second + "\n", ++i;
    }
    return out + std::string(static_cast<std::size_t>(indent), ' ') + "}";
}

// `{ a = 1, b = 2 }`
std::string inline_object(const Fields& fields) {
    if (fields.empty()) return "{}";
    std::string out = "{ ";
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? ", " : "") + fields[i].first + " = " + fields[i].second;
    return out + " }";
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", \"" : "\"") + items[i] + "\"";
    return out + "]";
}

std::string banner(const std::string& title) {
    std::string line = "# ---- " + title + " ";
    line.resize(100, '-');
    return line + "\n\n";
}

// ---- components -----------------------------------------------------------------------------

std::string keys(Rng& rng, Module& m) {
    static const std::vector<std::string> kKeys = {"data",    "logs",   "backups",
                                                   "secrets", "queues", "archive"};
    std::string out = banner("customer managed keys");
    const auto ids =
        sample(rng, kKeys, static_cast<std::size_t>(rng.range(1, std::min(6, 2 + m.scale))));
    input(m,
          {"enable_key_rotation", "bool", "Rotate the module's keys every year.",
           [](Rng& r, const Stage& s) { return s.strict || r.chance(60) ? "true" : "false"; }},
          "true");
    variable(m, "key_user_role_arns", "list(string)", "Roles that may use the keys.", "[]");
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const std::string& id = ids[k];
        const int style = rng.range(0, 2);
        std::string policy;
        if (style == 0) {
            out += fill(R"HCL(data "aws_iam_policy_document" "@id@_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = var.key_user_role_arns
    content {
      sid       = "UseKey${statement.key}"
      actions   = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = [statement.value]
      }
    }
  }
}

)HCL",
                        {{"id", id}});
            policy = "data.aws_iam_policy_document." + id + "_key.json";
        } else if (style == 1) {
            policy = R"HCL(<<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "AccountAdministration",
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::${var.account_id}:root" },
          "Action": "kms:*",
          "Resource": "*"
        },
        {
          "Sid": "CloudWatchLogs",
          "Effect": "Allow",
          "Principal": { "Service": "logs.${var.region}.amazonaws.com" },
          "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
          "Resource": "*",
          "Condition": {
            "ArnLike": {
              "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:${var.region}:${var.account_id}:log-group:*"
            }
          }
        }
      ]
    }
  EOT)HCL";
        } else {
            policy = R"HCL(jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "ServiceUse"
        Effect    = "Allow"
        Principal = { Service = ["sqs.amazonaws.com", "sns.amazonaws.com", "s3.amazonaws.com"] }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = var.account_id }
        }
      },
    ]
  }))HCL";
        }
        const int r = rng.range(0, 9);
        const std::string rotation = r < 5 ? "var.enable_key_rotation" : r < 9 ? "true" : "false";
        out += fill(R"HCL(resource "aws_kms_key" "@id@" {
  description             = "@desc@ of ${var.name} (${var.environment})"
  enable_key_rotation     = @rotation@
  deletion_window_in_days = @window@
  tags                    = merge(local.tags, { Key = "@id@" })
@policy@
}

resource "aws_kms_alias" "@id@" {
  name          = "alias/${local.name_prefix}/@id@"
  target_key_id = aws_kms_key.@id@.key_id
}

)HCL",
                    {{"id", id},
                     {"desc", pascal(id) + " key"},
                     {"rotation", rotation},
                     {"window", std::to_string(rng.pick(std::vector<int>{7, 14, 30}))},
                     {"policy", policy.find('\n') == std::string::npos
                                    ? "  policy                  = " + policy
                                    : "\n  policy = " + policy}});
        output(m, id + "_key_arn", "ARN of the " + id + " key.", "aws_kms_key." + id + ".arn");
    }
    m.key_arn = "aws_kms_key." + ids.front() + ".arn";
    return out;
}

std::string buckets(Rng& rng, Module& m) {
    std::string out = banner("buckets");
    input(m,
          {"buckets", R"HCL(map(object({
    versioning             = optional(bool, true)
    kms                    = optional(bool, true)
    block_public_access    = optional(bool, true)
    tls_only               = optional(bool, true)
    expire_noncurrent_days = optional(number, 90)
    transitions = optional(list(object({
      days          = number
      storage_class = string
    })), [])
  })))HCL",
           "Buckets of the module, by purpose.",
           [](Rng& r, const Stage& s) {
               Fields buckets;
               for (const std::string& noun :
                    sample(r, data_nouns(), static_cast<std::size_t>(r.range(1, 4)))) {
                   Fields f;
                   if (!s.strict && r.chance(30)) f.emplace_back("versioning", "false");
                   if (r.chance(s.strict ? 5 : 25)) f.emplace_back("kms", "false");
                   if (!s.strict && r.chance(15)) f.emplace_back("block_public_access", "false");
                   if (r.chance(s.strict ? 5 : 30)) f.emplace_back("tls_only", "false");
                   if (r.chance(50))
                       f.emplace_back("expire_noncurrent_days",
                                      std::to_string(r.range(1, 12) * 30));
                   if (r.chance(40))
                       f.emplace_back("transitions",
                                      "[{ days = 30, storage_class = \"STANDARD_IA\" }, { days = " +
                                          std::to_string(r.range(3, 12) * 30) +
                                          ", storage_class = \"GLACIER\" }]");
                   buckets.emplace_back(noun, inline_object(f));
               }
               return object(buckets);
           }},
          "{}");
    variable(m, "reader_role_arns", "list(string)", "Roles that read every bucket of the module.",
             "[]");
    out += fill(R"HCL(resource "aws_s3_bucket" "this" {
  for_each = var.buckets

  bucket        = "${local.name_prefix}-${each.key}-${var.account_id}"
  force_destroy = var.environment != "prod"
  tags          = merge(local.tags, { Purpose = each.key })
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  versioning_configuration {
    status = var.buckets[each.key].versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.buckets[each.key].kms ? "aws:kms" : "AES256"
      kms_master_key_id = var.buckets[each.key].kms ? @key@ : null
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this

  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = var.buckets[each.key].block_public_access
  ignore_public_acls      = true
  restrict_public_buckets = var.buckets[each.key].block_public_access
}

# Buckets that serve only TLS clients get a policy; the others are listed in the exceptions
# register of the security team.
data "aws_iam_policy_document" "bucket" {
  for_each = { for name, bucket in aws_s3_bucket.this : name => bucket if var.buckets[name].tls_only }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [each.value.arn, "${each.value.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  dynamic "statement" {
    for_each = length(var.reader_role_arns) > 0 ? [1] : []
    content {
      sid       = "ReadFromRoles"
      actions   = ["s3:GetObject", "s3:ListBucket"]
      resources = [each.value.arn, "${each.value.arn}/*"]

      principals {
        type        = "AWS"
        identifiers = var.reader_role_arns
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = data.aws_iam_policy_document.bucket

  bucket = aws_s3_bucket.this[each.key].id
  policy = each.value.json
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  rule {
    id     = "expire-noncurrent"
    status = "Enabled"
    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.buckets[each.key].expire_noncurrent_days
    }
  }

  dynamic "rule" {
    for_each = var.buckets[each.key].transitions
    content {
      id     = "transition-${rule.value.days}"
      status = "Enabled"
      filter {}

      transition {
        days          = rule.value.days
        storage_class = rule.value.storage_class
      }
    }
  }
}

)HCL",
                {{"key", m.key_arn}});
    output(m, "bucket_arns", "ARN of each bucket, by purpose.",
           "{ for name, bucket in aws_s3_bucket.this : name => bucket.arn }");
    output(m, "bucket_names", "Name of each bucket, by purpose.",
           "{ for name, bucket in aws_s3_bucket.this : name => bucket.id }");

    // Buckets written out one by one, the way older parts of a code base look.
    for (const std::string& noun :
         sample(rng, data_nouns(), static_cast<std::size_t>(rng.range(0, 2 * m.scale)))) {
        const bool good = rng.chance(75);
        const std::string id = snake(noun) + "_store";
        out += fill(
            R"HCL(resource "aws_s3_bucket" "@id@" {
  bucket = "${local.name_prefix}-@noun@"
  tags   = merge(local.tags, { Purpose = "@noun@" })

  lifecycle {
    prevent_destroy = @protect@
  }
}

resource "aws_s3_bucket_versioning" "@id@" {
  bucket = aws_s3_bucket.@id@.id
  versioning_configuration {
    status = "@versioning@"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "@id@" {
  bucket = aws_s3_bucket.@id@.id
  rule {
    apply_server_side_encryption_by_default {
      @sse@
    }
  }
}

resource "aws_s3_bucket_public_access_block" "@id@" {
  bucket                  = aws_s3_bucket.@id@.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "@id@" {
  bucket        = aws_s3_bucket.@id@.id
  target_bucket = "${var.environment}-access-logs-${var.account_id}"
  target_prefix = "@noun@/"
}

)HCL",
            {{"id", id},
             {"noun", noun},
             {"protect", rng.chance(50) ? "true" : "false"},
             {"versioning", good || rng.chance(50) ? "Enabled" : "Suspended"},
             {"sse", good || rng.chance(50)
                         ? "sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = " + m.key_arn
                         : std::string("sse_algorithm = \"AES256\"")}});
        if (good || rng.chance(50)) {
            out += fill(R"HCL(resource "aws_s3_bucket_policy" "@id@" {
  bucket = aws_s3_bucket.@id@.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.@id@.arn, "${aws_s3_bucket.@id@.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "DenyOutdatedTls"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.@id@.arn, "${aws_s3_bucket.@id@.arn}/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
      },
    ]
  })
}

)HCL",
                        {{"id", id}});
        }
    }
    return out;
}

std::string tables(Rng& rng, Module& m) {
    std::string out = banner("tables");
    input(m,
          {"tables", R"HCL(map(object({
    hash_key               = string
    range_key              = optional(string)
    point_in_time_recovery = optional(bool, true)
    ttl_attribute          = optional(string)
    indexes = optional(map(object({
      hash_key  = string
      range_key = optional(string)
    })), {})
  })))HCL",
           "DynamoDB tables of the module, by entity.",
           [](Rng& r, const Stage& s) {
               Fields tables;
               for (const std::string& noun :
                    sample(r, entity_nouns(), static_cast<std::size_t>(r.range(1, 4)))) {
                   Fields f = {{"hash_key", "\"" + noun.substr(0, noun.size() - 1) + "_id\""}};
                   if (r.chance(60)) f.emplace_back("range_key", "\"created_at\"");
                   if (r.chance(s.strict ? 5 : 35))
                       f.emplace_back("point_in_time_recovery", "false");
                   if (r.chance(40)) f.emplace_back("ttl_attribute", "\"expires_at\"");
                   if (r.chance(40))
                       f.emplace_back(
                           "indexes",
                           object({{"by_status",
                                    "{ hash_key = \"status\", range_key = \"updated_at\" }"},
                                   {"by_owner", "{ hash_key = \"owner_id\" }"}},
                                  4));
                   tables.emplace_back(noun, object(f, 2));
               }
               return object(tables);
           }},
          "{}");
    out += fill(R"HCL(resource "aws_dynamodb_table" "this" {
  for_each = var.tables

  name         = "${local.name_prefix}-${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value.hash_key
  range_key    = each.value.range_key

  dynamic "attribute" {
    for_each = toset(compact(concat(
      [each.value.hash_key, each.value.range_key],
      flatten([for index in values(each.value.indexes) : [index.hash_key, index.range_key]]),
    )))
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.hash_key
      range_key       = global_secondary_index.value.range_key
      projection_type = "ALL"
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute == null ? [] : [each.value.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = each.value.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = @key@
  }

  deletion_protection_enabled = var.environment == "prod"
  tags                        = merge(local.tags, { Table = each.key })
}

)HCL",
                {{"key", m.key_arn}});
    output(m, "table_arns", "ARN of each table.",
           "{ for name, table in aws_dynamodb_table.this : name => table.arn }");
    for (const std::string& noun :
         sample(rng, entity_nouns(), static_cast<std::size_t>(rng.range(0, 2 * m.scale)))) {
        const int pitr = rng.range(0, 9);  // mostly on; sometimes off, sometimes never set
        out +=
            fill(R"HCL(resource "aws_dynamodb_table" "@id@" {
  name           = "${local.name_prefix}-@noun@-v2"
  billing_mode   = "PROVISIONED"
  read_capacity  = @rcu@
  write_capacity = @wcu@
  hash_key       = "pk"
  range_key      = "sk"

  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }
@pitr@
  server_side_encryption {
    enabled = true
  }

  tags = local.tags
}

)HCL",
                 {{"id", snake(noun) + "_v2"},
                  {"noun", noun},
                  {"rcu", std::to_string(rng.range(1, 20) * 5)},
                  {"wcu", std::to_string(rng.range(1, 10) * 5)},
                  {"pitr", pitr < 7   ? "\n  point_in_time_recovery {\n    enabled = true\n  }\n"
                           : pitr < 9 ? "\n  point_in_time_recovery {\n    enabled = false\n  }\n"
                                      : ""}});
    }
    return out;
}

std::string database(Rng& rng, Module& m) {
    std::string out = banner("database");
    common(m, "vpc_id");
    common(m, "subnet_ids");
    common(m, "app_cidrs");
    input(m,
          {"database", R"HCL(object({
    engine                = optional(string, "postgres")
    instance_class        = optional(string, "db.t4g.medium")
    allocated_storage     = optional(number, 50)
    multi_az              = optional(bool, false)
    publicly_accessible   = optional(bool, false)
    storage_encrypted     = optional(bool, true)
    backup_retention_days = optional(number, 7)
    read_replica          = optional(bool, false)
    parameters            = optional(map(string), {})
  }))HCL",
           "Settings of the module's database.",
           [](Rng& r, const Stage& s) {
               Fields f;
               if (r.chance(30)) f.emplace_back("engine", "\"mysql\"");
               f.emplace_back("instance_class",
                              "\"" +
                                  r.pick(std::vector<std::string>{"db.t4g.medium", "db.r6g.large",
                                                                  "db.m6g.xlarge"}) +
                                  "\"");
               f.emplace_back("allocated_storage", std::to_string(r.range(2, 40) * 25));
               if (s.strict)
                   f.emplace_back("multi_az", "true"),
                       f.emplace_back("read_replica", r.chance(40) ? "true" : "false");
               if (!s.strict && r.chance(15)) f.emplace_back("publicly_accessible", "true");
               if (r.chance(s.strict ? 3 : 20)) f.emplace_back("storage_encrypted", "false");
               f.emplace_back("backup_retention_days",
                              std::to_string(s.strict ? 35 : r.range(1, 7)));
               if (r.chance(40))
                   f.emplace_back("parameters", "{ log_min_duration_statement = \"" +
                                                    std::to_string(r.range(1, 10) * 100) + "\" }");
               return object(f);
           }},
          "{}");
    out += fill(R"HCL(locals {
  db_port    = var.database.engine == "postgres" ? 5432 : 3306
  db_family  = var.database.engine == "postgres" ? "postgres16" : "mysql8.0"
  db_version = var.database.engine == "postgres" ? "16.9" : "8.0.43"
  db_default_parameters = var.database.engine == "postgres" ? tomap({
    "rds.force_ssl"            = "1"
    "log_connections"          = "1"
    "shared_preload_libraries" = "pg_stat_statements"
    }) : tomap({
    "require_secure_transport" = "ON"
    "slow_query_log"           = "1"
  })
}

resource "aws_db_subnet_group" "this" {
  name        = local.name_prefix
  description = "Private subnets of the ${var.name} database"
  subnet_ids  = var.subnet_ids
  tags        = local.tags
}

resource "aws_security_group" "database" {
  name        = "${local.name_prefix}-db"
  description = "Database of ${var.name}"
  vpc_id      = var.vpc_id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "database" {
  for_each = toset(var.app_cidrs)

  security_group_id = aws_security_group.database.id
  description       = "Database port from ${each.value}"
  cidr_ipv4         = each.value
  from_port         = local.db_port
  to_port           = local.db_port
  ip_protocol       = "tcp"
}

resource "aws_db_parameter_group" "this" {
  name   = local.name_prefix
  family = local.db_family

  dynamic "parameter" {
    for_each = merge(local.db_default_parameters, var.database.parameters)
    content {
      name         = parameter.key
      value        = parameter.value
      apply_method = "pending-reboot"
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  identifier     = local.name_prefix
  engine         = var.database.engine
  engine_version = local.db_version
  instance_class = var.database.instance_class

  allocated_storage     = var.database.allocated_storage
  max_allocated_storage = var.database.allocated_storage * 4
  storage_type          = "gp3"
  storage_encrypted     = var.database.storage_encrypted
  kms_key_id            = var.database.storage_encrypted ? @key@ : null

  db_name                     = replace(var.name, "-", "_")
  username                    = "app_admin"
  manage_master_user_password = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  parameter_group_name   = aws_db_parameter_group.this.name
  vpc_security_group_ids = [aws_security_group.database.id]
  publicly_accessible    = var.database.publicly_accessible
  multi_az               = var.database.multi_az

  backup_retention_period   = var.database.backup_retention_days
  backup_window             = "02:00-03:00"
  maintenance_window        = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot     = true
  deletion_protection       = var.environment == "prod"
  skip_final_snapshot       = var.environment != "prod"
  final_snapshot_identifier = var.environment == "prod" ? "${local.name_prefix}-final" : null

  iam_database_authentication_enabled = true
  performance_insights_enabled        = true
  enabled_cloudwatch_logs_exports     = var.database.engine == "postgres" ? ["postgresql", "upgrade"] : ["error", "slowquery"]

  tags = local.tags
}

resource "aws_db_instance" "replica" {
  count = var.database.read_replica ? 1 : 0

  identifier             = "${local.name_prefix}-replica"
  replicate_source_db    = aws_db_instance.this.identifier
  instance_class         = var.database.instance_class
  storage_encrypted      = true
  kms_key_id             = @key@
  publicly_accessible    = false
  vpc_security_group_ids = [aws_security_group.database.id]
  skip_final_snapshot    = true
  tags                   = merge(local.tags, { Role = "replica" })
}

)HCL",
                {{"key", m.key_arn}});
    if (rng.chance(25)) {  // a legacy reporting database, written out literally
        const bool good = rng.chance(60);
        out += fill(
            R"HCL(# Reporting copy for the finance team; scheduled for migration to the warehouse.
resource "aws_db_instance" "reporting" {
  identifier          = "${local.name_prefix}-reporting"
  engine              = "mysql"
  engine_version      = "8.0.43"
  instance_class      = "db.t3.medium"
  allocated_storage   = 100
  username            = "reporting"
  password            = "change-me-in-secrets-manager"
  storage_encrypted   = @encrypted@
  publicly_accessible = @public@
  skip_final_snapshot = true
  tags                = local.tags
}

)HCL",
            {{"encrypted", good ? "true" : "false"},
             {"public", good || rng.chance(50) ? "false" : "true"}});
    }
    output(m, "database_endpoint", "Address of the database.", "aws_db_instance.this.address");
    output(m, "database_security_group_id", "Security group of the database.",
           "aws_security_group.database.id");
    return out;
}

std::string network(Rng& rng, Module& m) {
    std::string out = banner("network");
    input(m, {"network", R"HCL(object({
    cidr                    = string
    azs                     = list(string)
    flow_log_retention_days = optional(number, 365)
    admin_cidrs             = optional(list(string), [])
  }))HCL",
              "Address plan of the module's VPC.", [](Rng& r, const Stage& s) {
                  std::string azs = "[\"" + s.region + "a\", \"" + s.region + "b\"";
                  if (r.chance(50)) azs += ", \"" + s.region + "c\"";
                  const std::string admins =
                      r.chance(s.strict ? 2 : 20) ? "0.0.0.0/0" : "10." + s.octet + ".250.0/24";
                  return object({{"cidr", "\"10." + s.octet + ".0.0/16\""},
                                 {"azs", azs + "]"},
                                 {"admin_cidrs", "[\"" + admins + "\"]"}});
              }});
    out += R"HCL(resource "aws_vpc" "this" {
  cidr_block           = var.network.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = local.name_prefix })
}

resource "aws_subnet" "private" {
  count = length(var.network.azs)

  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.network.cidr, 4, count.index)
  availability_zone = var.network.azs[count.index]
  tags = merge(local.tags, {
    Name = "${local.name_prefix}-private-${var.network.azs[count.index]}"
    Tier = "private"
  })
}

resource "aws_subnet" "public" {
  count = length(var.network.azs)

  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.network.cidr, 4, count.index + 8)
  availability_zone       = element(var.network.azs, count.index)
  map_public_ip_on_launch = false
  tags = merge(local.tags, {
    Name = "${local.name_prefix}-public-${var.network.azs[count.index]}"
    Tier = "public"
  })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = local.tags
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }

  tags = merge(local.tags, { Name = "${local.name_prefix}-public" })
}

resource "aws_route_table_association" "public" {
  count = length(aws_subnet.public)

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/vpc/${local.name_prefix}/flow-logs"
  retention_in_days = var.network.flow_log_retention_days
  kms_key_id        = )HCL" +
           m.key_arn + R"HCL(
  tags              = local.tags
}

data "aws_iam_policy_document" "flow_logs_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
  }
}

resource "aws_iam_role" "flow_logs" {
  name               = "${local.name_prefix}-flow-logs"
  assume_role_policy = data.aws_iam_policy_document.flow_logs_assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "flow_logs" {
  name = "write-flow-logs"
  role = aws_iam_role.flow_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "${aws_cloudwatch_log_group.flow_logs.arn}:*"
    }]
  })
}

resource "aws_flow_log" "this" {
  vpc_id                   = aws_vpc.this.id
  traffic_type             = "ALL"
  log_destination          = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn             = aws_iam_role.flow_logs.arn
  max_aggregation_interval = 60
  tags                     = local.tags
}

locals {
  web_ingress = [
    { description = "HTTPS from the internet", port = 443, cidrs = ["0.0.0.0/0"] },
    { description = "HTTP redirect", port = 80, cidrs = ["0.0.0.0/0"] },
  ]
  bastion_ingress = [
    for cidr in var.network.admin_cidrs : { description = "SSH from ${cidr}", port = 22, cidrs = [cidr] }
  ]
}

resource "aws_security_group" "web" {
  name        = "${local.name_prefix}-web"
  description = "Load balancer of ${var.name}"
  vpc_id      = aws_vpc.this.id

  dynamic "ingress" {
    for_each = local.web_ingress
    content {
      description = ingress.value.description
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  egress {
    description = "Anywhere"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_security_group" "bastion" {
  name        = "${local.name_prefix}-bastion"
  description = "Bastion host of ${var.name}"
  vpc_id      = aws_vpc.this.id

  dynamic "ingress" {
    for_each = local.bastion_ingress
    content {
      description = ingress.value.description
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_security_group_rule" "web_to_app" {
  type                     = "egress"
  security_group_id        = aws_security_group.web.id
  source_security_group_id = aws_security_group.bastion.id
  from_port                = 8080
  to_port                  = 8080
  protocol                 = "tcp"
  description              = "Application port"
}

resource "aws_launch_template" "bastion" {
  name_prefix            = "${local.name_prefix}-bastion-"
  image_id               = "ami-0)HCL" +
           hex_id(rng, 16) + R"HCL("
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.bastion.id]

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  user_data = base64encode(<<-EOT
    #!/bin/bash
    set -euo pipefail
    echo "Bastion of ${local.name_prefix}" > /etc/motd
    %{for cidr in var.network.admin_cidrs~}
    echo "admin network: ${cidr}" >> /etc/motd
    %{endfor~}
  EOT
  )

  tags = local.tags
}

)HCL";
    static const std::vector<int> kPorts = {8080, 8443,  9090, 9200, 5601, 6379, 11211, 2049,
                                            5672, 15672, 9092, 2181, 8500, 4222, 50051};
    for (int port : sample(rng, kPorts, static_cast<std::size_t>(rng.range(0, 3 * m.scale - 1)))) {
        out += fill(R"HCL(resource "aws_vpc_security_group_ingress_rule" "app_@port@" {
  security_group_id            = aws_security_group.web.id
  description                  = "Port @port@ between the load balancers"
  referenced_security_group_id = aws_security_group.web.id
  from_port                    = @port@
  to_port                      = @port@
  ip_protocol                  = "tcp"
  tags                         = local.tags
}

)HCL",
                    {{"port", std::to_string(port)}});
    }
    if (rng.chance(20)) {  // the legacy jump host nobody dares to remove
        out += R"HCL(resource "aws_vpc_security_group_ingress_rule" "legacy_rdp" {
  security_group_id = aws_security_group.bastion.id
  description       = "RDP for the legacy jump host (ticket OPS-1289)"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
}

)HCL";
    }
    output(m, "vpc_id", "ID of the VPC.", "aws_vpc.this.id");
    output(m, "private_subnet_ids", "IDs of the private subnets.", "aws_subnet.private[*].id");
    output(m, "public_subnet_ids", "IDs of the public subnets.", "aws_subnet.public[*].id");
    return out;
}

std::string functions(Rng&, Module& m) {
    std::string out = banner("functions");
    common(m, "artifact_bucket");
    common(m, "log_retention_days");
    common(m, "subnet_ids");
    common(m, "vpc_id");
    input(m, {"functions", R"HCL(map(object({
    handler     = string
    runtime     = optional(string, "python3.12")
    memory_size = optional(number, 256)
    timeout     = optional(number, 30)
    environment = optional(map(string), {})
  })))HCL",
              "Lambda functions of the module.", [](Rng& r, const Stage&) {
                  static const std::vector<std::string> kJobs = {
                      "ingest", "transform", "notify", "reconcile",
                      "export", "cleanup",   "enrich", "router"};
                  static const std::vector<std::string> kRuntimes = {"python3.12", "nodejs22.x",
                                                                     "java21", "provided.al2023"};
                  Fields functions;
                  for (const std::string& job :
                       sample(r, kJobs, static_cast<std::size_t>(r.range(1, 4)))) {
                      const std::string& runtime = r.pick(kRuntimes);
                      const std::string handler =
                          runtime.starts_with("python") ? "app." + job + ".handler"
                          : runtime.starts_with("node") ? "dist/" + job + ".handler"
                          : runtime.starts_with("java")
                              ? "com.example." + pascal(job) + "Handler::handleRequest"
                              : "bootstrap";
                      Fields f = {{"handler", "\"" + handler + "\""},
                                  {"runtime", "\"" + runtime + "\""},
                                  {"memory_size", std::to_string(r.range(1, 8) * 128)}};
                      if (r.chance(50))
                          f.emplace_back("timeout", std::to_string(r.range(1, 30) * 10));
                      if (r.chance(50))
                          f.emplace_back(
                              "environment",
                              inline_object({{"LOG_LEVEL", r.chance(50) ? "\"INFO\"" : "\"DEBUG\""},
                                             {"BATCH_SIZE",
                                              "\"" + std::to_string(r.range(1, 50) * 10) + "\""}}));
                      functions.emplace_back(job, object(f, 2));
                  }
                  return object(functions);
              }});
    out += fill(R"HCL(data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lambda" {
  for_each = var.functions

  name               = "${local.name_prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy_attachment" "lambda_basic" {
  for_each = aws_iam_role.lambda

  role       = each.value.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_iam_role_policy" "lambda" {
  for_each = aws_iam_role.lambda

  name = "runtime"
  role = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.lambda[each.key].arn}:*"
      },
      {
        Sid      = "Artifacts"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::${var.artifact_bucket}/${var.name}/*"
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "lambda" {
  for_each = var.functions

  name              = "/aws/lambda/${local.name_prefix}-${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = @key@
  tags              = local.tags
}

resource "aws_security_group" "lambda" {
  name        = "${local.name_prefix}-functions"
  description = "Functions of ${var.name}"
  vpc_id      = var.vpc_id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_lambda_function" "this" {
  for_each = var.functions

  function_name = "${local.name_prefix}-${each.key}"
  description   = "${title(each.key)} step of ${var.name}"
  role          = aws_iam_role.lambda[each.key].arn
  s3_bucket     = var.artifact_bucket
  s3_key        = "${var.name}/${each.key}-${var.environment}.zip"
  handler       = each.value.handler
  runtime       = each.value.runtime
  memory_size   = each.value.memory_size
  timeout       = each.value.timeout
  kms_key_arn   = @key@
  architectures = ["arm64"]

  environment {
    variables = merge({
      ENVIRONMENT = var.environment
      SERVICE     = var.name
      REGION      = var.region
    }, each.value.environment)
  }

  tracing_config {
    mode = "Active"
  }

  dynamic "vpc_config" {
    for_each = length(var.subnet_ids) > 0 ? [var.subnet_ids] : []
    content {
      subnet_ids         = vpc_config.value
      security_group_ids = [aws_security_group.lambda.id]
    }
  }

  depends_on = [aws_cloudwatch_log_group.lambda, aws_iam_role_policy_attachment.lambda_basic]
  tags       = local.tags
}

)HCL",
                {{"key", m.key_arn}});
    output(m, "function_arns", "ARN of each function.",
           "{ for name, fn in aws_lambda_function.this : name => fn.arn }");
    output(m, "function_role_arns", "Execution role of each function.",
           "values(aws_iam_role.lambda)[*].arn");
    return out;
}

std::string messaging(Rng& rng, Module& m) {
    std::string out = banner("queues and topics");
    input(m, {"queues", R"HCL(map(object({
    visibility_timeout = optional(number, 60)
    max_receive_count  = optional(number, 5)
    fifo               = optional(bool, false)
  })))HCL",
              "Queues of the module; standard queues subscribe to the module's topic.",
              [](Rng& r, const Stage&) {
                  Fields queues;
                  for (const std::string& noun :
                       sample(r, entity_nouns(), static_cast<std::size_t>(r.range(1, 4)))) {
                      Fields f;
                      if (r.chance(50))
                          f.emplace_back("visibility_timeout", std::to_string(r.range(1, 20) * 30));
                      if (r.chance(20)) f.emplace_back("fifo", "true");
                      queues.emplace_back(noun, inline_object(f));
                  }
                  return object(queues);
              }});
    out += fill(R"HCL(resource "aws_sqs_queue" "dead_letter" {
  for_each = var.queues

  name                      = each.value.fifo ? "${local.name_prefix}-${each.key}-dlq.fifo" : "${local.name_prefix}-${each.key}-dlq"
  fifo_queue                = each.value.fifo
  message_retention_seconds = 1209600
  kms_master_key_id         = @key@
  tags                      = local.tags
}

resource "aws_sqs_queue" "this" {
  for_each = var.queues

  name                              = each.value.fifo ? "${local.name_prefix}-${each.key}.fifo" : "${local.name_prefix}-${each.key}"
  fifo_queue                        = each.value.fifo
  visibility_timeout_seconds        = each.value.visibility_timeout
  kms_master_key_id                 = @key@
  kms_data_key_reuse_period_seconds = 300
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter[each.key].arn
    maxReceiveCount     = each.value.max_receive_count
  })
  tags = local.tags
}

resource "aws_sns_topic" "events" {
  name              = "${local.name_prefix}-events"
  kms_master_key_id = @key@
  tags              = local.tags
}

resource "aws_sns_topic_subscription" "queues" {
  for_each = { for name, queue in var.queues : name => queue if !queue.fifo }

  topic_arn            = aws_sns_topic.events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.this[each.key].arn
  raw_message_delivery = true
}

data "aws_iam_policy_document" "queue" {
  for_each = var.queues

  statement {
    sid       = "FromTopic"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this[each.key].arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.events.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  for_each = var.queues

  queue_url = aws_sqs_queue.this[each.key].id
  policy    = data.aws_iam_policy_document.queue[each.key].json
}

resource "aws_sns_topic_policy" "events" {
  arn    = aws_sns_topic.events.arn
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "PublishFromAccount",
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::${var.account_id}:root" },
          "Action": "sns:Publish",
          "Resource": "${aws_sns_topic.events.arn}"
        },
        {
          "Sid": "PublishFromEventBridge",
          "Effect": "Allow",
          "Principal": { "Service": "events.amazonaws.com" },
          "Action": "sns:Publish",
          "Resource": "${aws_sns_topic.events.arn}"
        }
      ]
    }
  EOT
}

)HCL",
                {{"key", m.key_arn}});
    if (rng.chance(50)) {
        out += R"HCL(resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = var.queues

  alarm_name          = "${local.name_prefix}-${each.key}-dead-letters"
  alarm_description   = "Messages of ${each.key} reached the dead-letter queue"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dead_letter[each.key].name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.events.arn]
}

)HCL";
    }
    output(m, "queue_urls", "URL of each queue.",
           "{ for name, queue in aws_sqs_queue.this : name => queue.url }");
    output(m, "topic_arn", "ARN of the module's event topic.", "aws_sns_topic.events.arn");
    return out;
}

std::string audit(Rng& rng, Module& m) {
    std::string out = banner("audit trail");
    common(m, "log_retention_days");
    input(m,
          {"trail", R"HCL(object({
    log_file_validation = optional(bool, true)
    multi_region        = optional(bool, true)
    data_event_buckets  = optional(list(string), [])
  }))HCL",
           "Settings of the module's CloudTrail trail.",
           [](Rng& r, const Stage& s) {
               Fields f;
               if (r.chance(s.strict ? 5 : 35)) f.emplace_back("log_file_validation", "false");
               if (!s.strict) f.emplace_back("multi_region", "false");
               f.emplace_back("data_event_buckets",
                              "[\"" + s.name + "-uploads-" + s.account + "\"]");
               return object(f);
           }},
          "{}");
    const bool literal = rng.chance(30);
    out += fill(R"HCL(resource "aws_s3_bucket" "trail" {
  bucket = "${local.name_prefix}-trail-${var.account_id}"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = @key@
    }
  }
}

resource "aws_s3_bucket_public_access_block" "trail" {
  bucket                  = aws_s3_bucket.trail.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "AclCheck",
          "Effect": "Allow",
          "Principal": { "Service": "cloudtrail.amazonaws.com" },
          "Action": "s3:GetBucketAcl",
          "Resource": "${aws_s3_bucket.trail.arn}"
        },
        {
          "Sid": "Write",
          "Effect": "Allow",
          "Principal": { "Service": "cloudtrail.amazonaws.com" },
          "Action": "s3:PutObject",
          "Resource": "${aws_s3_bucket.trail.arn}/AWSLogs/${var.account_id}/*",
          "Condition": { "StringEquals": { "s3:x-amz-acl": "bucket-owner-full-control" } }
        },
        {
          "Sid": "DenyInsecureTransport",
          "Effect": "Deny",
          "Principal": "*",
          "Action": "s3:*",
          "Resource": ["${aws_s3_bucket.trail.arn}", "${aws_s3_bucket.trail.arn}/*"],
          "Condition": { "Bool": { "aws:SecureTransport": "false" } }
        }
      ]
    }
  EOT
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/${local.name_prefix}"
  retention_in_days = var.log_retention_days
  kms_key_id        = @key@
  tags              = local.tags
}

resource "aws_iam_role" "trail" {
  name = "${local.name_prefix}-trail"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "trail" {
  name = "deliver-to-logs"
  role = aws_iam_role.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.trail.arn}:*"
    }]
  })
}

resource "aws_cloudtrail" "this" {
  name                          = "${local.name_prefix}-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  s3_key_prefix                 = var.environment
  kms_key_id                    = @key@
  is_multi_region_trail         = var.trail.multi_region
  include_global_service_events = var.trail.multi_region
  enable_log_file_validation    = @validation@
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail.arn

  dynamic "event_selector" {
    for_each = length(var.trail.data_event_buckets) > 0 ? [1] : []
    content {
      read_write_type           = "All"
      include_management_events = true

      data_resource {
        type   = "AWS::S3::Object"
        values = [for name in var.trail.data_event_buckets : "arn:aws:s3:::${name}/"]
      }
    }
  }

  depends_on = [aws_s3_bucket_policy.trail]
  tags       = local.tags
}

)HCL",
                {{"key", m.key_arn},
                 {"validation", literal ? (rng.chance(80) ? "true" : "false")
                                        : "var.trail.log_file_validation"}});
    output(m, "trail_arn", "ARN of the trail.", "aws_cloudtrail.this.arn");
    output(m, "trail_bucket", "Bucket the trail delivers to.", "aws_s3_bucket.trail.id");
    return out;
}

std::string iam(Rng& rng, Module& m) {
    std::string out = banner("roles");
    input(m,
          {"roles", R"HCL(map(object({
    trusted_services    = list(string)
    actions             = list(string)
    resources           = optional(list(string), ["*"])
    managed_policy_arns = optional(list(string), [])
    max_session_hours   = optional(number, 1)
  })))HCL",
           "Workload roles of the module.", [](Rng& r, const Stage&) {
               static const std::vector<std::string> kRoles = {"deployer", "reader",    "writer",
                                                               "operator", "scheduler", "auditor"};
               static const std::vector<std::string> kServices = {
                   "ecs-tasks", "lambda", "states", "events", "codebuild", "glue"};
               static const std::vector<std::string> kActions = {
                   "s3:GetObject",      "s3:PutObject",       "dynamodb:Query", "dynamodb:PutItem",
                   "sqs:SendMessage",   "sqs:ReceiveMessage", "sns:Publish",    "kms:Decrypt",
                   "logs:PutLogEvents", "ssm:GetParameter"};
               Fields roles;
               for (const std::string& role :
                    sample(r, kRoles, static_cast<std::size_t>(r.range(1, 4)))) {
                   Fields f = {
                       {"trusted_services",
                        quoted_list(sample(r, kServices, static_cast<std::size_t>(r.range(1, 2))))},
                       {"actions",
                        quoted_list(sample(r, kActions, static_cast<std::size_t>(r.range(1, 5))))}};
                   if (r.chance(40))
                       f.emplace_back("managed_policy_arns",
                                      "[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"]");
                   if (r.chance(30))
                       f.emplace_back("max_session_hours", std::to_string(r.range(1, 12)));
                   roles.emplace_back(role, object(f, 2));
               }
               return object(roles);
           }});
    out += fill(R"HCL(data "aws_iam_policy_document" "role_trust" {
  for_each = var.roles

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = [for service in each.value.trusted_services : "${service}.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each = var.roles

  name                 = "${local.name_prefix}-${each.key}"
  path                 = "/${var.name}/"
  assume_role_policy   = data.aws_iam_policy_document.role_trust[each.key].json
  max_session_duration = each.value.max_session_hours * 3600
  permissions_boundary = "arn:aws:iam::${var.account_id}:policy/workload-boundary"
  tags                 = merge(local.tags, { Role = each.key })
}

data "aws_iam_policy_document" "role" {
  for_each = var.roles

  statement {
    sid       = "Workload"
    actions   = each.value.actions
    resources = each.value.resources
  }

  statement {
    sid       = "UseModuleKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [@key@]
  }
}

resource "aws_iam_policy" "role" {
  for_each = var.roles

  name        = "${local.name_prefix}-${each.key}"
  description = "What the ${each.key} role of ${var.name} may do"
  policy      = data.aws_iam_policy_document.role[each.key].json
}

resource "aws_iam_role_policy_attachment" "role" {
  for_each = aws_iam_policy.role

  role       = aws_iam_role.this[each.key].name
  policy_arn = each.value.arn
}

resource "aws_iam_role_policy_attachment" "managed" {
  for_each = {
    for pair in flatten([
      for role, config in var.roles : [
        for arn in config.managed_policy_arns : { key = "${role}/${basename(arn)}", role = role, arn = arn }
      ]
    ]) : pair.key => pair
  }

  role       = aws_iam_role.this[each.value.role].name
  policy_arn = each.value.arn
}

)HCL",
                {{"key", m.key_arn}});
    if (rng.chance(60)) {
        out += R"HCL(locals {
  deploy_buckets = ["${var.environment}-artifacts-${var.account_id}", "${var.name}-releases-${var.account_id}"]
}

resource "aws_iam_policy" "deploy" {
  name        = "${local.name_prefix}-deploy"
  description = "Lets the pipeline of ${var.name} deploy"
  policy      = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["lambda:UpdateFunctionCode", "lambda:PublishVersion"],
          "Resource": "arn:aws:lambda:${var.region}:${var.account_id}:function:${local.name_prefix}-*"
        },
        {
          "Effect": "Allow",
          "Action": "s3:GetObject",
          "Resource": [
            %{~for i, bucket in local.deploy_buckets~}
            "arn:aws:s3:::${bucket}/*"%{if i < length(local.deploy_buckets) - 1},%{endif}
            %{~endfor~}
          ]
        }
      ]
    }
  EOT
}

)HCL";
    }
    output(m, "role_arns", "ARN of each workload role.",
           "{ for name, role in aws_iam_role.this : name => role.arn }");
    return out;
}

struct Component {
    const char* name;  // file stem, and the kind of module it makes when it comes first
    const char* kind;
    std::string (*write)(Rng&, Module&);
};
const std::vector<Component>& components() {
    static const std::vector<Component> kComponents = {
        {"keys", "keys", keys},
        {"buckets", "storage", buckets},
        {"tables", "tables", tables},
        {"database", "database", database},
        {"network", "network", network},
        {"functions", "functions", functions},
        {"messaging", "events", messaging},
        {"audit", "audit", audit},
        {"iam", "access", iam},
    };
    return kComponents;
}

// ---- modules and root modules ---------------------------------------------------------------

constexpr const char* kVersions = R"HCL(terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40, < 6.0"
    }
  }
}
)HCL";

// A child module of `files` files (2 to 10): main.tf (locals and the first component),
// variables.tf, outputs.tf, versions.tf, then one file per further component. Named after its
// first component: statements-storage, ledger-network-2.
Module write_module(Rng& rng, std::set<std::string>& taken, const std::string& project,
                    std::size_t files) {
    const std::size_t extra = files > 4 ? files - 4 : 0;
    std::vector<Component> chosen = sample(rng, components(), 1 + extra);
    // Keys come first, so the other components encrypt with the module's own key.
    std::stable_partition(chosen.begin(), chosen.end(),
                          [](const Component& c) { return std::string(c.name) == "keys"; });
    Module m;
    if (rng.chance(25)) m.scale = rng.range(3, 10);
    std::string noun = rng.pick(data_nouns());
    while (noun == chosen.front().kind)
        noun = rng.pick(data_nouns());
    const std::string base = noun + "-" + chosen.front().kind;
    m.name = base;
    for (std::size_t n = 2; !taken.insert(m.name).second; ++n)
        m.name = with_suffix(base, n);
    const std::string& name = m.name;

    std::string main = "# " + pascal(name) + ": part of " + project +
                       ", shared by every environment of the project.\n\nlocals {\n"
                       "  name_prefix = \"${var.environment}-${var.name}\"\n"
                       "  tags = merge(var.tags, {\n    Module    = \"" +
                       name +
                       "\"\n"
                       "    Component = var.name\n  })\n}\n\n";
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        std::string text = chosen[i].write(rng, m);
        if (i == 0)
            main += text;
        else
            m.files.emplace_back(std::string(chosen[i].name) + ".tf", std::move(text));
    }
    auto trim = [](std::string& s) {
        while (s.size() > 1 && s.ends_with("\n\n"))
            s.pop_back();
    };
    std::string vars = R"HCL(variable "name" {
  description = "Name of the component, unique within the environment."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,40}$", var.name))
    error_message = "The name must be lowercase letters, digits and hyphens."
  }
}

variable "environment" {
  description = "Environment the module is deployed to."
  type        = string

  validation {
    condition     = contains(["prod", "staging", "dev", "qa", "sandbox", "perf"], var.environment)
    error_message = "Unknown environment."
  }
}

variable "account_id" {
  description = "AWS account of the environment."
  type        = string
}

variable "region" {
  description = "AWS region of the environment."
  type        = string
  default     = "eu-west-1"
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}

variable "kms_key_arn" {
  description = "Key of the environment, for components without a key of their own."
  type        = string
  default     = null
}
)HCL";
    for (const std::string& v : m.variables)
        vars += "\n" + v;
    std::string outs;
    for (const std::string& o : m.outputs)
        outs += (outs.empty() ? "" : "\n") + o;

    std::vector<std::pair<std::string, std::string>> all;
    all.reserve(4 + m.files.size());  // also keeps GCC 12's -Warray-bounds false positive quiet
    trim(main);
    if (files < 3) main += "\n" + outs;
    all.emplace_back("main.tf", main);
    all.emplace_back("variables.tf", vars);
    if (files >= 3) all.emplace_back("outputs.tf", outs);
    if (files >= 4) all.emplace_back("versions.tf", kVersions);
    for (auto& f : m.files) {
        trim(f.second);
        all.push_back(std::move(f));
    }
    m.files = std::move(all);
    return m;
}

std::string root_name(const Module& m, const std::string& input) {
    return snake(m.name) + "_" + input;
}

// A root module: envs/<stage>/ with main.tf, variables.tf, terraform.tfvars and, given more
// files, outputs.tf and providers.tf.
std::vector<std::pair<std::string, std::string>> write_env(Rng& rng, const Stage& stage,
                                                           const std::string& project,
                                                           const std::string& team,
                                                           const std::vector<Module>& modules,
                                                           std::size_t files) {
    std::string main = fill(
        R"HCL(# @project@ in @stage@ (@region@). Managed by the @team@ team; changes go through the
# pipeline, never from a laptop.

terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }

  backend "s3" {
    bucket       = "@team@-terraform-state-@account@"
    key          = "@project@/@stage@/terraform.tfstate"
    region       = "@region@"
    encrypt      = true
    use_lockfile = true
  }
}
)HCL",
        {{"project", project},
         {"stage", stage.name},
         {"region", stage.region},
         {"team", team},
         {"account", stage.account}});
    const std::string provider = R"HCL(
provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = {
      Environment = var.environment
      ManagedBy   = "terraform"
      Repository  = "infrastructure"
    }
  }
}
)HCL";
    if (files < 5) main += provider;
    main += fill(R"HCL(
locals {
  tags = merge(var.tags, {
    Project = "@project@"
    Team    = "@team@"
  })
}

data "aws_iam_policy_document" "environment_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:*"]
    }
  }
}

resource "aws_kms_key" "environment" {
  description             = "Default key of @project@ in ${var.environment}"
  enable_key_rotation     = var.key_rotation
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.environment_key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "environment" {
  name          = "alias/@project@/${var.environment}"
  target_key_id = aws_kms_key.environment.key_id
}
)HCL",
                 {{"project", project}, {"team", team}});

    std::string vars = R"HCL(variable "region" {
  description = "AWS region of the environment."
  type        = string
}

variable "environment" {
  description = "Name of the environment."
  type        = string
}

variable "account_id" {
  description = "AWS account of the environment."
  type        = string
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}

variable "key_rotation" {
  description = "Rotate the environment key every year."
  type        = bool
  default     = true
}
)HCL";
    for (const Common& c : commons())
        vars += "\n" + variable_block(c.name, c.description, c.type);

    const std::string net = "10." + stage.octet;
    std::string tfvars = fill(
        R"HCL(region      = "@region@"
environment = "@stage@"
account_id  = "@account@"
tags = {
  CostCentre = "@cost@"
  DataClass  = "@class@"
}
key_rotation = @rotation@

vpc_id             = "vpc-0@vpc@"
subnet_ids         = ["subnet-0@s1@", "subnet-0@s2@"]
app_cidrs          = ["@net@.16.0/20", "@net@.32.0/20"]
artifact_bucket    = "@team@-artifacts-@account@"
log_retention_days = @retention@
)HCL",
        {{"region", stage.region},
         {"stage", stage.name},
         {"account", stage.account},
         {"cost", "cc-" + std::to_string(rng.range(1000, 9999))},
         {"class",
          rng.pick(std::vector<std::string>{"internal", "confidential", "cardholder", "public"})},
         {"rotation", stage.strict || rng.chance(70) ? "true" : "false"},
         {"vpc", hex_id(rng, 16)},
         {"s1", hex_id(rng, 16)},
         {"s2", hex_id(rng, 16)},
         {"net", net},
         {"team", team},
         {"retention",
          stage.strict ? "365" : rng.pick(std::vector<std::string>{"7", "14", "30"})}});

    std::string outs;
    for (const Module& m : modules) {
        const int mode =
            rng.range(0, 5);  // 0: for_each over instances, 1: count on a flag, else one call
        const std::string id = snake(m.name);
        const std::string source = "\"../../modules/" + m.name + "\"\n";
        main += "\nmodule \"" + id + "\" {\n";
        std::string name = "\"" + m.name + "\"";
        std::string ref = "module." + id;
        if (mode == 0) {
            main += "  source   = " + source + "  for_each = toset(var." + id + "_instances)\n";
            name = "each.key";
            vars += "\n" + variable_block(id + "_instances", "Instances of " + m.name + ".",
                                          "list(string)");
            tfvars += "\n" + id + "_instances = [\"" + m.name + "-a\"" +
                      (rng.chance(50) ? ", \"" + m.name + "-b\"" : "") + "]\n";
            ref = "[for instance in module." + id + " : instance.";
        } else if (mode == 1) {
            main += "  source = " + source + "  count  = var.enable_" + id + " ? 1 : 0\n";
            vars +=
                "\n" + variable_block("enable_" + id, "Deploy " + m.name + " in this environment.",
                                      "bool", "true");
            tfvars += "\nenable_" + id + " = " + (rng.chance(90) ? "true" : "false") + "\n";
            ref = "module." + id + "[*].";
        } else {
            main += "  source = " + source;
            ref += ".";
        }
        std::vector<std::string> keys = {"name",   "environment", "account_id",
                                         "region", "kms_key_arn", "tags"};
        std::vector<std::string> values = {name,
                                           "var.environment",
                                           "var.account_id",
                                           "var.region",
                                           "aws_kms_key.environment.arn",
                                           "local.tags"};
        for (const std::string& c : m.commons)
            keys.push_back(c), values.push_back("var." + c);
        for (const Input& in : m.inputs) {
            const std::string root = root_name(m, in.name);
            keys.push_back(in.name), values.push_back("var." + root);
            vars += "\n" + variable_block(root, in.description, in.type);
            tfvars += "\n" + root + " = " + in.value(rng, stage) + "\n";
        }
        std::size_t width = 0;
        for (const std::string& key : keys)
            width = std::max(width, key.size());
        main += "\n";
        for (std::size_t i = 0; i < keys.size(); ++i)
            main += "  " + keys[i] + std::string(width - keys[i].size(), ' ') + " = " + values[i] +
                    "\n";
        main += "}\n";
        if (!m.output_names.empty()) {
            const std::string& o = m.output_names[rng.below(m.output_names.size())];
            outs += (outs.empty() ? "" : "\n") + std::string("output \"") + id + "_" + o +
                    "\" {\n  description = \"" + o + " of " + m.name +
                    ".\"\n  value       = " + (mode == 0 ? ref + o + "]" : ref + o) + "\n}\n";
        }
    }
    // Fewer files than usual (the tail of a corpus): the later files fold into main.tf.
    if (outs.empty())
        outs = "output \"environment_key_arn\" {\n  value = aws_kms_key.environment.arn\n}\n";
    if (files < 4) main += "\n" + outs;
    if (files < 2) main += "\n" + vars;
    std::vector<std::pair<std::string, std::string>> out = {{"main.tf", main}};
    if (files >= 2) out.emplace_back("variables.tf", vars);
    if (files >= 3) out.emplace_back("terraform.tfvars", tfvars);
    if (files >= 4) out.emplace_back("outputs.tf", outs);
    if (files >= 5) out.emplace_back("providers.tf", provider.substr(1));
    return out;
}

void count(FormatStats& stats, const std::string& text) {
    ++stats.files;
    stats.bytes += text.size();
    for (std::size_t at = text.find("resource \""); at != std::string::npos;
         at = text.find("resource \"", at + 1))
        if (at == 0 || text[at - 1] == '\n') ++stats.resources;
}

}  // namespace

FormatStats generate_terraform(Writer& writer, Rng rng, std::size_t files) {
    FormatStats stats;
    std::size_t remaining = files;
    for (std::size_t p = 0; remaining > 0; ++p) {
        Rng prng = rng.fork(p);
        const std::string project =
            with_suffix(services()[p % services().size()], p / services().size() + 1);
        const std::string& team = prng.pick(teams());
        // A project of 10 to 60 files; the last one takes what is left.
        std::size_t budget =
            std::min<std::size_t>(remaining, static_cast<std::size_t>(prng.range(10, 60)));
        if (remaining - budget < 10) budget = remaining;
        remaining -= budget;

        std::size_t envs = static_cast<std::size_t>(prng.range(1, 4));
        while (envs > 1 && budget < envs * 3 + 2)
            --envs;
        std::size_t module_files = budget > envs * 3 ? budget - envs * 3 : 0;
        std::vector<std::size_t> env_files(envs, 3);
        if (budget < 3 * envs) env_files[0] = budget;  // a tiny corpus: a lone root module
        if (module_files == 1) env_files[0] += 1, module_files = 0;

        std::vector<Module> modules;
        std::set<std::string> taken;
        while (module_files > 0) {
            std::size_t f =
                std::min<std::size_t>(module_files, static_cast<std::size_t>(prng.range(2, 9)));
            if (module_files - f == 1) ++f;
            module_files -= f;
            modules.push_back(write_module(prng, taken, project, f));
        }
        for (const Module& m : modules) {
            for (const auto& [file, text] : m.files) {
                writer.write("terraform/" + project + "/modules/" + m.name + "/" + file, text);
                count(stats, text);
            }
        }
        const std::vector<std::string> names = sample(prng, stages(), envs);
        for (std::size_t e = 0; e < envs; ++e) {
            Stage stage;
            stage.name = names[e];
            stage.strict = stage.name == "prod" || stage.name == "staging" || stage.name == "perf";
            stage.region = prng.pick(regions());
            stage.account = account_id(prng);
            stage.octet = std::to_string(prng.range(0, 255));
            for (const auto& [file, text] :
                 write_env(prng, stage, project, team, modules, env_files[e])) {
                writer.write("terraform/" + project + "/envs/" + stage.name + "/" + file, text);
                count(stats, text);
            }
        }
    }
    return stats;
}

}  // namespace corpus
