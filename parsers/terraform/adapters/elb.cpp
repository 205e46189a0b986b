// Elastic Load Balancing: aws_lb / aws_alb (AWS::ElasticLoadBalancingV2::LoadBalancer),
// aws_lb_listener / aws_alb_listener (AWS::ElasticLoadBalancingV2::Listener) and the classic
// aws_elb (AWS::ElasticLoadBalancing::LoadBalancer).
#include <string>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// Terraform's `internal` flag as CloudFormation's Scheme. Omitted, the load balancer is
// internet-facing (AWS's default scheme), which rules about exposure must see.
void set_scheme(const NativeResource& native, Value& properties) {
    const Value* internal = argument(native.body, "internal");
    if (internal == nullptr) {
        properties.set("Scheme", Value::string("internet-facing", header(native)), header(native));
    } else if (internal->is_bool()) {
        properties.set(
            "Scheme",
            Value::string(internal->as_bool() ? "internal" : "internet-facing", internal->range()),
            internal->range());
    } else {
        copy(properties, "Scheme", internal);  // known only after apply
    }
}

// ---- Application, network and gateway load balancers -------------------------------------------

// A LoadBalancerAttributes entry. CloudFormation's attribute values are strings ("true").
void add_attribute(Value& attributes, std::string_view key, const Value* value) {
    if (value == nullptr) return;
    Value text = *value;
    if (value->is_bool()) {
        text = Value::string(value->as_bool() ? "true" : "false", value->range());
    } else if (value->is_number()) {
        text = Value::string(format_number(value->as_number()), value->range());
    }
    Value entry = Value::map({}, value->range());
    entry.set("Key", Value::string(std::string(key), value->range()), value->range());
    entry.set("Value", std::move(text), value->range());
    attributes.as_list().push_back(std::move(entry));
}

// access_logs / connection_logs {bucket, prefix, enabled} as <prefix>.s3.* attributes. The
// provider's `enabled` defaults to false, like the attribute, so nothing is added for it.
void add_log_attributes(Value& attributes, const Value* logs, std::string_view prefix) {
    if (logs == nullptr || !logs->is_map()) return;
    const std::string base = std::string(prefix) + ".s3.";
    add_attribute(attributes, base + "enabled", argument(*logs, "enabled"));
    add_attribute(attributes, base + "bucket", argument(*logs, "bucket"));
    add_attribute(attributes, base + "prefix", argument(*logs, "prefix"));
}

void load_balancer(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"},
                 {"subnets", "Subnets"},
                 {"security_groups", "SecurityGroups"},
                 {"ip_address_type", "IpAddressType"}});
    // The provider creates an application load balancer when load_balancer_type is omitted;
    // rules that apply to one kind (HTTP header checks) read Type.
    copy_or_default(properties, "Type", argument(body, "load_balancer_type"),
                    Value::string("application"), native);
    set_scheme(native, properties);
    for (const Value* mapping : blocks(body, "subnet_mapping")) {
        Value entry = sub_block(*mapping, {{"subnet_id", "SubnetId"},
                                           {"allocation_id", "AllocationId"},
                                           {"private_ipv4_address", "PrivateIPv4Address"},
                                           {"ipv6_address", "IPv6Address"}});
        Value* list = properties.find("SubnetMappings");
        if (list == nullptr) {
            properties.set("SubnetMappings", Value::list({}, mapping->range()), mapping->range());
            list = properties.find("SubnetMappings");
        }
        list->as_list().push_back(std::move(entry));
    }
    Value attributes = Value::list({}, header(native));
    add_log_attributes(attributes, block(body, "access_logs"), "access_logs");
    add_log_attributes(attributes, block(body, "connection_logs"), "connection_logs");
    struct Attribute {
        std::string_view native;
        std::string_view key;
    };
    for (const Attribute& attribute : {
             Attribute{"enable_deletion_protection", "deletion_protection.enabled"},
             Attribute{"drop_invalid_header_fields",
                       "routing.http.drop_invalid_header_fields.enabled"},
             Attribute{"desync_mitigation_mode", "routing.http.desync_mitigation_mode"},
             Attribute{"enable_http2", "routing.http2.enabled"},
             Attribute{"enable_tls_version_and_cipher_suite_headers",
                       "routing.http.x_amzn_tls_version_and_cipher_suite.enabled"},
             Attribute{"enable_xff_client_port", "routing.http.xff_client_port.enabled"},
             Attribute{"xff_header_processing_mode", "routing.http.xff_header_processing.mode"},
             Attribute{"preserve_host_header", "routing.http.preserve_host_header.enabled"},
             Attribute{"enable_waf_fail_open", "waf.fail_open.enabled"},
             Attribute{"idle_timeout", "idle_timeout.timeout_seconds"},
             Attribute{"enable_cross_zone_load_balancing", "load_balancing.cross_zone.enabled"},
         }) {
        add_attribute(attributes, attribute.key, argument(body, attribute.native));
    }
    if (!attributes.as_list().empty()) {
        properties.set("LoadBalancerAttributes", std::move(attributes), header(native));
    }
    copy_tags(properties, "Tags", body);
}

