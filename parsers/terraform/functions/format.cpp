// format and formatlist: cty's printf-like verbs (%v %t %b %d %o %x %X %e %E %f %g %G %s %q,
// flags "+- 0#", width, precision, explicit argument index "%[2]s"), with Go's rendering rules.

#include <charconv>
#include <cmath>
#include <cstdio>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

struct Verb {
    std::size_t offset = 0;
    std::size_t arg = 0;  // 1-based
    char mode = 0;
    bool zero = false;
    bool sharp = false;
    bool plus = false;
    bool minus = false;
    bool space = false;
    bool has_width = false;
    std::size_t width = 0;
    bool has_precision = false;
    std::size_t precision = 0;
};

// A decimal number as Go's math/big decimal: value = 0.digits × 10^exponent, digits without
// trailing zeros ("" for zero).
struct Decimal {
    std::string digits;
    int exponent = 0;
};

Decimal decimal_from_scientific(std::string_view text) {  // "d.ddde±x", sign already removed
    Decimal d;
    const std::size_t e = text.find_first_of("eE");
    for (char c : text.substr(0, e)) {
        if (c >= '0' && c <= '9') d.digits += c;
    }
    int exponent = 0;
    if (e != std::string_view::npos) {
        std::string_view rest = text.substr(e + 1);
        if (rest.starts_with('+')) rest.remove_prefix(1);
        std::from_chars(rest.data(), rest.data() + rest.size(), exponent);
    }
    while (!d.digits.empty() && d.digits.back() == '0')
        d.digits.pop_back();
    std::size_t leading = 0;
    while (leading < d.digits.size() && d.digits[leading] == '0')
        ++leading;
    d.digits.erase(0, leading);
    d.exponent = d.digits.empty() ? 0 : exponent + 1;
    return d;
}

