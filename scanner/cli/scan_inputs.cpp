#include "cli/scan_inputs.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "cli/cli_support.h"
#include "cli/progress_indicator.h"
#include "cli/scan_config.h"
#include "discovery/discover.h"
#include "parsers/cdk/assembly/assembly_frontend.h"
#include "parsers/cdk/source/cdk_source_frontend.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
#include "parsers/cloudformation/parameters_file.h"
#include "parsers/terraform/plan_frontend.h"
#include "parsers/terraform/terraform_frontend.h"

extern char** environ;

namespace bulwark {

namespace fs = std::filesystem;

void add_scan_input_options(CLI::App& command, ScanInputArgs& args) {
    command.add_option("paths", args.paths, "Files or directories to scan (default: .)");
    command.add_option("--rules", args.rule_dirs, "Also load rules from this directory");
    command.add_option("--rule-param", args.rule_params,
                       "Set a rule parameter: RULE-ID.PARAMETER=VALUE (see `bulwark rules show`)");
    command.add_option("--only", args.only, "Run only these rules (IDs, comma-separated)");
    command.add_option("--skip", args.skip, "Do not run these rules (IDs, comma-separated)");
    command.add_option("--include", args.include, "Only scan files matching this glob");
    command.add_option("--exclude", args.exclude, "Do not scan files matching this glob");
    command.add_option("--root", args.root,
                       "Directory that reported paths are relative to (default: the current "
                       "directory when it contains every path)");
    command.add_option("--threads", args.threads, "Worker threads (default: one per core)");
    command.add_option("--max-file-size", args.max_file_size,
                       "Skip (and report) files larger than this many bytes (default: 16 MiB)");
    command
        .add_option("--var", args.variables,
                    "Terraform variable NAME=VALUE for root modules (highest precedence)")
        ->allow_extra_args(false);
    command
        .add_option("--var-file", args.var_files,
                    "Terraform variables file for root modules (after terraform.tfvars and "
                    "*.auto.tfvars)")
        ->allow_extra_args(false);
    command
        .add_option("--parameter", args.parameters,
                    "CloudFormation parameter NAME=VALUE for root templates, also pseudo "
                    "parameters such as AWS::Region (highest precedence; repeatable)")
        ->allow_extra_args(false);
    command
        .add_option("--parameters-file", args.parameter_files,
                    "CloudFormation parameter values in the AWS CLI or CodePipeline JSON format "
                    "(repeatable; later files win)")
        ->allow_extra_args(false);
    command
        .add_option("--cdk-source", args.cdk_source,
                    "CDK Python/TypeScript source: auto (skip an app whose cdk.json sits next to "
                    "cdk.out/manifest.json), always, never (default: auto)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    command.add_option("--config", args.config_file,
                       "Configuration file (default: the nearest .bulwark.yaml above the scanned "
                       "paths, up to the repository top)");
    command.add_flag("--no-config", args.no_config, "Ignore .bulwark.yaml files");
    command.add_flag("--ignore-missing", args.ignore_missing,
                     "Skip paths that do not exist instead of failing (for hooks and scripts that "
                     "pass deleted files, e.g. `git diff --name-only`)");
}

namespace {

// An unknown rule ID in `ids` is an error: gating must never silently do nothing.
bool rules_exist(const std::vector<std::string>& ids, const RuleCatalog& catalog,
                 std::string_view option, std::ostream& err) {
    for (const std::string& id : ids) {
        if (!catalog.find(id)) {
            err << "bulwark: " << option << " names an unknown rule '" << id
                << "' (see `bulwark rules list`)\n";
            return false;
        }
    }
    return true;
}

std::optional<cloudformation::TemplateOptions> template_options_of(const ScanInputArgs& args,
                                                                   std::ostream& err) {
    // CloudFormation parameters: files in order, then --parameter (highest precedence).
    cloudformation::TemplateOptions options;
    for (const std::string& file : args.parameter_files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            err << "bulwark: --parameters-file " << file << ": cannot read the file\n";
            return std::nullopt;
        }
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        auto values = cloudformation::parse_parameters_file(text, file);
        if (auto* problem = std::get_if<std::string>(&values)) {
            err << "bulwark: --parameters-file " << *problem << "\n";
            return std::nullopt;
        }
        for (auto& [name, value] : std::get<cloudformation::ParameterValues>(values))
            options.parameters[name] = value;
    }
    for (const std::string& assignment : args.parameters) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            err << "bulwark: --parameter needs NAME=VALUE, not '" << assignment << "'\n";
            return std::nullopt;
        }
        options.parameters[assignment.substr(0, equals)] = assignment.substr(equals + 1);
    }
    return options;
}

std::optional<terraform::TerraformOptions> terraform_options_of(const ScanInputArgs& args,
                                                                std::ostream& err) {
    terraform::TerraformOptions options;
    for (char** variable = environ; variable && *variable; ++variable) {
        const std::string_view entry = *variable;
        const std::size_t equals = entry.find('=');
        if (entry.starts_with("TF_VAR_") && equals != std::string_view::npos) {
            options.environment_variables[std::string(entry.substr(7, equals - 7))] =
                std::string(entry.substr(equals + 1));
        }
    }
    for (const std::string& assignment : args.variables) {
        const std::size_t equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            err << "bulwark: --var needs NAME=VALUE, not '" << assignment << "'\n";
            return std::nullopt;
        }
        options.variables[assignment.substr(0, equals)] = assignment.substr(equals + 1);
    }
    for (const std::string& file : args.var_files) {
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            err << "bulwark: --var-file " << file << ": no such file\n";
            return std::nullopt;
        }
        options.var_files.push_back(fs::absolute(file).string());
    }
    return options;
}

}  // namespace

