#include "parsers/cloudformation/computed_intrinsics.h"

#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstdio>

namespace bulwark::cloudformation {
namespace {

using Address = std::array<std::uint8_t, 16>;  // IPv4 uses the first 4 bytes

// Adds `value << shift` (shift counted in bits from the right of a `bytes`-byte address).
bool add_shifted(Address& address, int bytes, std::uint64_t value, int shift) {
    for (int bit = 0; value != 0; ++bit, value >>= 1) {
        if ((value & 1) == 0) continue;
        int position = shift + bit;  // from the right
        while (true) {
            if (position >= bytes * 8) return false;  // overflow past the address
            const int byte = bytes - 1 - position / 8;
            const std::uint8_t mask = static_cast<std::uint8_t>(1u << (position % 8));
            if ((address[byte] & mask) == 0) {
                address[byte] |= mask;
                break;
            }
            address[byte] &= static_cast<std::uint8_t>(~mask);  // carry
            ++position;
        }
    }
    return true;
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

bool append_json(std::string& out, const Value& value) {
    switch (value.kind()) {
        case ValueKind::Null:
            out += "null";
            return true;
        case ValueKind::Bool:
            out += value.as_bool() ? "true" : "false";
            return true;
        case ValueKind::Number:
            out += format_number(value.as_number());
            return true;
        case ValueKind::String:
            append_json_string(out, value.as_string());
            return true;
        case ValueKind::List: {
            out += '[';
            bool first = true;
            for (const Value& item : value.as_list()) {
                if (!first) out += ',';
                first = false;
                if (!append_json(out, item)) return false;
            }
            out += ']';
            return true;
        }
        case ValueKind::Map: {
            out += '{';
            bool first = true;
            for (const Value::Entry& entry : value.as_map()) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, entry.key);
                out += ':';
                if (!append_json(out, entry.value)) return false;
            }
            out += '}';
            return true;
        }
        case ValueKind::Unknown:
            return false;
    }
    return false;
}

}  // namespace

std::variant<std::vector<std::string>, std::string> cidr_subnets(std::string_view block,
                                                                 long long count,
                                                                 long long host_bits) {
    const std::size_t slash = block.find('/');
    if (slash == std::string_view::npos) return std::string("the IP block needs a /prefix");
    const std::string ip(block.substr(0, slash));
    const std::string prefix_text(block.substr(slash + 1));
    if (prefix_text.empty() || prefix_text.size() > 3 ||
        prefix_text.find_first_not_of("0123456789") != std::string::npos) {
        return "invalid prefix length in " + std::string(block);
    }
    const int prefix = std::stoi(prefix_text);
    Address address{};
    const bool v6 = ip.find(':') != std::string::npos;
    if (inet_pton(v6 ? AF_INET6 : AF_INET, ip.c_str(), address.data()) != 1) {
        return "invalid IP address " + ip;
    }
    const int bytes = v6 ? 16 : 4;
    const int width = bytes * 8;
    if (prefix > width) return "invalid prefix length in " + std::string(block);
    if (host_bits < 1 || host_bits > width - prefix) {
        return "cidrBits " + std::to_string(host_bits) + " does not fit in " + std::string(block);
    }
    const int subnet_prefix = width - static_cast<int>(host_bits);
    const int spare = subnet_prefix - prefix;  // bits that number the subnets
    if (count < 1 || count > 256 || (spare < 63 && count > (1LL << spare))) {
        return "count " + std::to_string(count) + " subnets do not fit in " + std::string(block);
    }
    for (int bit = prefix; bit < width; ++bit) {  // the network address of the block
        address[bit / 8] &= static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
    }
    std::vector<std::string> subnets;
    for (long long i = 0; i < count; ++i) {
        Address subnet = address;
        if (!add_shifted(subnet, bytes, static_cast<std::uint64_t>(i),
                         static_cast<int>(host_bits))) {
            return std::string("subnets overflow the address space");
        }
        char text[INET6_ADDRSTRLEN];
        inet_ntop(v6 ? AF_INET6 : AF_INET, subnet.data(), text, sizeof text);
        subnets.push_back(std::string(text) + "/" + std::to_string(subnet_prefix));
    }
    return subnets;
}

std::optional<std::string> to_json_string(const Value& value) {
    std::string out;
    if (!append_json(out, value)) return std::nullopt;
    return out;
}

PartitionInfo partition_of_region(std::string_view region) {
    if (region.starts_with("cn-")) return {"aws-cn", "amazonaws.com.cn"};
    if (region.starts_with("us-gov-")) return {"aws-us-gov", "amazonaws.com"};
    if (region.starts_with("us-isob-")) return {"aws-iso-b", "sc2s.sgov.gov"};
    if (region.starts_with("us-iso-")) return {"aws-iso", "c2s.ic.gov"};
    return {"aws", "amazonaws.com"};
}

}  // namespace bulwark::cloudformation
