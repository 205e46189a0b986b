// VPC networking: aws_vpc / aws_default_vpc (AWS::EC2::VPC), aws_flow_log (folded into its VPC, or
// AWS::EC2::FlowLog), aws_subnet / aws_default_subnet (AWS::EC2::Subnet),
// aws_default_security_group (AWS::EC2::SecurityGroup named "default", with the standalone rule
// resources that name it), aws_network_acl / aws_default_network_acl (AWS::EC2::NetworkAcl) and
// aws_network_acl_rule (AWS::EC2::NetworkAclEntry), and aws_vpc_endpoint (AWS::EC2::VPCEndpoint).
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "model/resource_types.h"
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// ---- VPC and flow logs -------------------------------------------------------------------------

void vpc(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "CidrBlock", argument(body, "cidr_block"));
    copy(properties, "EnableDnsSupport", argument(body, "enable_dns_support"));
    copy(properties, "EnableDnsHostnames", argument(body, "enable_dns_hostnames"));
    copy(properties, "InstanceTenancy", argument(body, "instance_tenancy"));
    copy(properties, "Ipv4IpamPoolId", argument(body, "ipv4_ipam_pool_id"));
    copy(properties, "Ipv4NetmaskLength", argument(body, "ipv4_netmask_length"));
    copy_tags(properties, "Tags", body);
}

// The settings of a flow log, shaped like AWS::EC2::FlowLog without its ResourceId / ResourceType.
Value flow_log_settings(const NativeResource& native) {
    const Value& body = native.body;
    Value settings = Value::map({}, header(native));
    copy(settings, "TrafficType", argument(body, "traffic_type"));
    copy(settings, "LogDestinationType", argument(body, "log_destination_type"));
    copy(settings, "LogDestination", argument(body, "log_destination"));
    copy(settings, "LogGroupName", argument(body, "log_group_name"));
    copy(settings, "DeliverLogsPermissionArn", argument(body, "iam_role_arn"));
    copy(settings, "DeliverCrossAccountRole", argument(body, "deliver_cross_account_role"));
    copy(settings, "MaxAggregationInterval", argument(body, "max_aggregation_interval"));
    copy(settings, "LogFormat", argument(body, "log_format"));
    if (const Value* options = block(body, "destination_options")) {
        Value destination = Value::map({}, options->range());
        copy(destination, "FileFormat", argument(*options, "file_format"));
        copy(destination, "HiveCompatiblePartitions",
             argument(*options, "hive_compatible_partitions"));
        copy(destination, "PerHourPartition", argument(*options, "per_hour_partition"));
        settings.set("DestinationOptions", std::move(destination), options->range());
    }
    copy_tags(settings, "Tags", body);
    return settings;
}

// A flow log of a VPC in the configuration: rules read VPC flow logs as the VPC's `FlowLogs`
// list (one entry per aws_flow_log, shaped like AWS::EC2::FlowLog without ResourceId /
// ResourceType), so "this VPC has flow logs" is a property of the VPC. CloudFormation declares a
// separate AWS::EC2::FlowLog that names the VPC in ResourceId; the CloudFormation front-end will
// fold AWS::EC2::FlowLog into its VPC's FlowLogs the same way.
void merge_flow_log(const NativeResource& native, Value& vpc_properties) {
    Value* list = vpc_properties.find("FlowLogs");
    if (list == nullptr || !list->is_list()) {
        vpc_properties.set("FlowLogs", Value::list({}, header(native)), header(native));
        list = vpc_properties.find("FlowLogs");
    }
    list->as_list().push_back(flow_log_settings(native));
}

// A flow log of a subnet, a network interface, a transit gateway (attachment) or a VPC that is not
// in the configuration stays an AWS::EC2::FlowLog of its own.
void flow_log(const NativeResource& native, Value& properties) {
    properties = flow_log_settings(native);
    properties.set_range(header(native));
    struct Target {
        std::string_view argument;
        std::string_view resource_type;
    };
    for (const Target& target :
         {Target{"vpc_id", "VPC"}, Target{"subnet_id", "Subnet"},
          Target{"eni_id", "NetworkInterface"}, Target{"transit_gateway_id", "TransitGateway"},
          Target{"transit_gateway_attachment_id", "TransitGatewayAttachment"}}) {
        if (const Value* id = argument(native.body, target.argument)) {
            copy(properties, "ResourceId", id);
            properties.set("ResourceType",
                           Value::string(std::string(target.resource_type), id->range()),
                           id->range());
            break;
        }
    }
}

