// AWS::Serverless::Api (and the implicit ServerlessRestApi) -> AWS::ApiGateway::RestApi,
// <Id>Deployment and <Id><StageName>Stage, with the stage settings rules look at (access logs,
// method settings, tracing, cache).
#include <algorithm>
#include <cctype>

#include "parsers/cloudformation/sam/sam_support.h"
#include "util/text.h"

namespace bulwark::cloudformation::sam {
namespace {

Value integration_uri(const Route& route) {
    return sub(std::string("arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/"
                           "functions/${") +
                   route.function + ".Arn}/invocations",
               route.at);
}

// paths: {<path>: {<method>: {x-amazon-apigateway-integration: ..., security?}}}
Value paths_of(const std::vector<const Route*>& routes, const SourceRange& at, bool http) {
    Value paths = object(at);
    for (const Route* route : routes) {
        if (!route->path.is_string() || !route->method.is_string()) continue;
        std::string method = ascii_lower(route->method.as_string());
        if (method == "any") method = "x-amazon-apigateway-any-method";
        Value integration = object(route->at);
        integration.set("type", text("aws_proxy", route->at), route->at);
        integration.set("httpMethod", text("POST", route->at), route->at);
        integration.set("uri", integration_uri(*route), route->at);
        if (http) integration.set("payloadFormatVersion", text("2.0", route->at), route->at);
        Value operation = object(route->at);
        operation.set("x-amazon-apigateway-integration", std::move(integration), route->at);
        operation.set("responses", object(route->at), route->at);
        if (route->auth && route->auth->is_map()) {
            Value security = list_of({}, route->auth->range());
            if (const Value* authorizer = route->auth->find("Authorizer");
                authorizer && authorizer->is_string() && authorizer->as_string() != "NONE") {
                Value requirement = object(authorizer->range());
                requirement.set(authorizer->as_string(), list_of({}, authorizer->range()),
                                authorizer->range());
                security.as_list().push_back(std::move(requirement));
            }
            if (const Value* key = route->auth->find("ApiKeyRequired");
                key && key->is_bool() && key->as_bool()) {
                Value requirement = object(key->range());
                requirement.set("api_key", list_of({}, key->range()), key->range());
                security.as_list().push_back(std::move(requirement));
            }
            if (!security.as_list().empty())
                operation.set("security", std::move(security), route->at);
        }
        const std::string& path = route->path.as_string();
        if (paths.find(path) == nullptr)
            paths.set(path, object(route->path.range()), route->path.range());
        paths.find(path)->set(method, std::move(operation), route->method.range());
    }
    return paths;
}

}  // namespace

Value rest_api_body(const std::vector<const Route*>& routes, const SourceRange& at) {
    Value info = object(at);
    info.set("version", text("1.0", at), at);
    info.set("title", ref("AWS::StackName", at), at);
    Value body = object(at);
    body.set("swagger", text("2.0", at), at);
    body.set("info", std::move(info), at);
    body.set("paths", paths_of(routes, at, false), at);
    return body;
}

Value http_api_body(const std::vector<const Route*>& routes, const SourceRange& at) {
    Value info = object(at);
    info.set("version", text("1.0", at), at);
    info.set("title", ref("AWS::StackName", at), at);
    Value body = object(at);
    body.set("openapi", text("3.0.1", at), at);
    body.set("info", std::move(info), at);
    body.set("paths", paths_of(routes, at, true), at);
    return body;
}

void expand_api(const SamResource& api, Expansion& expansion) {
    const SourceRange& at = api.at;
    Value properties = object(at);
    if (const Value::Entry* body = api.entry("DefinitionBody")) {
        properties.set("Body", body->value, body->key_range);
    } else if (const Value::Entry* uri = api.entry("DefinitionUri")) {
        Value location = object(uri->key_range);
        if (uri->value.is_string() && uri->value.as_string().starts_with("s3://")) {
            const std::string path = uri->value.as_string().substr(5);
            const std::size_t slash = path.find('/');
            location.set("Bucket", text(path.substr(0, slash), uri->value.range()), uri->key_range);
            location.set(
                "Key",
                text(slash == std::string::npos ? "" : path.substr(slash + 1), uri->value.range()),
                uri->key_range);
            properties.set("BodyS3Location", std::move(location), uri->key_range);
        } else if (uri->value.is_map()) {
            properties.set("BodyS3Location", uri->value, uri->key_range);
        } else {  // a local file that sam package uploads
            properties.set("Body",
                           Value::unknown("API definition in a local file", {}, uri->value.range()),
                           uri->key_range);
        }
    } else {
        std::vector<const Route*> routes;
        const std::string key = api.id == "ServerlessRestApi" ? "" : api.id;
        for (const auto& [target, route] : expansion.rest_routes) {
            if (target == key) routes.push_back(&route);
        }
        properties.set("Body", rest_api_body(routes, at), at);
    }
    for (std::string_view name :
         {"Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "ApiKeySourceType",
          "DisableExecuteApiEndpoint", "FailOnWarnings", "Mode", "Policy"}) {
        copy(api, properties, name);
    }
    if (const Value::Entry* endpoint = api.entry("EndpointConfiguration")) {
        Value config = object(endpoint->key_range);
        if (endpoint->value.is_string() || is_intrinsic(endpoint->value)) {
            config.set("Types", list_of({endpoint->value}, endpoint->value.range()),
                       endpoint->key_range);
        } else if (endpoint->value.is_map()) {
            if (const Value::Entry* type = endpoint->value.find_entry("Type")) {
                config.set("Types", list_of({type->value}, type->value.range()), type->key_range);
            }
            if (const Value::Entry* ids = endpoint->value.find_entry("VPCEndpointIds")) {
                config.set("VpcEndpointIds", ids->value, ids->key_range);
            }
        }
        properties.set("EndpointConfiguration", std::move(config), endpoint->key_range);
    }
    if (api.property("Auth") && api.property("Auth")->find("ResourcePolicy")) {
        expansion.note(api.property("Auth")->range(),
                       "the resource policy SAM builds from Auth.ResourcePolicy is not expanded");
    }
    if (api.property("Domain")) {
        expansion.note(api.property("Domain")->range(),
                       "the custom domain SAM builds from Domain is not expanded");
    }
    expansion.add(api, api.id, "AWS::ApiGateway::RestApi", std::move(properties), true);

    const std::string deployment_id = api.id + "Deployment";
    Value deployment = object(at);
    deployment.set("RestApiId", ref(api.id, at), at);
    deployment.set("Description", text("RestApi deployment", at), at);
    deployment.set("StageName", text("Stage", at), at);
    expansion.add(api, deployment_id, "AWS::ApiGateway::Deployment", std::move(deployment));
    expansion.referenceable[api.id + ".Deployment"] = deployment_id;

    Value stage = object(at);
    stage.set("RestApiId", ref(api.id, at), at);
    stage.set("DeploymentId", ref(deployment_id, at), at);
    const Value::Entry* stage_name = api.entry("StageName");
    if (stage_name) {
        stage.set("StageName", stage_name->value, stage_name->key_range);
    } else {
        expansion.note(at, "SAM needs a StageName for API " + api.id, DiagnosticSeverity::Warning);
    }
    for (std::string_view name : {"AccessLogSetting", "MethodSettings", "TracingEnabled",
                                  "CacheClusterEnabled", "CacheClusterSize", "CanarySetting"}) {
        copy(api, stage, name);
    }
    copy(api, stage, "Variables");
    if (api.property("Tags")) stage.set("Tags", tag_list(api.property("Tags"), at, false), at);
    const std::string suffix = stage_name && stage_name->value.is_string()
                                   ? alphanumeric(stage_name->value.as_string())
                                   : "";
    expansion.add(api, api.id + suffix + "Stage", "AWS::ApiGateway::Stage", std::move(stage));
    expansion.referenceable[api.id + ".Stage"] = api.id + suffix + "Stage";
}

}  // namespace bulwark::cloudformation::sam
