#include "cli/scan_command.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>

#include "baseline/apply_baseline.h"
#include "cli/baseline_options.h"
#include "cli/cli_support.h"
#include "cli/scan_inputs.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

struct ScanArgs {
    ScanInputArgs input;
    std::vector<std::string> formats;
    std::vector<std::string> outputs;
    std::string fail_on = "high";
    bool no_color = false;
    std::string color = "auto";
    std::string sarif_category;
    bool sarif_include_suppressed = false;
    std::string junit_by = "rule";
    bool quiet = false;
    bool strict = false;
    BaselineArgs baseline;
    std::string shard;  // I/N
};

struct OutputTarget {
    OutputFormat format;
    std::string path;  // empty: standard output
};

std::string format_names() {
    std::string names;
    for (OutputFormat format : kOutputFormats)
        names += (names.empty() ? "" : ", ") + std::string(to_string(format));
    return names;
}

// `--format sarif:FILE` names its file; the --output values go, in order, to the formats that
// do not. Problems are written to `err` and give nullopt.
std::optional<std::vector<OutputTarget>> output_targets(const ScanArgs& args, std::ostream& err) {
    std::vector<OutputTarget> targets;
    std::vector<std::string> formats =
        args.formats.empty() ? std::vector<std::string>{"text"} : args.formats;
    std::size_t next_output = 0;
    int to_stdout = 0;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        std::string name = formats[i];
        std::string path;
        if (const std::size_t colon = name.find(':'); colon != std::string::npos) {
            path = name.substr(colon + 1);
            name = name.substr(0, colon);
        } else if (next_output < args.outputs.size()) {
            path = args.outputs[next_output++];
        }
        auto format = parse_output_format(name);
        if (!format) {
            err << "bulwark: unknown output format '" << name << "' (expected one of "
                << format_names() << ")\n";
            return std::nullopt;
        }
        if (path.empty() || path == "-") {
            path.clear();
            ++to_stdout;
        }
        targets.push_back({*format, path});
    }
    if (next_output < args.outputs.size()) {
        err << "bulwark: more --output than formats without a FILE; pair each output with a "
               "format\n";
        return std::nullopt;
    }
    if (to_stdout > 1) {
        err << "bulwark: only one format can go to standard output; give the others --output "
               "FILE\n";
        return std::nullopt;
    }
    return targets;
}

// Writes every output; false when a file cannot be written (said on `io.err`).
bool write_outputs(const ScanArgs& args, const std::vector<OutputTarget>& targets,
                   const ScanResult& result, const CommandIo& io) {
    // Colours: --color always, or auto on a terminal unless NO_COLOR is set (no-color.org).
    const char* no_color = std::getenv("NO_COLOR");
    const bool color = !args.no_color && (args.color == "always" ||
                                          (args.color == "auto" && io.terminal.standard_output &&
                                           (no_color == nullptr || *no_color == '\0')));
    for (const OutputTarget& target : targets) {
        ReportContext context{result, bulwark_version(), target.path.empty() && color};
        context.sarif_category = args.sarif_category;
        context.sarif_include_suppressed = args.sarif_include_suppressed;
        context.junit_by =
            args.junit_by == "control" ? JunitGrouping::Control : JunitGrouping::Rule;
        context.show_baselined = args.baseline.show;
        std::string bytes = render(target.format, context);
        if (target.path.empty()) {
            if (args.quiet && target.format == OutputFormat::Text && result.findings.empty() &&
                result.diagnostics.empty()) {
                continue;
            }
            io.out << bytes;
            continue;
        }
        std::ofstream file(target.path, std::ios::binary | std::ios::trunc);
        if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
            io.err << "bulwark: cannot write " << target.path << "\n";
            return false;
        }
    }
    return true;
}

int exit_status(const ScanArgs& args, std::optional<Severity> threshold, const ScanResult& result) {
    bool failing = false;
    for (const Finding& finding : result.findings) {
        if (finding.status == FindingStatus::Failed && threshold &&
            at_least(finding.severity, *threshold)) {
            failing = true;
        }
    }
    if (args.strict) {
        for (const Diagnostic& diagnostic : result.diagnostics) {
            if (diagnostic.severity == DiagnosticSeverity::Error) failing = true;
        }
        if (result.counts.undecided > 0) failing = true;
    }
    return failing ? kExitFindings : kExitClean;
}

