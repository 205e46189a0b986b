#include "parsers/cloudformation/cloudformation_frontend.h"

#include <algorithm>
#include <array>
#include <set>
#include <tuple>

#include "parsers/cloudformation/includes.h"
#include "parsers/cloudformation/template_processor.h"

namespace bulwark::cloudformation {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 6> kExtensions = {".yaml",     ".yml", ".json",
                                                         ".template", ".cfn", ".txt"};

bool has_extension(std::string_view path) {
    for (std::string_view extension : kExtensions) {
        if (path.size() > extension.size() && path.ends_with(extension)) return true;
    }
    return false;
}

// A template between parsing and linking: evaluated already, or (when it names local files)
// kept whole for the link phase.
struct TemplateArtifact final : Artifact {
    std::vector<Resource> resources;
    std::optional<Value> root;              // set when evaluation waits for the link phase
    std::vector<fs::path> local_templates;  // relative TemplateURL / Location strings it names
};

std::vector<fs::path> named_templates(const Value& root) {
    std::vector<fs::path> out;
    const Value* resources = root.find("Resources");
    if (resources == nullptr || !resources->is_map()) return out;
    for (const Value::Entry& entry : resources->as_map()) {
        const Value* type = entry.value.find("Type");
        const Value* properties = entry.value.find("Properties");
        if (!type || !type->is_string() || !properties) continue;
        const Value* url =
            type->as_string() == "AWS::CloudFormation::Stack"     ? properties->find("TemplateURL")
            : type->as_string() == "AWS::Serverless::Application" ? properties->find("Location")
                                                                  : nullptr;
        if (url && url->is_string() && !is_remote_location(url->as_string())) {
            out.emplace_back(url->as_string());
        }
    }
    return out;
}

}  // namespace

bool CloudFormationFrontend::claims(std::string_view path, std::string_view content) const {
    return has_extension(path) && looks_like_template(content);
}

FrontendOutput parse_template(std::string_view content, FileId file, std::string_view scope,
                              const TemplateOptions& options) {
    FrontendOutput out;
    TemplateDocument document = read_template(content, file, out.diagnostics);
    out.recognized = document.recognized;
    if (!document.root) return out;
    TemplateProcessor processor(nullptr, out.resources, out.diagnostics);
    processor.process(std::move(*document.root),
                      TemplatePlace{file, std::string(scope), {}, std::string(scope)}, options);
    return out;
}

FrontendOutput CloudFormationFrontend::parse(const SourceFile& file) const {
    FrontendOutput out;
    TemplateDocument document = read_template(file.content, file.id, out.diagnostics);
    out.recognized = document.recognized;
    if (!document.root) return out;
    auto artifact = std::make_unique<TemplateArtifact>();
    if (names_local_files(*document.root)) {
        artifact->local_templates = named_templates(*document.root);
        artifact->root = std::move(document.root);
    } else {
        TemplateProcessor processor(nullptr, artifact->resources, out.diagnostics);
        processor.process(std::move(*document.root),
                          TemplatePlace{file.id, file.path, {}, file.path},
                          options_for(options_, file.path));
    }
    out.artifact = std::move(artifact);
    return out;
}

FrontendOutput CloudFormationFrontend::link(std::vector<LinkInput>& inputs,
                                            const LinkContext& context) const {
    FrontendOutput out;
    const FileAccess access{context.root, context.load};
    // Templates a scanned template loads as nested stacks: evaluated through their parent.
    std::set<fs::path> called;
    for (LinkInput& input : inputs) {
        auto* artifact = dynamic_cast<TemplateArtifact*>(input.artifact.get());
        if (artifact == nullptr) continue;
        const fs::path absolute = fs::absolute(input.absolute).lexically_normal();
        for (const fs::path& named : artifact->local_templates) {
            auto resolved = resolve_local(access, absolute, named.generic_string());
            if (auto* path = std::get_if<fs::path>(&resolved)) called.insert(*path);
        }
    }
    TemplateProcessor processor(&access, out.resources, out.diagnostics);
    auto evaluate = [&](LinkInput& input, TemplateArtifact& artifact) {
        const fs::path absolute = fs::absolute(input.absolute).lexically_normal();
        if (artifact.root) {
            processor.process(std::move(*artifact.root),
                              TemplatePlace{input.file, input.path, absolute, input.path},
                              options_for(options_, input.path));
            artifact.root.reset();
        } else {
            for (Resource& resource : artifact.resources)
                out.resources.push_back(std::move(resource));
            artifact.resources.clear();
        }
    };
    // Parents first, then what no parent reached (templates only called from a cycle).
    std::vector<bool> done(inputs.size(), false);
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            auto* artifact = dynamic_cast<TemplateArtifact*>(inputs[i].artifact.get());
            if (artifact == nullptr || done[i]) continue;
            const fs::path absolute = fs::absolute(inputs[i].absolute).lexically_normal();
            if (pass == 0 && called.count(absolute)) continue;
            done[i] = true;
            if (processor.evaluated().count(absolute)) continue;  // read through its parent
            evaluate(inputs[i], *artifact);
        }
    }
    // A template read through several parents reports its problems once.
    auto key = [](const Diagnostic& d) {
        return std::make_tuple(d.file, d.position.line, d.position.column, std::cref(d.message));
    };
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    out.diagnostics.erase(
        std::unique(out.diagnostics.begin(), out.diagnostics.end(),
                    [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
        out.diagnostics.end());
    return out;
}

}  // namespace bulwark::cloudformation
