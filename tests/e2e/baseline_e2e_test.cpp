#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/helpers.h"

using namespace bulwark;
using test::run;
using test::TempDir;
using Json = nlohmann::json;

namespace {

// Two buckets without versioning: both fail aws-s3-bucket-versioning.
const char* kStorage = R"(# Buckets of the reporting pipeline.
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}
)";

// The same buckets after unrelated edits: comments and a queue above them (every line moves),
// a tag added to one bucket.
const char* kStorageMoved = R"(# Buckets of the reporting pipeline.
#
# The queue tells the exporter that a report is ready.
resource "aws_sqs_queue" "ready" {
  name = "reports-ready"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
  tags = {
    team = "finance"
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}
)";

// `exports` renamed to `exports_v2`: a new resource address, so a new finding.
const char* kStorageRenamed = R"(# Buckets of the reporting pipeline.
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket" "exports_v2" {
  bucket = "acme-exports"
}
)";

struct Project {
    TempDir dir;
    std::string baseline = (dir.path() / "baseline.json").string();
    Project() { dir.write("infra/storage.tf", kStorage); }

    std::vector<std::string> scan_args(std::vector<std::string> extra = {}) const {
        std::vector<std::string> args{
            "scan",   (dir.path() / "infra").string(), "--root",    dir.path().string(),
            "--only", "aws-s3-bucket-versioning",      "--fail-on", "low"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
    test::CliRun create() const {
        return run({"baseline", "create", (dir.path() / "infra").string(), "--root",
                    dir.path().string(), "--only", "aws-s3-bucket-versioning", "-o", baseline});
    }
};

std::vector<std::string> statuses(const Json& report) {
    std::vector<std::string> out;
    for (const Json& result : report["results"])
        out.push_back(result["resource"]["address"].get<std::string>() + " " +
                      result["status"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("baseline create writes the failing findings; scan --baseline accepts them") {
    Project project;
    const test::CliRun created = project.create();
    REQUIRE(created.exit_code == 0);
    CHECK(created.err.find("wrote 2 findings") != std::string::npos);
    const Json file = Json::parse(test::read_text(project.baseline));
    CHECK(file["bulwark_baseline"] == 1);
    REQUIRE(file["findings"].size() == 2);
    CHECK(file["findings"][0]["resource"] == "aws_s3_bucket.exports");
    CHECK(file["findings"][0]["file"] == "infra/storage.tf");
    CHECK(file["findings"][0]["rule_id"] == "aws-s3-bucket-versioning");

    // Without the baseline the scan fails; with it, it passes and says how many it accepted.
    CHECK(run(project.scan_args()).exit_code == 1);
    const test::CliRun gated =
        run(project.scan_args({"--baseline", project.baseline, "--format", "json"}));
    CHECK(gated.exit_code == 0);
    const Json report = Json::parse(gated.out);
    CHECK(report["results"].empty());  // shown only with --show-baselined
    CHECK(report["summary"]["failed"] == 0);
    CHECK(report["summary"]["baselined"] == 2);
    CHECK(report["baseline"]["entries"] == 2);
    CHECK(report["baseline"]["stale"] == 0);

    const test::CliRun shown = run(project.scan_args(
        {"--baseline", project.baseline, "--format", "json", "--show-baselined"}));
    CHECK(shown.exit_code == 0);
    CHECK(statuses(Json::parse(shown.out)) ==
          std::vector<std::string>{"aws_s3_bucket.reports baselined",
                                   "aws_s3_bucket.exports baselined"});

    const test::CliRun text = run(project.scan_args({"--baseline", project.baseline}));
    CHECK(text.out.find("2 baselined") != std::string::npos);
    CHECK(text.out.find("aws_s3_bucket.reports") == std::string::npos);
}

TEST_CASE("baseline: findings survive line moves and unrelated edits") {
    Project project;
    REQUIRE(project.create().exit_code == 0);
    project.dir.write("infra/storage.tf", kStorageMoved);
    const test::CliRun gated = run(project.scan_args(
        {"--baseline", project.baseline, "--format", "json", "--show-baselined"}));
    CHECK(gated.exit_code == 0);
    const Json report = Json::parse(gated.out);
    CHECK(report["summary"]["baselined"] == 2);
    CHECK(report["summary"]["failed"] == 0);
    CHECK(report["baseline"]["stale"] == 0);
    // The findings point at the new lines.
    CHECK(report["results"][0]["location"]["start_line"] == 8);
}

TEST_CASE("baseline: a renamed resource is a new finding and leaves a stale entry") {
    Project project;
    REQUIRE(project.create().exit_code == 0);
    project.dir.write("infra/storage.tf", kStorageRenamed);
    const test::CliRun gated =
        run(project.scan_args({"--baseline", project.baseline, "--format", "json"}));
    CHECK(gated.exit_code == 1);
    const Json report = Json::parse(gated.out);
    CHECK(statuses(report) == std::vector<std::string>{"aws_s3_bucket.exports_v2 failed"});
    CHECK(report["summary"]["baselined"] == 1);
    CHECK(report["baseline"]["stale"] == 1);
    REQUIRE(report["baseline"]["stale_entries"].size() == 1);
    CHECK(report["baseline"]["stale_entries"][0]["resource"] == "aws_s3_bucket.exports");

    // Text: counted always, listed with --show-baselined.
    const test::CliRun text = run(project.scan_args({"--baseline", project.baseline}));
    CHECK(text.out.find("1 stale") != std::string::npos);
    CHECK(text.out.find("stale: infra/storage.tf") == std::string::npos);
    const test::CliRun listed =
        run(project.scan_args({"--baseline", project.baseline, "--show-baselined"}));
    CHECK(listed.out.find("stale: infra/storage.tf  aws_s3_bucket.exports  "
                          "aws-s3-bucket-versioning") != std::string::npos);
}

TEST_CASE("baseline: SARIF baselineState, JUnit and CSV agree with JSON") {
    Project project;
    REQUIRE(project.create().exit_code == 0);
    Json half = Json::parse(test::read_text(project.baseline));
    half["findings"].erase(1);  // keep exports only: reports is new
    project.dir.write("half.json", half.dump());
    const std::string half_path = (project.dir.path() / "half.json").string();

    const Json sarif = Json::parse(
        run(project.scan_args({"--baseline", half_path, "--format", "sarif", "--show-baselined"}))
            .out);
    std::vector<std::string> states;
    for (const Json& result : sarif["runs"][0]["results"])
        states.push_back(result["locations"][0]["logicalLocations"][0]["name"].get<std::string>() +
                         " " + result["baselineState"].get<std::string>());
    CHECK(states ==
          std::vector<std::string>{"aws_s3_bucket.reports new", "aws_s3_bucket.exports unchanged"});
    const Json hidden =
        Json::parse(run(project.scan_args({"--baseline", half_path, "--format", "sarif"})).out);
    CHECK(hidden["runs"][0]["results"].size() == 1);
    // Without a baseline there is no baselineState at all.
    const Json plain = Json::parse(run(project.scan_args({"--format", "sarif"})).out);
    CHECK_FALSE(plain["runs"][0]["results"][0].contains("baselineState"));

    const std::string junit =
        run(project.scan_args({"--baseline", half_path, "--format", "junit"})).out;
    CHECK(junit.find("failures=\"1\"") != std::string::npos);
    CHECK(junit.find("<skipped>baselined") != std::string::npos);

    const std::string csv =
        run(project.scan_args({"--baseline", half_path, "--format", "csv", "--show-baselined"}))
            .out;
    CHECK(csv.find(",baselined,") != std::string::npos);
    CHECK(csv.find(",failed,") != std::string::npos);
}

TEST_CASE("baseline: a missing or malformed baseline file is a usage error") {
    Project project;
    const test::CliRun missing =
        run(project.scan_args({"--baseline", (project.dir.path() / "nope.json").string()}));
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("cannot read") != std::string::npos);
    project.dir.write("bad.json", "{\"bulwark_baseline\": 7, \"findings\": []}");
    const test::CliRun bad =
        run(project.scan_args({"--baseline", (project.dir.path() / "bad.json").string()}));
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("version 7") != std::string::npos);
}
