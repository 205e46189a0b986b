// The configuration file end to end: found upward from the scanned paths or given with --config,
// the command line winning over it, every setting changing what a scan reports or how it exits,
// mistakes stopping the scan with file:line, and `bulwark config --dump`. Also the gate flags
// --fail-on-undecided and --soft-fail.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/helpers.h"

using bulwark::test::run;
using bulwark::test::TempDir;
using Json = nlohmann::json;

namespace {

const std::string kVersioning = "aws-s3-bucket-versioning";

// A bucket without versioning: aws-s3-bucket-versioning (medium) fails on it.
const std::string kPlainBucket = R"(resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
)";

// Versioning decided by a variable without a default: undecided until someone gives it.
const std::string kVariableBucket = R"(variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = var.versioning_status
  }
}
)";

// A repository (with its .git folder) holding `files`.
void make_repository(const TempDir& dir, const std::map<std::string, std::string>& files) {
    std::filesystem::create_directories(dir.path() / ".git");
    for (const auto& [path, content] : files)
        dir.write(path, content);
}

struct Scan {
    int exit_code = 0;
    Json report;
    std::string err;
};

Scan scan(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"scan"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back("--format");  // last: it takes every value that follows
    args.push_back("json");
    auto result = run(args);
    Scan out{result.exit_code, Json(), result.err};
    if (result.exit_code != 2) {
        REQUIRE_MESSAGE(!result.out.empty(), result.err);
        out.report = Json::parse(result.out);
    }
    return out;
}

std::set<std::string> rules_run(const Json& report) {
    std::set<std::string> ids;
    for (const Json& finding : report["results"])
        ids.insert(finding["rule_id"].get<std::string>());
    return ids;
}

