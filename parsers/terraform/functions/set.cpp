// Set functions: distinct, setunion, setintersection, setsubtract, setproduct. A set is a List
// without duplicates (see detail::make_set for its order).

#include <algorithm>
#include <unordered_set>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

using Keys = std::unordered_set<std::string>;

Keys keys_of(const Value::List& items) {
    Keys keys;
    for (const Value& item : items)
        keys.insert(detail::membership_key(item));
    return keys;
}

// All arguments must be lists; nullptr-free on success.
bool all_lists(Call& call) {
    for (std::size_t i = 0; i < call.size(); ++i) {
        if (call.list(i) == nullptr) return false;
    }
    return true;
}

}  // namespace

Value fn_distinct(std::vector<Value>& args, FunctionContext& context) {
    Call call("distinct", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (call.list(0) == nullptr) return call.failure();
    Value::List out;
    Keys seen;
    for (Value& item : call.arg(0).as_list()) {
        if (seen.insert(detail::membership_key(item)).second) out.push_back(std::move(item));
    }
    return call.list_result(std::move(out));
}

Value fn_setunion(std::vector<Value>& args, FunctionContext& context) {
    Call call("setunion", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Deep)) return *early;
    if (!all_lists(call)) return call.failure();
    Value::List all;
    for (Value& arg : call.args()) {
        for (Value& item : arg.as_list())
            all.push_back(std::move(item));
    }
    return call.list_result(detail::make_set(std::move(all)));
}

Value fn_setintersection(std::vector<Value>& args, FunctionContext& context) {
    Call call("setintersection", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Deep)) return *early;
    if (!all_lists(call)) return call.failure();
    std::vector<Keys> others;
    for (std::size_t i = 1; i < call.size(); ++i)
        others.push_back(keys_of(call.arg(i).as_list()));
    Value::List kept;
    for (Value& item : call.arg(0).as_list()) {
        const std::string key = detail::membership_key(item);
        const bool everywhere = std::all_of(others.begin(), others.end(),
                                            [&](const Keys& keys) { return keys.count(key) > 0; });
        if (everywhere) kept.push_back(std::move(item));
    }
    return call.list_result(detail::make_set(std::move(kept)));
}

Value fn_setsubtract(std::vector<Value>& args, FunctionContext& context) {
    Call call("setsubtract", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    if (!all_lists(call)) return call.failure();
    const Keys removed = keys_of(call.arg(1).as_list());
    Value::List kept;
    for (Value& item : call.arg(0).as_list()) {
        if (removed.count(detail::membership_key(item)) == 0) kept.push_back(std::move(item));
    }
    return call.list_result(detail::make_set(std::move(kept)));
}

Value fn_setproduct(std::vector<Value>& args, FunctionContext& context) {
    Call call("setproduct", args, context);
    if (auto early = call.start(2, Call::kVariadic, Unknowns::Shallow)) return *early;
    if (!all_lists(call)) return call.failure();
    std::size_t total = 1;
    for (const Value& arg : call.args()) {
        const std::size_t size = arg.as_list().size();
        if (size == 0) return call.list_result({});
        if (total > detail::kMaxElements / size) {
            return call.fail("the product would have more than " +
                                 std::to_string(detail::kMaxElements) + " elements",
                             DiagnosticCode::ExpansionLimit);
        }
        total *= size;
    }
    // Every element is copied total / size times: bound the values built, nested ones included.
    std::size_t nodes = total;
    for (const Value& arg : call.args()) {
        nodes += (total / arg.as_list().size()) * (arg.node_count() - 1);
    }
    if (nodes > detail::kMaxElements) {
        return call.fail(
            "the product would hold more than " + std::to_string(detail::kMaxElements) + " values",
            DiagnosticCode::ExpansionLimit);
    }
    Value::List out;
    out.reserve(total);
    std::vector<std::size_t> position(call.size(), 0);
    for (std::size_t n = 0; n < total; ++n) {
        Value::List tuple;
        tuple.reserve(call.size());
        for (std::size_t j = 0; j < call.size(); ++j) {
            tuple.push_back(call.arg(j).as_list()[position[j]]);
        }
        out.push_back(call.list_result(std::move(tuple)));
        for (std::size_t j = call.size(); j-- > 0;) {
            if (++position[j] < call.arg(j).as_list().size()) break;
            position[j] = 0;
        }
    }
    return call.list_result(std::move(out));
}

}  // namespace bulwark::terraform::builtin
