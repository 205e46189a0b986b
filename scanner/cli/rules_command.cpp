#include "cli/rules_command.h"

#include <CLI/CLI.hpp>

#include "cli/cli_support.h"
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
};

int run_rules_list(const RulesArgs& args, const CommandIo& io) {
    if (args.format != "text" && args.format != "json" && args.format != "markdown") {
        io.err << "bulwark: --format must be text, json or markdown\n";
        return kExitUsage;
    }
    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, args.rule_params, holder, io.err);
    if (catalog == nullptr) return kExitUsage;
    if (args.format == "json")
        io.out << render_rule_list_json(*catalog);
    else if (args.format == "markdown")
        io.out << render_rule_catalog_markdown(*catalog);
    else
        io.out << render_rule_list_text(*catalog);
    return kExitClean;
}

int run_rules_show(const RulesArgs& args, const CommandIo& io) {
    std::unique_ptr<RuleCatalog> holder;
    const RuleCatalog* catalog = load_catalog(args.rule_dirs, args.rule_params, holder, io.err);
    if (catalog == nullptr) return kExitUsage;
    const Rule* rule = catalog->find(args.rule_id);
    if (rule == nullptr) {
        io.err << "bulwark: no rule '" << args.rule_id << "' (see `bulwark rules list`)\n";
        return kExitUsage;
    }
    io.out << render_rule_details(*rule, *catalog);
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
