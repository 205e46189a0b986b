#include "cli/subprocess.h"

#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>

extern char** environ;

namespace bulwark {
namespace {

struct Pipe {
    int read = -1;
    int write = -1;
    // A socket pair for standard input: send() with MSG_NOSIGNAL reports a reader that went away
    // as an error instead of raising SIGPIPE in the whole process.
    bool open(bool socket = false) {
        int fds[2];
        if (socket ? ::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0 : ::pipe(fds) != 0)
            return false;
        read = fds[0];
        write = fds[1];
        return true;
    }
    void close_read() {
        if (read >= 0) ::close(read);
        read = -1;
    }
    void close_write() {
        if (write >= 0) ::close(write);
        write = -1;
    }
    ~Pipe() {
        close_read();
        close_write();
    }
};

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input) {
    ProcessResult result;
    if (argv.empty()) return result;
    Pipe in, out, err;
    if (!in.open(true) || !out.open() || !err.open()) return result;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
    for (int fd : {in.read, in.write, out.read, out.write, err.read, err.write})
        posix_spawn_file_actions_addclose(&actions, fd);
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    in.close_read();
    out.close_write();
    err.close_write();
    if (spawned != 0) return result;
    result.started = true;

    // Feed standard input and drain both outputs together, so that no pipe fills up and blocks.
    std::size_t written = 0;
    if (input.empty()) in.close_write();
    std::array<char, 65536> buffer;
    while (out.read >= 0 || err.read >= 0) {
        std::vector<pollfd> fds;
        if (in.write >= 0) fds.push_back({in.write, POLLOUT, 0});
        if (out.read >= 0) fds.push_back({out.read, POLLIN, 0});
        if (err.read >= 0) fds.push_back({err.read, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (const pollfd& fd : fds) {
            if (fd.revents == 0) continue;
            if (fd.fd == in.write) {
                const ssize_t n =
                    ::send(in.write, input.data() + written, input.size() - written, MSG_NOSIGNAL);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == input.size()) in.close_write();
                continue;
            }
            const ssize_t n = ::read(fd.fd, buffer.data(), buffer.size());
            if (n > 0) {
                (fd.fd == out.read ? result.out : result.err)
                    .append(buffer.data(), static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                if (fd.fd == out.read)
                    out.close_read();
                else
                    err.close_read();
            }
        }
    }
    in.close_write();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    return result;
}

}  // namespace bulwark
