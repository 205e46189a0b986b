#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>

#include "parsers/cdk/source/cdk_source_frontend.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
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
    std::vector<std::string> only;
    std::vector<std::string> skip;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::string root;
    unsigned threads = 0;
    std::size_t max_file_size = 16 * 1024 * 1024;
    bool no_color = false;
    bool quiet = false;
    bool strict = false;
    std::vector<std::string> variables;  // Terraform --var NAME=VALUE
    std::vector<std::string> var_files;  // Terraform --var-file FILE
    std::string cdk_source = "auto";     // CDK source next to a cdk.out: auto, always, never
};

struct RulesArgs {
    std::string format = "text";
    std::vector<std::string> rule_dirs;
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

const RuleCatalog* load_catalog(const std::vector<std::string>& rule_dirs,
                                std::unique_ptr<RuleCatalog>& holder, std::ostream& err,
                                bool with_frameworks = true) {
    auto loaded = RuleCatalog::load(as_paths(rule_dirs), with_frameworks);
    if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
        for (const RuleFileError& error : *errors)
            err << "error: " << format_error(error) << "\n";
        err << "bulwark: " << errors->size() << " problem(s) in rule files; nothing was scanned\n";
        return nullptr;
    }
    holder = std::make_unique<RuleCatalog>(std::get<RuleCatalog>(std::move(loaded)));
    return holder.get();
}

struct OutputTarget {
    OutputFormat format;
    std::string path;  // empty: standard output
};

int run_scan(const ScanArgs& args, std::ostream& out, std::ostream& err, bool terminal) {
    // Outputs: the i-th --output goes with the i-th --format; `--format json:FILE` works too.
    std::vector<OutputTarget> targets;
    std::vector<std::string> formats =
        args.formats.empty() ? std::vector<std::string>{"text"} : args.formats;
    if (args.outputs.size() > formats.size()) {
        err << "bulwark: more --output than --format options; pair each output with a format\n";
        return kExitUsage;
    }
    int to_stdout = 0;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        std::string name = formats[i];
        std::string path = i < args.outputs.size() ? args.outputs[i] : "";
        if (const std::size_t colon = name.find(':'); colon != std::string::npos) {
            path = name.substr(colon + 1);
            name = name.substr(0, colon);
        }
        auto format = parse_output_format(name);
        if (!format) {
            err << "bulwark: unknown output format '" << name << "' (expected text, json or resources)\n";
            return kExitUsage;
        }
        if (path.empty() || path == "-") {
            path.clear();
            ++to_stdout;
        }
        targets.push_back({*format, path});
    }
    if (to_stdout > 1) {
        err << "bulwark: only one format can go to standard output; give the others --output "
               "FILE\n";
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
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, holder, err, false);
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
        auto named = [&](const std::vector<std::string>& ids) {
            return std::any_of(ids.begin(), ids.end(),
                               [&](const std::string& id) { return catalog->find(id) == &rule; });
        };
        if (!rule.deprecated_by.empty() && !named(only)) continue;
        if (!only.empty() && !named(only)) continue;
        if (named(skip)) continue;
        options.rules.push_back(&rule);
    }

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
    frontends.push_back(std::make_unique<cloudformation::CloudFormationFrontend>());
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
    frontends.push_back(std::make_unique<terraform::TerraformFrontend>(std::move(terraform_options)));
    const cdk::CdkSourceMode cdk_mode = args.cdk_source == "always"  ? cdk::CdkSourceMode::Always
                                        : args.cdk_source == "never" ? cdk::CdkSourceMode::Never
                                                                     : cdk::CdkSourceMode::Auto;
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>(cdk::CdkSourceOptions{cdk_mode}));
    ScanResult result = scan(options, frontends);

    // A path that does not exist is a usage error, not an input problem.
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.file == kNoFile) {
            err << "bulwark: " << diagnostic.message << "\n";
            return kExitUsage;
        }
    }

    const bool color = terminal && !args.no_color && std::getenv("NO_COLOR") == nullptr;
    for (const OutputTarget& target : targets) {
        const ReportContext context{result, BULWARK_VERSION, target.path.empty() && color};
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
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, holder, err);
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
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, holder, err);
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
            bool terminal) {
    CLI::App app{"Bulwark: compliance and security scanner for Terraform, CloudFormation and CDK",
                 "bulwark"};
    app.require_subcommand(1);

    ScanArgs scan_args;
    CLI::App* scan = app.add_subcommand("scan", "Scan infrastructure code for violations");
    scan->add_option("paths", scan_args.paths, "Files or directories to scan (default: .)");
    scan->add_option("-f,--format", scan_args.formats,
                     "Output format: text, json, or resources (the graph as Bulwark sees it); repeat for several, or write FORMAT:FILE");
    scan->add_option("-o,--output", scan_args.outputs,
                     "File for the matching --format (default: standard output)");
    scan->add_option("--fail-on", scan_args.fail_on,
                     "Exit 1 when a finding has this severity or higher: critical, high, medium, "
                     "low, info, none (default: high)");
    scan->add_option("--rules", scan_args.rule_dirs, "Also load rules from this directory");
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
    scan->add_option("--cdk-source", scan_args.cdk_source,
                     "CDK Python/TypeScript source: auto (skip an app whose cdk.json sits next to "
                     "cdk.out/manifest.json), always, never (default: auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    scan->add_flag("--no-color", scan_args.no_color, "Never colour the text output");
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
    CLI::App* rules_show = rules->add_subcommand("show", "Show one rule in full");
    rules_show->add_option("rule", rules_args.rule_id, "Rule ID")->required();
    rules_show->add_option("--rules", rules_args.rule_dirs, "Also load rules from this directory");
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
