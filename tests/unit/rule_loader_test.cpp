#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "rules/rule_loader.h"
#include "util/numbers.h"

using namespace bulwark;

namespace {

const std::string kHeader =
    "id: bad-rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\nresource: "
    "[AWS::S3::Bucket]\n";

std::vector<RuleFileError> errors_of(const std::string& text,
                                     const std::string& path = "dir/bad-rule.yaml") {
    auto loaded = load_rule(path, text);
    if (std::holds_alternative<Rule>(loaded)) return {};
    return std::get<std::vector<RuleFileError>>(loaded);
}

void expect_error(const std::string& text, unsigned line, const std::string& words) {
    CAPTURE(text);
    auto errors = errors_of(text);
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].position.line == line);
    CHECK_MESSAGE(errors[0].message.find(words) != std::string::npos, errors[0].message);
    CHECK(format_error(errors[0]).starts_with("dir/bad-rule.yaml:" + std::to_string(line) + ":"));
}

}  // namespace

TEST_CASE("rule files: mistakes are rejected with file:line and what is wrong") {
    expect_error(kHeader + "check: {path: A, equals: 1}\nsevrity: high\n", 8,
                 "unknown field 'sevrity'");
    expect_error(
        "id: bad-rule\ntitle: t\nseverity: severe\ndescription: d\nremediation: r\nresource: "
        "[X]\ncheck: {path: A, exists: true}\n",
        3, "not one of critical");
    expect_error(kHeader + "check:\n  path: A\n  equal: 1\n", 9, "unknown operator 'equal'");
    expect_error(kHeader + "check:\n  path: A\n  matches: '(unclosed'\n", 9,
                 "invalid regular expression");
    expect_error(kHeader + "check:\n  builtin: no_such_thing\n", 8, "unknown builtin");
    expect_error(kHeader + "check:\n  builtin: ingress_port_open\n  args: {ports: [99999]}\n", 9,
                 "0 to 65535");
    expect_error(kHeader + "check:\n  path: 'A[x]'\n  equals: 1\n", 8, "is not an index");
    expect_error(kHeader + "check:\n  all: []\n", 8, "at least one condition");
    expect_error(
        kHeader + "check:\n  any: [{path: A, exists: true}]\n  all: [{path: A, exists: true}]\n", 7,
        "only one of all, any, none");
    expect_error(kHeader + "check: {path: A, exists: yes}\n", 7, "true or false");
    expect_error(kHeader + "check: {path: A, exists: true}\nframeworks:\n  pci: ['1.1']\n", 9,
                 "unknown frameworks key 'pci'");
    expect_error(kHeader + "check: {path: A, exists: true}\nframeworks:\n  gdpr: [32]\n", 9,
                 "quote numbers");
    expect_error(
        kHeader + "check: {path: A, exists: true}\ncrossrefs:\n  checkov: [CKV_AWS_1, CKV_AWS_1]\n",
        9, "duplicate ID");
    expect_error(kHeader +
                     "check:\n  connected: {type: AWS::S3::BucketPolicy, direction: up, any: "
                     "{path: A, exists: true}}\n",
                 8, "direction must be in, out or any");
    // Regressions found by rule_loader_fuzzer: `references` as one string, or a list holding a
    // non-string before a bad URL, used to index the list out of step (a crash, a wrong line).
    expect_error(kHeader + "check: {path: A, exists: true}\nreferences: -0x https://a.example\n", 8,
                 "https:// URLs");
    expect_error(kHeader + "check: {path: A, exists: true}\nreferences:\n  - 1\n  - http://x\n", 9,
                 "quote numbers");
    CHECK(errors_of(kHeader + "check: {path: A, exists: true}\nreferences:\n  - 1\n  - http://x\n")
              .at(1)
              .position.line == 10);
    // Found by rule_loader_fuzzer: .nan and 1e400 in an integer parameter were cast to an
    // integer to test them (undefined behaviour); they are simply not integers.
    for (const std::string number : {".nan", "-.inf", "1e400"}) {
        expect_error(kHeader +
                         "check: {path: A, exists: true}\nparameters:\n  ports:\n    type: "
                         "integer_list\n    default: [22, " +
                         number + "]\n    description: d\n",
                     11, "needs a default of type integer_list");
    }
    expect_error("id: bad-rule\ntitle: t\n", 1, "missing required field");
    expect_error("id: [oops\n", 2, "");
}

