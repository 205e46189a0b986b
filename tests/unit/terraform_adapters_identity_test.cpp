// Terraform adapters for IAM, Lambda, Secrets Manager, SQS, SNS and CloudWatch (Logs, alarms):
// Terraform in, canonical type, CloudFormation-shaped properties and source lines out.
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

// One expectation on a scanned resource. `path` is dot-separated, with list indices as numbers
// ("Policies.1.PolicyDocument.Statement.0.Effect"); an empty path checks the resource's type.
// `value` is describe()'s rendering, "<absent>" for a property that must not exist, or
// "<unknown>" for a value known only after apply. `line` 0 skips the line check.
struct Expect {
    std::string address;
    std::string path;
    std::string value;
    int line = 0;
};

struct Case {
    std::string name;
    std::string terraform;
    std::vector<Expect> expected;
};

void run_cases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        SUBCASE(c.name.c_str()) {
            TempDir dir;
            dir.write("main.tf", c.terraform);
            const ScanResult result = test::scan_terraform_dir(dir.path());
            {
                std::string messages;
                for (const Diagnostic& d : result.diagnostics)
                    messages += d.message + "\n";
                INFO("diagnostics: " << messages);
                CHECK(result.diagnostics.empty());
            }
            for (const Expect& e : c.expected) {
                INFO(e.address << " " << e.path);
                const Resource* resource = test::find_resource(result, e.address);
                REQUIRE(resource != nullptr);
                if (e.path.empty()) {
                    CHECK(resource->type == e.value);
                    continue;
                }
                const Value* value = test::value_at(resource->properties, e.path);
                if (e.value == "<absent>") {
                    CHECK(value == nullptr);
                    continue;
                }
                REQUIRE(value != nullptr);
                if (e.value == "<unknown>") {
                    CHECK(value->is_unknown());
                } else {
                    CHECK(describe(*value) == e.value);
                }
                if (e.line != 0) CHECK(value->range().begin.line == e.line);
            }
        }
    }
}

}  // namespace