Decimal shortest_decimal(double magnitude) {
    char buffer[64];
    auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific);
    if (ec != std::errc()) return {};
    return decimal_from_scientific(
        std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

Decimal rounded_decimal(double magnitude, std::size_t significant) {
    std::string buffer(significant + 32, '\0');
    const int written = std::snprintf(buffer.data(), buffer.size(), "%.*e",
                                      static_cast<int>(significant - 1), magnitude);
    buffer.resize(written > 0 ? static_cast<std::size_t>(written) : 0);
    return decimal_from_scientific(buffer);
}

// Go's fmtE / fmtF over a Decimal (math/big/ftoa.go).
std::string format_e(const Decimal& d, std::size_t precision, char e) {
    std::string out(1, d.digits.empty() ? '0' : d.digits[0]);
    if (precision > 0) {
        out += '.';
        std::size_t i = 1;
        const std::size_t m = std::min(d.digits.size(), precision + 1);
        if (i < m) {
            out.append(d.digits, i, m - i);
            i = m;
        }
        for (; i <= precision; ++i)
            out += '0';
    }
    out += e;
    int exponent = d.digits.empty() ? 0 : d.exponent - 1;
    out += exponent < 0 ? '-' : '+';
    exponent = std::abs(exponent);
    if (exponent < 10) out += '0';
    out += std::to_string(exponent);
    return out;
}

std::string format_f(const Decimal& d, std::size_t precision) {
    std::string out;
    if (d.exponent > 0) {
        const std::size_t m = std::min(d.digits.size(), static_cast<std::size_t>(d.exponent));
        out.append(d.digits, 0, m);
        out.append(static_cast<std::size_t>(d.exponent) - m, '0');
    } else {
        out = "0";
    }
    if (precision > 0) {
        out += '.';
        for (std::size_t i = 1; i <= precision; ++i) {
            const long j = static_cast<long>(d.exponent) + static_cast<long>(i) - 1;
            out += (j >= 0 && static_cast<std::size_t>(j) < d.digits.size())
                       ? d.digits[static_cast<std::size_t>(j)]
                       : '0';
        }
    }
    return out;
}

// Go's %g for a non-negative number; precision < 0 means shortest.
std::string format_g(double magnitude, long precision, char mode) {
    const bool shortest = precision < 0;
    Decimal d;
    std::size_t prec = 0;
    if (shortest) {
        d = shortest_decimal(magnitude);
        prec = d.digits.size();
    } else {
        prec = precision == 0 ? 1 : static_cast<std::size_t>(precision);
        d = rounded_decimal(magnitude, prec);
    }
    std::size_t eprec = prec;
    if (eprec > d.digits.size() && static_cast<long>(d.digits.size()) >= d.exponent) {
        eprec = d.digits.size();
    }
    if (shortest) eprec = 6;
    const long exponent = static_cast<long>(d.exponent) - 1;
    if (exponent < -4 || exponent >= static_cast<long>(eprec)) {
        if (prec > d.digits.size()) prec = d.digits.size();
        return format_e(d, prec == 0 ? 0 : prec - 1, mode == 'G' ? 'E' : 'e');
    }
    if (static_cast<long>(prec) > d.exponent) prec = d.digits.size();
    const long places = static_cast<long>(prec) - d.exponent;
    return format_f(d, places > 0 ? static_cast<std::size_t>(places) : 0);
}

// Pads to the verb's width, counting user-perceived characters (cty's formatPadWidth).
std::string pad_width(const Verb& verb, std::string text) {
    if (!verb.has_width) return text;
    const std::size_t length = detail::cluster_count(text);
    if (length >= verb.width) return text;
    const std::string pad(verb.width - length, verb.zero ? '0' : ' ');
    return verb.minus ? text + pad : pad + text;
}

class Formatter {
  public:
    Formatter(Call& call, std::string_view format, const std::vector<const Value*>& args)
        : call_(call), format_(format), args_(args) {}

    // The formatted string, or nothing after a failure recorded on the call.
    std::optional<std::string> run() {
        std::size_t next_arg = 1;
        std::size_t highest = 0;
        std::size_t p = 0;
        while (p < format_.size()) {
            const char c = format_[p];
            if (c != '%') {
                out_ += c;
                ++p;
                continue;
            }
            if (p + 1 < format_.size() && format_[p + 1] == '%') {
                out_ += '%';
                p += 2;
                continue;
            }
            Verb verb;
            verb.offset = p;
            verb.arg = next_arg;
            if (!parse_verb(p, verb)) return std::nullopt;
            if (verb.arg > highest) highest = verb.arg;
            if (!append(verb)) return std::nullopt;
            next_arg = verb.arg + 1;
            if (detail::too_long(out_.size())) {
                return error("the result would be longer than the string size limit",
                             DiagnosticCode::ExpansionLimit);
            }
        }
        if (highest < args_.size()) {
            if (highest == 0) return error("too many arguments; no verbs in format string");
            return error("too many arguments; only " + std::to_string(highest) +
                         " used by format string");
        }
        return std::move(out_);
    }

  private:
    std::nullopt_t error(const std::string& message,
                         DiagnosticCode code = DiagnosticCode::InvalidTemplate) {
        call_.fail(message, code);
        return std::nullopt;
    }

    bool parse_number(std::size_t& p, std::size_t& out) {
        out = 0;
        while (p < format_.size() && format_[p] >= '0' && format_[p] <= '9') {
            out = out * 10 + static_cast<std::size_t>(format_[p] - '0');
            if (out > detail::kMaxStringBytes) {
                error("width or precision too large", DiagnosticCode::ExpansionLimit);
                return false;
            }
            ++p;
        }
        return true;
    }

    bool parse_verb(std::size_t& p, Verb& verb) {
        ++p;  // '%'
        for (; p < format_.size(); ++p) {
            const char c = format_[p];
            if (c == '0') {
                verb.zero = true;
            } else if (c == '#') {
                verb.sharp = true;
            } else if (c == '-') {
                verb.minus = true;
            } else if (c == '+') {
                verb.plus = true;
            } else if (c == ' ') {
                verb.space = true;
            } else {
                break;
            }
        }
        if (p < format_.size() && format_[p] >= '1' && format_[p] <= '9') {
            verb.has_width = true;
            if (!parse_number(p, verb.width)) return false;
        }
        if (p < format_.size() && format_[p] == '.') {
            ++p;
            verb.has_precision = true;
            if (!parse_number(p, verb.precision)) return false;
        }
        if (p < format_.size() && format_[p] == '[') {
            ++p;
            if (p >= format_.size() || format_[p] < '1' || format_[p] > '9') return bad_char(p);
            if (!parse_number(p, verb.arg)) return false;
            if (p >= format_.size() || format_[p] != ']') return bad_char(p);
            ++p;
        }
        if (p >= format_.size()) {
            error("invalid format string starting at offset " + std::to_string(verb.offset));
            return false;
        }
        const char mode = format_[p];
        if (!((mode >= 'a' && mode <= 'z') || (mode >= 'A' && mode <= 'Z'))) return bad_char(p);
        verb.mode = mode;
        ++p;
        return true;
    }

    bool bad_char(std::size_t p) {
        if (p >= format_.size()) {
            error("invalid format string starting at offset " + std::to_string(p));
        } else {
            const std::size_t length = detail::utf8_char_length(format_.substr(p));
            error("unrecognized format character \"" + std::string(format_.substr(p, length)) +
                  "\" at offset " + std::to_string(p));
        }
        return false;
    }

    std::string raw(const Verb& verb) const {
        return "%" + std::string(1, verb.mode) + " at offset " + std::to_string(verb.offset);
    }

    bool append(const Verb& verb) {
        if (verb.arg > args_.size()) {
            error("not enough arguments for " + raw(verb) + ": need index " +
                  std::to_string(verb.arg) + " but have " + std::to_string(args_.size()) +
                  " total");
            return false;
        }
        const Value& arg = *args_[verb.arg - 1];
        if (verb.mode != 'v' && arg.is_null()) {
            error("unsupported value for " + raw(verb) + ": null value cannot be formatted");
            return false;
        }
        switch (verb.mode) {
            case 'v':
                return append_as_is(verb, arg);
            case 't': {
                auto b = detail::to_bool(arg);
                if (!b) return unsupported(verb, "a bool is required");
                out_ += *b ? "true" : "false";
                return true;
            }
            case 'b':
            case 'd':
            case 'o':
            case 'x':
            case 'X':
            case 'e':
            case 'E':
            case 'f':
            case 'g':
            case 'G': {
                auto n = detail::to_number(arg);
                if (!n) return unsupported(verb, "a number is required");
                if (!std::isfinite(*n)) return unsupported(verb, "the number is not finite");
                if (verb.mode == 'e' || verb.mode == 'E' || verb.mode == 'f' || verb.mode == 'g' ||
                    verb.mode == 'G') {
                    append_float(verb, *n);
                    return true;
                }
                return append_integer(verb, *n);
            }
            case 's':
            case 'q': {
                auto text = detail::to_text(arg);
                if (!text) return unsupported(verb, "a string is required");
                std::string s = std::move(*text);
                if (verb.has_precision && verb.precision > 0) {
                    std::size_t position = 0;
                    for (std::size_t i = 0; i < verb.precision && position < s.size(); ++i) {
                        position += detail::cluster_length(std::string_view(s).substr(position));
                    }
                    s.resize(position);
                }
                out_ += pad_width(verb, verb.mode == 's' ? std::move(s) : json_quote(s));
                return true;
            }
            default:
                error("unsupported format verb \"" + std::string(1, verb.mode) + "\" at offset " +
                      std::to_string(verb.offset));
                return false;
        }
    }

    bool unsupported(const Verb& verb, const std::string& why) {
        error("unsupported value for " + raw(verb) + ": " + why);
        return false;
    }

    bool append_as_is(const Verb& verb, const Value& arg) {
        if (!verb.sharp && arg.is_string()) {
            out_ += pad_width(verb, arg.as_string());
        } else if (!verb.sharp && arg.is_number()) {
            const double n = arg.as_number();
            std::string text = n < 0 || std::signbit(n) ? "-" : "";
            text += format_g(std::fabs(n), -1, 'g');
            out_ += pad_width(verb, std::move(text));
        } else {
            out_ += pad_width(verb, json_encode(arg));
        }
        return true;
    }

    // math/big Float.Format.
    void append_float(const Verb& verb, double n) {
        const double magnitude = std::fabs(n);
        std::string body;
        if (verb.mode == 'g' || verb.mode == 'G') {
            body = format_g(magnitude, verb.has_precision ? static_cast<long>(verb.precision) : -1,
                            verb.mode);
        } else {
            const int precision = verb.has_precision ? static_cast<int>(verb.precision) : 6;
            const char spec[] = {'%', '.', '*', verb.mode, '\0'};
            const int size = std::snprintf(nullptr, 0, spec, precision, magnitude);
            body.assign(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
            std::snprintf(body.data(), body.size() + 1, spec, precision, magnitude);
        }
        std::string sign;
        if (std::signbit(n)) {
            sign = "-";
        } else if (verb.plus) {
            sign = "+";
        } else if (verb.space) {
            sign = " ";
        }
        std::size_t padding = 0;
        if (verb.has_width && verb.width > sign.size() + body.size()) {
            padding = verb.width - sign.size() - body.size();
        }
        if (verb.zero) {
            out_ += sign + std::string(padding, '0') + body;
        } else if (verb.minus) {
            out_ += sign + body + std::string(padding, ' ');
        } else {
            out_ += std::string(padding, ' ') + sign + body;
        }
    }

    // math/big Int.Format.
    bool append_integer(const Verb& verb, double n) {
        if (n != std::floor(n)) return unsupported(verb, "an integer is required");
        const double magnitude = std::fabs(n);
        if (magnitude >= 1.7e38) return unsupported(verb, "the integer is too large");
        auto value = static_cast<unsigned __int128>(magnitude);
        unsigned base = 10;
        const char* alphabet = "0123456789abcdef";
        std::string prefix;
        switch (verb.mode) {
            case 'b':
                base = 2;
                if (verb.sharp) prefix = "0b";
                break;
            case 'o':
                base = 8;
                if (verb.sharp) prefix = "0";
                break;
            case 'x':
                base = 16;
                if (verb.sharp) prefix = "0x";
                break;
            case 'X':
                base = 16;
                alphabet = "0123456789ABCDEF";
                if (verb.sharp) prefix = "0X";
                break;
            default:
                break;
        }
        std::string digits;
        do {
            digits.insert(digits.begin(), alphabet[static_cast<unsigned>(value % base)]);
            value /= base;
        } while (value != 0);
        std::string sign;
        if (n < 0) {
            sign = "-";
        } else if (verb.plus) {
            sign = "+";
        } else if (verb.space) {
            sign = " ";
        }
        std::size_t zeros = 0;
        if (verb.has_precision) {
            if (digits.size() < verb.precision) {
                zeros = verb.precision - digits.size();
            } else if (digits == "0" && verb.precision == 0) {
                return true;  // Go prints nothing for a zero with zero precision
            }
        }
        std::size_t left = 0;
        std::size_t right = 0;
        const std::size_t length = sign.size() + prefix.size() + zeros + digits.size();
        if (verb.has_width && length < verb.width) {
            const std::size_t d = verb.width - length;
            if (verb.minus) {
                right = d;
            } else if (verb.zero && !verb.has_precision) {
                zeros = d;
            } else {
                left = d;
            }
        }
        out_ += std::string(left, ' ') + sign + prefix + std::string(zeros, '0') + digits +
                std::string(right, ' ');
        return true;
    }

    Call& call_;
    std::string_view format_;
    const std::vector<const Value*>& args_;
    std::string out_;
};

}  // namespace

Value fn_format(std::vector<Value>& args, FunctionContext& context) {
    Call call("format", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Deep)) return *early;
    auto format = call.string(0);
    if (!format) return call.failure();
    std::vector<const Value*> values;
    for (std::size_t i = 1; i < call.size(); ++i)
        values.push_back(&call.arg(i));
    auto text = Formatter(call, *format, values).run();
    if (!text) return call.failure();
    return call.string_result(std::move(*text));
}