// ---- Subnets -----------------------------------------------------------------------------------

void subnet(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "VpcId", argument(body, "vpc_id"));
    copy(properties, "CidrBlock", argument(body, "cidr_block"));
    copy(properties, "Ipv6CidrBlock", argument(body, "ipv6_cidr_block"));
    copy(properties, "AvailabilityZone", argument(body, "availability_zone"));
    copy(properties, "AvailabilityZoneId", argument(body, "availability_zone_id"));
    copy(properties, "AssignIpv6AddressOnCreation",
         argument(body, "assign_ipv6_address_on_creation"));
    copy(properties, "EnableDns64", argument(body, "enable_dns64"));
    // The provider sets map_public_ip_on_launch = false when it is omitted, and rules about
    // subnets that hand out public addresses read it.
    copy_or_default(properties, "MapPublicIpOnLaunch", argument(body, "map_public_ip_on_launch"),
                    Value::boolean(false), native);
    copy_tags(properties, "Tags", body);
}

// aws_default_subnet adopts the default subnet of an Availability Zone, whose
// map_public_ip_on_launch AWS sets to true; the provider leaves it as it is when omitted.
void default_subnet(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "AvailabilityZone", argument(body, "availability_zone"));
    copy(properties, "AssignIpv6AddressOnCreation",
         argument(body, "assign_ipv6_address_on_creation"));
    copy_or_default(properties, "MapPublicIpOnLaunch", argument(body, "map_public_ip_on_launch"),
                    Value::boolean(true), native);
    copy_tags(properties, "Tags", body);
}

// ---- The default security group ----------------------------------------------------------------

