#pragma once

// IAM's wildcard matching: `*` matches any run of characters (also none), `?` any one.

#include <string_view>

namespace bulwark::iam {

// Whether `pattern` matches `text`. Action names are compared without regard to case, as AWS
// compares them; ARNs are case-sensitive.
bool wildcard_match(std::string_view pattern, std::string_view text, bool ignore_case);

// Whether every string `inner` matches is also matched by `outer` (a conservative answer: false
// when Bulwark cannot show it; exact for `*`, literal strings and trailing-`*` prefixes).
bool wildcard_covers(std::string_view outer, std::string_view inner, bool ignore_case);

bool has_wildcard(std::string_view text);

}  // namespace bulwark::iam
