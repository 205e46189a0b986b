#include "io/scalar.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace bulwark {
namespace {

bool all_digits(std::string_view text, int base) {
    if (text.empty()) return false;
    for (char c : text) {
        const bool ok = base == 8    ? (c >= '0' && c <= '7')
                        : base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                                     : (c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

std::optional<double> parse_integer(std::string_view digits, int base) {
    unsigned long long parsed = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed, base);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    if (parsed > (1ULL << 53)) return std::nullopt;  // not exact as a double: keep the text
    return static_cast<double>(parsed);
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::string_view body = text;
    if (body.front() == '+') body.remove_prefix(1);
    double parsed = 0;
    auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), parsed);
    if (error != std::errc() || end != body.data() + body.size()) return std::nullopt;
    return parsed;
}

Value resolve_plain_scalar(std::string_view text, SourceRange range) {
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
        return Value::null(range);
    }
    if (text == "true" || text == "True" || text == "TRUE") return Value::boolean(true, range);
    if (text == "false" || text == "False" || text == "FALSE") return Value::boolean(false, range);

    std::string_view body = text;
    bool negative = false;
    if (body.front() == '-' || body.front() == '+') {
        negative = body.front() == '-';
        body.remove_prefix(1);
    }
    auto signed_value = [&](double v) { return Value::number(negative ? -v : v, range); };

    if (body.starts_with("0o") && all_digits(body.substr(2), 8)) {
        if (auto v = parse_integer(body.substr(2), 8)) return signed_value(*v);
        return Value::string(std::string(text), range);
    }
    if (body.starts_with("0x") && all_digits(body.substr(2), 16)) {
        if (auto v = parse_integer(body.substr(2), 16)) return signed_value(*v);
        return Value::string(std::string(text), range);
    }
    if (all_digits(body, 10)) {
        if (body.size() > 1 && body.front() == '0') return Value::string(std::string(text), range);
        if (auto v = parse_integer(body, 10)) return signed_value(*v);
        return Value::string(std::string(text), range);
    }
    if (body == ".inf" || body == ".Inf" || body == ".INF") {
        return signed_value(std::numeric_limits<double>::infinity());
    }
    if (text == ".nan" || text == ".NaN" || text == ".NAN") {
        return Value::number(std::numeric_limits<double>::quiet_NaN(), range);
    }
    // A float needs a digit and only float characters; `1.2.3` and `2010-09-09` stay strings.
    bool has_digit = false;
    for (char c : body) {
        if (c >= '0' && c <= '9') {
            has_digit = true;
        } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
            return Value::string(std::string(text), range);
        }
    }
    if (has_digit && (body.front() == '.' || (body.front() >= '0' && body.front() <= '9'))) {
        if (auto v = parse_decimal(body)) return signed_value(*v);
    }
    return Value::string(std::string(text), range);
}

}  // namespace bulwark
