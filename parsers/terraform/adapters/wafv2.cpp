// AWS WAF (v2): aws_wafv2_web_acl (AWS::WAFv2::WebACL), aws_wafv2_web_acl_association
// (AWS::WAFv2::WebACLAssociation) and aws_wafv2_web_acl_logging_configuration
// (AWS::WAFv2::LoggingConfiguration). Associations and logging configurations stay resources of
// their own, as in CloudFormation: rules reach them through the references they make.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void web_acl(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"}, {"description", "Description"}, {"scope", "Scope"}});
    set_sub_block(properties, "VisibilityConfig", body, "visibility_config",
                  {{"cloudwatch_metrics_enabled", "CloudWatchMetricsEnabled"},
                   {"metric_name", "MetricName"},
                   {"sampled_requests_enabled", "SampledRequestsEnabled"}});
    copy_tags(properties, "Tags", body);
}

void association(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"resource_arn", "ResourceArn"}, {"web_acl_arn", "WebACLArn"}});
}

void logging_configuration(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(
        properties, body,
        {{"resource_arn", "ResourceArn"}, {"log_destination_configs", "LogDestinationConfigs"}});
    set_blocks(
        properties, "RedactedFields", body, "redacted_fields", [](const Value& from, Value& to) {
            for (std::string_view field : {"method", "query_string", "uri_path"}) {
                if (block(from, field)) {
                    to.set(field == "method"         ? "Method"
                           : field == "query_string" ? "QueryString"
                                                     : "UriPath",
                           Value::map({}, from.range()), from.range());
                }
            }
            if (const Value* header = block(from, "single_header")) {
                to.set("SingleHeader", sub_block(*header, {{"name", "Name"}}), header->range());
            }
        });
}

}  // namespace

void add_wafv2_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_wafv2_web_acl", "AWS::WAFv2::WebACL", web_acl});
    catalog.resources.push_back(
        {"aws_wafv2_web_acl_association", "AWS::WAFv2::WebACLAssociation", association});
    catalog.resources.push_back({"aws_wafv2_web_acl_logging_configuration",
                                 "AWS::WAFv2::LoggingConfiguration", logging_configuration});
}

}  // namespace bulwark::terraform
