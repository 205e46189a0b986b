// Suppressions declared in .bulwark.yaml (`suppressions.ignore`), end to end: scoped by CDK
// construct path, Terraform address (modules, instance keys) and CloudFormation address, by
// file glob; pointing at the configuration's line in every report; and the diagnostics that
// keep the entries true, including when staleness cannot be judged.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/helpers.h"

using bulwark::test::run;
using bulwark::test::TempDir;
using Json = nlohmann::json;

namespace {

namespace fs = std::filesystem;

Json scan_json(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"scan", "--format", "json", "--fail-on", "none"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = run(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return Json::parse(result.out);
}

// The result of `rule` on `address`.
Json result_of(const Json& report, const std::string& rule, const std::string& address) {
    for (const Json& result : report["results"]) {
        if (result["rule_id"] == rule && result["resource"]["address"] == address) return result;
    }
    FAIL("no result of " << rule << " on " << address);
    return {};
}

// Diagnostics in `file` (code and line) whose message holds `words`.
std::size_t count_diagnostics(const Json& report, const std::string& file, const std::string& code,
                              unsigned line, const std::string& words) {
    std::size_t count = 0;
    for (const Json& d : report["diagnostics"]) {
        if (d["file"] == file && d["code"] == code && d["line"] == line &&
            d["message"].get<std::string>().find(words) != std::string::npos)
            ++count;
    }
    return count;
}

void copy_fixture(const std::string& fixture, const fs::path& to) {
    fs::copy(bulwark::test::source_dir() / fixture, to, fs::copy_options::recursive);
}

}  // namespace

TEST_CASE(
    "config suppressions: CDK construct-path globs over a cloud assembly with nested stacks") {
    TempDir dir;
    fs::create_directories(dir.path() / ".git");
    copy_fixture("fixtures/cdk/stages", dir.path() / "app");
    dir.write(".bulwark.yaml", R"(suppressions:
  ignore:
    # Every bucket of the Data stage (and its nested Storage stack) logs elsewhere.
    - rules: [aws-s3-bucket-access-logging]
      resources: ["Prod/Data/**"]
      reason: access is logged by CloudTrail data events
      owner: data-platform
      expires: 2099-12-31
    # The full construct path, as cdk.out records it.
    - rules: [aws-dynamodb-table-cmk]
      resources: ["Prod/Data/Storage/Ledger/Resource"]
      reason: AWS-owned key accepted for the ledger
    # No Staging stage exists: this entry accepts nothing.
    - rules: [aws-s3-bucket-versioning]
      resources: ["Staging/*/*"]
      reason: stale
)");
    const Json report = scan_json({dir.path().string(), "--root", dir.path().string()});
    // The nested Storage stack's bucket: accepted by the entry on line 4.
    const Json reports =
        result_of(report, "aws-s3-bucket-access-logging", "Prod/Data/Storage/Reports");
    CHECK(reports["status"] == "suppressed");
    CHECK(reports["suppression"]["source"] == "config");
    CHECK(reports["suppression"]["reason"] == "access is logged by CloudTrail data events");
    CHECK(reports["suppression"]["owner"] == "data-platform");
    CHECK(reports["suppression"]["expires"] == "2099-12-31");
    CHECK(reports["suppression"]["file"] == ".bulwark.yaml");
    CHECK(reports["suppression"]["line"] == 4);
    // The archive bucket's finding is suppressed in the template already (cdk-nag Metadata):
    // the suppression on the code is the one reported, and the entry still counts as matched.
    const Json archive = result_of(report, "aws-s3-bucket-access-logging", "Prod/Data/Archive");
    CHECK(archive["status"] == "suppressed");
    CHECK(archive["suppression"]["source"] == "cdk_nag");
    const Json ledger = result_of(report, "aws-dynamodb-table-cmk", "Prod/Data/Storage/Ledger");
    CHECK(ledger["status"] == "suppressed");
    CHECK(ledger["suppression"]["line"] == 10);
    // Other rules on the same resources are untouched.
    CHECK(result_of(report, "aws-s3-bucket-versioning", "Prod/Data/Archive")["status"] == "failed");
    CHECK(result_of(report, "aws-dynamodb-table-point-in-time-recovery",
                    "Prod/Data/Storage/Ledger")["status"] == "failed");
    CHECK(count_diagnostics(report, ".bulwark.yaml", "stale-suppression", 14,
                            "matches no finding") == 1);
    CHECK(report["summary"]["suppressed"] == 3);
    CHECK(report["configuration"]["file"] == ".bulwark.yaml");

    // Every report says where the accepting entry is.
    const std::string root = dir.path().string();
    const auto text = run({"scan", root, "--root", root, "--fail-on", "none"});
    CHECK(text.out.find("suppressed (config .bulwark.yaml:4:7): access is logged by CloudTrail") !=
          std::string::npos);
    CHECK(text.out.find(".bulwark.yaml:14:7: warning: suppressions.ignore entry for "
                        "aws-s3-bucket-versioning matches no finding") != std::string::npos);
    const auto junit =
        run({"scan", root, "--root", root, "--fail-on", "none", "--format", "junit"});
    CHECK(junit.out.find("suppressed (config .bulwark.yaml:10:7): AWS-owned key") !=
          std::string::npos);
    const auto sarif = run({"scan", root, "--root", root, "--fail-on", "none", "--format", "sarif",
                            "--sarif-include-suppressed"});
    const Json log = Json::parse(sarif.out);
    std::size_t external = 0;
    for (const Json& result : log["runs"][0]["results"]) {
        if (!result.contains("suppressions") ||
            result["suppressions"][0]["properties"]["source"] != "config")
            continue;
        const Json& suppression = result["suppressions"][0];
        CHECK(suppression["kind"] == "external");
        const Json& where = suppression["location"]["physicalLocation"];
        CHECK(where["artifactLocation"]["uri"] == ".bulwark.yaml");
        CHECK((where["region"]["startLine"] == 4 || where["region"]["startLine"] == 10));
        ++external;
    }
    CHECK(external == 2);
}

TEST_CASE(
    "config suppressions: Terraform addresses with modules and instance keys, file globs "
    "and peers' IDs") {
    TempDir dir;
    fs::create_directories(dir.path() / ".git");
    dir.write("main.tf", R"(# The shared log buckets come from a module, one per region.
module "logs" {
  source   = "./modules/logs"
  for_each = toset(["eu-west-1", "us-east-1"])
  name     = "logs-${each.key}"
}

# A bucket of the application itself: nothing accepts its findings.
resource "aws_s3_bucket" "app" {
  bucket = "app-data"
}
)");
    dir.write("modules/logs/main.tf", R"(variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}
)");
    dir.write("legacy/main.tf", R"(# Retired; kept until the migration ends.
resource "aws_s3_bucket" "old" {
  bucket = "old-assets"
}
)");
    dir.write(".bulwark.yaml", R"(suppressions:
  ignore:
    - rules: [CKV_AWS_21]   # Checkov's ID for versioning, through the rule's crossrefs
      resources: ["module.logs.aws_s3_bucket.*"]
      reason: log objects are written once
    - rules: [aws-s3-bucket-versioning]
      paths: ["legacy/**"]
      reason: retired stack
)");
    const std::string root = dir.path().string();
    const Json report = scan_json({root, "--root", root, "--only", "aws-s3-bucket-versioning"});
    for (const char* key : {"eu-west-1", "us-east-1"}) {
        const Json bucket =
            result_of(report, "aws-s3-bucket-versioning",
                      "module.logs[\"" + std::string(key) + "\"].aws_s3_bucket.this");
        CHECK(bucket["status"] == "suppressed");
        CHECK(bucket["suppression"]["line"] == 3);
    }
    CHECK(result_of(report, "aws-s3-bucket-versioning",
                    "aws_s3_bucket.old")["suppression"]["line"] == 6);
    CHECK(result_of(report, "aws-s3-bucket-versioning", "aws_s3_bucket.app")["status"] == "failed");
    CHECK(report["diagnostics"].empty());
}

TEST_CASE(
    "config suppressions: CloudFormation logical IDs; every entry mistake is a diagnostic at "
    "its line") {
    TempDir dir;
    fs::create_directories(dir.path() / ".git");
    dir.write("stacks/template.yaml", R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # Receives the access logs of the other buckets.
  LogBucket:
    Type: AWS::S3::Bucket
  DataBucket:
    Type: AWS::S3::Bucket
)");
    dir.write(".bulwark.yaml", R"(suppressions:
  require: [owner]
  ignore:
    - rules: [aws-s3-bucket-versioning]
      resources: ["Log*"]
      reason: logs are never overwritten
      owner: platform
    - rules: [aws-s3-bucket-versionning]
      resources: ["DataBucket"]
      owner: platform
    - rules: [aws-s3-bucket-versioning]
      resources: ["Data**"]
      owner: platform
    - rules: [aws-s3-bucket-versioning]
      resources: ["DataBucket"]
      reason: no owner
    - rules: [aws-s3-bucket-versioning]
      resources: ["DataBucket"]
      owner: platform
      expires: 2001-01-01
)");
    const std::string root = dir.path().string();
    const Json report = scan_json({root, "--root", root, "--only", "aws-s3-bucket-versioning"});
    CHECK(result_of(report, "aws-s3-bucket-versioning", "LogBucket")["status"] == "suppressed");
    CHECK(result_of(report, "aws-s3-bucket-versioning", "DataBucket")["status"] == "failed");
    CHECK(count_diagnostics(report, ".bulwark.yaml", "invalid-suppression", 8,
                            "unknown rule 'aws-s3-bucket-versionning'") == 1);
    CHECK(count_diagnostics(report, ".bulwark.yaml", "invalid-suppression", 12,
                            "'**' must be a whole segment") == 1);
    CHECK(count_diagnostics(report, ".bulwark.yaml", "invalid-suppression", 14,
                            "has no owner, which the configuration requires") == 1);
    CHECK(count_diagnostics(report, ".bulwark.yaml", "stale-suppression", 17,
                            "expired on 2001-01-01") == 1);
    CHECK(report["diagnostics"].size() == 4);  // none of them is also called stale
}

TEST_CASE("config suppressions: stale only when the scan sees everything the file governs") {
    TempDir dir;
    fs::create_directories(dir.path() / ".git");
    dir.write("a/main.tf", "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n");
    dir.write("b/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
    dir.write(".bulwark.yaml", R"(suppressions:
  ignore:
    - rules: [aws-s3-bucket-versioning]
      paths: ["b/**"]
      reason: b is a scratch area
)");
    const std::string root = dir.path().string();
    const std::vector<std::string> only = {"--root", root, "--only", "aws-s3-bucket-versioning"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), only.begin(), only.end());
        return scan_json(args);
    };
    // The whole repository: the entry matches.
    CHECK(with({root})["diagnostics"].empty());
    // A subfolder, or the files a commit changed: b's resources are not seen, and the entry is
    // not called stale for that.
    CHECK(with({(dir.path() / "a").string()})["diagnostics"].empty());
    CHECK(with({(dir.path() / "a/main.tf").string()})["diagnostics"].empty());
    // Once b is fixed, the whole-repository scan says the entry is stale.
    dir.write("b/main.tf", R"(resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration {
    status = "Enabled"
  }
}
)");
    const Json fixed = with({root});
    CHECK(count_diagnostics(fixed, ".bulwark.yaml", "stale-suppression", 3, "matches no finding") ==
          1);
    CHECK(with({(dir.path() / "a/main.tf").string()})["diagnostics"].empty());
    // --no-config: no entry, nothing suppressed.
    const Json bare = with({root, "--no-config"});
    CHECK(bare["summary"]["suppressed"] == 0);
    CHECK_FALSE(bare.contains("configuration"));
}