TEST_CASE("terraform adapters: IAM roles, policies, users, groups and account settings") {
    run_cases({
        {"role with trust policy document, inline policy, managed policies and boundary",
         R"tf(data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
resource "aws_iam_role" "app" {
  name                 = "app"
  assume_role_policy   = data.aws_iam_policy_document.assume.json
  max_session_duration = 7200
  permissions_boundary = "arn:aws:iam::123456789012:policy/boundary"
  managed_policy_arns  = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  inline_policy {
    name = "logs"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }]
    })
  }
  tags = {
    team = "payments"
  }
}
)tf",
         {
             {"aws_iam_role.app", "", "AWS::IAM::Role"},
             {"aws_iam_role.app", "RoleName", "app", 11},
             {"aws_iam_role.app", "AssumeRolePolicyDocument.Statement.0.Effect", "Allow"},
             {"aws_iam_role.app", "AssumeRolePolicyDocument.Statement.0.Action.0", "sts:AssumeRole",
              3},
             {"aws_iam_role.app", "AssumeRolePolicyDocument.Statement.0.Principal.Service.0",
              "lambda.amazonaws.com", 6},
             {"aws_iam_role.app", "MaxSessionDuration", "7200", 13},
             {"aws_iam_role.app", "PermissionsBoundary",
              "arn:aws:iam::123456789012:policy/boundary", 14},
             {"aws_iam_role.app", "ManagedPolicyArns.0", "arn:aws:iam::aws:policy/ReadOnlyAccess",
              15},
             {"aws_iam_role.app", "Policies.0.PolicyName", "logs", 17},
             {"aws_iam_role.app", "Policies.0.PolicyDocument.Statement.0.Action", "logs:*", 20},
             {"aws_iam_role.app", "Tags.0.Key", "team", 24},
             {"aws_iam_role.app", "Tags.0.Value", "payments", 24},
         }},
        {"role policies and attachments fold into the role, by reference or by name",
         R"tf(resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "by_reference" {
  name = "s3"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
  })
}
resource "aws_iam_role_policy" "by_name" {
  name   = "sqs"
  role   = "app"
  policy = <<-EOT
    {"Statement": [{"Effect": "Deny", "Action": "sqs:*", "Resource": "*"}]}
  EOT
}
resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    }
  EOT
}
resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.admin.arn
}
)tf",
         {
             {"aws_iam_role.app", "Policies", "[2 items]"},
             {"aws_iam_role.app", "Policies.0.PolicyName", "s3", 6},
             {"aws_iam_role.app", "Policies.0.PolicyDocument.Statement.0.Action", "s3:*", 9},
             {"aws_iam_role.app", "Policies.1.PolicyName", "sqs", 13},
             {"aws_iam_role.app", "Policies.1.PolicyDocument.Statement.0.Effect", "Deny", 16},
             {"aws_iam_role.app", "ManagedPolicyArns.0", "<unknown>", 30},
             {"aws_iam_role.app", "AssumeRolePolicyDocument", "{0 keys}", 3},
             {"aws_iam_policy.admin", "", "AWS::IAM::ManagedPolicy"},
             {"aws_iam_policy.admin", "ManagedPolicyName", "admin", 20},
             {"aws_iam_policy.admin", "PolicyDocument.Statement.0.Action", "*", 24},
             {"aws_iam_policy.admin", "PolicyDocument.Version", "2012-10-17", 23},
             // Folded resources stay as native nodes.
             {"aws_iam_role_policy.by_reference", "", "aws_iam_role_policy"},
             {"aws_iam_role_policy.by_name", "", "aws_iam_role_policy"},
             {"aws_iam_role_policy_attachment.admin", "", "aws_iam_role_policy_attachment"},
         }},
        {"an attachment to a role whose own managed policy list is unknown stays visible",
         R"tf(variable "extra_policies" {}
resource "aws_iam_role" "app" {
  count               = 1
  name_prefix         = "app-"
  assume_role_policy  = "{}"
  managed_policy_arns = var.extra_policies
}
resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.app[0].name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
)tf",
         {
             {"aws_iam_role.app[0]", "ManagedPolicyArns", "[2 items]"},
             {"aws_iam_role.app[0]", "ManagedPolicyArns.0", "<unknown>", 6},
             {"aws_iam_role.app[0]", "ManagedPolicyArns.1",
              "arn:aws:iam::aws:policy/AdministratorAccess", 10},
             {"aws_iam_role.app[0]", "RoleName", "<absent>"},
         }},
        {"an inline policy whose role is not in the code is an AWS::IAM::RolePolicy",
         R"tf(resource "aws_iam_role_policy" "external" {
  name   = "extra"
  role   = "created-elsewhere"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }] })
}
)tf",
         {
             {"aws_iam_role_policy.external", "", "AWS::IAM::RolePolicy"},
             {"aws_iam_role_policy.external", "RoleName", "created-elsewhere", 3},
             {"aws_iam_role_policy.external", "PolicyDocument.Statement.0.Action", "iam:*", 4},
         }},
        {"users with policies, a login profile, group membership and an access key",
         R"tf(resource "aws_iam_user" "alice" {
  name = "alice"
  path = "/people/"
}
resource "aws_iam_user_policy" "inline" {
  user   = aws_iam_user.alice.name
  name   = "inline"
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ec2:*", Resource = "*" }] })
}
resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_user_login_profile" "console" {
  user                    = aws_iam_user.alice.name
  password_reset_required = true
}
resource "aws_iam_user_group_membership" "teams" {
  user   = aws_iam_user.alice.name
  groups = ["developers", "oncall"]
}
resource "aws_iam_access_key" "alice" {
  user = aws_iam_user.alice.name
}
)tf",
         {
             {"aws_iam_user.alice", "", "AWS::IAM::User"},
             {"aws_iam_user.alice", "UserName", "alice", 2},
             {"aws_iam_user.alice", "Path", "/people/", 3},
             {"aws_iam_user.alice", "Policies.0.PolicyName", "inline", 7},
             {"aws_iam_user.alice", "Policies.0.PolicyDocument.Statement.0.Action", "ec2:*", 8},
             {"aws_iam_user.alice", "ManagedPolicyArns.0",
              "arn:aws:iam::aws:policy/AdministratorAccess", 12},
             {"aws_iam_user.alice", "LoginProfile.PasswordResetRequired", "true", 16},
             {"aws_iam_user.alice", "Groups.1", "oncall", 20},
             {"aws_iam_access_key.alice", "", "AWS::IAM::AccessKey"},
             {"aws_iam_access_key.alice", "UserName", "<unknown>", 23},
             // Omitted status: the provider's default, pointing at the resource header.
             {"aws_iam_access_key.alice", "Status", "Active", 22},
         }},
        {"groups with an inline policy and an attachment",
         R"tf(resource "aws_iam_group" "ops" {
  name = "ops"
}
resource "aws_iam_group_policy" "ops" {
  name   = "ops"
  group  = aws_iam_group.ops.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }] })
}
resource "aws_iam_group_policy_attachment" "ops" {
  group      = aws_iam_group.ops.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}
)tf",
         {
             {"aws_iam_group.ops", "", "AWS::IAM::Group"},
             {"aws_iam_group.ops", "GroupName", "ops", 2},
             {"aws_iam_group.ops", "Policies.0.PolicyDocument.Statement.0.NotAction", "iam:*", 7},
             {"aws_iam_group.ops", "ManagedPolicyArns.0", "arn:aws:iam::aws:policy/PowerUserAccess",
              11},
         }},
        {"account password policy and OIDC provider",
         R"tf(resource "aws_iam_account_password_policy" "strict" {
  require_symbols              = true
  require_numbers              = true
  require_uppercase_characters = true
  require_lowercase_characters = false
  max_password_age             = 90
  password_reuse_prevention    = 24
}
resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}
)tf",
         {
             {"aws_iam_account_password_policy.strict", "", "Bulwark::IAM::AccountPasswordPolicy"},
             {"aws_iam_account_password_policy.strict", "RequireSymbols", "true", 2},
             {"aws_iam_account_password_policy.strict", "RequireLowercaseCharacters", "false", 5},
             {"aws_iam_account_password_policy.strict", "MaxPasswordAge", "90", 6},
             {"aws_iam_account_password_policy.strict", "PasswordReusePrevention", "24", 7},
             // Omitted: the provider sends its defaults (length 6, users may change passwords).
             {"aws_iam_account_password_policy.strict", "MinimumPasswordLength", "6", 1},
             {"aws_iam_account_password_policy.strict", "AllowUsersToChangePassword", "true", 1},
             {"aws_iam_account_password_policy.strict", "HardExpiry", "<absent>"},
             {"aws_iam_openid_connect_provider.github", "", "AWS::IAM::OIDCProvider"},
             {"aws_iam_openid_connect_provider.github", "Url",
              "https://token.actions.githubusercontent.com", 10},
             {"aws_iam_openid_connect_provider.github", "ClientIdList.0", "sts.amazonaws.com", 11},
             {"aws_iam_openid_connect_provider.github", "ThumbprintList", "[1 items]", 12},
         }},
    });
}

