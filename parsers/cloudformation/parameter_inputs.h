#pragma once

#include <string>
#include <vector>

#include "model/resource.h"
#include "parsers/cloudformation/template_builder.h"

namespace bulwark::cloudformation {

// Turns the Parameters section of a template into input entries
// (Bulwark::CloudFormation::Parameter, EntryKind::Input): the declaration as written, at the
// parameter's logical ID. Addresses are `Parameters.<Name>`, under the nested-stack prefix
// (`Network/Parameters.DbPassword`), so they never collide with resource logical IDs.
void build_parameter_inputs(const Value& root, const BuildSettings& settings,
                            const std::string& prefix, std::vector<Resource>& inputs);

}  // namespace bulwark::cloudformation
