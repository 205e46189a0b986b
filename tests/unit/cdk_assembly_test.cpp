// The CDK cloud assembly front-end: manifests, stage assemblies, nested stacks, construct-path
// addresses, creation stacks, and what happens when an assembly is broken.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "discovery/discover.h"
#include "parsers/cdk/assembly/assembly_frontend.h"
#include "parsers/cdk/assembly/construct_metadata.h"
#include "parsers/cdk/assembly/construct_paths.h"
#include "parsers/cdk/assembly/manifest.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// Scans `paths` (relative to `root`, the scan root) with the front-ends a real scan puts first
// for these files: the assembly reader, then plain CloudFormation. No rules.
ScanResult scan_assembly(const fs::path& root, std::vector<std::string> paths = {""}) {
    ScanOptions options;
    for (const std::string& path : paths)
        options.discovery.paths.push_back(root / path);
    options.discovery.root = root;
    options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cdk::CdkAssemblyFrontend>());
    frontends.push_back(std::make_unique<cloudformation::CloudFormationFrontend>());
    return scan(options, frontends);
}

std::vector<std::string> addresses(const ScanResult& result) {
    std::vector<std::string> out;
    for (const Resource& resource : result.graph.resources())
        out.push_back(resource.address);
    std::sort(out.begin(), out.end());
    return out;
}

std::string diagnostics_text(const ScanResult& result) {
    std::string out;
    for (const Diagnostic& d : result.diagnostics) {
        out += result.path_of(d.file) + ":" + std::to_string(d.position.line) + ": " + d.message +
               "\n";
    }
    return out;
}

// A minimal assembly, as CDK writes it: one stack whose template has a bucket and its policy.
constexpr const char* kManifest = R"json({
  "version": "55.0.0",
  "artifacts": {
    "Shop.assets": {"type": "cdk:asset-manifest", "properties": {"file": "Shop.assets.json"}},
    "Shop": {
      "type": "aws:cloudformation:stack",
      "environment": "aws://unknown-account/unknown-region",
      "properties": {"templateFile": "Shop.template.json"},
      "additionalMetadataFile": "Shop.metadata.json",
      "displayName": "Shop"
    },
    "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}
  }
})json";

constexpr const char* kTemplate = R"json({
 "Resources": {
  "Logs6819BB44": {
   "Type": "AWS::S3::Bucket",
   "Properties": {"VersioningConfiguration": {"Status": "Enabled"}},
   "Metadata": {
    "aws:cdk:path": "Shop/Logs/Resource",
    "cdk_nag": {"rules_to_suppress": [{"id": "AwsSolutions-S1", "reason": "log bucket"}]}
   }
  },
  "LogsPolicy2A3B5A4F": {
   "Type": "AWS::S3::BucketPolicy",
   "Properties": {"Bucket": {"Ref": "Logs6819BB44"}, "PolicyDocument": {"Statement": []}},
   "DependsOn": ["Logs6819BB44"],
   "Metadata": {"aws:cdk:path": "Shop/Logs/Policy/Resource"}
  },
  "CDKMetadata": {
   "Type": "AWS::CDK::Metadata",
   "Properties": {"Analytics": "v2:deflate64:H4sI"},
   "Metadata": {"aws:cdk:path": "Shop/CDKMetadata/Default"}
  }
 }
})json";

constexpr const char* kMetadata = R"json({
  "/Shop/Logs/Resource": [
    {"type": "aws:cdk:logicalId", "data": "Logs6819BB44"},
    {"type": "aws:cdk:creationStack", "data": [
      "...new Bucket2 in aws-cdk-lib...",
      "new ShopStack (/home/ci/build/shop/lib/shop.ts:3:5)",
      "<anonymous> (/home/ci/build/shop/bin/app.ts:2:1)",
      "...node internals..."]}
  ],
  "/Shop/Logs/Policy/Resource": [
    {"type": "aws:cdk:logicalId", "data": "LogsPolicy2A3B5A4F"},
    {"type": "aws:cdk:creationStack", "data": [
      "...new BucketPolicy in aws-cdk-lib...", "(no user code in 10 frames, use --stack-trace-limit to capture more)"]}
  ]
})json";

