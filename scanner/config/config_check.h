#pragma once

#include <vector>

#include "config/config.h"
#include "rules/rule_catalog.h"

namespace bulwark {

// What only the loaded rules can tell about a configuration: every rule ID it names (only,
// skip, severity, parameters) exists, and every parameter is declared with a value of its type.
// The catalog must include the configuration's own rule directories.
std::vector<ConfigError> check_config_rules(const Config& config, const RuleCatalog& catalog);

}  // namespace bulwark
