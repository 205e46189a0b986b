#include <doctest/doctest.h>

#include <re2/re2.h>

#include <string>

#include "io/document_reader.h"
#include "io/value_codec.h"
#include "reporters/reporter.h"
#include "rules/embedded_files.h"
#include "rules/rule_catalog.h"
#include "rules/rule_loader.h"
#include "support/helpers.h"

using namespace bulwark;

namespace {

// Equality including every value's and key's source range (Value::same_as ignores ranges).
// Returns where the two first differ, empty when they do not.
std::string difference(const Value& a, const Value& b, const std::string& at = "$") {
    if (a.kind() != b.kind()) return at + ": kind";
    if (!(a.range() == b.range())) return at + ": range";
    switch (a.kind()) {
        case ValueKind::Null:
            return {};
        case ValueKind::Bool:
            return a.as_bool() == b.as_bool() ? "" : at + ": bool";
        case ValueKind::Number:
            return a.as_number() == b.as_number() ? "" : at + ": number";
        case ValueKind::String:
            return a.as_string() == b.as_string() ? "" : at + ": string";
        case ValueKind::List:
            if (a.as_list().size() != b.as_list().size()) return at + ": list size";
            for (std::size_t i = 0; i < a.as_list().size(); ++i) {
                auto found =
                    difference(a.as_list()[i], b.as_list()[i], at + "[" + std::to_string(i) + "]");
                if (!found.empty()) return found;
            }
            return {};
        case ValueKind::Map:
            if (a.as_map().size() != b.as_map().size()) return at + ": map size";
            for (std::size_t i = 0; i < a.as_map().size(); ++i) {
                const Value::Entry& x = a.as_map()[i];
                const Value::Entry& y = b.as_map()[i];
                if (x.key != y.key || !(x.key_range == y.key_range)) return at + ": key " + x.key;
                auto found = difference(x.value, y.value, at + "." + x.key);
                if (!found.empty()) return found;
            }
            return {};
        case ValueKind::Unknown: {
            const Unknown& x = a.as_unknown();
            const Unknown& y = b.as_unknown();
            return x.reason == y.reason && x.partial == y.partial && x.references == y.references
                       ? ""
                       : at + ": unknown";
        }
    }
    return at + ": ?";
}

}  // namespace

TEST_CASE("embedded rules: the build-time parse of every file equals reading its YAML text") {
    REQUIRE(embedded_rule_files().size() > 200);
    for (const EmbeddedFile& file : embedded_rule_files()) {
        CAPTURE(file.path);
        const ReadResult text = read_yaml(file.content, 0);
        // Every built-in file is clean YAML, so every one is embedded parsed (the fast path).
        REQUIRE(text.diagnostics.empty());
        REQUIRE(text.value.has_value());
        REQUIRE_FALSE(file.preparsed.empty());
        const auto decoded = decode_value(file.preparsed);
        REQUIRE(decoded.has_value());
        CHECK(difference(*decoded, *text.value) == "");
        const ReadResult embedded = read_embedded(file);
        REQUIRE(embedded.value.has_value());
        CHECK(embedded.diagnostics.empty());
        CHECK(difference(*embedded.value, *text.value) == "");
    }
}

TEST_CASE("value codec: every kind, range and key range survives a round trip") {
    const SourceRange at{3, {4, 5}, {6, 7}};
    Value::Map entries;
    entries.push_back({"flag", {kNoFile, {1, 2}, {1, 6}}, Value::boolean(true, at)});
    entries.push_back({"none", {}, Value::null()});
    entries.push_back({"pi", {0, {2, 1}, {2, 3}}, Value::number(-3.25e-7, at)});
    entries.push_back({"big", {}, Value::number(123456789012.0)});
    entries.push_back({"text", {}, Value::string(std::string("a\0b\x1f\xff", 5), at)});
    entries.push_back(
        {"items", {}, Value::list({Value::string(""), Value::list({}), Value::map({})}, at)});
    entries.push_back({"later",
                       {},
                       Value::unknown_text("arn:\x1f/*", "a computed attribute",
                                           {Reference{"aws_s3_bucket.b", "arn"}}, at)});
    const Value original = Value::map(std::move(entries), {kNoFile - 1, {1, 1}, {9, 9}});
    const std::string bytes = encode_value(original);
    const auto decoded = decode_value(bytes);
    REQUIRE(decoded.has_value());
    CHECK(difference(*decoded, original) == "");
    CHECK(decoded->find("pi")->as_number() == -3.25e-7);
}

