// Changed-files mode: files named on the command line (as a pre-commit hook passes staged files)
// are evaluated with their module / app around them, but only they are reported.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "rules/builtins.h"
#include "support/helpers.h"

using namespace bulwark;
using test::run;
using test::TempDir;
using Json = nlohmann::json;

namespace {

constexpr const char* kVersioning = "aws-s3-bucket-versioning";

// One Terraform module in three files: the versioning status of `data` comes from a variable
// declared in another file; `logs` (another file) has no versioning at all.
struct Module {
    TempDir dir;
    explicit Module(const std::string& versioning = "Enabled") {
        dir.write("infra/variables.tf",
                  "variable \"versioning\" {\n"
                  "  type    = string\n"
                  "  default = \"" +
                      versioning + "\"\n}\n");
        dir.write("infra/data.tf",
                  "# The data bucket, versioned as the variable says.\n"
                  "resource \"aws_s3_bucket\" \"data\" {\n"
                  "  bucket = \"example-data\"\n"
                  "}\n"
                  "\n"
                  "resource \"aws_s3_bucket_versioning\" \"data\" {\n"
                  "  bucket = aws_s3_bucket.data.id\n"
                  "  versioning_configuration {\n"
                  "    status = var.versioning\n"
                  "  }\n"
                  "}\n");
        dir.write("infra/logs.tf",
                  "# An unversioned bucket: a finding, but not in data.tf.\n"
                  "resource \"aws_s3_bucket\" \"logs\" {\n"
                  "  bucket = \"example-logs\"\n"
                  "}\n");
    }
    std::string path(const std::string& relative) const { return (dir.path() / relative).string(); }
};

struct Scan {
    int exit_code = 0;
    Json report;
    std::string err;
};

Scan scan_json(const TempDir& dir, std::vector<std::string> paths,
               std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"scan"};
    for (const std::string& path : paths)
        args.push_back((dir.path() / path).string());
    for (const char* option : {"--root", "", "--format", "json", "--only", kVersioning})
        args.push_back(*option ? option : dir.path().string());
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = run(args);
    INFO(result.err);
    REQUIRE(!result.out.empty());
    return Scan{result.exit_code, Json::parse(result.out), result.err};
}

// "file:line address" of every failed finding.
std::set<std::string> failures(const Json& report) {
    std::set<std::string> out;
    for (const Json& finding : report["results"]) {
        out.insert(finding["location"]["file"].get<std::string>() + ":" +
                   std::to_string(finding["location"]["start_line"].get<int>()) + " " +
                   finding["resource"]["address"].get<std::string>());
    }
    return out;
}

}  // namespace

TEST_CASE("changed files: a directory reports every file of the module") {
    Module module;
    const Scan scan = scan_json(module.dir, {"infra"});
    CHECK(failures(scan.report) == std::set<std::string>{"infra/logs.tf:2 aws_s3_bucket.logs"});
    CHECK(scan.report["summary"]["passed"] == 1);
}

TEST_CASE("changed files: findings in other files of the module are not reported") {
    Module module;
    const Scan scan = scan_json(module.dir, {"infra/data.tf"});
    CHECK(scan.exit_code == 0);
    CHECK(failures(scan.report).empty());
    // The one check counted is the data bucket's: the logs bucket is context only.
    CHECK(scan.report["summary"]["checks"] == 1);
    CHECK(scan.report["summary"]["passed"] == 1);
    CHECK(scan.report["summary"]["files"] == 1);

    const Scan logs = scan_json(module.dir, {"infra/logs.tf"});
    CHECK(failures(logs.report) == std::set<std::string>{"infra/logs.tf:2 aws_s3_bucket.logs"});
    CHECK(logs.report["summary"]["checks"] == 1);
}

TEST_CASE("changed files: a variable defined in another file of the module is still used") {
    // Enabled in variables.tf: decided and passed, not undecided for want of the variable.
    Module enabled("Enabled");
    const Scan pass = scan_json(enabled.dir, {"infra/data.tf"});
    CHECK(pass.report["summary"]["passed"] == 1);
    CHECK(pass.report["summary"]["undecided"] == 0);

    // Suspended in variables.tf: the data bucket fails, and the finding points at the value.
    Module suspended("Suspended");
    const Scan fail = scan_json(suspended.dir, {"infra/data.tf"});
    CHECK(fail.exit_code == 0);  // versioning is a medium finding, under the default threshold
    CHECK(failures(fail.report) ==
          std::set<std::string>{"infra/variables.tf:3 aws_s3_bucket.data"});
}

