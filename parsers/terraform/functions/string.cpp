// String functions: join, split, lower, upper, title, trim*, substr, strrev, chomp, indent,
// startswith, endswith, strcontains. (replace, regex and regexall are in regex.cpp; format and
// formatlist in format.cpp.)

#include <algorithm>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

// Simple case mappings for the scripts IaC strings use: ASCII, Latin-1, Latin Extended-A,
// Greek and Cyrillic. Other code points are left as they are.
char32_t to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0x80) return c;
    if (c == 0x130) return 'i';
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
    if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;
    if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
    if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;
    if (c == 0x178) return 0xFF;
    if ((c == 0x179 || c == 0x17B || c == 0x17D)) return c + 1;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

char32_t to_upper(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c < 0x80) return c;
    if (c == 0x131) return 'I';
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x101 && c <= 0x138 && c % 2 == 1 && c != 0x131 && c != 0x138) return c - 1;
    if (c >= 0x13A && c <= 0x148 && c % 2 == 0) return c - 1;
    if (c >= 0x14B && c <= 0x177 && c % 2 == 1) return c - 1;
    if ((c == 0x17A || c == 0x17C || c == 0x17E)) return c - 1;
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

template <typename Map>
std::string map_code_points(std::string_view text, Map map) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        std::size_t length = 0;
        const char32_t c = detail::decode_utf8(text, length);
        if (c == 0xFFFD && length == 1) {
            out += text[0];  // keep invalid bytes as they are
        } else {
            detail::append_utf8(out, map(c));
        }
        text.remove_prefix(length);
    }
    return out;
}

// Go's unicode.IsSpace (what strings.TrimSpace removes).
bool is_space(char32_t c) {
    switch (c) {
        case '\t':
        case '\n':
        case '\v':
        case '\f':
        case '\r':
        case ' ':
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200A;
    }
}

// Go's strings.Title word separators.
bool is_separator(char32_t c) {
    if (c < 0x80) {
        const bool alnum =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        return !alnum;
    }
    return is_space(c);
}

// Trims code points matching `drop` from the start and/or the end.
template <typename Predicate>
std::string_view trim_code_points(std::string_view text, Predicate drop, bool left, bool right) {
    if (left) {
        while (!text.empty()) {
            std::size_t length = 0;
            const char32_t c = detail::decode_utf8(text, length);
            if (!drop(c)) break;
            text.remove_prefix(length);
        }
    }
    if (right) {
        while (!text.empty()) {
            std::size_t start = text.size() - 1;
            while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
                   text.size() - start < 4) {
                --start;
            }
            std::size_t length = 0;
            char32_t c = detail::decode_utf8(text.substr(start), length);
            if (start + length != text.size()) {  // not a whole sequence: the last byte alone
                start = text.size() - 1;
                c = 0xFFFD;
            }
            if (!drop(c)) break;
            text.remove_suffix(text.size() - start);
        }
    }
    return text;
}

// The string argument of a one-string function, with the usual checks.
std::optional<std::string> single_string(Call& call, std::optional<Value>& early) {
    early = call.start(1, 1, Unknowns::Deep);
    if (early) return std::nullopt;
    auto text = call.string(0);
    if (!text) early = call.failure();
    return text;
}

}  // namespace

Value fn_lower(std::vector<Value>& args, FunctionContext& context) {
    Call call("lower", args, context);
    std::optional<Value> early;
    auto text = single_string(call, early);
    if (!text) return *early;
    return call.string_result(map_code_points(*text, to_lower));
}

Value fn_upper(std::vector<Value>& args, FunctionContext& context) {
    Call call("upper", args, context);
    std::optional<Value> early;
    auto text = single_string(call, early);
    if (!text) return *early;
    return call.string_result(map_code_points(*text, to_upper));
}

