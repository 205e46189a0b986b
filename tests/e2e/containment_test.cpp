// Containment, through the CLI: file(), templatefile(), module sources, nested stack TemplateURLs
// and AWS::Include never read outside the scan root, whether the path climbs out with `..`, is
// absolute, or goes through a symbolic link inside the root. Each attempt is a diagnostic at its
// line; the content outside never reaches any output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;
using Json = nlohmann::json;

namespace {

namespace fs = std::filesystem;

constexpr const char* kMarker = "CONTAINMENT-MARKER-7F3A";

struct Outside {
    TempDir dir;
    Outside() {
        dir.write("secret.txt", std::string(kMarker) + "\n");
        dir.write("module/main.tf",
                  std::string("resource \"aws_s3_bucket\" \"outside\" {\n  bucket = \"") + kMarker +
                      "\"\n}\n");
        dir.write("stack.yaml", std::string("Resources:\n  Outside:\n    Type: AWS::SQS::Queue\n"
                                            "    Properties: {QueueName: ") +
                                    kMarker + "}\n");
    }
    // The path from `folder` (inside another temporary folder) to `relative` here, with `..`.
    std::string climb_from(int levels, const std::string& relative) const {
        std::string path;
        for (int i = 0; i < levels; ++i)
            path += "../";
        return path + dir.path().filename().string() + "/" + relative;
    }
    std::string absolute(const std::string& relative) const {
        return (dir.path() / relative).string();
    }
};

// Every diagnostic of the JSON report as "file:line", with its message.
std::vector<std::pair<std::string, std::string>> diagnostics(const Json& report) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Json& d : report["diagnostics"]) {
        out.emplace_back(d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()),
                         d["message"].get<std::string>());
    }
    return out;
}

bool reported_at(const Json& report, const std::string& where) {
    for (const auto& [at, message] : diagnostics(report)) {
        if (at == where) return true;
    }
    return false;
}

