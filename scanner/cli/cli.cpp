#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

#include "io/document_reader.h"
#include "parsers/cdk/assembly/assembly_frontend.h"
#include "parsers/cdk/source/cdk_source_frontend.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
#include "parsers/cloudformation/parameters_file.h"
#include "parsers/terraform/plan_frontend.h"
#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "reporters/reporter.h"
#include "rules/builtins.h"

#ifndef BULWARK_VERSION
#define BULWARK_VERSION "0.0.0-dev"
#endif

namespace bulwark {
namespace {

namespace fs = std::filesystem;

struct ScanArgs {
    std::vector<std::string> paths;
    std::vector<std::string> formats;
    std::vector<std::string> outputs;
    std::string fail_on = "high";
    std::vector<std::string> rule_dirs;
    std::vector<std::string> rule_params;
    std::vector<std::string> only;
    std::vector<std::string> skip;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::string root;
    unsigned threads = 0;
    std::size_t max_file_size = 16 * 1024 * 1024;
    bool no_color = false;
    std::string color = "auto";
    std::string sarif_category;
    bool sarif_include_suppressed = false;
    std::string junit_by = "rule";
    bool quiet = false;
    bool strict = false;
    std::vector<std::string> variables;        // Terraform --var NAME=VALUE
    std::vector<std::string> var_files;        // Terraform --var-file FILE
    std::vector<std::string> parameters;       // CloudFormation --parameter NAME=VALUE
    std::vector<std::string> parameter_files;  // CloudFormation --parameters-file FILE
    std::string cdk_source = "auto";           // CDK source next to a cdk.out: auto, always, never
};

struct RulesArgs {
    std::string format = "text";
    std::vector<std::string> rule_dirs;
    std::vector<std::string> rule_params;
    std::string rule_id;
};

std::vector<fs::path> as_paths(const std::vector<std::string>& items) {
    return std::vector<fs::path>(items.begin(), items.end());
}

// Splits comma-separated list options (--only a,b --only c).
std::vector<std::string> split_list(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items) {
        std::size_t start = 0;
        while (start <= item.size()) {
            const std::size_t comma = item.find(',', start);
            std::string part =
                item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!part.empty()) out.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

// `--rule-param RULE.NAME=VALUE`, the value read as a YAML scalar or flow list ([a, b]).
std::optional<std::map<std::string, RuleParameterValues>> parse_rule_params(
    const std::vector<std::string>& items, std::ostream& err) {
    std::map<std::string, RuleParameterValues> out;
    for (const std::string& item : items) {
        const std::size_t equals = item.find('=');
        const std::size_t dot = item.substr(0, equals).rfind('.');
        if (equals == std::string::npos || dot == std::string::npos || dot == 0 ||
            dot + 1 == equals) {
            err << "bulwark: --rule-param takes RULE-ID.PARAMETER=VALUE, not '" << item << "'\n";
            return std::nullopt;
        }
        ReadResult value = read_yaml(item.substr(equals + 1), kNoFile);
        if (!value.value) {
            err << "bulwark: --rule-param " << item << ": the value is not valid YAML\n";
            return std::nullopt;
        }
        out[item.substr(0, dot)][item.substr(dot + 1, equals - dot - 1)] = *value.value;
    }
    return out;
}

const RuleCatalog* load_catalog(const std::vector<std::string>& rule_dirs,
                                const std::vector<std::string>& rule_params,
                                std::unique_ptr<RuleCatalog>& holder, std::ostream& err,
                                bool with_frameworks = true) {
    auto parameters = parse_rule_params(rule_params, err);
    if (!parameters) return nullptr;
    auto loaded = RuleCatalog::load(as_paths(rule_dirs), with_frameworks, *parameters);
    if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
        for (const RuleFileError& error : *errors)
            err << "error: " << format_error(error) << "\n";
        err << "bulwark: " << errors->size() << " problem(s) in rule files; nothing was scanned\n";
        return nullptr;
    }
    holder = std::make_unique<RuleCatalog>(std::get<RuleCatalog>(std::move(loaded)));
    return holder.get();
}

// Today's date in UTC, YYYY-MM-DD: suppressions that expired before it stop suppressing.
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
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

// A one-line progress indicator on a terminal's standard error, shown only when the scan takes
// longer than a second, and erased when it ends.
class ProgressIndicator {
  public:
    ProgressIndicator(std::ostream& err, const ScanProgress& progress)
        : thread_([this, &err, &progress](std::stop_token stop) { run(stop, err, progress); }) {}
    ~ProgressIndicator() {
        thread_.request_stop();
        wake_.notify_all();
    }
    ProgressIndicator(const ProgressIndicator&) = delete;
    ProgressIndicator& operator=(const ProgressIndicator&) = delete;

