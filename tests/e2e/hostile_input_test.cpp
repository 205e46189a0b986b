// Hostile and broken input, scanned through the CLI: every case ends with a diagnostic that names
// the file (and the line, where there is one), and the rest of the scan goes on: a well-formed
// file next to the hostile one is still scanned and still yields its finding. The inventory of
// what is covered where is docs/hardening.md.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;
using Json = nlohmann::json;

namespace {

namespace fs = std::filesystem;

constexpr const char* kRules = "aws-rds-storage-encrypted,aws-s3-bucket-versioning";

// A well-formed template with one finding (an unencrypted database), scanned next to each hostile
// file to show the scan went on.
constexpr const char* kGoodTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # The database stores its data unencrypted.
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: false
)";

struct Scan {
    int exit_code = 0;
    Json report;
    std::string text;  // the text report of the same scan
};

Scan scan(const TempDir& dir, std::vector<std::string> extra = {}) {
    const std::string root = dir.path().string();
    std::vector<std::string> args = {"scan", root, "--root", root, "--only", kRules};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<std::string> json_args = args;
    json_args.insert(json_args.end(), {"--format", "json"});
    std::vector<std::string> text_args = args;
    text_args.insert(text_args.end(), {"--format", "text", "--no-color"});
    const test::CliRun json = test::run(json_args);
    INFO(json.err);
    REQUIRE_MESSAGE(json.exit_code <= 1, "the scan failed: " << json.err);
    Scan out;
    out.exit_code = json.exit_code;
    out.report = Json::parse(json.out);
    out.text = test::run(text_args).out;
    return out;
}

// The diagnostic with `code` on `file`, or null.
const Json* diagnostic(const Scan& scan, const std::string& file, const std::string& code) {
    for (const Json& d : scan.report["diagnostics"]) {
        if (d["file"] == file && d["code"] == code) return &d;
    }
    return nullptr;
}

// Asserts a diagnostic with `code` on `file`, at `line` when it is not 0 (else at any line), and
// that the text report names it as file:line.
void expect_diagnostic(const Scan& scan, const std::string& file, const std::string& code,
                       int line = 0) {
    INFO("diagnostics: " << scan.report["diagnostics"].dump(1));
    const Json* found = diagnostic(scan, file, code);
    REQUIRE_MESSAGE(found != nullptr, "no " << code << " diagnostic on " << file);
    if (line != 0) {
        CHECK((*found)["line"].get<int>() == line);
        CHECK(scan.text.find(file + ":" + std::to_string(line) + ":") != std::string::npos);
    } else {
        CHECK(scan.text.find(file) != std::string::npos);
    }
}

std::set<std::string> flagged(const Scan& scan) {
    std::set<std::string> addresses;
    for (const Json& result : scan.report["results"])
        addresses.insert(result["resource"]["address"].get<std::string>());
    return addresses;
}

// The good template was scanned and yielded its finding.
void expect_scan_went_on(const Scan& scan) {
    CHECK(flagged(scan).count("Orders") == 1);
}

std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

}  // namespace

TEST_CASE("hostile input: a file over the size limit is reported and skipped") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    dir.write("huge/main.tf", "resource \"aws_s3_bucket\" \"huge\" {}\n" + std::string(4096, '#'));
    const Scan result = scan(dir, {"--max-file-size", "2048"});
    expect_diagnostic(result, "huge/main.tf", "file-too-large");
    CHECK(flagged(result).count("aws_s3_bucket.huge") == 0);
    expect_scan_went_on(result);
    CHECK(scan(dir, {"--max-file-size", "2048", "--strict", "--fail-on", "none"}).exit_code == 1);
}

TEST_CASE("hostile input: a large HCL file with a syntax error is left out, not read at any cost") {
    // tree-sitter, which reads what the fast HCL reader rejects, needs about 200 bytes of memory
    // per byte: a 5 MB heredoc with one mistake after it would cost a gigabyte.
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    const std::string heredoc = repeat(std::string(99, 'x') + "\n", 50 * 1024);
    dir.write("broken/main.tf", "resource \"aws_s3_bucket\" \"broken\" {\n  bucket = <<EOT\n" +
                                    heredoc + "EOT\n}\n\nresource \"aws_s3_bucket\" {{\n");
    // The same file without the mistake is read by the fast reader, whatever its size.
    dir.write("fine/main.tf", "resource \"aws_s3_bucket\" \"fine\" {\n  bucket = <<EOT\n" +
                                  heredoc + "EOT\n}\n");
    const Scan result = scan(dir);
    expect_diagnostic(result, "broken/main.tf", "file-too-large");
    CHECK(diagnostic(result, "fine/main.tf", "file-too-large") == nullptr);
    CHECK(flagged(result).count("aws_s3_bucket.fine") == 1);
    expect_scan_went_on(result);
    CHECK(scan(dir, {"--strict", "--fail-on", "none"}).exit_code == 1);
}