constexpr const char* kStackSource =
    "import * as s3 from 'aws-cdk-lib/aws-s3';\n\n"
    "    new s3.Bucket(this, 'Logs', { versioned: true });\n";

void write_shop(const TempDir& dir) {
    dir.write("shop/cdk.out/manifest.json", kManifest);
    dir.write("shop/cdk.out/Shop.template.json", kTemplate);
    dir.write("shop/cdk.out/Shop.metadata.json", kMetadata);
    dir.write("shop/lib/shop.ts", kStackSource);
}

}  // namespace

TEST_CASE("cdk assembly: manifest stacks and stage assemblies are read, other artifacts ignored") {
    const std::string text = R"json({
  "version": "36.0.0",
  "artifacts": {
    "assembly-Prod": {"type": "cdk:cloud-assembly",
                      "properties": {"directoryName": "assembly-Prod", "displayName": "Prod"}},
    "Tools.assets": {"type": "cdk:asset-manifest", "properties": {"file": "Tools.assets.json"}},
    "Tools": {"type": "aws:cloudformation:stack",
              "properties": {"templateFile": "Tools.template.json"},
              "metadata": {"/Tools/Key/Resource": [{"type": "aws:cdk:logicalId", "data": "Key1"}]}},
    "Flags": {"type": "cdk:feature-flag-report", "properties": {"flags": {}}}
  }
})json";
    cdk::ManifestRead read = cdk::read_manifest(text, 0);
    CHECK(read.recognized);
    CHECK(read.diagnostics.empty());
    REQUIRE(read.manifest.stacks.size() == 1);
    const cdk::StackArtifact& stack = read.manifest.stacks.front();
    CHECK(stack.id == "Tools");
    CHECK(stack.display_name == "Tools");  // no displayName: the artifact ID
    CHECK(stack.template_file == "Tools.template.json");
    CHECK(stack.template_at.begin.line == 8);
    CHECK(stack.metadata_file.empty());
    CHECK(stack.metadata.is_map());  // inline metadata, as older CDK versions write it
    REQUIRE(read.manifest.assemblies.size() == 1);
    CHECK(read.manifest.assemblies.front().directory == "assembly-Prod");

    // Another tool's manifest.json is not ours, and says nothing.
    cdk::ManifestRead other = cdk::read_manifest(R"json({"name": "app", "version": "1.0"})json", 0);
    CHECK_FALSE(other.recognized);
    CHECK(other.diagnostics.empty());
}

TEST_CASE("cdk assembly: artifacts of the wrong shape are reported where they are written") {
    const std::string text = R"json({
  "version": "36.0.0",
  "artifacts": {
    "Broken": {"type": "aws:cloudformation:stack", "properties": {"templateFile": 42}},
    "NoProps": {"type": "aws:cloudformation:stack"},
    "Fine": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Fine.template.json"}}
  }
})json";
    cdk::ManifestRead read = cdk::read_manifest(text, 0);
    CHECK(read.recognized);
    REQUIRE(read.diagnostics.size() == 2);
    CHECK(read.diagnostics[0].position.line == 4);
    CHECK(read.diagnostics[0].message.find("Broken needs a templateFile") != std::string::npos);
    CHECK(read.diagnostics[1].position.line == 5);
    REQUIRE(read.manifest.stacks.size() == 1);  // the good stack is still read
    CHECK(read.manifest.stacks.front().id == "Fine");
}