Value listener_action(const Value& action) {
    if (action.is_unknown()) return action;
    Value out = sub_block(
        action, {{"type", "Type"}, {"target_group_arn", "TargetGroupArn"}, {"order", "Order"}});
    if (const Value* redirect = block(action, "redirect")) {
        out.set("RedirectConfig",
                sub_block(*redirect, {{"protocol", "Protocol"},
                                      {"port", "Port"},
                                      {"host", "Host"},
                                      {"path", "Path"},
                                      {"query", "Query"},
                                      {"status_code", "StatusCode"}}),
                redirect->range());
    }
    if (const Value* fixed = block(action, "fixed_response")) {
        out.set("FixedResponseConfig",
                sub_block(*fixed, {{"content_type", "ContentType"},
                                   {"message_body", "MessageBody"},
                                   {"status_code", "StatusCode"}}),
                fixed->range());
    }
    if (const Value* forward = block(action, "forward")) {
        Value config = Value::map({}, forward->range());
        Value groups = Value::list({}, forward->range());
        for (const Value* group : blocks(*forward, "target_group")) {
            groups.as_list().push_back(
                sub_block(*group, {{"arn", "TargetGroupArn"}, {"weight", "Weight"}}));
        }
        config.set("TargetGroups", std::move(groups), forward->range());
        out.set("ForwardConfig", std::move(config), forward->range());
    }
    if (const Value* cognito = block(action, "authenticate_cognito")) {
        out.set("AuthenticateCognitoConfig",
                sub_block(*cognito, {{"user_pool_arn", "UserPoolArn"},
                                     {"user_pool_client_id", "UserPoolClientId"},
                                     {"user_pool_domain", "UserPoolDomain"},
                                     {"on_unauthenticated_request", "OnUnauthenticatedRequest"}}),
                cognito->range());
    }
    if (const Value* oidc = block(action, "authenticate_oidc")) {
        out.set("AuthenticateOidcConfig",
                sub_block(*oidc, {{"issuer", "Issuer"},
                                  {"authorization_endpoint", "AuthorizationEndpoint"},
                                  {"token_endpoint", "TokenEndpoint"},
                                  {"user_info_endpoint", "UserInfoEndpoint"},
                                  {"client_id", "ClientId"},
                                  {"on_unauthenticated_request", "OnUnauthenticatedRequest"}}),
                oidc->range());
    }
    return out;
}

void listener(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"load_balancer_arn", "LoadBalancerArn"},
                 {"port", "Port"},
                 {"protocol", "Protocol"},
                 {"ssl_policy", "SslPolicy"}});
    if (const Value* certificate = argument(body, "certificate_arn")) {
        Value entry = Value::map({}, certificate->range());
        entry.set("CertificateArn", *certificate, certificate->range());
        properties.set("Certificates", Value::list({std::move(entry)}, certificate->range()),
                       certificate->range());
    }
    if (const Value* alpn = argument(body, "alpn_policy")) {
        properties.set("AlpnPolicy", Value::list({*alpn}, alpn->range()), alpn->range());
    }
    if (const Value* mutual = block(body, "mutual_authentication")) {
        properties.set("MutualAuthentication",
                       sub_block(*mutual, {{"mode", "Mode"},
                                           {"trust_store_arn", "TrustStoreArn"},
                                           {"ignore_client_certificate_expiry",
                                            "IgnoreClientCertificateExpiry"}}),
                       mutual->range());
    }
    Value actions = Value::list({}, header(native));
    for (const Value* action : blocks(body, "default_action")) {
        actions.as_list().push_back(listener_action(*action));
    }
    if (!actions.as_list().empty()) {
        properties.set("DefaultActions", std::move(actions), header(native));
    }
    copy_tags(properties, "Tags", body);
}

// ---- Classic load balancers --------------------------------------------------------------------

