// Network ACL built-ins: whether an ACL's inbound entries let the whole internet in.
//
// Network ACL entries are evaluated in rule-number order and the first entry that matches a packet
// decides. The question asked is about a packet from an arbitrary internet address, so only
// entries whose CIDR covers every address (0.0.0.0/0, ::/0) can match it for certain: a deny for
// 10.0.0.0/8 does not stop it and an allow for 203.0.113.0/24 does not let the world in.

#include <algorithm>
#include <charconv>
#include <vector>

#include "io/scalar.h"
#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"
#include "util/numbers.h"
#include "util/text.h"

namespace bulwark {
namespace {

using namespace builtin_support;

enum class Family { V4, V6 };

// A CIDR's prefix length is 0 (True), is another length (False), or cannot be read (Unknown).
Tri covers_everything(const Value* cidr) {
    if (cidr == nullptr) return Tri::False;
    if (cidr->is_unknown()) return Tri::Unknown;
    if (!cidr->is_string()) return Tri::False;
    const std::string& text = cidr->as_string();
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos) return Tri::False;
    unsigned prefix = 0;
    auto [stop, error] =
        std::from_chars(text.data() + slash + 1, text.data() + text.size(), prefix);
    return tri(error == std::errc() && stop == text.data() + text.size() && prefix == 0);
}

// The IANA protocol number an entry names: -1 for all, 6 TCP, 17 UDP ("tcp"/"udp"/"all" accepted).
std::optional<int> protocol_number(const Value& protocol) {
    if (protocol.is_number()) {
        if (!std::isfinite(protocol.as_number())) return std::nullopt;
        return saturating_cast<int>(protocol.as_number());
    }
    if (!protocol.is_string()) return std::nullopt;
    const std::string name = ascii_lower(protocol.as_string());
    if (name == "all" || name == "-1") return -1;
    if (name == "tcp") return 6;
    if (name == "udp") return 17;
    if (auto n = parse_decimal(name)) return static_cast<int>(*n);
    return std::nullopt;
}

// One inbound entry as far as the question needs it.
struct Entry {
    const Value* value = nullptr;
    double number = 0;
    Tri number_known = Tri::True;
};

// Whether `entry` matches a packet from anywhere in `family` to `port` (nullopt: any traffic at
// all, as for the all-ports question, where only protocol -1 entries match).
Tri matches(const Value& entry, Family family, std::optional<double> port) {
    const Tri everywhere =
        covers_everything(entry.find(family == Family::V4 ? "CidrBlock" : "Ipv6CidrBlock"));
    if (everywhere == Tri::False) return Tri::False;
    const Value* protocol = entry.find("Protocol");
    if (protocol == nullptr) return Tri::False;
    if (protocol->is_unknown()) return tri_and(everywhere, Tri::Unknown);
    const std::optional<int> number = protocol_number(*protocol);
    if (!number) return Tri::False;
    if (*number == -1) return everywhere;
    if (!port || (*number != 6 && *number != 17)) return Tri::False;
    const Value* range = entry.find("PortRange");
    const Value* from = range ? range->find("From") : nullptr;
    const Value* to = range ? range->find("To") : nullptr;
    if (from == nullptr || to == nullptr) return Tri::False;
    if (from->is_unknown() || to->is_unknown()) return tri_and(everywhere, Tri::Unknown);
    const auto low = numeric(*from);
    const auto high = numeric(*to);
    if (!low || !high) return Tri::False;
    return tri_and(everywhere, tri(*low <= *port && *port <= *high));
}

// Allow (True), deny (False) or unknown.
Tri allows(const Value& entry) {
    const Value* action = entry.find("RuleAction");
    if (action == nullptr) return Tri::False;
    if (action->is_unknown()) return Tri::Unknown;
    return tri(action->is_string() && ascii_lower(action->as_string()) == "allow");
}

Tri is_ingress(const Value& entry) {
    const Value* egress = entry.find("Egress");
    if (egress == nullptr || egress->is_null()) return Tri::True;  // CloudFormation's default
    if (egress->is_unknown()) return Tri::Unknown;
    if (egress->is_bool()) return tri(!egress->as_bool());
    if (egress->is_string()) return tri(ascii_lower(egress->as_string()) != "true");
    return Tri::True;
}

// Walks the inbound entries in rule-number order for one packet: the first entry that certainly
// matches decides; an entry that may match (unknown) before it makes an allow only possible.
Outcome first_match(const std::vector<Entry>& entries, Family family, std::optional<double> port) {
    bool undecided = false;
    std::optional<SourceRange> undecided_at;
    for (const Entry& entry : entries) {
        const Value& value = *entry.value;
        Tri match = tri_and(matches(value, family, port), is_ingress(value));
        if (entry.number_known != Tri::True) match = tri_and(match, Tri::Unknown);
        if (match == Tri::False) continue;
        const Tri allowed = allows(value);
        const Value* cidr = value.find(family == Family::V4 ? "CidrBlock" : "Ipv6CidrBlock");
        const std::optional<SourceRange> at = cidr ? evidence_of(*cidr) : evidence_of(value);
        if (match == Tri::Unknown || allowed == Tri::Unknown) {
            if (allowed != Tri::False && !undecided) undecided_at = at;
            undecided = undecided || allowed != Tri::False;
            continue;
        }
        if (allowed == Tri::True) return {undecided ? Tri::Unknown : Tri::True, at};
        return {undecided ? Tri::Unknown : Tri::False, undecided ? undecided_at : at};
    }
    // Nothing matched: the catch-all "*" entry of every ACL denies.
    return {undecided ? Tri::Unknown : Tri::False, undecided_at};
}

// network_acl_allows_public_ingress: the subject is an ACL's entry list (the `Entries` of an
// AWS::EC2::NetworkAcl, folded from AWS::EC2::NetworkAclEntry resources or Terraform's inline
// rules) or one entry on its own. With `ports`, it holds when a packet from anywhere to one of the
// ports is let in; without, when an entry for every protocol lets the world in.
Outcome allows_public_ingress(const Value& subject, const Value& args, const BuiltinContext&) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    std::vector<Entry> entries;
    bool unknown_entry = false;
    std::optional<SourceRange> unknown_at;
    auto add = [&](const Value& value) {
        if (!value.is_map()) {
            if (value.is_unknown() && !unknown_entry) unknown_at = evidence_of(value);
            unknown_entry = unknown_entry || value.is_unknown();
            return;
        }
        Entry entry{&value};
        const Value* number = value.find("RuleNumber");
        const auto n = number ? numeric(*number) : std::nullopt;
        if (n) {
            entry.number = *n;
        } else {
            entry.number_known = Tri::Unknown;
        }
        entries.push_back(entry);
    };
    if (subject.is_list()) {
        for (const Value& item : subject.as_list())
            add(item);
    } else {
        add(subject);
    }
    // Entries whose number is unknown are tried first, so they can only make an allow possible.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if ((a.number_known == Tri::True) != (b.number_known == Tri::True)) {
            return a.number_known != Tri::True;
        }
        return a.number < b.number;
    });
    std::vector<std::optional<double>> packets;
    if (const Value* ports = args.find("ports")) {
        for (const Value& port : ports->as_list())
            packets.emplace_back(port.as_number());
    } else {
        packets.emplace_back(std::nullopt);
    }
    Outcome result{Tri::False, evidence_of(subject)};
    for (Family family : {Family::V4, Family::V6}) {
        for (const std::optional<double>& port : packets) {
            const Outcome outcome = first_match(entries, family, port);
            if (outcome.value == Tri::True) return outcome;
            if (outcome.value == Tri::Unknown && result.value == Tri::False) result = outcome;
        }
    }
    if (unknown_entry && result.value == Tri::False) return {Tri::Unknown, unknown_at};
    return result;
}

std::optional<std::string> validate_ports(const Value& args) {
    if (args.is_null()) return std::nullopt;
    if (!args.is_map()) return std::string("args must be a mapping");
    for (const Value::Entry& entry : args.as_map()) {
        if (entry.key != "ports") return "unknown argument '" + entry.key + "'";
        if (!entry.value.is_list() || entry.value.as_list().empty()) {
            return std::string("ports must be a non-empty list of port numbers");
        }
        for (const Value& port : entry.value.as_list()) {
            if (!port.is_number() || port.as_number() < 0 || port.as_number() > 65535) {
                return std::string("ports must be numbers from 0 to 65535");
            }
        }
    }
    return std::nullopt;
}

}  // namespace

void add_network_acl_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"network_acl_allows_public_ingress",
         "network ACL entries (a list, or one entry) let traffic from 0.0.0.0/0 or ::/0 in: to one "
         "of args.ports, or, without ports, on every protocol; entries apply in rule-number order",
         allows_public_ingress, validate_ports},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
