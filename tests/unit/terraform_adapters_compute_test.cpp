// Terraform adapters of the compute, container, messaging and analytics group: lambda.cpp (event
// invoke configs), ssm.cpp, glue.cpp, sagemaker.cpp, athena.cpp, codebuild.cpp, stepfunctions.cpp,
// ecs.cpp, eks.cpp, mq.cpp, msk.cpp, elasticbeanstalk.cpp and autoscaling.cpp. Each case scans one
// Terraform snippet and checks the canonical type of resources, CloudFormation-shaped properties
// and the source line each value points at.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// One expectation: an empty path checks the resource's type. Values are rendered as strings in
// double quotes, <absent>, <unknown>, or as describe() shows them. Line 0 skips the line check.
struct Check {
    const char* address;
    const char* path;
    const char* value;
    unsigned line = 0;
};

struct Case {
    const char* name;
    const char* terraform;
    std::vector<Check> checks;
};

std::string render(const Value* value) {
    if (value == nullptr) return "<absent>";
    if (value->is_unknown()) return "<unknown>";
    if (value->is_string()) return "\"" + value->as_string() + "\"";
    return describe(*value);
}

void run(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO("case: " << std::string(c.name));
        TempDir dir;
        dir.write("main.tf", c.terraform);
        const ScanResult result = test::scan_terraform_dir(dir.path());
        CHECK(result.diagnostics.empty());
        for (const Check& check : c.checks) {
            INFO("resource: " << std::string(check.address)
                              << ", path: " << std::string(check.path));
            const Resource* resource = test::find_resource(result, check.address);
            REQUIRE(resource != nullptr);
            if (std::string(check.path).empty()) {
                CHECK(resource->type == check.value);
                continue;
            }
            const Value* value = test::value_at(resource->properties, check.path);
            CHECK(render(value) == std::string(check.value));
            if (value != nullptr && check.line > 0) CHECK(value->range().begin.line == check.line);
        }
    }
}

}  // namespace

