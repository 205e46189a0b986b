// aws_elasticloadbalancingv2: Application / Network load balancers and their listeners
// (add_listener, ApplicationListener), with the ingress an open listener adds.
#include "parsers/cdk/source/constructs/ec2_support.h"

namespace bulwark::cdk {
namespace {

struct NamedPolicy {
    std::string_view member;
    std::string_view name;
};
constexpr NamedPolicy kSslPolicies[] = {
    {"RECOMMENDED_TLS", "ELBSecurityPolicy-TLS13-1-2-2021-06"},
    {"RECOMMENDED", "ELBSecurityPolicy-2016-08"},
    {"TLS13_RES", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"},
    {"TLS13_EXT1", "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"},
    {"TLS13_EXT2", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06"},
    {"TLS13_10", "ELBSecurityPolicy-TLS13-1-0-2021-06"},
    {"TLS13_11", "ELBSecurityPolicy-TLS13-1-1-2021-06"},
    {"TLS13_13", "ELBSecurityPolicy-TLS13-1-3-2021-06"},
    {"FORWARD_SECRECY_TLS12_RES_GCM", "ELBSecurityPolicy-FS-1-2-Res-2020-10"},
    {"FORWARD_SECRECY_TLS12_RES", "ELBSecurityPolicy-FS-1-2-Res-2019-08"},
    {"FORWARD_SECRECY_TLS12", "ELBSecurityPolicy-FS-1-2-2019-08"},
    {"FORWARD_SECRECY_TLS11", "ELBSecurityPolicy-FS-1-1-2019-08"},
    {"FORWARD_SECRECY", "ELBSecurityPolicy-FS-2018-06"},
    {"TLS12", "ELBSecurityPolicy-TLS-1-2-2017-01"},
    {"TLS12_EXT", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"},
    {"TLS11", "ELBSecurityPolicy-TLS-1-1-2017-01"},
    {"LEGACY", "ELBSecurityPolicy-TLS-1-0-2015-04"},
};

bool is_network(const Object& lb) {
    return lb.primary_type == "AWS::ElasticLoadBalancingV2::LoadBalancer" &&
           lb.cdk_class.ends_with("NetworkLoadBalancer");
}

void load_balancer(Synth& s, std::string_view type) {
    Value& p = s.emit("AWS::ElasticLoadBalancingV2::LoadBalancer");
    const Sym* internet_facing = s.prop("internet_facing");
    if (internet_facing == nullptr) {
        Synth::set(p, "Scheme", s.fallback(Value::string("internal")));
    } else if (auto b = bool_value(internet_facing); b && b->is_bool()) {
        Synth::set(
            p, "Scheme",
            Value::string(b->as_bool() ? "internet-facing" : "internal", internet_facing->range));
    } else {
        Synth::set(p, "Scheme", to_value(*internet_facing));
    }
    Synth::set(p, "Type", s.fallback(Value::string(std::string(type))));
    if (const Sym* v = s.prop("load_balancer_name")) Synth::set(p, "Name", to_value(*v));
    Value attributes = Value::list({}, s.call());
    auto attribute = [&](std::string_view key, const Sym* v, std::string fallback) {
        Value a = Value::map({}, v ? v->range : s.call());
        Synth::set(a, "Key", Value::string(std::string(key), v ? v->range : s.call()));
        Value value = v ? to_value(*v) : s.fallback(Value::string(fallback));
        if (value.is_bool())
            value = Value::string(value.as_bool() ? "true" : "false", value.range());
        Synth::set(a, "Value", std::move(value));
        attributes.as_list().push_back(std::move(a));
    };
    attribute("deletion_protection.enabled", s.prop("deletion_protection"), "false");
    if (type == "application") {
        if (const Sym* v = s.prop("drop_invalid_header_fields")) {
            attribute("routing.http.drop_invalid_header_fields.enabled", v, "");
        }
    }
    Synth::set(p, "LoadBalancerAttributes", std::move(attributes));
    Synth::set(p, "Subnets", Value::unknown("subnets of the VPC", {}, s.call()));
    if (type == "application") {
        if (const Sym* group = s.prop("security_group")) {
            const Object* g = object_of(group);
            Synth::set(
                p, "SecurityGroups",
                Value::list({g ? reference_to(*g, "GroupId", group->range) : to_value(*group)},
                            group->range));
            if (g != nullptr) s.self().fields["security_group"] = *group;
            if (g != nullptr && g->fields.count("connections")) {
                s.self().fields["connections"] = g->fields.at("connections");
            }
        } else {
            Object& created = ec2::make_security_group(
                s, "SecurityGroup",
                s.fallback(
                    Value::string("Automatically created Security Group for ELB " + s.self().path)),
                true);
            Synth::set(p, "SecurityGroups",
                       Value::list({reference_to(created, "GroupId", s.call())}, s.call()));
            Sym ref;
            ref.kind = SymKind::Object;
            ref.object = &created;
            ref.range = s.call();
            s.self().fields["security_group"] = ref;
        }
    }
}

// The listener's properties; `lb` is the load balancer it belongs to.
void listener_at(Synth& s, Object& listener, Object* lb) {
    SynthResource& r = s.emit_at(listener.path, "AWS::ElasticLoadBalancingV2::Listener",
                                 "aws_elasticloadbalancingv2.Listener", s.call());
    listener.primary = listener.path;
    listener.primary_type = "AWS::ElasticLoadBalancingV2::Listener";
    Value& p = r.properties;
    const bool network = lb != nullptr && is_network(*lb);
    if (lb != nullptr) Synth::set(p, "LoadBalancerArn", reference_to(*lb, "", s.call()));
    const Sym* port = s.prop("port");
    const Sym* protocol = s.prop("protocol");
    const Sym* certificates = s.prop("certificates");
    if (port) Synth::set(p, "Port", to_value(*port));
    if (auto member = member_of(protocol, network ? "Protocol" : "ApplicationProtocol")) {
        Synth::set(p, "Protocol", Value::string(*member, protocol->range));
    } else if (protocol != nullptr) {
        Synth::set(p, "Protocol", to_value(*protocol));
    } else if (network) {
        Synth::set(p, "Protocol", s.fallback(Value::string(certificates ? "TLS" : "TCP")));
    } else if (port && port->is_data() && port->data.is_number()) {
        // CDK infers HTTPS for 443 and when certificates are given, HTTP otherwise.
        const bool https = port->data.as_number() == 443 || certificates != nullptr;
        Synth::set(p, "Protocol", Value::string(https ? "HTTPS" : "HTTP", port->range));
    } else {
        Synth::set(p, "Protocol", Value::unknown("protocol", {}, s.call()));
    }
    if (port == nullptr && protocol == nullptr)
        Synth::set(p, "Port", Value::unknown("port", {}, s.call()));
    if (certificates != nullptr) {
        Value::List list;
        if (certificates->kind == SymKind::List) {
            for (const Sym& c : certificates->items) {
                Value entry = Value::map({}, c.range);
                const Object* o = object_of(&c);
                if (o && is_class(o, "ListenerCertificate.from_arn") && !o->args.empty()) {
                    Synth::set(entry, "CertificateArn", to_value(o->args.front()));
                } else if (o && !o->primary.empty()) {
                    Synth::set(entry, "CertificateArn", reference_to(*o, "", c.range));
                } else {
                    Synth::set(entry, "CertificateArn",
                               Value::unknown("a certificate", {}, c.range));
                }
                list.push_back(std::move(entry));
            }
        }
        Synth::set(p, "Certificates", Value::list(std::move(list), certificates->range));
    }
    if (const Sym* v = s.prop("ssl_policy")) {
        Value name = Value::unknown("an SSL policy", {}, v->range);
        if (auto member = member_of(v, "SslPolicy")) {
            for (const NamedPolicy& policy : kSslPolicies) {
                if (policy.member == *member)
                    name = Value::string(std::string(policy.name), v->range);
            }
        }
        Synth::set(p, "SslPolicy", std::move(name));
    }
    Synth::set(p, "DefaultActions", Value::unknown("actions of the listener", {}, s.call()));
    // open (the default) lets the whole internet reach the listener's port.
    if (lb != nullptr && !network) {
        const Sym* open = s.prop("open");
        const bool opens =
            open == nullptr || (open->is_data() && open->data.is_bool() && open->data.as_bool());
        auto group = lb->fields.find("security_group");
        if (opens && port && group != lb->fields.end() && group->second.kind == SymKind::Object) {
            Object& peer = s.store().make_object();
            peer.kind = ObjectKind::Value;
            peer.cdk_class = "aws_ec2.Peer.any_ipv4";
            peer.range = open ? open->range : s.call();
            Sym peer_sym;
            peer_sym.kind = SymKind::Object;
            peer_sym.object = &peer;
            peer_sym.range = peer.range;
            Object& tcp = s.store().make_object();
            tcp.kind = ObjectKind::Value;
            tcp.cdk_class = "aws_ec2.Port.tcp";
            tcp.range = port->range;
            tcp.args.push_back(*port);
            Sym port_sym;
            port_sym.kind = SymKind::Object;
            port_sym.object = &tcp;
            port_sym.range = port->range;
            Sym description = Sym::of(Value::string(
                "Allow from anyone on port " + (port->is_data() && port->data.is_number()
                                                    ? format_number(port->data.as_number())
                                                    : std::string("?")),
                s.call()));
            ec2::add_ingress(s, *group->second.object, &peer_sym, &port_sym, &description,
                             peer.range);
        }
    }
}

Sym add_listener(Synth& s) {
    const Sym* id = s.arg(0);
    const std::string name =
        id && id->is_data() && id->data.is_string() ? id->data.as_string() : "Listener";
    Object& listener = s.store().make_object();
    listener.kind = ObjectKind::Construct;
    listener.cdk_class = is_network(s.self()) ? "aws_elasticloadbalancingv2.NetworkListener"
                                              : "aws_elasticloadbalancingv2.ApplicationListener";
    listener.path = s.self().path + "/" + name;
    listener.range = s.call();
    listener_at(s, listener, &s.self());
    Sym out;
    out.kind = SymKind::Object;
    out.object = &listener;
    out.range = s.call();
    return out;
}

void listener(Synth& s) {
    const Object* lb = object_of(s.prop("load_balancer"));
    listener_at(s, s.self(), const_cast<Object*>(lb));
}

}  // namespace

void add_elbv2_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_elasticloadbalancingv2.ApplicationLoadBalancer",
                                  [](Synth& s) { load_balancer(s, "application"); }});
    catalog.constructs.push_back({"aws_elasticloadbalancingv2.NetworkLoadBalancer",
                                  [](Synth& s) { load_balancer(s, "network"); }});
    catalog.constructs.push_back({"aws_elasticloadbalancingv2.ApplicationListener", listener});
    catalog.constructs.push_back({"aws_elasticloadbalancingv2.NetworkListener", listener});
    catalog.methods.push_back(
        {"aws_elasticloadbalancingv2.ApplicationLoadBalancer", "add_listener", add_listener});
    catalog.methods.push_back(
        {"aws_elasticloadbalancingv2.NetworkLoadBalancer", "add_listener", add_listener});
}

}  // namespace bulwark::cdk
