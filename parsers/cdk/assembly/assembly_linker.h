#pragma once

#include <vector>

#include "parsers/cloudformation/template_evaluator.h"
#include "pipeline/frontend.h"

namespace bulwark::cdk {

// Puts the parsed files of cloud assemblies together: each manifest's stacks find their
// templates, metadata and nested stack templates (reading those that were not among the scanned
// files), stage assemblies are followed, and every template's resources come out once, addressed
// by construct path where the assembly tells it. Missing files are reported at the line that
// names them.
FrontendOutput link_assemblies(std::vector<LinkInput>& inputs, const LinkContext& context,
                               const cloudformation::TemplateOptions& options);

}  // namespace bulwark::cdk
