// aws_ec2: Vpc (subnets, flow logs), SecurityGroup (ingress and egress rules, connections),
// FlowLog, and the Peer / Port helpers.
#include "parsers/cdk/source/constructs/ec2_support.h"
#include "parsers/cdk/source/constructs/iam_support.h"
#include "util/numbers.h"

namespace bulwark::cdk {
namespace ec2 {
namespace {

Sym object_ref(Object& object, SourceRange at) {
    Sym s;
    s.kind = SymKind::Object;
    s.object = &object;
    s.range = at;
    return s;
}

// A peer as the source fields of a rule: CidrIp, CidrIpv6, SourceSecurityGroupId, ...
bool peer_fields(const Sym* peer, Value& rule, std::string& label) {
    if (peer == nullptr) return false;
    const SourceRange at = peer->range;
    const Object* p = object_of(peer);
    auto first_arg = [&]() -> Value {
        return p && !p->args.empty() ? to_value(p->args.front()) : Value::unknown("a peer", {}, at);
    };
    if (is_class(p, "Peer.any_ipv4")) {
        Synth::set(rule, "CidrIp", Value::string("0.0.0.0/0", at));
        label = "0.0.0.0/0";
        return true;
    }
    if (is_class(p, "Peer.any_ipv6")) {
        Synth::set(rule, "CidrIpv6", Value::string("::/0", at));
        label = "::/0";
        return true;
    }
    if (is_class(p, "Peer.ipv4")) {
        Value cidr = first_arg();
        cidr.set_range(at);
        label = cidr.is_string() ? cidr.as_string() : "cidr";
        Synth::set(rule, "CidrIp", std::move(cidr));
        return true;
    }
    if (is_class(p, "Peer.ipv6")) {
        Value cidr = first_arg();
        cidr.set_range(at);
        label = cidr.is_string() ? cidr.as_string() : "cidr";
        Synth::set(rule, "CidrIpv6", std::move(cidr));
        return true;
    }
    if (is_class(p, "Peer.prefix_list")) {
        Synth::set(rule, "SourcePrefixListId", first_arg());
        label = "prefix list";
        return true;
    }
    if (is_class(p, "Peer.security_group_id")) {
        Synth::set(rule, "SourceSecurityGroupId", first_arg());
        label = "security group";
        return false;
    }
    if (p != nullptr && p->kind == ObjectKind::Construct) {
        Synth::set(rule, "SourceSecurityGroupId", reference_to(*p, "GroupId", at));
        label = p->path;
        return false;
    }
    Synth::set(rule, "CidrIp", Value::unknown("a peer known only at deployment", {}, at));
    label = "peer";
    return true;
}

struct PortRange {
    std::string protocol;
    Value from;
    Value to;
    std::string label;
};

std::optional<PortRange> port_range(const Sym* port) {
    if (port == nullptr) return std::nullopt;
    const SourceRange at = port->range;
    auto number = [&](const Object* o, std::size_t i) -> Value {
        if (o && i < o->args.size()) {
            Value v = to_value(o->args[i]);
            v.set_range(at);
            return v;
        }
        return Value::unknown("a port", {}, at);
    };
    auto label_of = [](const Value& from, const Value& to) {
        if (!from.is_number() || !to.is_number()) return std::string("port");
        if (from.as_number() == to.as_number()) return format_number(from.as_number());
        return format_number(from.as_number()) + "-" + format_number(to.as_number());
    };
    if (auto member = member_of(port, "Port")) {
        struct Named {
            std::string_view name;
            int port;
        };
        constexpr Named kNamed[] = {
            {"SSH", 22},   {"SMTP", 25},           {"DNS_TCP", 53}, {"HTTP", 80},
            {"POP3", 110}, {"IMAP", 143},          {"LDAP", 389},   {"HTTPS", 443},
            {"SMB", 445},  {"IMAPS", 993},         {"POP3S", 995},  {"MSSQL", 1433},
            {"NFS", 2049}, {"MYSQL_AURORA", 3306}, {"RDP", 3389},   {"POSTGRES", 5432}};
        for (const Named& n : kNamed) {
            if (n.name == *member) {
                return PortRange{"tcp", Value::number(n.port, at), Value::number(n.port, at),
                                 std::to_string(n.port)};
            }
        }
        return std::nullopt;
    }
    const Object* o = object_of(port);
    if (o == nullptr) return std::nullopt;
    const std::string& c = o->cdk_class;
    auto method = c.substr(c.rfind('.') + 1);
    if (!is_class(o, "Port." + method)) return std::nullopt;
    if (method == "tcp" || method == "udp") {
        Value n = number(o, 0);
        return PortRange{method, n, n, label_of(n, n)};
    }
    if (method == "tcp_range" || method == "udp_range") {
        Value a = number(o, 0);
        Value b = number(o, 1);
        return PortRange{method.substr(0, 3), a, b, label_of(a, b)};
    }
    if (method == "all_tcp" || method == "all_udp") {
        return PortRange{method.substr(4), Value::number(0, at), Value::number(65535, at),
                         "ALL PORTS"};
    }
    if (method == "all_traffic") return PortRange{"-1", Value(), Value(), "ALL TRAFFIC"};
    if (method == "icmp_ping") {
        return PortRange{"icmp", Value::number(8, at), Value::number(-1, at), "ICMP Type 8"};
    }
    return std::nullopt;
}

void egress_defaults(Value& p, bool allow_all_outbound, SourceRange at) {
    Value rule = Value::map({}, at);
    if (allow_all_outbound) {
        Synth::set(rule, "CidrIp", Value::string("0.0.0.0/0", at));
        Synth::set(rule, "Description", Value::string("Allow all outbound traffic by default", at));
        Synth::set(rule, "IpProtocol", Value::string("-1", at));
    } else {
        Synth::set(rule, "CidrIp", Value::string("255.255.255.255/32", at));
        Synth::set(rule, "Description", Value::string("Disallow all traffic", at));
        Synth::set(rule, "FromPort", Value::number(252, at));
        Synth::set(rule, "IpProtocol", Value::string("icmp", at));
        Synth::set(rule, "ToPort", Value::number(86, at));
    }
    Synth::set(p, "SecurityGroupEgress", Value::list({std::move(rule)}, at));
}

void give_connections(Synth& s, Object& group) {
    Object& connections = s.store().make_object();
    connections.kind = ObjectKind::Value;
    connections.cdk_class = "aws_ec2.Connections";
    connections.range = group.range;
    connections.fields["security_group"] = object_ref(group, group.range);
    group.fields["connections"] = object_ref(connections, group.range);
}

}  // namespace

Object& make_security_group(Synth& s, std::string_view id, Value description,
                            bool allow_all_outbound) {
    Object& group = s.make_child(id, "aws_ec2.SecurityGroup");
    SynthResource& r =
        s.emit_at(group.path, "AWS::EC2::SecurityGroup", "aws_ec2.SecurityGroup", s.call());
    group.primary = group.path;
    group.primary_type = "AWS::EC2::SecurityGroup";
    Synth::set(r.properties, "GroupDescription", std::move(description));
    egress_defaults(r.properties, allow_all_outbound, s.call());
    if (const Sym* vpc = s.prop("vpc")) {
        const Object* v = object_of(vpc);
        Synth::set(r.properties, "VpcId", v ? reference_to(*v, "", vpc->range) : to_value(*vpc));
    }
    give_connections(s, group);
    s.self().fields["connections"] = group.fields["connections"];
    return group;
}

void add_ingress(Synth& s, Object& group, const Sym* peer, const Sym* port, const Sym* description,
                 SourceRange at) {
    SynthResource* resource = s.primary_of(group);
    if (resource == nullptr) return;
    Value rule = Value::map({}, at);
    std::string label;
    const bool inline_rule = peer_fields(peer, rule, label);
    const auto range = port_range(port);
    if (range) {
        Synth::set(rule, "IpProtocol", Value::string(range->protocol, port->range));
        if (!range->from.is_null()) Synth::set(rule, "FromPort", range->from);
        if (!range->to.is_null()) Synth::set(rule, "ToPort", range->to);
    } else {
        Synth::set(rule, "IpProtocol", Value::unknown("a port range", {}, port ? port->range : at));
    }
    if (description != nullptr) {
        Synth::set(rule, "Description", to_value(*description));
    } else {
        Synth::set(rule, "Description",
                   Value::string("from " + label + ":" + (range ? range->label : "port"), at));
    }
    if (inline_rule) {
        Value* list = resource->properties.find("SecurityGroupIngress");
        if (list == nullptr || !list->is_list()) {
            Synth::set(resource->properties, "SecurityGroupIngress", Value::list({}, at));
            list = resource->properties.find("SecurityGroupIngress");
        }
        list->as_list().push_back(std::move(rule));
        return;
    }
    const std::string address =
        group.path + "/from " + label + ":" + (range ? range->label : "port");
    SynthResource& ingress =
        s.emit_at(address, "AWS::EC2::SecurityGroupIngress", "aws_ec2.SecurityGroup", at);
    ingress.properties = std::move(rule);
    Synth::set(ingress.properties, "GroupId", reference_to(group, "GroupId", at));
}

Value selects_public_subnets(const Sym* selection, SourceRange fallback) {
    if (selection == nullptr) return Value::boolean(false, fallback);
    const Sym* type = nullptr;
    if (selection->kind == SymKind::Dict) {
        for (const SymEntry& e : selection->entries) {
            if (to_snake(e.key) == "subnet_type") type = &e.value;
        }
        if (type == nullptr && !selection->open) return Value::boolean(false, selection->range);
    } else if (const Object* o = object_of(selection); o && is_class(o, "SubnetSelection")) {
        if (const SymEntry* e = o->props.find("subnet_type")) type = &e->value;
        if (type == nullptr && !o->props.open) return Value::boolean(false, selection->range);
    }
    if (auto member = member_of(type, "SubnetType")) {
        return Value::boolean(*member == "PUBLIC", type->range);
    }
    return Value::unknown("the subnets selected", {}, selection->range);
}

}  // namespace ec2

namespace {

using ec2::object_ref;

void flow_log_at(Synth& s, const std::string& path, Value resource_id,
                 std::string_view resource_type, const Sym* options, SourceRange at) {
    SynthResource& r = s.emit_at(path + "/FlowLog", "AWS::EC2::FlowLog", "aws_ec2.FlowLog", at);
    Synth::set(r.properties, "ResourceId", std::move(resource_id));
    Synth::set(r.properties, "ResourceType", Value::string(std::string(resource_type), at));
    const Sym* traffic = nullptr;
    const Sym* destination = nullptr;
    auto read = [&](const std::vector<SymEntry>& entries) {
        for (const SymEntry& e : entries) {
            if (to_snake(e.key) == "traffic_type") traffic = &e.value;
            if (to_snake(e.key) == "destination") destination = &e.value;
        }
    };
    if (options != nullptr && options->kind == SymKind::Dict) read(options->entries);
    if (const Object* o = object_of(options)) read(o->props.entries);
    if (auto member = member_of(traffic, "FlowLogTrafficType")) {
        Synth::set(r.properties, "TrafficType", Value::string(*member, traffic->range));
    } else {
        Synth::set(r.properties, "TrafficType",
                   traffic ? to_value(*traffic) : Value::string("ALL", at));
    }
    const Object* d = object_of(destination);
    if (d != nullptr && is_class(d, "FlowLogDestination.to_s3")) {
        Synth::set(r.properties, "LogDestinationType", Value::string("s3", destination->range));
        const Object* bucket = d->args.empty() ? nullptr : object_of(&d->args.front());
        Synth::set(r.properties, "LogDestination",
                   bucket ? reference_to(*bucket, "Arn", destination->range)
                          : Value::unknown("a bucket CDK creates", {}, destination->range));
    } else {
        Synth::set(r.properties, "LogDestinationType",
                   Value::string("cloud-watch-logs", destination ? destination->range : at));
        Synth::set(r.properties, "LogGroupName", Value::unknown("a log group", {}, at));
    }
}

Value vpc_cidr(Synth& s) {
    if (const Sym* v = s.prop("ip_addresses")) {
        const Object* o = object_of(v);
        if (o && is_class(o, "IpAddresses.cidr") && !o->args.empty())
            return to_value(o->args.front());
        return Value::unknown("address plan", {}, v->range);
    }
    if (const Sym* v = s.prop("cidr")) return to_value(*v);
    return s.fallback(Value::string("10.0.0.0/16"));
}

struct SubnetGroup {
    std::string name;
    std::string type;  // PUBLIC, PRIVATE_WITH_EGRESS, PRIVATE_ISOLATED
};

void vpc(Synth& s) {
    Value& p = s.emit("AWS::EC2::VPC");
    Synth::set(p, "CidrBlock", vpc_cidr(s));
    const Sym* hostnames = s.prop("enable_dns_hostnames");
    const Sym* support = s.prop("enable_dns_support");
    Synth::set(p, "EnableDnsHostnames",
               hostnames ? to_value(*hostnames) : s.fallback(Value::boolean(true)));
    Synth::set(p, "EnableDnsSupport",
               support ? to_value(*support) : s.fallback(Value::boolean(true)));
    Synth::set(p, "InstanceTenancy", s.fallback(Value::string("default")));
    Object& self = s.self();

    int azs = 2;  // an environment-agnostic stack spreads over two availability zones
    if (const Sym* max = s.prop("max_azs"); max && max->is_data() && max->data.is_number()) {
        azs = std::max(1, std::min(2, saturating_cast<int>(max->data.as_number(), 2)));
    }
    bool nat = true;
    if (const Sym* n = s.prop("nat_gateways"); n && n->is_data() && n->data.is_number()) {
        nat = n->data.as_number() > 0;
    }
    std::vector<SubnetGroup> groups;
    const Sym* configuration = s.prop("subnet_configuration");
    if (configuration != nullptr && configuration->kind == SymKind::List) {
        for (const Sym& item : configuration->items) {
            const Sym* name = nullptr;
            const Sym* type = nullptr;
            auto read = [&](const std::vector<SymEntry>& entries) {
                for (const SymEntry& e : entries) {
                    if (to_snake(e.key) == "name") name = &e.value;
                    if (to_snake(e.key) == "subnet_type") type = &e.value;
                }
            };
            if (item.kind == SymKind::Dict) read(item.entries);
            if (const Object* o = object_of(&item)) read(o->props.entries);
            auto member = member_of(type, "SubnetType");
            if (!name || !name->is_data() || !name->data.is_string() || !member) continue;
            std::string kind = *member == "PRIVATE" || *member == "PRIVATE_WITH_NAT"
                                   ? "PRIVATE_WITH_EGRESS"
                               : *member == "ISOLATED" ? "PRIVATE_ISOLATED"
                                                       : *member;
            groups.push_back({name->data.as_string(), kind});
        }
    } else {
        groups.push_back({"Public", "PUBLIC"});
        if (nat)
            groups.push_back({"Private", "PRIVATE_WITH_EGRESS"});
        else
            groups.push_back({"Isolated", "PRIVATE_ISOLATED"});
    }
    const Value vpc_ref = reference_to(self, "", s.call());
    std::map<std::string, Sym> by_type;
    for (const SubnetGroup& group : groups) {
        Sym& list = by_type[group.type];
        list.kind = SymKind::List;
        list.range = s.call();
        for (int i = 1; i <= azs; ++i) {
            const std::string address =
                self.path + "/" + group.name + "Subnet" + std::to_string(i) + "/Subnet";
            SynthResource& r = s.emit_at(address, "AWS::EC2::Subnet", "aws_ec2.Subnet", s.call());
            Synth::set(r.properties, "VpcId", vpc_ref);
            Synth::set(r.properties, "CidrBlock",
                       Value::unknown("a block CDK carves from the VPC", {}, s.call()));
            Synth::set(r.properties, "MapPublicIpOnLaunch",
                       s.fallback(Value::boolean(group.type == "PUBLIC")));
            list.items.push_back(
                Sym::of(Value::unknown("reference to " + address, {{address, ""}}, s.call())));
        }
    }
    for (auto& [type, list] : by_type) {
        const std::string field = type == "PUBLIC"             ? "public_subnets"
                                  : type == "PRIVATE_ISOLATED" ? "isolated_subnets"
                                                               : "private_subnets";
        self.fields[field] = list;
    }
    if (const Sym* flow_logs = s.prop("flow_logs"); flow_logs && flow_logs->kind == SymKind::Dict) {
        for (const SymEntry& e : flow_logs->entries) {
            flow_log_at(s, self.path + "/" + e.key, reference_to(self, "", e.key_range), "VPC",
                        &e.value, e.key_range);
        }
    }
}

Sym add_flow_log(Synth& s) {
    const Sym* id = s.arg(0);
    const std::string name =
        id && id->is_data() && id->data.is_string() ? id->data.as_string() : "FlowLog";
    Sym options;
    options.kind = SymKind::Dict;
    options.range = s.call();
    for (const char* key : {"traffic_type", "destination"}) {
        if (const SymEntry* e = s.prop_entry(key)) options.entries.push_back(*e);
    }
    if (s.arg(1) != nullptr && s.arg(1)->kind == SymKind::Dict) options = *s.arg(1);
    flow_log_at(s, s.self().path + "/" + name, reference_to(s.self(), "", s.call()), "VPC",
                &options, s.call());
    return Sym::of(Value::null(s.call()));
}

void flow_log(Synth& s) {
    const Sym* resource_type = s.prop("resource_type");
    Value id = Value::unknown("the flow log's resource", {}, s.call());
    std::string type = "VPC";
    if (const Object* o = object_of(resource_type)) {
        const Object* target = o->args.empty() ? nullptr : object_of(&o->args.front());
        if (target) id = reference_to(*target, "", resource_type->range);
        if (o->cdk_class.ends_with("from_subnet")) type = "Subnet";
        if (o->cdk_class.ends_with("from_network_interface_id")) type = "NetworkInterface";
    }
    Sym options;
    options.kind = SymKind::Dict;
    options.range = s.call();
    for (const char* key : {"traffic_type", "destination"}) {
        if (const SymEntry* e = s.prop_entry(key)) options.entries.push_back(*e);
    }
    flow_log_at(s, s.self().path, std::move(id), type, &options, s.call());
    s.self().primary = s.self().path + "/FlowLog";
    s.self().primary_type = "AWS::EC2::FlowLog";
}

void security_group(Synth& s) {
    Value& p = s.emit("AWS::EC2::SecurityGroup");
    const Sym* description = s.prop("description");
    Synth::set(p, "GroupDescription",
               description ? to_value(*description) : s.fallback(Value::string(s.self().path)));
    if (const Sym* v = s.prop("security_group_name")) Synth::set(p, "GroupName", to_value(*v));
    bool allow_all = true;
    const Sym* outbound = s.prop("allow_all_outbound");
    if (outbound != nullptr && outbound->is_data() && outbound->data.is_bool()) {
        allow_all = outbound->data.as_bool();
    }
    if (outbound != nullptr && outbound->is_unknown()) {
        Synth::set(p, "SecurityGroupEgress", outbound->data);
    } else {
        ec2::egress_defaults(p, allow_all, outbound ? outbound->range : s.call());
    }
    if (const Sym* vpc = s.prop("vpc")) {
        const Object* v = object_of(vpc);
        Synth::set(p, "VpcId", v ? reference_to(*v, "", vpc->range) : to_value(*vpc));
    }
    ec2::give_connections(s, s.self());
}

Sym add_ingress_rule(Synth& s) {
    ec2::add_ingress(s, s.self(), s.param(0, "peer"), s.param(1, "connection"),
                     s.param(2, "description"), s.call());
    return Sym::of(Value::null(s.call()));
}

Sym add_egress_rule(Synth& s) {
    SynthResource* resource = s.primary_of(s.self());
    if (resource == nullptr) return Sym::of(Value::null(s.call()));
    Value rule = Value::map({}, s.call());
    std::string label;
    ec2::peer_fields(s.param(0, "peer"), rule, label);
    if (Value* cidr = rule.find("CidrIp")) {
        Value moved = *cidr;
        std::erase_if(rule.as_map(), [](const Value::Entry& e) { return e.key == "CidrIp"; });
        Synth::set(rule, "CidrIp", moved);
    }
    if (auto range = ec2::port_range(s.param(1, "connection"))) {
        Synth::set(rule, "IpProtocol", Value::string(range->protocol, s.call()));
        if (!range->from.is_null()) Synth::set(rule, "FromPort", range->from);
        if (!range->to.is_null()) Synth::set(rule, "ToPort", range->to);
    }
    Value* list = resource->properties.find("SecurityGroupEgress");
    if (list != nullptr && list->is_list()) {
        // An explicit rule replaces the "disallow all" placeholder.
        auto& items = list->as_list();
        std::erase_if(items, [](const Value& r) {
            const Value* c = r.find("CidrIp");
            return c && c->is_string() && c->as_string() == "255.255.255.255/32";
        });
        const Value* first = items.empty() ? nullptr : items.front().find("CidrIp");
        if (first && first->is_string() && first->as_string() == "0.0.0.0/0") {
            return Sym::of(Value::null(s.call()));  // all outbound already allowed
        }
        items.push_back(std::move(rule));
    }
    return Sym::of(Value::null(s.call()));
}

Object* connections_group(Synth& s) {
    auto it = s.self().fields.find("security_group");
    if (it == s.self().fields.end() || it->second.kind != SymKind::Object) return nullptr;
    return it->second.object;
}

Sym allow_from(Synth& s) {
    if (Object* group = connections_group(s)) {
        ec2::add_ingress(s, *group, s.param(0, "other"), s.param(1, "port_range"),
                         s.param(2, "description"), s.call());
    }
    return Sym::of(Value::null(s.call()));
}

Sym allow_from_any_ipv4(Synth& s) {
    Object* group = connections_group(s);
    if (group == nullptr) return Sym::of(Value::null(s.call()));
    Object& peer = s.store().make_object();
    peer.kind = ObjectKind::Value;
    peer.cdk_class = "aws_ec2.Peer.any_ipv4";
    peer.range = s.call();
    Sym p = object_ref(peer, s.call());
    ec2::add_ingress(s, *group, &p, s.param(0, "port_range"), s.param(1, "description"), s.call());
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_ec2_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_ec2.Vpc", vpc});
    catalog.constructs.push_back({"aws_ec2.SecurityGroup", security_group});
    catalog.constructs.push_back({"aws_ec2.FlowLog", flow_log});
    catalog.methods.push_back({"aws_ec2.Vpc", "add_flow_log", add_flow_log});
    catalog.methods.push_back({"aws_ec2.SecurityGroup", "add_ingress_rule", add_ingress_rule});
    catalog.methods.push_back({"aws_ec2.SecurityGroup", "add_egress_rule", add_egress_rule});
    catalog.methods.push_back({"aws_ec2.Connections", "allow_from", allow_from});
    catalog.methods.push_back({"aws_ec2.Connections", "allow_from_any_ipv4", allow_from_any_ipv4});
}

}  // namespace bulwark::cdk