TEST_CASE("cdk assembly: construct paths give addresses; references and DependsOn follow") {
    CHECK(cdk::construct_address("Shop/Logs/Resource") == "Shop/Logs");
    CHECK(cdk::construct_address("Shop/Db/SubnetGroup/Default") == "Shop/Db/SubnetGroup");
    CHECK(cdk::construct_address("Shop/Vpc/PublicSubnet1/Subnet") ==
          "Shop/Vpc/PublicSubnet1/Subnet");
    CHECK(cdk::construct_address("Resource") == "Resource");

    TempDir dir;
    write_shop(dir);
    const ScanResult result = scan_assembly(dir.path());
    INFO(diagnostics_text(result));
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) ==
          std::vector<std::string>{"Shop/CDKMetadata", "Shop/Logs", "Shop/Logs/Policy"});
    const Resource* bucket = test::find_resource(result, "Shop/Logs");
    const Resource* policy = test::find_resource(result, "Shop/Logs/Policy");
    REQUIRE(bucket != nullptr);
    REQUIRE(policy != nullptr);
    CHECK(bucket->format == SourceFormat::CdkAssembly);
    CHECK(bucket->construct_path == "Shop/Logs/Resource");
    CHECK(result.path_of(bucket->file) == "shop/cdk.out/Shop.template.json");
    CHECK(bucket->range.begin.line == 3);  // the logical ID in the template
    // The Ref and the DependsOn now name the bucket's address, so they become edges.
    const ResourceIndex policy_index = *result.graph.find(policy->scope, "Shop/Logs/Policy");
    std::map<std::string, EdgeKind> targets;
    for (std::uint32_t e : result.graph.out_edges(policy_index)) {
        const Edge& edge = result.graph.edges()[e];
        targets.emplace(result.graph.resource(edge.to).address + " " + edge.via, edge.kind);
    }
    CHECK(targets.count("Shop/Logs Bucket") == 1);
    CHECK(targets.count("Shop/Logs ") == 1);  // DependsOn
}

TEST_CASE("cdk assembly: cdk_nag suppressions stay on the resource's Metadata") {
    TempDir dir;
    write_shop(dir);
    const ScanResult result = scan_assembly(dir.path());
    const Resource* bucket = test::find_resource(result, "Shop/Logs");
    REQUIRE(bucket != nullptr);
    const Value* id =
        test::value_at(bucket->attributes, "Metadata.cdk_nag.rules_to_suppress[0].id");
    const Value* reason =
        test::value_at(bucket->attributes, "Metadata.cdk_nag.rules_to_suppress[0].reason");
    REQUIRE(id != nullptr);
    REQUIRE(reason != nullptr);
    CHECK(id->as_string() == "AwsSolutions-S1");
    CHECK(reason->as_string() == "log bucket");
}

TEST_CASE("cdk assembly: the creation stack names the construct's source line") {
    TempDir dir;
    write_shop(dir);
    const ScanResult result = scan_assembly(dir.path());
    const Resource* bucket = test::find_resource(result, "Shop/Logs");
    REQUIRE(bucket != nullptr);
    // /home/ci/build/shop/lib/shop.ts is found as shop/lib/shop.ts: the longest suffix of the
    // synthesizing machine's path that exists above the assembly.
    REQUIRE(bucket->construct_source.valid());
    CHECK(result.path_of(bucket->construct_source.file) == "shop/lib/shop.ts");
    CHECK(bucket->construct_source.begin.line == 3);
    CHECK(bucket->construct_source.begin.column == 5);
    // No user frame recorded (CDK's 10-frame limit): no source line, not a guess.
    const Resource* policy = test::find_resource(result, "Shop/Logs/Policy");
    REQUIRE(policy != nullptr);
    CHECK_FALSE(policy->construct_source.valid());
}

TEST_CASE("cdk assembly: a creation stack line past the end of the file is not trusted") {
    TempDir dir;
    write_shop(dir);
    dir.write("shop/lib/shop.ts", "// rewritten since the synth\n");
    const ScanResult result = scan_assembly(dir.path());
    const Resource* bucket = test::find_resource(result, "Shop/Logs");
    REQUIRE(bucket != nullptr);
    CHECK_FALSE(bucket->construct_source.valid());
}