TEST_CASE("hostile input: deep nesting in YAML, JSON and HCL is refused, never a stack overflow") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    dir.write("deep.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  A: " +
                               std::string(20000, '[') + std::string(20000, ']') + "\n");
    dir.write("deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": " +
                               repeat("{\"a\": ", 20000) + "1" + std::string(20000, '}') + "}\n");
    // Nested lists, parentheses and blocks; the resource after each still counts.
    dir.write("lists/main.tf", "locals {\n  x = " + std::string(20000, '[') +
                                   std::string(20000, ']') +
                                   "\n}\nresource \"aws_s3_bucket\" \"after_lists\" {}\n");
    dir.write("parens/main.tf", "locals {\n  x = " + std::string(20000, '(') + "1" +
                                    std::string(20000, ')') +
                                    "\n}\nresource \"aws_s3_bucket\" \"after_parens\" {}\n");
    dir.write("objects/main.tf", "locals {\n  x = " + repeat("{ a = ", 5000) + "1" +
                                     repeat(" }", 5000) +
                                     "\n}\nresource \"aws_s3_bucket\" \"after_objects\" {}\n");
    dir.write("blocks/main.tf", "resource \"aws_s3_bucket\" \"deep\" {\n" + repeat("a {\n", 5000) +
                                    repeat("}\n", 5000) +
                                    "}\nresource \"aws_s3_bucket\" \"after_blocks\" {}\n");
    const Scan result = scan(dir);
    expect_diagnostic(result, "deep.yaml", "nesting-too-deep", 3);
    expect_diagnostic(result, "deep.json", "nesting-too-deep", 2);
    expect_diagnostic(result, "lists/main.tf", "nesting-too-deep", 2);
    expect_diagnostic(result, "objects/main.tf", "nesting-too-deep", 2);
    expect_diagnostic(result, "blocks/main.tf", "nesting-too-deep");
    const std::set<std::string> addresses = flagged(result);
    for (const char* address : {"aws_s3_bucket.after_lists", "aws_s3_bucket.after_parens",
                                "aws_s3_bucket.after_objects", "aws_s3_bucket.after_blocks"}) {
        CAPTURE(address);
        CHECK(addresses.count(address) == 1);
    }
    expect_scan_went_on(result);
}

TEST_CASE("hostile input: a YAML alias bomb stops at the expansion limit") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    // Ten levels of ten aliases each: 10^10 nodes if expanded ("billion laughs").
    std::string bomb =
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources: {}\nLaughs:\n"
        "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (char name = 'b'; name <= 'k'; ++name) {
        const char previous = static_cast<char>(name - 1);
        bomb += std::string("  ") + name + ": &" + name + " [" +
                repeat(std::string("*") + previous + ", ", 9) + "*" + previous + "]\n";
    }
    dir.write("bomb.yaml", bomb);
    const Scan result = scan(dir);
    expect_diagnostic(result, "bomb.yaml", "expansion-limit");
    CHECK((*diagnostic(result, "bomb.yaml", "expansion-limit"))["line"].get<int>() > 4);
    expect_scan_went_on(result);
}

TEST_CASE("hostile input: very long lines are read, and reports never quote them whole") {
    TempDir dir;
    // A one-line JSON template of 2 MB: the finding is on line 1, which no report repeats.
    const std::string filler(2 * 1024 * 1024, 'x');
    dir.write("long.json", R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Orders": )"
                           R"({"Type": "AWS::RDS::DBInstance", "Metadata": {"Note": ")" +
                               filler + R"("}, "Properties": {"StorageEncrypted": false}}}})");
    dir.write("long/main.tf", "resource \"aws_s3_bucket\" \"long\" {\n  bucket = \"" +
                                  std::string(200 * 1024, 'b') + "\"\n}\n");
    const Scan result = scan(dir);
    expect_scan_went_on(result);
    CHECK(flagged(result).count("aws_s3_bucket.long") == 1);
    CHECK(result.text.size() < 64 * 1024);
    for (const char* format : {"sarif", "junit", "csv", "gitlab", "github"}) {
        CAPTURE(format);
        const std::string root = dir.path().string();
        const auto out =
            test::run({"scan", root, "--root", root, "--only", kRules, "--format", format});
        CHECK(out.out.size() < 64 * 1024);
    }
}

