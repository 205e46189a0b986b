#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace bulwark {

// Exit codes, documented in the README.
inline constexpr int kExitClean = 0;     // no failing finding at or above the threshold
inline constexpr int kExitFindings = 1;  // at least one (or, with --strict, an input problem)
inline constexpr int kExitUsage = 2;     // usage, configuration or rule-file error

// Which of the streams are interactive terminals: colours go to a terminal's standard output,
// the progress indicator to a terminal's standard error.
struct Terminal {
    bool standard_output = false;
    bool standard_error = false;
};

// Runs the command line `args` (without the program name), writing to `out` and `err`.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const Terminal& terminal = {});
// Older form: `terminal` says whether standard output is a terminal.
inline int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                   bool terminal) {
    return run_cli(args, out, err, Terminal{terminal, false});
}

}  // namespace bulwark
