// CDK source front-end: which files it reads, imports and aliases in both languages, variables
// and constants, stacks and nested construct paths across files, unknowns, syntax errors, and
// what happens next to a synthesized cloud assembly.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "parsers/cdk/source/cdk_source_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

ScanResult scan_cdk(const TempDir& dir, cdk::CdkSourceMode mode = cdk::CdkSourceMode::Auto) {
    ScanOptions options;
    options.discovery.paths = {dir.path()};
    options.discovery.root = dir.path();
    options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>(cdk::CdkSourceOptions{mode}));
    return scan(options, frontends);
}

std::vector<std::string> addresses(const ScanResult& result) {
    std::vector<std::string> out;
    for (const Resource& r : result.graph.resources())
        out.push_back(r.address);
    std::sort(out.begin(), out.end());
    return out;
}

const Value* property(const ScanResult& result, const std::string& address,
                      const std::string& path) {
    const Resource* resource = test::find_resource(result, address);
    REQUIRE_MESSAGE(resource != nullptr, "no resource " << address);
    return test::value_at(resource->properties, path);
}

constexpr const char* kSse =
    "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
    "SSEAlgorithm";

}  // namespace

TEST_CASE("cdk source: only CDK apps are claimed, and tests are left alone") {
    using cdk::looks_like_cdk_source;
    CHECK(looks_like_cdk_source("app.py", "import aws_cdk as cdk\n"));
    CHECK(looks_like_cdk_source("stacks/data.py", "from aws_cdk import aws_s3 as s3\n"));
    CHECK(looks_like_cdk_source("lib/stack.ts", "import * as s3 from 'aws-cdk-lib/aws-s3';\n"));
    CHECK(looks_like_cdk_source("lib/stack.ts", "import * as s3 from \"@aws-cdk/aws-s3\";\n"));
    CHECK_FALSE(looks_like_cdk_source("setup.py", "import setuptools\n"));
    CHECK_FALSE(looks_like_cdk_source("src/index.ts", "import express from 'express';\n"));
    CHECK_FALSE(looks_like_cdk_source("lib/stack.d.ts", "import * as cdk from 'aws-cdk-lib';\n"));
    CHECK_FALSE(looks_like_cdk_source("tests/unit/test_stack.py", "import aws_cdk as cdk\n"));
    CHECK_FALSE(
        looks_like_cdk_source("test/stack.test.ts", "import * as cdk from 'aws-cdk-lib';\n"));
    CHECK_FALSE(looks_like_cdk_source("app.yaml", "aws_cdk"));

    // Other Python and TypeScript files are skipped silently.
    TempDir dir;
    dir.write("handler.py", "def handler(event, context):\n    return {'ok': True}\n");
    dir.write("broken.ts", "export const x = {{{;\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.counts.files == 0);
    CHECK(result.diagnostics.empty());
}

TEST_CASE("cdk source: Python import forms and aliases resolve to the same constructs") {
    TempDir dir;
    dir.write("app.py",
              "import aws_cdk as cdk\n"
              "import aws_cdk.aws_kms as kms_module\n"
              "from aws_cdk import Stack, App, aws_s3 as s3\n"
              "from aws_cdk.aws_s3 import Bucket, BucketEncryption as Enc\n"
              "from constructs import Construct\n"
              "\n"
              "class Store(Stack):\n"
              "    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:\n"
              "        super().__init__(scope, construct_id, **kwargs)\n"
              "        s3.Bucket(self, \"A\", encryption=s3.BucketEncryption.KMS_MANAGED)\n"
              "        Bucket(self, \"B\", encryption=Enc.KMS_MANAGED)\n"
              "        cdk.aws_s3.Bucket(self, \"C\", "
              "encryption=cdk.aws_s3.BucketEncryption.KMS_MANAGED)\n"
              "        kms_module.Key(self, \"K\", enable_key_rotation=True)\n"
              "\n"
              "App()\n"
              "Store(App(), \"Store\")\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.diagnostics.empty());
    for (const char* address : {"Store/A", "Store/B", "Store/C"}) {
        INFO(address);
        const Value* sse = property(result, address, kSse);
        REQUIRE(sse != nullptr);
        CHECK(sse->as_string() == "aws:kms");
    }
    CHECK(test::find_resource(result, "Store/K")->type == "AWS::KMS::Key");
    CHECK(test::find_resource(result, "Store/A")->format == SourceFormat::CdkPython);
}

TEST_CASE("cdk source: TypeScript import forms, a stack in lib/ and its id from bin/") {
    TempDir dir;
    dir.write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    dir.write("lib/store-stack.ts",
              "import { Stack, StackProps, RemovalPolicy } from 'aws-cdk-lib';\n"
              "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
              "import { aws_kms as kms } from 'aws-cdk-lib';\n"
              "import { Bucket } from 'aws-cdk-lib/aws-s3';\n"
              "import cdk = require('aws-cdk-lib');\n"
              "import { Construct } from 'constructs';\n"
              "\n"
              "export class StoreStack extends Stack {\n"
              "  constructor(scope: Construct, id: string, props?: StackProps) {\n"
              "    super(scope, id, props);\n"
              "    const key = new kms.Key(this, 'Key', { enableKeyRotation: true });\n"
              "    new s3.Bucket(this, 'A', { encryptionKey: key, removalPolicy: "
              "RemovalPolicy.DESTROY });\n"
              "    new Bucket(this, 'B', { encryption: s3.BucketEncryption.KMS_MANAGED });\n"
              "    new cdk.aws_s3.Bucket(this, 'C', { encryption: "
              "cdk.aws_s3.BucketEncryption.KMS_MANAGED });\n"
              "  }\n"
              "}\n");
    dir.write("bin/app.ts",
              "#!/usr/bin/env node\n"
              "import 'source-map-support/register';\n"
              "import * as cdk from 'aws-cdk-lib';\n"
              "import { StoreStack } from '../lib/store-stack';\n"
              "const app = new cdk.App();\n"
              "new StoreStack(app, 'Production', { env: { region: 'eu-west-1' } });\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) == std::vector<std::string>{"Production/A", "Production/B",
                                                        "Production/C", "Production/Key"});
    const Value* sse = property(result, "Production/A", kSse);
    REQUIRE(sse != nullptr);
    CHECK(sse->as_string() == "aws:kms");
    CHECK(property(result, "Production/B", kSse)->as_string() == "aws:kms");
    CHECK(property(result, "Production/C", kSse)->as_string() == "aws:kms");
    const Resource* a = test::find_resource(result, "Production/A");
    CHECK(test::value_at(a->attributes, "DeletionPolicy")->as_string() == "Delete");
    CHECK(a->format == SourceFormat::CdkTypeScript);
    CHECK(a->range.begin.line == 12);
    // encryption_key=key is a reference: an edge from the bucket to the key.
    bool edge = false;
    for (const Edge& e : result.graph.edges()) {
        edge = edge || (result.graph.resource(e.from).address == "Production/A" &&
                        result.graph.resource(e.to).address == "Production/Key");
    }
    CHECK(edge);
}

TEST_CASE(
    "cdk source: custom constructs nest their paths; helpers, loops and constants are followed") {
    TempDir dir;
    dir.write("cdk.json", "{}\n");
    dir.write("constructs_lib/secure_bucket.py",
              "from aws_cdk import aws_s3 as s3\n"
              "from constructs import Construct\n"
              "\n"
              "DEFAULT_VERSIONED = True\n"
              "\n"
              "class SecureBucket(Construct):\n"
              "    def __init__(self, scope: Construct, id: str, *, versioned: bool = "
              "DEFAULT_VERSIONED) -> None:\n"
              "        super().__init__(scope, id)\n"
              "        self.bucket = s3.Bucket(self, \"Bucket\", versioned=versioned, "
              "enforce_ssl=True)\n");
    dir.write("app.py",
              "import aws_cdk as cdk\n"
              "from aws_cdk import aws_s3 as s3\n"
              "from constructs_lib.secure_bucket import SecureBucket\n"
              "\n"
              "NAMES = [\"raw\", \"curated\"]\n"
              "\n"
              "class Lake(cdk.Stack):\n"
              "    def __init__(self, scope, construct_id, **kwargs):\n"
              "        super().__init__(scope, construct_id, **kwargs)\n"
              "        zone = SecureBucket(self, \"Landing\", versioned=False)\n"
              "        SecureBucket(self, \"Archive\")\n"
              "        for name in NAMES:\n"
              "            self.make_zone(name)\n"
              "        zone.bucket.grant_read(self.reader())\n"
              "\n"
              "    def make_zone(self, name):\n"
              "        return s3.Bucket(self, f\"Zone-{name}\", bucket_name=f\"lake-{name}\")\n"
              "\n"
              "    def reader(self):\n"
              "        return None\n"
              "\n"
              "app = cdk.App()\n"
              "if True:\n"
              "    Lake(app, \"DataLake\")\n"
              "app.synth()\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.diagnostics.empty());
    CHECK(addresses(result) ==
          std::vector<std::string>{"DataLake/Archive/Bucket", "DataLake/Archive/Bucket/Policy",
                                   "DataLake/Landing/Bucket", "DataLake/Landing/Bucket/Policy",
                                   "DataLake/Zone-curated", "DataLake/Zone-raw"});
    CHECK(property(result, "DataLake/Archive/Bucket", "VersioningConfiguration.Status")
              ->as_string() == "Enabled");
    CHECK(property(result, "DataLake/Landing/Bucket", "VersioningConfiguration") == nullptr);
    CHECK(property(result, "DataLake/Zone-raw", "BucketName")->as_string() == "lake-raw");
}

TEST_CASE("cdk source: what cannot be resolved is Unknown, never guessed") {
    TempDir dir;
    dir.write("app.py",
              "import os\n"
              "import aws_cdk as cdk\n"
              "from aws_cdk import aws_s3 as s3, aws_kms as kms\n"
              "\n"
              "class Config(cdk.Stack):\n"
              "    def __init__(self, scope, construct_id, settings, **kwargs):\n"
              "        super().__init__(scope, construct_id, **kwargs)\n"
              "        s3.Bucket(self, \"FromEnv\", versioned=os.environ[\"VERSIONED\"] == \"1\")\n"
              "        s3.Bucket(self, \"FromKwargs\", **settings)\n"
              "        kms.Key(self, \"FromContext\", "
              "enable_key_rotation=self.node.try_get_context(\"rotate\"))\n"
              "        s3.Bucket(self, \"Literal\", versioned=True)\n"
              "\n"
              "app = cdk.App()\n"
              "Config(app, \"Config\", settings=load_settings())\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.diagnostics.empty());
    CHECK(property(result, "Config/FromEnv", "VersioningConfiguration")->is_unknown());
    // **settings may set versioning or encryption: they are Unknown rather than absent.
    CHECK(property(result, "Config/FromKwargs", "VersioningConfiguration")->is_unknown());
    CHECK(property(result, "Config/FromKwargs", "BucketEncryption")->is_unknown());
    CHECK(property(result, "Config/FromContext", "EnableKeyRotation")->is_unknown());
    CHECK(property(result, "Config/Literal", "VersioningConfiguration.Status")->as_string() ==
          "Enabled");
}

TEST_CASE("cdk source: a syntax error is reported with its line and the rest of the scan goes on") {
    TempDir dir;
    dir.write("good.py",
              "import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\n"
              "class Good(cdk.Stack):\n"
              "    def __init__(self, scope, construct_id):\n"
              "        super().__init__(scope, construct_id)\n"
              "        s3.Bucket(self, \"Fine\")\n");
    dir.write("broken.py",
              "import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\n"
              "class Broken(cdk.Stack):\n"
              "    def __init__(self, scope, construct_id):\n"
              "        super().__init__(scope, construct_id)\n"
              "        s3.Bucket(self, \"Before\")\n"
              "        s3.Bucket(self, \"Oops\", versioned=)\n");
    dir.write(
        "broken.ts",
        "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
        "export class Ts extends cdk.Stack {\n"
        "  constructor(scope, id) { super(scope, id); new s3.Bucket(this, 'X', { versioned: }); }\n"
        "}\n");
    const ScanResult result = scan_cdk(dir);
    REQUIRE(result.diagnostics.size() == 2);
    for (const Diagnostic& d : result.diagnostics) {
        CHECK(d.code == DiagnosticCode::ParseError);
        CHECK(d.severity == DiagnosticSeverity::Error);
        const std::string& path = result.path_of(d.file);
        CHECK(d.position.line == (path == "broken.py" ? 7u : 3u));
    }
    CHECK(test::find_resource(result, "Good/Fine") != nullptr);
    CHECK(test::find_resource(result, "Broken/Before") != nullptr);
}

TEST_CASE("cdk source: next to a synthesized cdk.out the assembly wins unless asked otherwise") {
    TempDir dir;
    dir.write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    dir.write("cdk.out/manifest.json", "{\"version\": \"36.0.0\", \"artifacts\": {}}\n");
    dir.write("app.py",
              "import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\n"
              "class S(cdk.Stack):\n"
              "    def __init__(self, scope, construct_id):\n"
              "        super().__init__(scope, construct_id)\n"
              "        s3.Bucket(self, \"B\")\n"
              "S(cdk.App(), \"S\")\n");
    CHECK(scan_cdk(dir, cdk::CdkSourceMode::Auto).graph.resources().empty());
    CHECK(scan_cdk(dir, cdk::CdkSourceMode::Always).graph.resources().size() == 1);
    CHECK(scan_cdk(dir, cdk::CdkSourceMode::Never).counts.files == 0);
}

TEST_CASE("cdk source: runaway code is bounded") {
    TempDir dir;
    dir.write("app.py",
              "import aws_cdk as cdk\n"
              "def forever(n):\n"
              "    return forever(n + 1)\n"
              "class S(cdk.Stack):\n"
              "    def __init__(self, scope, construct_id):\n"
              "        super().__init__(scope, construct_id)\n"
              "        forever(0)\n"
              "        self.again()\n"
              "    def again(self):\n"
              "        return self.again()\n"
              "S(cdk.App(), \"S\")\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.counts.files == 1);
    CHECK(result.graph.resources().empty());
}