TEST_CASE("rule files: the ID must be kebab-case and match the file name") {
    auto mismatch =
        errors_of(kHeader + "check: {path: A, exists: true}\n", "rules/other-name.yaml");
    REQUIRE(mismatch.size() == 1);
    CHECK(mismatch[0].message.find("must match the file name") != std::string::npos);
    auto bad_case = errors_of(
        "id: Bad_Rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\nresource: "
        "[X]\ncheck: {path: A, exists: true}\n",
        "Bad_Rule.yaml");
    REQUIRE(bad_case.size() == 1);
    CHECK(bad_case[0].message.find("kebab-case") != std::string::npos);
}

TEST_CASE("rule files: a valid rule loads with all its fields") {
    auto loaded =
        load_rule("x/bad-rule.yaml",
                  kHeader +
                      "check: {path: A, not_in: [x]}\nmessage: m\nframeworks:\n  soc2: "
                      "[CC6.1]\ncrossrefs:\n  trivy: [AVD-AWS-1]\n"
                      "references: [https://docs.aws.amazon.com/x]\naliases: "
                      "[old-rule]\nremediation:\n  terraform: tf\n  cloudformation: cfn\n");
    REQUIRE(std::holds_alternative<std::vector<RuleFileError>>(loaded));  // remediation twice
    auto ok = load_rule("x/bad-rule.yaml",
                        kHeader +
                            "check: {path: A, not_in: [x]}\nmessage: m\nframeworks:\n  soc2: "
                            "[CC6.1]\ncrossrefs:\n  trivy: [AVD-AWS-1]\n"
                            "references: [https://docs.aws.amazon.com/x]\naliases: [old-rule]\n");
    REQUIRE(std::holds_alternative<Rule>(ok));
    const Rule& rule = std::get<Rule>(ok);
    CHECK(rule.id == "bad-rule");
    CHECK(rule.severity == Severity::Low);
    CHECK(rule.message == "m");
    CHECK(rule.frameworks.at("soc2") == std::vector<std::string>{"CC6.1"});
    CHECK(rule.crossrefs.at("trivy") == std::vector<std::string>{"AVD-AWS-1"});
    CHECK(rule.aliases == std::vector<std::string>{"old-rule"});
    CHECK(rule.remediation.at("default") == "r");
}

TEST_CASE("numbers: doubles convert to integers without undefined behaviour") {
    CHECK(saturating_cast<int>(3.9) == 3);
    CHECK(saturating_cast<int>(-3.9) == -3);
    CHECK(saturating_cast<int>(std::nan(""), 7) == 7);
    CHECK(saturating_cast<int>(1e300) == std::numeric_limits<int>::max());
    CHECK(saturating_cast<int>(-INFINITY) == std::numeric_limits<int>::lowest());
    CHECK(saturating_cast<std::size_t>(-1.0) == 0);
    CHECK(saturating_cast<std::size_t>(INFINITY) == std::numeric_limits<std::size_t>::max());
    CHECK(saturating_cast<long long>(9.3e18) == std::numeric_limits<long long>::max());
    CHECK(is_whole_number(42.0));
    CHECK_FALSE(is_whole_number(4.2));
    CHECK_FALSE(is_whole_number(std::nan("")));
    CHECK_FALSE(is_whole_number(INFINITY));
    CHECK_FALSE(is_whole_number(1e19));
}
