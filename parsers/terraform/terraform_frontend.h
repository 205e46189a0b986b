#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/value.h"

#include "pipeline/frontend.h"

namespace bulwark::terraform {

// Variable values the configuration file sets for the root modules in one folder or below it.
struct DirectoryVariables {
    std::string directory;               // relative to the scan root, '/'-separated; "" = all
    std::vector<std::string> var_files;  // absolute paths
    std::map<std::string, Value> variables;
};

struct TerraformOptions {
    // Variable values from outside the configuration, in Terraform's precedence order: TF_VAR_*
    // environment variables, terraform.tfvars and *.auto.tfvars, then the configuration file's
    // `directories` (each folder's var-files then vars, shallower folders first), then --var-file
    // files, then --var; later sources win.
    std::map<std::string, std::string> environment_variables;  // name -> raw value
    std::vector<DirectoryVariables> directories;
    std::vector<std::string> var_files;                        // paths
    std::map<std::string, std::string> variables;              // --var name=value
};

// Terraform configurations (.tf) and variable files (.tfvars). Files are parsed one by one;
// link() groups them into modules, evaluates every root module with its local child modules,
// and adapts the resources into the canonical model.
class TerraformFrontend final : public Frontend {
public:
    explicit TerraformFrontend(TerraformOptions options = {}) : options_(std::move(options)) {}

    std::string_view name() const override { return "terraform"; }
    bool claims(std::string_view path, std::string_view content) const override;
    FrontendOutput parse(const SourceFile& file) const override;
    FrontendOutput link(std::vector<LinkInput>& inputs, const LinkContext& context) const override;

private:
    TerraformOptions options_;
};

}  // namespace bulwark::terraform
