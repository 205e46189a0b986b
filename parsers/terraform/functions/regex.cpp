// RE2-backed functions: regex, regexall and replace (plain, or "/regex/" with Go's "$1" /
// "${name}" replacement templates). Go's regexp and RE2 share one syntax; the match loops
// below follow Go's (empty matches right after a match are skipped).

#include <re2/re2.h>

#include <map>
#include <memory>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

// Go 1.22 accepts "(?<name>...)", which this RE2 only knows as "(?P<name>...)".
std::string to_re2_syntax(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size());
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            out += c;
            out += pattern[++i];
            continue;
        }
        if (in_class) {
            if (pattern.substr(i).starts_with("[:")) {  // "[:alpha:]" inside a class
                const std::size_t close = pattern.find(":]", i + 2);
                if (close != std::string_view::npos) {
                    out += pattern.substr(i, close + 2 - i);
                    i = close + 1;
                    continue;
                }
            }
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
            out += c;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];  // literal
            continue;
        } else if (pattern.substr(i).starts_with("(?<") && i + 3 < pattern.size() &&
                   pattern[i + 3] != '=' && pattern[i + 3] != '!') {
            out += "(?P<";
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

std::unique_ptr<RE2> compile(Call& call, std::string_view pattern) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(to_re2_syntax(pattern), options);
    if (!re->ok()) {
        call.fail("invalid regexp pattern: " + re->error());
        return nullptr;
    }
    return re;
}

using Groups = std::vector<re2::StringPiece>;  // [0] the whole match; data() nullptr: no match

// The first match at or after `from`, with its groups; false when there is none.
bool match_at(const RE2& re, std::string_view text, std::size_t from, Groups& groups) {
    groups.assign(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1, {});
    return re.Match(re2::StringPiece(text.data(), text.size()), from, text.size(), RE2::UNANCHORED,
                    groups.data(), static_cast<int>(groups.size()));
}

std::size_t begin_of(std::string_view text, const re2::StringPiece& piece) {
    return static_cast<std::size_t>(piece.data() - text.data());
}
std::size_t end_of(std::string_view text, const re2::StringPiece& piece) {
    return begin_of(text, piece) + piece.size();
}

// Every non-overlapping match, as Go's allMatches finds them.
std::vector<Groups> all_matches(const RE2& re, std::string_view text) {
    std::vector<Groups> out;
    std::size_t position = 0;
    long previous_end = -1;
    Groups groups;
    while (position <= text.size() && out.size() < detail::kMaxElements) {
        if (!match_at(re, text, position, groups)) break;
        const std::size_t begin = begin_of(text, groups[0]);
        const std::size_t end = end_of(text, groups[0]);
        bool accept = true;
        if (end == position) {  // an empty match
            if (static_cast<long>(begin) == previous_end) accept = false;
            position +=
                position < text.size() ? detail::utf8_char_length(text.substr(position)) : 1;
        } else {
            position = end;
        }
        previous_end = static_cast<long>(end);
        if (accept) out.push_back(groups);
    }
    return out;
}

// The result regex() gives for one match: the match, a list of groups, or a map of named ones.
Value match_result(const Call& call, const RE2& re, const Groups& groups) {
    const auto piece_value = [&](const re2::StringPiece& piece) {
        if (piece.data() == nullptr) return Value::null(call.range());
        return call.string_result(std::string(piece.data(), piece.size()));
    };
    if (groups.size() == 1) return piece_value(groups[0]);
    const std::map<int, std::string>& names = re.CapturingGroupNames();
    if (names.empty()) {
        Value::List items;
        for (std::size_t i = 1; i < groups.size(); ++i)
            items.push_back(piece_value(groups[i]));
        return call.list_result(std::move(items));
    }
    Value::Map entries;
    for (const auto& [index, name] : names) {
        entries.push_back(
            Value::Entry{name, call.range(), piece_value(groups[static_cast<std::size_t>(index)])});
    }
    return call.map_result(std::move(entries));
}

// Named and unnamed groups may not be mixed (cty's regexPatternResultType).
bool check_groups(Call& call, const RE2& re) {
    const std::size_t named = re.CapturingGroupNames().size();
    if (named > 0 && named != static_cast<std::size_t>(re.NumberOfCapturingGroups())) {
        call.fail("invalid regexp pattern: cannot mix both named and unnamed capture groups");
        return false;
    }
    return true;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Go's Regexp.expand: "$1", "${1}", "$name", "${name}", "$$".
void expand(std::string& out, std::string_view replacement, const RE2& re, const Groups& groups) {
    while (!replacement.empty()) {
        const std::size_t dollar = replacement.find('$');
        if (dollar == std::string_view::npos) break;
        out += replacement.substr(0, dollar);
        replacement.remove_prefix(dollar + 1);
        if (replacement.starts_with('$')) {
            out += '$';
            replacement.remove_prefix(1);
            continue;
        }
        std::string_view rest = replacement;
        const bool brace = rest.starts_with('{');
        if (brace) rest.remove_prefix(1);
        std::size_t i = 0;
        while (i < rest.size() && is_name_char(rest[i]))
            ++i;
        if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
            out += '$';  // malformed: the '$' is plain text
            continue;
        }
        const std::string_view name = rest.substr(0, i);
        replacement = rest.substr(brace ? i + 1 : i);
        long number = 0;
        for (char c : name) {
            if (c < '0' || c > '9' || number >= 100000000) {
                number = -1;
                break;
            }
            number = number * 10 + (c - '0');
        }
        if (name.size() > 1 && name[0] == '0') number = -1;
        if (number < 0) {
            const auto& named = re.NamedCapturingGroups();
            auto found = named.find(std::string(name));
            if (found == named.end()) continue;
            number = found->second;
        }
        if (static_cast<std::size_t>(number) < groups.size()) {
            const re2::StringPiece& piece = groups[static_cast<std::size_t>(number)];
            if (piece.data() != nullptr) out.append(piece.data(), piece.size());
        }
    }
    out += replacement;
}

