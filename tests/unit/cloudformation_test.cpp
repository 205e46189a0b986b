#include <doctest/doctest.h>

#include <algorithm>

#include "parsers/cloudformation/cloudformation_frontend.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;

TEST_CASE("cloudformation: parameters, Sub, Join, Select, Split, FindInMap and Base64 evaluate") {
    auto parsed = parse_cfn(R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    Default: prod
  Subnets:
    Type: CommaDelimitedList
    Default: "a, b,c"
  NoDefault:
    Type: String
Mappings:
  Sizes:
    prod: {Instance: m5.large}
Resources:
  Thing:
    Type: Custom::Thing
    Properties:
      Name: !Sub "${Env}-data-${!Literal}"
      Joined: !Join ["-", [x, !Ref Env, 3]]
      Second: !Select [1, !Ref Subnets]
      Parts: !Split [",", "p,q"]
      Size: !FindInMap [Sizes, !Ref Env, Instance]
      Encoded: !Base64 "hi!"
      Missing: !Ref NoDefault
      Region: !Sub "${AWS::Region}-x"
)");
    CHECK(parsed.diagnostics.empty());
    const Value& p = parsed.find("Thing")->properties;
    CHECK(p.find("Name")->as_string() == "prod-data-${Literal}");
    CHECK(p.find("Joined")->as_string() == "x-prod-3");
    CHECK(p.find("Second")->as_string() == "b");
    CHECK(p.find("Parts")->as_list().at(1).as_string() == "q");
    CHECK(p.find("Size")->as_string() == "m5.large");
    CHECK(p.find("Encoded")->as_string() == "aGkh");
    CHECK(p.find("Missing")->is_unknown());
    CHECK(p.find("Region")->is_unknown());
}

TEST_CASE("cloudformation: a Ref to a parameter points at its default") {
    auto parsed = parse_cfn(R"(Parameters:
  Versioning:
    Type: String
    Default: Suspended
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: !Ref Versioning
)");
    const Value* status =
        parsed.find("Bucket")->properties.find("VersioningConfiguration")->find("Status");
    CHECK(status->as_string() == "Suspended");
    CHECK(status->range().begin.line == 4);
}

TEST_CASE("cloudformation: conditions decide Fn::If, resource Conditions and NoValue") {
    auto parsed = parse_cfn(R"(Parameters:
  Env: {Type: String, Default: prod}
  Unknown: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref Unknown, x]]
  Either: !Or [!Condition IsProd, !Equals [!Ref Unknown, x]]
Resources:
  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      A: !If [IsProd, yes-prod, no]
      B: !If [IsDev, dev, !Ref AWS::NoValue]
      C: !If [Both, 1, 2]
      D: !If [Either, 1, 2]
      E: !If [Both, same, same]
  DevOnly:
    Type: AWS::S3::Bucket
    Condition: IsDev
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(parsed.find("DevOnly") == nullptr);
    const Value& p = parsed.find("ProdOnly")->properties;
    CHECK(p.find("A")->as_string() == "yes-prod");
    CHECK(p.find("B") == nullptr);
    CHECK(p.find("C")->is_unknown());
    CHECK(p.find("D")->as_number() == 1);
    CHECK(p.find("E")->as_string() == "same");
    CHECK(parsed.find("ProdOnly")->attributes.find("Condition")->as_string() == "IsProd");
}

TEST_CASE(
    "cloudformation: Ref and GetAtt to resources become graph edges with their property path") {
    auto parsed = parse_cfn(R"({
  "Resources": {
    "Key": {"Type": "AWS::KMS::Key"},
    "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {
      "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {
        "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Fn::GetAtt": ["Key", "Arn"]}}}]}}},
    "Policy": {"Type": "AWS::S3::BucketPolicy", "DependsOn": "Key",
               "Properties": {"Bucket": {"Ref": "Bucket"}, "PolicyDocument": {}}}
  }
})");
    CHECK(parsed.diagnostics.empty());
    const Graph& g = parsed.graph;
    const ResourceIndex bucket = parsed.index_of("Bucket");
    const ResourceIndex key = parsed.index_of("Key");
    const ResourceIndex policy = parsed.index_of("Policy");
    REQUIRE(g.out_edges(bucket).size() == 1);
    const Edge& to_key = g.edges()[g.out_edges(bucket)[0]];
    CHECK(to_key.to == key);
    CHECK(to_key.via ==
          "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault."
          "KMSMasterKeyID");
    REQUIRE(g.in_edges(bucket).size() == 1);
    CHECK(g.edges()[g.in_edges(bucket)[0]].from == policy);
    CHECK(g.edges()[g.in_edges(bucket)[0]].via == "Bucket");
    bool depends = false;
    for (auto e : g.out_edges(policy))
        depends |= g.edges()[e].kind == EdgeKind::DependsOn && g.edges()[e].to == key;
    CHECK(depends);
}

