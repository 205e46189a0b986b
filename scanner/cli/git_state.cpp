#include "cli/git_state.h"

#include <string>

#include "cli/subprocess.h"
#include "util/text.h"

namespace bulwark {

std::optional<compliance::GitState> git_state(const std::filesystem::path& directory) {
    const std::string dir = directory.empty() ? "." : directory.string();
    const ProcessResult head =
        run_process({"git", "-C", dir, "rev-parse", "--verify", "--quiet", "HEAD"});
    const std::string commit(trim(head.out));
    if (head.exit_code != 0 || commit.empty()) return std::nullopt;
    const ProcessResult status = run_process({"git", "-C", dir, "status", "--porcelain"});
    if (status.exit_code != 0) return std::nullopt;
    return compliance::GitState{commit, !status.out.empty()};
}

}  // namespace bulwark