TEST_CASE("hostile input: huge count, for_each and range() end at their limits") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    dir.write("main.tf", R"(resource "aws_s3_bucket" "many" {
  count  = 100000000
  bucket = "many-${count.index}"
}

resource "aws_s3_bucket" "each" {
  for_each = toset([for i in range(100000000) : tostring(i)])
  bucket   = each.key
}

locals {
  numbers = range(0, 1000000000000, 0.5)
}

resource "aws_s3_bucket" "after" {
  bucket = "after-${length(local.numbers)}"
}
)");
    const Scan result = scan(dir);
    expect_diagnostic(result, "main.tf", "expansion-limit", 2);
    bool range_limit = false;
    for (const Json& d : result.report["diagnostics"])
        range_limit |= d["line"] == 7 || d["line"] == 12;
    CHECK(range_limit);
    CHECK(flagged(result).count("aws_s3_bucket.after") == 1);
    expect_scan_went_on(result);
}

TEST_CASE("hostile input: recursive and mutually recursive modules are reported, and still read") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    // A module that calls itself, and two that call only each other: no module is a root by the
    // usual rule (uncalled), yet none may disappear silently.
    dir.write("self/main.tf",
              "module \"again\" {\n  source = \"./\"\n}\nresource \"aws_s3_bucket\" \"self\" {}\n");
    dir.write(
        "ping/main.tf",
        "module \"pong\" {\n  source = \"../pong\"\n}\nresource \"aws_s3_bucket\" \"ping\" {}\n");
    dir.write(
        "pong/main.tf",
        "module \"ping\" {\n  source = \"../ping\"\n}\nresource \"aws_s3_bucket\" \"pong\" {}\n");
    const Scan result = scan(dir);
    expect_diagnostic(result, "self/main.tf", "invalid-template", 1);
    CHECK((*diagnostic(result, "self/main.tf", "invalid-template"))["message"]
              .get<std::string>()
              .find("module cycle") != std::string::npos);
    const std::set<std::string> addresses = flagged(result);
    CHECK(addresses.count("aws_s3_bucket.self") == 1);
    // ping is taken as the root (first in path order); pong through it; the cycle is reported.
    CHECK(addresses.count("aws_s3_bucket.ping") == 1);
    CHECK(addresses.count("module.pong.aws_s3_bucket.pong") == 1);
    expect_diagnostic(result, "pong/main.tf", "invalid-template", 1);
    expect_scan_went_on(result);
}

TEST_CASE("hostile input: locals and variables that depend on themselves") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    dir.write("main.tf", R"(locals {
  a = local.b
  b = local.c
  c = "${local.a}-suffix"
}

resource "aws_s3_bucket" "cyclic" {
  bucket = local.a
}
)");
    const Scan result = scan(dir);
    expect_diagnostic(result, "main.tf", "invalid-template");
    CHECK((*diagnostic(result, "main.tf", "invalid-template"))["line"].get<int>() >= 2);
    CHECK(flagged(result).count("aws_s3_bucket.cyclic") == 1);
    expect_scan_went_on(result);
}

TEST_CASE("hostile input: nested stacks that include each other are reported, not followed") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    const std::string stack =
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n"
        "  Child:\n    Type: AWS::CloudFormation::Stack\n"
        "    Properties:\n      TemplateURL: ./";
    dir.write("stacks/a.yaml", stack + "b.yaml\n");
    dir.write("stacks/b.yaml", stack + "a.yaml\n");
    dir.write("stacks/self.yaml", stack + "self.yaml\n");
    const Scan result = scan(dir);
    expect_diagnostic(result, "stacks/b.yaml", "unsupported", 6);
    expect_diagnostic(result, "stacks/self.yaml", "unsupported", 6);
    expect_scan_went_on(result);
}

TEST_CASE("hostile input: symlink loops end, and links out of the root are never read") {
    TempDir outside;
    outside.write("credentials.tf", "secret_key = \"do-not-read-me\"\n");
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    dir.write("loop/main.tf", "resource \"aws_s3_bucket\" \"looped\" {}\n");
    std::error_code ec;
    fs::create_directory_symlink(dir.path(), dir.path() / "loop" / "root", ec);
    REQUIRE_FALSE(ec);
    fs::create_directory_symlink(dir.path() / "loop", dir.path() / "loop" / "self", ec);
    fs::create_symlink(outside.path() / "credentials.tf", dir.path() / "stolen.tf", ec);
    fs::create_directory_symlink(outside.path(), dir.path() / "elsewhere", ec);
    REQUIRE_FALSE(ec);
    const Scan result = scan(dir);
    CHECK(flagged(result).count("aws_s3_bucket.looped") == 1);
    expect_scan_went_on(result);
    CHECK(result.report.dump().find("do-not-read-me") == std::string::npos);

    // Named on the command line, a link out of the root is refused with a message.
    for (const char* link : {"stolen.tf", "elsewhere"}) {
        CAPTURE(link);
        const std::string root = dir.path().string();
        const auto named =
            test::run({"scan", (dir.path() / link).string(), "--root", root, "--format", "json"});
        CHECK(named.exit_code == 2);
        CHECK(named.err.find("leads outside the scan root") != std::string::npos);
        CHECK(named.out.find("do-not-read-me") == std::string::npos);
        CHECK(named.err.find("do-not-read-me") == std::string::npos);
    }
}