TEST_CASE("changed files: problems in context files are not reported, those in named files are") {
    Module module;
    module.dir.write("infra/broken.tf", "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n");
    const Scan data = scan_json(module.dir, {"infra/data.tf"});
    CHECK(data.report["summary"]["diagnostics"] == 0);
    CHECK(data.report["summary"]["passed"] == 1);

    const Scan broken = scan_json(module.dir, {"infra/broken.tf"});
    CHECK(broken.report["summary"]["diagnostics"].get<int>() > 0);
    for (const Json& diagnostic : broken.report["diagnostics"])
        CHECK(diagnostic["file"] == "infra/broken.tf");
}

TEST_CASE(
    "changed files: a module is evaluated with the inputs of the folder above that calls it") {
    TempDir dir;
    dir.write("modules/store/main.tf",
              "variable \"versioning\" {\n"
              "  default = \"Enabled\"\n"
              "}\n"
              "\n"
              "resource \"aws_s3_bucket\" \"this\" {\n"
              "  bucket = \"example-store\"\n"
              "}\n"
              "\n"
              "resource \"aws_s3_bucket_versioning\" \"this\" {\n"
              "  bucket = aws_s3_bucket.this.id\n"
              "  versioning_configuration {\n"
              "    status = var.versioning\n"
              "  }\n"
              "}\n");
    dir.write("main.tf",
              "# The root turns versioning off for its store.\n"
              "module \"store\" {\n"
              "  source     = \"./modules/store\"\n"
              "  versioning = \"Suspended\"\n"
              "}\n"
              "\n"
              "resource \"aws_s3_bucket\" \"root_only\" {\n"
              "  bucket = \"example-root\"\n"
              "}\n");
    const Scan scan = scan_json(dir, {"modules/store/main.tf"});
    // The caller's value decides, and the root's own unversioned bucket is not reported.
    CHECK(failures(scan.report) ==
          std::set<std::string>{"main.tf:4 module.store.aws_s3_bucket.this"});
}

TEST_CASE("changed files: a CDK stack file is read within its app") {
    TempDir dir;
    dir.write("cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}\n");
    dir.write("lib/store-stack.ts",
              "import { Stack, StackProps } from 'aws-cdk-lib';\n"
              "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
              "import { Construct } from 'constructs';\n"
              "\n"
              "export class StoreStack extends Stack {\n"
              "  constructor(scope: Construct, id: string, props?: StackProps) {\n"
              "    super(scope, id, props);\n"
              "    new s3.Bucket(this, 'Unversioned', {});\n"
              "  }\n"
              "}\n");
    dir.write("bin/app.ts",
              "import * as cdk from 'aws-cdk-lib';\n"
              "import * as s3 from 'aws-cdk-lib/aws-s3';\n"
              "import { StoreStack } from '../lib/store-stack';\n"
              "const app = new cdk.App();\n"
              "new StoreStack(app, 'Production');\n"
              "const tools = new cdk.Stack(app, 'Tools');\n"
              "new s3.Bucket(tools, 'Scratch', {});\n");
    const Scan scan = scan_json(dir, {"lib/store-stack.ts"});
    // The stack's name comes from bin/app.ts; the bucket there is not reported.
    CHECK(failures(scan.report) ==
          std::set<std::string>{"lib/store-stack.ts:8 Production/Unversioned"});
}

TEST_CASE("changed files: deleted and non-infrastructure files") {
    Module module;
    module.dir.write("README.md", "# Infrastructure\n");
    module.dir.write("scripts/tool.py", "print('not CDK')\n");
    // Files that are not infrastructure are ignored without a word.
    const Scan docs = scan_json(module.dir, {"README.md", "scripts/tool.py"});
    CHECK(docs.exit_code == 0);
    CHECK(docs.report["summary"]["files"] == 0);
    CHECK(docs.report["summary"]["diagnostics"] == 0);
    CHECK(docs.err.empty());

    // A path that does not exist is a usage error (a typo must not pass a gate) ...
    const auto missing = run({"scan", module.path("infra/gone.tf"), module.path("infra/logs.tf")});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("gone.tf: no such file or directory") != std::string::npos);
    // ... unless --ignore-missing says deleted files are expected (a hook, `git diff`).
    const Scan skipped =
        scan_json(module.dir, {"infra/gone.tf", "infra/logs.tf"}, {"--ignore-missing"});
    CHECK(skipped.exit_code == 0);
    CHECK(failures(skipped.report) == std::set<std::string>{"infra/logs.tf:2 aws_s3_bucket.logs"});
}

