#pragma once

#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace bulwark::cloudformation {

// Turns a YAML short-form intrinsic (`!Ref Name`, `!GetAtt A.B`, `!Sub ...`) into the long form
// CloudFormation defines (`{Ref: Name}`, `{Fn::GetAtt: ...}`), keeping the node's range.
Value expand_short_form(std::string_view tag, Value node, std::vector<Diagnostic>& diagnostics);

}  // namespace bulwark::cloudformation
