// Secrets never leave: fixtures/hostile/secrets (fake credentials in variable defaults, Lambda
// environments, user data, parameters and a private key) scanned with every output format, with
// all rules and with rules that do not look for secrets at all; no output may contain a secret
// or a fragment of one. The resources dump, which prints every property, included.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/helpers.h"

using namespace bulwark;
using Json = nlohmann::json;

namespace {

// The fake secrets of the fixture, and fragments that are as telling as the whole.
const std::vector<std::string> kSecrets = {
    "AKIA2FAKE7KEYZQ3XW5M",
    "FAKE7KEYZQ3",
    "ubiheyEd7P4zDL+ak6J0kGODKdinZnLXicaBAg8W",
    "P4zDL+ak6J0k",
    "Fake-Passw0rd-Do-Not-Use-91",
    "Passw0rd-Do-Not",
    "ghp_C3J27XDCG2LmlZGEONYlgCtjfIZ4SOcMz9CP",
    "LmlZGEONYlg",
    "Y1jzIRlNQb0prFmbh7",
    "FyuzX9k1gnneGEYG1",
    "qRTk8j1d+bWWbjkloG1Q",
    "o58JB0W+O5PjeJfJTN",
};

const char* const kFormats[] = {"text", "json",   "sarif",  "junit",
                                "csv",  "github", "gitlab", "resources"};

void expect_no_secret(const std::string& output, const std::string& what) {
    for (const std::string& secret : kSecrets) {
        INFO(what << " must not contain " << secret);
        CHECK(output.find(secret) == std::string::npos);
    }
}

std::string fixture() {
    return (test::source_dir() / "fixtures" / "hostile" / "secrets").string();
}

}  // namespace

TEST_CASE("secret masking: no output format contains a secret, whatever rules ran") {
    const std::string root = fixture();
    // All rules (the secret rules report the secrets, masked) and rules that never look for
    // secrets but whose findings point at resources that hold them (their excerpts would quote
    // the lines).
    const std::vector<std::vector<std::string>> selections = {
        {}, {"--only", "aws-rds-storage-encrypted,aws-lambda-function-in-vpc"}};
    for (const auto& selection : selections) {
        for (const char* format : kFormats) {
            std::vector<std::string> args = {"scan", root, "--root", root, "--format", format};
            args.insert(args.end(), selection.begin(), selection.end());
            const test::CliRun run = test::run(args);
            const std::string what = std::string(format) + (selection.empty() ? "" : " (--only)");
            CAPTURE(what);
            CHECK(run.exit_code <= 1);
            CHECK(run.out.size() > 100);
            expect_no_secret(run.out, what);
            expect_no_secret(run.err, what + " stderr");
        }
    }
    // The secrets are found (and masked), not merely dropped.
    const test::CliRun json = test::run({"scan", root, "--root", root, "--format", "json"});
    const Json report = Json::parse(json.out);
    std::size_t sensitive = 0;
    for (const Json& result : report["results"])
        sensitive += result.contains("sensitive") && result["sensitive"] == true ? 1 : 0;
    CHECK(sensitive >= 4);
    const test::CliRun resources =
        test::run({"scan", root, "--root", root, "--format", "resources"});
    CHECK(resources.out.find("<masked: ") != std::string::npos);
}

TEST_CASE("secret masking: compliance reports for auditors never contain a secret") {
    // The evidence pages quote the lines behind each control's findings: every framework, every
    // format.
    const std::string root = fixture();
    for (const char* framework :
         {"pci-dss-4.0", "soc2", "gdpr", "hipaa", "nist-800-53-r5", "cis-aws-3.0"}) {
        for (const char* format : {"html", "md", "json", "csv"}) {
            const std::string what = std::string(framework) + " " + format;
            CAPTURE(what);
            const test::CliRun run = test::run(
                {"report", root, "--root", root, "--framework", framework, "--format", format});
            CHECK(run.exit_code == 0);
            CHECK(run.out.size() > 100);
            expect_no_secret(run.out, what);
            expect_no_secret(run.err, what + " stderr");
        }
    }
}

TEST_CASE("secret masking: a syntax error on a line with a password does not quote it") {
    test::TempDir dir;
    dir.write("main.tf",
              "resource \"aws_db_instance\" \"broken\" {\n"
              "  password = \"Fake-Passw0rd-Do-Not-Use-91\" ]]\n}\n");
    const std::string root = dir.path().string();
    for (const char* format : kFormats) {
        CAPTURE(format);
        const test::CliRun run = test::run({"scan", root, "--root", root, "--format", format});
        expect_no_secret(run.out, format);
        expect_no_secret(run.err, format);
    }
    const test::CliRun json = test::run({"scan", root, "--root", root, "--format", "json"});
    CHECK_FALSE(Json::parse(json.out)["diagnostics"].empty());
}