TEST_CASE("cdk assembly: creation stack frames in the forms CDK and jsii render them") {
    auto frame = cdk::parse_user_frame("new ShopStack (/src/lib/shop.ts:12:5)");
    REQUIRE(frame);
    CHECK(frame->file == "/src/lib/shop.ts");
    CHECK(frame->line == 12);
    CHECK(frame->column == 5);
    frame = cdk::parse_user_frame("    at Object.<anonymous> (C:\\app\\bin\\app.ts:7:1)");
    REQUIRE(frame);
    CHECK(frame->file == "C:\\app\\bin\\app.ts");
    CHECK(frame->line == 7);
    frame = cdk::parse_user_frame("__init__ (/src/stacks/shop.py:20)");  // a Python frame via jsii
    REQUIRE(frame);
    CHECK(frame->file == "/src/stacks/shop.py");
    CHECK(frame->line == 20);
    CHECK(frame->column == 0);
    frame = cdk::parse_user_frame("    at /src/app.js:3:9");
    REQUIRE(frame);
    CHECK(frame->file == "/src/app.js");

    CHECK_FALSE(cdk::parse_user_frame("...new Bucket2 in aws-cdk-lib..."));
    CHECK_FALSE(cdk::parse_user_frame("(no user code in 10 frames, use --stack-trace-limit)"));
    CHECK_FALSE(cdk::parse_user_frame("new Bucket (/src/node_modules/aws-cdk-lib/s3.js:1:99)"));
    CHECK_FALSE(cdk::parse_user_frame("Module._compile (node:internal/modules/cjs:1:2)"));
    CHECK_FALSE(cdk::parse_user_frame(  // a Python app's frame inside the jsii runtime
        "C:\\Users\\dev\\AppData\\Local\\Temp\\tmpo_3vr0bw\\lib\\program.js:2720:58"));
    CHECK_FALSE(
        cdk::parse_user_frame("new Role (/tmp/jsii-kernel-OPS6yn/node_modules/x/role.js:7:2)"));
    CHECK_FALSE(cdk::parse_user_frame("garbage"));
    CHECK_FALSE(cdk::parse_user_frame("f (/src/a.ts:0:0)"));
}

TEST_CASE("cdk assembly: stage assemblies and nested stacks of the synthesized fixture") {
    const fs::path root = test::source_dir() / "fixtures" / "cdk" / "stages";
    const ScanResult result = scan_assembly(root);
    INFO(diagnostics_text(result));
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) == std::vector<std::string>{
                                   "Prod/Data/Archive",
                                   "Prod/Data/Archive/Policy",
                                   "Prod/Data/CDKMetadata",
                                   "Prod/Data/Storage.NestedStack/Storage.NestedStackResource",
                                   "Prod/Data/Storage/CDKMetadata",
                                   "Prod/Data/Storage/Ledger",
                                   "Prod/Data/Storage/Reports",
                                   "Prod/Data/Storage/Reports/Policy",
                                   "Tools/CDKMetadata",
                                   "Tools/ToolsKey",
                               });
    for (const Resource& resource : result.graph.resources()) {
        CAPTURE(resource.address);
        CHECK(resource.format == SourceFormat::CdkAssembly);
        CHECK(resource.construct_path.starts_with(resource.address));
    }
    // The nested stack's table lives in its own template, inside the stage's assembly folder,
    // and its construct is created at app.ts line 15.
    const Resource* ledger = test::find_resource(result, "Prod/Data/Storage/Ledger");
    REQUIRE(ledger != nullptr);
    CHECK(result.path_of(ledger->file) ==
          "cdk.out/assembly-Prod/ProdDataStorage36078EAF.nested.template.json");
    CHECK(ledger->type == "AWS::DynamoDB::Table");
    REQUIRE(ledger->construct_source.valid());
    CHECK(result.path_of(ledger->construct_source.file) == "app.ts");
    CHECK(ledger->construct_source.begin.line == 15);
    // The archive bucket keeps the cdk-nag suppression app.ts added to its metadata.
    const Resource* archive = test::find_resource(result, "Prod/Data/Archive");
    REQUIRE(archive != nullptr);
    const Value* rule =
        test::value_at(archive->attributes, "Metadata.cdk_nag.rules_to_suppress[0].id");
    REQUIRE(rule != nullptr);
    CHECK(rule->as_string() == "AwsSolutions-S1");
}

TEST_CASE("cdk assembly: scanning only the top manifest reads the stage and its templates") {
    const fs::path root = test::source_dir() / "fixtures" / "cdk" / "stages";
    const ScanResult result = scan_assembly(root, {"cdk.out/manifest.json"});
    INFO(diagnostics_text(result));
    CHECK(result.diagnostics.empty());
    CHECK(test::find_resource(result, "Tools/ToolsKey") != nullptr);
    CHECK(test::find_resource(result, "Prod/Data/Archive") != nullptr);
    CHECK(test::find_resource(result, "Prod/Data/Storage/Ledger") != nullptr);
    CHECK(result.graph.resources().size() == 10);
}

