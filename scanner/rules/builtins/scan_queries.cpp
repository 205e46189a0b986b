// Questions about the whole scan rather than one resource: is a resource of some type declared
// anywhere in what was scanned. Rules use them for account-level services (a detector, an
// analyzer) that nothing else refers to, anchored on a resource that marks an account baseline.

#include <algorithm>
#include <string>

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;

Outcome declared_in_scan(const Value&, const Value& args, const BuiltinContext& context) {
    for (const Value& type : args.find("types")->as_list()) {
        if (!context.graph.of_type(type.as_string()).empty()) return {Tri::True, std::nullopt};
    }
    return {Tri::False, std::nullopt};
}

std::optional<std::string> validate_types(const Value& args) {
    const Value* types = args.is_map() ? args.find("types") : nullptr;
    if (types == nullptr || !types->is_list() || types->as_list().empty() ||
        args.as_map().size() != 1 ||
        !std::all_of(types->as_list().begin(), types->as_list().end(),
                     [](const Value& type) { return type.is_string(); })) {
        return std::string("needs args: {types: [resource type, ...]}");
    }
    return std::nullopt;
}

}  // namespace

void add_scan_query_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"declared_in_scan",
         "a resource of one of args.types (CloudFormation or native type) is declared anywhere in "
         "the scan",
         declared_in_scan, validate_types, false, true},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
