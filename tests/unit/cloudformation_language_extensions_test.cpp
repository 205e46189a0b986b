// Fn::ForEach loops of the AWS::LanguageExtensions transform, expanded before evaluation.
#include <doctest/doctest.h>

#include <string>

#include "support/helpers.h"

using namespace bulwark;

namespace {

bool has_code(const std::vector<Diagnostic>& diagnostics, DiagnosticCode code) {
    for (const Diagnostic& d : diagnostics) {
        if (d.code == code) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("language extensions: a resource loop over a literal list") {
    const auto parsed = test::parse_cfn(R"(Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Queues:
    - Name
    - [orders, "billing-events"]
    - Queue&{Name}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Ref Name
          Tags:
            - Key: purpose
              Value: !Sub "holds ${Name} messages"
)");
    CHECK(parsed.diagnostics.empty());
    REQUIRE(parsed.graph.resources().size() == 2);
    const Resource* billing = parsed.find("Queuebillingevents");
    REQUIRE(billing != nullptr);
    CHECK(billing->type == "AWS::SQS::Queue");
    CHECK(billing->range.begin.line == 6);  // the loop's output line
    const Value* name = billing->properties.find("QueueName");
    REQUIRE(name != nullptr);
    CHECK(name->as_string() == "billing-events");
    const Value& tag = billing->properties.find("Tags")->as_list()[0];
    CHECK(tag.find("Value")->as_string() == "holds billing-events messages");
    CHECK(parsed.find("Queueorders") != nullptr);
}

TEST_CASE(
    "language extensions: the collection from a list parameter, its default or a value "
    "given") {
    const std::string text = R"(Transform: [AWS::LanguageExtensions]
Parameters:
  Environments:
    Type: CommaDelimitedList
    Default: dev,prod
Resources:
  Fn::ForEach::Logs:
    - Env
    - !Ref Environments
    - ${Env}Logs:
        Type: AWS::Logs::LogGroup
        Properties:
          RetentionInDays: 30
)";
    const auto defaults = test::parse_cfn(text);
    CHECK(defaults.diagnostics.empty());
    CHECK(defaults.find("devLogs") != nullptr);
    CHECK(defaults.find("prodLogs") != nullptr);
    cloudformation::TemplateOptions options;
    options.parameters["Environments"] = "qa,stage,live";
    const auto given = test::parse_cfn(text, options);
    CHECK(given.graph.resources().size() == 3);
    CHECK(given.find("stageLogs") != nullptr);
    CHECK(given.find("devLogs") == nullptr);
}

TEST_CASE("language extensions: loops inside loops, and Fn::GetAtt of a generated name") {
    const auto parsed = test::parse_cfn(R"(Transform: AWS::LanguageExtensions
Resources:
  Fn::ForEach::Teams:
    - Team
    - [red, blue]
    - Fn::ForEach::Stages:
        - Stage
        - [test, live]
        - ${Team}${Stage}Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${Team}-${Stage}-data"
  Reader:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: read
      Roles: [reader]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !GetAtt redliveBucket.Arn
)");
    CHECK(parsed.graph.resources().size() == 5);
    const Resource* bucket = parsed.find("bluetestBucket");
    REQUIRE(bucket != nullptr);
    CHECK(bucket->properties.find("BucketName")->as_string() == "blue-test-data");
    CHECK(parsed.diagnostics.empty());
}

TEST_CASE("language extensions: a collection known only at deployment, and a malformed loop") {
    const auto parsed = test::parse_cfn(R"(Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Unknown:
    - Name
    - !Ref Names
    - ${Name}Topic:
        Type: AWS::SNS::Topic
  Fn::ForEach::Broken:
    - Name
    - [a]
  Kept:
    Type: AWS::SNS::Topic
)");
    // Nothing is guessed: the loop over an unknown list creates nothing; the rest is scanned.
    REQUIRE(parsed.graph.resources().size() == 1);
    CHECK(parsed.find("Kept") != nullptr);
    bool noted = false;
    bool malformed = false;
    for (const Diagnostic& d : parsed.diagnostics) {
        if (d.code == DiagnosticCode::Unsupported && d.position.line == 6) noted = true;
        if (d.code == DiagnosticCode::InvalidTemplate && d.position.line == 11 &&
            d.severity == DiagnosticSeverity::Error) {
            malformed = true;
        }
    }
    CHECK(noted);
    CHECK(malformed);
}

TEST_CASE("language extensions: loops that would grow without bound stop at a limit") {
    // 2,000 copies of a resource of about 1,000 values: two million values if nothing stopped it.
    std::string items = "[";
    for (int i = 0; i < 2000; ++i)
        items += (i ? "," : "") + std::to_string(i);
    items += "]";
    std::string ports = "[";
    for (int i = 0; i < 1000; ++i)
        ports += (i ? "," : "") + std::to_string(i);
    ports += "]";
    const auto parsed = test::parse_cfn(
        "Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Many:\n    - N\n    - " +
        items + "\n    - Topic${N}:\n        Type: AWS::SNS::Topic\n        Properties:\n" +
        "          Ports: " + ports + "\n");
    CHECK(has_code(parsed.diagnostics, DiagnosticCode::ExpansionLimit));
    CHECK(parsed.graph.resources().size() < 1000);
    CHECK(parsed.graph.resources().size() > 100);
}

TEST_CASE("language extensions: without the transform a loop key is not a resource") {
    const auto parsed = test::parse_cfn(R"(Resources:
  Fn::ForEach::Queues:
    - Name
    - [a]
    - Queue${Name}:
        Type: AWS::SQS::Queue
)");
    CHECK(parsed.graph.resources().empty());
    CHECK(has_code(parsed.diagnostics, DiagnosticCode::InvalidTemplate));
}
