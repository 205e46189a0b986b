#include "parsers/terraform/functions/glob_match.h"

#include <string>
#include <vector>

#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::detail {
namespace {

// At most this many patterns after expanding `{a,b}` alternatives, and this much work.
constexpr std::size_t kMaxAlternatives = 256;
constexpr std::size_t kMaxSteps = 1'000'000;

// The patterns `pattern` stands for once its first `{...}` group (and, recursively, the rest)
// is expanded.
void expand_braces(const std::string& pattern, std::vector<std::string>& out) {
    if (out.size() >= kMaxAlternatives) return;
    std::size_t open = std::string::npos;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\') {
            ++i;
        } else if (pattern[i] == '{') {
            open = i;
            break;
        }
    }
    if (open == std::string::npos) {
        out.push_back(pattern);
        return;
    }
    int depth = 0;
    std::vector<std::size_t> commas;
    std::size_t close = std::string::npos;
    for (std::size_t i = open; i < pattern.size() && close == std::string::npos; ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (--depth == 0) close = i;
        } else if (c == ',' && depth == 1) {
            commas.push_back(i);
        }
    }
    if (close == std::string::npos) {  // unbalanced: a literal '{'
        out.push_back(pattern);
        return;
    }
    const std::string head = pattern.substr(0, open);
    const std::string tail = pattern.substr(close + 1);
    std::size_t start = open + 1;
    commas.push_back(close);
    for (std::size_t comma : commas) {
        expand_braces(head + pattern.substr(start, comma - start) + tail, out);
        start = comma + 1;
    }
}

// One character class at pattern[p] == '['; advances p past it. nullopt-like false in
// `valid` for an unterminated class (then '[' is literal).
bool class_matches(std::string_view pattern, std::size_t& p, char32_t c, bool& valid) {
    std::size_t i = p + 1;
    bool negate = false;
    if (i < pattern.size() && pattern[i] == '^') {  // '!' is literal, as in doublestar
        negate = true;
        ++i;
    }
    bool matched = false;
    bool first = true;
    while (i < pattern.size() && (pattern[i] != ']' || first)) {
        first = false;
        std::size_t length = 0;
        if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
        const char32_t low = decode_utf8(pattern.substr(i), length);
        i += length;
        char32_t high = low;
        if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
            ++i;
            if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
            high = decode_utf8(pattern.substr(i), length);
            i += length;
        }
        if (c >= low && c <= high) matched = true;
    }
    if (i >= pattern.size()) {
        valid = false;
        return false;
    }
    valid = true;
    p = i + 1;
    return matched != negate;
}

// One path segment against one pattern segment (no '/' in either).
bool segment_matches(std::string_view pattern, std::string_view text, std::size_t& steps) {
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star_p = std::string_view::npos;
    std::size_t star_t = 0;
    while (t < text.size()) {
        if (++steps > kMaxSteps) return false;
        if (p < pattern.size() && pattern[p] == '*') {
            star_p = ++p;
            star_t = t;
            continue;
        }
        std::size_t length = 0;
        const char32_t c = decode_utf8(text.substr(t), length);
        if (p < pattern.size()) {
            const char pc = pattern[p];
            if (pc == '?') {
                ++p;
                t += length;
                continue;
            }
            if (pc == '[') {
                std::size_t q = p;
                bool valid = false;
                const bool matched = class_matches(pattern, q, c, valid);
                if (valid) {
                    if (matched) {
                        p = q;
                        t += length;
                        continue;
                    }
                } else if (text[t] == '[') {
                    ++p;
                    ++t;
                    continue;
                }
            } else {
                std::size_t literal = p;
                if (pc == '\\' && p + 1 < pattern.size()) ++literal;
                std::size_t pattern_length = 0;
                const char32_t expected = decode_utf8(pattern.substr(literal), pattern_length);
                if (expected == c && pattern_length == length &&
                    pattern.substr(literal, pattern_length) == text.substr(t, length)) {
                    p = literal + pattern_length;
                    t += length;
                    continue;
                }
            }
        }
        if (star_p == std::string_view::npos) return false;
        p = star_p;
        star_t += utf8_char_length(text.substr(star_t));
        t = star_t;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

std::vector<std::string_view> split(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = text.find('/', start);
        parts.push_back(text.substr(start, slash - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return parts;
}

bool segments_match(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& path, std::size_t t, std::size_t& steps) {
    if (++steps > kMaxSteps) return false;
    if (p == pattern.size()) return t == path.size();
    if (pattern[p] == "**") {
        for (std::size_t skip = t; skip <= path.size(); ++skip) {
            if (segments_match(pattern, p + 1, path, skip, steps)) return true;
        }
        return false;
    }
    if (t == path.size()) return false;
    return segment_matches(pattern[p], path[t], steps) &&
           segments_match(pattern, p + 1, path, t + 1, steps);
}

}  // namespace

bool doublestar_match(std::string_view pattern, std::string_view path) {
    std::vector<std::string> alternatives;
    expand_braces(std::string(pattern), alternatives);
    const std::vector<std::string_view> path_parts = split(path);
    std::size_t steps = 0;
    for (const std::string& alternative : alternatives) {
        if (segments_match(split(alternative), 0, path_parts, 0, steps)) return true;
    }
    return false;
}

}  // namespace bulwark::terraform::detail
