#include "baseline/baseline_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace bulwark {
namespace {

using Json = nlohmann::ordered_json;

auto sort_key(const BaselineEntry& entry) {
    return std::tie(entry.file, entry.rule_id, entry.resource, entry.fingerprint);
}

bool is_fingerprint(std::string_view text) {
    return !text.empty() && text.size() <= 128 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

}  // namespace

void normalize(Baseline& baseline) {
    std::set<std::string> seen;
    std::vector<BaselineEntry> unique;
    for (BaselineEntry& entry : baseline.entries) {
        if (seen.insert(entry.fingerprint).second) unique.push_back(std::move(entry));
    }
    std::sort(unique.begin(), unique.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
        return sort_key(a) < sort_key(b);
    });
    baseline.entries = std::move(unique);
}

std::string render_baseline(const Baseline& baseline) {
    Baseline sorted = baseline;
    normalize(sorted);
    Json findings = Json::array();
    for (const BaselineEntry& entry : sorted.entries) {
        findings.push_back({{"fingerprint", entry.fingerprint},
                            {"rule_id", entry.rule_id},
                            {"resource", entry.resource},
                            {"file", entry.file}});
    }
    Json file;
    file["bulwark_baseline"] = kBaselineVersion;
    file["findings"] = std::move(findings);
    return file.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::variant<Baseline, std::string> parse_baseline(std::string_view text) {
    Json file;
    try {
        file = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& error) {
        return std::string("not valid JSON: ") + error.what();
    }
    if (!file.is_object() || !file.contains("bulwark_baseline"))
        return std::string("not a Bulwark baseline (no \"bulwark_baseline\" version key)");
    const Json& version = file["bulwark_baseline"];
    if (!version.is_number_integer() || version.get<int>() != kBaselineVersion) {
        return "baseline version " + version.dump() + " is not supported (this Bulwark reads " +
               std::to_string(kBaselineVersion) + ")";
    }
    if (!file.contains("findings") || !file["findings"].is_array())
        return std::string("\"findings\" must be a list");
    Baseline baseline;
    std::size_t position = 0;
    for (const Json& item : file["findings"]) {
        ++position;
        const std::string where = "findings entry " + std::to_string(position);
        if (!item.is_object()) return where + " is not an object";
        BaselineEntry entry;
        for (auto [key, field] :
             {std::pair{"fingerprint", &entry.fingerprint}, std::pair{"rule_id", &entry.rule_id},
              std::pair{"resource", &entry.resource}, std::pair{"file", &entry.file}}) {
            if (!item.contains(key)) {
                if (std::string_view(key) == "fingerprint") return where + " has no fingerprint";
                continue;  // the other fields are for humans
            }
            if (!item[key].is_string()) return where + ": \"" + key + "\" must be a string";
            *field = item[key].get<std::string>();
        }
        if (!is_fingerprint(entry.fingerprint))
            return where + ": fingerprint '" + entry.fingerprint + "' is not lower-case hex";
        baseline.entries.push_back(std::move(entry));
    }
    normalize(baseline);
    return baseline;
}

}  // namespace bulwark
