#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "config/config.h"

namespace bulwark {

// The nearest .bulwark.yaml in `start` (a folder) or its parents. The search stops at the
// repository top (the first folder holding `.git`, a folder or a worktree's file), so a file
// outside the repository never changes how it is scanned, and at the filesystem root.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);

// Parses configuration text. `file` names it in errors, and its folder anchors relative paths
// (rule directories, variable and parameter files, per-directory settings), which must exist.
// Every mistake is returned, not just the first.
std::variant<Config, std::vector<ConfigError>> parse_config(std::string_view text,
                                                            const std::filesystem::path& file);

// Reads and parses `file`.
std::variant<Config, std::vector<ConfigError>> load_config(const std::filesystem::path& file);

}  // namespace bulwark
