#include "iam/wildcard.h"

#include <algorithm>

#include "util/text.h"

namespace bulwark::iam {
namespace {

bool same_char(char a, char b, bool ignore_case) {
    if (!ignore_case) return a == b;
    return ascii_fold(a) == ascii_fold(b);
}

}  // namespace

bool has_wildcard(std::string_view text) {
    // A plain loop: find_first_of("*?") calls memchr once per character, which made this the
    // hottest function of a scan of IAM-heavy code.
    return std::any_of(text.begin(), text.end(), [](char c) { return c == '*' || c == '?'; });
}

bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case) {
    // Iterative matching with backtracking to the last `*`: linear in practice, no recursion.
    std::size_t p = 0, t = 0;
    std::size_t star = std::string_view::npos, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() &&
            (pattern[p] == '?' ||
             (pattern[p] != '*' && same_char(pattern[p], text[t], ignore_case)))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool wildcard_covers(std::string_view outer, std::string_view inner, bool ignore_case) {
    // Every shape below needs a literal first character of `outer` to start `inner`. Action
    // groups ask this for hundreds of actions per statement, and most differ right there.
    if (!outer.empty() && outer.front() != '*' && outer.front() != '?' &&
        (inner.empty() || !same_char(outer.front(), inner.front(), ignore_case))) {
        return false;
    }
    if (!has_wildcard(outer)) {
        return outer.size() == inner.size() && !has_wildcard(inner) &&
               wildcard_match(outer, inner, ignore_case);
    }
    // outer = literal prefix followed only by `*`s: covers inner when inner starts with that
    // prefix written literally.
    const auto wildcard =
        std::find_if(outer.begin(), outer.end(), [](char c) { return c == '*' || c == '?'; });
    const auto first = static_cast<std::size_t>(wildcard - outer.begin());
    const std::string_view prefix = outer.substr(0, first);
    if (outer.substr(first).find_first_not_of('*') != std::string_view::npos) {
        // Other shapes: covered when inner is literal and matched by outer.
        return !has_wildcard(inner) && wildcard_match(outer, inner, ignore_case);
    }
    if (inner.size() < prefix.size()) return false;
    const std::string_view head = inner.substr(0, prefix.size());
    return !has_wildcard(head) && wildcard_match(prefix, head, ignore_case);
}

}  // namespace bulwark::iam