Value fn_title(std::vector<Value>& args, FunctionContext& context) {
    Call call("title", args, context);
    std::optional<Value> early;
    auto text = single_string(call, early);
    if (!text) return *early;
    char32_t previous = ' ';
    std::string out = map_code_points(*text, [&](char32_t c) {
        const char32_t mapped = is_separator(previous) ? to_upper(c) : c;
        previous = c;
        return mapped;
    });
    return call.string_result(std::move(out));
}

Value fn_trimspace(std::vector<Value>& args, FunctionContext& context) {
    Call call("trimspace", args, context);
    std::optional<Value> early;
    auto text = single_string(call, early);
    if (!text) return *early;
    return call.string_result(std::string(trim_code_points(*text, is_space, true, true)));
}

Value fn_strrev(std::vector<Value>& args, FunctionContext& context) {
    Call call("strrev", args, context);
    std::optional<Value> early;
    auto text = single_string(call, early);
    if (!text) return *early;
    std::vector<std::string_view> clusters;
    std::string_view rest = *text;
    while (!rest.empty()) {
        const std::size_t length = detail::cluster_length(rest);
        clusters.push_back(rest.substr(0, length));
        rest.remove_prefix(length);
    }
    std::string out;
    out.reserve(text->size());
    for (auto it = clusters.rbegin(); it != clusters.rend(); ++it)
        out += *it;
    return call.string_result(std::move(out));
}

Value fn_chomp(std::vector<Value>& args, FunctionContext& context) {
    Call call("chomp", args, context);
    std::optional<Value> early;
    auto text = single_string(call, early);
    if (!text) return *early;
    std::string out = std::move(*text);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return call.string_result(std::move(out));
}

