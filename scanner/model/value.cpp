#include "model/value.h"

#include <cmath>
#include <cstdio>

namespace bulwark {

const Unknown& Value::UnknownBox::empty() {
    static const Unknown kEmpty;
    return kEmpty;
}

Value::Value(Data data, SourceRange range) : data_(std::move(data)), range_(range) {}

Value Value::null(SourceRange range) {
    return Value(Data{std::monostate{}}, range);
}
Value Value::boolean(bool b, SourceRange range) {
    return Value(Data{b}, range);
}
Value Value::number(double n, SourceRange range) {
    return Value(Data{n}, range);
}
Value Value::string(std::string s, SourceRange range) {
    return Value(Data{std::in_place_type<std::string>, std::move(s)}, range);
}
Value Value::list(List items, SourceRange range) {
    return Value(Data{std::in_place_type<List>, std::move(items)}, range);
}
Value Value::map(Map entries, SourceRange range) {
    return Value(Data{std::in_place_type<Map>, std::move(entries)}, range);
}
Value Value::unknown(std::string reason, std::vector<Reference> references, SourceRange range) {
    return Value(
        Data{std::in_place_type<UnknownBox>, Unknown{std::move(reason), std::move(references), {}}},
        range);
}

Value Value::unknown_text(std::string partial, std::string reason,
                          std::vector<Reference> references, SourceRange range) {
    return Value(Data{std::in_place_type<UnknownBox>,
                      Unknown{std::move(reason), std::move(references), std::move(partial)}},
                 range);
}

const Value::Entry* Value::find_entry(std::string_view key) const {
    if (!is_map()) return nullptr;
    for (const Entry& entry : as_map()) {
        if (entry.key == key) return &entry;
    }
    return nullptr;
}

const Value* Value::find(std::string_view key) const {
    const Entry* entry = find_entry(key);
    return entry ? &entry->value : nullptr;
}

Value* Value::find(std::string_view key) {
    return const_cast<Value*>(static_cast<const Value&>(*this).find(key));
}

void Value::set(std::string key, Value value, SourceRange key_range) {
    Map& entries = as_map();
    for (Entry& entry : entries) {
        if (entry.key == key) {
            entry.value = std::move(value);
            entry.key_range = key_range;
            return;
        }
    }
    entries.push_back(Entry{std::move(key), key_range, std::move(value)});
}

std::size_t Value::node_count() const {
    std::size_t count = 1;
    if (is_list()) {
        for (const Value& item : as_list())
            count += item.node_count();
    } else if (is_map()) {
        for (const Entry& entry : as_map())
            count += entry.value.node_count();
    }
    return count;
}

bool Value::same_as(const Value& other) const {
    if (kind() != other.kind()) return false;
    switch (kind()) {
        case ValueKind::Null:
            return true;
        case ValueKind::Bool:
            return as_bool() == other.as_bool();
        case ValueKind::Number:
            return as_number() == other.as_number();
        case ValueKind::String:
            return as_string() == other.as_string();
        case ValueKind::Unknown:
            return false;  // two unknowns are never known to be equal
        case ValueKind::List: {
            const List& a = as_list();
            const List& b = other.as_list();
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (!a[i].same_as(b[i])) return false;
            }
            return true;
        }
        case ValueKind::Map: {
            const Map& a = as_map();
            const Map& b = other.as_map();
            if (a.size() != b.size()) return false;
            for (const Entry& entry : a) {
                const Value* match = other.find(entry.key);
                if (match == nullptr || !entry.value.same_as(*match)) return false;
            }
            return true;
        }
    }
    return false;
}

std::string_view to_string(ValueKind kind) {
    switch (kind) {
        case ValueKind::Null:
            return "null";
        case ValueKind::Bool:
            return "bool";
        case ValueKind::Number:
            return "number";
        case ValueKind::String:
            return "string";
        case ValueKind::List:
            return "list";
        case ValueKind::Map:
            return "map";
        case ValueKind::Unknown:
            return "unknown";
    }
    return "unknown";
}

std::string format_number(double n) {
    if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", n);
        return buffer;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", n);
    return buffer;
}

std::string describe(const Value& value) {
    switch (value.kind()) {
        case ValueKind::Null:
            return "null";
        case ValueKind::Bool:
            return value.as_bool() ? "true" : "false";
        case ValueKind::Number:
            return format_number(value.as_number());
        case ValueKind::String:
            return value.as_string();
        case ValueKind::List:
            return "[" + std::to_string(value.as_list().size()) + " items]";
        case ValueKind::Map:
            return "{" + std::to_string(value.as_map().size()) + " keys}";
        case ValueKind::Unknown:
            return "(unknown: " + value.as_unknown().reason + ")";
    }
    return "";
}

}  // namespace bulwark