const Json* result_for(const Json& report, const std::string& address, const std::string& rule) {
    for (const Json& finding : report["results"]) {
        if (finding["resource"]["address"] == address && finding["rule_id"] == rule)
            return &finding;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("config e2e: .bulwark.yaml is found above the scanned folder") {
    TempDir dir;
    make_repository(dir, {{".bulwark.yaml",
                           "rules:\n  only: [aws-s3-bucket-versioning]\n"
                           "gate:\n  fail-on: medium\n"},
                          {"infra/storage/main.tf", kPlainBucket}});
    const std::string folder = (dir.path() / "infra/storage").string();
    const Scan found = scan({folder, "--root", dir.path().string()});
    CHECK(found.exit_code == 1);  // fail-on: medium from the file
    CHECK(rules_run(found.report) == std::set<std::string>{kVersioning});
    REQUIRE(result_for(found.report, "aws_s3_bucket.logs", kVersioning) != nullptr);

    // --no-config ignores it: every rule runs, and the default threshold (high) lets it pass.
    const Scan ignored = scan({folder, "--root", dir.path().string(), "--no-config"});
    CHECK(ignored.exit_code == 0);
    CHECK(rules_run(ignored.report).size() > 1);
}

TEST_CASE("config e2e: a file above the repository top does not apply") {
    TempDir dir;
    dir.write(".bulwark.yaml", "gate:\n  fail-on: low\n");
    std::filesystem::create_directories(dir.path() / "repo/.git");
    dir.write("repo/main.tf", kPlainBucket);
    const Scan result = scan({(dir.path() / "repo").string(), "--only", kVersioning});
    CHECK(result.exit_code == 0);  // fail-on high (the default), not low
}

TEST_CASE("config e2e: --config names the file; a missing one is an error") {
    TempDir dir;
    make_repository(dir, {{"main.tf", kPlainBucket},
                          {"ci/strict.yaml", "gate:\n  fail-on: medium\n"},
                          {".bulwark.yaml", "gate:\n  fail-on: none\n"}});
    const std::string project = dir.path().string();
    CHECK(scan({project, "--only", kVersioning}).exit_code == 0);  // the found file: none
    CHECK(
        scan({project, "--only", kVersioning, "--config", (dir.path() / "ci/strict.yaml").string()})
            .exit_code == 1);
    const Scan missing = scan({project, "--config", (dir.path() / "nope.yaml").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("--config " + (dir.path() / "nope.yaml").string() + ": no such file") !=
          std::string::npos);
}

TEST_CASE("config e2e: command-line flags win over the file") {
    TempDir dir;
    make_repository(dir, {{"main.tf", kPlainBucket + kVariableBucket},
                          {".bulwark.yaml",
                           "rules:\n  only: [aws-s3-bucket-versioning]\n"
                           "gate:\n  fail-on: medium\n  strict: true\n"}});
    const std::string project = dir.path().string();
    CHECK(scan({project}).exit_code == 1);
    // --fail-on replaces the file's threshold; --no-strict its strict (the variable leaves a
    // check undecided).
    CHECK(scan({project, "--fail-on", "critical"}).exit_code == 1);  // still strict
    CHECK(scan({project, "--fail-on", "critical", "--no-strict"}).exit_code == 0);
    // --only replaces the file's rule selection.
    const Scan other = scan({project, "--only", "aws-s3-bucket-access-logging"});
    CHECK(rules_run(other.report) == std::set<std::string>{"aws-s3-bucket-access-logging"});
}

TEST_CASE("config e2e: a severity override changes the exit code") {
    TempDir dir;
    make_repository(dir, {{"main.tf", kPlainBucket}});
    const std::string project = dir.path().string();
    const Scan before = scan({project, "--only", kVersioning});
    CHECK(before.exit_code == 0);  // medium, under the default threshold (high)
    dir.write(".bulwark.yaml", "rules:\n  severity:\n    aws-s3-bucket-versioning: high\n");
    const Scan after = scan({project, "--only", kVersioning});
    CHECK(after.exit_code == 1);
    const Json* finding = result_for(after.report, "aws_s3_bucket.logs", kVersioning);
    REQUIRE(finding != nullptr);
    CHECK((*finding)["severity"] == "high");
}

TEST_CASE("config e2e: packs and frameworks select rules") {
    TempDir dir;
    make_repository(dir, {{"main.tf", kPlainBucket}});
    const std::string project = dir.path().string();
    dir.write(".bulwark.yaml", "rules:\n  packs: [identity]\n");
    const Scan identity = scan({project});
    CHECK(rules_run(identity.report).count(kVersioning) == 0);
    dir.write(".bulwark.yaml", "rules:\n  packs: [resilience]\n");
    CHECK(rules_run(scan({project}).report).count(kVersioning) == 1);
    // Versioning maps to SOC 2, GDPR and HIPAA controls, not to the CIS benchmark.
    dir.write(".bulwark.yaml", "rules:\n  frameworks: [cis-aws-3.0]\n");
    CHECK(rules_run(scan({project}).report).count(kVersioning) == 0);
    dir.write(".bulwark.yaml", "rules:\n  frameworks: [soc2]\n");
    CHECK(rules_run(scan({project}).report).count(kVersioning) == 1);
}

TEST_CASE("config e2e: include and exclude paths are relative to the file") {
    TempDir dir;
    make_repository(dir, {{"infra/live/main.tf", kPlainBucket},
                          {"infra/legacy/main.tf", kPlainBucket},
                          {".bulwark.yaml", "paths:\n  exclude: [infra/legacy]\n"}});
    // Scanned from the sub-folder: the file's glob is rebased onto that root.
    const Scan result = scan({(dir.path() / "infra").string(), "--only", kVersioning});
    std::set<std::string> files;
    for (const Json& finding : result.report["results"])
        files.insert(finding["location"]["file"].get<std::string>());
    CHECK(files == std::set<std::string>{"live/main.tf"});
}

TEST_CASE("config e2e: Terraform variables per directory change a finding") {
    TempDir dir;
    make_repository(dir, {{"envs/prod/main.tf", kVariableBucket},
                          {"envs/dev/main.tf", kVariableBucket},
                          {"envs/dev/dev.tfvars", "versioning_status = \"Suspended\"\n"},
                          {".bulwark.yaml", R"(terraform:
  vars:
    versioning_status: Suspended
  directories:
    envs/prod:
      vars:
        versioning_status: Enabled
    envs/dev:
      var-files: [envs/dev/dev.tfvars]
)"}});
    const std::string project = dir.path().string();
    const Scan findings = scan({project, "--only", kVersioning, "--fail-on", "none"});
    const Json* dev = nullptr;
    int failed = 0;
    for (const Json& finding : findings.report["results"]) {
        ++failed;
        if (finding["location"]["file"] == "envs/dev/main.tf") dev = &finding;
    }
    CHECK(failed == 1);  // prod is Enabled by its folder's vars, dev Suspended by its var-file
    REQUIRE(dev != nullptr);
    CHECK((*dev)["status"] == "failed");
    CHECK(findings.report["summary"]["undecided"] == 0);
    CHECK(findings.report["summary"]["passed"] == 1);

    // --var wins over the file, in every folder.
    const Scan overridden =
        scan({project, "--only", kVersioning, "--var", "versioning_status=Enabled"});
    CHECK(overridden.report["summary"]["failed"] == 0);
    CHECK(overridden.report["summary"]["passed"] == 2);
}

TEST_CASE("config e2e: CloudFormation parameters per directory change a finding") {
    const std::string kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  VersioningStatus:
    Type: String
Resources:
  Data:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref VersioningStatus
)";
    TempDir dir;
    make_repository(dir,
                    {{"stacks/prod/template.yaml", kTemplate},
                     {"stacks/dev/template.yaml", kTemplate},
                     {"stacks/dev/params.json",
                      R"([{"ParameterKey": "VersioningStatus", "ParameterValue": "Suspended"}])"},
                     {".bulwark.yaml", R"(cloudformation:
  directories:
    stacks/prod:
      parameters: {VersioningStatus: Enabled}
    stacks/dev:
      parameter-files: [stacks/dev/params.json]
)"}});
    const Scan result = scan({dir.path().string(), "--only", kVersioning});
    CHECK(result.report["summary"]["passed"] == 1);
    CHECK(result.report["summary"]["failed"] == 1);
    CHECK(result.report["summary"]["undecided"] == 0);
    REQUIRE(result.report["results"].size() == 1);
    CHECK(result.report["results"][0]["location"]["file"] == "stacks/dev/template.yaml");
}

TEST_CASE("config e2e: required suppression fields make an incomplete suppression invalid") {
    TempDir dir;
    make_repository(dir,
                    {{"main.tf", "# bulwark:ignore aws-s3-bucket-versioning\n" + kPlainBucket}});
    const std::string project = dir.path().string();
    const Scan lenient = scan({project, "--only", kVersioning});
    CHECK(lenient.report["summary"]["suppressed"] == 1);

    dir.write(".bulwark.yaml", "suppressions:\n  require: [reason]\n");
    const Scan strict = scan({project, "--only", kVersioning});
    CHECK(strict.report["summary"]["suppressed"] == 0);
    CHECK(strict.report["summary"]["failed"] == 1);
    bool reported = false;
    for (const Json& d : strict.report["diagnostics"]) {
        if (d["code"] == "invalid-suppression" && d["line"] == 1 &&
            d["message"].get<std::string>().find("has no reason") != std::string::npos)
            reported = true;
    }
    CHECK(reported);

    // A reason satisfies it; a missing owner does not when owners are required too.
    dir.write("main.tf",
              "# bulwark:ignore aws-s3-bucket-versioning reason=\"scratch data\"\n" + kPlainBucket);
    CHECK(scan({project, "--only", kVersioning}).report["summary"]["suppressed"] == 1);
    dir.write(".bulwark.yaml", "suppressions:\n  require: [reason, owner]\n");
    CHECK(scan({project, "--only", kVersioning}).report["summary"]["suppressed"] == 0);

    // The requirement holds for the peers' syntaxes too, or they would be a way around it.
    dir.write("main.tf", R"(resource "aws_s3_bucket" "logs" {
  #checkov:skip=CKV_AWS_21:Rebuilt from the pipeline
  bucket = "logs"
}
)");
    const Scan peer = scan({project, "--only", kVersioning});
    CHECK(peer.report["summary"]["suppressed"] == 0);
    REQUIRE(peer.report["diagnostics"].size() == 1);
    CHECK(peer.report["diagnostics"][0]["message"].get<std::string>().starts_with(
        "checkov suppression has no owner, which the configuration requires"));
    dir.write(".bulwark.yaml", "suppressions:\n  require: [reason]\n");
    CHECK(scan({project, "--only", kVersioning}).report["summary"]["suppressed"] == 1);
}

TEST_CASE("config e2e: mistakes in the file stop the scan with file:line:column") {
    TempDir dir;
    make_repository(dir, {{"main.tf", kPlainBucket}});
    const std::string file = (dir.path() / ".bulwark.yaml").string();
    dir.write(".bulwark.yaml",
              "rules:\n  only: [aws-s3-bucket-versioning]\ngates:\n  strict: true\n");
    const Scan unknown_key = scan({dir.path().string()});
    CHECK(unknown_key.exit_code == 2);
    CHECK(unknown_key.err.find("error: " + file + ":3:1: unknown key 'gates'") !=
          std::string::npos);
    CHECK(unknown_key.err.find("nothing was scanned") != std::string::npos);

    dir.write(".bulwark.yaml", "rules:\n  skip: [aws-s3-bucket-versioning, aws-s3-typo]\n");
    const Scan unknown_rule = scan({dir.path().string()});
    CHECK(unknown_rule.exit_code == 2);
    CHECK(unknown_rule.err.find(file + ":2:36: rules.skip names an unknown rule 'aws-s3-typo'") !=
          std::string::npos);

    dir.write(".bulwark.yaml", "rules:\n  parameters:\n    aws-s3-bucket-versioning.days: 3\n");
    const Scan unknown_parameter = scan({dir.path().string()});
    CHECK(unknown_parameter.exit_code == 2);
    CHECK(unknown_parameter.err.find(
              file + ":3:5: rule aws-s3-bucket-versioning has no parameter") != std::string::npos);
}

TEST_CASE("config e2e: rule parameters from the file") {
    TempDir dir;
    make_repository(dir, {{"main.tf", R"(resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier                  = "warehouse"
  node_type                           = "ra3.xlplus"
  automated_snapshot_retention_period = 10
}
)"}});
    const std::string project = dir.path().string();
    const std::string rule = "aws-redshift-cluster-snapshot-retention";
    CHECK(scan({project, "--only", rule}).report["summary"]["failed"] == 0);  // 10 >= 7
    dir.write(".bulwark.yaml",
              "rules:\n  parameters:\n    " + rule + ":\n      min_retention_days: 14\n");
    CHECK(scan({project, "--only", rule}).report["summary"]["failed"] == 1);
    // --rule-param wins over the file.
    CHECK(scan({project, "--only", rule, "--rule-param", rule + ".min_retention_days=10"})
              .report["summary"]["failed"] == 0);
}

TEST_CASE("config e2e: bulwark config --dump prints the effective configuration") {
    TempDir dir;
    make_repository(dir, {{"envs/prod/main.tf", kVariableBucket}, {".bulwark.yaml", R"(rules:
  skip: [aws-s3-bucket-access-logging]
  parameters:
    aws-redshift-cluster-snapshot-retention.min_retention_days: 14
gate:
  fail-on: medium
terraform:
  directories:
    envs/prod: {vars: {versioning_status: Enabled}}
)"}});
    auto yaml = run({"config", "--dump", (dir.path() / "envs/prod").string()});
    REQUIRE_MESSAGE(yaml.exit_code == 0, yaml.err);
    CHECK(yaml.out.find("# Effective configuration: " + (dir.path() / ".bulwark.yaml").string()) ==
          0);
    CHECK(yaml.out.find(
              "\ngate:\n  fail-on: medium\n  fail-on-undecided: false\n  strict: false\n") !=
          std::string::npos);
    CHECK(yaml.out.find("  skip: [aws-s3-bucket-access-logging]\n") != std::string::npos);
    CHECK(yaml.out.find("    envs/prod:\n      vars:\n        versioning_status: Enabled\n") !=
          std::string::npos);
    // Every rule parameter, with its effective value.
    CHECK(yaml.out.find(
              "    aws-redshift-cluster-snapshot-retention:\n      min_retention_days: 14\n") !=
          std::string::npos);

    auto json = run({"config", "--dump", "--format", "json", dir.path().string()});
    REQUIRE(json.exit_code == 0);
    const Json effective = Json::parse(json.out);
    CHECK(effective["gate"]["fail-on"] == "medium");
    CHECK(effective["rules"]["packs"].size() == 6);
    CHECK(effective["rules"]["parameters"]["aws-redshift-cluster-snapshot-retention"]
                   ["min_retention_days"] == 14);

    // The dump is itself a configuration that gives the same dump.
    dir.write("copy.yaml", yaml.out);
    auto again = run({"config", "--dump", "--config", (dir.path() / "copy.yaml").string(),
                      (dir.path() / "envs/prod").string()});
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.out.substr(again.out.find('\n')) == yaml.out.substr(yaml.out.find('\n')));

    // Without a file: the defaults. A broken file: exit 2, as a scan would.
    TempDir bare;
    std::filesystem::create_directories(bare.path() / ".git");
    auto defaults = run({"config", "--dump", bare.path().string()});
    CHECK(defaults.out.find("# No .bulwark.yaml applies") == 0);
    CHECK(defaults.out.find("  fail-on: high\n") != std::string::npos);
    dir.write(".bulwark.yaml", "gate: {fail-on: severe}\n");
    auto broken = run({"config", "--dump", dir.path().string()});
    CHECK(broken.exit_code == 2);
    CHECK(broken.err.find(".bulwark.yaml:1:17: gate.fail-on must be one of") != std::string::npos);
    CHECK(run({"config", dir.path().string()}).exit_code == 2);
}

TEST_CASE("gate e2e: --fail-on-undecided and --soft-fail") {
    TempDir dir;
    make_repository(dir, {{"main.tf", kVariableBucket}});
    const std::string project = dir.path().string();
    CHECK(scan({project, "--only", kVersioning}).exit_code == 0);
    const Scan undecided = scan({project, "--only", kVersioning, "--fail-on-undecided"});
    CHECK(undecided.exit_code == 1);
    CHECK(undecided.report["summary"]["undecided"] == 1);
    dir.write(".bulwark.yaml", "gate:\n  fail-on-undecided: true\n");
    CHECK(scan({project, "--only", kVersioning}).exit_code == 1);
    CHECK(scan({project, "--only", kVersioning, "--no-fail-on-undecided"}).exit_code == 0);

    // --soft-fail: exit 0 whatever the gate would say, and say so on standard error.
    const Scan soft = scan({project, "--only", kVersioning, "--strict", "--soft-fail"});
    CHECK(soft.exit_code == 0);
    CHECK(soft.err.find("--soft-fail: exiting 0 despite 1 undecided check(s)") !=
          std::string::npos);
    // Usage errors still exit 2.
    CHECK(scan({project, "--soft-fail", "--only", "aws-no-such-rule"}).exit_code == 2);
    CHECK(scan({project, "--soft-fail", "--fail-on", "severe"}).exit_code == 2);
}
