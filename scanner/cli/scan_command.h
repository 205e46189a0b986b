#pragma once

#include "cli/command.h"

namespace bulwark {

// `bulwark scan`: scan, write the requested outputs, and exit by the fail threshold.
void register_scan_command(CLI::App& app, CommandList& commands);

}  // namespace bulwark
