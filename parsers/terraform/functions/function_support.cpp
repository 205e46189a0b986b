#include "parsers/terraform/functions/function_support.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "parsers/terraform/functions/builtins.h"
#include "util/numbers.h"

namespace bulwark::terraform::detail {

void add_reference(std::vector<Reference>& out, const Reference& reference) {
    if (std::find(out.begin(), out.end(), reference) == out.end()) out.push_back(reference);
}

void collect_references(const Value& value, std::vector<Reference>& out) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            for (const Reference& reference : value.as_unknown().references)
                add_reference(out, reference);
            break;
        case ValueKind::List:
            for (const Value& item : value.as_list())
                collect_references(item, out);
            break;
        case ValueKind::Map:
            for (const Value::Entry& entry : value.as_map())
                collect_references(entry.value, out);
            break;
        default:
            break;
    }
}

bool contains_unknown(const Value& value) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            return true;
        case ValueKind::List:
            return std::any_of(value.as_list().begin(), value.as_list().end(),
                               [](const Value& item) { return contains_unknown(item); });
        case ValueKind::Map:
            return std::any_of(
                value.as_map().begin(), value.as_map().end(),
                [](const Value::Entry& entry) { return contains_unknown(entry.value); });
        default:
            return false;
    }
}

namespace {

const Unknown* first_unknown(const Value& value) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            return &value.as_unknown();
        case ValueKind::List:
            for (const Value& item : value.as_list()) {
                if (const Unknown* found = first_unknown(item)) return found;
            }
            return nullptr;
        case ValueKind::Map:
            for (const Value::Entry& entry : value.as_map()) {
                if (const Unknown* found = first_unknown(entry.value)) return found;
            }
            return nullptr;
        default:
            return nullptr;
    }
}

}  // namespace

Value unknown_result(std::string_view function, const std::vector<const Value*>& inputs,
                     const SourceRange& at) {
    std::vector<Reference> references;
    const Unknown* first = nullptr;
    for (const Value* input : inputs) {
        collect_references(*input, references);
        if (first == nullptr) first = first_unknown(*input);
    }
    std::string reason = std::string(function) + "()";
    if (first != nullptr && !first->reason.empty()) {
        reason += " of a value not known before apply: ";
        reason += first->reason;
    } else {
        reason += " of a value not known before apply";
    }
    return Value::unknown(std::move(reason), std::move(references), at);
}

std::optional<Value> propagate_unknown(std::string_view function, const std::vector<Value>& args,
                                       const FunctionContext& context) {
    std::vector<const Value*> unknowns;
    for (const Value& arg : args) {
        if (contains_unknown(arg)) unknowns.push_back(&arg);
    }
    if (unknowns.empty()) return std::nullopt;
    return unknown_result(function, unknowns, context.call);
}

std::optional<Value> propagate_unknown_shallow(std::string_view function,
                                               const std::vector<Value>& args,
                                               const FunctionContext& context) {
    std::vector<const Value*> unknowns;
    for (const Value& arg : args) {
        if (arg.is_unknown()) unknowns.push_back(&arg);
    }
    if (unknowns.empty()) return std::nullopt;
    return unknown_result(function, unknowns, context.call);
}

Value fail(FunctionContext& context, std::string_view function, std::string_view message,
           DiagnosticCode code) {
    std::string text = std::string(function) + "(): " + std::string(message);
    if (context.diagnostics != nullptr) {
        context.diagnostics->push_back(Diagnostic{context.call.file, context.call.begin,
                                                  DiagnosticSeverity::Warning, code, text});
    }
    return Value::unknown(std::move(text), {}, context.call);
}

Value not_reproducible(std::string_view function, std::string_view why,
                       const FunctionContext& context) {
    return Value::unknown(std::string(function) + "(): " + std::string(why), {}, context.call);
}

std::string number_text(double n) {
    if (!std::isfinite(n)) return std::isnan(n) ? "NaN" : (n > 0 ? "+Inf" : "-Inf");
    if (n == std::floor(n) && std::fabs(n) < 1e15) return format_number(n);
    char buffer[400];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n, std::chars_format::fixed);
    if (ec != std::errc()) return format_number(n);
    return std::string(buffer, end);
}

std::optional<std::string> to_text(const Value& value) {
    switch (value.kind()) {
        case ValueKind::String:
            return value.as_string();
        case ValueKind::Number:
            return number_text(value.as_number());
        case ValueKind::Bool:
            return std::string(value.as_bool() ? "true" : "false");
        default:
            return std::nullopt;
    }
}

