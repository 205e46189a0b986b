// CIDR functions: cidrhost, cidrnetmask, cidrsubnet, cidrsubnets, for IPv4 and IPv6, with
// the parsing (Terraform's ipaddr: leading zeros allowed in IPv4 parts) and the arithmetic of
// apparentlymart/go-cidr.

#include <algorithm>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

using U128 = unsigned __int128;

struct Network {
    U128 address = 0;  // the network address (host bits cleared)
    int bits = 32;     // 32 (IPv4) or 128 (IPv6)
    int prefix = 0;
};

U128 mask_of(int prefix, int bits) {
    if (prefix <= 0) return 0;
    const U128 all = bits == 128 ? ~U128{0} : ((U128{1} << bits) - 1);
    if (prefix >= bits) return all;
    return all & ~((U128{1} << (bits - prefix)) - 1);
}

U128 all_ones(int bits) {
    return bits == 128 ? ~U128{0} : ((U128{1} << bits) - 1);
}

// Go's dtoi: leading decimal digits (at least one), bounded.
bool decimal(std::string_view text, std::size_t& i, unsigned long& out) {
    const std::size_t start = i;
    out = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        out = out * 10 + static_cast<unsigned long>(text[i] - '0');
        if (out >= 0xFFFFFF) return false;
        ++i;
    }
    return i > start;
}

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
    std::uint32_t address = 0;
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= text.size() || text[i] != '.') return std::nullopt;
            ++i;
        }
        unsigned long n = 0;
        if (!decimal(text, i, n) || n > 0xFF) return std::nullopt;
        address = (address << 8) | static_cast<std::uint32_t>(n);
    }
    if (i != text.size()) return std::nullopt;
    return address;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Go's parseIPv6 (no zone): hex groups, one "::", an optional trailing dotted IPv4 part.
std::optional<U128> parse_ipv6(std::string_view text) {
    std::uint16_t groups[8] = {};
    int count = 0;
    int ellipsis = -1;
    std::size_t i = 0;
    if (text.starts_with("::")) {
        ellipsis = 0;
        i = 2;
        if (i == text.size()) return U128{0};
    }
    while (i < text.size()) {
        std::size_t j = i;
        unsigned value = 0;
        while (j < text.size() && hex_value(text[j]) >= 0 && j - i < 4) {
            value = value * 16 + static_cast<unsigned>(hex_value(text[j]));
            ++j;
        }
        if (j == i) return std::nullopt;
        if (j < text.size() && text[j] == '.') {  // embedded IPv4
            if (ellipsis < 0 && count != 6) return std::nullopt;
            if (count + 2 > 8) return std::nullopt;
            auto v4 = parse_ipv4(text.substr(i));
            if (!v4) return std::nullopt;
            groups[count++] = static_cast<std::uint16_t>(*v4 >> 16);
            groups[count++] = static_cast<std::uint16_t>(*v4 & 0xFFFF);
            i = text.size();
            break;
        }
        if (count >= 8) return std::nullopt;
        groups[count++] = static_cast<std::uint16_t>(value);
        i = j;
        if (i == text.size()) break;
        if (text[i] != ':' || i + 1 == text.size()) return std::nullopt;
        ++i;
        if (text[i] == ':') {
            if (ellipsis >= 0) return std::nullopt;
            ellipsis = count;
            ++i;
            if (i == text.size()) break;
        }
    }
    if (ellipsis >= 0) {
        if (count >= 8) return std::nullopt;
        const int missing = 8 - count;
        for (int k = count - 1; k >= ellipsis; --k)
            groups[k + missing] = groups[k];
        for (int k = ellipsis; k < ellipsis + missing; ++k)
            groups[k] = 0;
    } else if (count != 8) {
        return std::nullopt;
    }
    U128 address = 0;
    for (std::uint16_t group : groups)
        address = (address << 16) | group;
    return address;
}

