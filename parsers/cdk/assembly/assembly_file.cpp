#include "parsers/cdk/assembly/assembly_file.h"

#include <memory>

#include "io/document_reader.h"
#include "parsers/cloudformation/cloudformation_frontend.h"

namespace bulwark::cdk {
namespace {

std::string_view file_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::optional<AssemblyFileKind> assembly_file_kind(std::string_view path,
                                                   std::string_view content) {
    const std::string_view name = file_name(path);
    if (name == "manifest.json" && looks_like_manifest(content)) return AssemblyFileKind::Manifest;
    // `<stack>.template.json` and `<nested>.nested.template.json`.
    if (name.ends_with(".template.json") && cloudformation::looks_like_template(content)) {
        return AssemblyFileKind::Template;
    }
    // `<stack>.metadata.json`, written by CDK versions that moved metadata out of the manifest.
    if (name.ends_with(".metadata.json") && content.find("\"aws:cdk:") != std::string_view::npos) {
        return AssemblyFileKind::Metadata;
    }
    return std::nullopt;
}

FrontendOutput parse_assembly_file(AssemblyFileKind kind, const SourceFile& file,
                                   const cloudformation::TemplateOptions& options) {
    FrontendOutput out;
    auto parsed = std::make_unique<AssemblyFile>();
    parsed->kind = kind;
    switch (kind) {
        case AssemblyFileKind::Manifest: {
            ManifestRead read = read_manifest(file.content, file.id);
            if (!read.recognized) return out;
            parsed->manifest = std::move(read.manifest);
            out.diagnostics = std::move(read.diagnostics);
            break;
        }
        case AssemblyFileKind::Template: {
            FrontendOutput read =
                cloudformation::parse_template(file.content, file.id, file.path, options);
            if (!read.recognized) return read;
            parsed->resources = std::move(read.resources);
            out.diagnostics = std::move(read.diagnostics);
            break;
        }
        case AssemblyFileKind::Metadata: {
            ReadResult read = read_json(file.content, file.id);
            out.diagnostics = std::move(read.diagnostics);
            if (read.value && read.value->is_map()) parsed->metadata = std::move(*read.value);
            break;
        }
    }
    out.recognized = true;
    out.artifact = std::move(parsed);
    return out;
}

}  // namespace bulwark::cdk