TEST_CASE("cdk assembly: no template is read twice, by this front-end or by CloudFormation's") {
    const fs::path root = test::source_dir() / "fixtures" / "cdk";
    const ScanResult result = scan_assembly(root);
    // Each template's resources once (the equivalence folder holds the same logical IDs in
    // several templates, so an address alone may repeat across files).
    std::set<std::pair<std::string, std::string>> seen;
    for (const Resource& resource : result.graph.resources()) {
        CAPTURE(resource.address);
        CHECK(seen.emplace(result.path_of(resource.file), resource.address).second);
    }
    std::size_t synthesized = 0;
    for (const Resource& resource : result.graph.resources()) {
        CAPTURE(resource.address);
        // cdk.out templates are read here; the hand-written templates by CloudFormation's.
        const bool in_assembly =
            result.path_of(resource.file).find("/cdk.out/") != std::string::npos;
        if (in_assembly) {
            CHECK(resource.format == SourceFormat::CdkAssembly);
        } else {
            CHECK((resource.format == SourceFormat::CloudFormation ||
                   resource.format == SourceFormat::Sam));
        }
        synthesized += in_assembly ? 1 : 0;
    }
    CHECK(synthesized == 43 + 10);  // equivalence and stages
    CHECK(test::find_resource(result, "EquivalenceStack/PlainBucket") != nullptr);
    CHECK(test::find_resource(result, "PlainBucket") != nullptr);
}

TEST_CASE("cdk assembly: discovery enters cdk.out folders") {
    CHECK_FALSE(is_skipped_directory("cdk.out"));
    TempDir dir;
    write_shop(dir);
    const ScanResult result = scan_assembly(dir.path(), {"shop"});
    CHECK(test::find_resource(result, "Shop/Logs") != nullptr);
}

TEST_CASE("cdk assembly: a malformed manifest is reported with its line; the scan goes on") {
    TempDir dir;
    write_shop(dir);
    dir.write("broken/cdk.out/manifest.json",
              "{\n  \"version\": \"55.0.0\",\n  \"artifacts\": {\n    \"A\": {,\n  }\n}\n");
    dir.write("plain/bucket.yaml",
              "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: "
              "AWS::S3::Bucket\n");
    const ScanResult result = scan_assembly(dir.path());
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& problem = result.diagnostics.front();
    CHECK(result.path_of(problem.file) == "broken/cdk.out/manifest.json");
    CHECK(problem.position.line == 4);
    CHECK(problem.code == DiagnosticCode::ParseError);
    CHECK(test::find_resource(result, "Shop/Logs") != nullptr);
    CHECK(test::find_resource(result, "B") != nullptr);
}

TEST_CASE("cdk assembly: a missing template or nested template is reported where it is named") {
    TempDir dir;
    dir.write("cdk.out/manifest.json", R"json({
  "version": "55.0.0",
  "artifacts": {
    "Gone": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Gone.template.json"}},
    "Parent": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Parent.template.json"}},
    "assembly-Beta": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Beta"}}
  }
})json");
    dir.write("cdk.out/Parent.template.json", R"json({
 "Resources": {
  "Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true},
          "Metadata": {"aws:cdk:path": "Parent/Key/Resource"}},
  "ChildNestedStackResource": {
   "Type": "AWS::CloudFormation::Stack",
   "Properties": {"TemplateURL": {"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::URLSuffix"}, "/x.json"]]}},
   "Metadata": {"aws:cdk:path": "Parent/Child.NestedStack/Child.NestedStackResource",
                "aws:asset:path": "ParentChild1234.nested.template.json",
                "aws:asset:property": "TemplateURL"}
  }
 }
})json");
    const ScanResult result = scan_assembly(dir.path());
    REQUIRE(result.diagnostics.size() == 3);
    std::map<std::string, const Diagnostic*> by_place;
    for (const Diagnostic& d : result.diagnostics) {
        by_place[result.path_of(d.file) + ":" + std::to_string(d.position.line)] = &d;
    }
    REQUIRE(by_place.count("cdk.out/manifest.json:4"));
    CHECK(by_place["cdk.out/manifest.json:4"]->code == DiagnosticCode::UnreadableFile);
    CHECK(by_place["cdk.out/manifest.json:4"]->message.find("Gone.template.json") !=
          std::string::npos);
    REQUIRE(by_place.count("cdk.out/manifest.json:6"));  // the stage's manifest.json
    REQUIRE(by_place.count("cdk.out/Parent.template.json:9"));
    CHECK(by_place["cdk.out/Parent.template.json:9"]->message.find(
              "ParentChild1234.nested.template.json") != std::string::npos);
    // What is there is still read.
    CHECK(test::find_resource(result, "Parent/Key") != nullptr);
}

