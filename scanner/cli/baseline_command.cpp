#include "cli/baseline_command.h"

#include <CLI/CLI.hpp>

#include <fstream>

#include "baseline/apply_baseline.h"
#include "cli/scan_inputs.h"

namespace bulwark {
namespace {

struct BaselineCreateArgs {
    ScanInputArgs input;
    std::string output = ".bulwark-baseline.json";
};

int run_create(const BaselineCreateArgs& args, const CommandIo& io) {
    std::optional<PreparedScan> prepared = prepare_scan(args.input, io.err);
    if (!prepared) return kExitUsage;
    const std::optional<ScanResult> result = run_prepared_scan(*prepared, io);
    if (!result) return kExitUsage;
    const Baseline baseline = baseline_of(*result);
    const std::string bytes = render_baseline(baseline);
    if (args.output == "-") {
        io.out << bytes;
    } else {
        std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
        if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
            io.err << "bulwark: cannot write " << args.output << "\n";
            return kExitUsage;
        }
        io.err << "bulwark: wrote " << baseline.entries.size() << " finding"
               << (baseline.entries.size() == 1 ? "" : "s") << " to " << args.output << "\n";
    }
    // Problems reading the input are not part of a baseline: say so, or they go unnoticed.
    std::size_t problems = 0;
    for (const Diagnostic& diagnostic : result->diagnostics)
        if (diagnostic.severity == DiagnosticSeverity::Error) ++problems;
    if (problems > 0) {
        io.err << "bulwark: " << problems << " input problem" << (problems == 1 ? "" : "s")
               << " (files that could not be read fully); run `bulwark scan` to see them\n";
    }
    return kExitClean;
}

}  // namespace

void register_baseline_commands(CLI::App& app, CommandList& commands) {
    CLI::App* baseline = app.add_subcommand("baseline", "Accept today's findings as known");
    baseline->require_subcommand(1);
    auto args = std::make_shared<BaselineCreateArgs>();
    CLI::App* create = baseline->add_subcommand(
        "create", "Scan and write every failing finding to a baseline file for `scan --baseline`");
    add_scan_input_options(*create, args->input);
    create->add_option("-o,--output", args->output,
                       "The baseline file (default: .bulwark-baseline.json; - for standard "
                       "output)");
    commands.push_back({create, [args](const CommandIo& io) { return run_create(*args, io); }});
}

}  // namespace bulwark