TEST_CASE("cloudformation: standalone security group rules fold into their group") {
    auto parsed = parse_cfn(R"(Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Group.GroupId
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
)");
    const Value* ingress = parsed.find("Group")->properties.find("SecurityGroupIngress");
    REQUIRE(ingress->as_list().size() == 2);
    CHECK(ingress->as_list()[1].find("FromPort")->as_number() == 22);
    CHECK(ingress->as_list()[1].find("GroupId") == nullptr);
    CHECK(ingress->as_list()[1].range().begin.line == 8);
    CHECK(parsed.graph.of_type("AWS::EC2::SecurityGroupIngress").empty());
    CHECK(parsed.graph.folded_into(parsed.index_of("Ssh")) == parsed.index_of("Group"));
}

TEST_CASE(
    "cloudformation: malformed templates give diagnostics with lines and keep good resources") {
    auto parsed = parse_cfn(R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  NoType:
    Properties: {}
  BadProperties:
    Type: AWS::S3::Bucket
    Properties: [1, 2]
  NotAMap: 42
  Good:
    Type: AWS::S3::Bucket
    DependsOn: Ghost
    Properties:
      Name: !Ref Nowhere
)");
    CHECK(parsed.find("Good") != nullptr);
    CHECK(parsed.graph.resources().size() == 1);
    std::vector<unsigned> lines;
    for (const Diagnostic& d : parsed.diagnostics)
        lines.push_back(d.position.line);
    std::sort(lines.begin(), lines.end());
    CHECK(lines == std::vector<unsigned>{3, 7, 8, 11, 13});
}

TEST_CASE("cloudformation: other YAML that mentions AWS types is not a template") {
    auto out = cloudformation::parse_template(
        "kind: ConfigMap\ndata:\n  Resources: AWS::S3::Bucket Type\n", 0, "t", {});
    CHECK_FALSE(out.recognized);
    CHECK(out.diagnostics.empty());
    auto broken =
        cloudformation::parse_template("AWSTemplateFormatVersion: x\nResources: [\n", 0, "t", {});
    CHECK(broken.recognized);
    REQUIRE(broken.diagnostics.size() == 1);
    CHECK(broken.diagnostics[0].code == DiagnosticCode::ParseError);
}

TEST_CASE("cloudformation: self-referencing conditions are reported, not looped on") {
    auto parsed = parse_cfn(R"(Conditions:
  A: !Condition B
  B: !Condition A
Resources:
  X:
    Type: AWS::S3::Bucket
    Condition: A
)");
    CHECK(parsed.find("X") != nullptr);  // undecided condition: the resource may exist
    bool reported = false;
    for (const Diagnostic& d : parsed.diagnostics)
        reported |= d.message.find("depends on itself") != std::string::npos;
    CHECK(reported);
}

TEST_CASE("graph: a bucket policy that names its bucket literally is connected to it") {
    auto parsed = parse_cfn(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties: {BucketName: statements-archive}
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties: {Bucket: statements-archive, PolicyDocument: {}}
  Elsewhere:
    Type: AWS::S3::BucketPolicy
    Properties: {Bucket: another-bucket, PolicyDocument: {}}
)");
    const Graph& g = parsed.graph;
    const auto in = g.in_edges(parsed.index_of("Bucket"));
    REQUIRE(in.size() == 1);
    CHECK(g.edges()[in[0]].from == parsed.index_of("Policy"));
    CHECK(g.edges()[in[0]].via == "Bucket");
}

TEST_CASE(
    "cloudformation: resource attributes reach rules through $resource, with undecided "
    "conditions kept") {
    test::TempDir rules;
    rules.write(
        "aws-dynamodb-table-retained.yaml",
        "id: aws-dynamodb-table-retained\ntitle: Tables are retained\nseverity: low\n"
        "description: Deleting the stack keeps the data.\nremediation: Set DeletionPolicy.\n"
        "resource: [AWS::DynamoDB::Table]\n"
        "check: {path: $resource.DeletionPolicy, equals: Retain}\n");
    test::TempDir dir;
    const auto file = dir.write("template.yaml", R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Kept:
    Type: AWS::Serverless::SimpleTable
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
  Dropped:
    Type: AWS::DynamoDB::Table
    Condition: IsProd
    DependsOn: Kept
    Metadata: {owner: data}
    Properties: {KeySchema: []}
)");
    auto run = test::run({"scan", file.string(), "--rules", rules.path().string(), "--only",
                          "aws-dynamodb-table-retained", "--format", "resources"});
    CHECK(run.exit_code == 0);
    auto findings =
        test::run({"scan", file.string(), "--rules", rules.path().string(), "--only",
                   "aws-dynamodb-table-retained", "--fail-on", "low", "--format", "csv"});
    CHECK(findings.exit_code == 1);
    CHECK(findings.out.find(",Dropped,") != std::string::npos);
    CHECK(findings.out.find(",Kept,") == std::string::npos);

    auto parsed = parse_cfn(test::read_text(file));
    const Resource* dropped = parsed.find("Dropped");
    REQUIRE(dropped != nullptr);  // its condition is undecided: present, condition recorded
    CHECK(dropped->attributes.find("Condition")->as_string() == "IsProd");
    CHECK(dropped->attributes.find("Metadata")->find("owner")->as_string() == "data");
    CHECK(dropped->depends_on == std::vector<Reference>{{"Kept", ""}});
    CHECK(parsed.find("Kept")->attributes.find("UpdateReplacePolicy")->as_string() == "Retain");
}
