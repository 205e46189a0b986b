// Variable declarations as input entries (Bulwark::Terraform::Variable, EntryKind::Input), so
// that rules can ask how secrets enter a configuration: a password variable not marked
// sensitive, a token with a literal default.

#include "model/resource_types.h"
#include "parsers/terraform/module/module_instance.h"

namespace bulwark::terraform {

namespace {

// The arguments of a variable block that are values (`type`, a type constraint, is kept as its
// keyword; `validation` blocks are not read).
constexpr std::string_view kValueArguments[] = {"default", "sensitive", "ephemeral", "nullable",
                                                "description"};

// The type constraint's keyword: `string`, `number`, `bool`, `any`, or the constructor of a
// collection or structure (`list`, `map`, `object`, ...). Without a constraint, the kind of a
// literal default stands for it (a `default = true` flag is a bool), since rules ask whether the
// variable can hold text at all.
std::string type_keyword(const hcl::Block& block, const Value& fallback) {
    if (const hcl::Attribute* type = block.body.attribute("type")) {
        if (type->value.kind == hcl::ExprKind::Variable || type->value.kind == hcl::ExprKind::Call)
            return type->value.name;
        return {};
    }
    if (fallback.is_bool()) return "bool";
    if (fallback.is_number()) return "number";
    return {};
}

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
        const Value* fallback = input.properties.find("default");
        if (std::string type = type_keyword(*block, fallback ? *fallback : Value());
            !type.empty()) {
            const hcl::Attribute* written = block->body.attribute("type");
            const SourceRange at = written ? written->value.range : input.range;
            input.properties.set("type", Value::string(std::move(type), at),
                                 written ? written->name_range : at);
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
