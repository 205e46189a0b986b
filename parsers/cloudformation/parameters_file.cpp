#include "parsers/cloudformation/parameters_file.h"

#include "io/document_reader.h"
#include "parsers/cloudformation/template_evaluator.h"

namespace bulwark::cloudformation {
namespace {

std::string where(std::string_view name, const SourcePosition& position) {
    return std::string(name) + ":" + std::to_string(position.line) + ":" +
           std::to_string(position.column) + ": ";
}

// A parameter value: strings as written, numbers and booleans as CloudFormation passes them, a
// list as its comma-separated form.
std::optional<std::string> value_text(const Value& value) {
    if (auto text = scalar_text(value)) return text;
    if (!value.is_list()) return std::nullopt;
    std::string joined;
    for (const Value& item : value.as_list()) {
        auto text = scalar_text(item);
        if (!text) return std::nullopt;
        if (!joined.empty()) joined += ',';
        joined += *text;
    }
    return joined;
}

}  // namespace

std::variant<ParameterValues, std::string> parse_parameters_file(std::string_view text,
                                                                 std::string_view name) {
    ReadResult read = read_json(text, 0);
    for (const Diagnostic& diagnostic : read.diagnostics) {
        if (diagnostic.severity == DiagnosticSeverity::Error) {
            return where(name, diagnostic.position) + diagnostic.message;
        }
    }
    if (!read.value) return std::string(name) + ": not a JSON document";
    const Value& root = *read.value;
    ParameterValues values;
    if (root.is_list()) {  // the AWS CLI's list of ParameterKey / ParameterValue
        for (const Value& item : root.as_list()) {
            const Value* key = item.find("ParameterKey");
            const Value* value = item.find("ParameterValue");
            if (key == nullptr || !key->is_string()) {
                return where(name, item.range().begin) +
                       "each entry needs a \"ParameterKey\" string";
            }
            if (value == nullptr) {
                const Value* previous = item.find("UsePreviousValue");
                if (previous && previous->is_bool() && previous->as_bool()) continue;  // unknown
                return where(name, item.range().begin) + "parameter " + key->as_string() +
                       " needs a \"ParameterValue\"";
            }
            auto text_value = value_text(*value);
            if (!text_value) {
                return where(name, value->range().begin) + "the value of " + key->as_string() +
                       " must be a string";
            }
            values[key->as_string()] = *text_value;
        }
        return values;
    }
    const Value* parameters = root.find("Parameters");
    if (!root.is_map() || parameters == nullptr) {
        return where(name, root.range().begin) +
               "expected the AWS CLI format [{\"ParameterKey\": ..., \"ParameterValue\": ...}] or "
               "the CodePipeline format {\"Parameters\": {...}}";
    }
    if (!parameters->is_map()) {
        return where(name, parameters->range().begin) +
               "\"Parameters\" must map parameter names to values";
    }
    for (const Value::Entry& entry : parameters->as_map()) {
        auto text_value = value_text(entry.value);
        if (!text_value) {
            return where(name, entry.value.range().begin) + "the value of " + entry.key +
                   " must be a string";
        }
        values[entry.key] = *text_value;
    }
    return values;
}

}  // namespace bulwark::cloudformation
