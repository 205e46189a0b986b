// SAM fixtures: the built-in rules run on the resources SAM generates, and every finding points at
// the SAM template line (`# expect: <rule> <address>` markers state each one).
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <tuple>

#include "parsers/cloudformation/cloudformation_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
namespace fs = std::filesystem;

namespace {

using Expectation = std::tuple<unsigned, std::string, std::string>;  // line, rule, address

std::set<Expectation> marked(const fs::path& file) {
    std::set<Expectation> expected;
    std::istringstream lines(test::read_text(file));
    std::string text;
    for (unsigned number = 1; std::getline(lines, text); ++number) {
        const std::size_t at = text.find("expect:");
        if (at == std::string::npos) continue;
        std::istringstream marker(text.substr(at + 7));
        std::string rule, address;
        if (marker >> rule >> address) expected.emplace(number, rule, address);
    }
    return expected;
}

// The SAM fixtures are written for the foundation rules (every rule has its own fixtures in
// fixtures/rules); the whole catalog would add findings these files do not mean to show.
constexpr std::string_view kFoundationRules[] = {
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

ScanResult scan_with_all_rules(const fs::path& file, std::vector<const Rule*>& rules) {
    static const RuleCatalog catalog = std::get<RuleCatalog>(RuleCatalog::load({}));
    for (std::string_view id : kFoundationRules) {
        const Rule* rule = catalog.find(id);
        REQUIRE(rule != nullptr);
        rules.push_back(rule);
    }
    ScanOptions options;
    options.discovery.paths = {file};
    options.discovery.root = file.parent_path();
    options.rules = rules;
    options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cloudformation::CloudFormationFrontend>());
    return scan(options, frontends);
}

}  // namespace

TEST_CASE("sam fixtures: findings on generated resources point at the SAM lines") {
    const fs::path root = test::source_dir() / "fixtures" / "sam";
    for (const char* kind : {"pass", "fail"}) {
        const fs::path file = root / kind / "template.yaml";
        CAPTURE(file.string());
        std::vector<const Rule*> rules;
        const ScanResult result = scan_with_all_rules(file, rules);
        CHECK(result.diagnostics.empty());
        std::set<Expectation> actual;
        for (const Finding& f : result.findings) {
            actual.emplace(f.range.begin.line, f.rule_id,
                           result.graph.resource(f.resource).address);
        }
        CHECK(actual == marked(file));
        CHECK(result.counts.undecided == 0);
        CHECK(result.counts.checks >= 2);
        // The SAM resources were expanded: the implicit API and the function's role exist.
        const Resource* stage = test::find_resource(result, "ServerlessRestApiProdStage");
        REQUIRE(stage != nullptr);
        CHECK(stage->format == SourceFormat::Sam);
        const Resource* role = test::find_resource(result, "ProcessorRole");
        REQUIRE(role != nullptr);
        CHECK(role->native_type == "AWS::Serverless::Function");
    }
}
