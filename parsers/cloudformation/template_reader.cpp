#include "parsers/cloudformation/template_reader.h"

#include "io/document_reader.h"
#include "parsers/cloudformation/short_form_tags.h"

namespace bulwark::cloudformation {
namespace {

bool is_json(std::string_view content) {
    std::size_t i = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < content.size() &&
           (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) {
        ++i;
    }
    return i < content.size() && content[i] == '{';
}

ReadResult read_any(std::string_view content, FileId file) {
    return is_json(content) ? read_json(content, file)
                            : read_yaml(content, file, {}, expand_short_form);
}

// For text that does not parse: does it still say it is a template? The format version, the SAM
// transform, or a top-level Resources section with an AWS:: type.
bool says_template(std::string_view content) {
    if (content.find("AWSTemplateFormatVersion") != std::string_view::npos ||
        content.find("AWS::Serverless-2016-10-31") != std::string_view::npos) {
        return true;
    }
    const bool resources_section = content.starts_with("Resources:") ||
                                   content.find("\nResources:") != std::string_view::npos ||
                                   content.find("\"Resources\"") != std::string_view::npos;
    for (std::string_view typed : {"Type: AWS::", "Type: \"AWS::", "Type: 'AWS::",
                                   "\"Type\": \"AWS::", "\"Type\":\"AWS::"}) {
        if (resources_section && content.find(typed) != std::string_view::npos) return true;
    }
    return false;
}

}  // namespace

bool looks_like_template(std::string_view content) {
    if (content.find("AWSTemplateFormatVersion") != std::string_view::npos) return true;
    return content.find("Resources") != std::string_view::npos &&
           content.find("AWS::") != std::string_view::npos &&
           content.find("Type") != std::string_view::npos;
}

TemplateDocument read_template(std::string_view content, FileId file,
                               std::vector<Diagnostic>& diagnostics) {
    TemplateDocument document;
    ReadResult read = read_any(content, file);
    if (!read.value) {
        // Unreadable: report it only when the text says it is a template.
        document.recognized = says_template(content);
        if (document.recognized) {
            diagnostics.insert(diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
        }
        return document;
    }
    const Value& root = *read.value;
    const Value* resources = root.find("Resources");
    const bool declared = root.find("AWSTemplateFormatVersion") != nullptr;
    if (!root.is_map() || ((resources == nullptr || !resources->is_map()) && !declared)) {
        return document;  // YAML or JSON of another kind that mentioned AWS types: not ours
    }
    document.recognized = true;
    diagnostics.insert(diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
    document.root = std::move(read.value);
    return document;
}

std::optional<Value> read_fragment(std::string_view content, FileId file,
                                   std::vector<Diagnostic>& diagnostics) {
    ReadResult read = read_any(content, file);
    diagnostics.insert(diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
    return std::move(read.value);
}

}  // namespace bulwark::cloudformation
