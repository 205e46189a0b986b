// Partial results are never silent: files that did not parse (YAML, JSON, HCL, CDK Python) or
// were left out (binary) appear in every output format, and --strict turns them into exit 1 with
// every format.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/helpers.h"

using namespace bulwark;

namespace {

struct BrokenProject {
    test::TempDir dir;
    BrokenProject() {
        dir.write("good.yaml",
                  "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
                  "  Queue:\n    Type: AWS::SQS::Queue\n");
        dir.write("broken.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  A: [\n");
        dir.write("broken.json",
                  "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"A\": }\n");
        dir.write("infra/broken.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n");
        dir.write("cdk/cdk.json", "{\"app\": \"python3 app.py\"}\n");
        dir.write("cdk/app.py",
                  "import aws_cdk as cdk\nfrom aws_cdk import aws_s3 as s3\n"
                  "app = cdk.App(\nclass (:\n");
        dir.write("blob.tf", std::string("resource \0 binary", 17));
    }
    std::string root() const { return dir.path().string(); }
};

const std::vector<std::string> kBroken = {"broken.yaml", "broken.json", "infra/broken.tf",
                                          "cdk/app.py", "blob.tf"};

}  // namespace

TEST_CASE("partial results: every format names the files that were not read") {
    BrokenProject project;
    for (const char* format :
         {"text", "json", "sarif", "junit", "csv", "github", "gitlab", "resources"}) {
        CAPTURE(format);
        const test::CliRun run = test::run({"scan", project.root(), "--root", project.root(),
                                            "--format", format, "--no-color", "--fail-on", "none"});
        CHECK(run.exit_code == 0);  // without --strict, input problems alone do not fail
        // The resources dump is the graph; its input problems go to stderr.
        const std::string& output = std::string(format) == "resources" ? run.err : run.out;
        for (const std::string& file : kBroken) {
            CAPTURE(file);
            CHECK(output.find(file) != std::string::npos);
        }
    }
}

TEST_CASE("partial results: --strict fails the scan with every format") {
    BrokenProject project;
    for (const char* format :
         {"text", "json", "sarif", "junit", "csv", "github", "gitlab", "resources"}) {
        CAPTURE(format);
        CHECK(test::run({"scan", project.root(), "--root", project.root(), "--format", format,
                         "--strict", "--fail-on", "none"})
                  .exit_code == 1);
    }
    // One left-out file is enough, even when it is only a warning (binary, too large).
    test::TempDir binary_only;
    binary_only.write("good.yaml",
                      "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
                      "  Queue:\n    Type: AWS::SQS::Queue\n");
    binary_only.write("blob.tf", std::string("resource \0 binary", 17));
    const std::string root = binary_only.path().string();
    CHECK(test::run({"scan", root, "--root", root, "--only", "aws-sqs-queue-encrypted", "--format",
                     "json", "--fail-on", "none"})
              .exit_code == 0);
    CHECK(test::run({"scan", root, "--root", root, "--only", "aws-sqs-queue-encrypted", "--format",
                     "json", "--strict", "--fail-on", "none"})
              .exit_code == 1);
}
