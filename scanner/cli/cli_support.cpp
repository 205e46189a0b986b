#include "cli/cli_support.h"

#include <ctime>

#include "io/document_reader.h"

#ifndef BULWARK_VERSION
#define BULWARK_VERSION "0.0.0-dev"
#endif

namespace bulwark {

namespace fs = std::filesystem;

const char* bulwark_version() {
    return BULWARK_VERSION;
}

std::vector<fs::path> as_paths(const std::vector<std::string>& items) {
    return std::vector<fs::path>(items.begin(), items.end());
}

std::vector<std::string> split_list(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items) {
        std::size_t start = 0;
        while (start <= item.size()) {
            const std::size_t comma = item.find(',', start);
            std::string part =
                item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!part.empty()) out.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

std::optional<std::map<std::string, RuleParameterValues>> parse_rule_params(
    const std::vector<std::string>& items, std::ostream& err) {
    std::map<std::string, RuleParameterValues> out;
    for (const std::string& item : items) {
        const std::size_t equals = item.find('=');
        const std::size_t dot = item.substr(0, equals).rfind('.');
        if (equals == std::string::npos || dot == std::string::npos || dot == 0 ||
            dot + 1 == equals) {
            err << "bulwark: --rule-param takes RULE-ID.PARAMETER=VALUE, not '" << item << "'\n";
            return std::nullopt;
        }
        ReadResult value = read_yaml(item.substr(equals + 1), kNoFile);
        if (!value.value) {
            err << "bulwark: --rule-param " << item << ": the value is not valid YAML\n";
            return std::nullopt;
        }
        out[item.substr(0, dot)][item.substr(dot + 1, equals - dot - 1)] = *value.value;
    }
    return out;
}

const RuleCatalog* load_catalog(const std::vector<std::string>& rule_dirs,
                                const std::vector<std::string>& rule_params,
                                std::unique_ptr<RuleCatalog>& holder, std::ostream& err,
                                bool with_frameworks,
                                std::map<std::string, RuleParameterValues> configured,
                                RuleDetail detail) {
    auto parameters = parse_rule_params(rule_params, err);
    if (!parameters) return nullptr;
    for (auto& [rule, values] : *parameters) {
        for (auto& [name, value] : values)
            configured[rule][name] = std::move(value);
    }
    auto loaded = RuleCatalog::load(as_paths(rule_dirs), with_frameworks, configured, detail);
    if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
        for (const RuleFileError& error : *errors)
            err << "error: " << format_error(error) << "\n";
        err << "bulwark: " << errors->size() << " problem(s) in rule files; nothing was scanned\n";
        return nullptr;
    }
    holder = std::make_unique<RuleCatalog>(std::get<RuleCatalog>(std::move(loaded)));
    return holder.get();
}

// Suppressions that expired before this date stop suppressing.
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

}  // namespace bulwark