TEST_CASE("terraform adapters: Lambda invoke configs, SSM parameters, Glue and Athena") {
    run({
        {"Lambda asynchronous invocation destinations",
         R"(resource "aws_lambda_function_event_invoke_config" "orders" {
  function_name          = "orders"
  maximum_retry_attempts = 1
  destination_config {
    on_failure {
      destination = "arn:aws:sqs:eu-west-1:111122223333:orders-failed"
    }
  }
}
)",
         {
             {"aws_lambda_function_event_invoke_config.orders", "",
              "AWS::Lambda::EventInvokeConfig"},
             {"aws_lambda_function_event_invoke_config.orders", "FunctionName", "\"orders\"", 2},
             {"aws_lambda_function_event_invoke_config.orders", "MaximumRetryAttempts", "1", 3},
             {"aws_lambda_function_event_invoke_config.orders",
              "DestinationConfig.OnFailure.Destination",
              "\"arn:aws:sqs:eu-west-1:111122223333:orders-failed\"", 6},
             {"aws_lambda_function_event_invoke_config.orders", "DestinationConfig.OnSuccess",
              "<absent>"},
         }},
        {"SSM parameter: SecureString, and insecure_value as Value",
         R"(resource "aws_ssm_parameter" "db" {
  name   = "/orders/db/password"
  type   = "SecureString"
  value  = var.db_password
  key_id = "alias/orders"
}
resource "aws_ssm_parameter" "colour" {
  name           = "/orders/theme"
  type           = "String"
  insecure_value = "blue"
}
variable "db_password" {
  type      = string
  sensitive = true
}
)",
         {
             {"aws_ssm_parameter.db", "", "AWS::SSM::Parameter"},
             {"aws_ssm_parameter.db", "Name", "\"/orders/db/password\"", 2},
             {"aws_ssm_parameter.db", "Type", "\"SecureString\"", 3},
             {"aws_ssm_parameter.db", "Value", "<unknown>", 4},
             {"aws_ssm_parameter.colour", "Value", "\"blue\"", 10},
         }},
        {"Glue catalog encryption, security configuration and job",
         R"(resource "aws_glue_data_catalog_encryption_settings" "this" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      aws_kms_key_id                       = "arn:aws:kms:eu-west-1:111122223333:key/a"
      return_connection_password_encrypted = true
    }
    encryption_at_rest {
      catalog_encryption_mode = "SSE-KMS"
      sse_aws_kms_key_id      = "arn:aws:kms:eu-west-1:111122223333:key/a"
    }
  }
}
resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
      kms_key_arn                   = "arn:aws:kms:eu-west-1:111122223333:key/a"
    }
    s3_encryption {
      s3_encryption_mode = "SSE-S3"
    }
  }
}
resource "aws_glue_job" "nightly" {
  name                   = "nightly"
  role_arn               = "arn:aws:iam::111122223333:role/glue"
  security_configuration = aws_glue_security_configuration.etl.name
  default_arguments = {
    "--enable-continuous-cloudwatch-log" = "true"
  }
  command {
    script_location = "s3://scripts/nightly.py"
  }
}
)",
         {
             {"aws_glue_data_catalog_encryption_settings.this", "",
              "AWS::Glue::DataCatalogEncryptionSettings"},
             {"aws_glue_data_catalog_encryption_settings.this",
              "DataCatalogEncryptionSettings.ConnectionPasswordEncryption."
              "ReturnConnectionPasswordEncrypted",
              "true", 5},
             {"aws_glue_data_catalog_encryption_settings.this",
              "DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode", "\"SSE-KMS\"",
              8},
             {"aws_glue_security_configuration.etl", "", "AWS::Glue::SecurityConfiguration"},
             {"aws_glue_security_configuration.etl",
              "EncryptionConfiguration.CloudWatchEncryption.CloudWatchEncryptionMode",
              "\"DISABLED\"", 17},
             {"aws_glue_security_configuration.etl",
              "EncryptionConfiguration.JobBookmarksEncryption.JobBookmarksEncryptionMode",
              "\"CSE-KMS\"", 20},
             {"aws_glue_security_configuration.etl",
              "EncryptionConfiguration.S3Encryptions.0.S3EncryptionMode", "\"SSE-S3\"", 24},
             {"aws_glue_job.nightly", "", "AWS::Glue::Job"},
             // A reference to the configuration: its name is known only after apply.
             {"aws_glue_job.nightly", "SecurityConfiguration", "<unknown>", 31},
             {"aws_glue_job.nightly", "Command.ScriptLocation", "\"s3://scripts/nightly.py\"", 36},
         }},
        {"Athena workgroup: enforce defaults to true inside the configuration block",
         R"(resource "aws_athena_workgroup" "analysts" {
  name = "analysts"
  configuration {
    result_configuration {
      output_location = "s3://athena-results/"
      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/a"
      }
    }
  }
}
resource "aws_athena_workgroup" "adhoc" {
  name = "adhoc"
  configuration {
    enforce_workgroup_configuration = false
  }
}
)",
         {
             {"aws_athena_workgroup.analysts", "", "AWS::Athena::WorkGroup"},
             {"aws_athena_workgroup.analysts",
              "WorkGroupConfiguration.EnforceWorkGroupConfiguration", "true", 3},
             {"aws_athena_workgroup.analysts",
              "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption",
              "\"SSE_KMS\"", 7},
             {"aws_athena_workgroup.analysts",
              "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.KmsKey",
              "\"arn:aws:kms:eu-west-1:111122223333:key/a\"", 8},
             {"aws_athena_workgroup.adhoc", "WorkGroupConfiguration.EnforceWorkGroupConfiguration",
              "false", 16},
         }},
    });
}