TEST_CASE("value codec: truncated, corrupt or too deep input is rejected, never read past") {
    Value nested = Value::string("leaf");
    for (int i = 0; i < 20; ++i)
        nested = Value::list({std::move(nested)});
    const std::string bytes =
        encode_value(Value::map({{"key", {}, std::move(nested)}, {"n", {}, Value::number(1.5)}}));
    REQUIRE(decode_value(bytes).has_value());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        CAPTURE(size);
        CHECK_FALSE(decode_value(std::string_view(bytes).substr(0, size)).has_value());
    }
    CHECK_FALSE(decode_value(bytes + "x").has_value());  // trailing bytes
    CHECK_FALSE(decode_value(bytes, 10).has_value());    // deeper than allowed
    std::string wrong_kind = bytes;
    wrong_kind[4] = 42;  // the root's kind byte, after the magic
    CHECK_FALSE(decode_value(wrong_kind).has_value());
    // Any single corrupted byte either decodes to some value or is rejected; never a crash.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string corrupt = bytes;
        corrupt[i] = static_cast<char>(corrupt[i] ^ 0xa5);
        (void)decode_value(corrupt);
    }
}

TEST_CASE("embedded rules: every built-in rule loads from its text with its regexes compiled") {
    // The catalog compiles built-in `matches` patterns on first use only; this is the check
    // that every one of them compiles.
    std::size_t rules = 0;
    for (const EmbeddedFile& file : embedded_rule_files()) {
        if (!file.path.starts_with("rules/aws/")) continue;
        CAPTURE(file.path);
        auto loaded = load_rule(file.path, file.content);
        if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
            FAIL(format_error(errors->front()));
        }
        ++rules;
    }
    CHECK(rules > 200);
}

TEST_CASE("rule loader: a pattern compiled on first use matches as one compiled at load") {
    const std::string text =
        "id: tls-policy\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
        "resource: [AWS::ElasticLoadBalancingV2::Listener]\n"
        "check: {path: SslPolicy, matches: 'ELBSecurityPolicy-TLS13-.*'}\n";
    const ReadResult document = read_yaml(text, 0);
    for (RegexCompilation when : {RegexCompilation::Now, RegexCompilation::OnFirstUse}) {
        auto loaded = load_rule("tls-policy.yaml", document, {}, when);
        REQUIRE(std::holds_alternative<Rule>(loaded));
        const auto& comparison = std::get<Comparison>(std::get<Rule>(loaded).check.node);
        REQUIRE(comparison.regex != nullptr);
        CHECK(RE2::FullMatch("ELBSecurityPolicy-TLS13-1-2-2021-06", comparison.regex->get()));
        CHECK_FALSE(RE2::FullMatch("ELBSecurityPolicy-2016-08", comparison.regex->get()));
    }
    // Only a pattern compiled at load can be rejected at load.
    const ReadResult bad = read_yaml(
        "id: tls-policy\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
        "resource: [X]\ncheck: {path: A, matches: '(unclosed'}\n",
        0);
    CHECK(std::holds_alternative<std::vector<RuleFileError>>(load_rule("tls-policy.yaml", bad)));
}

TEST_CASE("value codec: root keys left out decode as nulls with their ranges, the rest as is") {
    std::size_t files = 0;
    for (const EmbeddedFile& file : embedded_rule_files()) {
        if (file.preparsed.empty()) continue;
        CAPTURE(file.path);
        const auto whole = decode_value(file.preparsed);
        const auto partial = decode_value_without(file.preparsed, kRuleFieldsBeyondMetadata);
        REQUIRE(whole.has_value());
        REQUIRE(partial.has_value());
        Value expected = *whole;
        if (expected.is_map()) {
            Value::Map entries = expected.as_map();
            for (Value::Entry& entry : entries) {
                for (std::string_view key : kRuleFieldsBeyondMetadata) {
                    if (entry.key == key) entry.value = Value::null(entry.value.range());
                }
            }
            expected = Value::map(std::move(entries), expected.range());
        }
        CHECK(difference(*partial, expected) == "");
        ++files;
    }
    CHECK(files > 200);

    // Skipped values are checked as strictly as decoded ones.
    const std::string_view skipped[] = {"key"};
    Value nested = Value::string("leaf");
    for (int i = 0; i < 20; ++i)
        nested = Value::list({std::move(nested)});
    const std::string bytes =
        encode_value(Value::map({{"key", {}, std::move(nested)}, {"n", {}, Value::number(1.5)}}));
    REQUIRE(decode_value_without(bytes, skipped).has_value());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        CAPTURE(size);
        CHECK_FALSE(decode_value_without(std::string_view(bytes).substr(0, size), skipped));
    }
    CHECK_FALSE(decode_value_without(bytes, skipped, 10).has_value());  // deeper than allowed
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string corrupt = bytes;
        corrupt[i] = static_cast<char>(corrupt[i] ^ 0xa5);
        (void)decode_value_without(corrupt, skipped);
    }
}