void classic_load_balancer(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "LoadBalancerName"},
                 {"subnets", "Subnets"},
                 {"security_groups", "SecurityGroups"},
                 {"availability_zones", "AvailabilityZones"},
                 {"instances", "Instances"}});
    set_scheme(native, properties);
    // The provider turns cross-zone load balancing on when it is omitted (CloudFormation's
    // default is off), so the deployed value is set here.
    copy_or_default(properties, "CrossZone", argument(body, "cross_zone_load_balancing"),
                    Value::boolean(true), native);
    Value listeners = Value::list({}, header(native));
    for (const Value* entry : blocks(body, "listener")) {
        listeners.as_list().push_back(
            sub_block(*entry, {{"lb_protocol", "Protocol"},
                               {"lb_port", "LoadBalancerPort"},
                               {"instance_protocol", "InstanceProtocol"},
                               {"instance_port", "InstancePort"},
                               {"ssl_certificate_id", "SSLCertificateId"}}));
    }
    if (!listeners.as_list().empty()) {
        properties.set("Listeners", std::move(listeners), header(native));
    }
    if (const Value* logs = block(body, "access_logs")) {
        Value policy = sub_block(*logs, {{"bucket", "S3BucketName"},
                                         {"bucket_prefix", "S3BucketPrefix"},
                                         {"interval", "EmitInterval"}});
        // Unlike aws_lb, a classic load balancer's access_logs block is enabled unless it says
        // `enabled = false`.
        if (policy.is_map()) {
            const Value* enabled = argument(*logs, "enabled");
            policy.set("Enabled", enabled ? *enabled : Value::boolean(true, logs->range()),
                       enabled ? enabled->range() : logs->range());
        }
        properties.set("AccessLoggingPolicy", std::move(policy), logs->range());
    }
    if (const Value* check = block(body, "health_check")) {
        properties.set("HealthCheck",
                       sub_block(*check, {{"target", "Target"},
                                          {"healthy_threshold", "HealthyThreshold"},
                                          {"unhealthy_threshold", "UnhealthyThreshold"},
                                          {"interval", "Interval"},
                                          {"timeout", "Timeout"}}),
                       check->range());
    }
    if (const Value* draining = argument(body, "connection_draining")) {
        Value policy = Value::map({}, draining->range());
        policy.set("Enabled", *draining, draining->range());
        copy(policy, "Timeout", argument(body, "connection_draining_timeout"));
        properties.set("ConnectionDrainingPolicy", std::move(policy), draining->range());
    }
    if (const Value* idle = argument(body, "idle_timeout")) {
        set_path(properties, {"ConnectionSettings", "IdleTimeout"}, *idle);
    }
    copy_tags(properties, "Tags", body);
}

// aws_load_balancer_policy → an entry of the classic load balancer's Policies, as CloudFormation
// declares them inline (an SSL negotiation policy names its predefined security policy in the
// Reference-Security-Policy attribute).
void merge_classic_policy(const NativeResource& native, Value& properties) {
    Value* list = properties.find("Policies");
    if (list == nullptr || !list->is_list()) {
        properties.set("Policies", Value::list({}, header(native)), header(native));
        list = properties.find("Policies");
    }
    Value policy = Value::map({}, header(native));
    copy_fields(policy, native.body,
                {{"policy_name", "PolicyName"}, {"policy_type_name", "PolicyType"}});
    Value attributes = Value::list({}, header(native));
    for (const Value* entry : blocks(native.body, "policy_attribute")) {
        attributes.as_list().push_back(sub_block(*entry, {{"name", "Name"}, {"value", "Value"}}));
    }
    policy.set("Attributes", std::move(attributes), header(native));
    list->as_list().push_back(std::move(policy));
}

}  // namespace

void add_elb_adapters(AdapterCatalog& catalog) {
    for (std::string_view type : {"aws_lb", "aws_alb"}) {
        catalog.resources.push_back(
            {type, "AWS::ElasticLoadBalancingV2::LoadBalancer", load_balancer});
    }
    for (std::string_view type : {"aws_lb_listener", "aws_alb_listener"}) {
        catalog.resources.push_back({type, "AWS::ElasticLoadBalancingV2::Listener", listener});
    }
    catalog.resources.push_back(
        {"aws_elb", "AWS::ElasticLoadBalancing::LoadBalancer", classic_load_balancer});
    catalog.attachments.push_back({"aws_load_balancer_policy", "aws_elb", "load_balancer_name",
                                   "name", merge_classic_policy});
}

}  // namespace bulwark::terraform
