#include <doctest/doctest.h>

#include "io/document_reader.h"
#include "parsers/cloudformation/short_form_tags.h"

using namespace bulwark;

namespace {

Value read_ok(const std::string& text) {
    ReadResult result = read_yaml(text, 7, {}, cloudformation::expand_short_form);
    REQUIRE(result.value.has_value());
    return *result.value;
}

}  // namespace

TEST_CASE("yaml: every value and key keeps its 1-based line and column") {
    const Value root = read_ok("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
    const Value::Entry* bucket = root.find("Resources")->find_entry("Bucket");
    REQUIRE(bucket != nullptr);
    CHECK(bucket->key_range.begin.line == 2);
    CHECK(bucket->key_range.begin.column == 3);
    CHECK(bucket->key_range.file == 7);
    const Value* type = bucket->value.find("Type");
    CHECK(type->as_string() == "AWS::S3::Bucket");
    CHECK(type->range().begin.line == 3);
    CHECK(type->range().begin.column == 11);
    CHECK(type->range().end.column == 26);
}

TEST_CASE("yaml: plain scalars resolve by the core schema and never lose digits") {
    const Value root = read_ok(
        "a: true\nb: 22\nc: 2010-09-09\nd: '22'\ne: 012345678901\nf: 1.5\ng: ~\nh: null\n"
        "i: 0x1F\nj: 123456789012\n");
    CHECK(root.find("a")->as_bool());
    CHECK(root.find("b")->as_number() == 22);
    CHECK(root.find("c")->as_string() == "2010-09-09");
    CHECK(root.find("d")->is_string());
    CHECK(root.find("e")->as_string() == "012345678901");
    CHECK(root.find("f")->as_number() == 1.5);
    CHECK(root.find("g")->is_null());
    CHECK(root.find("h")->is_null());
    CHECK(root.find("i")->as_number() == 31);
    CHECK(root.find("j")->as_number() == 123456789012.0);
}

TEST_CASE("yaml: CloudFormation short forms become long-form intrinsics") {
    const Value root = read_ok(
        "a: !Ref Name\nb: !GetAtt Role.Arn\nc: !Sub 'arn:${AWS::Partition}:s3:::x'\n"
        "d: !If [IsProd, 1, 2]\ne: !Equals [a, b]\n");
    CHECK(root.find("a")->find("Ref")->as_string() == "Name");
    CHECK(root.find("b")->find("Fn::GetAtt")->as_string() == "Role.Arn");
    CHECK(root.find("c")->find("Fn::Sub")->is_string());
    CHECK(root.find("d")->find("Fn::If")->as_list().size() == 3);
    CHECK(root.find("e")->find("Fn::Equals")->is_list());
    CHECK(root.find("a")->range().begin.line == 1);
}

TEST_CASE(
    "yaml: templates that yaml-cpp 0.7 rejects are read (tag then block scalar, multi-line "
    "plain)") {
    const Value root = read_ok(
        "Description: !Sub\n  Bucket for ${AWS::StackName}\n  and more\n"
        "Policy: !Sub >-\n  arn:aws:s3:::${Name}/*\n"
        "Other: !Ref\n  Thing\n");
    CHECK(root.find("Description")->find("Fn::Sub")->as_string() ==
          "Bucket for ${AWS::StackName} and more");
    CHECK(root.find("Policy")->find("Fn::Sub")->as_string() == "arn:aws:s3:::${Name}/*");
    CHECK(root.find("Other")->find("Ref")->as_string() == "Thing");
}

TEST_CASE("yaml: anchors, aliases and merge keys") {
    const Value root = read_ok(
        "base: &base\n  Encrypted: true\n  Size: 10\nvolume:\n  <<: *base\n  Size: 20\ncopy: "
        "*base\n");
    const Value* volume = root.find("volume");
    CHECK(volume->find("Encrypted")->as_bool());
    CHECK(volume->find("Size")->as_number() == 20);
    CHECK(root.find("copy")->find("Size")->as_number() == 10);
}

TEST_CASE("yaml: an alias bomb stops at the node limit with a clear diagnostic") {
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char previous = 'a';
    for (char name = 'b'; name <= 'j'; ++name) {
        text += std::string(1, name) + ": &" + name + " [";
        for (int i = 0; i < 10; ++i)
            text += std::string(i ? ", *" : "*") + previous;
        text += "]\n";
        previous = name;
    }
    ReadResult result = read_yaml(text, 0, ReadLimits{256, 100'000});
    CHECK_FALSE(result.value.has_value());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == DiagnosticCode::ExpansionLimit);
    CHECK(result.diagnostics[0].position.line > 1);
}

TEST_CASE("yaml: syntax errors carry the line and column") {
    ReadResult result = read_yaml("Resources:\n  Bucket:\n    Type: [unclosed\n  Other: 1\n", 0);
    CHECK_FALSE(result.value.has_value());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == DiagnosticCode::ParseError);
    CHECK(result.diagnostics[0].position.line >= 3);
}

TEST_CASE("yaml: deep nesting is refused, not a stack overflow") {
    std::string text(5000, '[');
    text += std::string(5000, ']');
    ReadResult result = read_yaml(text, 0);
    CHECK_FALSE(result.value.has_value());
    REQUIRE_FALSE(result.diagnostics.empty());
    CHECK(result.diagnostics.back().code == DiagnosticCode::NestingTooDeep);
}

TEST_CASE("yaml: duplicate keys are reported and the later value is used") {
    ReadResult result = read_yaml("a: 1\nb: 2\na: 3\n", 0);
    REQUIRE(result.value.has_value());
    CHECK(result.value->find("a")->as_number() == 3);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == DiagnosticCode::DuplicateKey);
    CHECK(result.diagnostics[0].position.line == 3);
}

TEST_CASE("yaml: an empty value points at its key") {
    const Value root = read_ok("Name:\nOther: x\n");
    CHECK(root.find("Name")->is_null());
    CHECK(root.find("Name")->range().begin.line == 1);
}