TEST_CASE("changed files: each file of the demo alone gives exactly its part of the full scan") {
    // For a file whose context is complete (root modules, templates), naming it alone reports
    // every finding of the full scan located in it, and nothing the full scan does not report.
    // (Child modules called from sibling folders are evaluated without their callers' inputs in
    // changed-files mode, so they are left out here.)
    const auto demo = test::source_dir() / "fixtures/demo";
    auto findings = [&](const std::string& path) {
        const auto result = run({"scan", (demo / path).string(), "--root", demo.string(),
                                 "--format", "json", "--fail-on", "none"});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        std::set<std::string> out;
        const Json report = Json::parse(result.out);
        for (const Json& finding : report["results"]) {
            out.insert(finding["location"]["file"].get<std::string>() + ":" +
                       std::to_string(finding["location"]["start_line"].get<int>()) + " " +
                       finding["rule_id"].get<std::string>() + " " +
                       finding["resource"]["address"].get<std::string>());
        }
        return out;
    };
    // Rules calling a scan-wide built-in are undecided when files are named (the rest of the
    // repository is not read), so their failures in the full scan are not expected alone.
    std::set<std::string> scan_wide_rules;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::source_dir() / "rules/aws")) {
        if (!entry.is_regular_file()) continue;
        const std::string text = test::read_text(entry.path());
        for (const Builtin& builtin : builtins()) {
            if (builtin.scan_wide &&
                text.find("builtin: " + std::string(builtin.name)) != std::string::npos) {
                scan_wide_rules.insert(entry.path().stem().string());
            }
        }
    }
    REQUIRE(scan_wide_rules.size() >= 3);
    const std::set<std::string> full = findings("");
    REQUIRE(full.size() > 50);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(demo)) {
        const std::string relative = entry.path().lexically_relative(demo).generic_string();
        const bool template_file = relative.starts_with("cloudformation/") &&
                                   (relative.ends_with(".yaml") || relative.ends_with(".json"));
        const bool root_module =
            relative.starts_with("terraform/envs/") && relative.ends_with(".tf");
        if (!entry.is_regular_file() || (!template_file && !root_module)) continue;
        ++files;
        INFO(relative);
        const std::set<std::string> alone = findings(relative);
        for (const std::string& finding : full) {
            const std::string rule =
                finding.substr(finding.find(' ') + 1,
                               finding.find(' ', finding.find(' ') + 1) - finding.find(' ') - 1);
            if (finding.starts_with(relative + ":") && !scan_wide_rules.count(rule))
                CHECK(alone.count(finding) == 1);
        }
        for (const std::string& finding : alone)
            CHECK(full.count(finding) == 1);
    }
    CHECK(files >= 10);
}

TEST_CASE("changed files: rules about the whole scan are undecided, not failed, for named files") {
    // The trail records no data events; another trail elsewhere in the repository might. Scanning
    // the folder decides it (no other trail: failed); naming the file cannot.
    TempDir dir;
    dir.write("audit/trail.yaml",
              "AWSTemplateFormatVersion: '2010-09-09'\n"
              "Resources:\n"
              "  Trail:\n"
              "    Type: AWS::CloudTrail::Trail\n"
              "    Properties:\n"
              "      IsLogging: true\n"
              "      IsMultiRegionTrail: true\n"
              "      S3BucketName: audit-logs\n");
    auto run_rule = [&](const std::string& path) {
        const auto result =
            run({"scan", (dir.path() / path).string(), "--root", dir.path().string(), "--format",
                 "json", "--only", "aws-cloudtrail-s3-data-events"});
        INFO(result.err);
        return Json::parse(result.out)["summary"];
    };
    const Json folder = run_rule("audit");
    CHECK(folder["failed"] == 1);
    const Json named = run_rule("audit/trail.yaml");
    CHECK(named["failed"] == 0);
    CHECK(named["undecided"] == 1);
}
