// API Gateway: aws_api_gateway_rest_api (AWS::ApiGateway::RestApi) with its attached
// aws_api_gateway_rest_api_policy, aws_api_gateway_stage (AWS::ApiGateway::Stage) with its
// attached aws_api_gateway_method_settings, aws_api_gateway_method (AWS::ApiGateway::Method),
// aws_api_gateway_domain_name (AWS::ApiGateway::DomainName), and the HTTP / WebSocket APIs:
// aws_apigatewayv2_api (AWS::ApiGatewayV2::Api), aws_apigatewayv2_stage
// (AWS::ApiGatewayV2::Stage), aws_apigatewayv2_route (AWS::ApiGatewayV2::Route).
#include <string>
#include <vector>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// ---- REST APIs ---------------------------------------------------------------------------------

void rest_api(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"},
                 {"description", "Description"},
                 {"api_key_source", "ApiKeySourceType"},
                 {"binary_media_types", "BinaryMediaTypes"},
                 {"disable_execute_api_endpoint", "DisableExecuteApiEndpoint"},
                 {"minimum_compression_size", "MinimumCompressionSize"}});
    set_sub_block(properties, "EndpointConfiguration", body, "endpoint_configuration",
                  {{"types", "Types"},
                   {"vpc_endpoint_ids", "VpcEndpointIds"},
                   {"ip_address_type", "IpAddressType"}});
    if (const Value* policy = argument(body, "policy")) {
        properties.set("Policy", policy_document(*policy), policy->range());
    }
    copy_tags(properties, "Tags", body);
}

// aws_api_gateway_rest_api_policy sets the API's resource policy (CloudFormation's Policy).
void merge_rest_api_policy(const NativeResource& native, Value& api) {
    if (const Value* policy = argument(native.body, "policy")) {
        api.set("Policy", policy_document(*policy), policy->range());
    }
}

void stage(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"stage_name", "StageName"},
                 {"rest_api_id", "RestApiId"},
                 {"deployment_id", "DeploymentId"},
                 {"description", "Description"},
                 {"xray_tracing_enabled", "TracingEnabled"},
                 {"client_certificate_id", "ClientCertificateId"},
                 {"cache_cluster_enabled", "CacheClusterEnabled"},
                 {"cache_cluster_size", "CacheClusterSize"},
                 {"documentation_version", "DocumentationVersion"},
                 {"variables", "Variables"}});
    set_sub_block(properties, "AccessLogSetting", body, "access_log_settings",
                  {{"destination_arn", "DestinationArn"}, {"format", "Format"}});
    copy_tags(properties, "Tags", body);
}

// CloudFormation's ResourcePath for a Terraform resource path without its leading slash: "*" is
// every resource ("/*"), "" the root ("/"), and the slashes of a path are written "~1"
// ("users/{id}" is "/~1users~1{id}").
std::string resource_path(std::string_view resource) {
    if (resource == "*") return "/*";
    std::string encoded = "/";
    if (resource.empty()) return encoded;
    encoded.append("~1");
    for (char c : resource) {
        if (c == '/') {
            encoded.append("~1");
        } else {
            encoded.push_back(c);
        }
    }
    return encoded;
}

// method_path "{resource path}/{HTTP method}" as CloudFormation's ResourcePath / HttpMethod
// ("*/*" is every method of every resource: "/*", "*").
void set_method_path(Value& entry, const Value& method_path) {
    if (!method_path.is_string()) {
        entry.set("ResourcePath", method_path, method_path.range());
        entry.set("HttpMethod", method_path, method_path.range());
        return;
    }
    const std::string_view path = method_path.as_string();
    const std::size_t slash = path.rfind('/');
    const std::string_view resource = slash == std::string_view::npos ? "" : path.substr(0, slash);
    const std::string_view method = slash == std::string_view::npos ? path : path.substr(slash + 1);
    entry.set("ResourcePath", Value::string(resource_path(resource), method_path.range()),
              method_path.range());
    entry.set("HttpMethod", Value::string(std::string(method), method_path.range()),
              method_path.range());
}

