// `bulwark report`: byte-exact expected compliance reports for one small, fixed scan
// (tests/golden/compliance -> tests/golden/expected/report.*), and the command's behaviour.
// After an intended change, regenerate with
//   BULWARK_UPDATE_GOLDEN=1 build/tests/bulwark_tests -tc="report golden*"
// and review the diff.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "rules/rule_catalog.h"
#include "support/helpers.h"

using namespace bulwark;
using Json = nlohmann::json;

namespace {

const std::string kRules =
    "aws-rds-storage-encrypted,aws-rds-instance-not-public,aws-dynamodb-table-point-in-time-"
    "recovery,aws-s3-bucket-versioning,aws-guardduty-detector-enabled";

struct Golden {
    std::string file;
    std::string framework;
    std::string format;
};

const std::vector<Golden> kGoldens = {
    {"report.hipaa.html", "hipaa", "html"},
    {"report.hipaa.md", "hipaa", "md"},
    {"report.hipaa.json", "hipaa", "json"},
    {"report.hipaa.csv", "hipaa", "csv"},
    // PCI DSS: principal requirements and headings aggregate the requirements under them.
    {"report.pci-dss-4.0.md", "pci-dss-4.0", "md"},
};

std::filesystem::path golden_dir() {
    return test::source_dir() / "tests" / "golden";
}

// The fixture copied outside the repository, so the report names no git commit.
struct Project {
    test::TempDir dir;
    Project() {
        std::filesystem::copy(golden_dir() / "compliance", dir.path(),
                              std::filesystem::copy_options::recursive);
    }
    std::vector<std::string> args(const std::string& framework, const std::string& format,
                                  const std::string& threads = "1") const {
        const std::string root = dir.path().string();
        return {"report",      root,      "--root",   root,   "--only",    kRules,
                "--framework", framework, "--format", format, "--threads", threads};
    }
};

// The rule-pack hash changes with every edit of any rule file; the goldens hold a placeholder so
// that they test the report, not the catalog (a test below checks the hash itself).
std::string without_rule_pack_hash(std::string text) {
    static const std::string hash = [] {
        auto loaded = RuleCatalog::load({});
        REQUIRE(std::holds_alternative<RuleCatalog>(loaded));
        return std::get<RuleCatalog>(loaded).rule_pack_hash();
    }();
    for (std::size_t at = text.find(hash); at != std::string::npos; at = text.find(hash, at))
        text.replace(at, hash.size(), "RULE-PACK-HASH");
    return text;
}

}  // namespace

TEST_CASE("report golden: every compliance report format for a fixed scan, byte for byte") {
    const bool update = std::getenv("BULWARK_UPDATE_GOLDEN") != nullptr;
    Project project;
    for (const Golden& golden : kGoldens) {
        CAPTURE(golden.file);
        const auto result = test::run(project.args(golden.framework, golden.format));
        CHECK(result.exit_code == 0);
        CHECK(result.err.empty());
        const auto path = golden_dir() / "expected" / golden.file;
        const std::string output = without_rule_pack_hash(result.out);
        if (update) std::ofstream(path, std::ios::binary) << output;
        CHECK_MESSAGE(output == test::read_text(path), "output differs from "
                                                           << path.string()
                                                           << "; if intended, regenerate (see "
                                                              "report_golden_test.cpp)");
    }
}

TEST_CASE("report golden: byte-identical across runs and thread counts without --timestamp") {
    Project project;
    for (const Golden& golden : kGoldens) {
        CAPTURE(golden.file);
        const auto first = test::run(project.args(golden.framework, golden.format, "1"));
        const auto second = test::run(project.args(golden.framework, golden.format, "2"));
        CHECK(first.out == second.out);
        CHECK_FALSE(first.out.empty());
    }
}

TEST_CASE("report: the JSON states each control's status from the scan, with file:line evidence") {
    Project project;
    const auto result = test::run(project.args("hipaa", "json"));
    REQUIRE(result.exit_code == 0);
    const Json report = Json::parse(result.out);
    std::map<std::string, Json> controls;
    for (const Json& control : report["controls"])
        controls[control["id"]] = control;
    // Backups: versioning fails on exports and on migration (its suppression expired); scratch is
    // suppressed with owner and expiry.
    const Json& backup = controls.at("164.308(a)(7)(ii)(A)");
    CHECK(backup["status"] == "failing");
    REQUIRE(backup["failing"].size() == 2);
    CHECK(backup["failing"][0]["resource"] == "aws_s3_bucket.exports");
    CHECK(backup["failing"][0]["location"] == "infra/main.tf:5");
    CHECK(backup["failing"][1]["resource"] == "aws_s3_bucket.migration");
    REQUIRE(backup["suppressed"].size() == 1);
    CHECK(backup["suppressed"][0]["suppression"]["owner"] == "data-team");
    CHECK(backup["suppressed"][0]["suppression"]["expires"] == "2099-12-31");
    // GuardDuty ran, but nothing in the estate is a detector.
    CHECK(controls.at("164.308(a)(1)(ii)(D)")["status"] == "not-applicable");
    CHECK(controls.at("164.308(a)(1)(i)")["status"] == "manual");
    std::size_t sum = 0;
    for (const auto& [status, count] : report["summary"].items()) {
        if (status != "total") sum += count.get<std::size_t>();
    }
    CHECK(sum == controls.size());
    CHECK(report["summary"]["total"] == controls.size());
    // The broken template and the expired suppression are stated, with file:line.
    REQUIRE(report["input_problems"].size() == 2);
    CHECK(report["input_problems"][0]["file"] == "infra/broken.yaml");
    CHECK(report["input_problems"][0]["severity"] == "error");
    CHECK(report["input_problems"][1]["code"] == "stale-suppression");
    CHECK(report["input_problems"][1]["line"] == 17);
    CHECK(report["report"]["git"].is_null());
    CHECK(report["report"]["paths"] == Json::array({"."}));
    CHECK(report["report"]["rule_pack_sha256"].get<std::string>().size() == 64);
    CHECK_FALSE(report["report"].contains("generated"));
}