TEST_CASE("terraform adapters: Lambda functions, permissions and function URLs") {
    run_cases({
        {"function with encryption, VPC, tracing, dead-letter queue and environment",
         R"tf(resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = "arn:aws:iam::123456789012:role/api"
  runtime                        = "python3.12"
  handler                        = "app.handler"
  s3_bucket                      = "artifacts"
  s3_key                         = "api.zip"
  kms_key_arn                    = "arn:aws:kms:eu-west-1:123456789012:key/abc"
  reserved_concurrent_executions = 10
  layers                         = ["arn:aws:lambda:eu-west-1:123456789012:layer:deps:3"]
  code_signing_config_arn        = "arn:aws:lambda:eu-west-1:123456789012:code-signing-config:csc-1"
  environment {
    variables = {
      STAGE = "prod"
    }
  }
  vpc_config {
    subnet_ids         = ["subnet-1", "subnet-2"]
    security_group_ids = ["sg-1"]
  }
  tracing_config {
    mode = "Active"
  }
  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
  }
  logging_config {
    log_format = "JSON"
  }
}
)tf",
         {
             {"aws_lambda_function.api", "", "AWS::Lambda::Function"},
             {"aws_lambda_function.api", "FunctionName", "api", 2},
             {"aws_lambda_function.api", "Role", "arn:aws:iam::123456789012:role/api", 3},
             {"aws_lambda_function.api", "Runtime", "python3.12", 4},
             {"aws_lambda_function.api", "Handler", "app.handler", 5},
             {"aws_lambda_function.api", "Code.S3Bucket", "artifacts", 6},
             {"aws_lambda_function.api", "KmsKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/abc",
              8},
             {"aws_lambda_function.api", "ReservedConcurrentExecutions", "10", 9},
             {"aws_lambda_function.api", "Layers.0",
              "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3", 10},
             {"aws_lambda_function.api", "CodeSigningConfigArn",
              "arn:aws:lambda:eu-west-1:123456789012:code-signing-config:csc-1", 11},
             {"aws_lambda_function.api", "Environment.Variables.STAGE", "prod", 14},
             {"aws_lambda_function.api", "VpcConfig.SubnetIds.1", "subnet-2", 18},
             {"aws_lambda_function.api", "VpcConfig.SecurityGroupIds.0", "sg-1", 19},
             {"aws_lambda_function.api", "TracingConfig.Mode", "Active", 22},
             {"aws_lambda_function.api", "DeadLetterConfig.TargetArn",
              "arn:aws:sqs:eu-west-1:123456789012:dlq", 25},
             {"aws_lambda_function.api", "LoggingConfig.LogFormat", "JSON", 28},
         }},
        {"unreserved concurrency (-1) and omitted blocks leave the properties out",
         R"tf(resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = "arn:aws:iam::123456789012:role/worker"
  image_uri                      = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:1"
  package_type                   = "Image"
  reserved_concurrent_executions = -1
}
)tf",
         {
             {"aws_lambda_function.worker", "Code.ImageUri",
              "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:1", 4},
             {"aws_lambda_function.worker", "PackageType", "Image", 5},
             {"aws_lambda_function.worker", "ReservedConcurrentExecutions", "<absent>"},
             {"aws_lambda_function.worker", "TracingConfig", "<absent>"},
             {"aws_lambda_function.worker", "VpcConfig", "<absent>"},
             {"aws_lambda_function.worker", "KmsKeyArn", "<absent>"},
         }},
        {"permission and function URL",
         R"tf(resource "aws_lambda_permission" "s3" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = "api"
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads"
  source_account = "123456789012"
}
resource "aws_lambda_permission" "url" {
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = "api"
  principal              = "*"
  principal_org_id       = "o-abc123"
  function_url_auth_type = "NONE"
}
resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "NONE"
  cors {
    allow_origins = ["*"]
  }
}
)tf",
         {
             {"aws_lambda_permission.s3", "", "AWS::Lambda::Permission"},
             {"aws_lambda_permission.s3", "Action", "lambda:InvokeFunction", 3},
             {"aws_lambda_permission.s3", "FunctionName", "api", 4},
             {"aws_lambda_permission.s3", "Principal", "s3.amazonaws.com", 5},
             {"aws_lambda_permission.s3", "SourceArn", "arn:aws:s3:::uploads", 6},
             {"aws_lambda_permission.s3", "SourceAccount", "123456789012", 7},
             {"aws_lambda_permission.url", "PrincipalOrgID", "o-abc123", 13},
             {"aws_lambda_permission.url", "FunctionUrlAuthType", "NONE", 14},
             {"aws_lambda_function_url.api", "", "AWS::Lambda::Url"},
             {"aws_lambda_function_url.api", "AuthType", "NONE", 18},
             {"aws_lambda_function_url.api", "TargetFunctionArn", "api", 17},
             {"aws_lambda_function_url.api", "Cors.AllowOrigins.0", "*", 20},
         }},
    });
}

