#pragma once

#include <filesystem>
#include <optional>

#include "reporters/compliance/compliance_report.h"

namespace bulwark {

// The commit and dirty state of the git work tree that holds `directory`, read by running
// `git -C DIR rev-parse --verify HEAD` and `git -C DIR status --porcelain` (fixed arguments,
// no shell). nullopt when git is missing, the directory is not in a work tree, or it has no
// commit yet.
std::optional<compliance::GitState> git_state(const std::filesystem::path& directory);

}  // namespace bulwark
