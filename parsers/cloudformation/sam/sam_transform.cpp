#include "parsers/cloudformation/sam/sam_transform.h"

#include <algorithm>

#include "parsers/cloudformation/sam/globals.h"
#include "parsers/cloudformation/sam/sam_support.h"
#include "parsers/cloudformation/transforms.h"

namespace bulwark::cloudformation::sam {
namespace {

constexpr std::string_view kSamTransform = "AWS::Serverless-2016-10-31";

struct Kind {
    std::string_view type;
    std::string_view globals;  // its Globals section; empty: none
    void (*expand)(const SamResource&, Expansion&);
    int order;  // functions first: their events add routes to the APIs
};

constexpr Kind kKinds[] = {
    {"AWS::Serverless::Function", "Function", expand_function, 0},
    {"AWS::Serverless::StateMachine", "StateMachine", expand_state_machine, 0},
    {"AWS::Serverless::Api", "Api", expand_api, 1},
    {"AWS::Serverless::HttpApi", "HttpApi", expand_http_api, 1},
    {"AWS::Serverless::SimpleTable", "SimpleTable", expand_simple_table, 1},
    {"AWS::Serverless::LayerVersion", "LayerVersion", expand_layer_version, 1},
    {"AWS::Serverless::Application", "", expand_application, 1},
};

const Kind* kind_of(std::string_view type) {
    for (const Kind& kind : kKinds) {
        if (kind.type == type) return &kind;
    }
    return nullptr;
}

// The implicit API SAM creates for events that name no API: Globals apply to it too.
void add_implicit_api(std::string id, std::string_view type, const Route& first,
                      const Value* globals, std::string_view section, Value defaults,
                      Expansion& expansion) {
    static const Value kNoAttributes = Value::map({});
    SamResource api{std::move(id), std::string(type), first.at, &kNoAttributes,
                    with_globals(globals, section, defaults)};
    expansion.begin(api.id);
    (type == "AWS::Serverless::Api" ? expand_api : expand_http_api)(api, expansion);
}

void add_bucket_notifications(Value& resources, Expansion& expansion) {
    for (auto& [bucket_id, configuration] : expansion.bucket_notifications) {
        Value* bucket = resources.find(bucket_id);
        const Value* type = bucket ? bucket->find("Type") : nullptr;
        if (!type || !type->is_string() || type->as_string() != "AWS::S3::Bucket") {
            expansion.note(configuration.range(), "S3 event names " + bucket_id +
                                                      ", which is not a bucket of this template");
            continue;
        }
        const SourceRange at = configuration.range();
        if (bucket->find("Properties") == nullptr) bucket->set("Properties", object(at), at);
        Value* properties = bucket->find("Properties");
        if (!properties->is_map()) continue;
        if (properties->find("NotificationConfiguration") == nullptr) {
            properties->set("NotificationConfiguration", object(at), at);
        }
        Value* notification = properties->find("NotificationConfiguration");
        if (!notification->is_map()) continue;
        if (notification->find("LambdaConfigurations") == nullptr) {
            notification->set("LambdaConfigurations", list_of({}, at), at);
        }
        Value* lambdas = notification->find("LambdaConfigurations");
        if (lambdas->is_list()) lambdas->as_list().push_back(std::move(configuration));
    }
}

// `!Ref MyApi.Stage`, `!GetAtt MyFunction.Alias.Arn`: SAM points these at the generated resource.
void resolve_referenceable(Value& node, const Expansion& expansion) {
    if (node.is_list()) {
        for (Value& item : node.as_list())
            resolve_referenceable(item, expansion);
        return;
    }
    if (!node.is_map()) return;
    if (node.as_map().size() == 1) {
        Value::Entry& only = node.as_map().front();
        const auto& table = expansion.referenceable;
        if (only.key == "Ref" && only.value.is_string()) {
            if (auto it = table.find(only.value.as_string()); it != table.end()) {
                only.value = Value::string(it->second, only.value.range());
            }
            return;
        }
        if (only.key == "Fn::GetAtt") {
            Value& argument = only.value;
            if (argument.is_list() && !argument.as_list().empty() &&
                argument.as_list()[0].is_string()) {
                Value& target = argument.as_list()[0];
                if (auto it = table.find(target.as_string()); it != table.end()) {
                    target = Value::string(it->second, target.range());
                }
            } else if (argument.is_string()) {
                const std::string& text = argument.as_string();
                const std::size_t second_dot = text.find('.', text.find('.') + 1);
                if (second_dot != std::string::npos) {
                    if (auto it = table.find(std::string_view(text).substr(0, second_dot));
                        it != table.end()) {
                        argument =
                            Value::string(it->second + text.substr(second_dot), argument.range());
                    }
                }
            }
            return;
        }
    }
    for (Value::Entry& entry : node.as_map())
        resolve_referenceable(entry.value, expansion);
}

}  // namespace

bool is_sam_template(const Value& root) {
    return declares_transform(root, kSamTransform);
}

void transform(Value& root, Origins& origins, std::vector<Diagnostic>& diagnostics) {
    Value* resources = root.find("Resources");
    if (resources == nullptr || !resources->is_map()) return;
    const Value* globals = root.find("Globals");
    Expansion expansion(origins, diagnostics);

    struct Pending {
        const Kind* kind;
        SamResource resource;
    };
    std::vector<Pending> pending;
    for (const Value::Entry& entry : resources->as_map()) {
        const Value* type = entry.value.find("Type");
        if (!entry.value.is_map() || !type || !type->is_string() ||
            !type->as_string().starts_with("AWS::Serverless::")) {
            continue;
        }
        const Kind* kind = kind_of(type->as_string());
        if (kind == nullptr) {
            expansion.note(entry.key_range,
                           type->as_string() + " " + entry.key +
                               " is not expanded by Bulwark; it is scanned as written");
            continue;
        }
        const Value* written = entry.value.find("Properties");
        if (written && !written->is_map()) {
            expansion.note(written->range(),
                           "the Properties of " + entry.key + " must be a mapping",
                           DiagnosticSeverity::Error);
            continue;
        }
        Value properties = written ? *written : Value::map({}, entry.key_range);
        if (!kind->globals.empty()) properties = with_globals(globals, kind->globals, properties);
        pending.push_back(Pending{kind, SamResource{entry.key, type->as_string(), entry.key_range,
                                                    &entry.value, std::move(properties)}});
    }
    if (pending.empty()) return;
    for (int order = 0; order < 2; ++order) {
        for (const Pending& item : pending) {
            if (item.kind->order != order) continue;
            expansion.begin(item.resource.id);
            item.kind->expand(item.resource, expansion);
        }
    }
    std::vector<std::string> implicit;
    auto needs_implicit = [&](const auto& routes) -> const Route* {
        for (const auto& [api, route] : routes) {
            if (api.empty()) return &route;
        }
        return nullptr;
    };
    if (const Route* first = needs_implicit(expansion.rest_routes);
        first && resources->find("ServerlessRestApi") == nullptr) {
        Value defaults = Value::map({}, first->at);
        defaults.set("StageName", Value::string("Prod", first->at), first->at);
        add_implicit_api("ServerlessRestApi", "AWS::Serverless::Api", *first, globals, "Api",
                         std::move(defaults), expansion);
        implicit.push_back("ServerlessRestApi");
    }
    if (const Route* first = needs_implicit(expansion.http_routes);
        first && resources->find("ServerlessHttpApi") == nullptr) {
        add_implicit_api("ServerlessHttpApi", "AWS::Serverless::HttpApi", *first, globals,
                         "HttpApi", Value::map({}, first->at), expansion);
        implicit.push_back("ServerlessHttpApi");
    }

    // Each SAM resource is replaced, in place, by what it generates; implicit APIs go last.
    Value::Map rewritten;
    for (Value::Entry& entry : resources->as_map()) {
        Value::Map generated = expansion.take(entry.key);
        if (generated.empty()) {
            rewritten.push_back(std::move(entry));
            continue;
        }
        for (Value::Entry& item : generated)
            rewritten.push_back(std::move(item));
    }
    for (const std::string& id : implicit) {
        for (Value::Entry& item : expansion.take(id))
            rewritten.push_back(std::move(item));
    }
    *resources = Value::map(std::move(rewritten), resources->range());
    add_bucket_notifications(*resources, expansion);
    if (!expansion.referenceable.empty()) {
        for (Value::Entry& section : root.as_map()) {
            if (section.key == "Resources" || section.key == "Outputs" ||
                section.key == "Conditions") {
                resolve_referenceable(section.value, expansion);
            }
        }
    }
    root.as_map().erase(std::remove_if(root.as_map().begin(), root.as_map().end(),
                                       [](const Value::Entry& e) { return e.key == "Globals"; }),
                        root.as_map().end());
}

}  // namespace bulwark::cloudformation::sam
