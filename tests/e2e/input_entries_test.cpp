// Inputs (CloudFormation parameters, Terraform variables) as graph entries of their own kind:
// rules target them by type, findings point at the declaration with an address that says what
// it is, suppressions reach them, and they are never counted or listed as resources.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "model/resource_types.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::run;
using bulwark::test::TempDir;
using Json = nlohmann::json;

namespace {

const std::string kTfSensitive = "aws-terraform-variable-secret-sensitive";
const std::string kTfDefault = "aws-terraform-variable-secret-default";
const std::string kCfnNoEcho = "aws-cloudformation-parameter-secret-noecho";
const std::string kCfnDefault = "aws-cloudformation-parameter-secret-default";

struct Report {
    std::string text;  // the whole JSON output, to check that no secret is in it
    Json json;
    // "address rule" -> finding
    std::map<std::string, Json> findings;
};

Report scan_json(const TempDir& dir, const std::vector<std::string>& rules) {
    std::vector<std::string> args = {
        "scan", dir.path().string(), "--root", dir.path().string(), "--format",
        "json", "--fail-on",         "none"};
    for (const std::string& rule : rules) {
        args.push_back("--only");
        args.push_back(rule);
    }
    auto result = run(args);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    Report report;
    report.text = result.out;
    report.json = Json::parse(result.out);
    for (const Json& finding : report.json["results"]) {
        report.findings[finding["resource"]["address"].get<std::string>() + " " +
                        finding["rule_id"].get<std::string>()] = finding;
    }
    return report;
}

}  // namespace

TEST_CASE("inputs: the graph keeps inputs apart from resources") {
    const auto parsed = test::parse_cfn(R"(Parameters:
  DbPassword: {Type: String}
  Tier: {Type: String, Default: standard}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Tier
)");
    REQUIRE(parsed.graph.resources().size() == 1);
    CHECK(parsed.graph.resources()[0].address == "Queue");
    REQUIRE(parsed.graph.inputs().size() == 2);
    CHECK(parsed.graph.entries().size() == 3);
    const Resource& password = parsed.graph.inputs()[0];
    CHECK(password.kind == EntryKind::Input);
    CHECK(password.address == "Parameters.DbPassword");
    CHECK(password.type == types::kCloudFormationParameter);
    CHECK(password.range.begin.line == 2);
    REQUIRE(password.attributes.find("Name") != nullptr);
    CHECK(password.attributes.find("Name")->as_string() == "DbPassword");
    REQUIRE(password.properties.find("Type") != nullptr);
    // Rules find inputs through the type index; references never resolve to them.
    CHECK(parsed.graph.of_type(types::kCloudFormationParameter).size() == 2);
    CHECK_FALSE(parsed.graph.find("t", "Parameters.DbPassword").has_value());
    CHECK(parsed.graph.edges().empty());
}

TEST_CASE("inputs: Terraform variables in root and module, suppressions, no secret printed") {
    TempDir dir;
    dir.write("main.tf", R"(variable "db_password" {
  type = string
}

# bulwark:ignore aws-terraform-variable-secret-sensitive reason="only feeds write-only arguments"
variable "api_token" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

module "db" {
  source = "./db"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
)");
    dir.write("db/main.tf", R"(variable "password" {
  type      = string
  sensitive = true
  default   = "Pq7-Meadow-Copper-5521"
}

resource "aws_sqs_queue" "db_events" {
  name = "db-events"
}
)");
    const Report report = scan_json(dir, {kTfSensitive, kTfDefault});
    // Two queues; the four variables are not resources.
    CHECK(report.json["summary"]["resources"] == 2);

    const Json& root = report.findings.at("var.db_password " + kTfSensitive);
    CHECK(root["status"] == "failed");
    CHECK(root["resource"]["type"] == "Bulwark::Terraform::Variable");
    CHECK(root["location"]["start_line"] == 1);
    CHECK(report.findings.at("var.api_token " + kTfSensitive)["status"] == "suppressed");
    CHECK(report.findings.count("var.region " + kTfSensitive) == 0);
    CHECK(report.findings.count("module.db.var.password " + kTfSensitive) == 0);

    const Json& in_module = report.findings.at("module.db.var.password " + kTfDefault);
    CHECK(in_module["status"] == "failed");
    CHECK(in_module["location"]["file"] == "db/main.tf");
    CHECK(in_module["location"]["start_line"] == 4);
    CHECK(report.findings.size() == 3);
    // The default is a secret: no output quotes it.
    CHECK(report.text.find("Meadow-Copper") == std::string::npos);

    // SARIF names the logical location a variable.
    auto sarif = run({"scan", dir.path().string(), "--root", dir.path().string(), "--format",
                      "sarif", "--fail-on", "none", "--only", kTfDefault});
    REQUIRE_MESSAGE(sarif.exit_code == 0, sarif.err);
    const Json log = Json::parse(sarif.out);
    const Json& location = log["runs"][0]["results"][0]["locations"][0]["logicalLocations"][0];
    CHECK(location["name"] == "module.db.var.password");
    CHECK(location["kind"] == "variable");
    CHECK(sarif.out.find("Meadow-Copper") == std::string::npos);
}

TEST_CASE("inputs: CloudFormation parameters, nested stacks and comments") {
    TempDir dir;
    dir.write("root.yaml", R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  # bulwark:ignore aws-cloudformation-parameter-secret-noecho reason="rotated after every deploy"
  AdminPassword:
    Type: String
  ReportingApiKey:
    Type: String
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./network.yaml
)");
    dir.write("network.yaml", R"(Parameters:
  VpnPassword:
    Type: String
    NoEcho: true
    Default: Vx9-Harbor-Lantern-3318
Resources:
  Queue:
    Type: AWS::SQS::Queue
)");
    const Report report = scan_json(dir, {kCfnNoEcho, kCfnDefault});
    CHECK(report.json["summary"]["resources"] == 2);  // the stack and its queue

    CHECK(report.findings.at("Parameters.AdminPassword " + kCfnNoEcho)["status"] == "suppressed");
    const Json& key = report.findings.at("Parameters.ReportingApiKey " + kCfnNoEcho);
    CHECK(key["status"] == "failed");
    CHECK(key["location"]["start_line"] == 6);
    const Json& nested = report.findings.at("Network/Parameters.VpnPassword " + kCfnDefault);
    CHECK(nested["status"] == "failed");
    CHECK(nested["location"]["file"] == "network.yaml");
    CHECK(nested["location"]["start_line"] == 5);
    CHECK(report.findings.size() == 3);
    CHECK(report.text.find("Harbor-Lantern") == std::string::npos);
}
