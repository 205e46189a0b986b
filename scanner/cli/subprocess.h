#pragma once

#include <string>
#include <vector>

namespace bulwark {

struct ProcessResult {
    bool started = false;  // false: the program could not be run at all
    int exit_code = -1;    // -1 when it did not exit normally
    std::string out;
    std::string err;
};

// Runs `argv` (argv[0] looked up on PATH) directly, never through a shell, with `input` on its
// standard input, and collects its standard output and error.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace bulwark
