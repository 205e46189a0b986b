#include "parsers/terraform/adapters/database_support.h"

#include <string>

#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform::database {

using namespace adapt;

void copy_parameter_map(Value& properties, const Value& body) {
    const Value* all = argument(body, "parameter");
    if (all == nullptr) return;
    Value parameters = Value::map({}, all->range());
    for (const Value* parameter : blocks(body, "parameter")) {
        const Value* name = parameter->is_map() ? argument(*parameter, "name") : nullptr;
        if (name == nullptr || !name->is_string()) {
            properties.set("Parameters",
                           Value::unknown("a parameter name is known only after apply", {},
                                          parameter->range()),
                           all->range());
            return;
        }
        const Value* value = argument(*parameter, "value");
        parameters.set(name->as_string(), value ? *value : Value::null(parameter->range()),
                       name->range());
    }
    properties.set("Parameters", std::move(parameters), all->range());
}

void final_snapshot_policy(const NativeResource& native, Value& attributes) {
    const Value* skip = argument(native.body, "skip_final_snapshot");
    if (skip == nullptr) {
        attributes.set("DeletionPolicy", Value::string("Snapshot", header(native)), header(native));
    } else if (skip->is_bool()) {
        attributes.set("DeletionPolicy",
                       Value::string(skip->as_bool() ? "Delete" : "Snapshot", skip->range()),
                       skip->range());
    } else if (skip->is_unknown()) {
        attributes.set("DeletionPolicy", *skip, skip->range());
    }
}

}  // namespace bulwark::terraform::database
