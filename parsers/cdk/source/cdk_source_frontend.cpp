#include "parsers/cdk/source/cdk_source_frontend.h"

#include <filesystem>
#include <map>

#include "parsers/cdk/source/interpreter.h"

namespace bulwark::cdk {
namespace {

namespace fs = std::filesystem;

struct ParsedSource final : Artifact {
    SourceModule source;
};

bool is_test_file(std::string_view path) {
    const std::string_view name = path.substr(path.rfind('/') + 1);
    if (name.starts_with("test_") || name.ends_with("_test.py") || name == "conftest.py")
        return true;
    if (name.ends_with(".test.ts") || name.ends_with(".spec.ts")) return true;
    const std::string wrapped = "/" + std::string(path);
    return wrapped.find("/tests/") != std::string::npos ||
           wrapped.find("/test/") != std::string::npos;
}

// The folder of the nearest cdk.json at or above `file`, up to the scan root; empty when none.
fs::path project_of(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    for (fs::path dir = file.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (fs::exists(dir / "cdk.json", ec)) return dir;
        if (dir == root || dir == dir.parent_path()) break;
    }
    return {};
}

}  // namespace

bool looks_like_cdk_source(std::string_view path, std::string_view content) {
    const bool python = path.ends_with(".py");
    const bool typescript = path.ends_with(".ts") && !path.ends_with(".d.ts");
    if (!python && !typescript) return false;
    if (is_test_file(path)) return false;
    if (python) {
        return content.find("import aws_cdk") != std::string_view::npos ||
               content.find("from aws_cdk") != std::string_view::npos;
    }
    for (std::string_view marker : {"'aws-cdk-lib", "\"aws-cdk-lib", "'@aws-cdk/", "\"@aws-cdk/"}) {
        if (content.find(marker) != std::string_view::npos) return true;
    }
    return false;
}

bool CdkSourceFrontend::claims(std::string_view path, std::string_view content) const {
    return options_.mode != CdkSourceMode::Never && looks_like_cdk_source(path, content);
}

FrontendOutput CdkSourceFrontend::parse(const SourceFile& file) const {
    FrontendOutput out;
    out.recognized = true;
    auto artifact = std::make_unique<ParsedSource>();
    artifact->source.path = file.path;
    artifact->source.module = file.path.ends_with(".py")
                                  ? syntax::read_python(file.content, file.id)
                                  : syntax::read_typescript(file.content, file.id);
    out.diagnostics = artifact->source.module.diagnostics;
    out.artifact = std::move(artifact);
    return out;
}

FrontendOutput CdkSourceFrontend::link(std::vector<LinkInput>& inputs,
                                       const LinkContext& context) const {
    FrontendOutput out;
    // One app per cdk.json folder; files outside any form one app together.
    std::map<std::string, std::vector<const SourceModule*>> apps;
    std::map<FileId, syntax::Language> languages;
    for (LinkInput& input : inputs) {
        auto* parsed = dynamic_cast<ParsedSource*>(input.artifact.get());
        if (parsed == nullptr) continue;
        const fs::path project = project_of(input.absolute, context.root);
        apps[project.generic_string()].push_back(&parsed->source);
        languages[input.file] = parsed->source.module.language;
    }
    for (auto& [project, modules] : apps) {
        if (options_.mode == CdkSourceMode::Auto && !project.empty()) {
            std::error_code ec;
            // A synthesized assembly is the more faithful picture; its reader reports the app.
            if (fs::exists(fs::path(project) / "cdk.out" / "manifest.json", ec)) continue;
        }
        AppResult app = interpret(modules);
        for (Diagnostic& d : app.diagnostics) {
            if (d.file == kNoFile && !modules.empty()) d.file = modules.front()->module.file;
            out.diagnostics.push_back(std::move(d));
        }
        const std::string relative =
            project.empty() ? std::string()
                            : fs::path(project).lexically_relative(context.root).generic_string();
        const std::string scope = "cdk:" + (relative.empty() ? std::string(".") : relative);
        for (SynthResource& synthesized : app.resources) {
            Resource resource;
            resource.address = std::move(synthesized.address);
            resource.type = std::move(synthesized.type);
            resource.native_type = std::move(synthesized.native_type);
            resource.file = synthesized.range.file;
            auto language = languages.find(resource.file);
            resource.format =
                language != languages.end() && language->second == syntax::Language::TypeScript
                    ? SourceFormat::CdkTypeScript
                    : SourceFormat::CdkPython;
            resource.scope = scope;
            resource.range = synthesized.range;
            resource.properties = std::move(synthesized.properties);
            resource.attributes = std::move(synthesized.attributes);
            out.resources.push_back(std::move(resource));
        }
    }
    return out;
}

}  // namespace bulwark::cdk
