#include "parsers/cloudformation/template_processor.h"

#include <algorithm>
#include <map>
#include <optional>

#include "parsers/cloudformation/includes.h"
#include "parsers/cloudformation/language_extensions.h"
#include "parsers/cloudformation/parameter_inputs.h"
#include "parsers/cloudformation/sam/sam_transform.h"
#include "parsers/cloudformation/template_builder.h"
#include "parsers/cloudformation/template_reader.h"
#include "parsers/cloudformation/transforms.h"

namespace bulwark::cloudformation {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxNestingDepth = 16;
constexpr std::size_t kMaxStacks = 1000;  // nested stack evaluations per root template

void prefix_references(Value& value, const std::string& prefix) {
    switch (value.kind()) {
        case ValueKind::Unknown: {
            std::vector<Reference> references = value.as_unknown().references;
            for (Reference& reference : references)
                reference.target = prefix + reference.target;
            value = Value::unknown(value.as_unknown().reason, std::move(references), value.range());
            break;
        }
        case ValueKind::List:
            for (Value& item : value.as_list())
                prefix_references(item, prefix);
            break;
        case ValueKind::Map:
            for (Value::Entry& entry : value.as_map())
                prefix_references(entry.value, prefix);
            break;
        default:
            break;
    }
}

bool is_stack_type(std::string_view type) {
    return type == "AWS::CloudFormation::Stack";
}

// Parameters a nested stack inherits from its parent: the pseudo parameters of the same account
// and region (its stack name and ID are its own).
TemplateOptions nested_options(const TemplateOptions& parent) {
    TemplateOptions options;
    for (const auto& [name, value] : parent.parameters) {
        if (name.starts_with("AWS::") && name != "AWS::StackName" && name != "AWS::StackId") {
            options.parameters.emplace(name, value);
        }
    }
    return options;
}

}  // namespace

struct TemplateProcessor::Frame {
    TemplatePlace place;
    TemplateOptions options;
    std::string prefix;           // of every address: "" for a root, "Network/" below it
    std::string local_prefix;     // of addresses as the parent sees them: "Network/"
    std::vector<fs::path> chain;  // the templates above this one, root first
};

void TemplateProcessor::process(Value root, const TemplatePlace& place,
                                const TemplateOptions& options) {
    Frame frame{place, options, "", "", {}};
    stacks_ = 0;
    evaluate(std::move(root), frame);
}