// aws_api_gateway_method_settings configures one stage, named by stage_name: a reference to the
// aws_api_gateway_stage, or its literal name. Its settings become an entry of the stage's
// MethodSettings. A literal stage name is matched against every stage of that name in the
// configuration, whatever its rest_api_id, so with several APIs that share a stage name the
// settings may be folded into the wrong one (the generic owner look-up knows one argument);
// writing stage_name = aws_api_gateway_stage.x.stage_name avoids it.
void merge_method_settings(const NativeResource& native, Value& stage_properties) {
    Value entry = Value::map({}, native.range);
    if (const Value* method_path = argument(native.body, "method_path")) {
        set_method_path(entry, *method_path);
    }
    if (const Value* settings = block(native.body, "settings")) {
        copy_fields(entry, *settings,
                    {{"logging_level", "LoggingLevel"},
                     {"metrics_enabled", "MetricsEnabled"},
                     {"data_trace_enabled", "DataTraceEnabled"},
                     {"caching_enabled", "CachingEnabled"},
                     {"cache_data_encrypted", "CacheDataEncrypted"},
                     {"cache_ttl_in_seconds", "CacheTtlInSeconds"},
                     {"throttling_burst_limit", "ThrottlingBurstLimit"},
                     {"throttling_rate_limit", "ThrottlingRateLimit"}});
    }
    Value* list = stage_properties.find("MethodSettings");
    if (list == nullptr || !list->is_list()) {
        stage_properties.set("MethodSettings", Value::list({}, native.range), native.range);
        list = stage_properties.find("MethodSettings");
    }
    list->as_list().push_back(std::move(entry));
}

void method(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"rest_api_id", "RestApiId"},
                 {"resource_id", "ResourceId"},
                 {"http_method", "HttpMethod"},
                 {"authorization", "AuthorizationType"},
                 {"authorizer_id", "AuthorizerId"},
                 {"authorization_scopes", "AuthorizationScopes"},
                 {"api_key_required", "ApiKeyRequired"},
                 {"request_validator_id", "RequestValidatorId"},
                 {"operation_name", "OperationName"}});
}

void domain_name(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(
        properties, body,
        {{"domain_name", "DomainName"},
         {"security_policy", "SecurityPolicy"},
         {"certificate_arn", "CertificateArn"},
         {"regional_certificate_arn", "RegionalCertificateArn"},
         {"ownership_verification_certificate_arn", "OwnershipVerificationCertificateArn"}});
    set_sub_block(properties, "EndpointConfiguration", body, "endpoint_configuration",
                  {{"types", "Types"}, {"ip_address_type", "IpAddressType"}});
    set_sub_block(
        properties, "MutualTlsAuthentication", body, "mutual_tls_authentication",
        {{"truststore_uri", "TruststoreUri"}, {"truststore_version", "TruststoreVersion"}});
    copy_tags(properties, "Tags", body);
}

// ---- HTTP and WebSocket APIs (v2): CloudFormation takes their tags as a plain map ---------------

void api_v2(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"},
                 {"protocol_type", "ProtocolType"},
                 {"description", "Description"},
                 {"disable_execute_api_endpoint", "DisableExecuteApiEndpoint"},
                 {"route_selection_expression", "RouteSelectionExpression"},
                 {"api_key_selection_expression", "ApiKeySelectionExpression"},
                 {"credentials_arn", "CredentialsArn"},
                 {"route_key", "RouteKey"},
                 {"target", "Target"},
                 {"version", "Version"},
                 {"tags", "Tags"}});
    set_sub_block(properties, "CorsConfiguration", body, "cors_configuration",
                  {{"allow_origins", "AllowOrigins"},
                   {"allow_methods", "AllowMethods"},
                   {"allow_headers", "AllowHeaders"},
                   {"allow_credentials", "AllowCredentials"},
                   {"expose_headers", "ExposeHeaders"},
                   {"max_age", "MaxAge"}});
}

