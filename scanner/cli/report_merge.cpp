#include "cli/report_merge.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace bulwark {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) {
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Parses every report; the problem names the part (1-based) that is not JSON.
std::string parse_all(const std::vector<std::string>& texts, std::vector<Json>& out) {
    if (texts.empty()) return "nothing to merge";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        try {
            out.push_back(Json::parse(texts[i]));
        } catch (const Json::parse_error& error) {
            return "report " + std::to_string(i + 1) + " is not JSON: " + error.what();
        }
    }
    return {};
}

const Json& at(const Json& json, std::initializer_list<const char*> path) {
    static const Json kNull;
    const Json* node = &json;
    for (const char* key : path) {
        if (!node->is_object() || !node->contains(key)) return kNull;
        node = &(*node)[key];
    }
    return *node;
}

std::string text_at(const Json& json, std::initializer_list<const char*> path) {
    const Json& node = at(json, path);
    return node.is_string() ? node.get<std::string>() : std::string();
}

std::uint64_t number_at(const Json& json, std::initializer_list<const char*> path) {
    const Json& node = at(json, path);
    return node.is_number_unsigned() || node.is_number_integer() ? node.get<std::uint64_t>() : 0;
}

// Adds the numbers of `part` into `total`, object by object (the summary and its by_severity).
void add_counts(Json& total, const Json& part) {
    for (auto& [key, value] : total.items()) {
        if (!part.contains(key)) continue;
        if (value.is_object()) {
            add_counts(value, part[key]);
        } else if (value.is_number()) {
            value = value.get<std::uint64_t>() + part[key].get<std::uint64_t>();
        }
    }
}

std::string percent_decoded(std::string_view uri) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
            out += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
            i += 2;
        } else {
            out += uri[i];
        }
    }
    return out;
}

}  // namespace

MergedReport merge_json_reports(const std::vector<std::string>& texts) {
    std::vector<Json> reports;
    if (std::string problem = parse_all(texts, reports); !problem.empty()) return {{}, problem};
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const Json& report = reports[i];
        const std::string part = "report " + std::to_string(i + 1);
        if (text_at(report, {"tool", "name"}) != "bulwark" || !at(report, {"results"}).is_array())
            return {{}, part + " is not a Bulwark JSON report"};
        if (at(report, {"tool"}) != at(reports[0], {"tool"}))
            return {{}, part + " comes from another Bulwark version"};
        if (at(report, {"summary", "rules"}) != at(reports[0], {"summary", "rules"}) ||
            at(report, {"baseline", "sources"}) != at(reports[0], {"baseline", "sources"})) {
            return {{},
                    part +
                        " ran other rules or another baseline: the parts of one scan run "
                        "with the same options"};
        }
    }
    Json merged = reports[0];
    Json& summary = merged["summary"];
    const Json rules = summary["rules"];
    for (std::size_t i = 1; i < reports.size(); ++i)
        add_counts(summary, reports[i]["summary"]);
    summary["rules"] = rules;  // every part ran the same rules

    Json results = Json::array();
    Json diagnostics = Json::array();
    // Every part reports the configuration's diagnostics, judged on the part's findings: one
    // that every part reports (a bad glob, or an entry no part found anything for) is the whole
    // scan's, once; one only some parts report (stale there, matched elsewhere) is not.
    const std::string config_file = text_at(reports[0], {"configuration", "file"});
    std::map<std::string, std::size_t> config_diagnostics;  // dumped diagnostic -> parts
    for (const Json& report : reports) {
        for (const Json& result : report["results"])
            results.push_back(result);
        std::set<std::string> seen;
        for (const Json& diagnostic : at(report, {"diagnostics"})) {
            if (config_file.empty() || text_at(diagnostic, {"file"}) != config_file) {
                diagnostics.push_back(diagnostic);
            } else if (seen.insert(diagnostic.dump()).second &&
                       ++config_diagnostics[diagnostic.dump()] == reports.size()) {
                diagnostics.push_back(diagnostic);
            }
        }
    }
    if (!config_file.empty()) summary["diagnostics"] = diagnostics.size();
    // The scan's order: file, line, rule, resource, column, fingerprint.
    auto result_key = [](const Json& r) {
        return std::make_tuple(
            text_at(r, {"location", "file"}), number_at(r, {"location", "start_line"}),
            text_at(r, {"rule_id"}), text_at(r, {"resource", "address"}),
            number_at(r, {"location", "start_column"}), text_at(r, {"fingerprint"}));
    };
    std::stable_sort(results.begin(), results.end(),
                     [&](const Json& a, const Json& b) { return result_key(a) < result_key(b); });
    auto diagnostic_key = [](const Json& d) {
        return std::make_tuple(text_at(d, {"file"}), number_at(d, {"line"}),
                               number_at(d, {"column"}), text_at(d, {"message"}),
                               text_at(d, {"severity"}), text_at(d, {"code"}));
    };
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [&](const Json& a, const Json& b) {
        return diagnostic_key(a) < diagnostic_key(b);
    });
    merged["results"] = std::move(results);
    merged["diagnostics"] = std::move(diagnostics);

    if (merged.contains("baseline")) {
        // Stale means no part found it.
        Json& baseline = merged["baseline"];
        std::set<std::string> found_somewhere;
        for (const Json& report : reports) {
            std::set<std::string> stale;
            for (const Json& entry : at(report, {"baseline", "stale_entries"}))
                stale.insert(text_at(entry, {"fingerprint"}));
            for (const Json& entry : at(reports[0], {"baseline", "stale_entries"})) {
                if (!stale.count(text_at(entry, {"fingerprint"})))
                    found_somewhere.insert(text_at(entry, {"fingerprint"}));
            }
        }
        Json stale = Json::array();
        for (const Json& entry : at(reports[0], {"baseline", "stale_entries"})) {
            if (!found_somewhere.count(text_at(entry, {"fingerprint"}))) stale.push_back(entry);
        }
        std::uint64_t baselined = 0;
        for (const Json& report : reports)
            baselined += number_at(report, {"baseline", "baselined"});
        baseline["baselined"] = baselined;
        baseline["stale"] = stale.size();
        baseline["stale_entries"] = std::move(stale);
    }
    return {dump(merged), {}};
}

