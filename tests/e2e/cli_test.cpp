#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <set>

#include "rules/rule.h"
#include "support/helpers.h"

using namespace bulwark;
using test::run;
using test::TempDir;
using Json = nlohmann::json;

namespace {

const char* kViolating = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
      PubliclyAccessible: false
)";

// An account baseline that every built-in rule accepts (the trail's log group comes from a
// parameter, so the CIS alarm rules cannot be decided and report nothing).
const char* kCompliantJson = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {"TrailLogGroupArn": {"Type": "String"}},
  "Resources": {
    "Trail": {"Type": "AWS::CloudTrail::Trail",
              "Properties": {"IsLogging": true, "S3BucketName": "logs", "EnableLogFileValidation": true,
                             "IsMultiRegionTrail": true, "IsOrganizationTrail": true,
                             "KMSKeyId": "alias/audit",
                             "CloudWatchLogsLogGroupArn": {"Ref": "TrailLogGroupArn"},
                             "EventSelectors": [{"DataResources": [
                               {"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]},
                               {"Type": "AWS::Lambda::Function", "Values": ["arn:aws:lambda"]}]}]}},
    "Analyzer": {"Type": "AWS::AccessAnalyzer::Analyzer", "Properties": {"Type": "ACCOUNT"}}
  }
})";

struct Project {
    TempDir dir;
    Project() {
        dir.write("infra/data.yaml", kViolating);
        dir.write("infra/audit.json", kCompliantJson);
        dir.write("infra/broken.yaml",
                  "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n");
        dir.write("infra/k8s.yaml", "apiVersion: v1\nkind: ConfigMap\n");
        dir.write(".git/hooks/x.yaml", kViolating);
        dir.write("node_modules/pkg/t.yaml", kViolating);
    }
    std::string path(const std::string& relative = "") const {
        return (dir.path() / relative).string();
    }
};

Json scan_json(const Project& project, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"scan",         project.path(), "--root",
                                     project.path(), "--format",     "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = run(args);
    INFO(result.err);
    return Json::parse(result.out);
}

}  // namespace

TEST_CASE("cli: the JSON report has the documented shape") {
    Project project;
    // Two foundation rules, so that the catalog growing does not change the expected findings.
    const Json report = scan_json(
        project, {"--only", "aws-dynamodb-table-point-in-time-recovery,aws-rds-storage-encrypted"});
    CHECK(report["tool"]["name"] == "bulwark");
    CHECK(report["tool"]["version"].is_string());
    const Json& summary = report["summary"];
    for (const char* key : {"files", "resources", "rules", "failed", "suppressed", "undecided",
                            "diagnostics", "by_severity"}) {
        CHECK_MESSAGE(summary.contains(key), key);
    }
    CHECK(summary["files"] ==
          3);  // data.yaml, audit.json and the broken template; not k8s, .git, node_modules
    CHECK(summary["resources"] == 4);
    CHECK(summary["failed"] == report["results"].size());
    CHECK(summary["by_severity"]["high"] == 1);
    CHECK(summary["by_severity"]["medium"] == 1);
    CHECK(summary["diagnostics"] == 1);

    std::set<std::string> rules;
    for (const Json& result : report["results"]) {
        rules.insert(result["rule_id"].get<std::string>());
        for (const char* key : {"rule_id", "severity", "status", "message", "resource", "location",
                                "fingerprint", "frameworks"}) {
            CHECK_MESSAGE(result.contains(key), key);
        }
        CHECK(result["status"] == "failed");
        CHECK(result["resource"]["format"] == "cloudformation");
        CHECK(result["location"]["file"] == "infra/data.yaml");
        CHECK(result["fingerprint"].get<std::string>().size() == 32);
        CHECK(result["frameworks"].is_object());
    }
    CHECK(rules == std::set<std::string>{"aws-dynamodb-table-point-in-time-recovery",
                                         "aws-rds-storage-encrypted"});
    // Sorted by file then line: the table (line 3) before the database's StorageEncrypted (line
    // 11).
    CHECK(report["results"][0]["resource"]["address"] == "Table");
    CHECK(report["results"][0]["location"]["start_line"] == 3);
    CHECK(report["results"][1]["resource"]["address"] == "Database");
    CHECK(report["results"][1]["resource"]["type"] == "AWS::RDS::DBInstance");
    CHECK(report["results"][1]["location"]["start_line"] == 11);
    CHECK(report["results"][1]["frameworks"]["pci-dss-4.0"][0] == "3.5.1");

    const Json& diagnostic = report["diagnostics"][0];
    CHECK(diagnostic["file"] == "infra/broken.yaml");
    CHECK(diagnostic["line"] == 4);
    CHECK(diagnostic["severity"] == "error");
    CHECK(diagnostic["message"].get<std::string>().size() > 5);
}

