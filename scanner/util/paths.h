#pragma once

// Path containment, the check behind every "never read outside the scan root" rule.

#include <algorithm>
#include <filesystem>
#include <iterator>

namespace bulwark {

// Whether `path` is `root` or lies under it, comparing the paths' components as written (both
// should be absolute or both relative, and normalized by the caller). A root written with a
// trailing separator ("infra/") contains what "infra" contains.
inline bool is_within(const std::filesystem::path& path, const std::filesystem::path& root) {
    auto [root_end, unused] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    (void)unused;
    return root_end == root.end() || (std::next(root_end) == root.end() && root_end->empty());
}

}  // namespace bulwark
