// Nested stacks and AWS::Include: local files read with their parameters, remote ones Unknown,
// cycles and paths outside the scan root reported, never followed.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::find_resource;
using bulwark::test::scan_cloudformation_dir;
using bulwark::test::TempDir;
using bulwark::test::value_at;

namespace {

std::vector<std::string> addresses(const ScanResult& result) {
    std::vector<std::string> out;
    for (const Resource& r : result.graph.resources())
        out.push_back(r.address);
    std::sort(out.begin(), out.end());
    return out;
}

bool mentions(const ScanResult& result, std::string_view text, unsigned line = 0) {
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                       [&](const Diagnostic& d) {
                           return d.message.find(text) != std::string::npos &&
                                  (line == 0 || d.position.line == line);
                       });
}

const char* kNetwork = R"(Parameters:
  CidrBlock: {Type: String, Default: 10.0.0.0/16}
  FlowLogs: {Type: String, Default: "on"}
  Tier: {Type: String, Default: standard}
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref CidrBlock
      Tags: [{Key: flow, Value: !Ref FlowLogs}, {Key: tier, Value: !Ref Tier}]
Outputs:
  VpcId:
    Value: !Ref Vpc
)";

}  // namespace

TEST_CASE("nested stacks: a local TemplateURL is read with the parameters its parent passes") {
    TempDir dir;
    dir.write("stacks/network.yaml", kNetwork);
    dir.write("main.yaml", R"(Parameters:
  Undecided: {Type: String}
Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./stacks/network.yaml
      Parameters:
        CidrBlock: 10.1.0.0/16
        FlowLogs: !Ref Undecided
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !GetAtt Network.Outputs.VpcId
)");
    ScanResult result = scan_cloudformation_dir(dir.path());
    CHECK(result.diagnostics.empty());
    // network.yaml is scanned too, but only through its parent: no standalone `Vpc`.
    CHECK(addresses(result) == std::vector<std::string>{"Group", "Network", "Network/Vpc"});
    const Resource* vpc = find_resource(result, "Network/Vpc");
    REQUIRE(vpc != nullptr);
    CHECK(result.path_of(vpc->file) == "stacks/network.yaml");
    CHECK(vpc->range.begin.line == 6);
    CHECK(vpc->scope == "main.yaml");
    const Value* cidr = vpc->properties.find("CidrBlock");
    CHECK(cidr->as_string() == "10.1.0.0/16");
    CHECK(result.path_of(cidr->range().file) == "main.yaml");  // the value the parent wrote
    CHECK(cidr->range().begin.line == 9);
    CHECK(value_at(vpc->properties, "Tags[0].Value")->is_unknown());  // not the child's default
    CHECK(value_at(vpc->properties, "Tags[1].Value")->as_string() == "standard");
    // The parent's use of the child's output is an edge to the child's resource.
    const ResourceIndex group = *result.graph.find("main.yaml", "Group");
    const auto out = result.graph.out_edges(group);
    REQUIRE(out.size() == 1);
    CHECK(result.graph.resource(result.graph.edges()[out[0]].to).address == "Network/Vpc");
}

TEST_CASE("nested stacks: a child scanned alone is evaluated with its defaults") {
    TempDir dir;
    dir.write("stacks/network.yaml", kNetwork);
    dir.write("main.yaml", R"(Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: stacks/network.yaml}
)");
    ScanResult result = scan_cloudformation_dir(dir.path(), "stacks/network.yaml");
    CHECK(addresses(result) == std::vector<std::string>{"Vpc"});
    CHECK(find_resource(result, "Vpc")->properties.find("CidrBlock")->as_string() == "10.0.0.0/16");
}

TEST_CASE("nested stacks: two levels deep, addresses are prefixed by every parent") {
    TempDir dir;
    dir.write("network.yaml", kNetwork);
    dir.write("platform.yaml", R"(Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: network.yaml}
Outputs:
  Vpc: {Value: !GetAtt Network.Outputs.VpcId}
)");
    dir.write("root.yaml", R"(Resources:
  Platform:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: platform.yaml}
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties: {VpcId: !GetAtt Platform.Outputs.Vpc, ServiceName: s3}
)");
    ScanResult result = scan_cloudformation_dir(dir.path());
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) == std::vector<std::string>{"Endpoint", "Platform", "Platform/Network",
                                                        "Platform/Network/Vpc"});
    const ResourceIndex endpoint = *result.graph.find("root.yaml", "Endpoint");
    REQUIRE(result.graph.out_edges(endpoint).size() == 1);
    CHECK(result.graph.resource(result.graph.edges()[result.graph.out_edges(endpoint)[0]].to)
              .address == "Platform/Network/Vpc");
}

TEST_CASE("nested stacks: remote templates are Unknown with a note") {
    TempDir dir;
    dir.write("main.yaml", R"(Resources:
  Remote:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/bucket/network.yaml
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: x, VpcId: !GetAtt Remote.Outputs.VpcId}
)");
    ScanResult result = scan_cloudformation_dir(dir.path());
    CHECK(addresses(result) == std::vector<std::string>{"Group", "Remote"});
    CHECK(mentions(result, "remote template", 5));
    CHECK(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].severity == DiagnosticSeverity::Note);
    CHECK(find_resource(result, "Group")->properties.find("VpcId")->is_unknown());
}

