// Functions over lists and tuples: length, concat, flatten, element, range, slice, ...

#include <algorithm>
#include <cmath>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

// Maximum number of values range() produces: Terraform's own limit (cty's RangeFunc).
constexpr std::size_t kMaxRangeValues = 1024;

void flatten_into(Value::List& items, Value::List& out) {
    for (Value& item : items) {
        if (item.is_list()) {
            flatten_into(item.as_list(), out);
        } else {
            out.push_back(std::move(item));
        }
    }
}

}  // namespace

Value fn_length(std::vector<Value>& args, FunctionContext& context) {
    Call call("length", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    const Value& value = call.arg(0);
    switch (value.kind()) {
        case ValueKind::String:
            return call.number_result(
                static_cast<double>(detail::cluster_count(value.as_string())));
        case ValueKind::List:
            return call.number_result(static_cast<double>(value.as_list().size()));
        case ValueKind::Map:
            return call.number_result(static_cast<double>(value.as_map().size()));
        default:
            return call.fail("argument must be a string, a list or a map, got " +
                             std::string(detail::kind_name(value)));
    }
}

Value fn_concat(std::vector<Value>& args, FunctionContext& context) {
    Call call("concat", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Shallow)) return *early;
    Value::List out;
    for (std::size_t i = 0; i < call.size(); ++i) {
        if (call.list(i) == nullptr) return call.failure();
        for (Value& item : call.arg(i).as_list())
            out.push_back(std::move(item));
    }
    return call.list_result(std::move(out));
}

Value fn_flatten(std::vector<Value>& args, FunctionContext& context) {
    Call call("flatten", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    if (call.list(0) == nullptr) return call.failure();
    Value::List out;
    flatten_into(call.arg(0).as_list(), out);
    return call.list_result(std::move(out));
}

Value fn_element(std::vector<Value>& args, FunctionContext& context) {
    Call call("element", args, context);
    if (auto early = call.start(2, 2, Unknowns::Shallow)) return *early;
    if (detail::contains_unknown(call.arg(1))) return call.unknown_from({&call.arg(1)});
    const Value::List* items = call.list(0);
    if (items == nullptr) return call.failure();
    auto index = call.integer(1);
    if (!index) return call.failure();
    if (items->empty()) return call.fail("cannot use element function with an empty list");
    const auto size = static_cast<std::int64_t>(items->size());
    std::int64_t wrapped = *index % size;
    if (wrapped < 0) wrapped += size;
    return (*items)[static_cast<std::size_t>(wrapped)];
}

Value fn_index(std::vector<Value>& args, FunctionContext& context) {
    Call call("index", args, context);
    if (auto early = call.start(2, 2, Unknowns::Shallow)) return *early;
    const Value::List* items = call.list(0);
    if (items == nullptr) return call.failure();
    if (items->empty()) return call.fail("cannot search an empty list");
    if (detail::contains_unknown(call.arg(1))) return call.unknown_from({&call.arg(1)});
    for (std::size_t i = 0; i < items->size(); ++i) {
        const Value& item = (*items)[i];
        if (detail::contains_unknown(item)) return call.unknown_from({&item});
        if (item.same_as(call.arg(1))) {  // no conversion: cty's Equal
            return call.number_result(static_cast<double>(i));
        }
    }
    return call.fail("item not found");
}

Value fn_contains(std::vector<Value>& args, FunctionContext& context) {
    Call call("contains", args, context);
    if (auto early = call.start(2, 2, Unknowns::Shallow)) return *early;
    const Value::List* items = call.list(0);
    if (items == nullptr) return call.failure();
    if (items->empty()) return call.bool_result(false);
    if (detail::contains_unknown(call.arg(1))) return call.unknown_from({&call.arg(1)});
    std::vector<const Value*> unknowns;
    for (const Value& item : *items) {
        if (detail::contains_unknown(item)) {
            unknowns.push_back(&item);
        } else if (item.same_as(call.arg(1))) {  // no conversion: cty's Equals
            return call.bool_result(true);
        }
    }
    if (!unknowns.empty()) return call.unknown_from(unknowns);
    return call.bool_result(false);
}

Value fn_coalesce(std::vector<Value>& args, FunctionContext& context) {
    Call call("coalesce", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Manual)) return *early;
    // cty unifies the argument types first: with a string among primitives, all are strings.
    bool any_string = false;
    bool all_primitive = true;
    for (const Value& arg : call.args()) {
        any_string = any_string || arg.is_string();
        if (arg.is_list() || arg.is_map()) all_primitive = false;
    }
    const bool as_string = any_string && all_primitive;
    for (Value& arg : call.args()) {
        if (arg.is_unknown()) return call.unknown_from({&arg});
        if (arg.is_null()) continue;
        if (as_string && !arg.is_string()) arg = Value::string(*detail::to_text(arg), arg.range());
        if (arg.is_string() && arg.as_string().empty()) continue;
        return std::move(arg);
    }
    return call.fail("no non-null, non-empty-string arguments");
}

