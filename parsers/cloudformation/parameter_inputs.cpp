#include "parsers/cloudformation/parameter_inputs.h"

#include "model/resource_types.h"

namespace bulwark::cloudformation {

void build_parameter_inputs(const Value& root, const BuildSettings& settings,
                            const std::string& prefix, std::vector<Resource>& inputs) {
    const Value* section = root.find("Parameters");
    if (section == nullptr || !section->is_map()) return;  // the evaluator reports a bad section
    for (const Value::Entry& entry : section->as_map()) {
        // A declaration that is not a mapping is reported by the evaluator; nothing to check here.
        if (!entry.value.is_map()) continue;
        Resource input;
        input.kind = EntryKind::Input;
        input.address = prefix + "Parameters." + entry.key;
        input.type = std::string(types::kCloudFormationParameter);
        input.native_type = input.type;
        input.format = settings.format;
        input.file = entry.key_range.file != kNoFile ? entry.key_range.file : settings.file;
        input.scope = settings.scope;
        input.range = entry.key_range;
        input.extent = SourceRange{input.file, entry.key_range.begin, entry.value.range().end};
        input.properties = entry.value;
        input.attributes = Value::map({}, entry.key_range);
        input.attributes.set("Name", Value::string(entry.key, entry.key_range), entry.key_range);
        inputs.push_back(std::move(input));
    }
}

}  // namespace bulwark::cloudformation