TEST_CASE("terraform adapters: Secrets Manager secrets with rotation and resource policy") {
    run_cases({
        {"rotation and policy fold into the secret; the version stays native",
         R"tf(resource "aws_secretsmanager_secret" "db" {
  name       = "prod/db"
  kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/abc"
  replica {
    region = "eu-central-1"
  }
}
resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn          = aws_secretsmanager_secret.db.arn
  block_public_policy = true
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" },
                   Action = "secretsmanager:GetSecretValue", Resource = "*" }]
  })
}
resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = "not-a-real-password"
}
)tf",
         {
             {"aws_secretsmanager_secret.db", "", "AWS::SecretsManager::Secret"},
             {"aws_secretsmanager_secret.db", "Name", "prod/db", 2},
             {"aws_secretsmanager_secret.db", "KmsKeyId",
              "arn:aws:kms:eu-west-1:123456789012:key/abc", 3},
             {"aws_secretsmanager_secret.db", "ReplicaRegions.0.Region", "eu-central-1", 5},
             {"aws_secretsmanager_secret.db", "RotationSchedule.RotationLambdaARN",
              "arn:aws:lambda:eu-west-1:123456789012:function:rotate", 10},
             {"aws_secretsmanager_secret.db",
              "RotationSchedule.RotationRules.AutomaticallyAfterDays", "30", 12},
             {"aws_secretsmanager_secret.db", "ResourcePolicy.BlockPublicPolicy", "true", 17},
             {"aws_secretsmanager_secret.db",
              "ResourcePolicy.ResourcePolicy.Statement.0.Principal.AWS",
              "arn:aws:iam::123456789012:root", 19},
             {"aws_secretsmanager_secret_rotation.db", "", "aws_secretsmanager_secret_rotation"},
             {"aws_secretsmanager_secret_policy.db", "", "aws_secretsmanager_secret_policy"},
             {"aws_secretsmanager_secret_version.db", "", "aws_secretsmanager_secret_version"},
             {"aws_secretsmanager_secret_version.db", "secret_string", "not-a-real-password", 25},
         }},
        {"a secret without rotation has none; an unresolved rotation is a RotationSchedule",
         R"tf(resource "aws_secretsmanager_secret" "plain" {
  name = "plain"
}
resource "aws_secretsmanager_secret_rotation" "other" {
  secret_id           = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate"
  rotation_rules {
    schedule_expression = "rate(10 days)"
  }
}
)tf",
         {
             {"aws_secretsmanager_secret.plain", "RotationSchedule", "<absent>"},
             {"aws_secretsmanager_secret.plain", "KmsKeyId", "<absent>"},
             {"aws_secretsmanager_secret_rotation.other", "",
              "AWS::SecretsManager::RotationSchedule"},
             {"aws_secretsmanager_secret_rotation.other", "SecretId",
              "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other", 5},
             {"aws_secretsmanager_secret_rotation.other", "RotationRules.ScheduleExpression",
              "rate(10 days)", 8},
         }},
    });
}