TEST_CASE("terraform adapters: SageMaker, CodeBuild and Step Functions") {
    run({
        {"SageMaker notebook defaults and endpoint configuration key",
         R"(resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
}
resource "aws_sagemaker_notebook_instance" "private" {
  name                   = "private"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type          = "ml.t3.medium"
  kms_key_id             = "arn:aws:kms:eu-west-1:111122223333:key/a"
  subnet_id              = "subnet-1"
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
}
resource "aws_sagemaker_endpoint_configuration" "model" {
  name        = "model"
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/a"
  production_variants {
    variant_name  = "main"
    model_name    = "model"
    instance_type = "ml.m5.large"
  }
}
resource "aws_sagemaker_domain" "studio" {
  domain_name = "studio"
  auth_mode   = "IAM"
  vpc_id      = "vpc-1"
  subnet_ids  = ["subnet-1"]
  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/sagemaker"
  }
}
)",
         {
             {"aws_sagemaker_notebook_instance.research", "", "AWS::SageMaker::NotebookInstance"},
             {"aws_sagemaker_notebook_instance.research", "DirectInternetAccess", "\"Enabled\"", 1},
             {"aws_sagemaker_notebook_instance.research", "RootAccess", "\"Enabled\"", 1},
             {"aws_sagemaker_notebook_instance.research", "KmsKeyId", "<absent>"},
             {"aws_sagemaker_notebook_instance.private", "DirectInternetAccess", "\"Disabled\"",
              12},
             {"aws_sagemaker_notebook_instance.private", "SubnetId", "\"subnet-1\"", 11},
             {"aws_sagemaker_endpoint_configuration.model", "", "AWS::SageMaker::EndpointConfig"},
             {"aws_sagemaker_endpoint_configuration.model", "KmsKeyId",
              "\"arn:aws:kms:eu-west-1:111122223333:key/a\"", 17},
             {"aws_sagemaker_endpoint_configuration.model", "ProductionVariants.0.InstanceType",
              "\"ml.m5.large\"", 21},
             {"aws_sagemaker_domain.studio", "", "AWS::SageMaker::Domain"},
             {"aws_sagemaker_domain.studio", "AppNetworkAccessType", "\"PublicInternetOnly\"", 24},
         }},
        {"CodeBuild project and report group",
         R"(resource "aws_codebuild_project" "build" {
  name          = "build"
  service_role  = "arn:aws:iam::111122223333:role/codebuild"
  encryption_key = "arn:aws:kms:eu-west-1:111122223333:key/a"
  artifacts {
    type                = "S3"
    location            = "artifacts"
    encryption_disabled = true
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
    environment_variable {
      name  = "STAGE"
      value = "prod"
    }
    environment_variable {
      name  = "NPM_TOKEN"
      value = "/build/npm-token"
      type  = "PARAMETER_STORE"
    }
  }
  source {
    type = "CODEPIPELINE"
  }
  logs_config {
    cloudwatch_logs {
      status = "DISABLED"
    }
  }
}
resource "aws_codebuild_report_group" "tests" {
  name = "tests"
  type = "TEST"
  export_config {
    type = "S3"
    s3_destination {
      bucket              = "reports"
      encryption_disabled = false
      encryption_key      = "arn:aws:kms:eu-west-1:111122223333:key/a"
    }
  }
}
)",
         {
             {"aws_codebuild_project.build", "", "AWS::CodeBuild::Project"},
             {"aws_codebuild_project.build", "Artifacts.EncryptionDisabled", "true", 8},
             {"aws_codebuild_project.build", "Environment.EnvironmentVariables.1.Name",
              "\"NPM_TOKEN\"", 19},
             {"aws_codebuild_project.build", "Environment.EnvironmentVariables.1.Type",
              "\"PARAMETER_STORE\"", 21},
             {"aws_codebuild_project.build", "LogsConfig.CloudWatchLogs.Status", "\"DISABLED\"",
              29},
             {"aws_codebuild_project.build", "EncryptionKey",
              "\"arn:aws:kms:eu-west-1:111122223333:key/a\"", 4},
             {"aws_codebuild_report_group.tests", "", "AWS::CodeBuild::ReportGroup"},
             {"aws_codebuild_report_group.tests", "ExportConfig.ExportConfigType", "\"S3\"", 37},
             {"aws_codebuild_report_group.tests", "ExportConfig.S3Destination.EncryptionDisabled",
              "false", 40},
         }},
        {"Step Functions logging destination, tracing and encryption",
         R"(resource "aws_sfn_state_machine" "orders" {
  name       = "orders"
  role_arn   = "arn:aws:iam::111122223333:role/sfn"
  definition = "{}"
  logging_configuration {
    log_destination        = "arn:aws:logs:eu-west-1:111122223333:log-group:sfn:*"
    include_execution_data = true
    level                  = "ERROR"
  }
  tracing_configuration {
    enabled = true
  }
  encryption_configuration {
    type       = "CUSTOMER_MANAGED_KMS_KEY"
    kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/a"
  }
}
)",
         {
             {"aws_sfn_state_machine.orders", "", "AWS::StepFunctions::StateMachine"},
             {"aws_sfn_state_machine.orders", "LoggingConfiguration.Level", "\"ERROR\"", 8},
             {"aws_sfn_state_machine.orders",
              "LoggingConfiguration.Destinations.0.CloudWatchLogsLogGroup.LogGroupArn",
              "\"arn:aws:logs:eu-west-1:111122223333:log-group:sfn:*\"", 6},
             {"aws_sfn_state_machine.orders", "TracingConfiguration.Enabled", "true", 11},
             {"aws_sfn_state_machine.orders", "EncryptionConfiguration.Type",
              "\"CUSTOMER_MANAGED_KMS_KEY\"", 14},
         }},
    });
}

