// Variable declarations as input entries (Bulwark::Terraform::Variable, EntryKind::Input), so
// that rules can ask how secrets enter a configuration: a password variable not marked
// sensitive, a token with a literal default.

#include "model/resource_types.h"
#include "parsers/terraform/module/module_instance.h"

namespace bulwark::terraform {

namespace {

// The arguments of a variable block that say something about its value (`type` and
// `validation` describe its shape and are not values).
constexpr std::string_view kValueArguments[] = {"default", "sensitive", "ephemeral", "nullable",
                                                "description"};

}  // namespace

void ModuleInstance::collect_inputs(std::vector<Resource>& out) {
    for (const auto& [name, block] : config_.variables) {
        Resource input;
        input.kind = EntryKind::Input;
        input.address = prefix_ + "var." + name;
        input.type = std::string(types::kTerraformVariable);
        input.native_type = "variable";
        input.format = SourceFormat::Terraform;
        input.file = block->range.file;
        input.scope = settings_.scope;
        input.extent = block->range;
        input.range = block->range;
        input.range.end = {input.range.begin.line, input.range.begin.column + 8};
        input.properties = Value::map({}, input.range);
        for (std::string_view argument : kValueArguments) {
            if (const hcl::Attribute* attribute = block->body.attribute(argument)) {
                input.properties.set(std::string(argument), evaluator_.evaluate(attribute->value),
                                     attribute->name_range);
            }
        }
        const SourceRange name_range = block->range;
        input.attributes = Value::map({}, name_range);
        input.attributes.set("Name", Value::string(name, name_range), name_range);
        out.push_back(std::move(input));
    }
    for (const auto& [name, call] : config_.module_calls) {
        for (auto& [suffix, child] : children(name)) {
            const std::size_t first = out.size();
            child->collect_inputs(out);
            for (std::size_t i = first; i < out.size(); ++i)
                out[i].module_calls.insert(out[i].module_calls.begin(), call->range);
        }
    }
}

}  // namespace bulwark::terraform