// Go's Regexp.ReplaceAllString.
std::optional<std::string> replace_regex(Call& call, std::string_view text, const RE2& re,
                                         std::string_view replacement) {
    std::string out;
    std::size_t last_end = 0;
    std::size_t search = 0;
    Groups groups;
    while (search <= text.size()) {
        if (!match_at(re, text, search, groups)) break;
        const std::size_t begin = begin_of(text, groups[0]);
        const std::size_t end = end_of(text, groups[0]);
        out += text.substr(last_end, begin - last_end);
        if (end > last_end || begin == 0) expand(out, replacement, re, groups);
        if (detail::too_long(out.size())) {
            call.fail("the result would be longer than the string size limit",
                      DiagnosticCode::ExpansionLimit);
            return std::nullopt;
        }
        last_end = end;
        const std::size_t width =
            search < text.size() ? detail::utf8_char_length(text.substr(search)) : 0;
        if (search + width > end) {
            search += width;
        } else if (search + 1 > end) {
            ++search;
        } else {
            search = end;
        }
    }
    out += text.substr(last_end);
    return out;
}

// Go's strings.Replace(text, old, replacement, -1).
std::optional<std::string> replace_plain(Call& call, std::string_view text, std::string_view old,
                                         std::string_view replacement) {
    std::string out;
    if (old.empty()) {  // before every UTF-8 sequence and at the end
        std::string_view rest = text;
        while (!rest.empty()) {
            out += replacement;
            const std::size_t length = detail::utf8_char_length(rest);
            out += rest.substr(0, length);
            rest.remove_prefix(length);
            if (detail::too_long(out.size())) break;
        }
        out += replacement;
    } else {
        std::size_t position = 0;
        while (true) {
            const std::size_t found = text.find(old, position);
            if (found == std::string_view::npos) break;
            out += text.substr(position, found - position);
            out += replacement;
            position = found + old.size();
            if (detail::too_long(out.size())) break;
        }
        out += text.substr(std::min(position, text.size()));
    }
    if (detail::too_long(out.size())) {
        call.fail("the result would be longer than the string size limit",
                  DiagnosticCode::ExpansionLimit);
        return std::nullopt;
    }
    return out;
}

}  // namespace

Value fn_regex(std::vector<Value>& args, FunctionContext& context) {
    Call call("regex", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto pattern = call.string(0);
    if (!pattern) return call.failure();
    auto text = call.string(1);
    if (!text) return call.failure();
    auto re = compile(call, *pattern);
    if (!re || !check_groups(call, *re)) return call.failure();
    Groups groups;
    if (!match_at(*re, *text, 0, groups)) {
        return call.fail("pattern did not match any part of the given string");
    }
    return match_result(call, *re, groups);
}

Value fn_regexall(std::vector<Value>& args, FunctionContext& context) {
    Call call("regexall", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto pattern = call.string(0);
    if (!pattern) return call.failure();
    auto text = call.string(1);
    if (!text) return call.failure();
    auto re = compile(call, *pattern);
    if (!re || !check_groups(call, *re)) return call.failure();
    Value::List out;
    for (const Groups& groups : all_matches(*re, *text))
        out.push_back(match_result(call, *re, groups));
    return call.list_result(std::move(out));
}

Value fn_replace(std::vector<Value>& args, FunctionContext& context) {
    Call call("replace", args, context);
    if (auto early = call.start(3, 3, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto old = call.string(1);
    if (!old) return call.failure();
    auto replacement = call.string(2);
    if (!replacement) return call.failure();
    std::optional<std::string> out;
    if (old->size() > 1 && old->front() == '/' && old->back() == '/') {
        auto re = compile(call, std::string_view(*old).substr(1, old->size() - 2));
        if (!re) return call.failure();
        out = replace_regex(call, *text, *re, *replacement);
    } else {
        out = replace_plain(call, *text, *old, *replacement);
    }
    if (!out) return call.failure();
    return call.string_result(std::move(*out));
}

}  // namespace bulwark::terraform::builtin