Value fn_coalescelist(std::vector<Value>& args, FunctionContext& context) {
    Call call("coalescelist", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Manual)) return *early;
    for (std::size_t i = 0; i < call.size(); ++i) {
        Value& arg = call.arg(i);
        if (arg.is_unknown()) return call.unknown_from({&arg});
        if (arg.is_null()) continue;
        if (call.list(i) == nullptr) return call.failure();
        if (!arg.as_list().empty()) return std::move(arg);
    }
    return call.fail("no non-null arguments");
}

Value fn_compact(std::vector<Value>& args, FunctionContext& context) {
    Call call("compact", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (call.list(0) == nullptr) return call.failure();
    Value::List out;
    for (Value& item : call.arg(0).as_list()) {
        if (item.is_null()) continue;
        auto text = detail::to_text(item);
        if (!text) {
            return call.fail("argument must be a list of strings, found " +
                             std::string(detail::kind_name(item)));
        }
        if (text->empty()) continue;
        out.push_back(Value::string(std::move(*text), item.range()));
    }
    return call.list_result(std::move(out));
}

Value fn_range(std::vector<Value>& args, FunctionContext& context) {
    Call call("range", args, context);
    if (auto early = call.start(1, 3, Unknowns::Deep)) return *early;
    double numbers[3] = {0, 0, 0};
    for (std::size_t i = 0; i < call.size(); ++i) {
        auto n = call.number(i);
        if (!n) return call.failure();
        numbers[i] = *n;
    }
    double start = 0;
    double end = 0;
    double step = 1;
    if (call.size() == 1) {
        end = numbers[0];
        step = end < 0 ? -1 : 1;
    } else if (call.size() == 2) {
        start = numbers[0];
        end = numbers[1];
        step = end < start ? -1 : 1;
    } else {
        start = numbers[0];
        end = numbers[1];
        step = numbers[2];
    }
    if (step == 0) return call.fail("step must not be zero");
    const bool down = step < 0;
    if (down && end > start) return call.fail("end must be less than start when step is negative");
    if (!down && end < start) {
        return call.fail("end must be greater than start when step is positive");
    }
    // Counted before building, so a huge range costs nothing.
    const double count = std::ceil((end - start) / step);
    if (!(count <= static_cast<double>(kMaxRangeValues))) {
        return call.fail("more than " + std::to_string(kMaxRangeValues) +
                             " values would be generated (Terraform's limit); either decrease "
                             "the difference between start and end or use a smaller step",
                         DiagnosticCode::ExpansionLimit);
    }
    Value::List out;
    for (std::size_t i = 0;; ++i) {
        const double n = start + static_cast<double>(i) * step;
        if (down ? n <= end : n >= end) break;
        out.push_back(call.number_result(n));
    }
    return call.list_result(std::move(out));
}

Value fn_slice(std::vector<Value>& args, FunctionContext& context) {
    Call call("slice", args, context);
    if (auto early = call.start(3, 3, Unknowns::Shallow)) return *early;
    if (detail::contains_unknown(call.arg(1)) || detail::contains_unknown(call.arg(2))) {
        return call.unknown_from({&call.arg(1), &call.arg(2)});
    }
    if (call.list(0) == nullptr) return call.failure();
    auto start = call.integer(1);
    if (!start) return call.failure();
    auto end = call.integer(2);
    if (!end) return call.failure();
    Value::List& items = call.arg(0).as_list();
    const auto size = static_cast<std::int64_t>(items.size());
    if (*start < 0) return call.fail("start index must not be less than zero");
    if (*start > size)
        return call.fail("start index must not be greater than the length of the list");
    if (*end < 0) return call.fail("end index must not be less than zero");
    if (*end > size) return call.fail("end index must not be greater than the length of the list");
    if (*start > *end) return call.fail("start index must not be greater than end index");
    Value::List out(std::make_move_iterator(items.begin() + *start),
                    std::make_move_iterator(items.begin() + *end));
    return call.list_result(std::move(out));
}

Value fn_reverse(std::vector<Value>& args, FunctionContext& context) {
    Call call("reverse", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    if (call.list(0) == nullptr) return call.failure();
    Value::List out = std::move(call.arg(0).as_list());
    std::reverse(out.begin(), out.end());
    return call.list_result(std::move(out));
}

Value fn_sort(std::vector<Value>& args, FunctionContext& context) {
    Call call("sort", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (call.list(0) == nullptr) return call.failure();
    Value::List out;
    for (Value& item : call.arg(0).as_list()) {
        auto text = detail::to_text(item);
        if (!text) {
            return call.fail("argument must be a list of strings, found " +
                             std::string(item.is_null() ? "null" : detail::kind_name(item)));
        }
        out.push_back(Value::string(std::move(*text), item.range()));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); });
    return call.list_result(std::move(out));
}

Value fn_chunklist(std::vector<Value>& args, FunctionContext& context) {
    Call call("chunklist", args, context);
    if (auto early = call.start(2, 2, Unknowns::Shallow)) return *early;
    if (detail::contains_unknown(call.arg(1))) return call.unknown_from({&call.arg(1)});
    if (call.list(0) == nullptr) return call.failure();
    auto size = call.integer(1);
    if (!size) return call.failure();
    if (*size < 0) return call.fail("the size argument must be positive");
    Value::List& items = call.arg(0).as_list();
    Value::List out;
    if (items.empty()) return call.list_result(std::move(out));
    if (*size == 0) {
        out.push_back(call.list_result(std::move(items)));
        return call.list_result(std::move(out));
    }
    const auto chunk = static_cast<std::size_t>(*size);
    for (std::size_t i = 0; i < items.size(); i += chunk) {
        const std::size_t last = std::min(items.size(), i + chunk);
        Value::List part(
            std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(i)),
            std::make_move_iterator(items.begin() + static_cast<std::ptrdiff_t>(last)));
        out.push_back(call.list_result(std::move(part)));
    }
    return call.list_result(std::move(out));
}

