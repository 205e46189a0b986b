// Byte-exact expected output of every reporter for one small, fixed scan
// (tests/golden/project -> tests/golden/expected). After an intended change, regenerate with
//   BULWARK_UPDATE_GOLDEN=1 build/tests/bulwark_tests -tc="golden*"
// and review the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "support/helpers.h"

using namespace bulwark;

namespace {

const std::string kRules =
    "aws-rds-storage-encrypted,aws-rds-instance-not-public,aws-dynamodb-table-point-in-time-"
    "recovery,aws-s3-bucket-versioning";

struct Golden {
    std::string file;
    std::vector<std::string> options;
};

const std::vector<Golden> kGoldens = {
    {"scan.txt", {"--format", "text"}},
    {"scan.color.txt", {"--format", "text", "--color", "always"}},
    {"scan.json", {"--format", "json"}},
    {"scan.sarif", {"--format", "sarif"}},
    {"scan.junit.xml", {"--format", "junit"}},
    {"scan.junit-control.xml", {"--format", "junit", "--junit-by", "control"}},
    {"scan.csv", {"--format", "csv"}},
    {"scan.github.txt", {"--format", "github"}},
    {"scan.gitlab.json", {"--format", "gitlab"}},
};

std::filesystem::path golden_dir() {
    return test::source_dir() / "tests" / "golden";
}

std::vector<std::string> scan_args(std::vector<std::string> extra, const std::string& threads) {
    const std::string project = (golden_dir() / "project").string();
    std::vector<std::string> args = {"scan",   project, "--root",    project,
                                     "--only", kRules,  "--threads", threads};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("golden: every reporter's output for a fixed scan, byte for byte") {
    const bool update = std::getenv("BULWARK_UPDATE_GOLDEN") != nullptr;
    for (const Golden& golden : kGoldens) {
        CAPTURE(golden.file);
        const auto result = test::run(scan_args(golden.options, "1"));
        CHECK(result.exit_code == 1);  // high findings
        CHECK(result.err.empty());
        const auto path = golden_dir() / "expected" / golden.file;
        if (update) std::ofstream(path, std::ios::binary) << result.out;
        CHECK_MESSAGE(result.out == test::read_text(path),
                      "output differs from " << path.string()
                                             << "; if intended, regenerate (see golden_test.cpp)");
    }
}

TEST_CASE("golden: byte-identical across runs and thread counts") {
    for (const Golden& golden : kGoldens) {
        CAPTURE(golden.file);
        const auto first = test::run(scan_args(golden.options, "1"));
        const auto second = test::run(scan_args(golden.options, "2"));
        CHECK(first.out == second.out);
        CHECK_FALSE(first.out.empty());
    }
}

TEST_CASE("golden: SARIF and JUnit to files alongside text on standard output, in one run") {
    test::TempDir out;
    const std::string sarif = (out.path() / "results.sarif").string();
    const std::string junit = (out.path() / "junit.xml").string();
    const std::string csv = (out.path() / "results.csv").string();
    const auto result = test::run(scan_args(
        // --output goes to the first format that names no file (csv); text stays on stdout.
        {"--format", "sarif:" + sarif, "--format", "csv", "--output", csv, "--format", "text",
         "--format", "junit:" + junit},
        "2"));
    CHECK(result.exit_code == 1);
    CHECK(result.out == test::read_text(golden_dir() / "expected" / "scan.txt"));
    CHECK(test::read_text(sarif) == test::read_text(golden_dir() / "expected" / "scan.sarif"));
    CHECK(test::read_text(junit) == test::read_text(golden_dir() / "expected" / "scan.junit.xml"));
    CHECK(test::read_text(csv) == test::read_text(golden_dir() / "expected" / "scan.csv"));
}