// Appends CloudFormation rule entries for one Terraform rule (an inline ingress / egress block, an
// aws_security_group_rule or an aws_vpc_security_group_*_rule): one entry per CIDR and per peer
// group or prefix list, as CloudFormation has one peer per entry.
void append_rule(Value& list, const Value& rule, const SourceRange& at, bool ingress,
                 std::string_view protocol_argument) {
    Value base = Value::map({}, at);
    copy(base, "IpProtocol", argument(rule, protocol_argument));
    copy(base, "FromPort", argument(rule, "from_port"));
    copy(base, "ToPort", argument(rule, "to_port"));
    copy(base, "Description", argument(rule, "description"));
    struct Peer {
        std::string_view native;
        std::string_view cfn;
    };
    const Peer peers[] = {
        {"cidr_blocks", "CidrIp"},
        {"cidr_ipv4", "CidrIp"},
        {"ipv6_cidr_blocks", "CidrIpv6"},
        {"cidr_ipv6", "CidrIpv6"},
        {"security_groups", ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"},
        {"source_security_group_id",
         ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"},
        {"referenced_security_group_id",
         ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId"},
        {"prefix_list_ids", ingress ? "SourcePrefixListId" : "DestinationPrefixListId"},
        {"prefix_list_id", ingress ? "SourcePrefixListId" : "DestinationPrefixListId"},
    };
    bool any_peer = false;
    for (const Peer& peer : peers) {
        const Value* values = argument(rule, peer.native);
        if (values == nullptr) continue;
        // A list of peers gives one entry each; a single string or an unknown gives one entry.
        const std::vector<Value> items =
            values->is_list() ? values->as_list() : std::vector<Value>{*values};
        for (const Value& item : items) {
            Value entry = base;
            entry.set(std::string(peer.cfn), item, item.range());
            list.as_list().push_back(std::move(entry));
            any_peer = true;
        }
    }
    // `self = true` only, or a rule whose peers are all empty lists: the rule still exists.
    if (!any_peer) list.as_list().push_back(std::move(base));
}

Value& rule_list(Value& properties, std::string_view property, const SourceRange& at) {
    Value* list = properties.find(property);
    if (list == nullptr || !list->is_list()) {
        properties.set(std::string(property), Value::list({}, at), at);
        list = properties.find(property);
    }
    return *list;
}

// When Terraform adopts the default security group it removes every rule and then adds the ones
// in the configuration, so a group without ingress / egress blocks has empty rule lists.
void default_security_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    properties.set("GroupName", Value::string("default", header(native)), header(native));
    copy(properties, "VpcId", argument(body, "vpc_id"));
    for (const auto& [native_name, cfn_name, ingress] :
         {std::tuple{"ingress", "SecurityGroupIngress", true},
          std::tuple{"egress", "SecurityGroupEgress", false}}) {
        Value& list = rule_list(properties, cfn_name, header(native));
        for (const Value* rule : blocks(body, native_name)) {
            if (rule->is_unknown()) {  // a dynamic block over a value known only after apply
                list.as_list().push_back(*rule);
                continue;
            }
            append_rule(list, *rule, rule->range(), ingress, "protocol");
        }
    }
    copy_tags(properties, "Tags", body);
}

// A standalone rule resource that names the default group joins the group's rule lists.
void merge_default_group_rule(const NativeResource& native, Value& group) {
    bool ingress = native.type == "aws_vpc_security_group_ingress_rule";
    if (native.type == "aws_security_group_rule") {
        const Value* type = argument(native.body, "type");
        ingress = type && type->is_string() && type->as_string() == "ingress";
    }
    const std::string_view protocol =
        native.type == "aws_security_group_rule" ? "protocol" : "ip_protocol";
    Value& list =
        rule_list(group, ingress ? "SecurityGroupIngress" : "SecurityGroupEgress", native.range);
    append_rule(list, native.body, native.range, ingress, protocol);
}

// ---- Network ACLs ------------------------------------------------------------------------------

// CloudFormation's Protocol is a protocol number (-1 for all); Terraform also accepts names.
Value protocol_number(const Value& protocol) {
    if (!protocol.is_string()) return protocol;
    const std::string& name = protocol.as_string();
    struct Named {
        std::string_view name;
        double number;
    };
    for (const Named& named : {Named{"all", -1}, Named{"-1", -1}, Named{"icmp", 1}, Named{"tcp", 6},
                               Named{"udp", 17}, Named{"icmpv6", 58}}) {
        if (name == named.name) return Value::number(named.number, protocol.range());
    }
    if (name.empty() || name.size() > 3 ||
        name.find_first_not_of("0123456789") != std::string::npos) {
        return protocol;  // an unrecognised name: kept as written
    }
    double number = 0;
    for (char digit : name)
        number = number * 10 + (digit - '0');
    return Value::number(number, protocol.range());
}

// One ACL entry in AWS::EC2::NetworkAclEntry's shape, from an inline ingress / egress block
// (rule_no, action) or an aws_network_acl_rule (rule_number, rule_action, egress).
Value acl_entry(const Value& rule, const SourceRange& at, const Value* egress) {
    Value entry = Value::map({}, at);
    copy(entry, "RuleNumber",
         argument(rule, "rule_no") ? argument(rule, "rule_no") : argument(rule, "rule_number"));
    if (const Value* protocol = argument(rule, "protocol")) {
        entry.set("Protocol", protocol_number(*protocol), protocol->range());
    }
    copy(entry, "RuleAction",
         argument(rule, "action") ? argument(rule, "action") : argument(rule, "rule_action"));
    if (egress != nullptr) entry.set("Egress", *egress, egress->range());
    copy(entry, "CidrBlock", argument(rule, "cidr_block"));
    copy(entry, "Ipv6CidrBlock", argument(rule, "ipv6_cidr_block"));
    const Value* from = argument(rule, "from_port");
    const Value* to = argument(rule, "to_port");
    if (from || to) {
        Value range = Value::map({}, from ? from->range() : to->range());
        copy(range, "From", from);
        copy(range, "To", to);
        entry.set("PortRange", std::move(range), from ? from->range() : to->range());
    }
    const Value* icmp_type = argument(rule, "icmp_type");
    const Value* icmp_code = argument(rule, "icmp_code");
    if (icmp_type || icmp_code) {
        Value icmp = Value::map({}, icmp_type ? icmp_type->range() : icmp_code->range());
        copy(icmp, "Type", icmp_type);
        copy(icmp, "Code", icmp_code);
        entry.set("Icmp", std::move(icmp), icmp_type ? icmp_type->range() : icmp_code->range());
    }
    return entry;
}

// CloudFormation declares ACL entries only as separate AWS::EC2::NetworkAclEntry resources;
// Terraform's inline ingress / egress blocks become the ACL's `Entries` list (a Bulwark
// extension), each entry shaped like a NetworkAclEntry, so a rule checks `Entries[*]` on
// AWS::EC2::NetworkAcl and the entry itself on AWS::EC2::NetworkAclEntry.
void network_acl(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "VpcId", argument(body, "vpc_id"));
    copy(properties, "SubnetIds", argument(body, "subnet_ids"));
    Value entries = Value::list({}, header(native));
    for (const auto& [native_name, egress] :
         {std::pair{"ingress", false}, std::pair{"egress", true}}) {
        for (const Value* rule : blocks(body, native_name)) {
            if (rule->is_unknown()) {
                entries.as_list().push_back(*rule);
                continue;
            }
            const Value direction = Value::boolean(egress, rule->range());
            entries.as_list().push_back(acl_entry(*rule, rule->range(), &direction));
        }
    }
    if (!entries.as_list().empty()) {
        properties.set("Entries", std::move(entries), header(native));
    }
    copy_tags(properties, "Tags", body);
}

void network_acl_rule(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "NetworkAclId", argument(body, "network_acl_id"));
    // The provider sends egress = false (an ingress entry) when it is omitted.
    const Value* egress = argument(body, "egress");
    Value fallback = Value::boolean(false, header(native));
    Value entry = acl_entry(body, header(native), egress ? egress : &fallback);
    for (Value::Entry& field : entry.as_map()) {
        const SourceRange at = field.value.range();
        properties.set(field.key, std::move(field.value), at);
    }
}

