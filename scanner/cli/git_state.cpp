#include "cli/git_state.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace bulwark {
namespace {

// Runs git with `arguments`, standard output captured, standard error discarded. nullopt unless
// it exits 0.
std::optional<std::string> run_git(const std::vector<std::string>& arguments) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> argv;
    std::vector<std::string> owned = {"git"};
    owned.insert(owned.end(), arguments.begin(), arguments.end());
    for (std::string& item : owned)
        argv.push_back(item.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    std::string output;
    if (spawned == 0) {
        char buffer[4096];
        for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
            output.append(buffer, static_cast<std::size_t>(n));
    }
    close(pipe_fds[0]);
    if (spawned != 0) return std::nullopt;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return output;
}

}  // namespace

std::optional<compliance::GitState> git_state(const std::filesystem::path& directory) {
    const std::string dir = directory.empty() ? "." : directory.string();
    auto head = run_git({"-C", dir, "rev-parse", "--verify", "--quiet", "HEAD"});
    if (!head) return std::nullopt;
    while (!head->empty() && (head->back() == '\n' || head->back() == '\r'))
        head->pop_back();
    if (head->empty()) return std::nullopt;
    auto status = run_git({"-C", dir, "status", "--porcelain"});
    if (!status) return std::nullopt;
    return compliance::GitState{*head, !status->empty()};
}

}  // namespace bulwark
