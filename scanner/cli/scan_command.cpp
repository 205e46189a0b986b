#include "cli/scan_command.h"

#include <CLI/CLI.hpp>

#include <algorithm>
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
    std::string fail_on;  // empty: the configuration's, else high
    bool no_color = false;
    std::string color = "auto";
    std::string sarif_category;
    bool sarif_include_suppressed = false;
    std::string junit_by = "rule";
    bool quiet = false;
    // --strict / --no-strict and --fail-on-undecided / --no-fail-on-undecided; neither: the
    // configuration's, else off.
    bool strict = false;
    bool no_strict = false;
    bool fail_on_undecided = false;
    bool no_fail_on_undecided = false;
    bool soft_fail = false;
    BaselineArgs baseline;
    std::string shard;  // I/N
};

std::optional<bool> either(bool on, bool off) {
    if (on) return true;
    if (off) return false;
    return std::nullopt;
}

// The gate: the command line's settings, else the configuration file's, else the defaults.
struct Gate {
    std::optional<Severity> threshold;  // none: findings never fail
    bool strict = false;
    bool fail_on_undecided = false;
    bool soft_fail = false;
};

std::optional<Gate> gate_of(const ScanArgs& args, const Config& config, std::ostream& err) {
    Gate gate;
    const std::string fail_on = !args.fail_on.empty() ? args.fail_on
                                : config.fail_on      ? config.fail_on->value
                                                      : "high";
    if (fail_on != "none") {
        gate.threshold = parse_severity(fail_on);
        if (!gate.threshold) {
            err << "bulwark: --fail-on must be critical, high, medium, low, info or none, not '"
                << fail_on << "'\n";
            return std::nullopt;
        }
    }
    gate.strict = either(args.strict, args.no_strict).value_or(config.strict.value_or(false));
    gate.fail_on_undecided = either(args.fail_on_undecided, args.no_fail_on_undecided)
                                 .value_or(config.fail_on_undecided.value_or(false));
    gate.soft_fail = args.soft_fail;
    return gate;
}

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
            // The resources dump is the graph, not a report: its input problems go to stderr so
            // that a file that was not read is never silent.
            if (target.format == OutputFormat::Resources) {
                for (const Diagnostic& diagnostic : result.diagnostics) {
                    io.err << "bulwark: " << result.path_of(diagnostic.file);
                    if (diagnostic.position.line != 0) io.err << ":" << diagnostic.position.line;
                    io.err << ": " << to_string(diagnostic.severity) << ": " << diagnostic.message
                           << "\n";
                }
            }
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

int exit_status(const Gate& gate, const ScanResult& result, std::ostream& err) {
    std::vector<std::string> reasons;
    std::size_t failing = 0;
    for (const Finding& finding : result.findings) {
        if (finding.status == FindingStatus::Failed && gate.threshold &&
            at_least(finding.severity, *gate.threshold)) {
            ++failing;
        }
    }
    if (failing > 0)
        reasons.push_back(std::to_string(failing) + " finding(s) at or above --fail-on");
    if (gate.strict) {
        // A file left out (too large, binary, unreadable) is a partial result too.
        const auto errors = std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                          [](const Diagnostic& d) {
                                              return d.severity == DiagnosticSeverity::Error ||
                                                     d.code == DiagnosticCode::FileTooLarge ||
                                                     d.code == DiagnosticCode::BinaryFile ||
                                                     d.code == DiagnosticCode::UnreadableFile;
                                          });
        if (errors > 0) reasons.push_back(std::to_string(errors) + " input problem(s) (--strict)");
    }
    if ((gate.strict || gate.fail_on_undecided) && result.counts.undecided > 0) {
        reasons.push_back(std::to_string(result.counts.undecided) + " undecided check(s) (" +
                          (gate.fail_on_undecided ? "--fail-on-undecided" : "--strict") + ")");
    }
    if (reasons.empty()) return kExitClean;
    if (!gate.soft_fail) return kExitFindings;
    std::string said;
    for (const std::string& reason : reasons)
        said += (said.empty() ? "" : ", ") + reason;
    err << "bulwark: --soft-fail: exiting 0 despite " << said << "\n";
    return kExitClean;
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
    if (!args.fail_on.empty() && args.fail_on != "none" && !parse_severity(args.fail_on)) {
        io.err << "bulwark: --fail-on must be critical, high, medium, low, info or none, not '"
               << args.fail_on << "'\n";
        return kExitUsage;
    }
    const auto baselines = load_baselines(args.baseline, io.err);
    if (!baselines) return kExitUsage;
    std::optional<PreparedScan> prepared = prepare_scan(args.input, io.err);
    if (!prepared) return kExitUsage;
    const std::optional<Gate> gate = gate_of(args, *prepared->config, io.err);
    if (!gate) return kExitUsage;
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
    return exit_status(*gate, *result, io.err);
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
                     "low, info, none (default: the configuration's gate.fail-on, else high)");
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
    auto* strict =
        scan->add_flag("--strict", args->strict,
                       "Also exit 1 on input errors and on checks that could not be decided");
    auto* no_strict =
        scan->add_flag("--no-strict", args->no_strict,
                       "Turn --strict off (overrides the configuration's gate.strict)");
    strict->excludes(no_strict);
    auto* undecided = scan->add_flag("--fail-on-undecided", args->fail_on_undecided,
                                     "Also exit 1 when a check could not be decided (it depends "
                                     "on a value known only at deployment)");
    auto* no_undecided =
        scan->add_flag("--no-fail-on-undecided", args->no_fail_on_undecided,
                       "Turn --fail-on-undecided off (overrides the configuration)");
    undecided->excludes(no_undecided);
    scan->add_flag("--soft-fail", args->soft_fail,
                   "Exit 0 whatever was found (usage and configuration errors still exit 2)");
    commands.push_back({scan, [args](const CommandIo& io) { return run_scan(*args, io); }});
}

}  // namespace bulwark
