#pragma once

// Between the configuration file and a scan: which file applies, and how its settings become
// scan options (the command line wins wherever it says something).

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.h"
#include "parsers/cloudformation/template_evaluator.h"
#include "parsers/terraform/terraform_frontend.h"
#include "rules/rule_catalog.h"
#include "suppress/suppressor.h"

namespace bulwark {

struct ScanInputArgs;

// The configuration for a scan of `paths`: `--config FILE` (which must exist), else the nearest
// .bulwark.yaml above the folder holding every path (see find_config_file), unless
// `--no-config`. With no file, an empty Config (the defaults). Mistakes are written to `err` as
// file:line:column and give nullptr.
std::shared_ptr<const Config> load_scan_config(const ScanInputArgs& args, std::ostream& err);

// `args` with the configuration's settings where the command line gave none: include, only and
// skip are replaced by the command line's; exclude and rule directories add up.
ScanInputArgs with_config_defaults(const ScanInputArgs& args, const Config& config);

// A glob of the configuration (relative to its folder) as a glob relative to the scan root;
// nullopt when it cannot match anything under the root.
std::optional<std::string> rebase_glob(std::string_view glob, const std::filesystem::path& from,
                                       const std::filesystem::path& root);

// The checks only the rule catalog allows (rule IDs, parameters); problems go to `err`.
bool check_config_against(const Config& config, const RuleCatalog& catalog, std::ostream& err);

// Does the configuration's pack and framework selection keep this rule?
bool selected_by_config(const Rule& rule, const Config& config);

// The configuration's rule parameters, by rule ID.
std::map<std::string, RuleParameterValues> configured_parameters(const Config& config);

// The configuration's `suppressions.ignore` entries as the scan applies them: `paths` globs made
// relative to the scan root, and the file's path as reports name it.
void add_scoped_suppressions(const Config& config, const std::filesystem::path& root,
                             SuppressionOptions& options);

// Does a scan of `paths` see everything the configuration governs (its whole folder, no
// command-line --include or --exclude)? Only such a scan can call an entry stale.
bool scan_covers_config(const Config& config, const std::vector<std::filesystem::path>& paths,
                        bool narrowed);

// Per-folder Terraform variables and CloudFormation parameters, with folders made relative to
// the scan root. Parameter files are read here; a bad one is written to `err` (nullopt).
std::vector<terraform::DirectoryVariables> terraform_directories(const Config& config,
                                                                 const std::filesystem::path& root);
std::optional<std::vector<cloudformation::DirectoryParameters>> cloudformation_directories(
    const Config& config, const std::filesystem::path& root, std::ostream& err);

}  // namespace bulwark