std::optional<double> to_number(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (!value.is_string()) return std::nullopt;
    std::string_view text = value.as_string();
    if (text.starts_with('+')) text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    double n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(n)) {
        return std::nullopt;
    }
    return n;
}

std::optional<bool> to_bool(const Value& value) {
    if (value.is_bool()) return value.as_bool();
    if (value.is_string()) {
        if (value.as_string() == "true") return true;
        if (value.as_string() == "false") return false;
    }
    return std::nullopt;
}

std::size_t utf8_char_length(std::string_view text) {
    if (text.empty()) return 0;
    const auto lead = static_cast<unsigned char>(text[0]);
    std::size_t length = 1;
    if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
    } else if (lead >= 0xE0) {
        length = lead <= 0xEF ? 3 : 1;
    } else if (lead >= 0xC2) {
        length = 2;
    }
    if (length > text.size()) return 1;
    for (std::size_t i = 1; i < length; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 1;
    }
    return length;
}

bool valid_utf8(std::string_view text) {
    while (!text.empty()) {
        const std::size_t length = utf8_char_length(text);
        const auto lead = static_cast<unsigned char>(text[0]);
        if (length == 1 && lead >= 0x80) return false;
        if (length == 3) {
            const auto second = static_cast<unsigned char>(text[1]);
            if (lead == 0xE0 && second < 0xA0) return false;   // overlong
            if (lead == 0xED && second >= 0xA0) return false;  // surrogate
        } else if (length == 4) {
            const auto second = static_cast<unsigned char>(text[1]);
            if (lead == 0xF0 && second < 0x90) return false;   // overlong
            if (lead == 0xF4 && second >= 0x90) return false;  // above U+10FFFF
        }
        text.remove_prefix(length);
    }
    return true;
}

char32_t decode_utf8(std::string_view text, std::size_t& length) {
    length = utf8_char_length(text);
    if (length == 0) return 0;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    switch (length) {
        case 1:
            return byte(0) < 0x80 ? byte(0) : 0xFFFD;
        case 2:
            return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
        case 3:
            return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
        default:
            return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) |
                   ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    }
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

bool extends_cluster(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
           (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) || c == 0x200D;
}

}  // namespace

std::size_t cluster_length(std::string_view text) {
    if (text.starts_with("\r\n")) return 2;
    std::size_t length = 0;
    decode_utf8(text, length);
    std::size_t total = length;
    bool joined = false;
    while (total < text.size()) {
        std::size_t next = 0;
        const char32_t c = decode_utf8(text.substr(total), next);
        if (joined || extends_cluster(c)) {
            joined = c == 0x200D;
            total += next;
        } else {
            break;
        }
    }
    return total;
}

std::size_t cluster_count(std::string_view text) {
    std::size_t count = 0;
    while (!text.empty()) {
        text.remove_prefix(cluster_length(text));
        ++count;
    }
    return count;
}

std::string membership_key(const Value& value) {
    switch (value.kind()) {
        case ValueKind::Null:
            return "null";
        case ValueKind::String:
        case ValueKind::Bool:
            return "p:" + *to_text(value);
        case ValueKind::Number:  // -0 and 0 are one number
            return "p:" + number_text(value.as_number() == 0 ? 0.0 : value.as_number());
        default:
            return "c:" + builtin::json_encode(value);
    }
}

Value::List make_set(Value::List items) {
    bool all_primitive = true;
    bool any_string = false;
    bool all_numbers = true;
    bool all_bools = true;
    for (const Value& item : items) {
        if (!item.is_string() && !item.is_number() && !item.is_bool()) all_primitive = false;
        if (item.is_string()) any_string = true;
        if (!item.is_number()) all_numbers = false;
        if (!item.is_bool()) all_bools = false;
    }
    if (all_primitive && any_string) {  // cty unifies to string
        for (Value& item : items) {
            if (!item.is_string()) item = Value::string(*to_text(item), item.range());
        }
    }
    Value::List unique;
    unique.reserve(items.size());
    std::unordered_set<std::string> seen;
    for (Value& item : items) {
        if (seen.insert(membership_key(item)).second) unique.push_back(std::move(item));
    }
    if (items.empty() || !all_primitive) return unique;
    if (any_string) {
        std::stable_sort(unique.begin(), unique.end(), [](const Value& x, const Value& y) {
            return x.as_string() < y.as_string();
        });
    } else if (all_numbers) {
        std::stable_sort(unique.begin(), unique.end(), [](const Value& x, const Value& y) {
            return x.as_number() < y.as_number();
        });
    } else if (all_bools) {
        std::stable_sort(unique.begin(), unique.end(), [](const Value& x, const Value& y) {
            return !x.as_bool() && y.as_bool();
        });
    }
    return unique;
}

