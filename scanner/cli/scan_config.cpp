#include "cli/scan_config.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "cli/scan_inputs.h"
#include "config/config_check.h"
#include "config/config_loader.h"
#include "discovery/discover.h"
#include "discovery/glob.h"
#include "parsers/cloudformation/parameters_file.h"
#include "util/paths.h"

namespace bulwark {

namespace fs = std::filesystem;

namespace {

fs::path normal_absolute(const fs::path& path) {
    std::error_code ec;
    fs::path out = fs::absolute(path, ec).lexically_normal();
    if (!out.has_filename() && out.has_parent_path() && out != out.root_path())
        out = out.parent_path();
    return out;
}

// The folder of the configuration's `directory` relative to the scan root: "" when it holds the
// root, nullopt when it lies outside it.
std::optional<std::string> relative_to_root(const fs::path& config_dir,
                                            const std::string& directory, const fs::path& root) {
    const fs::path folder = normal_absolute(config_dir / directory);
    if (is_within(root, folder)) return std::string();
    if (!is_within(folder, root)) return std::nullopt;
    return folder.lexically_relative(root).generic_string();
}

std::vector<std::string> values(const std::vector<Setting>& settings) {
    std::vector<std::string> out;
    for (const Setting& setting : settings)
        out.push_back(setting.value);
    return out;
}

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::string_view part = path.substr(start, slash - start);
        if (!part.empty()) out.emplace_back(part);
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return out;
}

// Where the search for .bulwark.yaml starts: the deepest folder holding every scanned path.
fs::path common_folder(const std::vector<std::string>& given) {
    std::vector<fs::path> paths;
    for (const std::string& path : given)
        paths.push_back(normal_absolute(path));
    if (paths.empty()) paths.push_back(normal_absolute("."));
    fs::path common = paths.front();
    std::error_code ec;
    if (!fs::is_directory(common, ec)) common = common.parent_path();
    for (const fs::path& path : paths) {
        while (!is_within(path, common) && common.has_parent_path() && common != common.root_path())
            common = common.parent_path();
    }
    return common;
}

// Configuration values point into the configuration file, which is not one of the scan's
// files: like --var values, they carry no position.
Value without_ranges(Value value) {
    value.set_range({});
    if (value.is_list()) {
        for (Value& item : value.as_list())
            item = without_ranges(std::move(item));
    } else if (value.is_map()) {
        for (Value::Entry& entry : value.as_map()) {
            entry.key_range = {};
            entry.value = without_ranges(std::move(entry.value));
        }
    }
    return value;
}

}  // namespace

std::shared_ptr<const Config> load_scan_config(const ScanInputArgs& args, std::ostream& err) {
    std::optional<fs::path> file;
    if (!args.config_file.empty()) {
        std::error_code ec;
        if (!fs::is_regular_file(args.config_file, ec)) {
            err << "bulwark: --config " << args.config_file << ": no such file\n";
            return nullptr;
        }
        file = args.config_file;
    } else if (!args.no_config) {
        file = find_config_file(common_folder(args.paths));
    }
    if (!file) return std::make_shared<const Config>();
    auto loaded = load_config(*file);
    if (auto* errors = std::get_if<std::vector<ConfigError>>(&loaded)) {
        for (const ConfigError& error : *errors)
            err << "error: " << format_error(error) << "\n";
        err << "bulwark: " << errors->size()
            << " problem(s) in the configuration file; nothing was scanned\n";
        return nullptr;
    }
    return std::make_shared<const Config>(std::get<Config>(std::move(loaded)));
}

std::optional<std::string> rebase_glob(std::string_view glob, const fs::path& from,
                                       const fs::path& root) {
    std::string pattern(glob);
    if (pattern.starts_with("./")) pattern.erase(0, 2);
    while (pattern.size() > 1 && pattern.ends_with('/'))
        pattern.pop_back();
    if (pattern.find('/') == std::string::npos) return pattern;  // a name, at any depth
    if (pattern.starts_with('/')) pattern.erase(0, 1);
    const fs::path base = normal_absolute(from);
    const fs::path top = normal_absolute(root);
    if (base == top) return pattern;
    if (is_within(base, top)) return base.lexically_relative(top).generic_string() + "/" + pattern;
    if (!is_within(top, base)) return std::nullopt;
    // The root is below the configuration's folder: the glob's first segments must match the
    // folders between them.
    const std::vector<std::string> parts = segments(pattern);
    const std::vector<std::string> between =
        segments(top.lexically_relative(base).generic_string());
    std::size_t i = 0;
    for (; i < between.size() && i < parts.size(); ++i) {
        if (parts[i] == "**") break;  // spans the folders between, and more
        if (!glob_match(parts[i], between[i])) return std::nullopt;
    }
    if (i == parts.size()) return std::string("**");  // the glob names the root or a parent
    std::string rest;
    for (std::size_t j = i; j < parts.size(); ++j)
        rest += (rest.empty() ? "" : "/") + parts[j];
    // Keep it anchored: a glob without '/' would match a name at any depth.
    return rest.find('/') == std::string::npos && rest != "**" ? "/" + rest : rest;
}

