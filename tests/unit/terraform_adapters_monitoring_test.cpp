// Terraform adapters for the monitoring and edge services: WAFv2, Route 53, Security Hub, IAM
// Access Analyzer, CloudTrail event selectors and Lake event data stores, VPC endpoints, HTTP API
// domain names, and the Tags every adapted resource gets. Each case scans a small Terraform root
// and checks canonical types, CloudFormation-shaped properties and the line each value points at.
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

TEST_CASE("terraform adapters: WAF, Route 53, Security Hub and Access Analyzer") {
    run({
        {"web ACL, association and logging configuration",
         R"(resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "edge"
    sampled_requests_enabled   = true
  }
}
resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  web_acl_arn  = aws_wafv2_web_acl.edge.arn
}
resource "aws_wafv2_web_acl_logging_configuration" "edge" {
  resource_arn            = aws_wafv2_web_acl.edge.arn
  log_destination_configs = ["arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-edge"]
}
)",
         {
             {"aws_wafv2_web_acl.edge", "", "AWS::WAFv2::WebACL"},
             {"aws_wafv2_web_acl.edge", "Scope", "'REGIONAL'", 3},
             {"aws_wafv2_web_acl.edge", "VisibilityConfig.MetricName", "'edge'", 9},
             {"aws_wafv2_web_acl_association.alb", "", "AWS::WAFv2::WebACLAssociation"},
             {"aws_wafv2_web_acl_association.alb", "WebACLArn", "<unknown>", 15},
             {"aws_wafv2_web_acl_logging_configuration.edge", "",
              "AWS::WAFv2::LoggingConfiguration"},
             {"aws_wafv2_web_acl_logging_configuration.edge", "LogDestinationConfigs", "[1]", 19},
         }},
        {"public and private hosted zones, query logging folded into the zone, DNSSEC",
         R"(resource "aws_route53_zone" "public" {
  name = "example.com"
}
resource "aws_route53_query_log" "public" {
  zone_id                  = aws_route53_zone.public.zone_id
  cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com"
}
resource "aws_route53_zone" "internal" {
  name = "internal.example.com"
  vpc {
    vpc_id = "vpc-1"
  }
}
resource "aws_route53_hosted_zone_dnssec" "public" {
  hosted_zone_id = aws_route53_zone.public.id
}
)",
         {
             {"aws_route53_zone.public", "", "AWS::Route53::HostedZone"},
             {"aws_route53_zone.public", "QueryLoggingConfig.CloudWatchLogsLogGroupArn",
              "'arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com'", 6},
             {"aws_route53_zone.public", "VPCs", "<absent>"},
             {"aws_route53_zone.internal", "VPCs.0.VPCId", "'vpc-1'", 11},
             {"aws_route53_hosted_zone_dnssec.public", "", "AWS::Route53::DNSSEC"},
             {"aws_route53_hosted_zone_dnssec.public", "HostedZoneId", "<unknown>", 15},
         }},
        {"Security Hub with defaults, a standard, and an analyzer",
         R"(resource "aws_securityhub_account" "main" {}
resource "aws_securityhub_standards_subscription" "cis" {
  standards_arn = "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0"
}
resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "account"
}
)",
         {
             {"aws_securityhub_account.main", "", "AWS::SecurityHub::Hub"},
             {"aws_securityhub_account.main", "EnableDefaultStandards", "true", 1},
             {"aws_securityhub_standards_subscription.cis", "", "AWS::SecurityHub::Standard"},
             {"aws_accessanalyzer_analyzer.account", "", "AWS::AccessAnalyzer::Analyzer"},
             {"aws_accessanalyzer_analyzer.account", "Type", "'ACCOUNT'", 5},
         }},
        {"Inspector enabled for the account's resource types",
         R"(resource "aws_inspector2_enabler" "account" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "ECR", "LAMBDA"]
}
)",
         {
             {"aws_inspector2_enabler.account", "", "Bulwark::Inspector2::Enabler"},
             {"aws_inspector2_enabler.account", "AccountIds.0", "'111122223333'", 2},
             {"aws_inspector2_enabler.account", "ResourceTypes.2", "'LAMBDA'", 3},
         }},
    });
}

TEST_CASE("terraform adapters: CloudTrail selectors, event data stores, endpoints, domains, tags") {
    run({
        {"trail with basic and advanced event selectors",
         R"(resource "aws_cloudtrail" "data" {
  name           = "data"
  s3_bucket_name = "logs"
  event_selector {
    read_write_type = "WriteOnly"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
  advanced_event_selector {
    name = "lambda"
    field_selector {
      field  = "resources.type"
      equals = ["AWS::Lambda::Function"]
    }
  }
  tags = { owner = "security" }
}
)",
         {
             {"aws_cloudtrail.data", "EventSelectors.0.ReadWriteType", "'WriteOnly'", 5},
             {"aws_cloudtrail.data", "EventSelectors.0.DataResources.0.Type", "'AWS::S3::Object'",
              7},
             {"aws_cloudtrail.data", "AdvancedEventSelectors.0.Name", "'lambda'", 12},
             {"aws_cloudtrail.data", "AdvancedEventSelectors.0.FieldSelectors.0.Equals", "[1]", 15},
             {"aws_cloudtrail.data", "Tags.0.Key", "'owner'", 18},
         }},
        {"event data store defaults",
         R"(resource "aws_cloudtrail_event_data_store" "lake" {
  name = "lake"
}
)",
         {
             {"aws_cloudtrail_event_data_store.lake", "", "AWS::CloudTrail::EventDataStore"},
             {"aws_cloudtrail_event_data_store.lake", "RetentionPeriod", "#2555", 1},
             {"aws_cloudtrail_event_data_store.lake", "TerminationProtectionEnabled", "true", 1},
         }},
        {"gateway endpoint by default, HTTP API domain, tags for adapters that do not map them",
         R"(resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-1"
  service_name = "com.amazonaws.eu-west-1.s3"
}
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/1"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
resource "aws_kms_key" "data" {
  description = "data"
  tags = {
    owner = "data-team"
  }
}
)",
         {
             {"aws_vpc_endpoint.s3", "", "AWS::EC2::VPCEndpoint"},
             {"aws_vpc_endpoint.s3", "VpcEndpointType", "'Gateway'", 1},
             {"aws_vpc_endpoint.s3", "ServiceName", "'com.amazonaws.eu-west-1.s3'", 3},
             {"aws_apigatewayv2_domain_name.api", "", "AWS::ApiGatewayV2::DomainName"},
             {"aws_apigatewayv2_domain_name.api", "DomainNameConfigurations.0.SecurityPolicy",
              "'TLS_1_2'", 10},
             {"aws_kms_key.data", "Tags.0.Key", "'owner'", 16},
             {"aws_kms_key.data", "Tags.0.Value", "'data-team'", 16},
         }},
    });
}
