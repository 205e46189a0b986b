#include "parsers/cdk/assembly/assembly_linker.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "model/resource_types.h"
#include "parsers/cdk/assembly/assembly_file.h"
#include "parsers/cdk/assembly/construct_metadata.h"
#include "parsers/cdk/assembly/construct_paths.h"
#include "parsers/cdk/assembly/source_locator.h"
#include "util/paths.h"

namespace bulwark::cdk {
namespace {

namespace fs = std::filesystem;

// Nested stacks inside nested stacks: CDK allows it, but not without end.
constexpr int kMaxNestedDepth = 16;

std::string_view kind_name(AssemblyFileKind kind) {
    switch (kind) {
        case AssemblyFileKind::Manifest:
            return "cloud assembly manifest";
        case AssemblyFileKind::Template:
            return "template";
        case AssemblyFileKind::Metadata:
            return "stack metadata file";
    }
    return "file";
}

class Linker {
  public:
    Linker(const LinkContext& context, const cloudformation::TemplateOptions& options)
        : context_(context), options_(options), locator_(context) {}

    FrontendOutput run(std::vector<LinkInput>& inputs) {
        for (LinkInput& input : inputs) {
            auto* file = dynamic_cast<AssemblyFile*>(input.artifact.get());
            if (file == nullptr) continue;
            add_entry(input.file, input.absolute.lexically_normal(), file);
        }
        // Manifests found while linking (stage assemblies not among the scanned paths) join the
        // end of the list, so the loop reaches them too.
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            if (entries_[i].data->kind == AssemblyFileKind::Manifest) link_manifest(i);
        }
        for (Entry& entry : entries_) {
            if (entry.data->kind == AssemblyFileKind::Template) emit(entry);
        }
        return std::move(out_);
    }

  private:
    struct Entry {
        FileId file = kNoFile;
        fs::path absolute;
        AssemblyFile* data = nullptr;
        // Set once a manifest's stack claims the template.
        bool owned = false;
        const StackMetadata* metadata = nullptr;
        fs::path assembly_dir;
        std::string name_in_assembly;  // the template's file name as the metadata gives it
    };

    std::size_t add_entry(FileId file, fs::path absolute, AssemblyFile* data) {
        by_path_.emplace(absolute.generic_string(), entries_.size());
        Entry entry;
        entry.file = file;
        entry.absolute = std::move(absolute);
        entry.data = data;
        entries_.push_back(std::move(entry));
        return entries_.size() - 1;
    }

    void report(FileId file, const SourceRange& at, DiagnosticCode code, std::string message,
                DiagnosticSeverity severity = DiagnosticSeverity::Error) {
        out_.diagnostics.push_back(Diagnostic{file, at.begin, severity, code, std::move(message)});
    }

    // The file a manifest or template names, parsed as `kind`: from the scanned files, or read
    // now. Reports (at `named_at` in `from`) when it is missing or of another kind.
    std::optional<std::size_t> file_named(const fs::path& path, AssemblyFileKind kind, FileId from,
                                          const SourceRange& named_at, const std::string& what) {
        const fs::path absolute = path.lexically_normal();
        if (auto known = by_path_.find(absolute.generic_string()); known != by_path_.end()) {
            if (entries_[known->second].data->kind == kind) return known->second;
            report(from, named_at, DiagnosticCode::InvalidTemplate,
                   what + " is not a " + std::string(kind_name(kind)));
            return std::nullopt;
        }
        // Like a module source, a file an assembly names is not read from outside the scan root.
        if (!is_within(absolute, context_.root)) {
            report(from, named_at, DiagnosticCode::UnreadableFile,
                   what + " is outside the scan root and is not read");
            return std::nullopt;
        }
        std::optional<SourceFile> source = context_.load ? context_.load(absolute) : std::nullopt;
        if (!source) {
            report(from, named_at, DiagnosticCode::UnreadableFile,
                   what + " cannot be read (missing, too large or binary)");
            return std::nullopt;
        }
        FrontendOutput parsed = parse_assembly_file(kind, *source, options_);
        out_.diagnostics.insert(out_.diagnostics.end(), parsed.diagnostics.begin(),
                                parsed.diagnostics.end());
        auto* data = dynamic_cast<AssemblyFile*>(parsed.artifact.get());
        if (!parsed.recognized || data == nullptr) {
            report(from, named_at, DiagnosticCode::InvalidTemplate,
                   what + " is not a " + std::string(kind_name(kind)));
            return std::nullopt;
        }
        parsed.artifact.release();
        loaded_.emplace_back(data);
        return add_entry(source->id, absolute, data);
    }