  private:
    void run(std::stop_token stop, std::ostream& err, const ScanProgress& progress) {
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; })) return;
        bool shown = false;
        static constexpr std::string_view kSpinner = "|/-\\";
        for (std::size_t tick = 0; !stop.stop_requested(); ++tick) {
            const std::size_t rules_total = progress.rules_total;
            const std::size_t files_total = progress.files_total;
            std::string line = "\r";
            line += kSpinner[tick % kSpinner.size()];
            line += " scanning: " + std::to_string(progress.files_read.load()) + "/" +
                    std::to_string(files_total) + " files read";
            if (progress.rules_done > 0) {
                line += ", " + std::to_string(progress.rules_done.load()) + "/" +
                        std::to_string(rules_total) + " rules evaluated";
            }
            err << line << "\x1b[K" << std::flush;
            shown = true;
            wake_.wait_for(lock, stop, std::chrono::milliseconds(100), [] { return false; });
        }
        if (shown) err << "\r\x1b[K" << std::flush;
    }

    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: started once the members it uses exist
};

int run_scan(const ScanArgs& args, std::ostream& out, std::ostream& err, const Terminal& terminal) {
    // Outputs: `--format sarif:FILE` names its file; the --output values go, in order, to the
    // formats that do not.
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
            return kExitUsage;
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
        return kExitUsage;
    }
    if (to_stdout > 1) {
        err << "bulwark: only one format can go to standard output; give the others --output "
               "FILE\n";
        return kExitUsage;
    }
    if (args.color != "auto" && args.color != "always" && args.color != "never") {
        err << "bulwark: --color must be auto, always or never, not '" << args.color << "'\n";
        return kExitUsage;
    }
    if (args.junit_by != "rule" && args.junit_by != "control") {
        err << "bulwark: --junit-by must be rule or control, not '" << args.junit_by << "'\n";
        return kExitUsage;
    }
    std::optional<Severity> threshold;
    if (args.fail_on != "none") {
        threshold = parse_severity(args.fail_on);
        if (!threshold) {
            err << "bulwark: --fail-on must be critical, high, medium, low, info or none, not '"
                << args.fail_on << "'\n";
            return kExitUsage;
        }
    }

    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, args.rule_params, holder, err, false);
    if (catalog == nullptr) return kExitUsage;

    // Gating must never silently do nothing: an unknown rule ID is an error.
    const std::vector<std::string> only = split_list(args.only);
    const std::vector<std::string> skip = split_list(args.skip);
    for (const std::string& id : only) {
        if (!catalog->find(id)) {
            err << "bulwark: --only names an unknown rule '" << id
                << "' (see `bulwark rules list`)\n";
            return kExitUsage;
        }
    }
    for (const std::string& id : skip) {
        if (!catalog->find(id)) {
            err << "bulwark: --skip names an unknown rule '" << id
                << "' (see `bulwark rules list`)\n";
            return kExitUsage;
        }
    }
    ScanOptions options;
    for (const Rule& rule : catalog->rules()) {
        options.known_rules.push_back(&rule);
        auto named = [&](const std::vector<std::string>& ids) {
            return std::any_of(ids.begin(), ids.end(),
                               [&](const std::string& id) { return catalog->find(id) == &rule; });
        };
        if (!rule.deprecated_by.empty() && !named(only)) continue;
        if (!rule.default_enabled && !named(only)) continue;
        if (!only.empty() && !named(only)) continue;
        if (named(skip)) continue;
        options.rules.push_back(&rule);
    }
    options.suppressions.today = today();

    std::vector<fs::path> paths = as_paths(args.paths);
    if (paths.empty()) paths.push_back(".");
    options.discovery.paths = paths;
    options.discovery.root = args.root.empty() ? default_root(paths) : fs::path(args.root);
    options.discovery.include = args.include;
    options.discovery.exclude = args.exclude;
    options.threads = args.threads;
    options.max_file_size = args.max_file_size;

    std::vector<std::unique_ptr<Frontend>> frontends;
    // The plan reader goes first: a plan is JSON that could otherwise look like a template.
    frontends.push_back(std::make_unique<terraform::TerraformPlanFrontend>());
    // CloudFormation parameters: files in order, then --parameter (highest precedence).
    cloudformation::TemplateOptions template_options;
    for (const std::string& file : args.parameter_files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            err << "bulwark: --parameters-file " << file << ": cannot read the file\n";
            return kExitUsage;
        }
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        auto values = cloudformation::parse_parameters_file(text, file);
        if (auto* problem = std::get_if<std::string>(&values)) {
            err << "bulwark: --parameters-file " << *problem << "\n";
            return kExitUsage;
        }
        for (auto& [name, value] : std::get<cloudformation::ParameterValues>(values))
            template_options.parameters[name] = value;
    }
    for (const std::string& assignment : args.parameters) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            err << "bulwark: --parameter needs NAME=VALUE, not '" << assignment << "'\n";
            return kExitUsage;
        }
        template_options.parameters[assignment.substr(0, equals)] = assignment.substr(equals + 1);
    }
    // Before CloudFormation: the templates of a cdk.out are read with their construct paths.
    frontends.push_back(std::make_unique<cdk::CdkAssemblyFrontend>());
    frontends.push_back(
        std::make_unique<cloudformation::CloudFormationFrontend>(std::move(template_options)));
    terraform::TerraformOptions terraform_options;
    for (char** variable = environ; variable && *variable; ++variable) {
        const std::string_view entry = *variable;
        const std::size_t equals = entry.find('=');
        if (entry.starts_with("TF_VAR_") && equals != std::string_view::npos) {
            terraform_options.environment_variables[std::string(entry.substr(7, equals - 7))] =
                std::string(entry.substr(equals + 1));
        }
    }
    for (const std::string& assignment : args.variables) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            err << "bulwark: --var needs NAME=VALUE, not '" << assignment << "'\n";
            return kExitUsage;
        }
        terraform_options.variables[assignment.substr(0, equals)] = assignment.substr(equals + 1);
    }
    for (const std::string& file : args.var_files) {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            err << "bulwark: --var-file " << file << ": no such file\n";
            return kExitUsage;
        }
        terraform_options.var_files.push_back(fs::absolute(file).string());
    }
    frontends.push_back(
        std::make_unique<terraform::TerraformFrontend>(std::move(terraform_options)));
    const cdk::CdkSourceMode cdk_mode = args.cdk_source == "always"  ? cdk::CdkSourceMode::Always
                                        : args.cdk_source == "never" ? cdk::CdkSourceMode::Never
                                                                     : cdk::CdkSourceMode::Auto;
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>(cdk::CdkSourceOptions{cdk_mode}));
    ScanProgress progress;
    std::optional<ProgressIndicator> indicator;
    if (terminal.standard_error) {
        options.progress = &progress;
        indicator.emplace(err, progress);
    }
    ScanResult result = scan(options, frontends);
    indicator.reset();

    // A path that does not exist is a usage error, not an input problem.
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.file == kNoFile) {
            err << "bulwark: " << diagnostic.message << "\n";
            return kExitUsage;
        }
    }

    // Colours: --color always, or auto on a terminal unless NO_COLOR is set (no-color.org).
    const char* no_color = std::getenv("NO_COLOR");
    const bool color = !args.no_color && (args.color == "always" ||
                                          (args.color == "auto" && terminal.standard_output &&
                                           (no_color == nullptr || *no_color == '\0')));
    for (const OutputTarget& target : targets) {
        ReportContext context{result, BULWARK_VERSION, target.path.empty() && color};
        context.sarif_category = args.sarif_category;
        context.sarif_include_suppressed = args.sarif_include_suppressed;
        context.junit_by =
            args.junit_by == "control" ? JunitGrouping::Control : JunitGrouping::Rule;
        std::string bytes = render(target.format, context);
        if (target.path.empty()) {
            if (args.quiet && target.format == OutputFormat::Text && result.findings.empty() &&
                result.diagnostics.empty()) {
                continue;
            }
            out << bytes;
            continue;
        }
        std::ofstream file(target.path, std::ios::binary | std::ios::trunc);
        if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
            err << "bulwark: cannot write " << target.path << "\n";
            return kExitUsage;
        }
    }

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

