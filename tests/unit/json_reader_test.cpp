#include <doctest/doctest.h>

#include "io/document_reader.h"

using namespace bulwark;

TEST_CASE("json: values and keys keep their line and column") {
    ReadResult result = read_json(
        "{\n  \"Resources\": {\n    \"Bucket\": {\"Type\": \"AWS::S3::Bucket\"}\n  }\n}\n", 3);
    REQUIRE(result.value.has_value());
    CHECK(result.diagnostics.empty());
    const Value::Entry* bucket = result.value->find("Resources")->find_entry("Bucket");
    CHECK(bucket->key_range.begin.line == 3);
    CHECK(bucket->key_range.begin.column == 5);
    CHECK(bucket->key_range.file == 3);
    const Value* type = bucket->value.find("Type");
    CHECK(type->range().begin.line == 3);
    CHECK(type->range().begin.column == 24);
    CHECK(type->range().end.column == 41);
}

TEST_CASE("json: scalars, escapes and surrogate pairs") {
    ReadResult result = read_json(
        R"({"a": true, "b": -1.5e2, "c": null, "d": "x\"\n\u00e9\ud83d\ude00", "e": [1, 2]})", 0);
    REQUIRE(result.value.has_value());
    CHECK(result.value->find("a")->as_bool());
    CHECK(result.value->find("b")->as_number() == -150);
    CHECK(result.value->find("c")->is_null());
    CHECK(result.value->find("d")->as_string() == "x\"\n\xc3\xa9\xf0\x9f\x98\x80");
    CHECK(result.value->find("e")->as_list().size() == 2);
}

TEST_CASE("json: errors say where and what") {
    struct Case {
        const char* text;
        unsigned line;
        const char* words;
    };
    for (const Case& c :
         {Case{"{\n  \"a\": 1,\n  \"b\" 2\n}", 3, "expected ':'"},
          Case{"{\"a\": [1, 2}", 1, "expected ',' or ']'"}, Case{"{\"a\": 01}", 1, "leading zeros"},
          Case{"{\"a\": \"x\n\"}", 1, "control character"},
          Case{"{\"a\": 1} x", 1, "after the JSON value"}, Case{"", 1, "unexpected end"}}) {
        CAPTURE(c.text);
        ReadResult result = read_json(c.text, 0);
        CHECK_FALSE(result.value.has_value());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].position.line == c.line);
        CHECK(result.diagnostics[0].message.find(c.words) != std::string::npos);
    }
}

TEST_CASE("json: depth limit, byte order mark and duplicate keys") {
    std::string deep(10000, '[');
    ReadResult too_deep = read_json(deep, 0);
    CHECK_FALSE(too_deep.value.has_value());
    CHECK(too_deep.diagnostics.at(0).code == DiagnosticCode::NestingTooDeep);

    ReadResult bom = read_json("\xEF\xBB\xBF{\"a\": 1}", 0);
    REQUIRE(bom.value.has_value());
    CHECK(bom.value->find("a")->range().begin.column == 7);

    ReadResult duplicate = read_json("{\"a\": 1,\n\"a\": 2}", 0);
    REQUIRE(duplicate.value.has_value());
    CHECK(duplicate.value->find("a")->as_number() == 2);
    CHECK(duplicate.diagnostics.at(0).code == DiagnosticCode::DuplicateKey);
    CHECK(duplicate.diagnostics.at(0).position.line == 2);
}
