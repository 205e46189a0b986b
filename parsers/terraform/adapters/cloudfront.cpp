// CloudFront: aws_cloudfront_distribution (AWS::CloudFront::Distribution, its settings under
// DistributionConfig as in CloudFormation) and aws_cloudfront_origin_access_control
// (AWS::CloudFront::OriginAccessControl).
#include <string>
#include <vector>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// Every instance of a nested block, each mapped by `map` (unknown ones included), as a list
// property positioned at the first block and left out when there is none. Unlike
// adapt::set_blocks, which positions the list at the argument and sets it even when empty.
template <typename Map>
void map_blocks(Value& out, std::string_view cfn, const Value& body, std::string_view native,
                Map map) {
    const std::vector<const Value*> items = blocks(body, native);
    if (items.empty()) return;
    Value list = Value::list({}, items.front()->range());
    for (const Value* item : items)
        list.as_list().push_back(map(*item));
    out.set(std::string(cfn), std::move(list), items.front()->range());
}

// default_cache_behavior and ordered_cache_behavior (which adds path_pattern).
Value cache_behavior(const Value& behavior) {
    if (behavior.is_unknown()) return behavior;
    Value out = sub_block(behavior, {{"path_pattern", "PathPattern"},
                                     {"target_origin_id", "TargetOriginId"},
                                     {"viewer_protocol_policy", "ViewerProtocolPolicy"},
                                     {"allowed_methods", "AllowedMethods"},
                                     {"cached_methods", "CachedMethods"},
                                     {"compress", "Compress"},
                                     {"cache_policy_id", "CachePolicyId"},
                                     {"origin_request_policy_id", "OriginRequestPolicyId"},
                                     {"response_headers_policy_id", "ResponseHeadersPolicyId"},
                                     {"field_level_encryption_id", "FieldLevelEncryptionId"},
                                     {"realtime_log_config_arn", "RealtimeLogConfigArn"},
                                     {"trusted_signers", "TrustedSigners"},
                                     {"trusted_key_groups", "TrustedKeyGroups"},
                                     {"smooth_streaming", "SmoothStreaming"},
                                     {"min_ttl", "MinTTL"},
                                     {"default_ttl", "DefaultTTL"},
                                     {"max_ttl", "MaxTTL"}});
    map_blocks(out, "FunctionAssociations", behavior, "function_association", [](const Value& f) {
        return sub_block(f, {{"event_type", "EventType"}, {"function_arn", "FunctionARN"}});
    });
    map_blocks(out, "LambdaFunctionAssociations", behavior, "lambda_function_association",
               [](const Value& f) {
                   return sub_block(f, {{"event_type", "EventType"},
                                        {"lambda_arn", "LambdaFunctionARN"},
                                        {"include_body", "IncludeBody"}});
               });
    if (const Value* forwarded = block(behavior, "forwarded_values")) {
        Value values = sub_block(*forwarded, {{"query_string", "QueryString"},
                                              {"headers", "Headers"},
                                              {"query_string_cache_keys", "QueryStringCacheKeys"}});
        if (const Value* cookies = values.is_map() ? block(*forwarded, "cookies") : nullptr) {
            values.set("Cookies",
                       sub_block(*cookies, {{"forward", "Forward"},
                                            {"whitelisted_names", "WhitelistedNames"}}),
                       cookies->range());
        }
        out.set("ForwardedValues", std::move(values), forwarded->range());
    }
    return out;
}

Value origin(const Value& entry) {
    if (entry.is_unknown()) return entry;
    Value out = sub_block(entry, {{"origin_id", "Id"},
                                  {"domain_name", "DomainName"},
                                  {"origin_path", "OriginPath"},
                                  {"origin_access_control_id", "OriginAccessControlId"},
                                  {"connection_attempts", "ConnectionAttempts"},
                                  {"connection_timeout", "ConnectionTimeout"}});
    if (const Value* custom = block(entry, "custom_origin_config")) {
        out.set("CustomOriginConfig",
                sub_block(*custom, {{"origin_protocol_policy", "OriginProtocolPolicy"},
                                    {"origin_ssl_protocols", "OriginSSLProtocols"},
                                    {"http_port", "HTTPPort"},
                                    {"https_port", "HTTPSPort"},
                                    {"origin_keepalive_timeout", "OriginKeepaliveTimeout"},
                                    {"origin_read_timeout", "OriginReadTimeout"}}),
                custom->range());
    }
    if (const Value* s3 = block(entry, "s3_origin_config")) {
        out.set("S3OriginConfig",
                sub_block(*s3, {{"origin_access_identity", "OriginAccessIdentity"}}), s3->range());
    }
    if (const Value* shield = block(entry, "origin_shield")) {
        out.set("OriginShield",
                sub_block(*shield,
                          {{"enabled", "Enabled"}, {"origin_shield_region", "OriginShieldRegion"}}),
                shield->range());
    }
    map_blocks(out, "OriginCustomHeaders", entry, "custom_header", [](const Value& header) {
        return sub_block(header, {{"name", "HeaderName"}, {"value", "HeaderValue"}});
    });
    return out;
}

