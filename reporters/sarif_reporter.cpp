// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Checked by the official SARIF
// validator with its GitHub rules (tests/validators/sarif.sh).
#include <nlohmann/json.hpp>

#include <algorithm>

#include "model/resource_types.h"
#include "reporters/report_support.h"
#include "reporters/reporter.h"

#ifndef BULWARK_HOMEPAGE
#define BULWARK_HOMEPAGE "https://github.com/bulwark-scanner/bulwark"
#endif

namespace bulwark {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSrcRoot = "%SRCROOT%";

std::string_view level_of(Severity severity) {
    switch (severity) {
        case Severity::Critical:
        case Severity::High:
            return "error";
        case Severity::Medium:
            return "warning";
        case Severity::Low:
        case Severity::Info:
            return "note";
    }
    return "warning";
}

// GitHub reads security-severity as a CVSS-like score: over 9.0 critical, 7.0 to 8.9 high, 4.0 to
// 6.9 medium, 0.1 to 3.9 low.
std::string_view security_severity(Severity severity) {
    switch (severity) {
        case Severity::Critical:
            return "9.5";
        case Severity::High:
            return "8.0";
        case Severity::Medium:
            return "5.5";
        case Severity::Low:
            return "3.0";
        case Severity::Info:
            return "1.0";
    }
    return "5.5";
}

std::string_view level_of(DiagnosticSeverity severity) {
    switch (severity) {
        case DiagnosticSeverity::Error:
            return "error";
        case DiagnosticSeverity::Warning:
            return "warning";
        case DiagnosticSeverity::Note:
            return "note";
    }
    return "warning";
}

// "aws-rds-storage-encrypted" -> "AwsRdsStorageEncrypted": SARIF's friendly rule name.
std::string pascal_case(std::string_view id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '-' || c == '_' || c == '.') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

// A relative path as a URI reference: unreserved characters and '/' stay, the rest is
// percent-encoded.
std::string uri_of(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

// Bulwark's columns count bytes; SARIF's (columnKind utf16CodeUnits) count UTF-16 code units.
// Converted with the line's text when the scan kept it; ASCII lines are unchanged.
std::uint32_t utf16_column(const std::string* line, std::uint32_t byte_column) {
    if (line == nullptr || byte_column <= 1) return byte_column;
    std::uint32_t units = 1;
    const std::size_t end = std::min<std::size_t>(byte_column - 1, line->size());
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>((*line)[i]);
        if ((byte & 0xC0) == 0x80) continue;  // continuation byte
        units += byte >= 0xF0 ? 2 : 1;        // outside the BMP: a surrogate pair
    }
    return units + static_cast<std::uint32_t>(byte_column - 1 - end);
}

// The exact text of a region, when the scan kept every line of it.
std::optional<std::string> region_text(const ScanResult& scan, const SourceRange& range) {
    if (range.end.line < range.begin.line || range.end.line == 0) return std::nullopt;
    std::string text;
    for (std::uint32_t number = range.begin.line; number <= range.end.line; ++number) {
        const std::string* line = scan.excerpts.line(range.file, number);
        if (line == nullptr || line->size() >= SourceExcerpts::kMaxLineBytes) return std::nullopt;
        std::size_t from = number == range.begin.line ? range.begin.column - 1 : 0;
        std::size_t to = number == range.end.line ? range.end.column - 1 : line->size();
        if (from > line->size() || to > line->size() || from > to) return std::nullopt;
        text += line->substr(from, to - from);
        if (number != range.end.line) text += '\n';
    }
    if (text.empty()) return std::nullopt;
    return report::valid_utf8(text);
}

Json region_of(const ScanResult& scan, const SourceRange& range) {
    Json region;
    const std::string* first = scan.excerpts.line(range.file, range.begin.line);
    region["startLine"] = range.begin.line;
    if (range.begin.column > 0) region["startColumn"] = utf16_column(first, range.begin.column);
    const bool has_end =
        range.end.line > range.begin.line ||
        (range.end.line == range.begin.line && range.end.column > range.begin.column);
    if (has_end && range.begin.column > 0) {
        region["endLine"] = range.end.line;
        region["endColumn"] =
            utf16_column(scan.excerpts.line(range.file, range.end.line), range.end.column);
        if (auto text = region_text(scan, range)) region["snippet"] = {{"text", *text}};
    }
    return region;
}

Json physical_location(const ScanResult& scan, const SourceRange& range) {
    Json location;
    location["artifactLocation"] = {{"uri", uri_of(scan.path_of(range.file))},
                                    {"uriBaseId", kSrcRoot}};
    if (range.begin.line != 0) location["region"] = region_of(scan, range);
    return location;
}

std::string help_text(const Rule& rule) {
    std::string text = report::one_line(rule.description) + "\n\nRemediation:";
    for (const auto& [format, remediation] : rule.remediation)
        text += "\n- " + format + ": " + report::one_line(remediation);
    for (const std::string& reference : rule.references)
        text += "\n" + reference;
    return text;
}

std::string_view format_title(std::string_view key) {
    if (key == "cloudformation") return "CloudFormation";
    if (key == "terraform") return "Terraform";
    if (key == "cdk") return "AWS CDK";
    return "Any format";
}

std::string help_markdown(const Rule& rule) {
    std::string md =
        "**" + rule.title + "**\n\n" + report::one_line(rule.description) + "\n\n### Remediation\n";
    for (const auto& [format, remediation] : rule.remediation)
        md += "\n- **" + std::string(format_title(format)) + "**: " + report::one_line(remediation);
    if (!rule.frameworks.empty()) {
        md += "\n\n### Framework controls\n";
        for (std::string_view key : kFrameworkKeys) {
            auto it = rule.frameworks.find(std::string(key));
            if (it == rule.frameworks.end()) continue;
            md += "\n- " + report::framework_label(key) + ":";
            for (std::size_t i = 0; i < it->second.size(); ++i)
                md += (i ? ", " : " ") + it->second[i];
        }
    }
    if (!rule.crossrefs.empty()) {
        md += "\n\n### Equivalent checks\n";
        for (const auto& [tool, ids] : rule.crossrefs) {
            md += "\n- " + tool + ":";
            for (std::size_t i = 0; i < ids.size(); ++i)
                md += (i ? ", `" : " `") + ids[i] + "`";
        }
    }
    if (!rule.references.empty()) {
        md += "\n\n### References\n";
        for (const std::string& reference : rule.references)
            md += "\n- <" + reference + ">";
    }
    return md + "\n";
}

Json descriptor_of(const Rule& rule) {
    Json descriptor;
    descriptor["id"] = rule.id;
    descriptor["name"] = pascal_case(rule.id);
    descriptor["shortDescription"] = {{"text", rule.title}};
    descriptor["fullDescription"] = {{"text", report::one_line(rule.description)}};
    descriptor["help"] = {{"text", help_text(rule)}, {"markdown", help_markdown(rule)}};
    if (!rule.references.empty()) descriptor["helpUri"] = rule.references.front();
    descriptor["defaultConfiguration"] = {{"level", level_of(rule.severity)}};
    std::vector<std::string> tags{"security"};
    for (std::string& tag : report::framework_tags(rule)) {
        if (tags.size() == kSarifMaxTagsPerRule) break;
        tags.push_back(std::move(tag));
    }
    descriptor["properties"] = {
        {"security-severity", security_severity(rule.severity)},
        {"tags", tags},
        {"precision", "high"},
        {"problem.severity",
         level_of(rule.severity) == "note" ? "recommendation" : level_of(rule.severity)}};
    return descriptor;
}

// Suppressions written in the code are "inSource"; those from a configuration or baseline file
// are "external".
std::string_view suppression_kind(std::string_view source) {
    return source == "config" || source == "baseline" ? "external" : "inSource";
}

// SARIF's logical location kinds: a finding is about a resource, or about an input declaration
// (a CloudFormation parameter, a Terraform variable).
std::string_view logical_kind(const Resource& resource) {
    if (resource.kind == EntryKind::Resource) return "resource";
    return resource.type == types::kTerraformVariable ? "variable" : "parameter";
}

Json result_of(const ScanResult& scan, const Finding& finding, const report::RuleIndex& rules) {
    const Resource& resource = scan.graph.resource(finding.resource);
    Json result;
    result["ruleId"] = finding.rule_id;
    result["ruleIndex"] = rules.position(finding.rule_id);
    result["level"] = level_of(finding.severity);
    result["message"] = {{"text", report::valid_utf8(finding.message + " (" + resource.address +
                                                     ", " + resource.type + ")")}};
    Json location;
    location["physicalLocation"] = physical_location(scan, finding.range);
    location["logicalLocations"] =
        Json::array({{{"name", report::valid_utf8(resource.address)},
                      {"fullyQualifiedName",
                       report::valid_utf8(resource.scope.empty() ||
                                                  resource.scope == scan.path_of(resource.file)
                                              ? resource.address
                                              : resource.scope + "/" + resource.address)},
                      {"kind", logical_kind(resource)}}});
    result["locations"] = Json::array({location});
    result["partialFingerprints"] = {{"bulwarkFingerprint/v1", finding.fingerprint}};
    // Against a baseline (or --diff-base), SARIF's result.baselineState: a finding the
    // baseline holds is "unchanged", any other "new".
    if (scan.baseline) {
        result["baselineState"] = finding.status == FindingStatus::Baselined ? "unchanged" : "new";
    }
    if (finding.status == FindingStatus::Suppressed && finding.suppression) {
        const Suppression& suppression = *finding.suppression;
        Json entry = {{"kind", suppression_kind(suppression.source)},
                      {"status", "accepted"},
                      {"justification", report::valid_utf8(suppression.reason)}};
        Json properties = {{"source", suppression.source}};
        if (!suppression.owner.empty()) properties["owner"] = suppression.owner;
        if (!suppression.expires.empty()) properties["expires"] = suppression.expires;
        entry["properties"] = properties;
        // A configuration entry: SARIF's suppression.location says where it is written.
        if (suppression.file != kNoFile) {
            entry["location"] = {{"physicalLocation",
                                  physical_location(scan, {suppression.file, suppression.at, {}})}};
        }
        result["suppressions"] = Json::array({entry});
    }
    result["properties"] = {{"severity", to_string(finding.severity)},
                            {"resourceType", resource.type},
                            {"sourceFormat", to_string(resource.format)}};
    return result;
}

}  // namespace

