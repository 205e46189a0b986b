// One test per intrinsic function: what is computed, and what stays Unknown (and why).
#include <doctest/doctest.h>

#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;

namespace {

const Value& property(const test::ParsedTemplate& parsed, const std::string& name) {
    const Resource* thing = parsed.find("Thing");
    REQUIRE(thing != nullptr);
    const Value* value = thing->properties.find(name);
    REQUIRE_MESSAGE(value != nullptr, name);
    return *value;
}

std::vector<std::string> strings(const Value& list) {
    std::vector<std::string> out;
    for (const Value& item : list.as_list())
        out.push_back(item.is_string() ? item.as_string() : "?");
    return out;
}

}  // namespace

TEST_CASE("intrinsics: Fn::GetAtt in both forms refers to the resource and its attribute") {
    auto parsed = parse_cfn(R"(Resources:
  Key: {Type: AWS::KMS::Key}
  Thing:
    Type: Custom::Thing
    Properties:
      Short: !GetAtt Key.Arn
      Long: {"Fn::GetAtt": [Key, KeyId]}
      Nested: !GetAtt [Key, !Sub "Ar${Suffix}"]
Parameters:
  Suffix: {Type: String, Default: n}
)");
    CHECK(parsed.diagnostics.empty());
    const Value& short_form = property(parsed, "Short");
    REQUIRE(short_form.is_unknown());
    CHECK(short_form.as_unknown().references == std::vector<Reference>{{"Key", "Arn"}});
    CHECK(property(parsed, "Long").as_unknown().references ==
          std::vector<Reference>{{"Key", "KeyId"}});
    CHECK(property(parsed, "Nested").as_unknown().references ==
          std::vector<Reference>{{"Key", "Arn"}});
    CHECK(short_form.range().begin.line == 6);
}

TEST_CASE("intrinsics: Fn::Sub list form takes its variables map before parameters and resources") {
    auto parsed = parse_cfn(R"(Parameters:
  Env: {Type: String, Default: prod}
Resources:
  Bucket: {Type: AWS::S3::Bucket}
  Thing:
    Type: Custom::Thing
    Properties:
      Known: !Sub ["${Env}-${Name}-${!Kept}", {Name: !Join ["", [lo, gs]]}]
      Shadowed: !Sub ["${Env}", {Env: dev}]
      FromResource: !Sub ["arn:aws:s3:::${B}/*", {B: !Ref Bucket}]
      Attribute: !Sub "${Bucket.Arn}/*"
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(property(parsed, "Known").as_string() == "prod-logs-${Kept}");
    CHECK(property(parsed, "Shadowed").as_string() == "dev");
    CHECK(property(parsed, "FromResource").as_unknown().references ==
          std::vector<Reference>{{"Bucket", ""}});
    CHECK(property(parsed, "Attribute").as_unknown().references ==
          std::vector<Reference>{{"Bucket", "Arn"}});
}

TEST_CASE(
    "intrinsics: pseudo parameters are Unknown unless given; the partition follows the region") {
    const std::string text = R"(Resources:
  Thing:
    Type: Custom::Thing
    Properties:
      Region: !Ref AWS::Region
      Account: !Ref AWS::AccountId
      Partition: !Ref AWS::Partition
      Suffix: !Ref AWS::URLSuffix
      Stack: !Ref AWS::StackName
      Arn: !Sub "arn:${AWS::Partition}:s3:::x"
      Gone: !Ref AWS::NoValue
      List: [a, !Ref AWS::NoValue, b]
)";
    auto unknown = parse_cfn(text);
    CHECK(unknown.diagnostics.empty());
    for (const char* name : {"Region", "Account", "Stack"}) {
        CHECK_MESSAGE(property(unknown, name).is_unknown(), name);
    }
    CHECK(property(unknown, "Partition").as_string() == "aws");
    CHECK(property(unknown, "Suffix").as_string() == "amazonaws.com");
    CHECK(property(unknown, "Arn").as_string() == "arn:aws:s3:::x");
    CHECK(unknown.find("Thing")->properties.find("Gone") == nullptr);
    CHECK(strings(property(unknown, "List")) == std::vector<std::string>{"a", "b"});

    cloudformation::TemplateOptions china;
    china.parameters["AWS::Region"] = "cn-north-1";
    china.parameters["AWS::AccountId"] = "111122223333";
    auto known = parse_cfn(text, china);
    CHECK(property(known, "Region").as_string() == "cn-north-1");
    CHECK(property(known, "Account").as_string() == "111122223333");
    CHECK(property(known, "Partition").as_string() == "aws-cn");
    CHECK(property(known, "Suffix").as_string() == "amazonaws.com.cn");
    CHECK(property(known, "Arn").as_string() == "arn:aws-cn:s3:::x");
    CHECK(property(known, "Stack").is_unknown());
}

