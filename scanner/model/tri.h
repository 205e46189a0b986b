#pragma once

#include <cstdint>
#include <string_view>

namespace bulwark {

// Three-valued logic: a check is true, false, or cannot be decided before deployment.
enum class Tri : std::uint8_t { False, True, Unknown };

constexpr Tri tri(bool b) {
    return b ? Tri::True : Tri::False;
}

constexpr Tri tri_not(Tri t) {
    return t == Tri::Unknown ? Tri::Unknown : (t == Tri::True ? Tri::False : Tri::True);
}

// False wins over Unknown in a conjunction; True wins over Unknown in a disjunction.
constexpr Tri tri_and(Tri a, Tri b) {
    if (a == Tri::False || b == Tri::False) return Tri::False;
    if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
    return Tri::True;
}

constexpr Tri tri_or(Tri a, Tri b) {
    if (a == Tri::True || b == Tri::True) return Tri::True;
    if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
    return Tri::False;
}

constexpr std::string_view to_string(Tri t) {
    return t == Tri::True ? "true" : (t == Tri::False ? "false" : "unknown");
}

}  // namespace bulwark
