#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <algorithm>

#include "cli/baseline_command.h"
#include "cli/cli_support.h"
#include "cli/command.h"
#include "cli/config_command.h"
#include "cli/merge_command.h"
#include "cli/report_command.h"
#include "cli/rules_command.h"
#include "cli/scan_command.h"

namespace bulwark {
namespace {

void register_version_command(CLI::App& app, CommandList& commands) {
    CLI::App* version = app.add_subcommand("version", "Print the version");
    commands.push_back({version, [](const CommandIo& io) {
                            io.out << "bulwark " << bulwark_version() << "\n";
                            return kExitClean;
                        }});
}

// The names of the top-level commands, for the message about an unknown one.
std::string command_names(const CLI::App& app) {
    std::string names;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
        names += (names.empty() ? "" : ", ") + command->get_name();
    return names;
}

// The most deeply nested command that was parsed (for --help).
const CLI::App* deepest_parsed(const CLI::App& app) {
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->parsed()) return deepest_parsed(*command);
    }
    return &app;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            const Terminal& terminal) {
    CLI::App app{"Bulwark: compliance and security scanner for Terraform, CloudFormation and CDK",
                 "bulwark"};
    app.require_subcommand(1);
    CommandList commands;
    register_scan_command(app, commands);
    register_rules_commands(app, commands);
    register_report_command(app, commands);
    register_config_command(app, commands);
    register_baseline_commands(app, commands);
    register_merge_command(app, commands);
    register_version_command(app, commands);

    const auto top = app.get_subcommands([](const CLI::App*) { return true; });
    const bool known = std::any_of(top.begin(), top.end(), [&](const CLI::App* command) {
        return !args.empty() && command->get_name() == args.front();
    });
    if (!args.empty() && !args.front().starts_with('-') && !known) {
        err << "bulwark: unknown command '" << args.front() << "' (commands: " << command_names(app)
            << ")\n";
        err << "Run `bulwark --help` for usage.\n";
        return kExitUsage;
    }
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {  // --help, on the deepest command given
            out << deepest_parsed(app)->help();
            return kExitClean;
        }
        err << "bulwark: " << error.what() << "\n";
        err << "Run `bulwark --help` for usage.\n";
        return kExitUsage;
    }
    const CommandIo io{out, err, terminal};
    for (const Command& command : commands) {
        if (command.app->parsed()) return command.run(io);
    }
    out << app.help();
    return kExitUsage;
}

}  // namespace bulwark
