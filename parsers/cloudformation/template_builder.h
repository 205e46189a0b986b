#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"
#include "parsers/cloudformation/template_evaluator.h"

namespace bulwark::cloudformation {

struct BuildSettings {
    FileId file = kNoFile;
    std::string scope;
    SourceFormat format = SourceFormat::CloudFormation;
    // Resources the SAM transform generated: logical ID -> the SAM type they came from.
    const std::map<std::string, std::string, std::less<>>* sam_origins = nullptr;
};

// Turns the Resources section of a (transformed) template into resources: properties evaluated,
// resources whose Condition is false left out, resource-level attributes kept, DependsOn checked.
void build_resources(const Value& root, TemplateEvaluator& evaluator, const BuildSettings& settings,
                     std::vector<Resource>& resources, std::vector<Diagnostic>& diagnostics);

}  // namespace bulwark::cloudformation