TEST_CASE("rule loader: a Metadata load reads every listed field as a full load does") {
    std::size_t rules = 0;
    for (const EmbeddedFile& file : embedded_rule_files()) {
        if (!file.path.starts_with("rules/aws/")) continue;
        CAPTURE(file.path);
        auto full = load_rule(file.path, read_embedded(file));
        auto listed = load_rule(file.path, read_embedded(file, kRuleFieldsBeyondMetadata), {},
                                RegexCompilation::OnFirstUse, RuleDetail::Metadata);
        REQUIRE(std::holds_alternative<Rule>(full));
        REQUIRE(std::holds_alternative<Rule>(listed));
        const Rule& a = std::get<Rule>(full);
        const Rule& b = std::get<Rule>(listed);
        CHECK(a.id == b.id);
        CHECK(a.title == b.title);
        CHECK(a.severity == b.severity);
        CHECK(a.pack == b.pack);
        CHECK(a.resource_types == b.resource_types);
        CHECK(a.frameworks == b.frameworks);
        CHECK(a.crossrefs == b.crossrefs);
        CHECK(a.aliases == b.aliases);
        CHECK(a.deprecated_by == b.deprecated_by);
        CHECK(a.default_enabled == b.default_enabled);
        CHECK(a.source == b.source);
        REQUIRE(a.parameters.size() == b.parameters.size());
        for (std::size_t i = 0; i < a.parameters.size(); ++i) {
            CHECK(a.parameters[i].name == b.parameters[i].name);
            CHECK(a.parameters[i].type == b.parameters[i].type);
            CHECK(a.parameters[i].description == b.parameters[i].description);
            CHECK(a.parameters[i].value.same_as(b.parameters[i].value));
            CHECK(a.parameters[i].default_value.same_as(b.parameters[i].default_value));
        }
        ++rules;
    }
    CHECK(rules > 200);

    // A user's rule file is judged in full whatever is listed: the caller reads it Full (the
    // catalog does); a Metadata read only skips what it does not read.
    const ReadResult broken = read_yaml(
        "id: x\ntitle: t\nseverity: low\nresource: [X]\ncheck: {path: A, matches: '('}\n", 0);
    CHECK(std::holds_alternative<std::vector<RuleFileError>>(load_rule("x.yaml", broken)));
    CHECK(std::holds_alternative<Rule>(
        load_rule("x.yaml", broken, {}, RegexCompilation::Now, RuleDetail::Metadata)));
}

TEST_CASE("rule catalog: listing reads less but lists the same; user rules are still judged") {
    const std::map<std::string, RuleParameterValues> parameters = {
        {"aws-redshift-cluster-snapshot-retention", {{"min_retention_days", Value::number(21)}}}};
    auto full = RuleCatalog::load({}, true, parameters);
    auto listed = RuleCatalog::load({}, false, parameters, RuleDetail::Metadata);
    REQUIRE(std::holds_alternative<RuleCatalog>(full));
    REQUIRE(std::holds_alternative<RuleCatalog>(listed));
    const RuleCatalog& a = std::get<RuleCatalog>(full);
    const RuleCatalog& b = std::get<RuleCatalog>(listed);
    CHECK(render_rule_list_json(a) == render_rule_list_json(b));
    CHECK(render_rule_list_text(a) == render_rule_list_text(b));
    CHECK(render_rule_catalog_markdown(a) == render_rule_catalog_markdown(b));
    CHECK(render_rule_list_json(b).find("\"value\": 21") != std::string::npos);
    // The configured rule is read in full (its message is prose a listing does not read).
    const Rule* configured = b.find("aws-redshift-cluster-snapshot-retention");
    REQUIRE(configured != nullptr);
    CHECK_FALSE(configured->message.empty());
    CHECK(b.find("aws-s3-bucket-versioning")->message.empty());

    // Overrides are checked as in a scan.
    const std::map<std::string, RuleParameterValues> wrong = {
        {"aws-redshift-cluster-snapshot-retention", {{"min_retention_days", Value::string("x")}}}};
    CHECK(std::holds_alternative<std::vector<RuleFileError>>(
        RuleCatalog::load({}, false, wrong, RuleDetail::Metadata)));

    // A user rule with a bad pattern, an unused parameter and an unknown control.
    test::TempDir dir;
    dir.write("aws-x.yaml",
              "id: aws-x\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
              "resource: [X]\nframeworks: {hipaa: [no-such-control]}\nparameters:\n"
              "  unused: {type: integer, default: 1, description: d}\n"
              "check: {path: A, matches: '('}\n");
    auto as_scan = RuleCatalog::load({dir.path()});
    auto as_list = RuleCatalog::load({dir.path()}, false, {}, RuleDetail::Metadata);
    REQUIRE(std::holds_alternative<std::vector<RuleFileError>>(as_scan));
    REQUIRE(std::holds_alternative<std::vector<RuleFileError>>(as_list));
    auto messages = [](const auto& loaded) {
        std::vector<std::string> out;
        for (const RuleFileError& error : std::get<std::vector<RuleFileError>>(loaded))
            out.push_back(format_error(error));
        return out;
    };
    CHECK(messages(as_scan) == messages(as_list));
    CHECK(messages(as_list).size() == 2);
}