TEST_CASE("cli: exit codes follow the threshold; input problems only count with --strict") {
    Project project;
    const std::string root = project.path();
    CHECK(run({"scan", root, "--format", "json"}).exit_code == 1);  // a high finding
    CHECK(run({"scan", root, "--format", "json", "--fail-on", "critical"}).exit_code == 0);
    CHECK(run({"scan", root, "--format", "json", "--fail-on", "none"}).exit_code == 0);
    CHECK(run({"scan", root, "--format", "json", "--fail-on", "medium"}).exit_code == 1);
    CHECK(run({"scan", project.path("infra/audit.json"), "--format", "json"}).exit_code == 0);
    CHECK(run({"scan", project.path("infra/broken.yaml"), "--format", "json"}).exit_code == 0);
    CHECK(run({"scan", project.path("infra/broken.yaml"), "--format", "json", "--strict"})
              .exit_code == 1);
}

TEST_CASE("cli: mistakes in the command line are usage errors, never silent") {
    Project project;
    const std::string root = project.path();
    auto check_usage = [](const std::vector<std::string>& args, const std::string& words) {
        auto result = run(args);
        CAPTURE(result.err);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find(words) != std::string::npos);
    };
    check_usage({"scan", root, "--fail-on", "severe"}, "--fail-on must be");
    check_usage({"scan", root, "--only", "aws-no-such-rule"}, "unknown rule 'aws-no-such-rule'");
    check_usage({"scan", root, "--skip", "aws-kms-key-rotation,nope"}, "unknown rule 'nope'");
    check_usage({"scan", root, "--format", "xml"}, "unknown output format 'xml'");
    check_usage({"scan", project.path("missing-dir")}, "no such file or directory");
    check_usage({"scan", root, "--format", "json", "--format", "text"}, "only one format");
    check_usage({"scan", root, "--bogus"}, "bogus");
    check_usage({"frobnicate"}, "frobnicate");
    check_usage({"rules", "show", "nope"}, "no rule 'nope'");
}

// Regression: --var and --var-file took every following word as another value, so the path
// after them was lost and the current directory was scanned instead.
TEST_CASE("cli: a path after --var or --var-file is still the path to scan") {
    TempDir dir;
    dir.write("vars.tfvars", "retention = 1\n");
    dir.write("stack/main.tf",
              "variable \"retention\" {}\n"
              "resource \"aws_cloudwatch_log_group\" \"app\" {\n"
              "  retention_in_days = var.retention\n}\n");
    const std::string stack = (dir.path() / "stack").string();
    const std::string vars = (dir.path() / "vars.tfvars").string();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"scan", "--var", "retention=1", stack},
          std::vector<std::string>{"scan", "--var-file", vars, stack}}) {
        std::vector<std::string> full = args;
        for (const char* more : {"--root", "/", "--format", "resources"})
            full.push_back(more);
        const auto result = run(full);
        CAPTURE(result.err);
        REQUIRE(result.exit_code == 0);
        const Json resources = Json::parse(result.out);
        REQUIRE(resources.size() == 1);
        CHECK(resources[0]["properties"]["RetentionInDays"] == 1);
    }
}

TEST_CASE("cli: --only and --skip select rules") {
    Project project;
    const Json only = scan_json(project, {"--only", "aws-rds-storage-encrypted"});
    CHECK(only["summary"]["rules"] == 1);
    CHECK(only["results"].size() == 1);
    // Skipping one rule removes its finding and keeps the others' (the catalog grows, so the
    // test names the findings it expects rather than counting all of them).
    const Json skipped = scan_json(project, {"--skip", "aws-rds-storage-encrypted"});
    std::set<std::string> rules;
    for (const Json& result : skipped["results"])
        rules.insert(result["rule_id"].get<std::string>());
    CHECK(rules.count("aws-rds-storage-encrypted") == 0);
    CHECK(rules.count("aws-dynamodb-table-point-in-time-recovery") == 1);
}

