// One infrastructure, six forms (fixtures/cdk/equivalence/): CloudFormation YAML, CloudFormation
// JSON, SAM, the cloud assembly synthesized by aws-cdk-lib, and the CDK app's Python and
// TypeScript sources. Scanned through the command line as a user would, each form must give the
// foundation rules exactly the same results: the same failures on the same resources, and the
// same numbers of passed and undecided checks.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/helpers.h"

using namespace bulwark;

namespace {

constexpr const char* kFoundationRules =
    "aws-s3-bucket-encryption-kms,aws-s3-bucket-public-access-block,aws-s3-bucket-versioning,"
    "aws-s3-bucket-tls-only-policy,aws-kms-key-rotation,aws-dynamodb-table-point-in-time-recovery,"
    "aws-rds-storage-encrypted,aws-rds-instance-not-public,"
    "aws-ec2-security-group-no-public-admin-ports,aws-cloudtrail-log-file-validation";

// The forms, and the name the user gives on the command line.
constexpr const char* kForms[] = {"template.yaml", "template.json", "sam-template.yaml",
                                  "cdk.out",       "app.py",        "app.ts"};

// A CDK construct path names the resource a template calls by its logical ID:
// EquivalenceStack/AuditTrail/S3 is AuditTrailS3 (template.yaml's header says why).
std::string logical_id(const std::string& address) {
    const std::size_t slash = address.find('/');
    if (slash == std::string::npos) return address;
    std::string id = address.substr(slash + 1);
    std::erase(id, '/');
    return id;
}

struct FormResult {
    std::set<std::pair<std::string, std::string>> failures;  // rule, logical ID
    std::map<std::string, std::string> types;                // logical ID -> resource type
    nlohmann::json summary;
};

FormResult scan_form(const std::string& form) {
    const std::string folder = (test::source_dir() / "fixtures/cdk/equivalence").string();
    const std::string path = folder + "/" + form;
    const test::CliRun findings =
        test::run({"scan", path, "--root", folder, "--only", kFoundationRules, "--format", "json"});
    INFO(findings.err);
    CHECK(findings.exit_code == 1);  // every form has failures
    const nlohmann::json report = nlohmann::json::parse(findings.out);
    CHECK(report["diagnostics"].empty());
    FormResult result;
    result.summary = report["summary"];
    for (const nlohmann::json& finding : report["results"]) {
        result.failures.emplace(finding["rule_id"].get<std::string>(),
                                logical_id(finding["resource"]["address"].get<std::string>()));
    }
    const test::CliRun inventory =
        test::run({"scan", path, "--root", folder, "--format", "resources"});
    for (const nlohmann::json& resource : nlohmann::json::parse(inventory.out)) {
        const std::string type = resource["type"].get<std::string>();
        if (type == "AWS::CDK::Metadata") continue;  // CDK's version report, not infrastructure
        result.types[logical_id(resource["address"].get<std::string>())] = type;
    }
    return result;
}

std::string show(const std::set<std::pair<std::string, std::string>>& failures) {
    std::string out;
    for (const auto& [rule, id] : failures)
        out += "\n  " + rule + " " + id;
    return out;
}

}  // namespace

TEST_CASE(
    "format equivalence: every form of the fixture gives the foundation rules the same "
    "results") {
    std::map<std::string, FormResult> results;
    for (const char* form : kForms) {
        CAPTURE(form);
        results[form] = scan_form(form);
    }
    const FormResult& reference = results.at("template.yaml");
    // The designed violations (one per rule, none for the public access block, whose violating
    // form CDK cannot express by default) and the two log buckets CDK adds for the trails.
    CHECK(reference.failures.size() == 13);
    CHECK(reference.failures.contains({"aws-rds-instance-not-public", "PublicDb"}));
    CHECK(reference.failures.contains({"aws-s3-bucket-versioning", "AuditTrailS3"}));
    CHECK(reference.summary["checks"] == 30);
    CHECK(reference.summary["passed"] == 17);
    CHECK(reference.summary["undecided"] == 0);

    for (const auto& entry : results) {  // no structured binding: clang 14 cannot capture one
        const auto& form = entry.first;
        const auto& result = entry.second;
        CAPTURE(form);
        CHECK_MESSAGE(result.failures == reference.failures, "failures:" << show(result.failures));
        for (const char* count : {"checks", "passed", "failed", "undecided", "not_applicable"})
            CHECK_MESSAGE(result.summary[count] == reference.summary[count], count);
    }
    // The template forms hold the very same resources; the CDK sources model the constructs the
    // rules look at (not, for example, every subnet route of the VPC), each with the same type.
    for (const char* form : {"template.json", "sam-template.yaml", "cdk.out"})
        CHECK_MESSAGE(results.at(form).types == reference.types, form);
    for (const char* form : {"app.py", "app.ts"}) {
        CAPTURE(form);
        CHECK(results.at(form).types.size() >= 14);
        for (const auto& entry : results.at(form).types) {
            const auto& id = entry.first;
            CAPTURE(id);
            REQUIRE(reference.types.contains(id));
            CHECK(reference.types.at(id) == entry.second);
        }
    }
}
