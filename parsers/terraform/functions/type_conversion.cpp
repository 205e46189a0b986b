// Type conversion: tostring, tonumber, tobool, tolist, toset, tomap, and the sensitivity
// markers (identities here: Bulwark does not track sensitivity). A conversion that changes
// nothing returns its argument, range included; null converts to null.

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

// The argument itself when it needs no conversion: an Unknown (it keeps its own reason and
// references), a null, or a value of the wanted kind.
std::optional<Value> unchanged(Call& call, ValueKind wanted) {
    Value& arg = call.arg(0);
    if (arg.is_unknown() || arg.is_null() || arg.kind() == wanted) return std::move(arg);
    return std::nullopt;
}

// cty's type unification for a list or map built from mixed primitives: when strings are among
// them, numbers and bools become strings (tolist(["a", 1]) is ["a", "1"]).
void unify_primitives(Value& collection) {
    std::vector<Value*> items;
    if (collection.is_list()) {
        for (Value& item : collection.as_list())
            items.push_back(&item);
    } else if (collection.is_map()) {
        for (Value::Entry& entry : collection.as_map())
            items.push_back(&entry.value);
    }
    bool any_string = false;
    for (const Value* item : items) {
        if (!item->is_string() && !item->is_number() && !item->is_bool() && !item->is_null()) {
            return;
        }
        any_string = any_string || item->is_string();
    }
    if (!any_string) return;
    for (Value* item : items) {
        if (item->is_number() || item->is_bool()) {
            *item = Value::string(*detail::to_text(*item), item->range());
        }
    }
}

Value cannot_convert(Call& call, std::string_view to) {
    const Value& arg = call.arg(0);
    std::string what(detail::kind_name(arg));
    if (arg.is_string()) what = "\"" + arg.as_string() + "\"";
    return call.fail("cannot convert " + what + " to " + std::string(to));
}

}  // namespace

Value fn_tostring(std::vector<Value>& args, FunctionContext& context) {
    Call call("tostring", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    if (auto same = unchanged(call, ValueKind::String)) return std::move(*same);
    auto text = detail::to_text(call.arg(0));
    if (!text) return cannot_convert(call, "string");
    return call.string_result(std::move(*text));
}

Value fn_tonumber(std::vector<Value>& args, FunctionContext& context) {
    Call call("tonumber", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    if (auto same = unchanged(call, ValueKind::Number)) return std::move(*same);
    auto n = call.arg(0).is_string() ? detail::to_number(call.arg(0)) : std::nullopt;
    if (!n) return cannot_convert(call, "number");
    return call.number_result(*n);
}

Value fn_tobool(std::vector<Value>& args, FunctionContext& context) {
    Call call("tobool", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    if (auto same = unchanged(call, ValueKind::Bool)) return std::move(*same);
    auto b = call.arg(0).is_string() ? detail::to_bool(call.arg(0)) : std::nullopt;
    if (!b) return cannot_convert(call, "bool");
    return call.bool_result(*b);
}

Value fn_tolist(std::vector<Value>& args, FunctionContext& context) {
    Call call("tolist", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    unify_primitives(call.arg(0));
    if (auto same = unchanged(call, ValueKind::List)) return std::move(*same);
    return cannot_convert(call, "list");
}

Value fn_toset(std::vector<Value>& args, FunctionContext& context) {
    Call call("toset", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (call.arg(0).is_null()) return std::move(call.arg(0));
    if (!call.arg(0).is_list()) return cannot_convert(call, "set");
    return call.list_result(detail::make_set(std::move(call.arg(0).as_list())));
}

Value fn_tomap(std::vector<Value>& args, FunctionContext& context) {
    Call call("tomap", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    unify_primitives(call.arg(0));
    if (auto same = unchanged(call, ValueKind::Map)) return std::move(*same);
    return cannot_convert(call, "map");
}

Value fn_sensitive(std::vector<Value>& args, FunctionContext& context) {
    Call call("sensitive", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    return std::move(call.arg(0));
}

Value fn_nonsensitive(std::vector<Value>& args, FunctionContext& context) {
    Call call("nonsensitive", args, context);
    if (auto early = call.start(1, 1, Unknowns::Manual)) return *early;
    return std::move(call.arg(0));
}

}  // namespace bulwark::terraform::builtin