TEST_CASE("cli: several outputs in one run, and byte-identical across runs and thread counts") {
    Project project;
    const std::string json_a = project.path("a.json");
    const std::string json_b = project.path("b.json");
    auto first = run({"scan", project.path("infra"), "--root", project.path(), "--format", "text",
                      "--format", "json", "--output", "-", "--output", json_a, "--threads", "1"});
    CHECK(first.exit_code == 1);
    CHECK(first.out.find("infra/data.yaml") != std::string::npos);
    CHECK(first.out.find("aws-rds-storage-encrypted") != std::string::npos);
    CHECK(first.out.find("infra/broken.yaml:4") != std::string::npos);
    auto second = run({"scan", project.path("infra"), "--root", project.path(), "--format",
                       "json:" + json_b, "--threads", "2"});
    CHECK(second.out.empty());
    const std::string a = test::read_text(json_a);
    CHECK_FALSE(a.empty());
    CHECK(a == test::read_text(json_b));
}

TEST_CASE("cli: include and exclude globs") {
    Project project;
    CHECK(scan_json(project, {"--exclude", "data.yaml"})["summary"]["failed"] == 0);
    CHECK(scan_json(project, {"--include", "*.json"})["summary"]["files"] == 1);
}

TEST_CASE("cli: rules list, show and custom rule folders") {
    auto list = run({"rules", "list", "--format", "json"});
    REQUIRE(list.exit_code == 0);
    const Json rules = Json::parse(list.out);
    REQUIRE(rules.is_array());
    CHECK(rules.size() >= 10);
    for (const Json& rule : rules) {
        std::set<std::string> keys;
        for (auto it = rule.begin(); it != rule.end(); ++it)
            keys.insert(it.key());
        CHECK(keys == std::set<std::string>{"id", "title", "severity", "pack", "resource_types",
                                            "frameworks", "crossrefs", "parameters"});
        std::set<std::string> crossref_keys;
        for (auto it = rule["crossrefs"].begin(); it != rule["crossrefs"].end(); ++it)
            crossref_keys.insert(it.key());
        CHECK(crossref_keys ==
              std::set<std::string>{"checkov", "trivy", "kics", "cdk-nag", "cfn-nag"});
    }
    auto text = run({"rules", "list"});
    CHECK(text.out.find("aws-s3-bucket-versioning") != std::string::npos);
    auto show = run({"rules", "show", "aws-s3-bucket-versioning"});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("VersioningConfiguration") != std::string::npos);
    CHECK(show.out.find("CKV_AWS_21") != std::string::npos);

    TempDir custom;
    custom.write("team/aws-s3-bucket-named.yaml",
                 "id: aws-s3-bucket-named\ntitle: Buckets have a name\nseverity: low\n"
                 "description: Our naming policy.\nremediation: Set BucketName.\n"
                 "resource: [AWS::S3::Bucket]\ncheck: {path: BucketName, exists: true}\n");
    auto with_custom = run({"rules", "list", "--rules", custom.path().string()});
    CHECK(with_custom.out.find("aws-s3-bucket-named") != std::string::npos);
    TempDir broken;
    broken.write("aws-x.yaml", "id: aws-x\ntitle: t\nseverity: loud\n");
    auto rejected = run({"rules", "list", "--rules", broken.path().string()});
    CHECK(rejected.exit_code == 2);
    CHECK(rejected.err.find("aws-x.yaml:3:") != std::string::npos);
}

TEST_CASE("cli: --rule-param tunes a parameterised rule and rejects what does not exist") {
    TempDir custom;
    custom.write("rules/aws-logs-kept.yaml",
                 "id: aws-logs-kept\ntitle: Logs are kept\nseverity: low\ndescription: d\n"
                 "remediation: r\nresource: [AWS::Logs::LogGroup]\nparameters:\n  min_days:\n"
                 "    type: integer\n    default: 365\n    description: Shortest retention.\n"
                 "check: {path: RetentionInDays, gte: {param: min_days}}\n");
    custom.write("stack/template.yaml",
                 "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n"
                 "      RetentionInDays: 90\n");
    const std::string rules = (custom.path() / "rules").string();
    const std::string stack = (custom.path() / "stack").string();
    auto strict = run({"scan", stack, "--rules", rules, "--only", "aws-logs-kept", "--format",
                       "json", "--fail-on", "low"});
    CHECK(strict.exit_code == 1);
    auto relaxed = run({"scan", stack, "--rules", rules, "--only", "aws-logs-kept", "--format",
                        "json", "--fail-on", "low", "--rule-param", "aws-logs-kept.min_days=90"});
    CHECK(relaxed.exit_code == 0);
    auto shown = run({"rules", "show", "aws-logs-kept", "--rules", rules, "--rule-param",
                      "aws-logs-kept.min_days=90"});
    CHECK(shown.out.find("min_days (integer) = 90 (default 365)") != std::string::npos);
    for (const char* wrong : {"aws-logs-kept.max_days=1", "aws-nothing.min_days=1",
                              "aws-logs-kept.min_days=soon", "min_days=1"}) {
        CAPTURE(wrong);
        auto rejected = run({"scan", stack, "--rules", rules, "--rule-param", wrong});
        CHECK(rejected.exit_code == 2);
        CHECK_FALSE(rejected.err.empty());
    }
}

