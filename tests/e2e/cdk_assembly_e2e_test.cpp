// The synthesized fixture app (fixtures/cdk/equivalence/app.ts -> cdk.out) scanned with the
// foundation rules: exactly the findings its construct design calls for, plus those CDK's own
// defaults add. That the other forms of the app agree is format_equivalence_test.cpp's job.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "parsers/cdk/assembly/assembly_frontend.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
#include "pipeline/scan.h"
#include "rules/rule_catalog.h"
#include "support/helpers.h"

using namespace bulwark;
namespace fs = std::filesystem;

namespace {

// The foundation rules of rules/aws/ (rules added later must not change this test's meaning).
const std::set<std::string> kFoundationRules = {
    "aws-cloudtrail-log-file-validation",
    "aws-dynamodb-table-point-in-time-recovery",
    "aws-ec2-security-group-no-public-admin-ports",
    "aws-kms-key-rotation",
    "aws-rds-instance-not-public",
    "aws-rds-storage-encrypted",
    "aws-s3-bucket-encryption-kms",
    "aws-s3-bucket-public-access-block",
    "aws-s3-bucket-tls-only-policy",
    "aws-s3-bucket-versioning",
};

using Found = std::set<std::pair<std::string, std::string>>;  // rule, address

struct Scanned {
    ScanResult result;
    Found found;
};

Scanned scan_with_foundation_rules(const fs::path& path) {
    static const RuleCatalog catalog = [] {
        auto loaded = RuleCatalog::load({});
        REQUIRE(std::holds_alternative<RuleCatalog>(loaded));
        return std::get<RuleCatalog>(std::move(loaded));
    }();
    ScanOptions options;
    options.discovery.paths = {path};
    options.discovery.root = test::source_dir();
    options.threads = 2;
    for (const Rule& rule : catalog.rules()) {
        if (kFoundationRules.contains(rule.id)) options.rules.push_back(&rule);
    }
    REQUIRE(options.rules.size() == kFoundationRules.size());
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cdk::CdkAssemblyFrontend>());
    frontends.push_back(std::make_unique<cloudformation::CloudFormationFrontend>());
    Scanned scanned{scan(options, frontends), {}};
    for (const Finding& finding : scanned.result.findings) {
        scanned.found.emplace(finding.rule_id,
                              scanned.result.graph.resource(finding.resource).address);
    }
    return scanned;
}

std::string show(const Found& found) {
    std::string out;
    for (const auto& [rule, address] : found)
        out += "\n  " + rule + " " + address;
    return out;
}

}  // namespace

TEST_CASE("cdk e2e: the synthesized equivalence app gives exactly the designed findings") {
    const Scanned scanned =
        scan_with_foundation_rules(test::source_dir() / "fixtures/cdk/equivalence/cdk.out");
    CHECK(scanned.result.diagnostics.empty());
    const Found expected = {
        // One violating construct per rule, as designed in app.ts.
        {"aws-kms-key-rotation", "EquivalenceStack/PlainKey"},
        {"aws-s3-bucket-encryption-kms", "EquivalenceStack/PlainBucket"},
        {"aws-s3-bucket-versioning", "EquivalenceStack/PlainBucket"},
        {"aws-s3-bucket-tls-only-policy", "EquivalenceStack/PlainBucket"},
        {"aws-dynamodb-table-point-in-time-recovery", "EquivalenceStack/SessionsTable"},
        {"aws-ec2-security-group-no-public-admin-ports", "EquivalenceStack/AdminSg"},
        {"aws-rds-storage-encrypted", "EquivalenceStack/PublicDb"},
        {"aws-rds-instance-not-public", "EquivalenceStack/PublicDb"},
        {"aws-cloudtrail-log-file-validation", "EquivalenceStack/LooseTrail"},
        // Not in the design but real: cloudtrail.Trail creates its own log bucket, which CDK
        // synthesizes without BucketEncryption or VersioningConfiguration (S3-managed keys, no
        // versioning), so both trails' buckets fail the KMS and versioning rules. Their bucket
        // policies do deny plain HTTP, so the TLS rule passes on them.
        {"aws-s3-bucket-encryption-kms", "EquivalenceStack/AuditTrail/S3"},
        {"aws-s3-bucket-versioning", "EquivalenceStack/AuditTrail/S3"},
        {"aws-s3-bucket-encryption-kms", "EquivalenceStack/LooseTrail/S3"},
        {"aws-s3-bucket-versioning", "EquivalenceStack/LooseTrail/S3"},
        // aws-s3-bucket-public-access-block fails nowhere: the design has no violating bucket
        // (PlainBucket has no PublicAccessBlockConfiguration, which the rule accepts).
    };
    CHECK_MESSAGE(scanned.found == expected, "found:" << show(scanned.found));
    CHECK(scanned.result.counts.undecided == 0);
    CHECK(scanned.result.counts.passed == 17);

    // Findings point at the template line, and name the app.ts line that creates the construct.
    for (const Finding& finding : scanned.result.findings) {
        const Resource& resource = scanned.result.graph.resource(finding.resource);
        CAPTURE(resource.address);
        CHECK(scanned.result.path_of(finding.range.file) ==
              "fixtures/cdk/equivalence/cdk.out/EquivalenceStack.template.json");
        CHECK(resource.format == SourceFormat::CdkAssembly);
        REQUIRE(resource.construct_source.valid());
        CHECK(scanned.result.path_of(resource.construct_source.file) ==
              "fixtures/cdk/equivalence/app.ts");
    }
    std::map<std::string, std::uint32_t> source_lines;
    for (const Resource& resource : scanned.result.graph.resources()) {
        if (resource.construct_source.valid()) {
            source_lines[resource.address] = resource.construct_source.begin.line;
        }
    }
    // app.ts: `new kms.Key(this, 'PlainKey', ...)` on line 19, the public database on line 60.
    CHECK(source_lines["EquivalenceStack/PlainKey"] == 19);
    CHECK(source_lines["EquivalenceStack/PublicDb"] == 60);
    CHECK(source_lines["EquivalenceStack/SecureBucket/Policy"] == 22);  // the bucket's line
}

TEST_CASE("cdk e2e: the JSON report names the construct and its source line") {
    auto run = test::run({"scan", (test::source_dir() / "fixtures/cdk/stages").string(), "--root",
                          (test::source_dir() / "fixtures/cdk/stages").string(), "--format", "json",
                          "--only", "aws-dynamodb-table-point-in-time-recovery"});
    INFO(run.err);
    const nlohmann::json report = nlohmann::json::parse(run.out);
    REQUIRE(report["results"].size() == 1);
    const nlohmann::json& result = report["results"][0];
    CHECK(result["resource"]["address"] == "Prod/Data/Storage/Ledger");
    CHECK(result["resource"]["format"] == "cdk-assembly");
    CHECK(result["resource"]["construct"]["path"] == "Prod/Data/Storage/Ledger/Resource");
    CHECK(result["resource"]["construct"]["file"] == "app.ts");
    CHECK(result["resource"]["construct"]["line"] == 15);
    CHECK(result["location"]["file"] ==
          "cdk.out/assembly-Prod/ProdDataStorage36078EAF.nested.template.json");
    CHECK(report["diagnostics"].empty());
}
