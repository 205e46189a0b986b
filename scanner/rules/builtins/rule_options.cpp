// Built-ins about a rule's own configuration rather than a resource: a rule whose list parameter
// is empty by default (an organisation's required tags) uses `configured` in its `when`, so it
// is not applicable, and counts nothing, until someone sets the list.

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

Outcome configured(const Value&, const Value& args, const BuiltinContext&) {
    const Value* value = args.find("value");
    const bool set = value->is_list()     ? !value->as_list().empty()
                     : value->is_string() ? !value->as_string().empty()
                                          : !value->is_null();
    return {tri(set), std::nullopt};
}

std::optional<std::string> validate_value(const Value& args) {
    if (!args.is_map() || args.find("value") == nullptr || args.as_map().size() != 1) {
        return std::string("needs args: {value: {param: NAME}}");
    }
    return std::nullopt;
}

}  // namespace

void add_rule_option_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"configured",
         "args.value (usually a {param: NAME}) is set: a non-empty list or string; lets a rule "
         "turn "
         "itself off while its parameter is empty",
         configured, validate_value},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
