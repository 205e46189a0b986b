#include "rules/builtins.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "io/scalar.h"

namespace bulwark {
namespace {

std::optional<SourceRange> evidence_of(const Value& value) {
    if (value.range().valid()) return value.range();
    return std::nullopt;
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A number written as a number or as a numeric string (CloudFormation accepts both).
std::optional<double> numeric(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (value.is_string()) return parse_decimal(value.as_string());
    return std::nullopt;
}

// ---- cidr_is_public -------------------------------------------------------------------------

Outcome cidr_is_public(const Value& subject, const Value&, const BuiltinContext&) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    if (!subject.is_string()) return {Tri::False, evidence_of(subject)};
    const std::string& cidr = subject.as_string();
    const std::size_t slash = cidr.find('/');
    if (slash == std::string::npos) return {Tri::False, evidence_of(subject)};
    unsigned prefix = 0;
    const char* begin = cidr.data() + slash + 1;
    const char* end = cidr.data() + cidr.size();
    auto [stop, error] = std::from_chars(begin, end, prefix);
    return {tri(error == std::errc() && stop == end && prefix == 0), evidence_of(subject)};
}

std::optional<std::string> no_args(const Value& args) {
    if (args.is_null() || (args.is_map() && args.as_map().empty())) return std::nullopt;
    return std::string("takes no args");
}

// ---- ingress_port_open ----------------------------------------------------------------------

Outcome ingress_port_open(const Value& subject, const Value& args, const BuiltinContext&) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    if (!subject.is_map()) return {Tri::False, evidence_of(subject)};
    const Value* protocol = subject.find("IpProtocol");
    if (protocol == nullptr) return {Tri::False, evidence_of(subject)};
    if (protocol->is_unknown()) return {Tri::Unknown, evidence_of(*protocol)};
    std::string name = protocol->is_number()   ? format_number(protocol->as_number())
                       : protocol->is_string() ? lower(protocol->as_string())
                                               : std::string();
    if (name == "-1" || name == "all") return {Tri::True, evidence_of(*protocol)};
    // TCP (6) and UDP (17): RDP also listens on UDP 3389.
    if (name != "tcp" && name != "6" && name != "udp" && name != "17") {
        return {Tri::False, evidence_of(*protocol)};
    }
    const Value* from = subject.find("FromPort");
    const Value* to = subject.find("ToPort");
    if (from == nullptr || to == nullptr) return {Tri::False, evidence_of(subject)};
    if (from->is_unknown() || to->is_unknown()) return {Tri::Unknown, evidence_of(*from)};
    auto low = numeric(*from);
    auto high = numeric(*to);
    if (!low || !high) return {Tri::False, evidence_of(*from)};
    if (*low == -1 && *high == -1) return {Tri::True, evidence_of(*from)};  // all ports
    for (const Value& port : args.find("ports")->as_list()) {
        const double p = port.as_number();
        if (*low <= p && p <= *high) return {Tri::True, evidence_of(*from)};
    }
    return {Tri::False, evidence_of(*from)};
}

std::optional<std::string> validate_ports(const Value& args) {
    const Value* ports = args.find("ports");
    if (!args.is_map() || ports == nullptr || !ports->is_list() || ports->as_list().empty()) {
        return std::string("needs args: {ports: [N, ...]}");
    }
    for (const Value& port : ports->as_list()) {
        if (!port.is_number() || port.as_number() < 0 || port.as_number() > 65535) {
            return std::string("ports must be numbers from 0 to 65535");
        }
    }
    for (const Value::Entry& entry : args.as_map()) {
        if (entry.key != "ports") return "unknown argument '" + entry.key + "'";
    }
    return std::nullopt;
}

// ---- policy_denies_insecure_transport -------------------------------------------------------

// The service prefix of a resource type: AWS::S3::BucketPolicy -> s3.
std::string service_of(std::string_view type) {
    if (!type.starts_with("AWS::")) return {};
    type.remove_prefix(5);
    return lower(type.substr(0, type.find("::")));
}

// True when `value` (one string or a list) contains a string satisfying `accept`; Unknown when an
// element is unknown and none satisfies it.
template <typename Accept>
Tri any_string(const Value* value, Accept accept) {
    if (value == nullptr) return Tri::False;
    if (value->is_unknown()) return Tri::Unknown;
    if (value->is_string()) return tri(accept(value->as_string()));
    if (!value->is_list()) return Tri::False;
    Tri result = Tri::False;
    for (const Value& item : value->as_list()) {
        if (item.is_unknown())
            result = tri_or(result, Tri::Unknown);
        else if (item.is_string() && accept(item.as_string()))
            return Tri::True;
    }
    return result;
}

Tri principal_is_everyone(const Value* principal) {
    if (principal == nullptr) return Tri::False;
    if (principal->is_unknown()) return Tri::Unknown;
    auto star = [](const std::string& s) { return s == "*"; };
    if (principal->is_string()) return tri(star(principal->as_string()));
    if (principal->is_map()) return any_string(principal->find("AWS"), star);
    return Tri::False;
}

Tri condition_requires_insecure(const Value* condition) {
    if (condition == nullptr) return Tri::False;
    if (condition->is_unknown()) return Tri::Unknown;
    Tri result = Tri::False;
    for (std::string_view op : {"Bool", "BoolIfExists"}) {
        const Value* test = condition->find(op);
        if (test == nullptr) continue;
        if (test->is_unknown()) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        const Value* secure = test->find("aws:SecureTransport");
        result = tri_or(
            result, any_string(secure, [](const std::string& s) { return lower(s) == "false"; }));
        if (secure && secure->is_bool() && !secure->as_bool()) return Tri::True;
    }
    return result;
}

Outcome policy_denies_insecure_transport(const Value& subject, const Value&,
                                         const BuiltinContext& context) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    if (subject.is_string()) {
        // A policy given as a JSON string is normalised by the IAM analyser (a later stage).
        return {Tri::Unknown, evidence_of(subject)};
    }
    const Value* statements = subject.find("Statement");
    if (statements == nullptr) return {Tri::False, evidence_of(subject)};
    if (statements->is_unknown()) return {Tri::Unknown, evidence_of(*statements)};
    std::vector<const Value*> list;
    if (statements->is_list()) {
        for (const Value& s : statements->as_list())
            list.push_back(&s);
    } else {
        list.push_back(statements);
    }
    const std::string service = service_of(context.resource.type);
    Outcome result{Tri::False, evidence_of(subject)};
    for (const Value* statement : list) {
        if (statement->is_unknown()) {
            result.value = tri_or(result.value, Tri::Unknown);
            continue;
        }
        const Value* effect = statement->find("Effect");
        Tri denies = effect == nullptr      ? Tri::False
                     : effect->is_unknown() ? Tri::Unknown
                     : effect->is_string()  ? tri(effect->as_string() == "Deny")
                                            : Tri::False;
        const Tri everyone = principal_is_everyone(statement->find("Principal"));
        const Tri all_actions = any_string(statement->find("Action"), [&](const std::string& a) {
            const std::string action = lower(a);
            return action == "*" || (!service.empty() && action == service + ":*");
        });
        const Tri insecure = condition_requires_insecure(statement->find("Condition"));
        const Tri verdict = tri_and(tri_and(denies, everyone), tri_and(all_actions, insecure));
        if (verdict == Tri::True) return {Tri::True, evidence_of(*statement)};
        result.value = tri_or(result.value, verdict);
    }
    return result;
}

constexpr Builtin kBuiltins[] = {
    {"cidr_is_public", "a CIDR string covers every address (0.0.0.0/0, ::/0)", cidr_is_public,
     no_args},
    {"ingress_port_open",
     "a security group rule allows TCP or UDP traffic to one of args.ports (protocol -1 allows "
     "all)",
     ingress_port_open, validate_ports},
    {"policy_denies_insecure_transport",
     "a policy document denies every action of the resource's service to everyone when "
     "aws:SecureTransport is false",
     policy_denies_insecure_transport, no_args},
};

}  // namespace

std::span<const Builtin> builtins() {
    return kBuiltins;
}

const Builtin* find_builtin(std::string_view name) {
    for (const Builtin& builtin : kBuiltins) {
        if (builtin.name == name) return &builtin;
    }
    return nullptr;
}

}  // namespace bulwark
