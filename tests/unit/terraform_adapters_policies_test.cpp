// Terraform policies into the canonical model: heredoc JSON keeps each value's line, jsonencode'd
// documents keep their structure, inline SQS/SNS policies, standalone policy attachments and
// EventBridge bus policies.
#include <doctest/doctest.h>

#include "support/helpers.h"

using namespace bulwark;

namespace {

struct Scanned {
    test::TempDir dir;
    ScanResult result;
    explicit Scanned(const std::string& tf) {
        dir.write("main.tf", tf);
        result = test::scan_terraform_dir(dir.path());
    }
    const Value* at(std::string_view address, std::string_view path) const {
        const Resource* resource = test::find_resource(result, address);
        REQUIRE(resource != nullptr);
        const Value* value = test::value_at(resource->properties, path);
        REQUIRE(value != nullptr);
        return value;
    }
    const Resource* resource(std::string_view address) const {
        return test::find_resource(result, address);
    }
};

}  // namespace

TEST_CASE("terraform policies: heredoc JSON values point at their own lines") {
    const Scanned s(R"tf(resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PassAnyRole",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*"
    }
  ]
}
EOF
}
resource "aws_iam_policy" "one_line" {
  name   = "one-line"
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}"
}
)tf");
    const Value* action = s.at("aws_iam_policy.deploy", "PolicyDocument.Statement.0.Action");
    CHECK(action->as_string() == "iam:PassRole");
    CHECK(action->range().begin.line == 10);
    CHECK(s.at("aws_iam_policy.deploy", "PolicyDocument.Statement.0.Sid")->range().begin.line == 8);
    // A one-line string cannot say more than its own line.
    CHECK(
        s.at("aws_iam_policy.one_line", "PolicyDocument.Statement.0.Action")->range().begin.line ==
        19);
}

TEST_CASE("terraform policies: jsonencode of a known document keeps its statements' lines") {
    const Scanned s(R"tf(resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Reads", Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
      { Sid = "All", Effect = "Allow", Action = "*", Resource = "*" },
    ]
  })
}
)tf");
    CHECK(s.at("aws_iam_policy.admin", "PolicyDocument.Statement.0.Action")->range().begin.line ==
          6);
    CHECK(s.at("aws_iam_policy.admin", "PolicyDocument.Statement.1.Action")->range().begin.line ==
          7);
}

TEST_CASE("terraform policies: inline SQS and SNS policies, attachments and event bus policies") {
    const Scanned s(R"tf(resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })
}
resource "aws_sns_topic" "alerts" {
  name   = "alerts"
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"sns:Publish\"}]}"
}
resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
  users      = ["alice"]
  roles      = ["ops"]
}
resource "aws_iam_role_policy_attachment" "external" {
  role       = "created-elsewhere"
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}
resource "aws_cloudwatch_event_bus_policy" "shared" {
  event_bus_name = "orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Sid = "AnyAccount", Effect = "Allow", Principal = "*", Action = "events:PutEvents", Resource = "*" }]
  })
}
)tf");
    CHECK(s.at("aws_sqs_queue.jobs", "Policy.Statement.0.Action")->as_string() ==
          "sqs:SendMessage");
    CHECK(s.at("aws_sqs_queue.jobs", "Policy.Statement.0.Action")->range().begin.line == 4);
    CHECK(s.at("aws_sns_topic.alerts", "Policy.Statement.0.Principal.AWS")->as_string() == "*");
    const Resource* admins = s.resource("aws_iam_policy_attachment.admins");
    REQUIRE(admins != nullptr);
    CHECK(admins->type == "Bulwark::IAM::PolicyAttachment");
    CHECK(s.at("aws_iam_policy_attachment.admins", "PolicyArn")->as_string() ==
          "arn:aws:iam::aws:policy/AdministratorAccess");
    CHECK(s.at("aws_iam_policy_attachment.admins", "Users.0")->as_string() == "alice");
    const Resource* external = s.resource("aws_iam_role_policy_attachment.external");
    REQUIRE(external != nullptr);
    CHECK(external->type == "Bulwark::IAM::PolicyAttachment");
    CHECK(s.at("aws_iam_role_policy_attachment.external", "Roles.0")->as_string() ==
          "created-elsewhere");
    const Resource* bus = s.resource("aws_cloudwatch_event_bus_policy.shared");
    REQUIRE(bus != nullptr);
    CHECK(bus->type == "AWS::Events::EventBusPolicy");
    CHECK(s.at("aws_cloudwatch_event_bus_policy.shared", "Statement.0.Sid")->as_string() ==
          "AnyAccount");
    CHECK(s.at("aws_cloudwatch_event_bus_policy.shared", "EventBusName")->as_string() == "orders");
}