Value fn_one(std::vector<Value>& args, FunctionContext& context) {
    Call call("one", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    if (call.list(0) == nullptr) return call.failure();
    Value::List& items = call.arg(0).as_list();
    if (items.empty()) return Value::null(call.range());
    if (items.size() == 1) return std::move(items.front());
    return call.fail("must be a list, set, or tuple value with either zero or one elements, got " +
                     std::to_string(items.size()) + " elements");
}

Value fn_sum(std::vector<Value>& args, FunctionContext& context) {
    Call call("sum", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    const Value::List* items = call.list(0);
    if (items == nullptr) return call.failure();
    if (items->empty()) return call.fail("cannot sum an empty list");
    double total = 0;
    for (const Value& item : *items) {
        auto n = detail::to_number(item);
        if (!n) return call.fail("argument must be list, set, or tuple of number values");
        total += *n;
    }
    return call.number_result(total);
}

Value fn_alltrue(std::vector<Value>& args, FunctionContext& context) {
    Call call("alltrue", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    const Value::List* items = call.list(0);
    if (items == nullptr) return call.failure();
    for (const Value& item : *items) {
        if (detail::contains_unknown(item)) return call.unknown_from({&item});
        if (item.is_null()) return call.bool_result(false);
        auto b = detail::to_bool(item);
        if (!b) return call.fail("argument must be a list of bools");
        if (!*b) return call.bool_result(false);
    }
    return call.bool_result(true);
}

Value fn_anytrue(std::vector<Value>& args, FunctionContext& context) {
    Call call("anytrue", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    const Value::List* items = call.list(0);
    if (items == nullptr) return call.failure();
    std::vector<const Value*> unknowns;
    for (const Value& item : *items) {
        if (detail::contains_unknown(item)) {
            unknowns.push_back(&item);
            continue;
        }
        if (item.is_null()) continue;
        auto b = detail::to_bool(item);
        if (!b) return call.fail("argument must be a list of bools");
        if (*b) return call.bool_result(true);
    }
    if (!unknowns.empty()) return call.unknown_from(unknowns);
    return call.bool_result(false);
}

}  // namespace bulwark::terraform::builtin
