#pragma once

#include <string_view>

namespace bulwark {

// Matches a '/'-separated relative path against a glob: `*` and `?` stay inside one path
// segment, `**` spans segments. A pattern without '/' matches any single segment at any depth
// (as .gitignore does), so `*.json` and `node_modules` work anywhere.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace bulwark
