#include "parsers/terraform/adapters/adapter_support.h"

#include "iam/policy.h"

namespace bulwark::terraform::adapt {

const Value* argument(const Value& body, std::string_view name) {
    const Value* value = body.find(name);
    return value && !value->is_null() ? value : nullptr;
}

const Value* block(const Value& body, std::string_view name) {
    const Value* list = body.find(name);
    if (list == nullptr) return nullptr;
    if (list->is_list()) return list->as_list().empty() ? nullptr : &list->as_list().front();
    return list;  // an object-typed argument written as `name = {...}`
}

std::vector<const Value*> blocks(const Value& body, std::string_view name) {
    std::vector<const Value*> out;
    const Value* list = body.find(name);
    if (list == nullptr) return out;
    if (list->is_list()) {
        for (const Value& item : list->as_list())
            out.push_back(&item);
    } else if (!list->is_null()) {
        out.push_back(list);
    }
    return out;
}

void copy(Value& properties, std::string_view cfn, const Value* value) {
    if (value != nullptr && !value->is_null())
        properties.set(std::string(cfn), *value, value->range());
}

SourceRange header(const NativeResource& native) {
    SourceRange range = native.range;
    range.end = {range.begin.line, range.begin.column + 8};
    return range;
}

void copy_or_default(Value& properties, std::string_view cfn, const Value* value, Value fallback,
                     const NativeResource& native) {
    if (value != nullptr && !value->is_null()) {
        copy(properties, cfn, value);
        return;
    }
    fallback.set_range(header(native));
    properties.set(std::string(cfn), std::move(fallback), header(native));
}

Value policy_document(const Value& policy) {
    if (!policy.is_string()) return policy;
    // Heredoc JSON keeps each value's own line (shared with the IAM analyzer).
    std::optional<Value> document = iam::parse_json_string(policy);
    if (!document) return Value::unknown("policy is not valid JSON", {}, policy.range());
    return std::move(*document);
}

void set_path(Value& properties, std::initializer_list<std::string_view> path, Value value) {
    const SourceRange at = value.range();
    Value* current = &properties;
    std::size_t i = 0;
    for (std::string_view key : path) {
        if (++i == path.size()) {
            current->set(std::string(key), std::move(value), at);
            return;
        }
        Value* next = current->find(key);
        if (next == nullptr || !next->is_map()) {
            current->set(std::string(key), Value::map({}, at), at);
            next = current->find(key);
        }
        current = next;
    }
}

void copy_entries(Value& properties, std::string_view cfn, const Value* map,
                  std::string_view key_name) {
    if (map == nullptr) return;
    if (!map->is_map()) {
        copy(properties, cfn, map);
        return;
    }
    Value list = Value::list({}, map->range());
    list.as_list().reserve(map->as_map().size());
    for (const Value::Entry& entry : map->as_map()) {
        Value item = Value::map({}, entry.key_range);
        item.as_map().reserve(2);
        item.set(std::string(key_name), Value::string(entry.key, entry.key_range), entry.key_range);
        item.set("Value", entry.value, entry.value.range());
        list.as_list().push_back(std::move(item));
    }
    properties.set(std::string(cfn), std::move(list), map->range());
}

void copy_tags(Value& properties, std::string_view cfn, const Value& body) {
    copy_entries(properties, cfn, argument(body, "tags"), "Key");
}

void copy_json(Value& properties, std::string_view cfn, const Value* json) {
    if (json != nullptr) properties.set(std::string(cfn), policy_document(*json), json->range());
}

void copy_bool(Value& properties, std::string_view cfn, const Value* value, EmptyString empty) {
    if (value != nullptr && value->is_string()) {
        const std::string& text = value->as_string();
        if (text.empty() && empty == EmptyString::kUnset) return;
        if (text == "true" || text == "false") {
            properties.set(std::string(cfn), Value::boolean(text == "true", value->range()),
                           value->range());
            return;
        }
    }
    copy(properties, cfn, value);
}

void copy_fields(Value& out, const Value& body, std::initializer_list<Field> fields) {
    for (const Field& field : fields)
        copy(out, field.cfn, argument(body, field.native));
}

Value sub_block(const Value& block, std::initializer_list<Field> fields) {
    if (block.is_unknown()) return block;
    Value out = Value::map({}, block.range());
    copy_fields(out, block, fields);
    return out;
}

void set_sub_block(Value& out, std::string_view cfn, const Value& body, std::string_view native,
                   std::initializer_list<Field> fields) {
    if (const Value* nested = block(body, native)) {
        out.set(std::string(cfn), sub_block(*nested, fields), nested->range());
    }
}

}  // namespace bulwark::terraform::adapt