TEST_CASE(
    "intrinsics: Fn::If on a condition over a parameter without value is Unknown, never guessed") {
    const std::string text = R"(Parameters:
  Encrypt: {Type: String, AllowedValues: ["true", "false"]}
Conditions:
  WantsEncryption: !Equals [!Ref Encrypt, "true"]
Resources:
  Thing:
    Type: Custom::Thing
    Properties:
      Algorithm: !If [WantsEncryption, aws:kms, AES256]
      Optional: !If [WantsEncryption, on, !Ref AWS::NoValue]
)";
    auto undecided = parse_cfn(text);
    CHECK(undecided.diagnostics.empty());
    CHECK(property(undecided, "Algorithm").is_unknown());
    CHECK(property(undecided, "Optional").is_unknown());

    cloudformation::TemplateOptions given;
    given.parameters["Encrypt"] = "false";
    auto decided = parse_cfn(text, given);
    CHECK(property(decided, "Algorithm").as_string() == "AES256");
    CHECK(decided.find("Thing")->properties.find("Optional") == nullptr);
}

TEST_CASE("intrinsics: Fn::Cidr computes IPv4 and IPv6 subnets; bad arguments are reported") {
    auto parsed = parse_cfn(R"(Parameters:
  Block: {Type: String, Default: 10.0.0.0/16}
Resources:
  Thing:
    Type: Custom::Thing
    Properties:
      V4: !Cidr [!Ref Block, 3, 8]
      Unaligned: !Cidr ["192.168.1.77/24", 2, "6"]
      V6: !Cidr ["2001:db8:1234::/56", 2, 64]
      Picked: !Select [1, !Cidr [!Ref Block, 4, 12]]
      TooMany: !Cidr ["10.0.0.0/24", 5, 6]
      FromAttribute: !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]
  Vpc: {Type: AWS::EC2::VPC}
)");
    CHECK(strings(property(parsed, "V4")) ==
          std::vector<std::string>{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"});
    CHECK(strings(property(parsed, "Unaligned")) ==
          std::vector<std::string>{"192.168.1.0/26", "192.168.1.64/26"});
    CHECK(strings(property(parsed, "V6")) ==
          std::vector<std::string>{"2001:db8:1234::/64", "2001:db8:1234:1::/64"});
    CHECK(property(parsed, "Picked").as_string() == "10.0.16.0/20");
    CHECK(property(parsed, "TooMany").is_unknown());
    CHECK(property(parsed, "FromAttribute").as_unknown().references ==
          std::vector<Reference>{{"Vpc", "CidrBlock"}});
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].position.line == 11);
}

TEST_CASE("intrinsics: GetAZs, ImportValue and Transform are Unknown and keep their references") {
    auto parsed = parse_cfn(R"(Resources:
  Vpc: {Type: AWS::EC2::VPC}
  Thing:
    Type: Custom::Thing
    Properties:
      Zones: !GetAZs ""
      Zone: !Select [0, !GetAZs {Ref: "AWS::Region"}]
      Imported: !ImportValue {"Fn::Sub": "${Vpc}-export"}
      Macro: {"Fn::Transform": {Name: MyMacro, Parameters: {A: 1}}}
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(property(parsed, "Zones").is_unknown());
    CHECK(property(parsed, "Zone").is_unknown());
    CHECK(property(parsed, "Imported").as_unknown().references ==
          std::vector<Reference>{{"Vpc", ""}});
    CHECK(property(parsed, "Macro").is_unknown());
}

TEST_CASE("intrinsics: language extensions ToJsonString, Length and FindInMap DefaultValue") {
    auto parsed = parse_cfn(R"(Transform: AWS::LanguageExtensions
Parameters:
  Zones: {Type: CommaDelimitedList, Default: "a,b,c"}
  Tier: {Type: String, Default: gold}
Mappings:
  Sizes: {silver: {Count: 1}}
Resources:
  Key: {Type: AWS::KMS::Key}
  Thing:
    Type: Custom::Thing
    Properties:
      Json: !ToJsonString {Name: "x\"y", Items: [1, true, null], Nested: {A: !Ref Tier}}
      Pending: !ToJsonString {Key: !Ref Key}
      Count: !Length [1, 2, !Ref AWS::NoValue]
      ZoneCount: !Length {Ref: Zones}
      Size: !FindInMap [Sizes, !Ref Tier, Count, {DefaultValue: 2}]
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(property(parsed, "Json").as_string() ==
          R"({"Name":"x\"y","Items":[1,true,null],"Nested":{"A":"gold"}})");
    CHECK(property(parsed, "Pending").as_unknown().references ==
          std::vector<Reference>{{"Key", ""}});
    CHECK(property(parsed, "Count").as_number() == 2);
    CHECK(property(parsed, "ZoneCount").as_number() == 3);
    CHECK(property(parsed, "Size").as_number() == 2);
}

TEST_CASE("intrinsics: the Rules section's short forms are known tags") {
    auto parsed = parse_cfn(R"(Parameters:
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-1"}
  VpcId: {Type: String, Default: vpc-1}
Rules:
  SubnetsInVpc:
    Assertions:
      - Assert: !EachMemberEquals [!ValueOf [Subnets, VpcId], !Ref VpcId]
      - Assert: !Contains [[a, b], !RefAll "AWS::EC2::VPC::Id"]
      - Assert: !EachMemberIn [!ValueOfAll ["AWS::EC2::Subnet::Id", Tags], [x]]
Resources:
  Thing: {Type: Custom::Thing}
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(parsed.find("Thing") != nullptr);
}
