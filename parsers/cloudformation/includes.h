#pragma once

#include <filesystem>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"
#include "parsers/cloudformation/file_access.h"

namespace bulwark::cloudformation {

// Inlines AWS::Include transforms (`Fn::Transform: {Name: AWS::Include, Parameters: {Location:
// ...}}`, in a value, among a mapping's keys, or in the top-level Transform section) whose
// Location is a local file under the scan root. Remote locations, locations computed by
// intrinsics, includes that include themselves, and any include when `access` is null become
// Unknown with a note. `template_path` is the absolute path of the file holding `root`.
void expand_includes(Value& root, const std::filesystem::path& template_path,
                     const FileAccess* access, std::vector<Diagnostic>& diagnostics);

// True when the template names a local file: an AWS::Include Location or a nested stack's
// TemplateURL (AWS::CloudFormation::Stack, AWS::Serverless::Application). Such templates are
// evaluated when every file is known (the front-end's link phase).
bool names_local_files(const Value& root);

}  // namespace bulwark::cloudformation