const std::initializer_list<Field> kRouteSettings = {
    {"data_trace_enabled", "DataTraceEnabled"},
    {"detailed_metrics_enabled", "DetailedMetricsEnabled"},
    {"logging_level", "LoggingLevel"},
    {"throttling_burst_limit", "ThrottlingBurstLimit"},
    {"throttling_rate_limit", "ThrottlingRateLimit"},
};

void stage_v2(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "StageName"},
                 {"api_id", "ApiId"},
                 {"deployment_id", "DeploymentId"},
                 {"auto_deploy", "AutoDeploy"},
                 {"description", "Description"},
                 {"client_certificate_id", "ClientCertificateId"},
                 {"stage_variables", "StageVariables"},
                 {"tags", "Tags"}});
    set_sub_block(properties, "AccessLogSettings", body, "access_log_settings",
                  {{"destination_arn", "DestinationArn"}, {"format", "Format"}});
    set_sub_block(properties, "DefaultRouteSettings", body, "default_route_settings",
                  kRouteSettings);
    // CloudFormation's RouteSettings is a map from route key to that route's settings.
    const std::vector<const Value*> routes = blocks(body, "route_settings");
    if (!routes.empty()) {
        Value settings = Value::map({}, routes.front()->range());
        for (const Value* route : routes) {
            const Value* key = argument(*route, "route_key");
            if (key == nullptr || !key->is_string()) continue;
            settings.set(key->as_string(), sub_block(*route, kRouteSettings), route->range());
        }
        properties.set("RouteSettings", std::move(settings), routes.front()->range());
    }
}

// aws_apigatewayv2_domain_name's domain_name_configuration block is CloudFormation's
// DomainNameConfigurations list (of one).
void domain_name_v2(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body, {{"domain_name", "DomainName"}, {"tags", "Tags"}});
    set_blocks(properties, "DomainNameConfigurations", body, "domain_name_configuration",
               [](const Value& from, Value& to) {
                   copy_fields(to, from,
                               {{"certificate_arn", "CertificateArn"},
                                {"endpoint_type", "EndpointType"},
                                {"security_policy", "SecurityPolicy"},
                                {"ip_address_type", "IpAddressType"}});
               });
    set_sub_block(
        properties, "MutualTlsAuthentication", body, "mutual_tls_authentication",
        {{"truststore_uri", "TruststoreUri"}, {"truststore_version", "TruststoreVersion"}});
}

void route_v2(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"api_id", "ApiId"},
                 {"route_key", "RouteKey"},
                 {"authorization_type", "AuthorizationType"},
                 {"authorizer_id", "AuthorizerId"},
                 {"authorization_scopes", "AuthorizationScopes"},
                 {"api_key_required", "ApiKeyRequired"},
                 {"operation_name", "OperationName"},
                 {"target", "Target"}});
}

}  // namespace

void add_apigateway_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_api_gateway_rest_api", "AWS::ApiGateway::RestApi", rest_api});
    catalog.attachments.push_back({"aws_api_gateway_rest_api_policy", "aws_api_gateway_rest_api",
                                   "rest_api_id", "", merge_rest_api_policy});
    catalog.resources.push_back({"aws_api_gateway_stage", "AWS::ApiGateway::Stage", stage});
    catalog.attachments.push_back({"aws_api_gateway_method_settings", "aws_api_gateway_stage",
                                   "stage_name", "stage_name", merge_method_settings});
    catalog.resources.push_back({"aws_api_gateway_method", "AWS::ApiGateway::Method", method});
    catalog.resources.push_back(
        {"aws_api_gateway_domain_name", "AWS::ApiGateway::DomainName", domain_name});
    catalog.resources.push_back({"aws_apigatewayv2_api", "AWS::ApiGatewayV2::Api", api_v2});
    catalog.resources.push_back({"aws_apigatewayv2_stage", "AWS::ApiGatewayV2::Stage", stage_v2});
    catalog.resources.push_back({"aws_apigatewayv2_route", "AWS::ApiGatewayV2::Route", route_v2});
    catalog.resources.push_back(
        {"aws_apigatewayv2_domain_name", "AWS::ApiGatewayV2::DomainName", domain_name_v2});
}

}  // namespace bulwark::terraform