TEST_CASE("cli: the installed binary runs and reports its version") {
    const std::string command = std::string(BULWARK_BINARY) + " version > /dev/null";
    CHECK(std::system(command.c_str()) == 0);
    const std::string usage = std::string(BULWARK_BINARY) + " scan --fail-on nope . 2> /dev/null";
    const int status = std::system(usage.c_str());
    CHECK(WEXITSTATUS(status) == 2);
}

TEST_CASE("docs: the committed rule catalog is generated from the rule files and current") {
    auto generated = run({"rules", "list", "--format", "markdown"});
    REQUIRE(generated.exit_code == 0);
    const std::string committed = test::read_text(test::source_dir() / "docs" / "rule-catalog.md");
    CHECK_MESSAGE(generated.out == committed,
                  "docs/rule-catalog.md is stale: run scripts/update-docs and commit the result");
}

TEST_CASE("docs: the committed framework evidence pages are generated and current") {
    const auto dir = test::source_dir() / "docs" / "frameworks";
    auto index = run({"rules", "frameworks"});
    REQUIRE(index.exit_code == 0);
    CHECK_MESSAGE(
        index.out == test::read_text(dir / "README.md"),
        "docs/frameworks/README.md is stale: run scripts/update-docs and commit the result");
    for (std::string_view key : kFrameworkKeys) {
        CAPTURE(key);
        auto page = run({"rules", "framework", std::string(key)});
        REQUIRE(page.exit_code == 0);
        CHECK_MESSAGE(page.out == test::read_text(dir / (std::string(key) + ".md")),
                      "docs/frameworks is stale: run scripts/update-docs and commit the result");
    }
}

TEST_CASE("demo: the bundled estate scans cleanly and yields exactly its documented findings") {
    const auto demo = test::source_dir() / "fixtures" / "demo";
    auto result = run({"scan", demo.string(), "--root", demo.string(), "--format", "json"});
    CHECK(result.exit_code == 1);  // it has high findings, on purpose
    const Json report = Json::parse(result.out);
    CHECK(report["summary"]["diagnostics"] == 0);
    CHECK(report["summary"]["files"].get<int>() >= 5);
    std::string actual;
    for (const Json& r : report["results"]) {
        actual += r["location"]["file"].get<std::string>() + ":" +
                  std::to_string(r["location"]["start_line"].get<int>()) + " " +
                  r["rule_id"].get<std::string>() + " " +
                  r["resource"]["address"].get<std::string>() + "\n";
    }
    CHECK(actual == test::read_text(demo / "expected-findings.txt"));
}

TEST_CASE(
    "cli: a custom rule mapping to a control that its framework lacks is rejected with file:line") {
    TempDir custom;
    custom.write("aws-team-rule.yaml",
                 "id: aws-team-rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
                 "resource: [AWS::S3::Bucket]\ncheck: {path: BucketName, exists: true}\n"
                 "frameworks:\n  pci-dss-4.0: [\"99.99.99\"]\n");
    auto result = run({"rules", "list", "--rules", custom.path().string()});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("aws-team-rule.yaml:9:") != std::string::npos);
    CHECK(result.err.find("control '99.99.99' is not in the pci-dss-4.0 catalog") !=
          std::string::npos);
}

TEST_CASE("terraform plan JSON gives the same findings as the configuration it was made from") {
    const auto dir = test::source_dir() / "fixtures" / "terraform-plan";
    auto findings = [&](const std::string& path) {
        auto result =
            run({"scan", (dir / path).string(), "--root", dir.string(), "--format", "json"});
        const Json report = Json::parse(result.out);
        CHECK(report["summary"]["diagnostics"] == 0);
        std::set<std::string> out;
        for (const Json& r : report["results"]) {
            out.insert(r["rule_id"].get<std::string>() + " " +
                       r["resource"]["address"].get<std::string>());
            CHECK(r["resource"]["format"] ==
                  (path == "plan.json" ? "terraform-plan" : "terraform"));
        }
        return out;
    };
    const auto from_plan = findings("plan.json");
    const auto from_source = findings("source");
    CHECK_FALSE(from_plan.empty());
    CHECK(from_plan == from_source);
}
