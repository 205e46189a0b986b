#pragma once

#include "cli/command.h"

namespace bulwark {

// `bulwark report --framework ID`: scan, then write one framework's control evidence for auditors
// (HTML, Markdown, JSON or CSV).
void register_report_command(CLI::App& app, CommandList& commands);

}  // namespace bulwark