// Go's net.ParseCIDR; the error text on failure.
std::optional<Network> parse_cidr(std::string_view text, std::string& error) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        error = "invalid CIDR address: " + std::string(text);
        return std::nullopt;
    }
    const std::string_view address = text.substr(0, slash);
    const std::string_view length = text.substr(slash + 1);
    Network network;
    if (auto v4 = parse_ipv4(address)) {
        network.address = *v4;
        network.bits = 32;
    } else if (auto v6 = parse_ipv6(address)) {
        network.address = *v6;
        network.bits = 128;
    } else {
        error = "invalid CIDR address: " + std::string(text);
        return std::nullopt;
    }
    std::size_t i = 0;
    unsigned long prefix = 0;
    if (!decimal(length, i, prefix) || i != length.size() ||
        prefix > static_cast<unsigned long>(network.bits)) {
        error = "invalid CIDR address: " + std::string(text);
        return std::nullopt;
    }
    network.prefix = static_cast<int>(prefix);
    network.address &= mask_of(network.prefix, network.bits);
    return network;
}

std::string format_ipv4(std::uint32_t address) {
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xFF) + "." +
           std::to_string((address >> 8) & 0xFF) + "." + std::to_string(address & 0xFF);
}

// Go's net.IP.String: IPv4-mapped addresses dotted, otherwise RFC 5952.
std::string format_address(U128 address, int bits) {
    if (bits == 32) return format_ipv4(static_cast<std::uint32_t>(address));
    if ((address >> 32) == U128{0xFFFF}) return format_ipv4(static_cast<std::uint32_t>(address));
    std::uint16_t groups[8];
    for (int k = 7; k >= 0; --k) {
        groups[k] = static_cast<std::uint16_t>(address & 0xFFFF);
        address >>= 16;
    }
    int best_start = -1;
    int best_length = 0;
    for (int k = 0; k < 8;) {
        if (groups[k] != 0) {
            ++k;
            continue;
        }
        int end = k;
        while (end < 8 && groups[end] == 0)
            ++end;
        if (end - k > best_length && end - k >= 2) {
            best_start = k;
            best_length = end - k;
        }
        k = end;
    }
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (int k = 0; k < 8; ++k) {
        if (k == best_start) {
            out += "::";
            k += best_length - 1;
            continue;
        }
        if (k > 0 && !out.ends_with(':')) out += ':';
        std::string group;
        unsigned value = groups[k];
        do {
            group.insert(group.begin(), kDigits[value & 0xF]);
            value >>= 4;
        } while (value != 0);
        out += group;
    }
    return out;
}

std::string format_network(U128 address, int prefix, int bits) {
    return format_address(address, bits) + "/" + std::to_string(prefix);
}

// The prefix argument, parsed; nullopt after a failure recorded on the call.
std::optional<Network> network_arg(Call& call) {
    auto text = call.string(0);
    if (!text) return std::nullopt;
    std::string error;
    auto network = parse_cidr(*text, error);
    if (!network) call.fail("invalid CIDR expression: " + error);
    return network;
}

}  // namespace

