#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/resource.h"
#include "parsers/cdk/assembly/manifest.h"
#include "parsers/cloudformation/template_evaluator.h"
#include "pipeline/frontend.h"

namespace bulwark::cdk {

// The kinds of cloud assembly files this front-end reads.
enum class AssemblyFileKind { Manifest, Template, Metadata };

// The kind a file's name and content suggest, or nullopt when it is none of them.
std::optional<AssemblyFileKind> assembly_file_kind(std::string_view path, std::string_view content);

// One parsed file of a cloud assembly, kept from parsing (in parallel) until linking.
struct AssemblyFile final : Artifact {
    AssemblyFileKind kind = AssemblyFileKind::Template;
    Manifest manifest;                // Manifest
    std::vector<Resource> resources;  // Template: as the CloudFormation front-end reads them
    Value metadata;                   // Metadata: construct path -> entries
};

// Parses `file` as `kind`. `recognized` is false when the content is not of that kind after all
// (a manifest.json of another tool), and the file is left to other front-ends.
FrontendOutput parse_assembly_file(AssemblyFileKind kind, const SourceFile& file,
                                   const cloudformation::TemplateOptions& options);

}  // namespace bulwark::cdk
