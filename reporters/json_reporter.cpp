#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "reporters/report_support.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

using Json = nlohmann::ordered_json;

Json frameworks_of(const Rule& rule) {
    Json frameworks = Json::object();
    for (std::string_view key : kFrameworkKeys) {
        auto it = rule.frameworks.find(std::string(key));
        if (it != rule.frameworks.end()) frameworks[std::string(key)] = it->second;
    }
    return frameworks;
}

// Parameter values are scalars or lists of strings (the loader checks their declared types).
Json parameter_json(const Value& value) {
    if (value.is_bool()) return value.as_bool();
    if (value.is_number()) return value.as_number();
    if (value.is_string()) return value.as_string();
    Json items = Json::array();
    if (value.is_list()) {
        for (const Value& item : value.as_list())
            items.push_back(parameter_json(item));
    }
    return items;
}

Json parameters_of(const Rule& rule) {
    Json out = Json::object();
    for (const RuleParameter& parameter : rule.parameters) {
        out[parameter.name] = {{"type", parameter_type_name(parameter.type)},
                               {"default", parameter_json(parameter.default_value)},
                               {"value", parameter_json(parameter.value)},
                               {"description", parameter.description}};
    }
    return out;
}

Json crossrefs_of(const Rule& rule) {
    Json crossrefs = Json::object();
    for (std::string_view key : kCrossrefKeys) {
        auto it = rule.crossrefs.find(std::string(key));
        crossrefs[std::string(key)] = it != rule.crossrefs.end() ? Json(it->second) : Json::array();
    }
    return crossrefs;
}

// The baseline's numbers, and the entries no finding matches any more (always listed: `bulwark
// merge` intersects them across shards).
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

std::string dump(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_json(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    std::map<std::string_view, const Rule*> rules;  // looked up once per finding
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
        // CDK: the construct path, and where the app creates the construct when known.
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
        // The location holds a secret: consumers should not quote the source there.
        if (finding.sensitive) result["sensitive"] = true;
        result["frameworks"] = rule ? frameworks_of(*rule) : Json::object();
        if (finding.suppression) {
            result["suppression"] = {{"source", finding.suppression->source},
                                     {"reason", finding.suppression->reason},
                                     {"expires", finding.suppression->expires},
                                     {"owner", finding.suppression->owner}};
            // A configuration entry: where it is written.
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
        // Only with a baseline (or --diff-base), so scans without one keep their shape.
        report["summary"]["baselined"] = totals.baselined;
        report["baseline"] = baseline_json(*scan.baseline);
    }
    // Only when its suppressions applied, so scans without them keep their shape; `bulwark
    // merge` uses it to tell the configuration's diagnostics from the scanned files'.
    if (scan.config_file) report["configuration"] = {{"file", scan.path_of(*scan.config_file)}};
    report["results"] = std::move(results);
    report["diagnostics"] = std::move(diagnostics);
    return dump(report);
}

std::string render_rule_list_json(const RuleCatalog& catalog,
                                  const std::vector<const Rule*>* shown) {
    Json rules = Json::array();
    for (const Rule& rule : catalog.rules()) {
        if (shown && std::find(shown->begin(), shown->end(), &rule) == shown->end()) continue;
        rules.push_back({{"id", rule.id},
                         {"title", rule.title},
                         {"severity", to_string(rule.severity)},
                         {"pack", rule.pack},
                         {"resource_types", rule.resource_types},
                         {"frameworks", frameworks_of(rule)},
                         {"crossrefs", crossrefs_of(rule)},
                         {"parameters", parameters_of(rule)}});
    }
    return dump(rules);
}

}  // namespace bulwark