void expect_contained(const std::string& root) {
    for (const char* format : {"json", "text", "sarif", "junit", "csv", "resources"}) {
        CAPTURE(format);
        const test::CliRun run = test::run({"scan", root, "--root", root, "--format", format});
        CHECK(run.out.find(kMarker) == std::string::npos);
        CHECK(run.err.find(kMarker) == std::string::npos);
        CHECK(run.out.find("root:x:0:0") == std::string::npos);
        CHECK(run.out.find("outside.txt") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("containment: file() and templatefile() never read outside the scan root") {
    Outside outside;
    TempDir root;
    std::error_code ec;
    fs::create_symlink(outside.absolute("secret.txt"), root.path() / "link.txt", ec);
    REQUIRE_FALSE(ec);
    root.write("main.tf",
               "locals {\n"
               "  climbed   = file(\"" +
                   outside.climb_from(1, "secret.txt") + "\")\n" + "  absolute  = file(\"" +
                   outside.absolute("secret.txt") + "\")\n" +
                   "  system    = file(\"/etc/passwd\")\n"
                   "  rendered  = templatefile(\"" +
                   outside.absolute("secret.txt") +
                   "\", {})\n"
                   "  linked    = file(\"link.txt\")\n"
                   "}\n\n"
                   "resource \"aws_s3_bucket\" \"b\" {\n"
                   "  bucket = \"contained\"\n"
                   "  tags = {\n"
                   "    climbed  = local.climbed\n"
                   "    absolute = local.absolute\n"
                   "    system   = local.system\n"
                   "    rendered = local.rendered\n"
                   "    linked   = local.linked\n"
                   "  }\n"
                   "}\n");
    const std::string path = root.path().string();
    const test::CliRun run = test::run({"scan", path, "--root", path, "--format", "json"});
    const Json report = Json::parse(run.out);
    INFO(report["diagnostics"].dump(1));
    for (int line = 2; line <= 6; ++line) {
        CAPTURE(line);
        CHECK(reported_at(report, "main.tf:" + std::to_string(line)));
    }
    expect_contained(path);
}

TEST_CASE("containment: module sources outside the root, or linked out of it, are not read") {
    Outside outside;
    TempDir root;
    std::error_code ec;
    // A module folder that is a link out of the root, and a real folder whose file is one.
    fs::create_directory_symlink(outside.absolute("module"), root.path() / "linked", ec);
    REQUIRE_FALSE(ec);
    fs::create_directories(root.path() / "half");
    fs::create_symlink(outside.absolute("module/main.tf"), root.path() / "half" / "main.tf", ec);
    REQUIRE_FALSE(ec);
    root.write("half/inside.tf", "resource \"aws_s3_bucket\" \"half\" {}\n");
    root.write("main.tf", "module \"climbed\" {\n  source = \"" + outside.climb_from(1, "module") +
                              "\"\n}\n"
                              "module \"absolute\" {\n  source = \"" +
                              outside.absolute("module") +
                              "\"\n}\n"
                              "module \"linked\" {\n  source = \"./linked\"\n}\n"
                              "module \"half\" {\n  source = \"./half\"\n}\n");
    const std::string path = root.path().string();
    const test::CliRun run = test::run({"scan", path, "--root", path, "--format", "json"});
    REQUIRE(run.exit_code <= 1);
    const Json report = Json::parse(run.out);
    INFO(report["diagnostics"].dump(1));
    // half/main.tf is a link out of the root met in the folder walk: reported on its own name.
    for (const char* where : {"main.tf:1", "main.tf:4", "main.tf:7", "half/main.tf:0"}) {
        CAPTURE(where);
        CHECK(reported_at(report, where));
    }
    // The file inside the half-linked module is read; the linked one is not.
    bool half = false;
    for (const Json& result : report["results"])
        half |= result["resource"]["address"] == "module.half.aws_s3_bucket.half";
    CHECK(half);
    expect_contained(path);
}

TEST_CASE("containment: nested stacks and AWS::Include never read outside the scan root") {
    Outside outside;
    TempDir root;
    std::error_code ec;
    fs::create_symlink(outside.absolute("stack.yaml"), root.path() / "linked.yaml", ec);
    REQUIRE_FALSE(ec);
    root.write("parent.yaml",
               "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
               "  Climbed:\n    Type: AWS::CloudFormation::Stack\n"
               "    Properties: {TemplateURL: " +
                   outside.climb_from(1, "stack.yaml") + "}\n" +
                   "  Absolute:\n    Type: AWS::CloudFormation::Stack\n"
                   "    Properties: {TemplateURL: " +
                   outside.absolute("stack.yaml") + "}\n" +
                   "  Linked:\n    Type: AWS::CloudFormation::Stack\n"
                   "    Properties: {TemplateURL: ./linked.yaml}\n"
                   "  System:\n    Type: AWS::CloudFormation::Stack\n"
                   "    Properties: {TemplateURL: /etc/passwd}\n"
                   "  Included:\n    Type: AWS::SQS::Queue\n    Properties:\n      Fn::Transform:\n"
                   "        Name: AWS::Include\n"
                   "        Parameters: {Location: " +
                   outside.climb_from(1, "stack.yaml") + "}\n" +
                   "  IncludedLink:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                   "      Fn::Transform:\n        Name: AWS::Include\n"
                   "        Parameters: {Location: ./linked.yaml}\n");
    const std::string path = root.path().string();
    // The link itself is not scanned (symlinks are never followed in a folder walk).
    const test::CliRun run = test::run({"scan", path, "--root", path, "--format", "json"});
    REQUIRE(run.exit_code <= 1);
    const Json report = Json::parse(run.out);
    INFO(report["diagnostics"].dump(1));
    for (const char* where : {"parent.yaml:5", "parent.yaml:8", "parent.yaml:11", "parent.yaml:14",
                              "parent.yaml:18", "parent.yaml:24"}) {
        CAPTURE(where);
        CHECK(reported_at(report, where));
    }
    expect_contained(path);
}