    void link_manifest(std::size_t index) {
        const FileId manifest_file = entries_[index].file;
        const fs::path dir = entries_[index].absolute.parent_path();
        const Manifest& manifest = entries_[index].data->manifest;
        for (const NestedAssembly& assembly : manifest.assemblies) {
            file_named(dir / assembly.directory / "manifest.json", AssemblyFileKind::Manifest,
                       manifest_file, assembly.at,
                       "the manifest.json of nested cloud assembly " + assembly.directory);
        }
        for (const StackArtifact& stack : manifest.stacks) {
            StackMetadata& metadata = metadata_.emplace_back();
            metadata.add(stack.metadata);
            if (!stack.metadata_file.empty()) {
                auto file = file_named(
                    dir / stack.metadata_file, AssemblyFileKind::Metadata, manifest_file,
                    stack.metadata_at,
                    "metadata file " + stack.metadata_file + " of stack " + stack.display_name);
                if (file) metadata.add(entries_[*file].data->metadata);
            }
            auto file = file_named(
                dir / stack.template_file, AssemblyFileKind::Template, manifest_file,
                stack.template_at,
                "template file " + stack.template_file + " of stack " + stack.display_name);
            if (file) own(*file, metadata, dir, stack.template_file, 0);
        }
    }

    // Gives a template to its stack, then does the same for the nested stacks it declares.
    void own(std::size_t index, const StackMetadata& metadata, const fs::path& dir,
             const std::string& name, int depth) {
        if (entries_[index].owned) return;
        entries_[index].owned = true;
        entries_[index].metadata = &metadata;
        entries_[index].assembly_dir = dir;
        entries_[index].name_in_assembly = name;
        const FileId template_file = entries_[index].file;
        const AssemblyFile* data = entries_[index].data;  // stable while entries_ grows
        for (const Resource& resource : data->resources) {
            if (resource.type != types::kCloudFormationStack) continue;
            const Value* metadata_value = resource.attributes.find("Metadata");
            const Value* asset = metadata_value ? metadata_value->find("aws:asset:path") : nullptr;
            if (asset == nullptr || !asset->is_string()) continue;  // not a CDK nested stack
            if (depth >= kMaxNestedDepth) {
                report(template_file, asset->range(), DiagnosticCode::NestingTooDeep,
                       "nested stacks deeper than " + std::to_string(kMaxNestedDepth) +
                           " levels are not read",
                       DiagnosticSeverity::Warning);
                continue;
            }
            auto nested = file_named(
                dir / asset->as_string(), AssemblyFileKind::Template, template_file, asset->range(),
                "nested stack template " + asset->as_string() + " of " + resource.address);
            if (nested) own(*nested, metadata, dir, asset->as_string(), depth + 1);
        }
    }

    void emit(Entry& entry) {
        std::vector<Resource> resources = std::move(entry.data->resources);
        if (entry.owned) {
            address_by_construct_path(resources, entry.metadata->paths_in(entry.name_in_assembly));
            for (Resource& resource : resources) {
                if (resource.construct_path.empty()) continue;
                const ConstructRecord* record = entry.metadata->find(resource.construct_path);
                if (record == nullptr || !record->created_at) continue;
                if (auto source = locator_.locate(*record->created_at, entry.assembly_dir)) {
                    resource.construct_source = *source;
                }
            }
        } else {
            // A synthesized template without its manifest still names its constructs.
            for (const Resource& resource : resources) {
                if (!cdk_path_metadata(resource).empty()) {
                    address_by_construct_path(resources, {});
                    break;
                }
            }
        }
        for (Resource& resource : resources)
            out_.resources.push_back(std::move(resource));
    }

    const LinkContext& context_;
    const cloudformation::TemplateOptions& options_;
    SourceLocator locator_;
    FrontendOutput out_;
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t> by_path_;
    std::deque<std::unique_ptr<AssemblyFile>> loaded_;  // files read while linking
    std::deque<StackMetadata> metadata_;                // one per stack; entries point here
};

}  // namespace

FrontendOutput link_assemblies(std::vector<LinkInput>& inputs, const LinkContext& context,
                               const cloudformation::TemplateOptions& options) {
    return Linker(context, options).run(inputs);
}

}  // namespace bulwark::cdk
