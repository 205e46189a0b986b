#include "parsers/cloudformation/sam/globals.h"

#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {

Value merge_global(const Value& global, const Value& local) {
    if (is_intrinsic(global) || is_intrinsic(local)) return local;
    if (global.is_map() && local.is_map()) {
        Value merged = global;
        merged.set_range(local.range());
        for (const Value::Entry& entry : local.as_map()) {
            if (const Value* inherited = merged.find(entry.key)) {
                Value combined = merge_global(*inherited, entry.value);
                merged.set(entry.key, std::move(combined), entry.key_range);
            } else {
                merged.set(entry.key, entry.value, entry.key_range);
            }
        }
        return merged;
    }
    if (global.is_list() && local.is_list()) {
        Value merged = global;
        merged.set_range(local.range());
        for (const Value& item : local.as_list())
            merged.as_list().push_back(item);
        return merged;
    }
    return local;
}

Value with_globals(const Value* globals, std::string_view section, const Value& properties) {
    const Value* shared = globals ? globals->find(section) : nullptr;
    if (shared == nullptr || !shared->is_map()) return properties;
    Value merged = properties;
    for (const Value::Entry& entry : shared->as_map()) {
        if (const Value* own = merged.find(entry.key)) {
            const Value::Entry* own_entry = merged.find_entry(entry.key);
            const SourceRange key_range = own_entry->key_range;
            Value combined = merge_global(entry.value, *own);
            merged.set(entry.key, std::move(combined), key_range);
        } else {
            merged.set(entry.key, entry.value, entry.key_range);
        }
    }
    return merged;
}

}  // namespace bulwark::cloudformation::sam