Value fn_cidrhost(std::vector<Value>& args, FunctionContext& context) {
    Call call("cidrhost", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto host = call.integer(1);
    if (!host) return call.failure();
    auto network = network_arg(call);
    if (!network) return call.failure();
    const int host_bits = network->bits - network->prefix;
    const U128 max_host = host_bits >= 128 ? ~U128{0} : ((U128{1} << host_bits) - 1);
    U128 number = 0;
    if (*host >= 0) {
        number = static_cast<U128>(*host);
        if (number > max_host) {
            return call.fail("prefix of " + std::to_string(network->prefix) +
                             " does not accommodate a host numbered " + std::to_string(*host));
        }
    } else {
        const U128 back = static_cast<U128>(-(*host + 1));  // -1 is the last address
        if (back > max_host) {
            return call.fail("prefix of " + std::to_string(network->prefix) +
                             " does not accommodate a host numbered " + std::to_string(*host));
        }
        number = max_host - back;
    }
    return call.string_result(format_address(network->address | number, network->bits));
}

Value fn_cidrnetmask(std::vector<Value>& args, FunctionContext& context) {
    Call call("cidrnetmask", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto network = network_arg(call);
    if (!network) return call.failure();
    if (network->bits != 32) {
        return call.fail("IPv6 addresses cannot have a netmask: " +
                         detail::to_text(call.arg(0)).value_or(""));
    }
    return call.string_result(
        format_ipv4(static_cast<std::uint32_t>(mask_of(network->prefix, 32))));
}

Value fn_cidrsubnet(std::vector<Value>& args, FunctionContext& context) {
    Call call("cidrsubnet", args, context);
    if (auto early = call.start(3, 3, Unknowns::Deep)) return *early;
    auto newbits = call.integer(1);
    if (!newbits) return call.failure();
    auto netnum = call.integer(2);
    if (!netnum) return call.failure();
    auto network = network_arg(call);
    if (!network) return call.failure();
    if (*newbits < 0 || network->prefix + *newbits > network->bits) {
        return call.fail("insufficient address space to extend prefix of " +
                         std::to_string(network->prefix) + " by " + std::to_string(*newbits));
    }
    const int prefix = network->prefix + static_cast<int>(*newbits);
    const U128 max_net = *newbits >= 128 ? ~U128{0} : ((U128{1} << *newbits) - 1);
    if (*netnum < 0 || static_cast<U128>(*netnum) > max_net) {
        return call.fail("prefix extension of " + std::to_string(*newbits) +
                         " does not accommodate a subnet numbered " + std::to_string(*netnum));
    }
    const int shift = network->bits - prefix;
    const U128 offset = shift >= 128 ? 0 : static_cast<U128>(*netnum) << shift;
    return call.string_result(format_network(network->address | offset, prefix, network->bits));
}

Value fn_cidrsubnets(std::vector<Value>& args, FunctionContext& context) {
    Call call("cidrsubnets", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Deep)) return *early;
    auto network = network_arg(call);
    if (!network) return call.failure();
    Value::List out;
    if (call.size() == 1) return call.list_result(std::move(out));
    const int bits = network->bits;
    const U128 ones = all_ones(bits);
    auto first = call.integer(1);
    if (!first) return call.failure();
    // go-cidr's PreviousSubnet(network, start + first): the block just below the network.
    int current_prefix = std::clamp(
        network->prefix + static_cast<int>(std::clamp<std::int64_t>(*first, -256, 256)), 0, bits);
    U128 current = ((network->address - 1) & ones) & mask_of(current_prefix, bits);
    const U128 network_last = network->address | (ones & ~mask_of(network->prefix, bits));
    for (std::size_t i = 1; i < call.size(); ++i) {
        auto length = call.integer(i);
        if (!length) return call.failure();
        if (*length < 1) return call.fail("must extend prefix by at least one bit");
        if (*length > 32) return call.fail("may not extend prefix by more than 32 bits");
        const int prefix = network->prefix + static_cast<int>(*length);
        if (prefix > bits) {
            return call.fail("would extend prefix to " + std::to_string(prefix) +
                             " bits, which is too long for an IPv" + (bits == 32 ? "4" : "6") +
                             " address");
        }
        // go-cidr's NextSubnet(current, prefix).
        const U128 current_last = current | (ones & ~mask_of(current_prefix, bits));
        const U128 mask = mask_of(prefix, bits);
        const U128 last = (current_last & mask) | (ones & ~mask);
        const U128 next = (last + 1) & ones;
        const bool rollover = next == 0;
        if (rollover || next < network->address || next > network_last) {
            return call.fail("not enough remaining address space for a subnet with a prefix of " +
                             std::to_string(prefix) + " bits after " +
                             format_network(current, current_prefix, bits));
        }
        current = next & mask;
        current_prefix = prefix;
        out.push_back(call.string_result(format_network(current, prefix, bits)));
    }
    return call.list_result(std::move(out));
}

}  // namespace bulwark::terraform::builtin