TEST_CASE("cdk assembly: files named outside the scan root are not read") {
    TempDir dir;
    dir.write("outside.template.json", kTemplate);
    dir.write("root/cdk.out/manifest.json", R"json({
  "version": "55.0.0",
  "artifacts": {
    "Escape": {"type": "aws:cloudformation:stack",
               "properties": {"templateFile": "../../outside.template.json"}}
  }
})json");
    const ScanResult result = scan_assembly(dir.path() / "root");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics.front().position.line == 5);
    CHECK(result.diagnostics.front().message.find("outside the scan root") != std::string::npos);
    CHECK(result.graph.resources().empty());
}

TEST_CASE("cdk assembly: without aws:cdk:path, the stack metadata gives construct paths") {
    // Synthesized with --no-path-metadata: only the manifest's metadata links logical IDs to
    // construct paths, here inline in the manifest with the debug `trace` of older CDK versions.
    TempDir dir;
    dir.write("app/cdk.out/manifest.json", R"json({
  "version": "21.0.0",
  "artifacts": {
    "Api": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Api.template.json"},
            "metadata": {
              "/Api": [{"type": "aws:cdk:templateFile", "data": "Api.template.json"}],
              "/Api/Queue/Resource": [{"type": "aws:cdk:logicalId", "data": "Queue4A7E3555",
                "trace": ["new Queue (/x/node_modules/aws-cdk-lib/aws-sqs/lib/queue.js:1:2)",
                          "new ApiStack (/x/app/app.js:2:5)"]}]
            }}
  }
})json");
    dir.write("app/cdk.out/Api.template.json", R"json({"Resources": {
  "Queue4A7E3555": {"Type": "AWS::SQS::Queue", "Properties": {}},
  "Handwritten": {"Type": "AWS::SQS::Queue", "Properties": {}}
}})json");
    dir.write("app/app.js",
              "const cdk = require('aws-cdk-lib');\n    new sqs.Queue(this, 'Queue');\n");
    const ScanResult result = scan_assembly(dir.path());
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) == std::vector<std::string>{"Api/Queue", "Handwritten"});
    const Resource* queue = test::find_resource(result, "Api/Queue");
    REQUIRE(queue != nullptr);
    REQUIRE(queue->construct_source.valid());
    CHECK(result.path_of(queue->construct_source.file) == "app/app.js");
    CHECK(queue->construct_source.begin.line == 2);
    const Resource* other = test::find_resource(result, "Handwritten");
    REQUIRE(other != nullptr);
    CHECK(other->format == SourceFormat::CdkAssembly);  // in a CDK stack, without a construct
}

TEST_CASE("cdk assembly: templates without a manifest") {
    TempDir dir;
    // A synthesized template on its own keeps its construct paths ...
    dir.write("out/Shop.template.json", kTemplate);
    // ... and a hand-written *.template.json stays plain CloudFormation.
    dir.write("cfn/network.template.json",
              R"json({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
                   "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}})json");
    // Another tool's manifest.json is left alone.
    dir.write("web/manifest.json", R"json({"name": "shop", "version": "1.0.0", "icons": []})json");
    const ScanResult result = scan_assembly(dir.path());
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) ==
          std::vector<std::string>{"Shop/CDKMetadata", "Shop/Logs", "Shop/Logs/Policy", "Vpc"});
    const Resource* vpc = test::find_resource(result, "Vpc");
    REQUIRE(vpc != nullptr);
    CHECK(vpc->format == SourceFormat::CloudFormation);
    CHECK(vpc->construct_path.empty());
    const Resource* bucket = test::find_resource(result, "Shop/Logs");
    REQUIRE(bucket != nullptr);
    CHECK_FALSE(bucket->construct_source.valid());
}
