#include "parsers/cloudformation/sam/sam_support.h"

#include <cctype>

namespace bulwark::cloudformation::sam {

Value& Expansion::add(const SamResource& from, std::string id, std::string type, Value properties,
                      bool main) {
    Value resource = object(from.at);
    resource.set("Type", text(std::move(type), from.at), from.at);
    resource.set("Properties", std::move(properties), from.at);
    for (const Value::Entry& attribute : from.body->as_map()) {
        const bool everywhere = attribute.key == "Condition";
        const bool main_only = attribute.key == "DependsOn" || attribute.key == "Metadata" ||
                               attribute.key == "DeletionPolicy" ||
                               attribute.key == "UpdateReplacePolicy";
        if (everywhere || (main && main_only)) {
            resource.set(attribute.key, attribute.value, attribute.key_range);
        }
    }
    origins_[id] = from.type;
    Value::Map& group = groups_[current_];
    group.push_back(Value::Entry{std::move(id), from.at, std::move(resource)});
    return group.back().value;
}

Value::Map Expansion::take(std::string_view id) {
    auto it = groups_.find(id);
    if (it == groups_.end()) return {};
    Value::Map out = std::move(it->second);
    groups_.erase(it);
    return out;
}

Value* Expansion::find(std::string_view id) {
    for (auto& [unused, group] : groups_) {
        for (Value::Entry& entry : group) {
            if (entry.key == id) return &entry.value;
        }
    }
    return nullptr;
}

void Expansion::note(const SourceRange& at, std::string message, DiagnosticSeverity severity) {
    diagnostics_.push_back(
        Diagnostic{at.file, at.begin, severity, DiagnosticCode::Unsupported, std::move(message)});
}

Value text(std::string s, const SourceRange& at) {
    return Value::string(std::move(s), at);
}

Value object(const SourceRange& at) {
    return Value::map({}, at);
}

Value ref(std::string_view id, const SourceRange& at) {
    Value out = object(at);
    out.set("Ref", text(std::string(id), at), at);
    return out;
}

Value get_att(std::string_view id, std::string_view attribute, const SourceRange& at) {
    Value out = object(at);
    out.set("Fn::GetAtt",
            list_of({text(std::string(id), at), text(std::string(attribute), at)}, at), at);
    return out;
}

Value sub(std::string pattern, const SourceRange& at) {
    Value out = object(at);
    out.set("Fn::Sub", text(std::move(pattern), at), at);
    return out;
}

Value sub(std::string pattern, Value variables, const SourceRange& at) {
    Value out = object(at);
    out.set("Fn::Sub", list_of({text(std::move(pattern), at), std::move(variables)}, at), at);
    return out;
}

Value aws_managed_policy(std::string_view name, const SourceRange& at) {
    return sub("arn:${AWS::Partition}:iam::aws:policy/" + std::string(name), at);
}

Value list_of(std::vector<Value> items, const SourceRange& at) {
    return Value::list(std::move(items), at);
}

bool is_intrinsic(const Value& value) {
    if (!value.is_map() || value.as_map().size() != 1) return false;
    const std::string& key = value.as_map().front().key;
    return key == "Ref" || key == "Condition" || key.starts_with("Fn::");
}

Value tag_list(const Value* tags, const SourceRange& at, bool created_by) {
    Value out = list_of({}, tags ? tags->range() : at);
    auto add = [&](const std::string& key, Value value, const SourceRange& key_range) {
        Value tag = object(key_range);
        tag.set("Key", text(key, key_range), key_range);
        tag.set("Value", std::move(value), key_range);
        out.as_list().push_back(std::move(tag));
    };
    if (created_by) add("lambda:createdBy", text("SAM", at), at);
    if (tags && tags->is_map() && !is_intrinsic(*tags)) {
        for (const Value::Entry& entry : tags->as_map())
            add(entry.key, entry.value, entry.key_range);
    }
    return out;
}

void copy(const SamResource& source, Value& target, std::string_view from, std::string_view to) {
    const Value::Entry* entry = source.entry(from);
    if (entry == nullptr) return;
    target.set(std::string(to.empty() ? from : to), entry->value, entry->key_range);
}

Value trust_policy(std::string_view service, const SourceRange& at) {
    Value principal = object(at);
    principal.set("Service", list_of({text(std::string(service), at)}, at), at);
    Value statement = object(at);
    statement.set("Action", list_of({text("sts:AssumeRole", at)}, at), at);
    statement.set("Effect", text("Allow", at), at);
    statement.set("Principal", std::move(principal), at);
    Value document = object(at);
    document.set("Version", text("2012-10-17", at), at);
    document.set("Statement", list_of({std::move(statement)}, at), at);
    return document;
}

std::string alphanumeric(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

}  // namespace bulwark::cloudformation::sam
