// Suppressions end to end: Bulwark's own comments and Metadata, the peers' syntaxes through
// crossrefs, module-wide scope, and the diagnostics that keep the list of exceptions true.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/helpers.h"

using bulwark::test::run;
using bulwark::test::TempDir;
using Json = nlohmann::json;

namespace {

struct Outcome {
    std::map<std::string, Json> by_address;  // versioning results by resource address
    Json diagnostics;
    Json summary;
};

Outcome scan(const TempDir& dir, const std::vector<std::string>& rules) {
    std::vector<std::string> args = {
        "scan", dir.path().string(), "--root", dir.path().string(), "--format",
        "json", "--fail-on",         "none"};
    for (const std::string& rule : rules) {
        args.push_back("--only");
        args.push_back(rule);
    }
    auto result = run(args);
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const Json report = Json::parse(result.out);
    Outcome outcome;
    for (const Json& finding : report["results"])
        outcome.by_address[finding["resource"]["address"].get<std::string>() + " " +
                           finding["rule_id"].get<std::string>()] = finding;
    outcome.diagnostics = report["diagnostics"];
    outcome.summary = report["summary"];
    return outcome;
}

bool has_diagnostic(const Json& diagnostics, const std::string& code, unsigned line,
                    const std::string& words) {
    for (const Json& d : diagnostics) {
        if (d["code"] == code && d["line"] == line &&
            d["message"].get<std::string>().find(words) != std::string::npos)
            return true;
    }
    return false;
}

const std::string kVersioning = "aws-s3-bucket-versioning";

}  // namespace

TEST_CASE("suppressions: Terraform comments, peers' syntaxes and module scope") {
    TempDir dir;
    dir.write(
        "main.tf",
        R"(# bulwark:ignore aws-s3-bucket-versioning reason="rebuilt nightly" expires=2099-12-31 owner=data-team
resource "aws_s3_bucket" "scratch" {
  bucket = "scratch"
}

resource "aws_s3_bucket" "archive" {
  #checkov:skip=CKV_AWS_21:Objects are written once by the archiver
  bucket = "archive"
}

#tfsec:ignore:aws-s3-enable-versioning
resource "aws_s3_bucket" "cache" {
  bucket = "cache"
}

# trivy:ignore:AVD-AWS-0090:exp:2001-01-01
resource "aws_s3_bucket" "expired" {
  bucket = "expired"
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}

# bulwark:ignore aws-no-such-rule reason="typo"
resource "aws_s3_bucket" "typo" {
  bucket = "typo"
}

# bulwark:ignore aws-s3-bucket-versioning reason="was true once"
resource "aws_s3_bucket" "versioned" {
  bucket = "versioned"
}

resource "aws_s3_bucket_versioning" "versioned" {
  bucket = aws_s3_bucket.versioned.id
  versioning_configuration {
    status = "Enabled"
  }
}

# bulwark:ignore aws-s3-bucket-versioning reason="the sandbox module is throwaway"
module "sandbox" {
  source = "./sandbox"
}
)");
    dir.write("sandbox/main.tf", "resource \"aws_s3_bucket\" \"tmp\" {\n  bucket = \"tmp\"\n}\n");
    const Outcome outcome = scan(dir, {kVersioning});

    const Json& scratch = outcome.by_address.at("aws_s3_bucket.scratch " + kVersioning);
    CHECK(scratch["status"] == "suppressed");
    CHECK(scratch["suppression"]["source"] == "bulwark");
    CHECK(scratch["suppression"]["reason"] == "rebuilt nightly");
    CHECK(scratch["suppression"]["owner"] == "data-team");
    CHECK(scratch["suppression"]["expires"] == "2099-12-31");

    const Json& archive = outcome.by_address.at("aws_s3_bucket.archive " + kVersioning);
    CHECK(archive["status"] == "suppressed");
    CHECK(archive["suppression"]["source"] == "checkov");
    CHECK(archive["suppression"]["reason"] == "Objects are written once by the archiver");

    CHECK(outcome.by_address.at("aws_s3_bucket.cache " + kVersioning)["suppression"]["source"] ==
          "tfsec");
    CHECK(outcome.by_address.at("module.sandbox.aws_s3_bucket.tmp " + kVersioning)["status"] ==
          "suppressed");

    // Expired, unknown and stale suppressions: the finding is reported, and so is the problem.
    CHECK(outcome.by_address.at("aws_s3_bucket.expired " + kVersioning)["status"] == "failed");
    CHECK(has_diagnostic(outcome.diagnostics, "stale-suppression", 16, "expired on 2001-01-01"));
    CHECK(outcome.by_address.at("aws_s3_bucket.plain " + kVersioning)["status"] == "failed");
    CHECK(outcome.by_address.at("aws_s3_bucket.typo " + kVersioning)["status"] == "failed");
    CHECK(has_diagnostic(outcome.diagnostics, "invalid-suppression", 25,
                         "unknown rule 'aws-no-such-rule'"));
    CHECK(has_diagnostic(outcome.diagnostics, "stale-suppression", 30, "matches no finding"));
    CHECK(outcome.summary["failed"] == 3);
    CHECK(outcome.summary["suppressed"] == 4);
}

TEST_CASE("suppressions: a suppressed finding does not fail the gate") {
    TempDir dir;
    dir.write("main.tf",
              "# bulwark:ignore aws-s3-bucket-versioning reason=\"accepted\"\n"
              "resource \"aws_s3_bucket\" \"a\" {\n  bucket = \"a\"\n}\n");
    auto gated = run({"scan", dir.path().string(), "--only", kVersioning, "--fail-on", "low"});
    CHECK(gated.exit_code == 0);
    CHECK(gated.out.find("suppressed") != std::string::npos);
}

TEST_CASE("suppressions: CloudFormation Metadata and comments, cfn_nag and cdk_nag") {
    TempDir dir;
    dir.write("template.yaml", R"(Resources:
  Scratch:
    Type: AWS::S3::Bucket
    Metadata:
      bulwark:
        ignore:
          - id: aws-s3-bucket-versioning
            reason: Rebuilt from the pipeline every night
            expires: "2099-01-01"
  Replica:
    Type: AWS::S3::Bucket
    Metadata:
      cdk_nag:
        rules_to_suppress:
          - id: NIST.800.53.R5-S3BucketVersioningEnabled
            reason: Replicas are versioned at the source
  # bulwark:ignore aws-s3-bucket-versioning reason="vendor drop zone"
  Dropzone:
    Type: AWS::S3::Bucket
  Keys:
    Type: AWS::KMS::Key
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_7
            comment: Rotation handled by the HSM team
    Properties:
      KeyPolicy: {}
  Plain:
    Type: AWS::S3::Bucket
)");
    const Outcome outcome = scan(dir, {kVersioning, "aws-kms-key-rotation"});
    CHECK(outcome.by_address.at("Scratch " + kVersioning)["suppression"]["reason"] ==
          "Rebuilt from the pipeline every night");
    CHECK(outcome.by_address.at("Replica " + kVersioning)["suppression"]["source"] == "cdk_nag");
    CHECK(outcome.by_address.at("Dropzone " + kVersioning)["suppression"]["source"] == "bulwark");
    CHECK(outcome.by_address.at("Keys aws-kms-key-rotation")["suppression"]["source"] == "checkov");
    CHECK(outcome.by_address.at("Plain " + kVersioning)["status"] == "failed");
}
