// Resource globs of the configuration's scoped suppressions: construct paths and CloudFormation
// addresses split at '/', Terraform addresses at '.' outside instance keys.

#include <doctest/doctest.h>

#include "suppress/resource_glob.h"

using namespace bulwark;

namespace {

Resource resource(std::string address, SourceFormat format, std::string construct_path = {}) {
    Resource out;
    out.address = std::move(address);
    out.format = format;
    out.construct_path = std::move(construct_path);
    return out;
}

}  // namespace

TEST_CASE("resource globs: '*' stays in one construct-path segment, '**' spans any number") {
    CHECK(resource_glob_match("Prod/Logs/*", "Prod/Logs/Bucket", '/'));
    CHECK_FALSE(resource_glob_match("Prod/Logs/*", "Prod/Logs/Bucket/Resource", '/'));
    CHECK_FALSE(resource_glob_match("Prod/Logs/*", "Prod/Logs", '/'));
    CHECK(resource_glob_match("Prod/Logs/**", "Prod/Logs", '/'));
    CHECK(resource_glob_match("Prod/Logs/**", "Prod/Logs/Bucket/Resource", '/'));
    CHECK(resource_glob_match("**/Bucket", "Prod/Logs/Bucket", '/'));
    CHECK(resource_glob_match("**/Bucket", "Bucket", '/'));
    CHECK(resource_glob_match("Prod/**/Resource", "Prod/Data/Storage/Ledger/Resource", '/'));
    CHECK(resource_glob_match("*/Logs*/*", "Staging/LogsArchive/Bucket", '/'));
    CHECK_FALSE(resource_glob_match("Prod/Logs/*", "Staging/Logs/Bucket", '/'));
    CHECK_FALSE(resource_glob_match("Prod/Log", "Prod/Logs", '/'));  // no prefix matching
    CHECK(resource_glob_match("*", "LogBucket", '/'));
    CHECK_FALSE(resource_glob_match("*", "Network/Vpc", '/'));
}

TEST_CASE("resource globs: Terraform addresses split at dots outside instance keys") {
    CHECK(
        resource_glob_match("module.logs.aws_s3_bucket.*", "module.logs.aws_s3_bucket.this", '.'));
    CHECK(resource_glob_match("module.logs.aws_s3_bucket.*",
                              "module.logs.aws_s3_bucket.this[\"a.b\"]", '.'));
    CHECK_FALSE(resource_glob_match("aws_s3_bucket.*", "module.logs.aws_s3_bucket.this", '.'));
    CHECK(resource_glob_match("**.aws_s3_bucket.*", "module.logs.aws_s3_bucket.this", '.'));
    CHECK(resource_glob_match("**.aws_s3_bucket.*", "aws_s3_bucket.this", '.'));
    CHECK(resource_glob_match("module.logs.**", "module.logs.module.inner.aws_sqs_queue.q", '.'));
    // A segment written without an instance key covers every instance, as -target does.
    CHECK(resource_glob_match("aws_instance.web", "aws_instance.web[0]", '.'));
    CHECK(resource_glob_match("module.app.aws_instance.web", "module.app[\"eu\"].aws_instance.web",
                              '.'));
    // With a key, the key must match.
    CHECK(resource_glob_match("aws_instance.web[0]", "aws_instance.web[0]", '.'));
    CHECK_FALSE(resource_glob_match("aws_instance.web[1]", "aws_instance.web[0]", '.'));
    CHECK(resource_glob_match("aws_instance.web[*]", "aws_instance.web[3]", '.'));
    CHECK(resource_glob_match("module.m[\"*\"].aws_s3_bucket.b",
                              "module.m[\"x.y\"].aws_s3_bucket.b", '.'));
    // '[' is literal, never a character class.
    CHECK_FALSE(resource_glob_match("aws_instance.web[01]", "aws_instance.web[0]", '.'));
    CHECK_FALSE(resource_glob_match("aws_instance.webs", "aws_instance.web[0]", '.'));
}

TEST_CASE("resource globs: a resource matches by its format's names") {
    const Resource terraform = resource("module.logs.aws_s3_bucket.this", SourceFormat::Terraform);
    CHECK(resource_glob_matches("module.logs.*.*", terraform));
    CHECK_FALSE(resource_glob_matches("module/logs/**", terraform));

    const Resource cdk =
        resource("Prod/Logs/Bucket", SourceFormat::CdkAssembly, "Prod/Logs/Bucket/Resource");
    CHECK(resource_glob_matches("Prod/Logs/*", cdk));                // the address
    CHECK(resource_glob_matches("Prod/Logs/Bucket/Resource", cdk));  // the full construct path
    CHECK(resource_glob_matches("Prod/*/*/Resource", cdk));
    CHECK_FALSE(resource_glob_matches("Prod/*", cdk));

    const Resource nested = resource("Platform/Network/Vpc", SourceFormat::CloudFormation);
    CHECK(resource_glob_matches("Platform/Network/*", nested));
    CHECK(resource_glob_matches("**/Vpc", nested));
    CHECK_FALSE(resource_glob_matches("Vpc", nested));

    const Resource logical = resource("LogBucket", SourceFormat::Sam);
    CHECK(resource_glob_matches("Log*", logical));
    CHECK_FALSE(resource_glob_matches("Logs*", logical));
}

TEST_CASE("resource globs: malformed globs are named, well-formed ones are not") {
    for (const char* good : {"Prod/Logs/*", "**", "**/Bucket", "module.logs.aws_s3_bucket.*",
                             "aws_instance.web[0]", "module.m[\"a.b\"].**", "Log*Bucket"}) {
        CHECK_MESSAGE(!resource_glob_problem(good), good);
    }
    CHECK(resource_glob_problem("")->find("empty") != std::string::npos);
    CHECK(resource_glob_problem("Prod//Logs")->find("empty segment") != std::string::npos);
    CHECK(resource_glob_problem("Prod/Logs/")->find("empty segment") != std::string::npos);
    CHECK(resource_glob_problem("module..x")->find("empty segment") != std::string::npos);
    CHECK(resource_glob_problem("Prod/Lo**gs")->find("whole segment") != std::string::npos);
    CHECK(resource_glob_problem("aws_s3_bucket.**x")->find("whole segment") != std::string::npos);
    CHECK(resource_glob_problem("aws_instance.web[0")->find("unclosed") != std::string::npos);
    CHECK(resource_glob_problem("module.m[\"a].b")->find("unclosed") != std::string::npos);
}
