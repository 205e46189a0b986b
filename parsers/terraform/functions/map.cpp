// Functions over maps and objects: keys, values, lookup, merge, zipmap, transpose, matchkeys.

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

// The entries of a map in Terraform's iteration order (keys sorted lexically).
std::vector<Value::Entry*> sorted_entries(Value::Map& entries) {
    std::vector<Value::Entry*> sorted;
    sorted.reserve(entries.size());
    for (Value::Entry& entry : entries)
        sorted.push_back(&entry);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Value::Entry* a, const Value::Entry* b) { return a->key < b->key; });
    return sorted;
}

// Builds a map in first-seen key order where a later value for a key replaces the earlier one
// (Value::set, without its linear search per key).
class MapBuilder {
  public:
    void set(std::string key, Value value, const SourceRange& key_range) {
        auto [it, inserted] = index_.try_emplace(key, entries_.size());
        if (inserted) {
            entries_.push_back(Value::Entry{std::move(key), key_range, std::move(value)});
        } else {
            entries_[it->second].value = std::move(value);
            entries_[it->second].key_range = key_range;
        }
    }
    Value::Map take() { return std::move(entries_); }

  private:
    Value::Map entries_;
    std::unordered_map<std::string, std::size_t> index_;
};

SourceRange or_call(const SourceRange& own, const Call& call) {
    return own.valid() ? own : call.range();
}

}  // namespace

Value fn_keys(std::vector<Value>& args, FunctionContext& context) {
    Call call("keys", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    if (call.map(0) == nullptr) return call.failure();
    Value::List out;
    for (const Value::Entry* entry : sorted_entries(call.arg(0).as_map())) {
        out.push_back(Value::string(entry->key, or_call(entry->key_range, call)));
    }
    return call.list_result(std::move(out));
}

Value fn_values(std::vector<Value>& args, FunctionContext& context) {
    Call call("values", args, context);
    if (auto early = call.start(1, 1, Unknowns::Shallow)) return *early;
    if (call.map(0) == nullptr) return call.failure();
    Value::List out;
    for (Value::Entry* entry : sorted_entries(call.arg(0).as_map())) {
        out.push_back(std::move(entry->value));
    }
    return call.list_result(std::move(out));
}

Value fn_lookup(std::vector<Value>& args, FunctionContext& context) {
    Call call("lookup", args, context);
    if (auto early = call.start(2, 3, Unknowns::Manual)) return *early;
    if (call.arg(0).is_unknown() || detail::contains_unknown(call.arg(1))) {
        return call.unknown_from({&call.arg(0), &call.arg(1)});
    }
    if (call.map(0) == nullptr) return call.failure();
    auto key = call.string(1);
    if (!key) return call.failure();
    if (Value* found = call.arg(0).find(*key)) return std::move(*found);
    if (call.size() == 3) return std::move(call.arg(2));
    return call.fail("lookup failed to find key \"" + *key + "\"");
}

Value fn_merge(std::vector<Value>& args, FunctionContext& context) {
    Call call("merge", args, context);
    if (auto early = call.start(0, Call::kVariadic, Unknowns::Shallow)) return *early;
    MapBuilder out;
    for (std::size_t i = 0; i < call.size(); ++i) {
        if (call.arg(i).is_null()) continue;
        if (call.map(i) == nullptr) return call.failure();
        for (Value::Entry& entry : call.arg(i).as_map()) {
            out.set(std::move(entry.key), std::move(entry.value), entry.key_range);
        }
    }
    return call.map_result(out.take());
}

Value fn_zipmap(std::vector<Value>& args, FunctionContext& context) {
    Call call("zipmap", args, context);
    if (auto early = call.start(2, 2, Unknowns::Shallow)) return *early;
    if (detail::contains_unknown(call.arg(0))) return call.unknown_from({&call.arg(0)});
    auto keys = call.strings(0);
    if (!keys) return call.failure();
    if (call.list(1) == nullptr) return call.failure();
    Value::List& values = call.arg(1).as_list();
    if (keys->size() != values.size()) {
        return call.fail("number of keys (" + std::to_string(keys->size()) +
                         ") does not match number of values (" + std::to_string(values.size()) +
                         ")");
    }
    const Value::List& key_values = call.arg(0).as_list();
    MapBuilder out;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        out.set(std::move((*keys)[i]), std::move(values[i]), key_values[i].range());
    }
    return call.map_result(out.take());
}

Value fn_transpose(std::vector<Value>& args, FunctionContext& context) {
    Call call("transpose", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (call.map(0) == nullptr) return call.failure();
    std::map<std::string, std::vector<std::string>> transposed;
    for (const Value::Entry& entry : call.arg(0).as_map()) {
        if (!entry.value.is_list()) return call.fail("input must be a map of lists of strings");
        for (const Value& item : entry.value.as_list()) {
            if (!item.is_string()) return call.fail("input must be a map of lists of strings");
            transposed[item.as_string()].push_back(entry.key);
        }
    }
    Value::Map out;
    for (auto& [key, names] : transposed) {
        std::sort(names.begin(), names.end());
        Value::List items;
        for (std::string& name : names)
            items.push_back(call.string_result(std::move(name)));
        out.push_back(Value::Entry{key, call.range(), call.list_result(std::move(items))});
    }
    return call.map_result(std::move(out));
}

Value fn_matchkeys(std::vector<Value>& args, FunctionContext& context) {
    Call call("matchkeys", args, context);
    if (auto early = call.start(3, 3, Unknowns::Deep)) return *early;
    for (std::size_t i = 0; i < 3; ++i) {
        if (call.list(i) == nullptr) return call.failure();
    }
    Value::List& values = call.arg(0).as_list();
    const Value::List& keys = call.arg(1).as_list();
    const Value::List& searchset = call.arg(2).as_list();
    if (values.size() != keys.size()) return call.fail("length of keys and values should be equal");
    std::unordered_set<std::string> wanted;
    for (const Value& item : searchset)
        wanted.insert(detail::membership_key(item));
    Value::List out;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (wanted.count(detail::membership_key(keys[i])) > 0) out.push_back(std::move(values[i]));
    }
    return call.list_result(std::move(out));
}

}  // namespace bulwark::terraform::builtin