TEST_CASE("config suppressions: sharded scans merge to the whole scan, stale entries included") {
    TempDir dir;
    fs::create_directories(dir.path() / ".git");
    for (const char* name : {"a", "b", "c", "d"}) {
        dir.write(std::string(name) + "/main.tf", "resource \"aws_s3_bucket\" \"" +
                                                      std::string(name) + "\" {\n  bucket = \"" +
                                                      name + "\"\n}\n");
    }
    dir.write(".bulwark.yaml", R"(suppressions:
  ignore:
    - rules: [aws-s3-bucket-versioning]
      resources: [aws_s3_bucket.a, aws_s3_bucket.d]
      reason: matched in whichever parts hold a and d
    - rules: [aws-s3-bucket-versioning]
      paths: ["b/**", "c/**"]
      reason: matched in whichever parts hold b and c
    - rules: [aws-s3-bucket-versioning]
      resources: [aws_s3_bucket.gone]
      reason: stale in every part
    - rules: [aws-s3-bucket-versioning]
      resources: ["aws_s3_bucket.x[0"]
      reason: a bad glob, reported by every part
)");
    TempDir out;
    const std::string root = dir.path().string();
    const std::vector<std::string> scan = {
        "scan",      root,   "--root", root,
        "--format",  "json", "--only", "aws-s3-bucket-versioning",
        "--fail-on", "none"};
    const auto whole = run(scan);
    REQUIRE(whole.exit_code == 0);
    const Json whole_report = Json::parse(whole.out);
    CHECK(whole_report["summary"]["suppressed"] == 4);
    CHECK(whole_report["diagnostics"].size() == 2);
    std::vector<std::string> merge = {"merge"};
    std::size_t parts_with_findings = 0;
    for (const char* part : {"1/3", "2/3", "3/3"}) {
        std::vector<std::string> args = scan;
        const std::string file = (out.path() / (std::string("part") + part[0])).string();
        args.insert(args.end(), {"--shard", part, "-o", file});
        REQUIRE(run(args).exit_code == 0);
        if (!Json::parse(bulwark::test::read_text(file))["results"].empty()) ++parts_with_findings;
        merge.push_back(file);
    }
    CHECK(parts_with_findings > 1);  // the work really was split
    const auto merged = run(merge);
    INFO(merged.err);
    REQUIRE(merged.exit_code == 0);
    CHECK(merged.out == whole.out);

    // SARIF too: the configuration's notifications are kept once, when every part has them.
    std::vector<std::string> sarif_scan = scan;
    sarif_scan[5] = "sarif";
    const auto whole_sarif = run(sarif_scan);
    REQUIRE(whole_sarif.exit_code == 0);
    std::vector<std::string> sarif_merge = {"merge"};
    for (const char* part : {"1/3", "2/3", "3/3"}) {
        std::vector<std::string> args = sarif_scan;
        const std::string file = (out.path() / (std::string("sarif") + part[0])).string();
        args.insert(args.end(), {"--shard", part, "-o", file});
        REQUIRE(run(args).exit_code == 0);
        sarif_merge.push_back(file);
    }
    const auto merged_sarif = run(sarif_merge);
    REQUIRE(merged_sarif.exit_code == 0);
    CHECK(merged_sarif.out == whole_sarif.out);
    const Json log = Json::parse(whole_sarif.out);
    CHECK(log["runs"][0]["invocations"][0]["toolExecutionNotifications"].size() == 2);
}

