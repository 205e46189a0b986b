// IAM findings through the command line: the detail a built-in adds reaches the text and JSON
// reports, and opt-in rules run only when named with --only.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/helpers.h"

using namespace bulwark;
using Json = nlohmann::json;

TEST_CASE("iam cli: a policy finding says which statement grants what, in text and JSON") {
    test::TempDir dir;
    dir.write("main.tf", R"tf(resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Statement = [
      { Sid = "Reads", Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::logs/*" },
      { Sid = "Everything", Effect = "Allow", Action = "*", Resource = "*" },
    ]
  })
}
)tf");
    const auto text =
        test::run({"scan", dir.path().string(), "--only", "aws-iam-policy-no-admin-access",
                   "--no-color", "--root", dir.path().string()});
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("6:") != std::string::npos);
    CHECK(text.out.find("IAM policy grants full administrator access: statement 'Everything' (#2) "
                        "allows every action (*) on every resource (*)") != std::string::npos);
    const auto json =
        test::run({"scan", dir.path().string(), "--only", "aws-iam-policy-no-admin-access",
                   "--format", "json", "--root", dir.path().string()});
    const Json report = Json::parse(json.out);
    REQUIRE(report["results"].size() == 1);
    CHECK(report["results"][0]["location"]["start_line"] == 6);
    CHECK(report["results"][0]["detail"].get<std::string>().starts_with(
        "statement 'Everything' (#2)"));
}

TEST_CASE("iam cli: opt-in rules run only when named with --only") {
    test::TempDir dir;
    dir.write("main.tf", R"tf(resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}
)tf");
    const auto all =
        test::run({"scan", dir.path().string(), "--format", "json", "--root", dir.path().string()});
    // Parsed into a named value first: a range-for over a member of a temporary reads freed
    // memory (found by AddressSanitizer).
    const Json everything = Json::parse(all.out);
    for (const Json& result : everything["results"])
        CHECK(result["rule_id"] != "aws-iam-role-permissions-boundary");
    const auto named =
        test::run({"scan", dir.path().string(), "--format", "json", "--only",
                   "aws-iam-role-permissions-boundary", "--root", dir.path().string()});
    const Json report = Json::parse(named.out);
    REQUIRE(report["results"].size() == 1);
    CHECK(report["results"][0]["rule_id"] == "aws-iam-role-permissions-boundary");
}
