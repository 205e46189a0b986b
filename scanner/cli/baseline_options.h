#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "baseline/baseline_file.h"
#include "cli/command.h"
#include "cli/scan_inputs.h"

namespace bulwark {

// `scan --baseline FILE --diff-base REV --show-baselined`.
struct BaselineArgs {
    std::vector<std::string> files;
    std::string diff_base;
    bool show = false;
};

void add_baseline_options(CLI::App& command, BaselineArgs& args);

// The baseline files, read before the scan so that a bad one fails fast; problems are written to
// `err` (nullopt).
std::optional<std::vector<std::pair<std::string, Baseline>>> load_baselines(
    const BaselineArgs& args, std::ostream& err);

// Reads a baseline file: the baseline or a message naming the file.
std::optional<Baseline> read_baseline_file(const std::string& path, std::ostream& err);

// With --diff-base: scans the revision's tree (exported from git into a temporary folder) with the
// same inputs, and accepts its findings as a baseline. A usage problem (no repository, a bad
// revision, a scan root outside the repository) is written to `io.err` and gives false.
bool apply_diff_base(const BaselineArgs& args, const ScanInputArgs& input, ScanResult& result,
                     const CommandIo& io);

}  // namespace bulwark
