// aws_apigateway: RestApi / LambdaRestApi with the deployment and stage CDK creates, resources
// and methods (authorization), and the stage settings (tracing, logging, access logs).
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

Sym object_ref(Object& o, SourceRange at) {
    Sym s;
    s.kind = SymKind::Object;
    s.object = &o;
    s.range = at;
    return s;
}

const Sym* entry_of(const Sym* dict, std::string_view key) {
    if (dict == nullptr) return nullptr;
    const std::vector<SymEntry>* entries = nullptr;
    if (dict->kind == SymKind::Dict) entries = &dict->entries;
    if (const Object* o = object_of(dict)) entries = &o->props.entries;
    if (entries == nullptr) return nullptr;
    for (const SymEntry& e : *entries) {
        if (to_snake(e.key) == key) return &e.value;
    }
    return nullptr;
}

// A REST API resource object (the root is <api>/Default): add_resource and add_method work on it.
Object& make_resource(Synth& s, Object& api, const std::string& path, Value id) {
    Object& resource = s.store().make_object();
    resource.kind = ObjectKind::Construct;
    resource.cdk_class = "aws_apigateway.Resource";
    resource.path = path;
    resource.range = s.call();
    resource.fields["api"] = object_ref(api, s.call());
    resource.fields["resource_id"] = Sym::of(std::move(id));
    return resource;
}

Object& api_of(Object& resource) {
    auto it = resource.fields.find("api");
    return it != resource.fields.end() && it->second.kind == SymKind::Object ? *it->second.object
                                                                             : resource;
}

void add_method_at(Synth& s, Object& resource, const Sym* method, const Sym* options) {
    const std::string verb = method && method->is_data() && method->data.is_string()
                                 ? method->data.as_string()
                                 : "${method}";
    Object& api = api_of(resource);
    const std::string address = resource.path + "/" + verb;
    SynthResource& r =
        s.emit_at(address, "AWS::ApiGateway::Method", "aws_apigateway.Method", s.call());
    Value& p = r.properties;
    Synth::set(p, "HttpMethod",
               method ? to_value(*method) : s.fallback(Value::unknown("method", {})));
    Synth::set(p, "ResourceId", resource.fields["resource_id"].data);
    Synth::set(p, "RestApiId", reference_to(api, "", s.call()));
    const Sym* authorization = entry_of(options, "authorization_type");
    if (authorization == nullptr) {
        auto defaults = api.fields.find("default_method_options");
        if (defaults != api.fields.end())
            authorization = entry_of(&defaults->second, "authorization_type");
    }
    if (authorization == nullptr && entry_of(options, "authorizer") != nullptr) {
        Synth::set(p, "AuthorizationType", Value::unknown("the authorizer's type", {}, s.call()));
    } else if (auto member = member_of(authorization, "AuthorizationType")) {
        Synth::set(p, "AuthorizationType",
                   Value::string(*member == "COGNITO" ? "COGNITO_USER_POOLS" : *member,
                                 authorization->range));
    } else if (authorization != nullptr) {
        Synth::set(p, "AuthorizationType", to_value(*authorization));
    } else {
        Synth::set(p, "AuthorizationType", s.fallback(Value::string("NONE")));
    }
    if (const Sym* key = entry_of(options, "api_key_required"))
        Synth::set(p, "ApiKeyRequired", to_value(*key));
}

Sym add_method(Synth& s) {
    // Method options come as keyword arguments (Python) or a trailing object (TypeScript).
    Sym options;
    options.kind = SymKind::Dict;
    options.range = s.call();
    options.entries = s.props().entries;
    options.open = s.props().open;
    add_method_at(s, s.self(), s.param(0, "http_method"), &options);
    return Sym::of(Value::null(s.call()));
}

Sym add_resource(Synth& s) {
    const Sym* part = s.param(0, "path_part");
    const std::string name =
        part && part->is_data() && part->data.is_string() ? part->data.as_string() : "${path}";
    Object& api = api_of(s.self());
    const std::string address = s.self().path + "/" + name;
    if (SynthResource* existing = s.store().find(address)) (void)existing;
    SynthResource& r =
        s.emit_at(address, "AWS::ApiGateway::Resource", "aws_apigateway.Resource", s.call());
    Synth::set(r.properties, "ParentId", s.self().fields["resource_id"].data);
    Synth::set(r.properties, "PathPart",
               part ? to_value(*part) : s.fallback(Value::unknown("path", {})));
    Synth::set(r.properties, "RestApiId", reference_to(api, "", s.call()));
    Object& child = make_resource(
        s, api, address, Value::unknown("reference to " + address, {{address, ""}}, s.call()));
    child.primary = address;
    child.primary_type = "AWS::ApiGateway::Resource";
    return object_ref(child, s.call());
}

