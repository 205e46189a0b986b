#pragma once

#include "cli/command.h"

namespace bulwark {

// `bulwark rules list|show|builtins`.
void register_rules_commands(CLI::App& app, CommandList& commands);

}  // namespace bulwark