TEST_CASE("terraform adapters: SQS queues and queue policies") {
    run_cases({
        {"queue with KMS, retention and a redrive policy; queue policy",
         R"tf(resource "aws_sqs_queue" "dlq" {
  name                    = "orders-dlq"
  sqs_managed_sse_enabled = true
}
resource "aws_sqs_queue" "orders" {
  name                              = "orders.fifo"
  fifo_queue                        = true
  kms_master_key_id                 = "alias/orders"
  kms_data_key_reuse_period_seconds = 300
  message_retention_seconds         = 1209600
  visibility_timeout_seconds        = 60
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 4
  })
}
resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })
}
)tf",
         {
             {"aws_sqs_queue.dlq", "SqsManagedSseEnabled", "true", 3},
             {"aws_sqs_queue.orders", "", "AWS::SQS::Queue"},
             {"aws_sqs_queue.orders", "QueueName", "orders.fifo", 6},
             {"aws_sqs_queue.orders", "FifoQueue", "true", 7},
             {"aws_sqs_queue.orders", "KmsMasterKeyId", "alias/orders", 8},
             {"aws_sqs_queue.orders", "KmsDataKeyReusePeriodSeconds", "300", 9},
             {"aws_sqs_queue.orders", "MessageRetentionPeriod", "1209600", 10},
             {"aws_sqs_queue.orders", "VisibilityTimeout", "60", 11},
             {"aws_sqs_queue.orders", "RedrivePolicy.deadLetterTargetArn", "<unknown>", 13},
             {"aws_sqs_queue.orders", "RedrivePolicy.maxReceiveCount", "4", 14},
             {"aws_sqs_queue_policy.orders", "", "AWS::SQS::QueuePolicy"},
             {"aws_sqs_queue_policy.orders", "Queues.0", "<unknown>", 18},
             {"aws_sqs_queue_policy.orders", "PolicyDocument.Statement.0.Principal", "*", 20},
         }},
        {"a standalone redrive policy folds into its queue",
         R"tf(resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
resource "aws_sqs_queue_redrive_policy" "jobs" {
  queue_url      = aws_sqs_queue.jobs.id
  redrive_policy = "{\"deadLetterTargetArn\": \"arn:aws:sqs:eu-west-1:123456789012:jobs-dlq\", \"maxReceiveCount\": 5}"
}
)tf",
         {
             {"aws_sqs_queue.jobs", "RedrivePolicy.maxReceiveCount", "5", 6},
             {"aws_sqs_queue.jobs", "KmsMasterKeyId", "<absent>"},
             {"aws_sqs_queue_redrive_policy.jobs", "", "aws_sqs_queue_redrive_policy"},
         }},
    });
}

