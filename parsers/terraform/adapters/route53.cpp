// Route 53: aws_route53_zone (AWS::Route53::HostedZone, private when it names VPCs) with
// aws_route53_query_log folded into its QueryLoggingConfig, and aws_route53_hosted_zone_dnssec
// (AWS::Route53::DNSSEC).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void hosted_zone(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    if (const Value* comment = argument(body, "comment")) {
        set_path(properties, {"HostedZoneConfig", "Comment"}, *comment);
    }
    set_blocks(properties, "VPCs", body, "vpc", [](const Value& from, Value& to) {
        copy(to, "VPCId", argument(from, "vpc_id"));
        copy(to, "VPCRegion", argument(from, "vpc_region"));
    });
    copy_tags(properties, "HostedZoneTags", body);
}

// aws_route53_query_log names the zone by zone_id and the log group by ARN.
void merge_query_log(const NativeResource& native, Value& zone) {
    if (const Value* group = argument(native.body, "cloudwatch_log_group_arn")) {
        Value config = Value::map({}, native.range);
        copy(config, "CloudWatchLogsLogGroupArn", group);
        zone.set("QueryLoggingConfig", std::move(config), native.range);
    }
}

void dnssec(const NativeResource& native, Value& properties) {
    copy(properties, "HostedZoneId", argument(native.body, "hosted_zone_id"));
    // The provider signs the zone unless signing_status says NOT_SIGNING.
    copy(properties, "SigningStatus", argument(native.body, "signing_status"));
}

}  // namespace

void add_route53_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_route53_zone", "AWS::Route53::HostedZone", hosted_zone});
    catalog.attachments.push_back(
        {"aws_route53_query_log", "aws_route53_zone", "zone_id", "", merge_query_log});
    catalog.resources.push_back({"aws_route53_hosted_zone_dnssec", "AWS::Route53::DNSSEC", dnssec});
}

}  // namespace bulwark::terraform
