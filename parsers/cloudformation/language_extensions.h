#pragma once

#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"
#include "parsers/cloudformation/template_evaluator.h"

namespace bulwark::cloudformation {

inline constexpr std::string_view kLanguageExtensions = "AWS::LanguageExtensions";

// Expands the Fn::ForEach loops of the AWS::LanguageExtensions transform, wherever they stand as
// a mapping key (Resources, Outputs, Conditions, a resource's Properties), loops inside loops
// included: `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]` becomes one
// entry per item, with `${Identifier}` and `&{Identifier}` (alphanumerics only) replaced in the
// keys and `Ref: Identifier` and `${Identifier}` in Fn::Sub replaced in the values. Collections
// are resolved with `options` (literal lists, parameters, mappings); a loop whose collection is
// known only at deployment is dropped with a note, as is a malformed loop with an error. Growth
// is bounded: past the limit the remaining loops are dropped with an expansion-limit error.
void expand_for_each(Value& root, const TemplateOptions& options,
                     std::vector<Diagnostic>& diagnostics);

}  // namespace bulwark::cloudformation
