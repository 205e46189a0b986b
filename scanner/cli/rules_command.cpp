#include "cli/rules_command.h"

#include <CLI/CLI.hpp>

#include "cli/cli_support.h"
#include "cli/scan_config.h"
#include "cli/scan_inputs.h"
#include "reporters/compliance/framework_docs.h"
#include "reporters/reporter.h"
#include "rules/builtins.h"

namespace bulwark {
namespace {

struct RulesArgs {
    std::string format = "text";
    std::vector<std::string> rule_dirs;
    std::vector<std::string> rule_params;
    std::string rule_id;
    std::string framework;
    std::string config_file;  // --config FILE
    bool no_config = false;   // --no-config: the built-in view
};

// The catalog a scan from the current folder would use: the configuration's rule folders,
// parameters and severity overrides over the built-in rules (the command line adds to them).
struct EffectiveCatalog {
    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = nullptr;
    std::shared_ptr<const Config> config;
};

// What a command reads of the catalog: `rules list` shows no check and no framework catalog,
// so it reads the built-in rules without their checks and no framework files (user rule folders
// are still read and checked in full).
struct CatalogNeeds {
    RuleDetail detail = RuleDetail::Full;
    bool frameworks = true;
};
constexpr CatalogNeeds kListing{RuleDetail::Metadata, false};

bool load_effective_catalog(const RulesArgs& args, EffectiveCatalog& out, std::ostream& err,
                            CatalogNeeds needs = {}) {
    ScanInputArgs input;
    input.rule_dirs = args.rule_dirs;
    input.rule_params = args.rule_params;
    // --no-config wins: it asks for the rules as they ship, whatever file is named.
    if (!args.no_config) input.config_file = args.config_file;
    input.no_config = args.no_config;
    out.config = load_scan_config(input, err);
    if (!out.config) return false;
    const Config& config = *out.config;
    const ScanInputArgs merged = with_config_defaults(input, config);
    out.catalog = load_catalog(merged.rule_dirs, merged.rule_params, out.holder, err,
                               needs.frameworks, {}, needs.detail);
    if (out.catalog == nullptr || !check_config_against(config, *out.catalog, err)) return false;
    if (!config.parameters.empty()) {
        out.catalog = load_catalog(merged.rule_dirs, merged.rule_params, out.holder, err,
                                   needs.frameworks, configured_parameters(config), needs.detail);
        if (out.catalog == nullptr) return false;
    }
    for (const SeverityOverride& override : config.severities)
        out.holder->set_severity(override.rule, override.severity);
    return true;
}

// Does the configuration's selection (packs, frameworks, only, skip) keep the rule? Opt-in
// rules stay listed as they are without a configuration.
bool selected_here(const Rule& rule, const RuleCatalog& catalog, const Config& config) {
    auto names = [&](const std::vector<Setting>& ids) {
        return std::any_of(ids.begin(), ids.end(),
                           [&](const Setting& id) { return catalog.find(id.value) == &rule; });
    };
    if (names(config.skip)) return false;
    if (!config.only.empty()) return names(config.only);
    return selected_by_config(rule, config);
}

int run_rules_list(const RulesArgs& args, const CommandIo& io) {
    if (args.format != "text" && args.format != "json" && args.format != "markdown") {
        io.err << "bulwark: --format must be text, json or markdown\n";
        return kExitUsage;
    }
    EffectiveCatalog effective;
    if (!load_effective_catalog(args, effective, io.err, kListing)) return kExitUsage;
    const RuleCatalog& catalog = *effective.catalog;
    std::vector<const Rule*> shown;
    for (const Rule& rule : catalog.rules()) {
        if (selected_here(rule, catalog, *effective.config)) shown.push_back(&rule);
    }
    if (args.format == "json")
        io.out << render_rule_list_json(catalog, &shown);
    else if (args.format == "markdown")
        io.out << render_rule_catalog_markdown(catalog);  // the documentation: every rule
    else
        io.out << render_rule_list_text(catalog, &shown);
    return kExitClean;
}

int run_rules_show(const RulesArgs& args, const CommandIo& io) {
    EffectiveCatalog effective;
    if (!load_effective_catalog(args, effective, io.err)) return kExitUsage;
    const RuleCatalog& catalog = *effective.catalog;
    const Rule* rule = catalog.find(args.rule_id);
    if (rule == nullptr) {
        io.err << "bulwark: no rule '" << args.rule_id << "' (see `bulwark rules list`)\n";
        return kExitUsage;
    }
    io.out << render_rule_details(*rule, catalog);
    const Config& config = *effective.config;
    if (!config.file.empty() && !selected_here(*rule, catalog, config)) {
        io.out << "\nNot run here: " << config.file.string()
               << " leaves it out (rules.packs, frameworks, only or skip).\n";
    }
    return kExitClean;
}

// `rules framework ID`: the docs page of one framework; `rules frameworks`: the coverage table.
int run_rules_framework(const RulesArgs& args, const CommandIo& io, bool index) {
    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, args.rule_params, holder, io.err);
    if (catalog == nullptr) return kExitUsage;
    if (index) {
        io.out << compliance::render_framework_index_markdown(*catalog);
        return kExitClean;
    }
    auto found = catalog->frameworks().find(args.framework);
    if (found == catalog->frameworks().end()) {
        io.err << "bulwark: unknown framework '" << args.framework << "' (known:";
        for (std::string_view key : kFrameworkKeys)
            io.err << " " << key;
        io.err << ")\n";
        return kExitUsage;
    }
    io.out << compliance::render_framework_markdown(found->second, *catalog);
    return kExitClean;
}

int run_rules_builtins(const CommandIo& io) {
    for (const Builtin& builtin : builtins()) {
        io.out << builtin.name << "\n    " << builtin.summary << "\n";
    }
    return kExitClean;
}

}  // namespace

