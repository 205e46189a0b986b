// The equivalence app (fixtures/cdk/equivalence/) read as CDK source: in Python and in TypeScript
// the ten foundation rules pass and fail on exactly the constructs the app is built to show (the
// same results the synthesized template gives).
#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>

#include "parsers/cdk/source/cdk_source_frontend.h"
#include "pipeline/scan.h"
#include "rules/rule_catalog.h"
#include "support/helpers.h"

using namespace bulwark;
namespace fs = std::filesystem;

namespace {

using Result = std::pair<std::string, std::string>;  // rule, resource address

constexpr const char* kFoundationRules[] = {
    "aws-s3-bucket-encryption-kms",
    "aws-s3-bucket-public-access-block",
    "aws-s3-bucket-versioning",
    "aws-s3-bucket-tls-only-policy",
    "aws-kms-key-rotation",
    "aws-dynamodb-table-point-in-time-recovery",
    "aws-rds-storage-encrypted",
    "aws-rds-instance-not-public",
    "aws-ec2-security-group-no-public-admin-ports",
    "aws-cloudtrail-log-file-validation",
};

ScanResult scan_app(const std::string& file, const RuleCatalog& catalog) {
    ScanOptions options;
    const fs::path path = test::source_dir() / "fixtures" / "cdk" / "equivalence" / file;
    options.discovery.paths = {path};
    options.discovery.root = path.parent_path();
    options.threads = 1;
    for (const char* id : kFoundationRules) {
        const Rule* rule = catalog.find(id);
        REQUIRE_MESSAGE(rule != nullptr, id);
        options.rules.push_back(rule);
    }
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>(
        cdk::CdkSourceOptions{cdk::CdkSourceMode::Always}));
    return scan(options, frontends);
}

// Every failure the app is built to show; every other check of these rules passes.
const std::set<Result> kExpectedFailures = {
    {"aws-kms-key-rotation", "EquivalenceStack/PlainKey"},
    {"aws-s3-bucket-encryption-kms", "EquivalenceStack/PlainBucket"},
    {"aws-s3-bucket-versioning", "EquivalenceStack/PlainBucket"},
    {"aws-s3-bucket-tls-only-policy", "EquivalenceStack/PlainBucket"},
    {"aws-dynamodb-table-point-in-time-recovery", "EquivalenceStack/SessionsTable"},
    {"aws-ec2-security-group-no-public-admin-ports", "EquivalenceStack/AdminSg"},
    {"aws-rds-storage-encrypted", "EquivalenceStack/PublicDb"},
    {"aws-rds-instance-not-public", "EquivalenceStack/PublicDb"},
    {"aws-cloudtrail-log-file-validation", "EquivalenceStack/LooseTrail"},
    // The buckets CDK creates for trails have S3-managed encryption and no versioning.
    {"aws-s3-bucket-encryption-kms", "EquivalenceStack/AuditTrail/S3"},
    {"aws-s3-bucket-versioning", "EquivalenceStack/AuditTrail/S3"},
    {"aws-s3-bucket-encryption-kms", "EquivalenceStack/LooseTrail/S3"},
    {"aws-s3-bucket-versioning", "EquivalenceStack/LooseTrail/S3"},
};

}  // namespace

TEST_CASE(
    "cdk equivalence: Python and TypeScript sources give the foundation rules' expected results") {
    auto loaded = RuleCatalog::load({});
    REQUIRE(std::holds_alternative<RuleCatalog>(loaded));
    const RuleCatalog& catalog = std::get<RuleCatalog>(loaded);
    std::set<Result> by_language[2];
    int index = 0;
    for (const char* file : {"app.py", "app.ts"}) {
        CAPTURE(file);
        const ScanResult result = scan_app(file, catalog);
        CHECK(result.diagnostics.empty());
        std::set<Result> failures;
        for (const Finding& f : result.findings) {
            failures.emplace(f.rule_id, result.graph.resource(f.resource).address);
            CHECK(f.range.valid());
        }
        CHECK(failures == kExpectedFailures);
        // Every construct of the agreement is there with its CloudFormation type.
        const std::pair<const char*, const char*> constructs[] = {
            {"EquivalenceStack/SecureBucket", "AWS::S3::Bucket"},
            {"EquivalenceStack/SecureBucket/Policy", "AWS::S3::BucketPolicy"},
            {"EquivalenceStack/PlainBucket", "AWS::S3::Bucket"},
            {"EquivalenceStack/SecureKey", "AWS::KMS::Key"},
            {"EquivalenceStack/PlainKey", "AWS::KMS::Key"},
            {"EquivalenceStack/OrdersTable", "AWS::DynamoDB::Table"},
            {"EquivalenceStack/SessionsTable", "AWS::DynamoDB::Table"},
            {"EquivalenceStack/AppVpc", "AWS::EC2::VPC"},
            {"EquivalenceStack/AdminSg", "AWS::EC2::SecurityGroup"},
            {"EquivalenceStack/WebSg", "AWS::EC2::SecurityGroup"},
            {"EquivalenceStack/SecureDb", "AWS::RDS::DBInstance"},
            {"EquivalenceStack/PublicDb", "AWS::RDS::DBInstance"},
            {"EquivalenceStack/AuditTrail", "AWS::CloudTrail::Trail"},
            {"EquivalenceStack/LooseTrail", "AWS::CloudTrail::Trail"},
        };
        for (const auto& construct : constructs) {
            // Not a structured binding: doctest's macros capture in lambdas, which clang 14 refuses
            // for bindings.
            const char* address = construct.first;
            const Resource* resource = test::find_resource(result, address);
            REQUIRE_MESSAGE(resource != nullptr, address);
            CHECK(resource->type == construct.second);
        }
        // 30 decided checks: 13 failures above, everything else passes; nothing undecided.
        CHECK(result.counts.checks == 30);
        CHECK(result.counts.failed == kExpectedFailures.size());
        CHECK(result.counts.passed == 30 - kExpectedFailures.size());
        CHECK(result.counts.undecided == 0);
        by_language[index++] = std::move(failures);
    }
    CHECK(by_language[0] == by_language[1]);
}
