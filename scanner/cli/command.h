#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <vector>

#include "cli/cli.h"

namespace CLI {
class App;
}

namespace bulwark {

// Where a command writes, and what it writes to.
struct CommandIo {
    std::ostream& out;
    std::ostream& err;
    Terminal terminal;
};

// A (sub)command: its CLI11 node and what runs when it is the one parsed. Each command's file
// registers its options with a `register_*_command` function; its arguments live in a shared
// object the `run` closure holds, so they outlive parsing.
struct Command {
    CLI::App* app = nullptr;
    std::function<int(const CommandIo&)> run;
};

using CommandList = std::vector<Command>;

}  // namespace bulwark