// ---- VPC endpoints -----------------------------------------------------------------------------

void vpc_endpoint(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"vpc_id", "VpcId"},
                 {"service_name", "ServiceName"},
                 {"route_table_ids", "RouteTableIds"},
                 {"subnet_ids", "SubnetIds"},
                 {"security_group_ids", "SecurityGroupIds"},
                 {"private_dns_enabled", "PrivateDnsEnabled"}});
    // The provider creates a gateway endpoint when vpc_endpoint_type is omitted.
    copy_or_default(properties, "VpcEndpointType", argument(body, "vpc_endpoint_type"),
                    Value::string("Gateway"), native);
    copy_json(properties, "PolicyDocument", argument(body, "policy"));
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_vpc_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_vpc_endpoint", "AWS::EC2::VPCEndpoint", vpc_endpoint});
    catalog.resources.push_back({"aws_vpc", "AWS::EC2::VPC", vpc});
    catalog.resources.push_back({"aws_default_vpc", "AWS::EC2::VPC", vpc});
    catalog.resources.push_back({"aws_flow_log", "AWS::EC2::FlowLog", flow_log});
    catalog.attachments.push_back({"aws_flow_log", "aws_vpc", "vpc_id", "", merge_flow_log});
    catalog.attachments.push_back(
        {"aws_flow_log", "aws_default_vpc", "vpc_id", "", merge_flow_log});
    catalog.resources.push_back({"aws_subnet", "AWS::EC2::Subnet", subnet});
    catalog.resources.push_back({"aws_default_subnet", "AWS::EC2::Subnet", default_subnet});
    catalog.resources.push_back(
        {"aws_default_security_group", types::kEc2SecurityGroup, default_security_group});
    for (std::string_view type : {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
                                  "aws_vpc_security_group_egress_rule"}) {
        catalog.attachments.push_back({type, "aws_default_security_group", "security_group_id", "",
                                       merge_default_group_rule});
    }
    catalog.resources.push_back({"aws_network_acl", "AWS::EC2::NetworkAcl", network_acl});
    catalog.resources.push_back({"aws_default_network_acl", "AWS::EC2::NetworkAcl", network_acl});
    catalog.resources.push_back(
        {"aws_network_acl_rule", "AWS::EC2::NetworkAclEntry", network_acl_rule});
}

}  // namespace bulwark::terraform
