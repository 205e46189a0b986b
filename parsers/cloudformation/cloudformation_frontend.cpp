#include "parsers/cloudformation/cloudformation_frontend.h"

#include <array>

#include "io/document_reader.h"
#include "parsers/cloudformation/short_form_tags.h"

namespace bulwark::cloudformation {
namespace {

constexpr std::array<std::string_view, 6> kExtensions = {".yaml",     ".yml", ".json",
                                                         ".template", ".cfn", ".txt"};

// Resource-level keys kept as attributes (rules reach them with `$resource.`).
constexpr std::array<std::string_view, 7> kResourceAttributes = {
    "Condition", "DeletionPolicy", "UpdateReplacePolicy", "DependsOn",
    "Metadata",  "CreationPolicy", "UpdatePolicy",
};

bool has_extension(std::string_view path) {
    for (std::string_view extension : kExtensions) {
        if (path.size() > extension.size() && path.ends_with(extension)) return true;
    }
    return false;
}

bool is_json(std::string_view content) {
    std::size_t i = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < content.size() &&
           (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) {
        ++i;
    }
    return i < content.size() && content[i] == '{';
}

class TemplateParser {
  public:
    TemplateParser(FileId file, std::string_view scope, const TemplateOptions& options,
                   FrontendOutput& out)
        : file_(file), scope_(scope), options_(options), out_(out) {}

    void parse(std::string_view content) {
        ReadResult read = is_json(content) ? read_json(content, file_)
                                           : read_yaml(content, file_, {}, expand_short_form);
        for (Diagnostic& diagnostic : read.diagnostics)
            out_.diagnostics.push_back(diagnostic);
        if (!read.value) {
            out_.recognized = true;  // it looked like a template; the reader said why it is not
            return;
        }
        const Value& root = *read.value;
        const Value* resources = root.find("Resources");
        const bool declared = root.find("AWSTemplateFormatVersion") != nullptr;
        if (!root.is_map() || ((resources == nullptr || !resources->is_map()) && !declared)) {
            return;  // YAML or JSON of another kind that mentioned AWS types: not ours
        }
        out_.recognized = true;
        if (resources == nullptr) {
            report(root.range(), DiagnosticCode::InvalidTemplate,
                   "template has no Resources section");
            return;
        }
        if (!resources->is_map()) {
            report(resources->range(), DiagnosticCode::InvalidTemplate,
                   "Resources must be a mapping of logical IDs to resources, not a " +
                       std::string(to_string(resources->kind())));
            return;
        }
        TemplateEvaluator evaluator(root, options_, out_.diagnostics);
        for (const Value::Entry& entry : resources->as_map()) {
            add_resource(entry, evaluator);
        }
    }

  private:
    void report(const SourceRange& at, DiagnosticCode code, std::string message,
                DiagnosticSeverity severity = DiagnosticSeverity::Error) {
        out_.diagnostics.push_back(Diagnostic{file_, at.begin, severity, code, std::move(message)});
    }

    void add_resource(const Value::Entry& entry, TemplateEvaluator& evaluator) {
        const Value& body = entry.value;
        if (!body.is_map()) {
            report(entry.key_range, DiagnosticCode::InvalidTemplate,
                   "resource " + entry.key + " must be a mapping with a Type");
            return;
        }
        const Value* type = body.find("Type");
        if (type == nullptr || !type->is_string() || type->as_string().empty()) {
            report(type ? type->range() : entry.key_range, DiagnosticCode::InvalidTemplate,
                   "resource " + entry.key + " needs a Type string");
            return;
        }
        if (const Value* condition = body.find("Condition")) {
            if (!condition->is_string()) {
                report(condition->range(), DiagnosticCode::InvalidTemplate,
                       "the Condition of resource " + entry.key + " must be a condition name");
            } else if (evaluator.condition(condition->as_string(), condition->range()) ==
                       Tri::False) {
                return;  // not created with these parameters
            }
        }
        Resource resource;
        resource.address = entry.key;
        resource.type = type->as_string();
        resource.native_type = type->as_string();
        resource.format = SourceFormat::CloudFormation;
        resource.file = file_;
        resource.scope = std::string(scope_);
        resource.range = entry.key_range;
        resource.extent =
            SourceRange{entry.key_range.file, entry.key_range.begin, body.range().end};
        if (const Value* properties = body.find("Properties")) {
            if (!properties->is_map()) {
                report(properties->range(), DiagnosticCode::InvalidTemplate,
                       "the Properties of resource " + entry.key + " must be a mapping, not a " +
                           std::string(to_string(properties->kind())));
                return;
            }
            if (auto resolved = evaluator.resolve(*properties)) {
                resource.properties = std::move(*resolved);
            }
        } else {
            resource.properties = Value::map({}, entry.key_range);
        }
        resource.attributes = Value::map({}, entry.key_range);
        for (const Value::Entry& attribute : body.as_map()) {
            for (std::string_view name : kResourceAttributes) {
                if (attribute.key == name) {
                    resource.attributes.set(attribute.key, attribute.value, attribute.key_range);
                }
            }
        }
        add_dependencies(body.find("DependsOn"), resource, evaluator);
        out_.resources.push_back(std::move(resource));
    }

    void add_dependencies(const Value* depends_on, Resource& resource,
                          const TemplateEvaluator& evaluator) {
        if (depends_on == nullptr) return;
        std::vector<const Value*> names;
        if (depends_on->is_list()) {
            for (const Value& item : depends_on->as_list())
                names.push_back(&item);
        } else {
            names.push_back(depends_on);
        }
        for (const Value* name : names) {
            if (!name->is_string() || !evaluator.is_resource(name->as_string())) {
                report(name->range(), DiagnosticCode::UnresolvedReference,
                       "DependsOn of " + resource.address +
                           " names no resource of this template: " + describe(*name),
                       DiagnosticSeverity::Warning);
                continue;
            }
            resource.depends_on.push_back(Reference{name->as_string(), ""});
        }
    }

    FileId file_;
    std::string_view scope_;
    const TemplateOptions& options_;
    FrontendOutput& out_;
};

}  // namespace

bool looks_like_template(std::string_view content) {
    if (content.find("AWSTemplateFormatVersion") != std::string_view::npos) return true;
    return content.find("Resources") != std::string_view::npos &&
           content.find("AWS::") != std::string_view::npos &&
           content.find("Type") != std::string_view::npos;
}

bool CloudFormationFrontend::claims(std::string_view path, std::string_view content) const {
    return has_extension(path) && looks_like_template(content);
}

FrontendOutput parse_template(std::string_view content, FileId file, std::string_view scope,
                              const TemplateOptions& options) {
    FrontendOutput out;
    TemplateParser(file, scope, options, out).parse(content);
    return out;
}

FrontendOutput CloudFormationFrontend::parse(const SourceFile& file) const {
    return parse_template(file.content, file.id, file.path, options_);
}

}  // namespace bulwark::cloudformation
