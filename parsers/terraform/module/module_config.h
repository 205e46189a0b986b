#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parsers/terraform/hcl/syntax.h"

namespace bulwark::terraform {

// One parsed Terraform or tfvars file.
struct TerraformFile {
    FileId id = kNoFile;
    std::string path;  // relative to the scan root
    std::filesystem::path absolute;
    hcl::File syntax;
};

// The configuration of one module: every .tf file of a directory, indexed by declaration.
struct ModuleConfig {
    std::filesystem::path dir;  // absolute, normalised
    std::string relative_dir;   // relative to the scan root ("" for the root itself)
    std::vector<std::shared_ptr<const TerraformFile>> files;
    std::vector<std::shared_ptr<const TerraformFile>> tfvars;  // terraform.tfvars, *.auto.tfvars

    std::map<std::string, const hcl::Block*> variables;
    std::map<std::string, const hcl::Attribute*> locals;
    std::map<std::string, const hcl::Block*> outputs;
    std::map<std::string, const hcl::Block*> resources;  // "type.name", in file order below
    std::vector<const hcl::Block*> resource_order;
    std::map<std::string, const hcl::Block*> data;       // "type.name"
    std::map<std::string, const hcl::Block*> module_calls;
    std::vector<Diagnostic> diagnostics;  // duplicate declarations
    // Files of the folder the pipeline refused to read (a symbolic link out of the scan root, too
    // large, binary), relative to the scan root; reported where the module is called.
    std::vector<std::string> unread;

    void index();  // fills the maps from `files`
};

}  // namespace bulwark::terraform
