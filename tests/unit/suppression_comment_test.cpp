#include <doctest/doctest.h>

#include "suppress/suppression_comment.h"

using namespace bulwark;

namespace {

SuppressionComment only(const std::string& text) {
    auto comments = find_suppression_comments(text);
    REQUIRE(comments.size() == 1);
    return comments.front();
}

}  // namespace

TEST_CASE("suppression comments: Bulwark's syntax with reason, expiry and owner") {
    const auto c = only(
        "# bulwark:ignore aws-s3-bucket-versioning,aws-s3-bucket-encryption-kms "
        "reason=\"scratch data, rebuilt nightly\" expires=2027-01-31 owner=data-team\n"
        "resource \"aws_s3_bucket\" \"scratch\" {\n");
    CHECK(c.syntax == "bulwark");
    CHECK(c.rule_ids ==
          std::vector<std::string>{"aws-s3-bucket-versioning", "aws-s3-bucket-encryption-kms"});
    CHECK(c.reason == "scratch data, rebuilt nightly");
    CHECK(c.expires == "2027-01-31");
    CHECK(c.owner == "data-team");
    CHECK(c.line == 1);
    CHECK(c.target == 2);
    CHECK_FALSE(c.trailing);
    CHECK(c.problem.empty());
}

TEST_CASE(
    "suppression comments: the target skips further comment lines; trailing comments "
    "target their own line") {
    auto comments = find_suppression_comments(
        "resource \"aws_s3_bucket\" \"a\" {\n"
        "  // bulwark:ignore aws-x reason=why\n"
        "  # another comment\n"
        "\n"
        "  acl = \"public-read\"\n"
        "  versioning { enabled = false } # bulwark:ignore aws-y reason='quoted'\n"
        "}\n");
    REQUIRE(comments.size() == 2);
    CHECK(comments[0].target == 5);
    CHECK(comments[0].previous_code == 1);
    CHECK(comments[1].trailing);
    CHECK(comments[1].target == 6);
    CHECK(comments[1].reason == "quoted");
}

TEST_CASE("suppression comments: mistakes in Bulwark's syntax are reported, not guessed") {
    CHECK(only("# bulwark:ignore reason=\"no rule\"\nx = 1\n").problem.find("names no rule") !=
          std::string::npos);
    CHECK(only("# bulwark:ignore aws-x expires=next-week\nx = 1\n").problem.find("YYYY-MM-DD") !=
          std::string::npos);
    CHECK(only("# bulwark:ignore aws-x resaon=typo\nx = 1\n")
              .problem.find("unknown suppression "
                            "field 'resaon'") != std::string::npos);
    CHECK(only("# bulwark:ignore aws-x reason=\"unterminated\nx = 1\n")
              .problem.find("unterminated") != std::string::npos);
}

TEST_CASE("suppression comments: the peers' syntaxes") {
    auto checkov = only("  #checkov:skip=CKV_AWS_21:Logs are write-once\n");
    CHECK(checkov.syntax == "checkov");
    CHECK(checkov.scope == CommentScope::Block);
    CHECK(checkov.rule_ids == std::vector<std::string>{"CKV_AWS_21"});
    CHECK(checkov.reason == "Logs are write-once");

    auto tfsec = find_suppression_comments(
        "#tfsec:ignore:aws-s3-enable-versioning:exp:2025-01-02 tfsec:ignore:aws-s3-encryption\n"
        "resource \"aws_s3_bucket\" \"b\" {}\n");
    REQUIRE(tfsec.size() == 2);
    CHECK(tfsec[0].rule_ids == std::vector<std::string>{"aws-s3-enable-versioning"});
    CHECK(tfsec[0].expires == "2025-01-02");
    CHECK(tfsec[1].rule_ids == std::vector<std::string>{"aws-s3-encryption"});

    auto trivy = only("# trivy:ignore:AVD-AWS-0090[bucket=logs]\n");
    CHECK(trivy.syntax == "trivy");
    CHECK(trivy.rule_ids == std::vector<std::string>{"AVD-AWS-0090"});

    CHECK(only("# kics-scan ignore-line\nx = 1\n").scope == CommentScope::Line);
    CHECK(only("# kics-scan ignore-block\nx = 1\n").rule_ids == std::vector<std::string>{"*"});
    auto disable = only("# kics-scan disable=aaaa-1,bbbb-2\n");
    CHECK(disable.scope == CommentScope::File);
    CHECK(disable.rule_ids == std::vector<std::string>{"aaaa-1", "bbbb-2"});

    auto terrascan = only("  #ts:skip=AC_AWS_0214 accepted for the demo\n");
    CHECK(terrascan.syntax == "terrascan");
    CHECK(terrascan.reason == "accepted for the demo");
}

TEST_CASE("suppression comments: markers outside comments, and hostile input") {
    CHECK(find_suppression_comments("description = \"bulwark:ignore aws-x\"\n").empty());
    CHECK_FALSE(may_hold_suppressions("resource \"a\" \"b\" {}\n"));
    CHECK(may_hold_suppressions("# checkov:skip=CKV_AWS_1\n"));
    // CRLF line ends, a marker at the very end, an empty input.
    CHECK(only("# bulwark:ignore aws-x reason=r\r\nx = 1\r\n").reason == "r");
    CHECK(find_suppression_comments("# bulwark:ignore").size() == 1);
    CHECK(find_suppression_comments("").empty());
    std::string many;
    for (int i = 0; i < 2000; ++i)
        many += "# tfsec:ignore:a tfsec:ignore:b tfsec:ignore:\n";
    CHECK(find_suppression_comments(many).size() == 4000);
}