std::optional<PreparedScan> prepare_scan(const ScanInputArgs& given, std::ostream& err,
                                         bool with_frameworks) {
    PreparedScan prepared;
    prepared.config = load_scan_config(given, err);
    if (!prepared.config) return std::nullopt;
    const Config& config = *prepared.config;
    const ScanInputArgs args = with_config_defaults(given, config);
    const RuleCatalog* catalog =
        load_catalog(args.rule_dirs, args.rule_params, prepared.catalog, err, with_frameworks);
    if (catalog == nullptr || !check_config_against(config, *catalog, err)) return std::nullopt;
    if (!config.parameters.empty()) {  // checked above, so errors point at the file's lines
        catalog = load_catalog(args.rule_dirs, args.rule_params, prepared.catalog, err,
                               with_frameworks, configured_parameters(config));
        if (catalog == nullptr) return std::nullopt;
    }
    for (const SeverityOverride& override : config.severities)
        prepared.catalog->set_severity(override.rule, override.severity);

    const std::vector<std::string> only = split_list(args.only);
    const std::vector<std::string> skip = split_list(args.skip);
    if (!rules_exist(only, *catalog, "--only", err) || !rules_exist(skip, *catalog, "--skip", err))
        return std::nullopt;
    ScanOptions& options = prepared.options;
    for (const Rule& rule : catalog->rules()) {
        options.known_rules.push_back(&rule);
        auto named = [&](const std::vector<std::string>& ids) {
            return std::any_of(ids.begin(), ids.end(),
                               [&](const std::string& id) { return catalog->find(id) == &rule; });
        };
        if (!rule.deprecated_by.empty() && !named(only)) continue;
        if (!rule.default_enabled && !named(only)) continue;
        if (!only.empty() && !named(only)) continue;
        if (only.empty() && !selected_by_config(rule, config)) continue;
        if (named(skip)) continue;
        options.rules.push_back(&rule);
    }
    options.suppressions.today = today();
    options.suppressions.require_reason = config.requires_suppression_field("reason");
    options.suppressions.require_owner = config.requires_suppression_field("owner");
    options.suppressions.require_expires = config.requires_suppression_field("expires");

    std::vector<fs::path> paths = as_paths(args.paths);
    if (paths.empty()) paths.push_back(".");
    options.discovery.paths = paths;
    options.discovery.root = args.root.empty() ? default_root(paths) : fs::path(args.root);
    options.discovery.include = args.include;
    options.discovery.exclude = args.exclude;
    options.discovery.ignore_missing = args.ignore_missing;
    options.threads = args.threads;
    options.max_file_size = args.max_file_size;
    add_scoped_suppressions(config, options.discovery.root, options.suppressions);
    options.suppressions.judge_scoped_stale =
        scan_covers_config(config, paths, !given.include.empty() || !given.exclude.empty());

    auto template_options = template_options_of(args, err);
    auto terraform_options = terraform_options_of(args, err);
    if (!template_options || !terraform_options) return std::nullopt;
    auto parameter_directories = cloudformation_directories(config, options.discovery.root, err);
    if (!parameter_directories) return std::nullopt;
    template_options->directories = std::move(*parameter_directories);
    terraform_options->directories = terraform_directories(config, options.discovery.root);
    auto& frontends = prepared.frontends;
    // The plan reader goes first: a plan is JSON that could otherwise look like a template.
    frontends.push_back(std::make_unique<terraform::TerraformPlanFrontend>());
    // Before CloudFormation: the templates of a cdk.out are read with their construct paths.
    frontends.push_back(std::make_unique<cdk::CdkAssemblyFrontend>());
    frontends.push_back(
        std::make_unique<cloudformation::CloudFormationFrontend>(std::move(*template_options)));
    frontends.push_back(
        std::make_unique<terraform::TerraformFrontend>(std::move(*terraform_options)));
    const cdk::CdkSourceMode cdk_mode = args.cdk_source == "always"  ? cdk::CdkSourceMode::Always
                                        : args.cdk_source == "never" ? cdk::CdkSourceMode::Never
                                                                     : cdk::CdkSourceMode::Auto;
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>(cdk::CdkSourceOptions{cdk_mode}));
    return prepared;
}

std::optional<ScanResult> run_prepared_scan(PreparedScan& prepared, const CommandIo& io) {
    ScanProgress progress;
    std::optional<ProgressIndicator> indicator;
    if (io.terminal.standard_error) {
        prepared.options.progress = &progress;
        indicator.emplace(io.err, progress);
    }
    ScanResult result = scan(prepared.options, prepared.frontends);
    indicator.reset();
    prepared.options.progress = nullptr;
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.file == kNoFile) {
            io.err << "bulwark: " << diagnostic.message << "\n";
            return std::nullopt;
        }
    }
    return result;
}

}  // namespace bulwark
