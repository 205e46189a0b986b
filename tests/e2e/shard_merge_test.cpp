#include <doctest/doctest.h>

#include "support/helpers.h"

using namespace bulwark;
using test::run;
using test::TempDir;

namespace {

// Scans `path` whole and in `parts` shards, merges the shards' reports, and returns the whole
// scan's report and the merged one.
// `split`: more than one part must have found something (fixtures whose account-level resources
// tie everything into one unit, like the demo estate, cannot be split).
std::pair<std::string, std::string> whole_and_merged(const std::string& path, unsigned parts,
                                                     const std::string& format,
                                                     bool split = false) {
    TempDir out;
    const std::string root = test::source_dir().string();
    const std::vector<std::string> scan{"scan",      (test::source_dir() / path).string(),
                                        "--root",    root,
                                        "--format",  format,
                                        "--fail-on", "none"};
    const test::CliRun whole = run(scan);
    REQUIRE(whole.exit_code == 0);
    std::vector<std::string> merge{"merge"};
    std::size_t non_empty = 0;
    for (unsigned part = 1; part <= parts; ++part) {
        std::vector<std::string> args = scan;
        const std::string file = (out.path() / ("part-" + std::to_string(part))).string();
        args.insert(args.end(),
                    {"--shard", std::to_string(part) + "/" + std::to_string(parts), "-o", file});
        const test::CliRun shard = run(args);
        REQUIRE(shard.exit_code == 0);
        if (test::read_text(file).find("\"results\": []") == std::string::npos) ++non_empty;
        merge.push_back(file);
    }
    if (split) CHECK(non_empty > 1);  // the work really was split
    const test::CliRun merged = run(merge);
    INFO(merged.err);
    REQUIRE(merged.exit_code == 0);
    return {whole.out, merged.out};
}

}  // namespace

TEST_CASE("sharding: the demo estate in 3 parts, merged, is the whole scan byte for byte") {
    auto [whole, merged] = whole_and_merged("fixtures/demo", 3, "json");
    CHECK(merged == whole);
}

TEST_CASE("sharding: SARIF of the demo estate in 2 parts, merged, is the whole scan's SARIF") {
    auto [whole, merged] = whole_and_merged("fixtures/demo", 2, "sarif");
    CHECK(merged == whole);
}

TEST_CASE("sharding: every rule fixture (hundreds of modules and templates) in 7 parts") {
    auto [whole, merged] = whole_and_merged("fixtures/rules", 7, "json", true);
    CHECK(merged == whole);
}

TEST_CASE("sharding: CDK apps, assemblies and SAM in 3 parts") {
    auto [cdk_whole, cdk_merged] = whole_and_merged("fixtures/cdk", 3, "json");
    CHECK(cdk_merged == cdk_whole);
}

TEST_CASE("sharding: a bad --shard is a usage error; merge refuses mixed reports") {
    const std::string demo = (test::source_dir() / "fixtures/demo").string();
    for (const char* bad : {"0/3", "4/3", "1/0", "x/2", "2", "1/2/3"}) {
        const test::CliRun result = run({"scan", demo, "--shard", bad});
        CHECK(result.exit_code == 2);
        CHECK(result.err.find("--shard must be I/N") != std::string::npos);
    }
    TempDir out;
    const std::string json =
        out.write("a.json", run({"scan", demo, "--format", "json"}).out).string();
    const std::string sarif =
        out.write("b.sarif", run({"scan", demo, "--format", "sarif"}).out).string();
    const test::CliRun mixed = run({"merge", json, sarif});
    CHECK(mixed.exit_code == 2);
    CHECK(mixed.err.find("merge reports of one format") != std::string::npos);
    const std::string other =
        out.write("c.json",
                  run({"scan", demo, "--format", "json", "--skip", "aws-s3-bucket-versioning"}).out)
            .string();
    CHECK(run({"merge", json, other}).exit_code == 2);
    const std::string junk = out.write("d.json", "{ not json").string();
    CHECK(run({"merge", junk}).exit_code == 2);
}
