// Numeric functions: abs, ceil, floor, log, max, min, parseint, pow, signum.

#include <cmath>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

template <typename Operation>
Value unary(std::string_view name, std::vector<Value>& args, FunctionContext& context,
            Operation operation) {
    Call call(name, args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto n = call.number(0);
    if (!n) return call.failure();
    return call.number_result(operation(*n));
}

template <typename Pick>
Value extreme(std::string_view name, std::vector<Value>& args, FunctionContext& context,
              Pick better) {
    Call call(name, args, context);
    if (auto early = call.start(1, Call::kVariadic, Unknowns::Deep)) return *early;
    double best = 0;
    for (std::size_t i = 0; i < call.size(); ++i) {
        auto n = call.number(i);
        if (!n) return call.failure();
        if (i == 0 || better(*n, best)) best = *n;
    }
    return call.number_result(best);
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 36;
    return 99;
}

}  // namespace

Value fn_abs(std::vector<Value>& args, FunctionContext& context) {
    return unary("abs", args, context, [](double n) { return std::fabs(n); });
}

Value fn_ceil(std::vector<Value>& args, FunctionContext& context) {
    return unary("ceil", args, context, [](double n) { return std::ceil(n); });
}

Value fn_floor(std::vector<Value>& args, FunctionContext& context) {
    return unary("floor", args, context, [](double n) { return std::floor(n); });
}

Value fn_signum(std::vector<Value>& args, FunctionContext& context) {
    return unary("signum", args, context,
                 [](double n) { return n > 0 ? 1.0 : (n < 0 ? -1.0 : 0.0); });
}

Value fn_max(std::vector<Value>& args, FunctionContext& context) {
    return extreme("max", args, context, [](double a, double b) { return a > b; });
}

Value fn_min(std::vector<Value>& args, FunctionContext& context) {
    return extreme("min", args, context, [](double a, double b) { return a < b; });
}

Value fn_pow(std::vector<Value>& args, FunctionContext& context) {
    Call call("pow", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto base = call.number(0);
    if (!base) return call.failure();
    auto exponent = call.number(1);
    if (!exponent) return call.failure();
    const double result = std::pow(*base, *exponent);
    if (!std::isfinite(result)) return call.fail("the result is not a finite number");
    return call.number_result(result);
}

Value fn_log(std::vector<Value>& args, FunctionContext& context) {
    Call call("log", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto n = call.number(0);
    if (!n) return call.failure();
    auto base = call.number(1);
    if (!base) return call.failure();
    const double result = std::log(*n) / std::log(*base);
    if (!std::isfinite(result)) return call.fail("the result is not a finite number");
    return call.number_result(result);
}

// parseint(string, base): Go's strconv.ParseInt digits, bases 2 to 62 (10-35 lower case,
// 36-61 upper case above base 36).
Value fn_parseint(std::vector<Value>& args, FunctionContext& context) {
    Call call("parseint", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    if (!call.arg(0).is_string()) {
        return call.fail("first argument must be a string, not " +
                         std::string(detail::kind_name(call.arg(0))));
    }
    auto base = call.integer(1);
    if (!base) return call.failure();
    if (*base < 2 || *base > 62) {
        return call.fail("base must be a whole number between 2 and 62 inclusive");
    }
    const std::string& text = call.arg(0).as_string();
    std::string_view digits = text;
    bool negative = false;
    if (digits.starts_with('-') || digits.starts_with('+')) {
        negative = digits.front() == '-';
        digits.remove_prefix(1);
    }
    if (digits.empty())
        return call.fail("cannot parse \"" + text + "\" as a base " + std::to_string(*base) +
                         " integer");
    double value = 0;
    for (char c : digits) {
        int digit = digit_value(c);
        if (*base <= 36 && c >= 'A' && c <= 'Z') digit = c - 'A' + 10;  // case-insensitive
        if (digit >= *base) {
            return call.fail("cannot parse \"" + text + "\" as a base " + std::to_string(*base) +
                             " integer");
        }
        value = value * static_cast<double>(*base) + digit;
    }
    return call.number_result(negative ? -value : value);
}

}  // namespace bulwark::terraform::builtin
