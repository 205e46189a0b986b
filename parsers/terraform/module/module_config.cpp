#include "parsers/terraform/module/module_config.h"

namespace bulwark::terraform {

void ModuleConfig::index() {
    auto duplicate = [&](const hcl::Block& block, const std::string& what) {
        diagnostics.push_back(Diagnostic{block.range.file, block.range.begin,
                                         DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
                                         "duplicate " + what + "; the first declaration is used"});
    };
    for (const auto& file : files) {
        for (const hcl::Block& block : file->syntax.body.blocks) {
            const auto& labels = block.labels;
            if (block.type == "variable" && labels.size() == 1) {
                if (!variables.emplace(labels[0], &block).second) duplicate(block, "variable " + labels[0]);
            } else if (block.type == "output" && labels.size() == 1) {
                if (!outputs.emplace(labels[0], &block).second) duplicate(block, "output " + labels[0]);
            } else if (block.type == "locals") {
                for (const hcl::Attribute& attribute : block.body.attributes) {
                    locals.emplace(attribute.name, &attribute);
                }
            } else if (block.type == "resource" && labels.size() == 2) {
                if (resources.emplace(labels[0] + "." + labels[1], &block).second) {
                    resource_order.push_back(&block);
                } else {
                    duplicate(block, "resource " + labels[0] + "." + labels[1]);
                }
            } else if (block.type == "data" && labels.size() == 2) {
                data.emplace(labels[0] + "." + labels[1], &block);
            } else if (block.type == "module" && labels.size() == 1) {
                if (!module_calls.emplace(labels[0], &block).second) duplicate(block, "module " + labels[0]);
            }
        }
    }
}

}  // namespace bulwark::terraform