int run_rules_list(const RulesArgs& args, std::ostream& out, std::ostream& err) {
    if (args.format != "text" && args.format != "json" && args.format != "markdown") {
        err << "bulwark: --format must be text, json or markdown\n";
        return kExitUsage;
    }
    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, args.rule_params, holder, err);
    if (catalog == nullptr) return kExitUsage;
    if (args.format == "json")
        out << render_rule_list_json(*catalog);
    else if (args.format == "markdown")
        out << render_rule_catalog_markdown(*catalog);
    else
        out << render_rule_list_text(*catalog);
    return kExitClean;
}

int run_rules_show(const RulesArgs& args, std::ostream& out, std::ostream& err) {
    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, args.rule_params, holder, err);
    if (catalog == nullptr) return kExitUsage;
    const Rule* rule = catalog->find(args.rule_id);
    if (rule == nullptr) {
        err << "bulwark: no rule '" << args.rule_id << "' (see `bulwark rules list`)\n";
        return kExitUsage;
    }
    out << render_rule_details(*rule, *catalog);
    return kExitClean;
}

int run_rules_builtins(std::ostream& out) {
    for (const Builtin& builtin : builtins()) {
        out << builtin.name << "\n    " << builtin.summary << "\n";
    }
    return kExitClean;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const Terminal& terminal) {
    CLI::App app{"Bulwark: compliance and security scanner for Terraform, CloudFormation and CDK",
                 "bulwark"};
    app.require_subcommand(1);

    ScanArgs scan_args;
    CLI::App* scan = app.add_subcommand("scan", "Scan infrastructure code for violations");
    scan->add_option("paths", scan_args.paths, "Files or directories to scan (default: .)");
    scan->add_option("-f,--format", scan_args.formats,
                     "Output format: " + format_names() +
                         " (resources: the graph as Bulwark sees it); repeat for several outputs, "
                         "and write FORMAT:FILE to send one to a file");
    scan->add_option("-o,--output", scan_args.outputs,
                     "File for the next --format that names none (default: standard output)");
    scan->add_option("--fail-on", scan_args.fail_on,
                     "Exit 1 when a finding has this severity or higher: critical, high, medium, "
                     "low, info, none (default: high)");
    scan->add_option("--rules", scan_args.rule_dirs, "Also load rules from this directory");
    scan->add_option("--rule-param", scan_args.rule_params,
                     "Set a rule parameter: RULE-ID.PARAMETER=VALUE (see `bulwark rules show`)");
    scan->add_option("--only", scan_args.only, "Run only these rules (IDs, comma-separated)");
    scan->add_option("--skip", scan_args.skip, "Do not run these rules (IDs, comma-separated)");
    scan->add_option("--include", scan_args.include, "Only scan files matching this glob");
    scan->add_option("--exclude", scan_args.exclude, "Do not scan files matching this glob");
    scan->add_option("--root", scan_args.root,
                     "Directory that reported paths are relative to (default: the current "
                     "directory when it contains every path)");
    scan->add_option("--threads", scan_args.threads, "Worker threads (default: one per core)");
    scan->add_option("--max-file-size", scan_args.max_file_size,
                     "Skip (and report) files larger than this many bytes (default: 16 MiB)");
    scan->add_option("--var", scan_args.variables,
                     "Terraform variable NAME=VALUE for root modules (highest precedence)");
    scan->add_option("--var-file", scan_args.var_files,
                     "Terraform variables file for root modules (after terraform.tfvars and "
                     "*.auto.tfvars)");
    scan->add_option("--parameter", scan_args.parameters,
                     "CloudFormation parameter NAME=VALUE for root templates, also pseudo "
                     "parameters such as AWS::Region (highest precedence; repeatable)")
        ->allow_extra_args(false);
    scan->add_option("--parameters-file", scan_args.parameter_files,
                     "CloudFormation parameter values in the AWS CLI or CodePipeline JSON format "
                     "(repeatable; later files win)")
        ->allow_extra_args(false);
    scan->add_option("--color", scan_args.color,
                     "Colour the text output: auto (on a terminal, unless NO_COLOR is set), "
                     "always or never (default: auto)");
    scan->add_flag("--no-color", scan_args.no_color, "Same as --color never");
    scan->add_option("--sarif-category", scan_args.sarif_category,
                     "SARIF automationDetails.id, to keep several uploads for one commit apart "
                     "(default: bulwark)");
    scan->add_flag("--sarif-include-suppressed", scan_args.sarif_include_suppressed,
                   "Keep suppressed findings in SARIF, marked with `suppressions` (GitHub ignores "
                   "them and would open alerts)");
    scan->add_option("--junit-by", scan_args.junit_by,
                     "JUnit test suites per rule (default) or per framework control");
    scan->add_option("--cdk-source", scan_args.cdk_source,
                     "CDK Python/TypeScript source: auto (skip an app whose cdk.json sits next to "
                     "cdk.out/manifest.json), always, never (default: auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    scan->add_flag("-q,--quiet", scan_args.quiet, "Print nothing when there is nothing to report");
    scan->add_flag("--strict", scan_args.strict,
                   "Also exit 1 on input errors and on checks that could not be decided");

    RulesArgs rules_args;
    CLI::App* rules = app.add_subcommand("rules", "List and explain the rules");
    rules->require_subcommand(1);
    CLI::App* rules_list = rules->add_subcommand("list", "List every rule");
    rules_list->add_option("--format", rules_args.format,
                           "text, json or markdown (the docs catalog)");
    rules_list->add_option("--rules", rules_args.rule_dirs, "Also load rules from this directory");
    rules_list->add_option("--rule-param", rules_args.rule_params,
                           "Set a rule parameter: RULE-ID.PARAMETER=VALUE");
    CLI::App* rules_show = rules->add_subcommand("show", "Show one rule in full");
    rules_show->add_option("rule", rules_args.rule_id, "Rule ID")->required();
    rules_show->add_option("--rules", rules_args.rule_dirs, "Also load rules from this directory");
    rules_show->add_option("--rule-param", rules_args.rule_params,
                           "Set a rule parameter: RULE-ID.PARAMETER=VALUE");
    CLI::App* rules_builtins =
        rules->add_subcommand("builtins", "List the built-in check functions");

    CLI::App* version = app.add_subcommand("version", "Print the version");

    const auto commands = app.get_subcommands([](const CLI::App*) { return true; });
    const bool known = std::any_of(commands.begin(), commands.end(), [&](const CLI::App* command) {
        return !args.empty() && command->get_name() == args.front();
    });
    if (!args.empty() && !args.front().starts_with('-') && !known) {
        err << "bulwark: unknown command '" << args.front()
            << "' (commands: scan, rules, version)\n";
        err << "Run `bulwark --help` for usage.\n";
        return kExitUsage;
    }
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {  // --help, on the deepest command given
            CLI::App* deepest = &app;
            for (CLI::App* sub : {scan, rules, version, rules_list, rules_show, rules_builtins}) {
                if (sub->parsed()) deepest = sub;
            }
            out << deepest->help();
            return kExitClean;
        }
        err << "bulwark: " << error.what() << "\n";
        err << "Run `bulwark --help` for usage.\n";
        return kExitUsage;
    }

    if (version->parsed()) {
        out << "bulwark " << BULWARK_VERSION << "\n";
        return kExitClean;
    }
    if (scan->parsed()) return run_scan(scan_args, out, err, terminal);
    if (rules_list->parsed()) return run_rules_list(rules_args, out, err);
    if (rules_show->parsed()) return run_rules_show(rules_args, out, err);
    if (rules_builtins->parsed()) return run_rules_builtins(out);
    out << app.help();
    return kExitUsage;
}

}  // namespace bulwark