int run_scan(const ScanArgs& args, const CommandIo& io) {
    const auto targets = output_targets(args, io.err);
    if (!targets) return kExitUsage;
    if (args.color != "auto" && args.color != "always" && args.color != "never") {
        io.err << "bulwark: --color must be auto, always or never, not '" << args.color << "'\n";
        return kExitUsage;
    }
    if (args.junit_by != "rule" && args.junit_by != "control") {
        io.err << "bulwark: --junit-by must be rule or control, not '" << args.junit_by << "'\n";
        return kExitUsage;
    }
    std::optional<Severity> threshold;
    if (args.fail_on != "none") {
        threshold = parse_severity(args.fail_on);
        if (!threshold) {
            io.err << "bulwark: --fail-on must be critical, high, medium, low, info or none, not '"
                   << args.fail_on << "'\n";
            return kExitUsage;
        }
    }
    const auto baselines = load_baselines(args.baseline, io.err);
    if (!baselines) return kExitUsage;
    std::optional<PreparedScan> prepared = prepare_scan(args.input, io.err);
    if (!prepared) return kExitUsage;
    if (!args.shard.empty()) {
        auto shard = parse_shard(args.shard);
        if (!shard) {
            io.err << "bulwark: --shard must be I/N with 1 <= I <= N, not '" << args.shard << "'\n";
            return kExitUsage;
        }
        prepared->options.shard = *shard;
    }
    std::optional<ScanResult> result = run_prepared_scan(*prepared, io);
    if (!result) return kExitUsage;
    for (const auto& [path, baseline] : *baselines)
        apply_baseline(*result, baseline, path);
    if (!apply_diff_base(args.baseline, args.input, *result, io)) return kExitUsage;
    if (!write_outputs(args, *targets, *result, io)) return kExitUsage;
    return exit_status(args, threshold, *result);
}

}  // namespace

void register_scan_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<ScanArgs>();
    CLI::App* scan = app.add_subcommand("scan", "Scan infrastructure code for violations");
    add_scan_input_options(*scan, args->input);
    add_baseline_options(*scan, args->baseline);
    scan->add_option("--shard", args->shard,
                     "Scan only part I of N (1-based) of the scan units (a Terraform root module "
                     "with its local modules, a template, a CDK app); `bulwark merge` combines "
                     "the parts' JSON or SARIF");
    scan->add_option("-f,--format", args->formats,
                     "Output format: " + format_names() +
                         " (resources: the graph as Bulwark sees it); repeat for several outputs, "
                         "and write FORMAT:FILE to send one to a file");
    scan->add_option("-o,--output", args->outputs,
                     "File for the next --format that names none (default: standard output)");
    scan->add_option("--fail-on", args->fail_on,
                     "Exit 1 when a finding has this severity or higher: critical, high, medium, "
                     "low, info, none (default: high)");
    scan->add_option("--color", args->color,
                     "Colour the text output: auto (on a terminal, unless NO_COLOR is set), "
                     "always or never (default: auto)");
    scan->add_flag("--no-color", args->no_color, "Same as --color never");
    scan->add_option("--sarif-category", args->sarif_category,
                     "SARIF automationDetails.id, to keep several uploads for one commit apart "
                     "(default: bulwark)");
    scan->add_flag("--sarif-include-suppressed", args->sarif_include_suppressed,
                   "Keep suppressed findings in SARIF, marked with `suppressions` (GitHub ignores "
                   "them and would open alerts)");
    scan->add_option("--junit-by", args->junit_by,
                     "JUnit test suites per rule (default) or per framework control");
    scan->add_flag("-q,--quiet", args->quiet, "Print nothing when there is nothing to report");
    scan->add_flag("--strict", args->strict,
                   "Also exit 1 on input errors and on checks that could not be decided");
    commands.push_back({scan, [args](const CommandIo& io) { return run_scan(*args, io); }});
}

}  // namespace bulwark
