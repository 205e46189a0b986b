// Templates written for Rain (the CloudFormation CLI) before `rain pkg`: their modules and
// directives are deployment-time input, noted once, never reported as broken template text.
#include <doctest/doctest.h>

#include "support/helpers.h"

using namespace bulwark;

TEST_CASE("rain: a module resource is noted, references into it stay unknown without warnings") {
    const auto parsed = test::parse_cfn(R"(Resources:
  Network:
    Type: !Rain::Module ../modules/vpc.yml
    Properties:
      Name: shop
  Web:
    Type: AWS::EC2::Instance
    Properties:
      SubnetId: !GetAtt NetworkPublicSubnet1.SubnetId
      SecurityGroupIds: [!Ref NetworkWebGroup]
      UserData:
        Fn::Base64:
          Fn::Sub:
            Rain::Embed: boot.sh
  Other:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Ref Missing
)");
    REQUIRE(parsed.diagnostics.size() == 2);
    // The module, noted where it is declared.
    CHECK(parsed.diagnostics[0].severity == DiagnosticSeverity::Note);
    CHECK(parsed.diagnostics[0].position.line == 2);
    CHECK(parsed.diagnostics[0].message.find("Rain module") != std::string::npos);
    // A reference that no module explains is still reported.
    CHECK(parsed.diagnostics[1].code == DiagnosticCode::UnresolvedReference);
    CHECK(parsed.diagnostics[1].position.line == 18);

    const Resource* web = parsed.find("Web");
    REQUIRE(web != nullptr);
    CHECK(web->properties.find("SubnetId")->is_unknown());
    CHECK(web->properties.find("UserData")->is_unknown());
    CHECK(parsed.find("Network") == nullptr);
}

TEST_CASE("rain: the JSON form of a module type") {
    const auto parsed = test::parse_cfn(R"({"Resources": {
  "Storage": {"Type": {"Rain::Module": "bucket.yml"}, "Properties": {"AppName": "shop"}},
  "Reader": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "read", "Roles": ["r"],
    "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
      "Resource": {"Fn::GetAtt": ["StorageBucket", "Arn"]}}]}}}}})");
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].severity == DiagnosticSeverity::Note);
    CHECK(parsed.graph.resources().size() == 1);
}
