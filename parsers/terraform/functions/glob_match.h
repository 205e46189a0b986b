#pragma once

// fileset()'s patterns: the doublestar syntax Terraform uses. `*` matches within one path
// segment, `**` as a whole segment matches any number of segments, `?` one character,
// `[abc]` / `[a-z]` / `[^a]` a class, `{a,b}` alternatives, `\` escapes.

#include <string_view>

namespace bulwark::terraform::detail {

// Whether the '/'-separated relative `path` matches `pattern`.
bool doublestar_match(std::string_view pattern, std::string_view path);

}  // namespace bulwark::terraform::detail