void register_rules_commands(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<RulesArgs>();
    CLI::App* rules = app.add_subcommand("rules", "List and explain the rules");
    rules->require_subcommand(1);
    CLI::App* list = rules->add_subcommand("list", "List every rule");
    list->add_option("--format", args->format, "text, json or markdown (the docs catalog)");
    list->add_option("--rules", args->rule_dirs, "Also load rules from this directory");
    list->add_option("--rule-param", args->rule_params,
                     "Set a rule parameter: RULE-ID.PARAMETER=VALUE");
    CLI::App* show = rules->add_subcommand("show", "Show one rule in full");
    show->add_option("rule", args->rule_id, "Rule ID")->required();
    show->add_option("--rules", args->rule_dirs, "Also load rules from this directory");
    show->add_option("--rule-param", args->rule_params,
                     "Set a rule parameter: RULE-ID.PARAMETER=VALUE");
    for (CLI::App* command : {list, show}) {
        command->add_option("--config", args->config_file,
                            "Use this configuration file (default: the nearest .bulwark.yaml)");
        command->add_flag("--no-config", args->no_config,
                          "Ignore .bulwark.yaml: the built-in rules as they ship");
    }
    CLI::App* builtin_list = rules->add_subcommand("builtins", "List the built-in check functions");
    CLI::App* framework = rules->add_subcommand(
        "framework", "Print a framework's controls and the rules that evidence them (Markdown)");
    framework->add_option("framework", args->framework, "Framework ID")->required();
    framework->add_option("--rules", args->rule_dirs, "Also load rules from this directory");
    CLI::App* frameworks = rules->add_subcommand(
        "frameworks", "Print how many controls of each framework rules evidence (Markdown)");
    frameworks->add_option("--rules", args->rule_dirs, "Also load rules from this directory");
    commands.push_back(
        {framework, [args](const CommandIo& io) { return run_rules_framework(*args, io, false); }});
    commands.push_back(
        {frameworks, [args](const CommandIo& io) { return run_rules_framework(*args, io, true); }});
    commands.push_back({list, [args](const CommandIo& io) { return run_rules_list(*args, io); }});
    commands.push_back({show, [args](const CommandIo& io) { return run_rules_show(*args, io); }});
    commands.push_back({builtin_list, [](const CommandIo& io) { return run_rules_builtins(io); }});
}

}  // namespace bulwark
