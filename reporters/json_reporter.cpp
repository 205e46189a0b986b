#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include "reporters/json_writer.h"
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
void write_baseline(JsonWriter& json, const BaselineSummary& summary) {
    json.begin_object();
    json.key("sources");
    json.begin_array();
    for (const std::string& source : summary.sources)
        json.string(source);
    json.end_array();
    json.key("entries");
    json.number(summary.entries);
    json.key("baselined");
    json.number(summary.baselined);
    json.key("stale");
    json.number(summary.stale.size());
    json.key("stale_entries");
    json.begin_array();
    for (const BaselineEntry& entry : summary.stale) {
        json.begin_object();
        json.key("fingerprint");
        json.string(entry.fingerprint);
        json.key("rule_id");
        json.string(entry.rule_id);
        json.key("resource");
        json.string(entry.resource);
        json.key("file");
        json.string(entry.file);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

std::string dump(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// What every finding of a rule repeats, rendered once: its title and its frameworks object.
struct RenderedRule {
    std::string title;
    std::string frameworks;
};

class RuleParts {
  public:
    explicit RuleParts(const ScanResult& scan) {
        for (const Rule* rule : scan.rules)
            rules_.emplace(rule->id, Entry{rule, std::nullopt});
    }

    // `depth`: the level the frameworks object is written at.
    const RenderedRule& of(std::string_view rule_id, std::size_t depth) {
        auto found = rules_.find(rule_id);
        if (found == rules_.end()) return unknown(depth);
        Entry& entry = found->second;
        if (!entry.rendered) entry.rendered = render(entry.rule, depth);
        return *entry.rendered;
    }

  private:
    struct Entry {
        const Rule* rule;
        std::optional<RenderedRule> rendered;
    };

    static RenderedRule render(const Rule* rule, std::size_t depth) {
        RenderedRule out;
        append_json_string(out.title, rule ? std::string_view(rule->title) : "");
        JsonWriter json(out.frameworks, depth);
        json.begin_object();
        for (std::string_view key : kFrameworkKeys) {
            if (rule == nullptr) break;
            auto it = rule->frameworks.find(std::string(key));
            if (it == rule->frameworks.end()) continue;
            json.key(key);
            json.begin_array();
            for (const std::string& control : it->second)
                json.string(control);
            json.end_array();
        }
        json.end_object();
        return out;
    }

    const RenderedRule& unknown(std::size_t depth) {
        if (!unknown_) unknown_ = render(nullptr, depth);
        return *unknown_;
    }

    std::map<std::string_view, Entry> rules_;
    std::optional<RenderedRule> unknown_;
};

void write_finding(JsonWriter& json, const Finding& finding, const ScanResult& scan,
                   RuleParts& rules) {
    const Resource& resource = scan.graph.resource(finding.resource);
    json.begin_object();
    const RenderedRule& rule = rules.of(finding.rule_id, json.depth());
    json.key("rule_id");
    json.string(finding.rule_id);
    json.key("title");
    json.raw_value(rule.title);
    json.key("severity");
    json.string(to_string(finding.severity));
    json.key("status");
    json.string(to_string(finding.status));
    json.key("message");
    json.string(finding.message);
    if (!finding.detail.empty()) {
        json.key("detail");
        json.string(finding.detail);
    }
    json.key("resource");
    json.begin_object();
    json.key("address");
    json.string(resource.address);
    json.key("type");
    json.string(resource.type);
    json.key("native_type");
    json.string(resource.native_type);
    json.key("format");
    json.string(to_string(resource.format));
    json.key("scope");
    json.string(resource.scope);
    // CDK: the construct path, and where the app creates the construct when known.
    if (!resource.construct_path.empty()) {
        json.key("construct");
        json.begin_object();
        json.key("path");
        json.string(resource.construct_path);
        if (resource.construct_source.valid()) {
            json.key("file");
            json.string(scan.path_of(resource.construct_source.file));
            json.key("line");
            json.number(resource.construct_source.begin.line);
            json.key("column");
            json.number(resource.construct_source.begin.column);
        }
        json.end_object();
    }
    json.end_object();
    json.key("location");
    json.begin_object();
    json.key("file");
    json.string(scan.path_of(finding.range.file));
    json.key("start_line");
    json.number(finding.range.begin.line);
    json.key("start_column");
    json.number(finding.range.begin.column);
    json.key("end_line");
    json.number(finding.range.end.line);
    json.key("end_column");
    json.number(finding.range.end.column);
    json.end_object();
    json.key("fingerprint");
    json.string(finding.fingerprint);
    // The location holds a secret: consumers should not quote the source there.
    if (finding.sensitive) {
        json.key("sensitive");
        json.boolean(true);
    }
    json.key("frameworks");
    json.raw_value(rule.frameworks);
    if (const auto& suppression = finding.suppression) {
        json.key("suppression");
        json.begin_object();
        json.key("source");
        json.string(suppression->source);
        json.key("reason");
        json.string(suppression->reason);
        json.key("expires");
        json.string(suppression->expires);
        json.key("owner");
        json.string(suppression->owner);
        // A configuration entry: where it is written.
        if (suppression->file != kNoFile) {
            json.key("file");
            json.string(scan.path_of(suppression->file));
            json.key("line");
            json.number(suppression->at.line);
        }
        json.end_object();
    }
    json.end_object();
}

void write_summary(JsonWriter& json, const ScanResult& scan, const report::Totals& totals) {
    json.begin_object();
    json.key("files");
    json.number(scan.counts.files);
    json.key("resources");
    json.number(scan.graph.resources().size());
    json.key("rules");
    json.number(scan.rules.size());
    json.key("checks");
    json.number(scan.counts.checks);
    json.key("passed");
    json.number(scan.counts.passed);
    json.key("failed");
    json.number(totals.failed);
    json.key("suppressed");
    json.number(totals.suppressed);
    json.key("undecided");
    json.number(scan.counts.undecided);
    json.key("not_applicable");
    json.number(scan.counts.not_applicable);
    json.key("diagnostics");
    json.number(scan.diagnostics.size());
    json.key("by_severity");
    json.begin_object();
    for (Severity s :
         {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
        auto counted = totals.failed_by_severity.find(s);
        json.key(to_string(s));
        json.number(counted == totals.failed_by_severity.end() ? std::size_t{0} : counted->second);
    }
    json.end_object();
    // Only with a baseline (or --diff-base), so scans without one keep their shape.
    if (scan.baseline) {
        json.key("baselined");
        json.number(totals.baselined);
    }
    json.end_object();
}

}  // namespace

// Streamed, in the layout nlohmann's dump gave the DOM this used to build (a test renders both).
std::string render_json(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    std::string out;
    out.reserve(1024 + 1024 * scan.findings.size());
    JsonWriter json(out);
    json.begin_object();
    json.key("tool");
    json.begin_object();
    json.key("name");
    json.string("bulwark");
    json.key("version");
    json.string(context.tool_version);
    json.end_object();
    json.key("summary");
    write_summary(json, scan, report::totals(scan));
    if (scan.baseline) {
        json.key("baseline");
        write_baseline(json, *scan.baseline);
    }
    // Only when its suppressions applied, so scans without them keep their shape; `bulwark
    // merge` uses it to tell the configuration's diagnostics from the scanned files'.
    if (scan.config_file) {
        json.key("configuration");
        json.begin_object();
        json.key("file");
        json.string(scan.path_of(*scan.config_file));
        json.end_object();
    }
    json.key("results");
    json.begin_array();
    RuleParts rules(scan);
    for (const Finding& finding : scan.findings) {
        if (reported(finding, context)) write_finding(json, finding, scan, rules);
    }
    json.end_array();
    json.key("diagnostics");
    json.begin_array();
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        json.begin_object();
        json.key("file");
        json.string(scan.path_of(diagnostic.file));
        json.key("line");
        json.number(diagnostic.position.line);
        json.key("column");
        json.number(diagnostic.position.column);
        json.key("severity");
        json.string(to_string(diagnostic.severity));
        json.key("code");
        json.string(to_string(diagnostic.code));
        json.key("message");
        json.string(diagnostic.message);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    out += "\n";
    return out;
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