TEST_CASE("nested stacks: stacks that include each other are reported, not followed forever") {
    TempDir dir;
    dir.write("a.yaml", R"(Resources:
  B:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: b.yaml}
  QueueA: {Type: AWS::SQS::Queue}
)");
    dir.write("b.yaml", R"(Resources:
  A:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./a.yaml}
  QueueB: {Type: AWS::SQS::Queue}
)");
    ScanResult result = scan_cloudformation_dir(dir.path());
    CHECK(addresses(result) == std::vector<std::string>{"B", "B/A", "B/QueueB", "QueueA"});
    CHECK(mentions(result, "forms a cycle (a.yaml -> b.yaml -> a.yaml)", 4));
}

TEST_CASE("nested stacks and includes never read outside the scan root") {
    TempDir dir;
    dir.write("outside.yaml", "Resources:\n  Secret: {Type: AWS::SQS::Queue}\n");
    dir.write("root/main.yaml", R"(Resources:
  Escape:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ../outside.yaml}
  Absolute:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: /etc/passwd}
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      Fn::Transform:
        Name: AWS::Include
        Parameters: {Location: ../outside.yaml}
)");
    ScanResult result = scan_cloudformation_dir(dir.path() / "root");
    CHECK(addresses(result) == std::vector<std::string>{"Absolute", "Bucket", "Escape"});
    CHECK(mentions(result, "outside the scan root", 4));
    CHECK(mentions(result, "outside the scan root", 7));
    CHECK(mentions(result, "outside the scan root", 11));
    CHECK(result.files.size() == 1);  // nothing else was read
}

TEST_CASE(
    "AWS::Include: local snippets are inlined in values, mappings and the Transform section") {
    TempDir dir;
    dir.write("snippets/encryption.yaml", R"(ServerSideEncryptionConfiguration:
  - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}
)");
    dir.write("snippets/queues.yaml", "Jobs: {Type: AWS::SQS::Queue}\n");
    dir.write("snippets/common.json", R"({"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}})");
    dir.write("template.yaml", R"(Transform:
  Name: AWS::Include
  Parameters: {Location: snippets/common.json}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        Fn::Transform:
          Name: AWS::Include
          Parameters: {Location: ./snippets/encryption.yaml}
      VersioningConfiguration:
        Fn::Transform:
          Name: AWS::Include
          Parameters: {Location: s3://bucket/versioning.yaml}
  Fn::Transform:
    Name: AWS::Include
    Parameters: {Location: snippets/queues.yaml}
)");
    ScanResult result = scan_cloudformation_dir(dir.path(), "template.yaml");
    CHECK(addresses(result) == std::vector<std::string>{"Bucket", "Jobs", "Topic"});
    const Resource* bucket = find_resource(result, "Bucket");
    const Value* algorithm = value_at(
        bucket->properties,
        "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault."
        "SSEAlgorithm");
    REQUIRE(algorithm != nullptr);
    CHECK(algorithm->as_string() == "aws:kms");
    CHECK(result.path_of(algorithm->range().file) == "snippets/encryption.yaml");
    CHECK(bucket->properties.find("VersioningConfiguration")->is_unknown());
    CHECK(mentions(result, "remote s3://bucket/versioning.yaml", 13));
    CHECK(result.path_of(find_resource(result, "Jobs")->file) == "snippets/queues.yaml");
}

TEST_CASE("AWS::Include: a snippet that includes itself is reported once") {
    TempDir dir;
    dir.write("loop.yaml", R"(Value:
  Fn::Transform: {Name: AWS::Include, Parameters: {Location: loop.yaml}}
)");
    dir.write("template.yaml", R"(Resources:
  Thing:
    Type: Custom::Thing
    Properties:
      Fn::Transform: {Name: AWS::Include, Parameters: {Location: loop.yaml}}
)");
    ScanResult result = scan_cloudformation_dir(dir.path(), "template.yaml");
    CHECK(find_resource(result, "Thing") != nullptr);
    CHECK(mentions(result, "includes itself"));
}

TEST_CASE("nested stacks: a SAM application with a local Location is a nested stack") {
    TempDir dir;
    dir.write("apps/network.yaml", kNetwork);
    dir.write("template.yaml", R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Network:
    Type: AWS::Serverless::Application
    Properties:
      Location: apps/network.yaml
      Parameters: {Tier: premium}
  FromRepository:
    Type: AWS::Serverless::Application
    Properties:
      Location: {ApplicationId: "arn:aws:serverlessrepo:us-east-1:1:applications/x", SemanticVersion: 1.0.0}
)");
    ScanResult result = scan_cloudformation_dir(dir.path());
    CHECK(addresses(result) ==
          std::vector<std::string>{"FromRepository", "Network", "Network/Vpc"});
    CHECK(find_resource(result, "Network")->type == "AWS::CloudFormation::Stack");
    CHECK(find_resource(result, "Network")->native_type == "AWS::Serverless::Application");
    CHECK(
        value_at(find_resource(result, "Network/Vpc")->properties, "Tags[1].Value")->as_string() ==
        "premium");
    CHECK(mentions(result, "known only at deployment", 11));
}