void distribution(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    Value config = Value::map({}, header(native));
    copy_fields(config, body,
                {{"enabled", "Enabled"},
                 {"comment", "Comment"},
                 {"aliases", "Aliases"},
                 {"default_root_object", "DefaultRootObject"},
                 {"http_version", "HttpVersion"},
                 {"is_ipv6_enabled", "IPV6Enabled"},
                 {"price_class", "PriceClass"},
                 {"web_acl_id", "WebACLId"},
                 {"continuous_deployment_policy_id", "ContinuousDeploymentPolicyId"},
                 {"staging", "Staging"}});
    if (const Value* behavior = block(body, "default_cache_behavior")) {
        config.set("DefaultCacheBehavior", cache_behavior(*behavior), behavior->range());
    }
    map_blocks(config, "CacheBehaviors", body, "ordered_cache_behavior", cache_behavior);
    map_blocks(config, "Origins", body, "origin", origin);
    if (const Value* certificate = block(body, "viewer_certificate")) {
        Value viewer = sub_block(
            *certificate, {{"acm_certificate_arn", "AcmCertificateArn"},
                           {"cloudfront_default_certificate", "CloudFrontDefaultCertificate"},
                           {"iam_certificate_id", "IamCertificateId"},
                           {"ssl_support_method", "SslSupportMethod"},
                           {"minimum_protocol_version", "MinimumProtocolVersion"}});
        // The provider sends minimum_protocol_version = "TLSv1" when it is omitted; TLS rules
        // must see it (pointing at the viewer_certificate block).
        if (viewer.is_map() && viewer.find("MinimumProtocolVersion") == nullptr) {
            viewer.set("MinimumProtocolVersion", Value::string("TLSv1", certificate->range()),
                       certificate->range());
        }
        config.set("ViewerCertificate", std::move(viewer), certificate->range());
    }
    if (const Value* logging = block(body, "logging_config")) {
        config.set("Logging",
                   sub_block(*logging, {{"bucket", "Bucket"},
                                        {"prefix", "Prefix"},
                                        {"include_cookies", "IncludeCookies"}}),
                   logging->range());
    }
    if (const Value* restrictions = block(body, "restrictions")) {
        Value out = Value::map({}, restrictions->range());
        if (const Value* geo = block(*restrictions, "geo_restriction")) {
            out.set("GeoRestriction",
                    sub_block(*geo, {{"restriction_type", "RestrictionType"},
                                     {"locations", "Locations"}}),
                    geo->range());
        }
        config.set("Restrictions", std::move(out), restrictions->range());
    }
    map_blocks(config, "CustomErrorResponses", body, "custom_error_response", [](const Value& r) {
        return sub_block(r, {{"error_code", "ErrorCode"},
                             {"response_code", "ResponseCode"},
                             {"response_page_path", "ResponsePagePath"},
                             {"error_caching_min_ttl", "ErrorCachingMinTTL"}});
    });
    properties.set("DistributionConfig", std::move(config), header(native));
    copy_tags(properties, "Tags", body);
}

void origin_access_control(const NativeResource& native, Value& properties) {
    Value config = Value::map({}, header(native));
    copy_fields(config, native.body,
                {{"name", "Name"},
                 {"description", "Description"},
                 {"origin_access_control_origin_type", "OriginAccessControlOriginType"},
                 {"signing_behavior", "SigningBehavior"},
                 {"signing_protocol", "SigningProtocol"}});
    properties.set("OriginAccessControlConfig", std::move(config), header(native));
}

}  // namespace

void add_cloudfront_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_cloudfront_distribution", "AWS::CloudFront::Distribution", distribution});
    catalog.resources.push_back({"aws_cloudfront_origin_access_control",
                                 "AWS::CloudFront::OriginAccessControl", origin_access_control});
}

}  // namespace bulwark::terraform