Value TemplateProcessor::evaluate(Value root, const Frame& frame) {
    if (!frame.place.absolute.empty()) evaluated_.insert(frame.place.absolute);
    expand_includes(root, frame.place.absolute, access_, diagnostics_);
    if (declares_transform(root, kLanguageExtensions))
        expand_for_each(root, frame.options, diagnostics_);
    sam::Origins origins;
    const bool is_sam = sam::is_sam_template(root);
    if (is_sam) sam::transform(root, origins, diagnostics_);

    TemplateEvaluator evaluator(root, frame.options, diagnostics_);
    const Value* section = root.find("Resources");

    // Nested stacks are read on first use: when the builder reaches them, or earlier when a value
    // reads one of their outputs (Fn::GetAtt Network.Outputs.VpcId).
    enum class State { InProgress, Done };
    std::map<std::string, std::pair<State, std::optional<Value>>, std::less<>> nested;
    auto note = [&](const SourceRange& at, std::string message,
                    DiagnosticSeverity severity = DiagnosticSeverity::Note) {
        diagnostics_.push_back(Diagnostic{at.file, at.begin, severity, DiagnosticCode::Unsupported,
                                          std::move(message)});
    };
    std::function<std::optional<Value>(std::string_view)> outputs_of =
        [&](std::string_view logical_id) -> std::optional<Value> {
        if (auto it = nested.find(logical_id); it != nested.end()) {
            if (it->second.first == State::InProgress) return std::nullopt;
            return it->second.second;
        }
        const Value* body = section && section->is_map() ? section->find(logical_id) : nullptr;
        const Value* type = body ? body->find("Type") : nullptr;
        if (!type || !type->is_string() || !is_stack_type(type->as_string())) return std::nullopt;
        auto& slot = nested[std::string(logical_id)];
        slot.first = State::InProgress;
        auto finish = [&](std::optional<Value> outputs) {
            auto& done = nested[std::string(logical_id)];
            done = {State::Done, outputs};
            return outputs;
        };
        if (const Value* condition = body->find("Condition");
            condition && condition->is_string() &&
            evaluator.condition(condition->as_string(), condition->range()) == Tri::False) {
            return finish(std::nullopt);
        }
        const Value* properties = body->find("Properties");
        const Value* url_written = properties ? properties->find("TemplateURL") : nullptr;
        if (url_written == nullptr) return finish(std::nullopt);
        if (frame.options.nested_templates_from_caller) return finish(std::nullopt);
        auto url = evaluator.resolve(*url_written);
        const SourceRange at = url_written->range();
        if (!url || !url->is_string()) {
            note(at, "the TemplateURL of nested stack " + std::string(logical_id) +
                         " is known only at deployment; its resources are not scanned");
            return finish(std::nullopt);
        }
        if (is_remote_location(url->as_string())) {
            note(at, "nested stack " + std::string(logical_id) + " uses the remote template " +
                         url->as_string() + "; its resources are not scanned");
            return finish(std::nullopt);
        }
        if (access_ == nullptr) {
            note(at,
                 "nested stack template " + url->as_string() + " is read only in a directory scan");
            return finish(std::nullopt);
        }
        auto resolved = resolve_local(*access_, frame.place.absolute, url->as_string());
        if (auto* problem = std::get_if<std::string>(&resolved)) {
            note(at, "nested stack " + std::string(logical_id) + ": TemplateURL " + *problem,
                 DiagnosticSeverity::Warning);
            return finish(std::nullopt);
        }
        const fs::path path = std::get<fs::path>(resolved);
        std::vector<fs::path> chain = frame.chain;
        chain.push_back(frame.place.absolute);
        if (std::find(chain.begin(), chain.end(), path) != chain.end()) {
            std::string cycle;
            for (const fs::path& step : chain)
                cycle += step.filename().string() + " -> ";
            note(at,
                 "nested stack " + std::string(logical_id) + " forms a cycle (" + cycle +
                     path.filename().string() + "); not read again",
                 DiagnosticSeverity::Warning);
            return finish(std::nullopt);
        }
        if (chain.size() > kMaxNestingDepth || ++stacks_ > kMaxStacks) {
            note(at,
                 "nested stacks deeper or more numerous than Bulwark reads; " +
                     std::string(logical_id) + " is not read",
                 DiagnosticSeverity::Warning);
            return finish(std::nullopt);
        }
        auto source = access_->load(path);
        if (!source) {
            note(at, "cannot read nested stack template " + url->as_string(),
                 DiagnosticSeverity::Warning);
            return finish(std::nullopt);
        }
        TemplateDocument document = read_template(source->content, source->id, diagnostics_);
        if (!document.root) {
            if (!document.recognized) {
                note(at, "nested stack template " + url->as_string() + " is not a template",
                     DiagnosticSeverity::Warning);
            }
            return finish(std::nullopt);
        }
        Frame child;
        child.place = TemplatePlace{source->id, source->path, path, frame.place.scope};
        child.options = nested_options(frame.options);
        if (const Value* given = properties->find("Parameters")) {
            if (auto values = evaluator.resolve(*given); values && values->is_map()) {
                for (const Value::Entry& entry : values->as_map()) {
                    child.options.stack_parameters.emplace(entry.key, entry.value);
                }
            }
        }
        child.local_prefix = std::string(logical_id) + "/";
        child.prefix = frame.prefix + child.local_prefix;
        child.chain = std::move(chain);
        return finish(evaluate(std::move(*document.root), child));
    };
    evaluator.set_stack_outputs([&](std::string_view stack, std::string_view output,
                                    const SourceRange& at) -> std::optional<Value> {
        auto outputs = outputs_of(stack);
        if (!outputs) return std::nullopt;
        if (const Value* value = outputs->find(output)) {
            Value copy = *value;
            copy.set_range(at);
            return copy;
        }
        note(at, "nested stack " + std::string(stack) + " has no output " + std::string(output),
             DiagnosticSeverity::Warning);
        return Value::unknown("missing output " + std::string(output), {}, at);
    });

    BuildSettings settings{frame.place.file, frame.place.scope,
                           is_sam ? SourceFormat::Sam : SourceFormat::CloudFormation, &origins};
    std::vector<Resource> own;
    build_resources(root, evaluator, settings, own, diagnostics_);
    for (const Resource& resource : own) {
        if (is_stack_type(resource.type)) outputs_of(resource.address);
    }
    for (Resource& resource : own) {
        if (!frame.prefix.empty()) {
            resource.address = frame.prefix + resource.address;
            prefix_references(resource.properties, frame.prefix);
            for (Reference& dependency : resource.depends_on)
                dependency.target = frame.prefix + dependency.target;
        }
        resources_.push_back(std::move(resource));
    }
    build_parameter_inputs(root, settings, frame.prefix, resources_);

    // Outputs, as the parent sees them (addresses relative to the parent).
    Value outputs = Value::map({});
    if (const Value* section_outputs = root.find("Outputs");
        section_outputs && section_outputs->is_map()) {
        for (const Value::Entry& entry : section_outputs->as_map()) {
            const Value* written = entry.value.find("Value");
            if (written == nullptr) continue;
            std::optional<Value> value = evaluator.resolve(*written);
            if (!value) continue;
            prefix_references(*value, frame.local_prefix);
            outputs.set(entry.key, std::move(*value), entry.key_range);
        }
    }
    return outputs;
}

}  // namespace bulwark::cloudformation
