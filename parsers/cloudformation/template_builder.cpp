#include "parsers/cloudformation/template_builder.h"

#include <array>

namespace bulwark::cloudformation {
namespace {

// Resource-level keys kept as attributes (rules reach them with `$resource.`).
constexpr std::array<std::string_view, 7> kResourceAttributes = {
    "Condition", "DeletionPolicy", "UpdateReplacePolicy", "DependsOn",
    "Metadata",  "CreationPolicy", "UpdatePolicy",
};

class Builder {
  public:
    Builder(TemplateEvaluator& evaluator, const BuildSettings& settings,
            std::vector<Resource>& resources, std::vector<Diagnostic>& diagnostics)
        : evaluator_(evaluator),
          settings_(settings),
          resources_(resources),
          diagnostics_(diagnostics) {}

    void add(const Value::Entry& entry) {
        const Value& body = entry.value;
        if (!body.is_map()) {
            report(entry.key_range, "resource " + entry.key + " must be a mapping with a Type");
            return;
        }
        const Value* type = body.find("Type");
        if (const Value* module = type ? type->find("Rain::Module") : nullptr) {
            diagnostics_.push_back(Diagnostic{
                entry.key_range.file, entry.key_range.begin, DiagnosticSeverity::Note,
                DiagnosticCode::Unsupported,
                "resource " + entry.key + " is a Rain module (" + describe(*module) +
                    "), which Bulwark does not expand; scan the template `rain pkg` writes"});
            return;
        }
        if (type == nullptr || !type->is_string() || type->as_string().empty()) {
            report(type ? type->range() : entry.key_range,
                   "resource " + entry.key + " needs a Type string");
            return;
        }
        if (const Value* condition = body.find("Condition")) {
            if (!condition->is_string()) {
                report(condition->range(),
                       "the Condition of resource " + entry.key + " must be a condition name");
            } else if (evaluator_.condition(condition->as_string(), condition->range()) ==
                       Tri::False) {
                return;  // not created with these parameters
            }
        }
        Resource resource;
        resource.address = entry.key;
        resource.type = type->as_string();
        resource.native_type = type->as_string();
        if (settings_.sam_origins) {
            if (auto origin = settings_.sam_origins->find(entry.key);
                origin != settings_.sam_origins->end()) {
                resource.native_type = origin->second;
            }
        }
        resource.format = settings_.format;
        // An included snippet's resources live in the snippet's file.
        resource.file = entry.key_range.file != kNoFile ? entry.key_range.file : settings_.file;
        resource.scope = settings_.scope;
        resource.range = entry.key_range;
        resource.extent = SourceRange{resource.file, entry.key_range.begin, body.range().end};
        if (const Value* properties = body.find("Properties")) {
            if (!properties->is_map() && !properties->is_unknown()) {
                report(properties->range(), "the Properties of resource " + entry.key +
                                                " must be a mapping, not a " +
                                                std::string(to_string(properties->kind())));
                return;
            }
            if (auto resolved = evaluator_.resolve(*properties)) {
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
        add_dependencies(body.find("DependsOn"), resource);
        resources_.push_back(std::move(resource));
    }

  private:
    void report(const SourceRange& at, std::string message,
                DiagnosticSeverity severity = DiagnosticSeverity::Error,
                DiagnosticCode code = DiagnosticCode::InvalidTemplate) {
        diagnostics_.push_back(Diagnostic{at.file, at.begin, severity, code, std::move(message)});
    }

    void add_dependencies(const Value* depends_on, Resource& resource) {
        if (depends_on == nullptr) return;
        std::vector<const Value*> names;
        if (depends_on->is_list()) {
            for (const Value& item : depends_on->as_list())
                names.push_back(&item);
        } else {
            names.push_back(depends_on);
        }
        for (const Value* name : names) {
            if (!name->is_string() || !evaluator_.is_resource(name->as_string())) {
                report(name->range(),
                       "DependsOn of " + resource.address +
                           " names no resource of this template: " + describe(*name),
                       DiagnosticSeverity::Warning, DiagnosticCode::UnresolvedReference);
                continue;
            }
            resource.depends_on.push_back(Reference{name->as_string(), ""});
        }
    }

    TemplateEvaluator& evaluator_;
    const BuildSettings& settings_;
    std::vector<Resource>& resources_;
    std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

void build_resources(const Value& root, TemplateEvaluator& evaluator, const BuildSettings& settings,
                     std::vector<Resource>& resources, std::vector<Diagnostic>& diagnostics) {
    const Value* section = root.find("Resources");
    if (section == nullptr) {
        diagnostics.push_back(Diagnostic{settings.file, root.range().begin,
                                         DiagnosticSeverity::Error, DiagnosticCode::InvalidTemplate,
                                         "template has no Resources section"});
        return;
    }
    if (!section->is_map()) {
        diagnostics.push_back(
            Diagnostic{settings.file, section->range().begin, DiagnosticSeverity::Error,
                       DiagnosticCode::InvalidTemplate,
                       "Resources must be a mapping of logical IDs to resources, not a " +
                           std::string(to_string(section->kind()))});
        return;
    }
    Builder builder(evaluator, settings, resources, diagnostics);
    for (const Value::Entry& entry : section->as_map())
        builder.add(entry);
}

}  // namespace bulwark::cloudformation
