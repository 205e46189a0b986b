#include "config/config_check.h"

#include <algorithm>

#include "rules/rule_loader.h"

namespace bulwark {

std::vector<ConfigError> check_config_rules(const Config& config, const RuleCatalog& catalog) {
    std::vector<ConfigError> errors;
    auto error = [&](SourcePosition at, std::string message) {
        errors.push_back({config.file.string(), at, std::move(message)});
    };
    auto known = [&](const std::string& id, SourcePosition at, std::string_view key) {
        if (catalog.find(id) != nullptr) return true;
        error(at,
              std::string(key) + " names an unknown rule '" + id + "' (see `bulwark rules list`)");
        return false;
    };
    for (const Setting& id : config.only)
        known(id.value, id.at, "rules.only");
    for (const Setting& id : config.skip)
        known(id.value, id.at, "rules.skip");
    for (const SeverityOverride& override : config.severities)
        known(override.rule, override.at, "rules.severity");
    for (const ParameterSetting& setting : config.parameters) {
        if (!known(setting.rule, setting.at, "rules.parameters")) continue;
        const Rule& rule = *catalog.find(setting.rule);
        auto declared = std::find_if(
            rule.parameters.begin(), rule.parameters.end(),
            [&](const RuleParameter& parameter) { return parameter.name == setting.name; });
        if (declared == rule.parameters.end()) {
            std::string names;
            for (const RuleParameter& parameter : rule.parameters)
                names += (names.empty() ? "" : ", ") + parameter.name;
            error(setting.at, "rule " + rule.id + " has no parameter '" + setting.name + "' (" +
                                  (names.empty() ? "it has none" : "it has " + names) + ")");
        } else if (!has_parameter_type(setting.value, declared->type)) {
            error(setting.value.range().begin.line != 0 ? setting.value.range().begin : setting.at,
                  "parameter " + rule.id + "." + setting.name + " takes a value of type " +
                      std::string(parameter_type_name(declared->type)));
        }
    }
    return errors;
}

}  // namespace bulwark