TEST_CASE("report: an unknown framework or format is a usage error naming the known ones") {
    Project project;
    auto unknown = test::run(project.args("iso-27001", "html"));
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("unknown framework 'iso-27001'") != std::string::npos);
    CHECK(unknown.err.find("pci-dss-4.0, soc2, gdpr, hipaa, nist-800-53-r5, cis-aws-3.0") !=
          std::string::npos);
    CHECK(unknown.out.empty());
    auto format = test::run(project.args("soc2", "pdf"));
    CHECK(format.exit_code == 2);
    CHECK(format.err.find("--format must be html, md, json or csv") != std::string::npos);
}

TEST_CASE("report: --timestamp dates the report, -o writes it to a file") {
    Project project;
    test::TempDir out;
    const std::string file = (out.path() / "report.md").string();
    auto args = project.args("soc2", "md");
    args.insert(args.end(), {"--timestamp", "-o", file});
    const auto result = test::run(args);
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    const std::string report = test::read_text(file);
    CHECK(report.find("| Generated | 20") != std::string::npos);
    CHECK(report.starts_with("# Compliance report: SOC 2"));
}

TEST_CASE("report: names the git commit of the scanned root and whether it has changes") {
    if (std::system("git --version > /dev/null 2>&1") != 0) return;  // no git on this machine
    Project project;
    const std::string root = project.dir.path().string();
    const std::string git = "git -C '" + root + "' -c user.name=t -c user.email=t@example.com ";
    REQUIRE(std::system((git + "init -q && " + git + "add -A && " + git +
                         "commit -q -m fixture > /dev/null 2>&1")
                            .c_str()) == 0);
    auto clean = Json::parse(test::run(project.args("soc2", "json")).out);
    const std::string commit = clean["report"]["git"]["commit"];
    CHECK(commit.size() == 40);
    CHECK(clean["report"]["git"]["dirty"] == false);
    std::ofstream(project.dir.path() / "infra" / "main.tf", std::ios::app) << "# edited\n";
    auto dirty = Json::parse(test::run(project.args("soc2", "json")).out);
    CHECK(dirty["report"]["git"]["commit"] == commit);
    CHECK(dirty["report"]["git"]["dirty"] == true);
}

TEST_CASE("report: HTML is one self-contained page and escapes what the code says") {
    Project project;
    const auto result = test::run(project.args("hipaa", "html"));
    REQUIRE(result.exit_code == 0);
    const std::string& html = result.out;
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("scratch &lt;files&gt; &amp; temp | rebuilt *nightly*") != std::string::npos);
    CHECK(html.find("<files>") == std::string::npos);
}

TEST_CASE("report: a hard-coded secret is never quoted, only located") {
    const auto fail = test::source_dir() / "fixtures" / "rules" /
                      "aws-codebuild-project-no-secrets-in-environment" / "fail";
    const std::string source = test::read_text(fail / "main.tf");
    for (const char* format : {"html", "md", "json", "csv"}) {
        CAPTURE(format);
        const auto result = test::run({"report", fail.string(), "--root", fail.string(),
                                       "--framework", "pci-dss-4.0", "--format", format});
        REQUIRE(result.exit_code == 0);
        CHECK(result.out.find("aws-codebuild-project-no-secrets-in-environment") !=
              std::string::npos);
        // The secret is the quoted value on each line the fixture marks as a finding.
        std::size_t secrets = 0;
        for (std::size_t at = source.find("# expect:"); at != std::string::npos;
             at = source.find("# expect:", at + 1)) {
            const std::size_t close = source.rfind('"', at);
            const std::size_t open = source.rfind('"', close - 1);
            const std::string secret = source.substr(open + 1, close - open - 1);
            CHECK(secret.size() >= 16);
            CHECK_MESSAGE(result.out.find(secret) == std::string::npos, secret);
            CHECK(result.out.find(secret.substr(0, 8)) == std::string::npos);
            ++secrets;
        }
        CHECK(secrets >= 1);
    }
}

TEST_CASE("report: the rule-pack hash names the rules, whatever else changes") {
    auto hash_of = [](const std::vector<std::filesystem::path>& dirs) {
        auto loaded = RuleCatalog::load(dirs);
        REQUIRE(std::holds_alternative<RuleCatalog>(loaded));
        return std::get<RuleCatalog>(loaded).rule_pack_hash();
    };
    const std::string builtin = hash_of({});
    CHECK(builtin.size() == 64);
    CHECK(builtin == hash_of({}));
    test::TempDir custom;
    custom.write("aws-s3-bucket-named.yaml",
                 "id: aws-s3-bucket-named\ntitle: Buckets have a name\nseverity: low\n"
                 "description: Our naming policy.\nremediation: Set BucketName.\n"
                 "resource: [AWS::S3::Bucket]\ncheck: {path: BucketName, exists: true}\n");
    const std::string with_custom = hash_of({custom.path()});
    CHECK(with_custom != builtin);
    custom.write("aws-s3-bucket-named.yaml",
                 "id: aws-s3-bucket-named\ntitle: Buckets have a name\nseverity: high\n"
                 "description: Our naming policy.\nremediation: Set BucketName.\n"
                 "resource: [AWS::S3::Bucket]\ncheck: {path: BucketName, exists: true}\n");
    CHECK(hash_of({custom.path()}) != with_custom);
}