TEST_CASE("terraform adapters: SNS topics, topic policies and subscriptions") {
    run_cases({
        {"topic with KMS and delivery logging, its policy and a subscription",
         R"tf(resource "aws_sns_topic" "alerts" {
  name                             = "alerts"
  display_name                     = "Alerts"
  kms_master_key_id                = "alias/aws/sns"
  sqs_success_feedback_role_arn    = "arn:aws:iam::123456789012:role/sns-logs"
  sqs_success_feedback_sample_rate = 100
  sqs_failure_feedback_role_arn    = "arn:aws:iam::123456789012:role/sns-logs"
}
resource "aws_sns_topic_policy" "alerts" {
  arn    = aws_sns_topic.alerts.arn
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sns:Publish", Resource = "*" }] })
}
resource "aws_sns_topic_subscription" "email" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "oncall@example.com"
}
)tf",
         {
             {"aws_sns_topic.alerts", "", "AWS::SNS::Topic"},
             {"aws_sns_topic.alerts", "TopicName", "alerts", 2},
             {"aws_sns_topic.alerts", "DisplayName", "Alerts", 3},
             {"aws_sns_topic.alerts", "KmsMasterKeyId", "alias/aws/sns", 4},
             {"aws_sns_topic.alerts", "FifoTopic", "<absent>"},
             {"aws_sns_topic.alerts", "DeliveryStatusLogging.0.Protocol", "sqs", 5},
             {"aws_sns_topic.alerts", "DeliveryStatusLogging.0.SuccessFeedbackSampleRate", "100",
              6},
             {"aws_sns_topic.alerts", "DeliveryStatusLogging.0.FailureFeedbackRoleArn",
              "arn:aws:iam::123456789012:role/sns-logs", 7},
             {"aws_sns_topic_policy.alerts", "", "AWS::SNS::TopicPolicy"},
             {"aws_sns_topic_policy.alerts", "Topics.0", "<unknown>", 10},
             {"aws_sns_topic_policy.alerts", "PolicyDocument.Statement.0.Principal.AWS", "*", 11},
             {"aws_sns_topic_subscription.email", "", "AWS::SNS::Subscription"},
             {"aws_sns_topic_subscription.email", "Protocol", "email", 15},
             {"aws_sns_topic_subscription.email", "Endpoint", "oncall@example.com", 16},
             {"aws_sns_topic_subscription.email", "TopicArn", "<unknown>", 14},
         }},
    });
}

