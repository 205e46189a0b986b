// Network built-ins: CIDR ranges and security group port tests.

#include <charconv>

#include "io/scalar.h"
#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"
#include "util/text.h"

namespace bulwark {
namespace {

using namespace builtin_support;

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

// ---- ingress_port_open ----------------------------------------------------------------------

Outcome ingress_port_open(const Value& subject, const Value& args, const BuiltinContext&) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    if (!subject.is_map()) return {Tri::False, evidence_of(subject)};
    const Value* protocol = subject.find("IpProtocol");
    if (protocol == nullptr) return {Tri::False, evidence_of(subject)};
    if (protocol->is_unknown()) return {Tri::Unknown, evidence_of(*protocol)};
    std::string name = protocol->is_number()   ? format_number(protocol->as_number())
                       : protocol->is_string() ? ascii_lower(protocol->as_string())
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

}  // namespace

void add_network_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"cidr_is_public", "a CIDR string covers every address (0.0.0.0/0, ::/0)", cidr_is_public,
         no_args},
        {"ingress_port_open",
         "a security group rule allows TCP or UDP traffic to one of args.ports (protocol -1 allows "
         "all)",
         ingress_port_open, validate_ports},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
