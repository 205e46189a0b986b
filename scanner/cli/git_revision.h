#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <variant>

namespace bulwark {

// A revision's infrastructure files, written out of git's object store (never by checking it out
// in place) for `--diff-base`.
struct ExportedRevision {
    std::filesystem::path toplevel;  // the working tree's top folder
    std::string commit;              // the full commit ID the revision names
    std::size_t files = 0;           // files written
};

// Writes the files of `revision` in the repository that holds `inside` under `target` (same
// relative paths as in the repository): the infrastructure files only (by extension), none larger
// than `max_file_size`, no symbolic links or submodules. Git runs with fixed arguments, never
// through a shell. A problem (no git, no repository, an unknown revision) is returned as a message.
std::variant<ExportedRevision, std::string> export_revision(const std::filesystem::path& inside,
                                                            const std::string& revision,
                                                            const std::filesystem::path& target,
                                                            std::size_t max_file_size);

}  // namespace bulwark