TEST_CASE("config suppressions: CDK source without a cloud assembly matches by construct path") {
    TempDir dir;
    fs::create_directories(dir.path() / ".git");
    dir.write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    dir.write("app.py", R"(import aws_cdk as cdk
from aws_cdk import aws_s3 as s3
from constructs import Construct


class LogsStack(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        # Receives the access logs of every other bucket; it cannot log to itself.
        s3.Bucket(self, "AccessLogs")
        # Application data: nothing accepts its findings.
        s3.Bucket(self, "Data")


app = cdk.App()
LogsStack(app, "Logs")
app.synth()
)");
    dir.write(".bulwark.yaml", R"(suppressions:
  ignore:
    - rules: [aws-s3-bucket-access-logging]
      resources: ["Logs/Access*"]
      reason: the access-log bucket cannot log to itself
)");
    const std::string root = dir.path().string();
    const Json report = scan_json({root, "--root", root, "--only", "aws-s3-bucket-access-logging"});
    const Json logs = result_of(report, "aws-s3-bucket-access-logging", "Logs/AccessLogs");
    CHECK(logs["resource"]["format"] == "cdk-python");
    CHECK(logs["status"] == "suppressed");
    CHECK(logs["suppression"]["line"] == 3);
    CHECK(result_of(report, "aws-s3-bucket-access-logging", "Logs/Data")["status"] == "failed");
    CHECK(report["diagnostics"].empty());
}

TEST_CASE(
    "rules list and show: the catalog as the configuration makes it, --no-config as shipped") {
    TempDir dir;
    dir.write("policies/aws-s3-bucket-named.yaml",
              "id: aws-s3-bucket-named\ntitle: Buckets have a name\nseverity: low\n"
              "pack: data-protection\n"
              "description: Our naming policy.\nremediation: Set BucketName.\n"
              "resource: [AWS::S3::Bucket]\ncheck: {path: BucketName, exists: true}\n");
    const std::string config = dir.write(".bulwark.yaml", R"(rules:
  packs: [data-protection, resilience]
  skip: [aws-s3-bucket-replication]
  directories: [policies]
  severity: {aws-s3-bucket-versioning: critical}
  parameters:
    aws-redshift-cluster-snapshot-retention.min_retention_days: 21
)")
                                   .string();
    auto by_id = [](const std::string& out) {
        std::map<std::string, Json> rules;
        for (const Json& rule : Json::parse(out))
            rules[rule["id"].get<std::string>()] = rule;
        return rules;
    };
    const auto effective = run({"rules", "list", "--format", "json", "--config", config});
    REQUIRE(effective.exit_code == 0);
    const auto rules = by_id(effective.out);
    CHECK(rules.at("aws-s3-bucket-versioning")["severity"] == "critical");
    CHECK(rules.contains("aws-s3-bucket-named"));              // the file's rule folder
    CHECK_FALSE(rules.contains("aws-s3-bucket-replication"));  // skipped
    for (const auto& entry : rules) {  // no structured binding: clang 14 cannot capture one
        const auto& rule = entry.second;
        CHECK_MESSAGE((rule["pack"] == "data-protection" || rule["pack"] == "resilience"),
                      entry.first);
    }

    const auto shipped =
        run({"rules", "list", "--format", "json", "--config", config, "--no-config"});
    REQUIRE(shipped.exit_code == 0);
    const auto all = by_id(shipped.out);
    CHECK(all.size() > rules.size());
    CHECK(all.at("aws-s3-bucket-versioning")["severity"] != "critical");
    CHECK_FALSE(all.contains("aws-s3-bucket-named"));
    CHECK(all.contains("aws-s3-bucket-replication"));

    const auto text = run({"rules", "list", "--config", config});
    CHECK(text.out.find("aws-s3-bucket-named") != std::string::npos);
    CHECK(text.out.find(std::to_string(rules.size()) + " rules\n") != std::string::npos);

    const auto shown =
        run({"rules", "show", "aws-redshift-cluster-snapshot-retention", "--config", config});
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.out.find("min_retention_days (integer) = 21") != std::string::npos);
    CHECK(shown.out.find("Not run here") == std::string::npos);
    const auto other_pack =
        run({"rules", "show", "aws-iam-role-permissions-boundary", "--config", config});
    CHECK(other_pack.out.find("Not run here: " + config) != std::string::npos);
    const auto kept = run({"rules", "show", "aws-s3-bucket-versioning", "--config", config});
    CHECK(kept.out.find("(critical") != std::string::npos);
    CHECK(kept.out.find("Not run here") == std::string::npos);

    // A mistake in the file is reported as for a scan.
    const std::string broken = dir.write("broken.yaml", "rules:\n  skip: [aws-no-such-rule]\n");
    const auto refused = run({"rules", "list", "--config", broken});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("broken.yaml:2:10: rules.skip names an unknown rule") !=
          std::string::npos);
}