std::string_view kind_name(const Value& value) {
    return to_string(value.kind());
}

void point_at(Value& value, const SourceRange& range) {
    value.set_range(range);
    if (value.is_list()) {
        for (Value& item : value.as_list())
            point_at(item, range);
    } else if (value.is_map()) {
        for (Value::Entry& entry : value.as_map()) {
            entry.key_range = range;
            point_at(entry.value, range);
        }
    }
}

bool too_long(std::size_t bytes) {
    return bytes > kMaxStringBytes;
}

// --- Call -------------------------------------------------------------------------------------

std::optional<Value> Call::start(std::size_t min, std::size_t max, Unknowns unknowns) {
    const std::size_t count = args_.size();
    if (count < min || count > max) {
        std::string expected;
        if (min == max) {
            expected = std::to_string(min);
        } else if (max == kVariadic) {
            expected = "at least " + std::to_string(min);
        } else {
            expected = std::to_string(min) + " to " + std::to_string(max);
        }
        return fail("takes " + expected + " argument" + (expected == "1" ? "" : "s") + ", got " +
                    std::to_string(count));
    }
    switch (unknowns) {
        case Unknowns::Deep:
            return propagate_unknown(name_, args_, context_);
        case Unknowns::Shallow:
            return propagate_unknown_shallow(name_, args_, context_);
        case Unknowns::Manual:
            break;
    }
    return std::nullopt;
}

Value Call::fail(std::string_view message, DiagnosticCode code) {
    failure_ = detail::fail(context_, name_, message, code);
    return failure_;
}

Value Call::reject(std::size_t i, std::string_view expected) {
    const Value& value = args_[i];
    std::string message =
        "argument " + std::to_string(i + 1) + " must be " + std::string(expected) + ", got ";
    message += value.is_null() ? "null" : std::string(kind_name(value));
    if (value.is_string() || value.is_number()) message += " \"" + describe(value) + "\"";
    return fail(message);
}

std::optional<std::string> Call::string(std::size_t i) {
    if (auto text = to_text(args_[i])) return text;
    reject(i, "a string");
    return std::nullopt;
}

std::optional<double> Call::number(std::size_t i) {
    if (auto n = to_number(args_[i])) return n;
    reject(i, "a number");
    return std::nullopt;
}

std::optional<std::int64_t> Call::integer(std::size_t i) {
    auto n = to_number(args_[i]);
    if (n && is_whole_number(*n)) return static_cast<std::int64_t>(*n);
    reject(i, "a whole number");
    return std::nullopt;
}

std::optional<bool> Call::boolean(std::size_t i) {
    if (auto b = to_bool(args_[i])) return b;
    reject(i, "a bool");
    return std::nullopt;
}

const Value::List* Call::list(std::size_t i) {
    if (args_[i].is_list()) return &args_[i].as_list();
    reject(i, "a list");
    return nullptr;
}

const Value::Map* Call::map(std::size_t i) {
    if (args_[i].is_map()) return &args_[i].as_map();
    reject(i, "a map");
    return nullptr;
}

std::optional<std::vector<std::string>> Call::strings(std::size_t i) {
    const Value::List* items = list(i);
    if (items == nullptr) return std::nullopt;
    std::vector<std::string> out;
    out.reserve(items->size());
    for (std::size_t k = 0; k < items->size(); ++k) {
        auto text = to_text((*items)[k]);
        if (!text) {
            fail("element " + std::to_string(k) + " of argument " + std::to_string(i + 1) +
                 " must be a string, got " + std::string(kind_name((*items)[k])));
            return std::nullopt;
        }
        out.push_back(std::move(*text));
    }
    return out;
}

Value Call::unknown_from(const std::vector<const Value*>& inputs) const {
    return unknown_result(name_, inputs, context_.call);
}

}  // namespace bulwark::terraform::detail