MergedReport merge_sarif_reports(const std::vector<std::string>& texts) {
    std::vector<Json> reports;
    if (std::string problem = parse_all(texts, reports); !problem.empty()) return {{}, problem};
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const Json& runs = at(reports[i], {"runs"});
        const std::string part = "report " + std::to_string(i + 1);
        if (text_at(reports[i], {"version"}) != "2.1.0" || !runs.is_array() || runs.size() != 1 ||
            text_at(runs[0], {"tool", "driver", "name"}) != "Bulwark") {
            return {{}, part + " is not a Bulwark SARIF log"};
        }
        if (at(runs[0], {"tool"}) != at(reports[0]["runs"][0], {"tool"}) ||
            at(runs[0], {"automationDetails"}) !=
                at(reports[0]["runs"][0], {"automationDetails"})) {
            return {{},
                    part +
                        " ran other rules, another version or another category: the "
                        "parts of one scan run with the same options"};
        }
    }
    Json merged = reports[0];
    Json& run = merged["runs"][0];
    Json results = Json::array();
    Json notifications = Json::array();
    // As for JSON: a notification about the configuration file is the whole scan's when every
    // part reported it.
    const Json& first_invocations = at(reports[0]["runs"][0], {"invocations"});
    const std::string config_uri =
        first_invocations.is_array() && !first_invocations.empty()
            ? text_at(first_invocations[0], {"properties", "configurationFile"})
            : std::string();
    std::map<std::string, std::size_t> config_notifications;  // dumped notification -> parts
    for (const Json& report : reports) {
        const Json& part = report["runs"][0];
        for (const Json& result : at(part, {"results"}))
            results.push_back(result);
        const Json& invocations = at(part, {"invocations"});
        if (!invocations.is_array() || invocations.empty()) continue;
        std::set<std::string> seen;
        for (const Json& notification : at(invocations[0], {"toolExecutionNotifications"})) {
            if (text_at(notification, {"descriptor", "id"}) == "results-truncated")
                return {{},
                        "a part left results out (over GitHub's limit); merge the JSON "
                        "reports instead"};
            const Json& locations = at(notification, {"locations"});
            const bool about_config =
                !config_uri.empty() && locations.is_array() && !locations.empty() &&
                text_at(locations[0], {"physicalLocation", "artifactLocation", "uri"}) ==
                    config_uri;
            if (!about_config) {
                notifications.push_back(notification);
            } else if (seen.insert(notification.dump()).second &&
                       ++config_notifications[notification.dump()] == reports.size()) {
                notifications.push_back(notification);
            }
        }
    }
    auto location_of = [](const Json& item) -> const Json& {
        const Json& locations = at(item, {"locations"});
        static const Json kNull;
        return locations.is_array() && !locations.empty() ? locations[0] : kNull;
    };
    auto result_key = [&](const Json& r) {
        const Json& location = location_of(r);
        const Json& logical = at(location, {"logicalLocations"});
        return std::make_tuple(
            percent_decoded(text_at(location, {"physicalLocation", "artifactLocation", "uri"})),
            number_at(location, {"physicalLocation", "region", "startLine"}),
            text_at(r, {"ruleId"}),
            logical.is_array() && !logical.empty() ? text_at(logical[0], {"name"}) : std::string(),
            number_at(location, {"physicalLocation", "region", "startColumn"}),
            text_at(r, {"partialFingerprints", "bulwarkFingerprint/v1"}));
    };
    std::stable_sort(results.begin(), results.end(),
                     [&](const Json& a, const Json& b) { return result_key(a) < result_key(b); });
    auto notification_key = [&](const Json& n) {
        const Json& location = location_of(n);
        return std::make_tuple(
            percent_decoded(text_at(location, {"physicalLocation", "artifactLocation", "uri"})),
            number_at(location, {"physicalLocation", "region", "startLine"}),
            number_at(location, {"physicalLocation", "region", "startColumn"}),
            text_at(n, {"message", "text"}), text_at(n, {"level"}),
            text_at(n, {"descriptor", "id"}));
    };
    std::stable_sort(notifications.begin(), notifications.end(), [&](const Json& a, const Json& b) {
        return notification_key(a) < notification_key(b);
    });
    Json& invocation = run["invocations"][0];
    if (notifications.empty()) {
        invocation.erase("toolExecutionNotifications");
    } else {
        invocation["toolExecutionNotifications"] = std::move(notifications);
    }
    run["results"] = std::move(results);
    return {dump(merged), {}};
}

}  // namespace bulwark
