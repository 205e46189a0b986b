#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/subprocess.h"
#include "support/helpers.h"

using namespace bulwark;
using test::run;
using test::TempDir;
using Json = nlohmann::json;

namespace {

const char* kOneBucket = R"(resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}
)";

// The reports bucket moved down by a new module call, and a new bucket.
const char* kTwoBuckets = R"(module "archive" {
  source = "../../modules/archive"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}
)";

const char* kArchiveModule = R"(resource "aws_s3_bucket" "this" {
  bucket = "acme-archive"
}
)";

void git(const TempDir& repo, std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", repo.path().string(), "-c", "user.name=Test", "-c",
                               "user.email=test@example.com", "-c", "commit.gpgsign=false"});
    const ProcessResult result = run_process(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

// A repository whose first commit has one bucket, and whose working tree adds a module call and a
// second bucket (uncommitted).
struct Repository {
    TempDir repo;
    Repository() {
        git(repo, {"init", "-q"});
        repo.write("envs/prod/main.tf", kOneBucket);
        repo.write("modules/archive/main.tf", kArchiveModule);
        git(repo, {"add", "-A"});
        git(repo, {"commit", "-q", "-m", "first"});
        repo.write("envs/prod/main.tf", kTwoBuckets);
    }
    std::vector<std::string> scan(std::vector<std::string> extra) const {
        std::vector<std::string> args{"scan",      (repo.path() / "envs/prod").string(),
                                      "--root",    repo.path().string(),
                                      "--only",    "aws-s3-bucket-versioning",
                                      "--format",  "json",
                                      "--fail-on", "low"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    }
};

std::vector<std::string> addresses(const Json& report) {
    std::vector<std::string> out;
    for (const Json& result : report["results"])
        out.push_back(result["resource"]["address"].get<std::string>() + " " +
                      result["status"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("--diff-base reports only findings new since the revision") {
    Repository repository;
    const test::CliRun all = run(repository.scan({}));
    CHECK(addresses(Json::parse(all.out)).size() == 3);

    const test::CliRun diff = run(repository.scan({"--diff-base", "HEAD"}));
    CHECK(diff.exit_code == 1);
    const Json report = Json::parse(diff.out);
    // The module was not called at HEAD, so its bucket is new in this scan too.
    CHECK(addresses(report) ==
          std::vector<std::string>{"aws_s3_bucket.uploads failed",
                                   "module.archive.aws_s3_bucket.this failed"});
    CHECK(report["summary"]["baselined"] == 1);
    CHECK(report["baseline"]["sources"] == Json::array({"git:HEAD"}));

    const test::CliRun shown = run(repository.scan({"--diff-base", "HEAD", "--show-baselined"}));
    CHECK(addresses(Json::parse(shown.out)).size() == 3);

    // The working tree was never touched: the new file content is still there.
    CHECK(test::read_text(repository.repo.path() / "envs/prod/main.tf") == kTwoBuckets);
}

TEST_CASE("--diff-base: an accepted state gates nothing") {
    Repository repository;
    git(repository.repo, {"add", "-A"});
    git(repository.repo, {"commit", "-q", "-m", "second"});
    const test::CliRun diff = run(repository.scan({"--diff-base", "HEAD"}));
    CHECK(diff.exit_code == 0);
    CHECK(Json::parse(diff.out)["results"].empty());
    // Against the first commit (HEAD~1), the second commit's findings are new.
    CHECK(run(repository.scan({"--diff-base", "HEAD~1"})).exit_code == 1);
}

TEST_CASE("--diff-base: a bad revision or no repository is a usage error") {
    Repository repository;
    const test::CliRun bad = run(repository.scan({"--diff-base", "no-such-branch"}));
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown revision 'no-such-branch'") != std::string::npos);
    const test::CliRun option = run(repository.scan({"--diff-base=--output=/tmp/x"}));
    CHECK(option.exit_code == 2);

    TempDir plain;
    plain.write("main.tf", kOneBucket);
    const test::CliRun outside = run(
        {"scan", plain.path().string(), "--root", plain.path().string(), "--diff-base", "HEAD"});
    CHECK(outside.exit_code == 2);
    CHECK(outside.err.find("not inside a git repository") != std::string::npos);
}
