#include <doctest/doctest.h>

#include <map>

#include "pipeline/scan_units.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// The unit of each file, as the relative paths that share it.
std::map<std::string, std::size_t> units_of(const TempDir& dir) {
    DiscoveryOptions options;
    options.paths = {dir.path()};
    options.root = dir.path();
    const DiscoveryResult discovered = discover(options);
    const std::vector<std::size_t> units = scan_units(discovered.files, dir.path());
    std::map<std::string, std::size_t> out;
    for (std::size_t i = 0; i < units.size(); ++i)
        out[discovered.files[i].relative] = units[i];
    return out;
}

}  // namespace

TEST_CASE("parse_shard takes I/N with 1 <= I <= N") {
    auto shard = parse_shard("2/5");
    REQUIRE(shard);
    CHECK(shard->index == 2);
    CHECK(shard->count == 5);
    for (const char* bad : {"0/1", "3/2", "1/0", "", "/", "1/", "a/b", "1/2x", "-1/2"})
        CHECK_FALSE(parse_shard(bad));
}

TEST_CASE("scan units: a folder stays whole; a root module joins its local modules") {
    TempDir dir;
    dir.write("envs/prod/main.tf", "module \"net\" {\n  source = \"../../modules/net\"\n}\n");
    dir.write("envs/prod/terraform.tfvars", "region = \"eu-west-1\"\n");
    dir.write("envs/dev/main.tf",
              "module \"app\" {\n  source = \"git::https://example.com/x\"\n}\n");
    dir.write("modules/net/main.tf", "resource \"aws_vpc\" \"this\" {}\n");
    dir.write("modules/net/outputs.tf", "output \"id\" { value = aws_vpc.this.id }\n");
    dir.write("modules/unused/main.tf", "resource \"aws_vpc\" \"x\" {}\n");
    dir.write("json/main.tf.json", R"({"module": {"n": {"source": "../modules/unused"}}})");
    auto units = units_of(dir);
    CHECK(units["envs/prod/main.tf"] == units["envs/prod/terraform.tfvars"]);
    CHECK(units["envs/prod/main.tf"] == units["modules/net/main.tf"]);
    CHECK(units["modules/net/main.tf"] == units["modules/net/outputs.tf"]);
    CHECK(units["envs/dev/main.tf"] !=
          units["envs/prod/main.tf"]);  // a remote module links nothing
    CHECK(units["json/main.tf.json"] == units["modules/unused/main.tf"]);
    CHECK(units["json/main.tf.json"] != units["envs/prod/main.tf"]);
}

TEST_CASE("scan units: nested templates, CDK apps and loose CDK sources") {
    TempDir dir;
    dir.write("stacks/parent.yaml",
              "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
              "      TemplateURL: ../shared/child.yaml\n");
    dir.write("shared/child.yaml", "Resources: {}\n");
    dir.write("other/alone.yaml", "Resources: {}\n");
    dir.write("app/cdk.json", "{\"app\": \"python3 app.py\"}\n");
    dir.write("app/app.py", "import aws_cdk as cdk\n");
    dir.write("app/stacks/storage.py", "from aws_cdk import aws_s3\n");
    dir.write("app/cdk.out/manifest.json", "{}\n");
    dir.write("app/cdk.out/Storage.template.json", "{}\n");
    dir.write("loose/a/one.py", "import aws_cdk as cdk\n");
    dir.write("loose/b/two.ts", "import * as cdk from 'aws-cdk-lib';\n");
    dir.write("loose/c/plain.py", "print('not CDK')\n");
    auto units = units_of(dir);
    CHECK(units["stacks/parent.yaml"] == units["shared/child.yaml"]);
    CHECK(units["other/alone.yaml"] != units["stacks/parent.yaml"]);
    CHECK(units["app/app.py"] == units["app/stacks/storage.py"]);
    CHECK(units["app/app.py"] == units["app/cdk.out/Storage.template.json"]);
    CHECK(units["loose/a/one.py"] == units["loose/b/two.ts"]);  // read as one app
    CHECK(units["loose/c/plain.py"] != units["loose/a/one.py"]);
    CHECK(units["loose/a/one.py"] != units["app/app.py"]);
}

TEST_CASE("files_in_shard: every file in exactly one part, the split balanced and stable") {
    TempDir dir;
    for (int i = 0; i < 12; ++i)
        dir.write("m" + std::to_string(i) + "/main.tf", "resource \"aws_vpc\" \"v\" {}\n");
    DiscoveryOptions options;
    options.paths = {dir.path()};
    options.root = dir.path();
    const DiscoveryResult discovered = discover(options);
    std::vector<int> owners(discovered.files.size(), 0);
    for (unsigned part = 1; part <= 4; ++part) {
        const std::vector<bool> in = files_in_shard(discovered.files, dir.path(), {part, 4});
        std::size_t count = 0;
        for (std::size_t i = 0; i < in.size(); ++i) {
            owners[i] += in[i] ? 1 : 0;
            count += in[i] ? 1 : 0;
        }
        CHECK(count == 3);
        CHECK(in == files_in_shard(discovered.files, dir.path(), {part, 4}));
    }
    for (int owner : owners)
        CHECK(owner == 1);
}