std::string render_sarif(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const report::RuleIndex rules(scan);

    // Suppressed findings stay out unless asked for: GitHub ignores `suppressions` and would open
    // alerts for them.
    std::vector<const Finding*> kept;
    for (const Finding& finding : scan.findings) {
        if (finding.status == FindingStatus::Suppressed && !context.sarif_include_suppressed)
            continue;
        if (!reported(finding, context)) continue;
        kept.push_back(&finding);
    }
    // Over GitHub's limit per run, keep the most severe (then in report order).
    std::size_t left_out = 0;
    if (kept.size() > context.sarif_max_results) {
        std::vector<std::size_t> ranked(kept.size());
        for (std::size_t i = 0; i < ranked.size(); ++i)
            ranked[i] = i;
        std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
            return kept[a]->severity < kept[b]->severity;
        });
        std::vector<bool> keep(kept.size(), false);
        for (std::size_t i = 0; i < context.sarif_max_results; ++i)
            keep[ranked[i]] = true;
        std::vector<const Finding*> truncated;
        for (std::size_t i = 0; i < kept.size(); ++i)
            if (keep[i]) truncated.push_back(kept[i]);
        left_out = kept.size() - truncated.size();
        kept = std::move(truncated);
    }

    Json driver_rules = Json::array();
    for (const Rule* rule : scan.rules)
        driver_rules.push_back(descriptor_of(*rule));
    Json results = Json::array();
    for (const Finding* finding : kept)
        results.push_back(result_of(scan, *finding, rules));

    Json notifications = Json::array();
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        Json notification;
        notification["level"] = level_of(diagnostic.severity);
        notification["message"] = {{"text", report::valid_utf8(diagnostic.message)}};
        notification["descriptor"] = {{"id", to_string(diagnostic.code)}};
        if (diagnostic.file != kNoFile) {
            SourceRange range{diagnostic.file, diagnostic.position, {}};
            notification["locations"] =
                Json::array({{{"physicalLocation", physical_location(scan, range)}}});
        }
        notifications.push_back(std::move(notification));
    }
    if (left_out > 0) {
        notifications.push_back(
            {{"level", "warning"},
             {"message",
              {{"text", std::to_string(left_out) +
                            " results were left out: GitHub code scanning "
                            "accepts at most " +
                            std::to_string(context.sarif_max_results) +
                            " results per run, so the most severe were kept. The JSON report "
                            "has them all."}}},
             {"descriptor", {{"id", "results-truncated"}}}});
    }

    Json invocation;
    // The scan ran to the end: input problems are notifications, not a failed execution.
    invocation["executionSuccessful"] = true;
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    // The configuration file whose suppressions applied: `bulwark merge` tells its
    // notifications (judged per part) from the scanned files'.
    if (scan.config_file)
        invocation["properties"] = {{"configurationFile", uri_of(scan.path_of(*scan.config_file))}};

    std::string category(context.sarif_category.empty() ? "bulwark" : context.sarif_category);
    if (!category.ends_with('/')) category += '/';

    Json driver;
    driver["name"] = "Bulwark";
    driver["version"] = context.tool_version;
    driver["semanticVersion"] = context.tool_version;
    driver["informationUri"] = BULWARK_HOMEPAGE;
    driver["rules"] = std::move(driver_rules);

    Json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["automationDetails"] = {{"id", category}};
    run["originalUriBaseIds"] = {
        {kSrcRoot,
         {{"description",
           {{"text",
             "The scan root (--root; by default the current directory), normally the "
             "root of the repository"}}}}}};
    run["invocations"] = Json::array({std::move(invocation)});
    run["columnKind"] = "utf16CodeUnits";
    run["results"] = std::move(results);

    Json log;
    log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    log["version"] = "2.1.0";
    log["runs"] = Json::array({std::move(run)});
    return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace bulwark
