#pragma once

#include <string>

#include "rules/rule_catalog.h"

// The framework evidence pages of the docs (docs/frameworks/), generated from the framework files
// and the rules' mappings by `bulwark rules framework ID` and `bulwark rules frameworks`.
namespace bulwark::compliance {

struct FrameworkCoverage {
    std::size_t total = 0;        // controls in the framework file
    std::size_t evidencable = 0;  // iac full or partial
    std::size_t touched = 0;      // controls at least one rule maps to directly
};

// Over the catalog's rules that are not deprecated (opt-in rules included).
FrameworkCoverage framework_coverage(const Framework& framework, const RuleCatalog& catalog);

// docs/frameworks/<key>.md: per control, its iac flag and the rules that evidence it, or
// "manual evidence".
std::string render_framework_markdown(const Framework& framework, const RuleCatalog& catalog);
// docs/frameworks/README.md: the coverage table of every framework.
std::string render_framework_index_markdown(const RuleCatalog& catalog);

}  // namespace bulwark::compliance
