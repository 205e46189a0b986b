#pragma once

#include "cli/command.h"

namespace bulwark {

// `bulwark baseline create`: scan, and write the failing findings as a baseline file.
void register_baseline_commands(CLI::App& app, CommandList& commands);

}  // namespace bulwark