TEST_CASE("terraform adapters: ECS, EKS, MQ and MSK") {
    run({
        {"ECS cluster, task definition JSON in CloudFormation spelling, service public IP",
         R"(resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
resource "aws_ecs_task_definition" "api" {
  family       = "api"
  network_mode = "awsvpc"
  container_definitions = jsonencode([{
    name       = "api"
    image      = "api:1"
    privileged = true
    environment = [{ name = "STAGE", value = "prod" }]
    logConfiguration = {
      logDriver = "awslogs"
      options   = { "awslogs-group" = "/ecs/api" }
    }
  }])
}
resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}
)",
         {
             {"aws_ecs_cluster.main", "", "AWS::ECS::Cluster"},
             {"aws_ecs_cluster.main", "ClusterSettings.0.Name", "\"containerInsights\"", 4},
             {"aws_ecs_cluster.main", "ClusterSettings.0.Value", "\"enabled\"", 5},
             {"aws_ecs_task_definition.api", "", "AWS::ECS::TaskDefinition"},
             {"aws_ecs_task_definition.api", "NetworkMode", "\"awsvpc\"", 10},
             {"aws_ecs_task_definition.api", "ContainerDefinitions.0.Privileged", "true", 11},
             {"aws_ecs_task_definition.api", "ContainerDefinitions.0.Environment.0.Name",
              "\"STAGE\"", 11},
             {"aws_ecs_task_definition.api", "ContainerDefinitions.0.LogConfiguration.LogDriver",
              "\"awslogs\"", 11},
             // Log driver options keep their own keys.
             {"aws_ecs_task_definition.api",
              "ContainerDefinitions.0.LogConfiguration.Options.awslogs-group", "\"/ecs/api\"", 11},
             {"aws_ecs_service.api", "", "AWS::ECS::Service"},
             {"aws_ecs_service.api", "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp",
              "\"ENABLED\"", 28},
         }},
        {"EKS cluster endpoint, secrets encryption and log types",
         R"(resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids             = ["subnet-1", "subnet-2"]
    endpoint_public_access = true
    public_access_cidrs    = ["203.0.113.0/24"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:111122223333:key/a"
    }
  }
  enabled_cluster_log_types = ["api", "audit"]
}
)",
         {
             {"aws_eks_cluster.main", "", "AWS::EKS::Cluster"},
             {"aws_eks_cluster.main", "ResourcesVpcConfig.EndpointPublicAccess", "true", 6},
             {"aws_eks_cluster.main", "ResourcesVpcConfig.PublicAccessCidrs.0",
              "\"203.0.113.0/24\"", 7},
             {"aws_eks_cluster.main", "EncryptionConfig.0.Resources.0", "\"secrets\"", 10},
             {"aws_eks_cluster.main", "EncryptionConfig.0.Provider.KeyArn",
              "\"arn:aws:kms:eu-west-1:111122223333:key/a\"", 12},
             {"aws_eks_cluster.main", "Logging.ClusterLogging.EnabledTypes.1.Type", "\"audit\"",
              15},
         }},
        {"MQ broker: publicly_accessible defaults to false",
         R"(resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  logs {
    general = true
  }
  user {
    username = "app"
    password = var.mq_password
  }
}
variable "mq_password" {
  type = string
}
)",
         {
             {"aws_mq_broker.events", "", "AWS::AmazonMQ::Broker"},
             {"aws_mq_broker.events", "PubliclyAccessible", "false", 1},
             {"aws_mq_broker.events", "Logs.General", "true", 7},
             {"aws_mq_broker.events", "Logs.Audit", "<absent>"},
             {"aws_mq_broker.events", "Users.0.Username", "\"app\"", 10},
         }},
        {"MSK cluster encryption, authentication, access and logs",
         R"(resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type  = "kafka.m5.large"
    client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
    connectivity_info {
      public_access {
        type = "DISABLED"
      }
    }
  }
  encryption_info {
    encryption_at_rest_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/a"
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
      in_cluster    = true
    }
  }
  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }
  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = "/msk/events"
      }
    }
  }
}
)",
         {
             {"aws_msk_cluster.events", "", "AWS::MSK::Cluster"},
             {"aws_msk_cluster.events", "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
              "\"DISABLED\"", 10},
             {"aws_msk_cluster.events", "EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId",
              "\"arn:aws:kms:eu-west-1:111122223333:key/a\"", 15},
             {"aws_msk_cluster.events", "EncryptionInfo.EncryptionInTransit.ClientBroker",
              "\"TLS_PLAINTEXT\"", 17},
             {"aws_msk_cluster.events", "ClientAuthentication.Unauthenticated.Enabled", "false",
              22},
             {"aws_msk_cluster.events", "ClientAuthentication.Sasl.Iam.Enabled", "true", 24},
             {"aws_msk_cluster.events", "LoggingInfo.BrokerLogs.CloudWatchLogs.Enabled", "true",
              30},
         }},
    });
}