Value fn_formatlist(std::vector<Value>& args, FunctionContext& context) {
    Call call("formatlist", args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Shallow)) return *early;
    if (detail::contains_unknown(call.arg(0))) return call.unknown_from({&call.arg(0)});
    auto format = call.string(0);
    if (!format) return call.failure();
    // List arguments are iterated together; others repeat on every iteration.
    std::size_t iterations = 1;
    std::size_t chooser = 0;
    for (std::size_t i = 1; i < call.size(); ++i) {
        if (!call.arg(i).is_list()) continue;
        const std::size_t length = call.arg(i).as_list().size();
        if (chooser == 0) {
            iterations = length;
            chooser = i;
        } else if (length != iterations) {
            return call.fail("argument " + std::to_string(i + 1) + " has length " +
                             std::to_string(length) + ", which is inconsistent with argument " +
                             std::to_string(chooser + 1) + " of length " +
                             std::to_string(iterations));
        }
    }
    Value::List out;
    for (std::size_t n = 0; n < iterations; ++n) {
        std::vector<const Value*> values;
        bool unknown = false;
        for (std::size_t i = 1; i < call.size(); ++i) {
            const Value& arg = call.arg(i);
            values.push_back(arg.is_list() ? &arg.as_list()[n] : &arg);
            if (detail::contains_unknown(*values.back())) unknown = true;
        }
        if (unknown) {
            out.push_back(call.unknown_from(values));
            continue;
        }
        auto text = Formatter(call, *format, values).run();
        if (!text) return call.failure();
        out.push_back(call.string_result(std::move(*text)));
    }
    return call.list_result(std::move(out));
}

}  // namespace bulwark::terraform::builtin