TEST_CASE("terraform adapters: CloudWatch log groups, metric filters and alarms") {
    run_cases({
        {"log group with retention and key; metric filter and alarm for a CIS control",
         R"tf(resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
  kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/abc"
}
resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root-usage"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ $.userIdentity.type = \"Root\" }"
  metric_transformation {
    name      = "RootUsage"
    namespace = "CIS"
    value     = "1"
  }
}
resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-usage"
  metric_name         = "RootUsage"
  namespace           = "CIS"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:123456789012:alerts"]
  dimensions = {
    Trail = "main"
  }
}
)tf",
         {
             {"aws_cloudwatch_log_group.trail", "", "AWS::Logs::LogGroup"},
             {"aws_cloudwatch_log_group.trail", "LogGroupName", "cloudtrail", 2},
             {"aws_cloudwatch_log_group.trail", "RetentionInDays", "365", 3},
             {"aws_cloudwatch_log_group.trail", "KmsKeyId",
              "arn:aws:kms:eu-west-1:123456789012:key/abc", 4},
             {"aws_cloudwatch_log_metric_filter.root", "", "AWS::Logs::MetricFilter"},
             {"aws_cloudwatch_log_metric_filter.root", "FilterPattern",
              "{ $.userIdentity.type = \"Root\" }", 9},
             {"aws_cloudwatch_log_metric_filter.root", "LogGroupName", "<unknown>", 8},
             {"aws_cloudwatch_log_metric_filter.root", "MetricTransformations.0.MetricName",
              "RootUsage", 11},
             {"aws_cloudwatch_log_metric_filter.root", "MetricTransformations.0.MetricNamespace",
              "CIS", 12},
             {"aws_cloudwatch_log_metric_filter.root", "MetricTransformations.0.MetricValue", "1",
              13},
             {"aws_cloudwatch_metric_alarm.root", "", "AWS::CloudWatch::Alarm"},
             {"aws_cloudwatch_metric_alarm.root", "MetricName", "RootUsage", 18},
             {"aws_cloudwatch_metric_alarm.root", "Namespace", "CIS", 19},
             {"aws_cloudwatch_metric_alarm.root", "Threshold", "1", 23},
             {"aws_cloudwatch_metric_alarm.root", "ComparisonOperator",
              "GreaterThanOrEqualToThreshold", 24},
             {"aws_cloudwatch_metric_alarm.root", "AlarmActions.0",
              "arn:aws:sns:eu-west-1:123456789012:alerts", 25},
             {"aws_cloudwatch_metric_alarm.root", "Dimensions.0.Name", "Trail", 27},
             {"aws_cloudwatch_metric_alarm.root", "Dimensions.0.Value", "main", 27},
         }},
        {"retention 0 (never expire) leaves RetentionInDays out, as CloudFormation does",
         R"tf(resource "aws_cloudwatch_log_group" "forever" {
  name              = "forever"
  retention_in_days = 0
}
)tf",
         {
             {"aws_cloudwatch_log_group.forever", "LogGroupName", "forever", 2},
             {"aws_cloudwatch_log_group.forever", "RetentionInDays", "<absent>"},
             {"aws_cloudwatch_log_group.forever", "KmsKeyId", "<absent>"},
         }},
    });
}
