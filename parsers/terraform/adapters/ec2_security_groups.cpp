// aws_security_group with inline rules, and the standalone rule resources that attach to it:
// aws_security_group_rule, aws_vpc_security_group_ingress_rule / _egress_rule.
#include "model/resource_types.h"
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// One CloudFormation rule entry per CIDR, as CloudFormation allows one CIDR per rule.
void add_entries(const Value& rule, const SourceRange& at, std::string_view protocol_argument,
                 Value& list) {
    Value base = Value::map({}, at);
    copy(base, "IpProtocol", argument(rule, protocol_argument));
    copy(base, "FromPort", argument(rule, "from_port"));
    copy(base, "ToPort", argument(rule, "to_port"));
    copy(base, "Description", argument(rule, "description"));
    bool any_cidr = false;
    auto add_cidrs = [&](std::string_view native, std::string_view cfn) {
        const Value* cidrs = argument(rule, native);
        if (cidrs == nullptr) return;
        any_cidr = true;
        if (!cidrs->is_list()) {  // unknown, or a single string
            Value entry = base;
            entry.set(std::string(cfn), *cidrs, cidrs->range());
            list.as_list().push_back(std::move(entry));
            return;
        }
        for (const Value& cidr : cidrs->as_list()) {
            Value entry = base;
            entry.set(std::string(cfn), cidr, cidr.range());
            list.as_list().push_back(std::move(entry));
        }
    };
    add_cidrs("cidr_blocks", "CidrIp");
    add_cidrs("ipv6_cidr_blocks", "CidrIpv6");
    add_cidrs("cidr_ipv4", "CidrIp");
    add_cidrs("cidr_ipv6", "CidrIpv6");
    // Rules that allow another security group: one entry per group, with an edge to it.
    for (std::string_view native : {"security_groups", "source_security_group_id", "referenced_security_group_id"}) {
        const Value* groups = argument(rule, native);
        if (groups == nullptr) continue;
        any_cidr = true;
        const std::vector<Value> items = groups->is_list() ? groups->as_list() : std::vector<Value>{*groups};
        for (const Value& group : items) {
            Value entry = base;
            entry.set("SourceSecurityGroupId", group, group.range());
            list.as_list().push_back(std::move(entry));
        }
    }
    if (!any_cidr) list.as_list().push_back(std::move(base));
}

void append_rules(Value& properties, std::string_view property, const Value& rule,
                  const SourceRange& at, std::string_view protocol_argument) {
    Value* list = properties.find(property);
    if (list == nullptr || !list->is_list()) {
        properties.set(std::string(property), Value::list({}, at), at);
        list = properties.find(property);
    }
    add_entries(rule, at, protocol_argument, *list);
}

void group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "GroupName", argument(body, "name"));
    copy(properties, "GroupDescription", argument(body, "description"));
    copy(properties, "VpcId", argument(body, "vpc_id"));
    for (const Value* rule : blocks(body, "ingress")) {
        if (rule->is_unknown()) {  // a dynamic block over a value known only after apply
            Value* list = properties.find("SecurityGroupIngress");
            if (list == nullptr) {
                properties.set("SecurityGroupIngress", Value::list({}, rule->range()), rule->range());
                list = properties.find("SecurityGroupIngress");
            }
            list->as_list().push_back(*rule);
            continue;
        }
        append_rules(properties, "SecurityGroupIngress", *rule, rule->range(), "protocol");
    }
    for (const Value* rule : blocks(body, "egress")) {
        if (!rule->is_unknown()) append_rules(properties, "SecurityGroupEgress", *rule, rule->range(), "protocol");
    }
}

bool is_ingress(const NativeResource& native) {
    if (native.type == "aws_vpc_security_group_ingress_rule") return true;
    if (native.type == "aws_vpc_security_group_egress_rule") return false;
    const Value* type = argument(native.body, "type");
    return type && type->is_string() && type->as_string() == "ingress";
}

std::string_view protocol_argument(const NativeResource& native) {
    return native.type == "aws_security_group_rule" ? "protocol" : "ip_protocol";
}

void merge_rule(const NativeResource& native, Value& owner) {
    append_rules(owner, is_ingress(native) ? "SecurityGroupIngress" : "SecurityGroupEgress",
                 native.body, native.range, protocol_argument(native));
}

// A rule whose group Bulwark cannot resolve is checked on its own, shaped like a group's rule
// list so the same rules apply.
void unowned_rule(const NativeResource& native, Value& properties) {
    copy(properties, "GroupId", argument(native.body, "security_group_id"));
    merge_rule(native, properties);
}

}  // namespace

void add_ec2_security_group_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_security_group", types::kEc2SecurityGroup, group});
    for (std::string_view type : {"aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
                                  "aws_vpc_security_group_egress_rule"}) {
        catalog.attachments.push_back({type, "aws_security_group", "security_group_id", "", merge_rule});
        catalog.resources.push_back({type, types::kEc2SecurityGroupIngress, unowned_rule});
    }
}

}  // namespace bulwark::terraform
