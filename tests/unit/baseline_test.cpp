#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "baseline/baseline_file.h"
#include "model/finding.h"

using namespace bulwark;

namespace {

BaselineEntry entry(std::string fingerprint, std::string rule, std::string resource,
                    std::string file) {
    return BaselineEntry{std::move(fingerprint), std::move(rule), std::move(resource),
                         std::move(file)};
}

}  // namespace

TEST_CASE("baseline file: sorted, de-duplicated, versioned and read back unchanged") {
    Baseline baseline;
    baseline.entries = {entry("bb", "rule-b", "aws_s3_bucket.b", "z.tf"),
                        entry("aa", "rule-a", "aws_s3_bucket.a", "a.tf"),
                        entry("bb", "rule-b", "aws_s3_bucket.b", "z.tf"),
                        entry("cc", "rule-a", "aws_s3_bucket.c", "a.tf")};
    const std::string text = render_baseline(baseline);
    CHECK(text.starts_with("{\n  \"bulwark_baseline\": 1,"));
    CHECK(text.find("_line") == std::string::npos);  // no line numbers in the identity
    // By file, then rule, then resource; each fingerprint once.
    const std::size_t a = text.find("aws_s3_bucket.a"), c = text.find("aws_s3_bucket.c"),
                      b = text.find("aws_s3_bucket.b");
    CHECK(a < c);
    CHECK(c < b);
    CHECK(text.find("aws_s3_bucket.b", b + 1) == std::string::npos);

    auto parsed = parse_baseline(text);
    REQUIRE(std::holds_alternative<Baseline>(parsed));
    const Baseline& read = std::get<Baseline>(parsed);
    REQUIRE(read.entries.size() == 3);
    CHECK(read.entries[0] == entry("aa", "rule-a", "aws_s3_bucket.a", "a.tf"));
    CHECK(render_baseline(read) == text);  // deterministic
}

TEST_CASE("baseline file: problems are messages, not crashes") {
    auto problem = [](std::string_view text) {
        auto parsed = parse_baseline(text);
        return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed)
                                                           : std::string();
    };
    CHECK(problem("{").find("not valid JSON") != std::string::npos);
    CHECK(problem("[]").find("not a Bulwark baseline") != std::string::npos);
    CHECK(problem(R"({"bulwark_baseline": 2, "findings": []})").find("version 2") !=
          std::string::npos);
    CHECK(problem(R"({"bulwark_baseline": 1})").find("\"findings\"") != std::string::npos);
    CHECK(problem(R"({"bulwark_baseline": 1, "findings": [{"rule_id": "x"}]})")
              .find("no fingerprint") != std::string::npos);
    CHECK(problem(R"({"bulwark_baseline": 1, "findings": [{"fingerprint": "XYZ"}]})").find("hex") !=
          std::string::npos);
    CHECK(problem(R"({"bulwark_baseline": 1, "findings": [{"fingerprint": "ab", "file": 3}]})")
              .find("must be a string") != std::string::npos);
    // Only the fingerprint is needed; the rest is for humans.
    CHECK(problem(R"({"bulwark_baseline": 1, "findings": [{"fingerprint": "ab"}]})").empty());
}

TEST_CASE("fingerprints: no line in them; rename, other file or other root give new ones") {
    const std::string base = finding_fingerprint("rule", "aws_s3_bucket.logs", "main.tf");
    CHECK(base.size() == 32);
    CHECK(base == finding_fingerprint("rule", "aws_s3_bucket.logs", "main.tf"));
    CHECK(base != finding_fingerprint("rule", "aws_s3_bucket.archive", "main.tf"));
    CHECK(base != finding_fingerprint("other-rule", "aws_s3_bucket.logs", "main.tf"));
    CHECK(base != finding_fingerprint("rule", "aws_s3_bucket.logs", "storage.tf"));
    CHECK(base != finding_fingerprint("rule", "aws_s3_bucket.logs", "main.tf", "terraform:prod"));
    // The scope equal to the file (a template) adds nothing.
    CHECK(base == finding_fingerprint("rule", "aws_s3_bucket.logs", "main.tf", "main.tf"));
}