TEST_CASE("terraform adapters: Elastic Beanstalk and Auto Scaling (with attachments)") {
    run({
        {"Elastic Beanstalk settings as OptionSettings",
         R"(resource "aws_elastic_beanstalk_environment" "web" {
  name                = "web"
  application         = "shop"
  solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
  setting {
    namespace = "aws:elasticbeanstalk:healthreporting:system"
    name      = "SystemType"
    value     = "enhanced"
  }
}
)",
         {
             {"aws_elastic_beanstalk_environment.web", "", "AWS::ElasticBeanstalk::Environment"},
             {"aws_elastic_beanstalk_environment.web", "OptionSettings.0.Namespace",
              "\"aws:elasticbeanstalk:healthreporting:system\"", 6},
             {"aws_elastic_beanstalk_environment.web", "OptionSettings.0.OptionName",
              "\"SystemType\"", 7},
             {"aws_elastic_beanstalk_environment.web", "OptionSettings.0.Value", "\"enhanced\"", 8},
         }},
        {"Auto Scaling group: default health check type and a target group attached later",
         R"(resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-1", "subnet-2"]
  launch_template {
    id      = "lt-1"
    version = "$Latest"
  }
}
resource "aws_autoscaling_attachment" "web" {
  autoscaling_group_name = aws_autoscaling_group.web.id
  lb_target_group_arn    = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
}
)",
         {
             {"aws_autoscaling_group.web", "", "AWS::AutoScaling::AutoScalingGroup"},
             {"aws_autoscaling_group.web", "HealthCheckType", "\"EC2\"", 1},
             {"aws_autoscaling_group.web", "VPCZoneIdentifier.1", "\"subnet-2\"", 5},
             {"aws_autoscaling_group.web", "LaunchTemplate.LaunchTemplateId", "\"lt-1\"", 7},
             {"aws_autoscaling_group.web", "TargetGroupARNs.0",
              "\"arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1\"", 13},
         }},
    });
}