Value fn_trim(std::vector<Value>& args, FunctionContext& context) {
    Call call("trim", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto cutset = call.string(1);
    if (!cutset) return call.failure();
    std::vector<char32_t> cut;
    for (std::string_view rest = *cutset; !rest.empty();) {
        std::size_t length = 0;
        cut.push_back(detail::decode_utf8(rest, length));
        rest.remove_prefix(length);
    }
    auto in_cutset = [&](char32_t c) { return std::find(cut.begin(), cut.end(), c) != cut.end(); };
    return call.string_result(std::string(trim_code_points(*text, in_cutset, true, true)));
}

Value fn_trimprefix(std::vector<Value>& args, FunctionContext& context) {
    Call call("trimprefix", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto prefix = call.string(1);
    if (!prefix) return call.failure();
    if (text->starts_with(*prefix)) text->erase(0, prefix->size());
    return call.string_result(std::move(*text));
}

Value fn_trimsuffix(std::vector<Value>& args, FunctionContext& context) {
    Call call("trimsuffix", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto suffix = call.string(1);
    if (!suffix) return call.failure();
    if (text->ends_with(*suffix)) text->resize(text->size() - suffix->size());
    return call.string_result(std::move(*text));
}

Value fn_startswith(std::vector<Value>& args, FunctionContext& context) {
    Call call("startswith", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto prefix = call.string(1);
    if (!prefix) return call.failure();
    return call.bool_result(text->starts_with(*prefix));
}

Value fn_endswith(std::vector<Value>& args, FunctionContext& context) {
    Call call("endswith", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto suffix = call.string(1);
    if (!suffix) return call.failure();
    return call.bool_result(text->ends_with(*suffix));
}

Value fn_strcontains(std::vector<Value>& args, FunctionContext& context) {
    Call call("strcontains", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto part = call.string(1);
    if (!part) return call.failure();
    return call.bool_result(text->find(*part) != std::string::npos);
}

Value fn_join(std::vector<Value>& args, FunctionContext& context) {
    Call call("join", args, context);
    if (auto early = call.start(2, Call::kVariadic, Unknowns::Deep)) return *early;
    auto separator = call.string(0);
    if (!separator) return call.failure();
    std::string out;
    bool first = true;
    for (std::size_t i = 1; i < call.size(); ++i) {
        const Value::List* items = call.list(i);
        if (items == nullptr) return call.failure();
        for (std::size_t k = 0; k < items->size(); ++k) {
            auto text = detail::to_text((*items)[k]);
            if (!text) {
                return call.fail("element " + std::to_string(k) + " of list " + std::to_string(i) +
                                 " is " + std::string(detail::kind_name((*items)[k])) +
                                 "; only strings can be joined");
            }
            if (!first) out += *separator;
            first = false;
            out += *text;
            if (detail::too_long(out.size())) {
                return call.fail("the result would be longer than the string size limit",
                                 DiagnosticCode::ExpansionLimit);
            }
        }
    }
    return call.string_result(std::move(out));
}

Value fn_split(std::vector<Value>& args, FunctionContext& context) {
    Call call("split", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto separator = call.string(0);
    if (!separator) return call.failure();
    auto text = call.string(1);
    if (!text) return call.failure();
    Value::List out;
    std::string_view rest = *text;
    if (separator->empty()) {  // Go's strings.Split: one element per UTF-8 sequence
        while (!rest.empty()) {
            const std::size_t length = detail::utf8_char_length(rest);
            out.push_back(call.string_result(std::string(rest.substr(0, length))));
            rest.remove_prefix(length);
        }
        return call.list_result(std::move(out));
    }
    while (true) {
        const std::size_t at = rest.find(*separator);
        if (at == std::string_view::npos) break;
        out.push_back(call.string_result(std::string(rest.substr(0, at))));
        rest.remove_prefix(at + separator->size());
    }
    out.push_back(call.string_result(std::string(rest)));
    return call.list_result(std::move(out));
}

Value fn_indent(std::vector<Value>& args, FunctionContext& context) {
    Call call("indent", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto spaces = call.integer(0);
    if (!spaces) return call.failure();
    auto text = call.string(1);
    if (!text) return call.failure();
    if (*spaces < 0) return call.fail("the number of spaces must not be negative");
    const auto lines = static_cast<std::size_t>(std::count(text->begin(), text->end(), '\n'));
    if (static_cast<std::uint64_t>(*spaces) > detail::kMaxStringBytes ||
        detail::too_long(text->size() + lines * static_cast<std::size_t>(*spaces))) {
        return call.fail("the result would be longer than the string size limit",
                         DiagnosticCode::ExpansionLimit);
    }
    const std::string pad(static_cast<std::size_t>(*spaces), ' ');
    std::string out;
    out.reserve(text->size() + lines * pad.size());
    for (char c : *text) {
        out += c;
        if (c == '\n') out += pad;
    }
    return call.string_result(std::move(out));
}

Value fn_substr(std::vector<Value>& args, FunctionContext& context) {
    Call call("substr", args, context);
    if (auto early = call.start(3, 3, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto offset = call.integer(1);
    if (!offset) return call.failure();
    auto length = call.integer(2);
    if (!length) return call.failure();
    // cty's SubstrFunc, step by step (over approximate grapheme clusters).
    std::string_view rest = *text;
    if (*offset < 0) {
        *offset += static_cast<std::int64_t>(detail::cluster_count(rest));
    } else if (*length == 0) {
        return call.string_result("");
    }
    if (*offset > 0) {
        std::int64_t position = 0;
        std::size_t i = 0;
        while (i < rest.size()) {
            i += detail::cluster_length(rest.substr(i));
            if (++position == *offset) break;
            if (i >= rest.size()) return call.string_result("");
        }
        rest.remove_prefix(i);
    }
    if (*length < 0) return call.string_result(std::string(rest));
    std::int64_t position = 0;
    std::size_t i = 0;
    while (i < rest.size()) {
        i += detail::cluster_length(rest.substr(i));
        if (++position == *length) break;
    }
    return call.string_result(std::string(rest.substr(0, i)));
}

}  // namespace bulwark::terraform::builtin