TEST_CASE("hostile input: binary and non-UTF-8 files") {
    TempDir dir;
    dir.write("good.yaml", kGoodTemplate);
    dir.write("blob.tf", std::string("resource \"aws_s3_bucket\" \"b\" {\0\x01\x02}\n", 35));
    dir.write("blob.yaml", std::string("AWSTemplateFormatVersion: \"2010-09-09\"\0\xff\n", 42));
    // Latin-1 bytes where UTF-8 is expected.
    dir.write("latin1.yaml",
              "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Queue:\n"
              "    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: caf\xe9\n");
    dir.write("latin1/main.tf",
              "resource \"aws_s3_bucket\" \"latin1\" {\n  bucket = \"caf\xe9\"\n}\n");
    dir.write("latin1.json",
              "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"Db\": {\"Type\": "
              "\"AWS::RDS::DBInstance\", \"Properties\": {\"DBName\": \"caf\xe9\"}}}}\n");
    const Scan result = scan(dir);
    expect_diagnostic(result, "blob.tf", "binary-file");
    expect_diagnostic(result, "blob.yaml", "binary-file");
    expect_diagnostic(result, "latin1.yaml", "parse-error", 6);
    // HCL and JSON keep going: the invalid bytes are inside a string.
    CHECK(flagged(result).count("aws_s3_bucket.latin1") == 1);
    CHECK(flagged(result).count("Db") == 1);
    expect_scan_went_on(result);  // and the JSON report parsed, though the input was not UTF-8
}

TEST_CASE("hostile input: CRLF line ends and a byte order mark change nothing") {
    const std::string yaml = kGoodTemplate;
    const std::string json =
        "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
        "  \"Resources\": {\n    \"Ledger\": {\n"
        "      \"Type\": \"AWS::RDS::DBInstance\",\n"
        "      \"Properties\": {\n        \"StorageEncrypted\": false\n"
        "      }\n    }\n  }\n}\n";
    const std::string hcl =
        "# The bucket keeps no versions.\nresource \"aws_s3_bucket\" \"logs\" "
        "{\n  bucket = \"logs\"\n}\n";
    auto crlf = [](const std::string& text) {
        std::string out = "\xEF\xBB\xBF";
        for (char c : text) {
            if (c == '\n') out += '\r';
            out += c;
        }
        return out;
    };
    TempDir plain;
    TempDir windows;
    for (const auto& [path, text] : std::vector<std::pair<std::string, std::string>>{
             {"template.yaml", yaml}, {"template.json", json}, {"main.tf", hcl}}) {
        plain.write(path, text);
        windows.write(path, crlf(text));
    }
    auto findings = [](const Scan& result) {
        std::set<std::tuple<std::string, std::string, int, int>> out;
        for (const Json& r : result.report["results"]) {
            out.emplace(
                r["rule_id"].get<std::string>(), r["resource"]["address"].get<std::string>(),
                r["location"]["start_line"].get<int>(), r["location"]["start_column"].get<int>());
        }
        return out;
    };
    const Scan unix_scan = scan(plain);
    const Scan windows_scan = scan(windows);
    CHECK(unix_scan.report["results"].size() == 3);
    CHECK(findings(windows_scan) == findings(unix_scan));
    CHECK(windows_scan.report["diagnostics"].empty());
}

TEST_CASE("hostile input: a Terraform line read as CDK Python does not crash the reader") {
    // Found by replaying the fixtures through cdk_python_fuzzer: tree-sitter-python recovers from
    // this line with a node whose field is missing, and asking a null node its type crashed.
    TempDir dir;
    dir.write("cdk.json", "{\"app\": \"python3 app.py\"}\n");
    dir.write("app.py", "import aws_cdk as cdk\n  count = var.enable_reporting ? 1 : 0\n");
    dir.write("good.yaml", kGoodTemplate);
    const Scan result = scan(dir);
    expect_diagnostic(result, "app.py", "parse-error");
    expect_scan_went_on(result);
}
