// Findings about hard-coded secrets point at the secret but never print it: the text and JSON
// reports of a scan over code with made-up secrets must not contain any of them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "support/helpers.h"

using namespace bulwark;
using Json = nlohmann::json;

namespace {

constexpr const char* kAccessKeyId = "AKIAQ3T7W2ZK5N8R4XPL";
constexpr const char* kPassword = "Tr0ub4dor&3-orders";
constexpr const char* kToken = "ghp_8fK2mQ7xV4nT1rW9bL3cY6hJ0sD5gP2aE7uZ";

std::string project_main_tf() {
    return std::string(R"(resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::111122223333:role/orders"
  runtime       = "python3.13"
  handler       = "app.handler"
  s3_bucket     = "artifacts"
  s3_key        = "orders.zip"
  environment {
    variables = {
      DEPLOY_KEY_ID = ")") +
           kAccessKeyId + R"("
    }
  }
}

resource "aws_instance" "worker" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_PASSWORD=')" +
           kPassword + R"('
    git clone https://)" +
           kToken + R"(@github.com/example-org/worker.git
  EOT
}
)";
}

}  // namespace

TEST_CASE("secret findings: text and JSON reports never contain the secret") {
    test::TempDir dir;
    dir.write("main.tf", project_main_tf());
    const std::string root = dir.path().string();
    const auto text =
        test::run({"scan", root, "--root", root, "--format", "text", "--no-color", "--only",
                   "aws-lambda-function-environment-no-secrets,aws-ec2-user-data-no-"
                   "secrets"});
    const auto json = test::run({"scan", root, "--root", root, "--format", "json", "--only",
                                 "aws-lambda-function-environment-no-secrets,aws-ec2-user-data-no-"
                                 "secrets"});
    INFO(text.out << text.err);
    // The findings are reported, at the lines of the secrets...
    CHECK(text.out.find("aws-lambda-function-environment-no-secrets") != std::string::npos);
    CHECK(text.out.find("aws-ec2-user-data-no-secrets") != std::string::npos);
    const Json report = Json::parse(json.out);
    REQUIRE(report["results"].size() == 2);
    for (const Json& result : report["results"]) {
        CHECK(result["sensitive"] == true);
        CHECK(result["location"]["start_line"].get<int>() > 1);
    }
    // ...and no output format quotes them (SARIF and text quote the offending lines elsewhere).
    std::vector<std::string> outputs = {text.out, text.err, json.out, json.err};
    for (const char* format : {"sarif", "junit", "csv", "github", "gitlab"}) {
        const auto other = test::run({"scan", root, "--root", root, "--format", format, "--only",
                                      "aws-lambda-function-environment-no-secrets,aws-ec2-user-"
                                      "data-no-secrets"});
        CAPTURE(format);
        CHECK(other.out.find("no-secrets") != std::string::npos);
        outputs.push_back(other.out);
        outputs.push_back(other.err);
    }
    for (const std::string& output : outputs) {
        CHECK(output.find(kAccessKeyId) == std::string::npos);
        CHECK(output.find(kPassword) == std::string::npos);
        CHECK(output.find(kToken) == std::string::npos);
        CHECK(output.find("Q3T7W2ZK") == std::string::npos);  // not even a fragment
    }
}
