// The JSON report is streamed (reporters/json_writer.h); it must stay byte-identical to the
// nlohmann DOM it was built from before. The DOM renderer is kept here, as it was, and both render
// hand-made scans that set every optional field and hold strings nlohmann escapes or replaces.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>

#include "reporters/json_writer.h"
#include "reporters/report_support.h"
#include "reporters/reporter.h"

using namespace bulwark;

namespace {

using Json = nlohmann::ordered_json;

// ---- The DOM renderer as it was (reporters/json_reporter.cpp before streaming). ----

Json frameworks_of(const Rule& rule) {
    Json frameworks = Json::object();
    for (std::string_view key : kFrameworkKeys) {
        auto it = rule.frameworks.find(std::string(key));
        if (it != rule.frameworks.end()) frameworks[std::string(key)] = it->second;
    }
    return frameworks;
}

Json baseline_json(const BaselineSummary& summary) {
    Json stale = Json::array();
    for (const BaselineEntry& entry : summary.stale) {
        stale.push_back({{"fingerprint", entry.fingerprint},
                         {"rule_id", entry.rule_id},
                         {"resource", entry.resource},
                         {"file", entry.file}});
    }
    return {{"sources", summary.sources},
            {"entries", summary.entries},
            {"baselined", summary.baselined},
            {"stale", summary.stale.size()},
            {"stale_entries", std::move(stale)}};
}

std::string render_json_dom(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    std::map<std::string_view, const Rule*> rules;
    for (const Rule* rule : scan.rules)
        rules.emplace(rule->id, rule);
    Json results = Json::array();
    for (const Finding& finding : scan.findings) {
        if (!reported(finding, context)) continue;
        const Resource& resource = scan.graph.resource(finding.resource);
        auto named = rules.find(finding.rule_id);
        const Rule* rule = named == rules.end() ? nullptr : named->second;
        Json result;
        result["rule_id"] = finding.rule_id;
        result["title"] = rule ? rule->title : "";
        result["severity"] = to_string(finding.severity);
        result["status"] = to_string(finding.status);
        result["message"] = finding.message;
        if (!finding.detail.empty()) result["detail"] = finding.detail;
        result["resource"] = {{"address", resource.address},
                              {"type", resource.type},
                              {"native_type", resource.native_type},
                              {"format", to_string(resource.format)},
                              {"scope", resource.scope}};
        if (!resource.construct_path.empty()) {
            Json& construct = result["resource"]["construct"] = {{"path", resource.construct_path}};
            if (resource.construct_source.valid()) {
                construct["file"] = scan.path_of(resource.construct_source.file);
                construct["line"] = resource.construct_source.begin.line;
                construct["column"] = resource.construct_source.begin.column;
            }
        }
        result["location"] = {{"file", scan.path_of(finding.range.file)},
                              {"start_line", finding.range.begin.line},
                              {"start_column", finding.range.begin.column},
                              {"end_line", finding.range.end.line},
                              {"end_column", finding.range.end.column}};
        result["fingerprint"] = finding.fingerprint;
        if (finding.sensitive) result["sensitive"] = true;
        result["frameworks"] = rule ? frameworks_of(*rule) : Json::object();
        if (finding.suppression) {
            result["suppression"] = {{"source", finding.suppression->source},
                                     {"reason", finding.suppression->reason},
                                     {"expires", finding.suppression->expires},
                                     {"owner", finding.suppression->owner}};
            if (finding.suppression->file != kNoFile) {
                result["suppression"]["file"] = scan.path_of(finding.suppression->file);
                result["suppression"]["line"] = finding.suppression->at.line;
            }
        }
        results.push_back(std::move(result));
    }
    Json diagnostics = Json::array();
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        diagnostics.push_back({{"file", scan.path_of(diagnostic.file)},
                               {"line", diagnostic.position.line},
                               {"column", diagnostic.position.column},
                               {"severity", to_string(diagnostic.severity)},
                               {"code", to_string(diagnostic.code)},
                               {"message", diagnostic.message}});
    }
    const report::Totals totals = report::totals(scan);
    Json by_severity = Json::object();
    for (Severity s :
         {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
        auto counted = totals.failed_by_severity.find(s);
        by_severity[std::string(to_string(s))] =
            counted == totals.failed_by_severity.end() ? 0 : counted->second;
    }
    Json report;
    report["tool"] = {{"name", "bulwark"}, {"version", context.tool_version}};
    report["summary"] = {{"files", scan.counts.files},
                         {"resources", scan.graph.resources().size()},
                         {"rules", scan.rules.size()},
                         {"checks", scan.counts.checks},
                         {"passed", scan.counts.passed},
                         {"failed", totals.failed},
                         {"suppressed", totals.suppressed},
                         {"undecided", scan.counts.undecided},
                         {"not_applicable", scan.counts.not_applicable},
                         {"diagnostics", scan.diagnostics.size()},
                         {"by_severity", by_severity}};
    if (scan.baseline) {
        report["summary"]["baselined"] = totals.baselined;
        report["baseline"] = baseline_json(*scan.baseline);
    }
    if (scan.config_file) report["configuration"] = {{"file", scan.path_of(*scan.config_file)}};
    report["results"] = std::move(results);
    report["diagnostics"] = std::move(diagnostics);
    return report.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---- Hand-made scans. ----

// Strings nlohmann must escape or repair: quotes and backslashes, control characters, DEL,
// valid UTF-8, and bytes that are not UTF-8 (a lone continuation byte, a truncated sequence, an
// overlong encoding, a surrogate, one at the very end).
const std::vector<std::string> kAwkward = {
    "plain",
    "",
    "say \"hi\" \\ back\\slash/slash",
    std::string("nul\0byte", 8),
    "del \x7f alone is copied as it is",
    "tab\there\nnew line\rcarriage\bback\fform\x01\x1f\x7f",
    "h\xc3\xa9h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92",
    "lone \x80 continuation",
    "truncated \xe2\x82",
    "overlong \xc0\xaf and surrogate \xed\xa0\x80 end\xff",
    "ends in \xc3",
};

const std::string& awkward(std::size_t i) {
    return kAwkward[i % kAwkward.size()];
}

Rule make_rule(std::string id, std::string title) {
    Rule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.severity = Severity::High;
    return rule;
}

struct Fixture {
    std::vector<Rule> rules;
    ScanResult scan;

    // `variant` picks the awkward strings; `everything` turns on every optional part.
    Fixture(std::size_t variant, bool everything) {
        rules.push_back(make_rule("aws-a", awkward(variant)));
        rules[0].frameworks["pci-dss-4.0"] = {"3.5.1", awkward(variant + 1)};
        rules[0].frameworks["hipaa"] = {"164.312(a)(2)(iv)"};
        rules[0].frameworks["nist-800-53-r5"] = {};
        rules[0].frameworks["not-a-listed-framework"] = {"ignored"};
        rules.push_back(make_rule("aws-b", "No frameworks"));
        for (const Rule& rule : rules)
            scan.rules.push_back(&rule);

        scan.root = "/nowhere";
        scan.files = {"main.tf", awkward(variant + 2), "cdk/app.ts", ".bulwark.yaml"};
        GraphBuilder builder;
        for (std::size_t i = 0; i < 3; ++i) {
            Resource resource;
            resource.address = "aws_s3_bucket." + awkward(variant + 3 + i);
            resource.type = "AWS::S3::Bucket";
            resource.native_type = i == 2 ? "AWS::S3::Bucket" : "aws_s3_bucket";
            resource.format = i == 2 ? SourceFormat::CdkTypeScript : SourceFormat::Terraform;
            resource.file = i == 2 ? 2 : 0;
            resource.scope = awkward(variant + i);
            resource.range = {resource.file, {std::uint32_t(3 + i), 1}, {std::uint32_t(9 + i), 2}};
            if (everything && i >= 1) {
                resource.construct_path = "App/Stack/" + awkward(variant + 5);
                if (i == 2) resource.construct_source = {2, {12, 5}, {12, 40}};
            }
            builder.add(std::move(resource));
        }
        scan.graph = std::move(builder).build();

        auto finding = [&](std::string rule_id, ResourceIndex resource, FindingStatus status) {
            Finding f;
            f.rule_id = std::move(rule_id);
            f.severity = Severity::High;
            f.resource = resource;
            f.range = {resource == 2 ? 2u : 0u, {4, 7}, {4, 4000000000u}};
            f.message = awkward(variant + resource + 7);
            f.fingerprint = "fp-" + std::to_string(resource) + "-" + std::to_string(int(status));
            f.status = status;
            return f;
        };
        scan.findings.push_back(finding("aws-a", 0, FindingStatus::Failed));
        scan.findings.push_back(finding("aws-a", 1, FindingStatus::Failed));
        scan.findings.push_back(finding("aws-b", 2, FindingStatus::Failed));
        if (everything) {
            scan.findings[0].detail = awkward(variant + 8);
            scan.findings[1].sensitive = true;
            Finding comment = finding("aws-a", 2, FindingStatus::Suppressed);
            comment.suppression = Suppression{
                "bulwark", awkward(variant + 4), "2031-01-31", awkward(variant + 6), kNoFile, {}};
            scan.findings.push_back(comment);
            Finding configured = finding("aws-b", 0, FindingStatus::Suppressed);
            configured.suppression = Suppression{"bulwark", "configured", "", "", 3, {17, 5}};
            scan.findings.push_back(configured);
            // A finding of a rule that is not in the scan's rules (a merged report).
            scan.findings.push_back(finding("aws-gone", 1, FindingStatus::Failed));
            scan.findings.push_back(finding("aws-b", 1, FindingStatus::Baselined));
            scan.baseline =
                BaselineSummary{{".bulwark-baseline.json", "git:" + awkward(variant)},
                                12,
                                1,
                                {{"fp-stale", "aws-a", awkward(variant + 2), "old.tf"},
                                 {"fp-stale-2", "aws-b", "aws_s3_bucket.x", awkward(variant + 3)}}};
            scan.config_file = 3;
            scan.diagnostics.push_back(Diagnostic{1,
                                                  {4, 1},
                                                  DiagnosticSeverity::Error,
                                                  DiagnosticCode::ParseError,
                                                  awkward(variant)});
            scan.diagnostics.push_back(Diagnostic{kNoFile,
                                                  {},
                                                  DiagnosticSeverity::Warning,
                                                  DiagnosticCode::ParseError,
                                                  awkward(variant + 1)});
        }
        scan.counts = {
            .files = 3, .checks = 9, .passed = 2, .failed = 4, .undecided = 1, .not_applicable = 3};
    }
};

}  // namespace

TEST_CASE("json report: streamed output is byte-identical to the nlohmann DOM it replaced") {
    for (std::size_t variant = 0; variant < kAwkward.size(); ++variant) {
        for (bool everything : {false, true}) {
            for (bool show_baselined : {false, true}) {
                CAPTURE(variant);
                CAPTURE(everything);
                CAPTURE(show_baselined);
                Fixture fixture(variant, everything);
                ReportContext context{fixture.scan, awkward(variant + 9)};
                context.show_baselined = show_baselined;
                CHECK(render_json(context) == render_json_dom(context));
            }
        }
    }
    SUBCASE("an empty scan") {
        ScanResult scan;
        ReportContext context{scan, "1.0.0"};
        CHECK(render_json(context) == render_json_dom(context));
    }
}

TEST_CASE("json writer: nlohmann's layout for nested, empty and scalar values") {
    std::string out;
    JsonWriter json(out);
    json.begin_object();
    json.key("empty object");
    json.begin_object();
    json.end_object();
    json.key("empty array");
    json.begin_array();
    json.end_array();
    json.key("numbers");
    json.begin_array();
    json.number(0);
    json.number(-7);
    json.number(std::uint64_t{18446744073709551615u});
    json.number(std::int64_t{-9223372036854775807 - 1});
    json.end_array();
    json.key("nested");
    json.begin_array();
    json.begin_array();
    json.begin_object();
    json.key("t");
    json.boolean(true);
    json.key("f");
    json.boolean(false);
    json.end_object();
    json.end_array();
    json.end_array();
    for (const std::string& text : kAwkward) {
        json.key(text);
        json.string(text);
    }
    json.end_object();

    Json expected = Json::object();
    expected["empty object"] = Json::object();
    expected["empty array"] = Json::array();
    expected["numbers"] = {0, -7, std::uint64_t{18446744073709551615u},
                           std::int64_t{-9223372036854775807 - 1}};
    expected["nested"] = Json::array({Json::array({{{"t", true}, {"f", false}}})});
    for (const std::string& text : kAwkward)
        expected[text] = text;
    CHECK(out == expected.dump(2, ' ', false, Json::error_handler_t::replace));

    SUBCASE("a fragment rendered at a depth fits where raw_value puts it") {
        std::string fragment;
        JsonWriter inner(fragment, 2);
        inner.begin_object();
        inner.key("a");
        inner.begin_array();
        inner.string("x");
        inner.end_array();
        inner.end_object();
        std::string whole;
        JsonWriter outer(whole);
        outer.begin_array();
        outer.begin_object();
        REQUIRE(outer.depth() == 2);
        outer.key("k");
        outer.raw_value(fragment);
        outer.end_object();
        outer.end_array();
        CHECK(whole == Json::array({{{"k", {{"a", {"x"}}}}}})
                           .dump(2, ' ', false, Json::error_handler_t::replace));
    }
}
