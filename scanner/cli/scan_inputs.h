#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "config/config.h"
#include "pipeline/scan.h"
#include "rules/rule_catalog.h"

namespace bulwark {

// What to scan and with which rules: the options `scan` shares with the commands that scan
// before they report (`report`, baselines).
struct ScanInputArgs {
    std::vector<std::string> paths;
    std::vector<std::string> rule_dirs;
    std::vector<std::string> rule_params;
    std::vector<std::string> only;
    std::vector<std::string> skip;
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    std::string root;
    unsigned threads = 0;
    std::size_t max_file_size = 16 * 1024 * 1024;
    std::vector<std::string> variables;        // Terraform --var NAME=VALUE
    std::vector<std::string> var_files;        // Terraform --var-file FILE
    std::vector<std::string> parameters;       // CloudFormation --parameter NAME=VALUE
    std::vector<std::string> parameter_files;  // CloudFormation --parameters-file FILE
    std::string cdk_source = "auto";           // CDK source next to a cdk.out: auto, always, never
    std::string config_file;                   // --config FILE
    bool no_config = false;                    // --no-config: ignore .bulwark.yaml files
    bool ignore_missing = false;  // skip paths that do not exist (deleted files a hook passes)
};

void add_scan_input_options(CLI::App& command, ScanInputArgs& args);

// A scan ready to run: the rule catalog (owned here, since the options point into it), the
// options and the front-ends in the order they claim files.
struct PreparedScan {
    std::unique_ptr<RuleCatalog> catalog;
    ScanOptions options;
    std::vector<std::unique_ptr<Frontend>> frontends;
    std::shared_ptr<const Config> config;  // the configuration file's settings (gate defaults)
};

// Loads the configuration (see load_scan_config; the command line wins over it), checks the
// arguments and loads what the scan needs; a usage or rule-file problem is written to `err` and
// gives nullopt. `with_frameworks` also loads the framework catalogs (reports need them).
std::optional<PreparedScan> prepare_scan(const ScanInputArgs& args, std::ostream& err,
                                         bool with_frameworks = false);

// Runs the scan, with a progress indicator on a terminal's standard error. A path that does not
// exist is a usage error (written to `io.err`, nullopt).
std::optional<ScanResult> run_prepared_scan(PreparedScan& prepared, const CommandIo& io);

}  // namespace bulwark
