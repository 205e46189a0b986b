#pragma once

#include "pipeline/frontend.h"

namespace bulwark::terraform {

// `terraform show -json` output of a plan (planned_values) or of a state (values): resolved
// values, with what is known only after apply marked by after_unknown, and the configuration's
// references used to link resources. Findings point into the JSON file.
class TerraformPlanFrontend final : public Frontend {
public:
    std::string_view name() const override { return "terraform-plan"; }
    bool claims(std::string_view path, std::string_view content) const override;
    FrontendOutput parse(const SourceFile& file) const override;
};

}  // namespace bulwark::terraform
