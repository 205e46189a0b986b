#pragma once

#include "cli/command.h"

namespace bulwark {

// `bulwark config --dump`: the effective configuration (file over defaults).
void register_config_command(CLI::App& app, CommandList& commands);

}  // namespace bulwark
