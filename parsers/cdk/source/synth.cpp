#include "parsers/cdk/source/synth.h"

#include <algorithm>
#include <cctype>

namespace bulwark::cdk {

// ---- names ----------------------------------------------------------------------------------

std::string to_snake(std::string_view name) {
    std::string out;
    out.reserve(name.size() + 4);
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
        if (upper && i > 0 && name[i - 1] != '_') {
            const char previous = name[i - 1];
            const bool previous_lower = std::islower(static_cast<unsigned char>(previous)) ||
                                        std::isdigit(static_cast<unsigned char>(previous));
            const bool next_lower =
                i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
            const bool previous_upper = std::isupper(static_cast<unsigned char>(previous)) != 0;
            if (previous_lower || (previous_upper && next_lower)) out.push_back('_');
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::string to_pascal(std::string_view name) {
    const std::string snake = to_snake(name);
    std::string out;
    bool start = true;
    for (char c : snake) {
        if (c == '_') {
            start = true;
            continue;
        }
        out.push_back(start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
        start = false;
    }
    return out;
}

const SymEntry* Props::find(std::string_view snake) const {
    for (const SymEntry& entry : entries) {
        if (entry.key == snake) return &entry;
    }
    return nullptr;
}

// ---- store ----------------------------------------------------------------------------------

Object& Store::make_object() {
    objects.push_back(std::make_unique<Object>());
    return *objects.back();
}

SynthResource* Store::find(std::string_view address) {
    auto it = by_address.find(std::string(address));
    return it == by_address.end() ? nullptr : &resources[it->second];
}

// ---- synth ----------------------------------------------------------------------------------

const Sym* Synth::prop(std::string_view snake) {
    if (const SymEntry* entry = props_.find(snake)) return &entry->value;
    if (!props_.open) return nullptr;
    unknowns_.push_back(std::make_unique<Sym>(
        Sym::unknown(std::string(snake) + " may be set by " + props_.open_reason, call_)));
    return unknowns_.back().get();
}

const Sym* Synth::param(std::size_t index, std::string_view keyword) {
    if (const SymEntry* entry = props_.find(keyword)) return &entry->value;
    return arg(index);
}

SynthResource& Synth::emit_at(std::string_view address, std::string_view type,
                              std::string_view native, SourceRange range) {
    if (SynthResource* existing = store_.find(address)) return *existing;
    SynthResource resource;
    resource.address = std::string(address);
    resource.type = std::string(type);
    resource.native_type = std::string(native);
    resource.range = range;
    resource.properties.set_range(range);
    store_.by_address.emplace(resource.address, store_.resources.size());
    store_.resources.push_back(std::move(resource));
    return store_.resources.back();
}

Value& Synth::emit(std::string_view type, std::string_view child) {
    std::string address = self_.path;
    if (!child.empty()) address += "/" + std::string(child);
    SynthResource& resource = emit_at(address, type, self_.cdk_class, call_);
    if (child.empty()) {
        self_.primary = address;
        self_.primary_type = std::string(type);
    }
    return resource.properties;
}

SynthResource* Synth::primary_of(const Object& object) {
    if (object.primary.empty()) return nullptr;
    return store_.find(object.primary);
}

Value* Synth::properties_of(const Object& object) {
    SynthResource* resource = primary_of(object);
    return resource ? &resource->properties : nullptr;
}

Object& Synth::make_child(std::string_view id, std::string_view cdk_class) {
    Object& child = store_.make_object();
    child.kind = ObjectKind::Construct;
    child.cdk_class = std::string(cdk_class);
    child.path = self_.path + "/" + std::string(id);
    child.range = call_;
    return child;
}

void Synth::set(Value& properties, std::string_view key, Value value) {
    const SourceRange range = value.range();
    properties.set(std::string(key), std::move(value), range);
}

// ---- conversions ----------------------------------------------------------------------------

Value reference_to(const Object& object, std::string_view attribute, SourceRange at) {
    if (object.primary.empty()) {
        return Value::unknown(
            "attribute of " + (object.path.empty() ? object.cdk_class : object.path), {}, at);
    }
    std::string reason =
        (attribute.empty() ? "reference to " : std::string(attribute) + " of ") + object.primary;
    return Value::unknown(std::move(reason), {{object.primary, std::string(attribute)}}, at);
}

Value to_value(const Sym& sym) {
    switch (sym.kind) {
        case SymKind::Data:
            return sym.data;
        case SymKind::List: {
            Value::List items;
            for (const Sym& item : sym.items)
                items.push_back(to_value(item));
            return Value::list(std::move(items), sym.range);
        }
        case SymKind::Dict: {
            Value out = Value::map({}, sym.range);
            for (const SymEntry& entry : sym.entries) {
                if (entry.key.empty()) return Value::unknown("a computed key", {}, sym.range);
                out.set(entry.key, to_value(entry.value), entry.key_range);
            }
            return out;
        }
        case SymKind::Object:
            if (sym.object != nullptr && !sym.object->primary.empty()) {
                return reference_to(*sym.object, "", sym.range);
            }
            return Value::unknown(
                "a CDK object (" + (sym.object ? sym.object->cdk_class : std::string()) + ")", {},
                sym.range);
        case SymKind::CdkName:
            return Value::unknown("a CDK value (" + sym.name + ")", {}, sym.range);
        default:
            return Value::unknown("not a value", {}, sym.range);
    }
}

std::optional<std::string> member_of(const Sym* sym, std::string_view owner) {
    if (sym == nullptr || sym->kind != SymKind::CdkName) return std::nullopt;
    const std::size_t dot = sym->name.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::string_view prefix = std::string_view(sym->name).substr(0, dot);
    if (prefix != owner && !prefix.ends_with("." + std::string(owner))) return std::nullopt;
    return sym->name.substr(dot + 1);
}

bool is_class(const Object* object, std::string_view suffix) {
    if (object == nullptr) return false;
    const std::string& name = object->cdk_class;
    return name == suffix || (name.size() > suffix.size() && name.ends_with(suffix) &&
                              name[name.size() - suffix.size() - 1] == '.');
}

const Object* object_of(const Sym* sym) {
    if (sym == nullptr || sym->kind != SymKind::Object) return nullptr;
    return sym->object;
}

std::optional<Value> bool_value(const Sym* sym) {
    if (sym == nullptr || !sym->is_data()) return std::nullopt;
    if (sym->data.is_bool() || sym->data.is_unknown()) return sym->data;
    return std::nullopt;
}

std::optional<Value> number_value(const Sym* sym) {
    if (sym == nullptr || !sym->is_data()) return std::nullopt;
    if (sym->data.is_number() || sym->data.is_unknown()) return sym->data;
    return std::nullopt;
}

std::optional<Value> string_value(const Sym* sym) {
    if (sym == nullptr) return std::nullopt;
    if (sym->is_data()) {
        if (sym->data.is_string() || sym->data.is_unknown()) return sym->data;
        return std::nullopt;
    }
    if (sym->kind == SymKind::Object || sym->kind == SymKind::CdkName) return to_value(*sym);
    return std::nullopt;
}

std::optional<Value> duration_seconds(const Sym* sym) {
    if (sym == nullptr) return std::nullopt;
    if (sym->is_unknown()) return sym->data;
    const Object* duration = object_of(sym);
    if (duration == nullptr || !duration->cdk_class.starts_with("core.Duration.")) {
        return std::nullopt;
    }
    const std::string unit = duration->cdk_class.substr(std::string("core.Duration.").size());
    double factor = 0;
    if (unit == "millis") factor = 0.001;
    if (unit == "seconds") factor = 1;
    if (unit == "minutes") factor = 60;
    if (unit == "hours") factor = 3600;
    if (unit == "days") factor = 86400;
    if (factor == 0 || duration->args.empty()) {
        return Value::unknown("duration " + unit, {}, sym->range);
    }
    const Sym& amount = duration->args.front();
    if (!amount.is_data() || !amount.data.is_number()) {
        return Value::unknown("duration of an unknown amount", {}, sym->range);
    }
    return Value::number(amount.data.as_number() * factor, sym->range);
}

std::optional<std::string> removal_policy_name(const Sym* sym) {
    auto member = member_of(sym, "RemovalPolicy");
    if (!member) return std::nullopt;
    if (*member == "DESTROY") return "Delete";
    if (*member == "RETAIN" || *member == "RETAIN_ON_UPDATE_OR_DELETE") return "Retain";
    if (*member == "SNAPSHOT") return "Snapshot";
    return std::nullopt;
}

void apply_removal_policy(Synth& synth, SynthResource& resource, std::string_view fallback) {
    const Sym* policy = synth.prop("removal_policy");
    Value value;
    if (policy == nullptr) {
        if (fallback.empty()) return;
        value = synth.fallback(Value::string(std::string(fallback)));
    } else if (auto name = removal_policy_name(policy)) {
        value = Value::string(*name, policy->range);
    } else {
        value = Value::unknown("removal policy not known", {}, policy->range);
    }
    Synth::set(resource.attributes, "DeletionPolicy", value);
    Synth::set(resource.attributes, "UpdateReplacePolicy", value);
}

// ---- catalog --------------------------------------------------------------------------------

const ConstructEntry* Catalog::construct(std::string_view cdk_class) const {
    for (const ConstructEntry& entry : constructs) {
        if (entry.cdk_class == cdk_class) return &entry;
    }
    return nullptr;
}

const MethodEntry* Catalog::method(std::string_view cdk_class, std::string_view name) const {
    for (const MethodEntry& entry : methods) {
        if (entry.cdk_class == cdk_class && entry.method == name) return &entry;
    }
    return nullptr;
}

const Catalog& catalog() {
    static const Catalog kCatalog = [] {
        Catalog c;
        add_core_constructs(c);
        add_s3_constructs(c);
        add_kms_constructs(c);
        add_dynamodb_constructs(c);
        add_kinesis_constructs(c);
        add_lambda_constructs(c);
        add_iam_constructs(c);
        add_secretsmanager_constructs(c);
        add_sqs_constructs(c);
        add_sns_constructs(c);
        add_logs_constructs(c);
        add_ec2_constructs(c);
        add_rds_constructs(c);
        add_cloudtrail_constructs(c);
        add_ecr_constructs(c);
        add_efs_constructs(c);
        add_elbv2_constructs(c);
        add_apigateway_constructs(c);
        return c;
    }();
    return kCatalog;
}

}  // namespace bulwark::cdk
