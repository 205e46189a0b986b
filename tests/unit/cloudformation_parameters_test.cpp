// Stack parameter values from files (AWS CLI and CodePipeline JSON) and from the command line.
#include <doctest/doctest.h>

#include "parsers/cloudformation/parameters_file.h"
#include "support/helpers.h"

using namespace bulwark;
using cloudformation::ParameterValues;
using cloudformation::parse_parameters_file;

namespace {

ParameterValues values_of(std::string_view text) {
    auto parsed = parse_parameters_file(text, "params.json");
    if (auto* problem = std::get_if<std::string>(&parsed)) FAIL(*problem);
    return std::get<ParameterValues>(parsed);
}

std::string problem_of(std::string_view text) {
    auto parsed = parse_parameters_file(text, "params.json");
    REQUIRE(std::holds_alternative<std::string>(parsed));
    return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("parameters file: the AWS CLI format") {
    CHECK(values_of(R"([
  {"ParameterKey": "Env", "ParameterValue": "prod"},
  {"ParameterKey": "Size", "ParameterValue": 3},
  {"ParameterKey": "Subnets", "ParameterValue": ["a", "b"]},
  {"ParameterKey": "Kept", "UsePreviousValue": true}
])") == ParameterValues{{"Env", "prod"}, {"Size", "3"}, {"Subnets", "a,b"}});
}

TEST_CASE("parameters file: the CodePipeline template configuration format") {
    CHECK(values_of(R"({
  "Parameters": {"Env": "staging", "Flag": true},
  "Tags": {"team": "payments"},
  "StackPolicy": {"Statement": []}
})") == ParameterValues{{"Env", "staging"}, {"Flag", "true"}});
}

TEST_CASE("parameters file: mistakes are reported with file, line and column") {
    CHECK(problem_of("[\n  {\"ParameterKey\": \"Env\",\n   \"ParameterValue\": }\n]") ==
          "params.json:3:22: unexpected character '}', expected a value");
    CHECK(problem_of("[\n  {\"ParameterValue\": \"x\"}\n]") ==
          "params.json:2:3: each entry needs a \"ParameterKey\" string");
    CHECK(problem_of("[{\"ParameterKey\": \"Env\"}]") ==
          "params.json:1:2: parameter Env needs a \"ParameterValue\"");
    CHECK(problem_of("{\n  \"Parameters\": {\"Env\": {\"nested\": 1}}\n}") ==
          "params.json:2:25: the value of Env must be a string");
    CHECK(problem_of("{\"Env\": \"prod\"}")
              .starts_with("params.json:1:1: expected the AWS CLI format"));
    CHECK(problem_of("{\"Parameters\": [1]}") ==
          "params.json:1:16: \"Parameters\" must map parameter names to values");
}

TEST_CASE("cli: --parameter and --parameters-file override template defaults, in that order") {
    test::TempDir dir;
    const auto template_path = dir.write("template.yaml", R"(Parameters:
  Versioning: {Type: String, Default: Enabled}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: {Status: !Ref Versioning}
)");
    const auto cli_file =
        dir.write("cli.json", R"([{"ParameterKey": "Versioning", "ParameterValue": "Suspended"}])");
    const auto pipeline_file =
        dir.write("pipeline.json", R"({"Parameters": {"Versioning": "Enabled"}})");
    const auto bad_file = dir.write("bad.json", "[{\"ParameterKey\": 1}]");
    auto scan = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"scan",     template_path.string(),
                                      "--only",   "aws-s3-bucket-versioning",
                                      "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run(args);
    };
    CHECK(scan({}).exit_code == 0);
    // A flag before the path takes one value only: the path is still scanned.
    auto from_cli_file =
        test::run({"scan", "--parameters-file", cli_file.string(), template_path.string(), "--only",
                   "aws-s3-bucket-versioning", "--fail-on", "medium"});
    CHECK(from_cli_file.exit_code == 1);
    CHECK(from_cli_file.out.find("aws-s3-bucket-versioning") != std::string::npos);
    CHECK(scan({"--parameters-file", cli_file.string(), "--parameters-file", pipeline_file.string(),
                "--fail-on", "medium"})
              .exit_code == 0);  // later files win
    CHECK(scan({"--parameters-file", pipeline_file.string(), "--parameter", "Versioning=Suspended",
                "--fail-on", "medium"})
              .exit_code == 1);  // --parameter wins over files
    auto bad = scan({"--parameters-file", bad_file.string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("bad.json:1:2: each entry needs a \"ParameterKey\" string") !=
          std::string::npos);
    auto malformed = scan({"--parameter", "novalue"});
    CHECK(malformed.exit_code == 2);
    CHECK(malformed.err.find("--parameter needs NAME=VALUE") != std::string::npos);
}
