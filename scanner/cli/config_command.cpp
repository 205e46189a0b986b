#include "cli/config_command.h"

#include <CLI/CLI.hpp>

#include "cli/scan_inputs.h"
#include "config/config_dump.h"

namespace bulwark {
namespace {

struct ConfigArgs {
    bool dump = false;
    std::string format = "yaml";
    std::string config_file;
    std::string path;
};

int run_config(const ConfigArgs& args, const CommandIo& io) {
    if (!args.dump) {
        io.err << "bulwark: config needs --dump (print the effective configuration)\n";
        return kExitUsage;
    }
    ScanInputArgs inputs;
    if (!args.path.empty()) inputs.paths.push_back(args.path);
    inputs.config_file = args.config_file;
    // Loading the scan's inputs checks the file against the rules, as a scan would.
    std::optional<PreparedScan> prepared = prepare_scan(inputs, io.err);
    if (!prepared) return kExitUsage;
    const Value effective = effective_config(*prepared->config, *prepared->catalog);
    if (args.format == "json") {
        io.out << to_json(effective);
        return kExitClean;
    }
    if (prepared->config->file.empty())
        io.out << "# No .bulwark.yaml applies (searched upward to the repository top): defaults\n";
    else
        io.out << "# Effective configuration: " << prepared->config->file.string()
               << " over the defaults\n";
    io.out << to_yaml(effective);
    return kExitClean;
}

}  // namespace

void register_config_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<ConfigArgs>();
    CLI::App* config =
        app.add_subcommand("config", "Show the configuration a scan of PATH would use");
    config->add_flag("--dump", args->dump,
                     "Print the effective configuration: the .bulwark.yaml file over the defaults, "
                     "with every rule parameter's value");
    config->add_option("--format", args->format, "yaml (default) or json")
        ->check(CLI::IsMember({"yaml", "json"}));
    config->add_option("--config", args->config_file,
                       "Configuration file (default: the nearest .bulwark.yaml above PATH, up to "
                       "the repository top)");
    config->add_option("path", args->path, "The folder a scan would start from (default: .)");
    commands.push_back({config, [args](const CommandIo& io) { return run_config(*args, io); }});
}

}  // namespace bulwark
