#pragma once

#include <cmath>
#include <limits>

namespace bulwark {

// Converts a double to an integer type without undefined behaviour: NaN gives `if_nan`, values
// beyond the type's range (infinities included) saturate to its limits, and the rest truncate
// toward zero as static_cast does. Numbers in infrastructure code and rule files are doubles
// that anyone can write as .nan, 1e400 or -.inf.
template <typename Int>
Int saturating_cast(double value, Int if_nan = 0) {
    if (std::isnan(value)) return if_nan;
    constexpr Int lowest = std::numeric_limits<Int>::lowest();
    constexpr Int highest = std::numeric_limits<Int>::max();
    // 2^digits is exactly representable; anything at or above it does not fit.
    const double above = std::ldexp(1.0, std::numeric_limits<Int>::digits);
    if (value >= above) return highest;
    if (value <= static_cast<double>(lowest)) return lowest;
    return static_cast<Int>(value);
}

// A double that is a whole number an int64 can hold.
inline bool is_whole_number(double value) {
    return std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 9.2e18;
}

}  // namespace bulwark