ScanInputArgs with_config_defaults(const ScanInputArgs& args, const Config& config) {
    ScanInputArgs out = args;
    std::vector<fs::path> paths(args.paths.begin(), args.paths.end());
    if (paths.empty()) paths.push_back(".");
    const fs::path root = args.root.empty() ? default_root(paths) : fs::path(args.root);
    auto rebased = [&](const std::vector<Setting>& globs) {
        std::vector<std::string> out;
        for (const Setting& glob : globs) {
            if (auto pattern = rebase_glob(glob.value, config.dir, root)) out.push_back(*pattern);
        }
        return out;
    };
    if (args.include.empty() && !config.include.empty()) {
        out.include = rebased(config.include);
        // Every include glob lies outside the root: nothing under it is included.
        if (out.include.empty()) out.include.push_back("/");
    }
    for (std::string& glob : rebased(config.exclude))
        out.exclude.push_back(std::move(glob));
    if (args.only.empty()) {
        out.only = values(config.only);
        for (std::string& id : values(config.skip))
            out.skip.push_back(std::move(id));
    }
    std::vector<std::string> dirs = values(config.rule_dirs);
    dirs.insert(dirs.end(), args.rule_dirs.begin(), args.rule_dirs.end());
    out.rule_dirs = std::move(dirs);
    return out;
}

bool check_config_against(const Config& config, const RuleCatalog& catalog, std::ostream& err) {
    const std::vector<ConfigError> errors = check_config_rules(config, catalog);
    for (const ConfigError& error : errors)
        err << "error: " << format_error(error) << "\n";
    if (!errors.empty()) {
        err << "bulwark: " << errors.size()
            << " problem(s) in the configuration file; nothing was scanned\n";
    }
    return errors.empty();
}

bool selected_by_config(const Rule& rule, const Config& config) {
    auto names = [](const std::vector<Setting>& settings, std::string_view value) {
        return std::any_of(settings.begin(), settings.end(),
                           [&](const Setting& setting) { return setting.value == value; });
    };
    if (!config.packs.empty() && !names(config.packs, rule.pack)) return false;
    if (!config.frameworks.empty() &&
        std::none_of(rule.frameworks.begin(), rule.frameworks.end(), [&](const auto& entry) {
            return !entry.second.empty() && names(config.frameworks, entry.first);
        })) {
        return false;
    }
    return true;
}

std::map<std::string, RuleParameterValues> configured_parameters(const Config& config) {
    std::map<std::string, RuleParameterValues> out;
    for (const ParameterSetting& setting : config.parameters)
        out[setting.rule][setting.name] = setting.value;
    return out;
}

void add_scoped_suppressions(const Config& config, const fs::path& root,
                             SuppressionOptions& options) {
    if (config.ignores.empty()) return;
    const fs::path top = normal_absolute(root);
    const fs::path file = normal_absolute(config.file);
    // Reports name files relative to the root; a file above it reads `../.bulwark.yaml`.
    options.scoped_file = file.lexically_relative(top).generic_string();
    auto items = [](const std::vector<Setting>& settings) {
        std::vector<ScopedSuppression::Item> out;
        for (const Setting& setting : settings)
            out.push_back({setting.value, setting.at});
        return out;
    };
    for (const IgnoreEntry& entry : config.ignores) {
        ScopedSuppression scoped;
        scoped.at = entry.at;
        scoped.rules = items(entry.rules);
        scoped.resources = items(entry.resources);
        for (const Setting& glob : entry.paths) {
            // A glob that cannot match under the root stays, matching nothing.
            scoped.paths.push_back(
                {rebase_glob(glob.value, config.dir, top).value_or(std::string()), glob.at});
        }
        scoped.reason = entry.reason;
        scoped.expires = entry.expires;
        scoped.owner = entry.owner;
        options.scoped.push_back(std::move(scoped));
    }
}

bool scan_covers_config(const Config& config, const std::vector<fs::path>& paths, bool narrowed) {
    if (narrowed) return false;
    return std::any_of(paths.begin(), paths.end(), [&](const fs::path& path) {
        return is_within(config.dir, normal_absolute(path));
    });
}

std::vector<terraform::DirectoryVariables> terraform_directories(const Config& config,
                                                                 const fs::path& root) {
    std::vector<terraform::DirectoryVariables> out;
    const fs::path top = normal_absolute(root);
    for (const TerraformDirectory& entry : config.terraform) {
        auto directory = relative_to_root(config.dir, entry.directory, top);
        if (!directory) continue;
        terraform::DirectoryVariables variables;
        variables.directory = *directory;
        variables.var_files = values(entry.var_files);
        for (const auto& [name, value] : entry.vars)
            variables.variables[name] = without_ranges(value);
        out.push_back(std::move(variables));
    }
    return out;
}

std::optional<std::vector<cloudformation::DirectoryParameters>> cloudformation_directories(
    const Config& config, const fs::path& root, std::ostream& err) {
    std::vector<cloudformation::DirectoryParameters> out;
    const fs::path top = normal_absolute(root);
    for (const CloudFormationDirectory& entry : config.cloudformation) {
        auto directory = relative_to_root(config.dir, entry.directory, top);
        if (!directory) continue;
        cloudformation::DirectoryParameters parameters;
        parameters.directory = *directory;
        for (const Setting& file : entry.parameter_files) {
            std::ifstream in(file.value, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
            auto read = cloudformation::parse_parameters_file(text, file.value);
            if (auto* problem = std::get_if<std::string>(&read)) {
                err << "error: " << config.file.string() << ":" << file.at.line << ":"
                    << file.at.column << ": parameter-files: " << *problem << "\n";
                return std::nullopt;
            }
            for (auto& [name, value] : std::get<cloudformation::ParameterValues>(read))
                parameters.parameters[name] = value;
        }
        for (const auto& [name, value] : entry.parameters)
            parameters.parameters[name] = value.value;
        out.push_back(std::move(parameters));
    }
    return out;
}

}  // namespace bulwark
