#pragma once

#include <string>

#include "config/config.h"
#include "model/value.h"
#include "rules/rule_catalog.h"

namespace bulwark {

// The configuration a scan runs with: the file's settings over the defaults, with every rule
// parameter's effective value taken from `catalog` (loaded with the file's rule directories and
// parameters). It has the file's own shape, so it can be saved as a .bulwark.yaml.
Value effective_config(const Config& config, const RuleCatalog& catalog);

// Block-style YAML (strings quoted where YAML would read them otherwise).
std::string to_yaml(const Value& value);

// Pretty-printed JSON, two-space indent.
std::string to_json(const Value& value);

}  // namespace bulwark
