#include "parsers/cdk/assembly/manifest.h"

#include "io/document_reader.h"

namespace bulwark::cdk {
namespace {

constexpr std::string_view kStackType = "aws:cloudformation:stack";
constexpr std::string_view kAssemblyType = "cdk:cloud-assembly";

class ManifestReader {
  public:
    ManifestReader(FileId file, ManifestRead& out) : file_(file), out_(out) {}

    void read(const Value& root) {
        const Value* version = root.find("version");
        const Value* artifacts = root.find("artifacts");
        // Anything without a version and an artifacts key is another kind of manifest.json.
        if (!root.is_map() || version == nullptr || artifacts == nullptr) return;
        out_.recognized = true;
        if (!artifacts->is_map()) {
            report(artifacts->range(), "artifacts must be a mapping of artifact IDs, not a " +
                                           std::string(to_string(artifacts->kind())));
            return;
        }
        for (const Value::Entry& artifact : artifacts->as_map()) {
            read_artifact(artifact);
        }
    }

  private:
    void report(const SourceRange& at, std::string message) {
        out_.diagnostics.push_back(Diagnostic{file_, at.begin, DiagnosticSeverity::Error,
                                              DiagnosticCode::InvalidTemplate,
                                              "cloud assembly manifest: " + std::move(message)});
    }

    // A string property of `properties`, or an error naming the artifact.
    const Value* required_string(const Value::Entry& artifact, const Value& properties,
                                 std::string_view key) {
        const Value* value = properties.find(key);
        if (value != nullptr && value->is_string() && !value->as_string().empty()) return value;
        report(value ? value->range() : properties.range(),
               "artifact " + artifact.key + " needs a " + std::string(key) + " string");
        return nullptr;
    }

    void read_artifact(const Value::Entry& artifact) {
        const Value& body = artifact.value;
        const Value* type = body.find("type");
        if (!body.is_map() || type == nullptr || !type->is_string()) {
            report(body.is_map() ? body.range() : artifact.key_range,
                   "artifact " + artifact.key + " must be a mapping with a type");
            return;
        }
        if (type->as_string() != kStackType && type->as_string() != kAssemblyType) return;
        const Value* properties = body.find("properties");
        if (properties == nullptr || !properties->is_map()) {
            report(properties ? properties->range() : body.range(),
                   "artifact " + artifact.key + " needs properties");
            return;
        }
        if (type->as_string() == kAssemblyType) {
            if (const Value* directory = required_string(artifact, *properties, "directoryName")) {
                out_.manifest.assemblies.push_back(
                    NestedAssembly{artifact.key, directory->as_string(), directory->range()});
            }
            return;
        }
        const Value* template_file = required_string(artifact, *properties, "templateFile");
        if (template_file == nullptr) return;
        StackArtifact stack;
        stack.id = artifact.key;
        stack.display_name = artifact.key;
        if (const Value* name = body.find("displayName"); name && name->is_string()) {
            stack.display_name = name->as_string();
        }
        stack.template_file = template_file->as_string();
        stack.template_at = template_file->range();
        if (const Value* file = body.find("additionalMetadataFile")) {
            if (file->is_string()) {
                stack.metadata_file = file->as_string();
                stack.metadata_at = file->range();
            } else {
                report(file->range(),
                       "additionalMetadataFile of " + artifact.key + " must be a file name");
            }
        }
        if (const Value* metadata = body.find("metadata")) {
            if (metadata->is_map()) {
                stack.metadata = *metadata;
            } else {
                report(metadata->range(),
                       "metadata of " + artifact.key + " must be a mapping of construct paths");
            }
        }
        out_.manifest.stacks.push_back(std::move(stack));
    }

    FileId file_;
    ManifestRead& out_;
};

}  // namespace

bool looks_like_manifest(std::string_view content) {
    return content.find("\"artifacts\"") != std::string_view::npos &&
           content.find("\"version\"") != std::string_view::npos;
}

ManifestRead read_manifest(std::string_view content, FileId file) {
    ManifestRead out;
    ReadResult read = read_json(content, file);
    out.diagnostics = std::move(read.diagnostics);
    if (!read.value) {
        out.recognized = true;  // it looked like a manifest; the reader said why it is not
        return out;
    }
    ManifestReader(file, out).read(*read.value);
    return out;
}

}  // namespace bulwark::cdk