void stage(Synth& s, Object& api) {
    const Sym* deploy = s.prop("deploy");
    if (deploy != nullptr && deploy->is_data() && deploy->data.is_bool() && !deploy->data.as_bool())
        return;
    const Sym* options = s.prop("deploy_options");
    const Sym* stage_name = entry_of(options, "stage_name");
    const std::string name = stage_name && stage_name->is_data() && stage_name->data.is_string()
                                 ? stage_name->data.as_string()
                                 : "prod";
    const std::string deployment = api.path + "/Deployment";
    SynthResource& d =
        s.emit_at(deployment, "AWS::ApiGateway::Deployment", "aws_apigateway.Deployment", s.call());
    Synth::set(d.properties, "RestApiId", reference_to(api, "", s.call()));
    Synth::set(d.properties, "Description",
               s.fallback(Value::string("Automatically created by the RestApi construct")));
    const std::string address = api.path + "/DeploymentStage." + name;
    SynthResource& r =
        s.emit_at(address, "AWS::ApiGateway::Stage", "aws_apigateway.Stage", s.call());
    Value& p = r.properties;
    Synth::set(p, "DeploymentId",
               Value::unknown("reference to " + deployment, {{deployment, ""}}, s.call()));
    Synth::set(p, "RestApiId", reference_to(api, "", s.call()));
    Synth::set(p, "StageName",
               stage_name ? to_value(*stage_name) : s.fallback(Value::string("prod")));
    if (const Sym* v = entry_of(options, "tracing_enabled"))
        Synth::set(p, "TracingEnabled", to_value(*v));
    // cache_cluster_enabled is the stage's cache; caching_enabled and cache_data_encrypted are
    // method options, which CDK writes into the stage's /*/* method setting.
    if (const Sym* v = entry_of(options, "cache_cluster_enabled"))
        Synth::set(p, "CacheClusterEnabled", to_value(*v));
    const Sym* logging = entry_of(options, "logging_level");
    const Sym* metrics = entry_of(options, "metrics_enabled");
    const Sym* trace = entry_of(options, "data_trace_enabled");
    const Sym* caching = entry_of(options, "caching_enabled");
    const Sym* cache_encrypted = entry_of(options, "cache_data_encrypted");
    if (logging || metrics || trace || caching || cache_encrypted) {
        Value setting = Value::map({}, options->range);
        Synth::set(setting, "HttpMethod", Value::string("*", options->range));
        Synth::set(setting, "ResourcePath", Value::string("/*", options->range));
        if (logging) {
            auto member = member_of(logging, "MethodLoggingLevel");
            Synth::set(setting, "LoggingLevel",
                       member ? Value::string(*member, logging->range) : to_value(*logging));
        }
        if (metrics) Synth::set(setting, "MetricsEnabled", to_value(*metrics));
        if (trace) Synth::set(setting, "DataTraceEnabled", to_value(*trace));
        if (caching) Synth::set(setting, "CachingEnabled", to_value(*caching));
        if (cache_encrypted) Synth::set(setting, "CacheDataEncrypted", to_value(*cache_encrypted));
        Synth::set(p, "MethodSettings", Value::list({std::move(setting)}, options->range));
    }
    if (const Sym* v = entry_of(options, "access_log_destination")) {
        Value access = Value::map({}, v->range);
        const Object* o = object_of(v);
        const Object* group = o && !o->args.empty() ? object_of(&o->args.front()) : nullptr;
        Synth::set(access, "DestinationArn",
                   group ? reference_to(*group, "Arn", v->range)
                         : Value::unknown("a log destination", {}, v->range));
        Synth::set(p, "AccessLogSetting", std::move(access));
    }
}

void rest_api(Synth& s) {
    Object& api = s.self();
    Value& p = s.emit("AWS::ApiGateway::RestApi");
    const Sym* name = s.prop("rest_api_name");
    const std::string id = api.path.substr(api.path.rfind('/') + 1);
    Synth::set(p, "Name", name ? to_value(*name) : s.fallback(Value::string(id)));
    if (const Sym* v = s.prop("description")) Synth::set(p, "Description", to_value(*v));
    if (const Sym* v = s.prop("policy")) Synth::set(p, "Policy", iam::document(*v));
    if (const Sym* v = s.prop("disable_execute_api_endpoint")) {
        Synth::set(p, "DisableExecuteApiEndpoint", to_value(*v));
    }
    if (const Sym* v = s.prop("endpoint_types"); v && v->kind == SymKind::List) {
        Value::List types;
        for (const Sym& t : v->items) {
            auto member = member_of(&t, "EndpointType");
            types.push_back(member ? Value::string(*member, t.range) : to_value(t));
        }
        Value config = Value::map({}, v->range);
        Synth::set(config, "Types", Value::list(std::move(types), v->range));
        Synth::set(p, "EndpointConfiguration", std::move(config));
    }
    if (const Sym* v = s.prop("default_method_options")) api.fields["default_method_options"] = *v;
    Object& root =
        make_resource(s, api, api.path + "/Default", reference_to(api, "RootResourceId", s.call()));
    api.fields["root"] = object_ref(root, s.call());
    stage(s, api);
    // LambdaRestApi proxies every path to its handler unless proxy=False.
    if (api.cdk_class.ends_with("LambdaRestApi")) {
        const Sym* proxy = s.prop("proxy");
        const bool proxies = proxy == nullptr ||
                             (proxy->is_data() && proxy->data.is_bool() && proxy->data.as_bool());
        if (proxies) {
            Sym any = Sym::of(Value::string("ANY", s.call()));
            std::vector<Sym> args{Sym::of(Value::string("{proxy+}", s.call()))};
            Props none;
            Synth child(s.store(), root, args, none, s.call());
            Sym proxy_resource = add_resource(child);
            add_method_at(s, root, &any, nullptr);
            add_method_at(s, *proxy_resource.object, &any, nullptr);
        }
    }
}

}  // namespace

void add_apigateway_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_apigateway.RestApi", rest_api});
    catalog.methods.push_back({"aws_apigateway.Resource", "add_method", add_method});
    catalog.methods.push_back({"aws_apigateway.Resource", "add_resource", add_resource});
}

}  // namespace bulwark::cdk
