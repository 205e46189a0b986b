#pragma once

#include "cli/command.h"

namespace bulwark {

// `bulwark merge FILE...`: one report from the JSON or SARIF reports of a sharded scan.
void register_merge_command(CLI::App& app, CommandList& commands);

}  // namespace bulwark
