#include "config/config_loader.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <iterator>

#include "io/document_reader.h"
#include "rules/rule.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

template <std::size_t N>
bool one_of(std::string_view text, const std::string_view (&set)[N]) {
    return std::find(std::begin(set), std::end(set), text) != std::end(set);
}

template <class Range>
std::string joined(const Range& items) {
    std::string out;
    for (std::string_view item : items)
        out += (out.empty() ? "" : ", ") + std::string(item);
    return out;
}

// Reads one configuration document, collecting every mistake with its position.
class ConfigReader {
  public:
    explicit ConfigReader(const fs::path& file) {
        config_.file = file;
        config_.dir = fs::absolute(file).parent_path().lexically_normal();
    }

    std::variant<Config, std::vector<ConfigError>> read(std::string_view text) {
        ReadResult document = read_yaml(text, kNoFile);
        for (const Diagnostic& diagnostic : document.diagnostics) {
            if (diagnostic.severity != DiagnosticSeverity::Note)
                error(diagnostic.position, diagnostic.message);
        }
        if (!document.value) return errors_;
        const Value& root = *document.value;
        if (!root.is_null()) {
            if (const Value::Map* sections = section(root, "the configuration", kSections)) {
                for (const Value::Entry& entry : *sections)
                    read_section(entry);
            }
        }
        if (!errors_.empty()) return errors_;
        return std::move(config_);
    }

  private:
    static constexpr std::string_view kSections[] = {
        "version", "paths", "rules", "suppressions", "gate", "terraform", "cloudformation"};
    static constexpr std::string_view kPathKeys[] = {"include", "exclude"};
    static constexpr std::string_view kRuleKeys[] = {
        "packs", "frameworks", "only", "skip", "directories", "severity", "parameters"};
    static constexpr std::string_view kSuppressionKeys[] = {"require", "ignore"};
    static constexpr std::string_view kIgnoreKeys[] = {"rules",  "resources", "paths",
                                                       "reason", "owner",     "expires"};
    static constexpr std::string_view kGateKeys[] = {"fail-on", "fail-on-undecided", "strict"};
    static constexpr std::string_view kTerraformKeys[] = {"vars", "var-files", "directories"};
    static constexpr std::string_view kTerraformDirectoryKeys[] = {"vars", "var-files"};
    static constexpr std::string_view kCloudFormationKeys[] = {"parameters", "parameter-files",
                                                               "directories"};
    static constexpr std::string_view kCloudFormationDirectoryKeys[] = {"parameters",
                                                                        "parameter-files"};
    static constexpr std::string_view kFailOn[] = {"critical", "high", "medium",
                                                   "low",      "info", "none"};

    void error(SourcePosition at, std::string message) {
        errors_.push_back({config_.file.string(), at, std::move(message)});
    }
    void error(const Value& value, std::string message) {
        error(value.range().begin, std::move(message));
    }

    // A mapping whose keys must come from `keys`; nullptr (after an error) when it is not one.
    // An empty value (`rules:` alone) is an empty mapping.
    template <std::size_t N>
    const Value::Map* section(const Value& value, std::string_view name,
                              const std::string_view (&keys)[N]) {
        static const Value::Map kEmpty;
        if (value.is_null()) return &kEmpty;
        if (!value.is_map()) {
            error(value, std::string(name) + " must be a mapping with the keys " + joined(keys));
            return nullptr;
        }
        for (const Value::Entry& entry : value.as_map()) {
            if (!one_of(entry.key, keys)) {
                error(entry.key_range.begin, "unknown key '" + entry.key + "' in " +
                                                 std::string(name) + " (expected one of " +
                                                 joined(keys) + ")");
            }
        }
        return &value.as_map();
    }

    // A mapping with free keys (rule IDs, variable names, directories).
    const Value::Map* mapping(const Value& value, std::string_view name) {
        static const Value::Map kEmpty;
        if (value.is_null()) return &kEmpty;
        if (!value.is_map()) {
            error(value, std::string(name) + " must be a mapping");
            return nullptr;
        }
        return &value.as_map();
    }

    std::vector<Setting> strings(const Value& value, std::string_view name) {
        std::vector<Setting> out;
        if (value.is_null()) return out;
        if (!value.is_list()) {
            error(value, std::string(name) + " must be a list of strings");
            return out;
        }
        for (const Value& item : value.as_list()) {
            if (!item.is_string() || item.as_string().empty()) {
                error(item, std::string(name) + " must be a list of strings, not " +
                                std::string(to_string(item.kind())));
                continue;
            }
            out.push_back({item.as_string(), item.range().begin});
        }
        return out;
    }

    template <std::size_t N>
    std::vector<Setting> names(const Value& value, std::string_view name,
                               const std::string_view (&allowed)[N], std::string_view what) {
        std::vector<Setting> out = strings(value, name);
        std::erase_if(out, [&](const Setting& setting) {
            if (one_of(setting.value, allowed)) return false;
            error(setting.at, "unknown " + std::string(what) + " '" + setting.value +
                                  "' (expected one of " + joined(allowed) + ")");
            return true;
        });
        return out;
    }

    std::optional<bool> boolean(const Value& value, std::string_view name) {
        if (value.is_bool()) return value.as_bool();
        error(value, std::string(name) + " must be true or false");
        return std::nullopt;
    }

    fs::path resolve(const std::string& path) const {
        const fs::path given(path);
        return (given.is_absolute() ? given : config_.dir / given).lexically_normal();
    }

    // Files the configuration names exist now, or the scan could not honour them.
    std::vector<Setting> files(const Value& value, std::string_view name) {
        std::vector<Setting> out;
        for (Setting& setting : strings(value, name)) {
            const fs::path path = resolve(setting.value);
            std::error_code ec;
            if (!fs::is_regular_file(path, ec)) {
                error(setting.at, std::string(name) + ": no such file " + path.string());
                continue;
            }
            out.push_back({path.string(), setting.at});
        }
        return out;
    }

    // A per-directory key: relative to the configuration file, an existing folder.
    std::optional<std::string> directory(const Value::Entry& entry, std::string_view name) {
        const fs::path given(entry.key);
        if (entry.key.empty() || given.is_absolute()) {
            error(entry.key_range.begin, std::string(name) +
                                             " are relative to the configuration file's folder, "
                                             "not '" +
                                             entry.key + "'");
            return std::nullopt;
        }
        const fs::path path = (config_.dir / given).lexically_normal();
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            error(entry.key_range.begin, std::string(name) + ": no such folder " + path.string());
            return std::nullopt;
        }
        std::string relative = given.lexically_normal().generic_string();
        while (relative.ends_with('/'))
            relative.pop_back();
        return relative == "." ? std::string() : relative;
    }

    void read_section(const Value::Entry& entry) {
        const Value& value = entry.value;
        if (entry.key == "version") {
            if (!value.is_number() || value.as_number() != 1)
                error(value, "version must be 1 (the only configuration format so far)");
        } else if (entry.key == "paths") {
            read_paths(value);
        } else if (entry.key == "rules") {
            read_rules(value);
        } else if (entry.key == "suppressions") {
            if (const Value::Map* keys = section(value, "suppressions", kSuppressionKeys)) {
                for (const Value::Entry& key : *keys) {
                    if (key.key == "require") {
                        config_.required_suppression_fields =
                            names(key.value, "suppressions.require", kSuppressionFields,
                                  "suppression field");
                    } else if (key.key == "ignore") {
                        read_ignores(key.value);
                    }
                }
            }
        } else if (entry.key == "gate") {
            read_gate(value);
        } else if (entry.key == "terraform") {
            read_terraform(value);
        } else if (entry.key == "cloudformation") {
            read_cloudformation(value);
        }
    }

    // A list of strings, or one string for a list of one.
    std::vector<Setting> one_or_more(const Value& value, std::string_view name) {
        if (value.is_string() && !value.as_string().empty())
            return {{value.as_string(), value.range().begin}};
        return strings(value, name);
    }

    std::string text(const Value& value, std::string_view name) {
        if (value.is_string()) return value.as_string();
        if (!value.is_null()) error(value, std::string(name) + " must be text");
        return {};
    }

    static bool is_date(std::string_view text) {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
        for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (text[i] < '0' || text[i] > '9') return false;
        }
        return true;
    }

    // suppressions.ignore: a list of {rules, resources, paths, reason, owner, expires}. Shape
    // mistakes are errors here; what needs the rule catalog or the scanned resources (unknown
    // rule IDs, bad globs, missing required fields, expiry) is judged by the scan.
    void read_ignores(const Value& value) {
        if (value.is_null()) return;
        if (!value.is_list()) {
            error(value,
                  "suppressions.ignore must be a list of entries (rules, resources, paths, "
                  "reason, owner, expires)");
            return;
        }
        for (const Value& item : value.as_list()) {
            const Value::Map* keys = section(item, "a suppressions.ignore entry", kIgnoreKeys);
            if (keys == nullptr) continue;
            IgnoreEntry entry;
            entry.at = item.range().begin;
            for (const Value::Entry& key : *keys) {
                const std::string name = "suppressions.ignore " + key.key;
                if (key.key == "rules") {
                    entry.rules = one_or_more(key.value, name);
                } else if (key.key == "resources") {
                    entry.resources = one_or_more(key.value, name);
                } else if (key.key == "paths") {
                    entry.paths = one_or_more(key.value, name);
                } else if (key.key == "reason") {
                    entry.reason = text(key.value, name);
                } else if (key.key == "owner") {
                    entry.owner = text(key.value, name);
                } else if (key.key == "expires") {
                    entry.expires = text(key.value, name);
                    if (!entry.expires.empty() && !is_date(entry.expires))
                        error(key.value, name + " must be a date, YYYY-MM-DD");
                }
            }
            if (entry.rules.empty())
                error(item, "a suppressions.ignore entry needs `rules` (the rule IDs it accepts)");
            // A scope is always explicit: an entry for the whole repository says `paths: ["**"]`.
            if (entry.resources.empty() && entry.paths.empty()) {
                error(item,
                      "a suppressions.ignore entry needs `resources` or `paths` (say "
                      "paths: [\"**\"] to accept the risk everywhere)");
            }
            config_.ignores.push_back(std::move(entry));
        }
    }

    void read_paths(const Value& value) {
        const Value::Map* keys = section(value, "paths", kPathKeys);
        if (keys == nullptr) return;
        for (const Value::Entry& key : *keys) {
            auto globs = strings(key.value, "paths." + key.key);
            (key.key == "include" ? config_.include : config_.exclude) = std::move(globs);
        }
    }

    void read_rules(const Value& value) {
        const Value::Map* keys = section(value, "rules", kRuleKeys);
        if (keys == nullptr) return;
        for (const Value::Entry& key : *keys) {
            const std::string name = "rules." + key.key;
            if (key.key == "packs") {
                config_.packs = names(key.value, name, kPackKeys, "rule pack");
            } else if (key.key == "frameworks") {
                config_.frameworks = names(key.value, name, kFrameworkKeys, "framework");
            } else if (key.key == "only") {
                config_.only = strings(key.value, name);
            } else if (key.key == "skip") {
                config_.skip = strings(key.value, name);
            } else if (key.key == "directories") {
                read_rule_dirs(key.value);
            } else if (key.key == "severity") {
                read_severities(key.value);
            } else if (key.key == "parameters") {
                read_parameters(key.value);
            }
        }
    }

    void read_rule_dirs(const Value& value) {
        for (Setting& setting : strings(value, "rules.directories")) {
            const fs::path path = resolve(setting.value);
            std::error_code ec;
            if (!fs::is_directory(path, ec)) {
                error(setting.at, "rules.directories: no such folder " + path.string());
                continue;
            }
            config_.rule_dirs.push_back({path.string(), setting.at});
        }
    }

    void read_severities(const Value& value) {
        const Value::Map* entries = mapping(value, "rules.severity (rule ID: severity)");
        if (entries == nullptr) return;
        for (const Value::Entry& entry : *entries) {
            const Value& level = entry.value;
            const auto severity =
                level.is_string() ? parse_severity(level.as_string()) : std::nullopt;
            if (!severity) {
                error(level, "rules.severity." + entry.key +
                                 " must be critical, high, medium, low or info");
                continue;
            }
            config_.severities.push_back({entry.key, *severity, entry.key_range.begin});
        }
    }

    // `rule-id.parameter: value` or `rule-id: {parameter: value}`.
    void read_parameters(const Value& value) {
        const Value::Map* entries = mapping(value, "rules.parameters");
        if (entries == nullptr) return;
        for (const Value::Entry& entry : *entries) {
            const std::size_t dot = entry.key.find('.');
            if (dot != std::string::npos) {
                if (dot == 0 || dot + 1 == entry.key.size()) {
                    error(entry.key_range.begin,
                          "rules.parameters: '" + entry.key + "' is not RULE-ID.PARAMETER");
                    continue;
                }
                config_.parameters.push_back({entry.key.substr(0, dot), entry.key.substr(dot + 1),
                                              entry.value, entry.key_range.begin});
                continue;
            }
            if (!entry.value.is_map()) {
                error(entry.value, "rules.parameters." + entry.key +
                                       " must map parameter names to values (or write " +
                                       entry.key + ".PARAMETER: VALUE)");
                continue;
            }
            for (const Value::Entry& parameter : entry.value.as_map()) {
                config_.parameters.push_back(
                    {entry.key, parameter.key, parameter.value, parameter.key_range.begin});
            }
        }
    }

    void read_gate(const Value& value) {
        const Value::Map* keys = section(value, "gate", kGateKeys);
        if (keys == nullptr) return;
        for (const Value::Entry& key : *keys) {
            if (key.key == "fail-on") {
                if (key.value.is_string() && one_of(key.value.as_string(), kFailOn)) {
                    config_.fail_on = Setting{key.value.as_string(), key.value.range().begin};
                } else {
                    error(key.value, "gate.fail-on must be one of " + joined(kFailOn));
                }
            } else if (key.key == "fail-on-undecided") {
                config_.fail_on_undecided = boolean(key.value, "gate.fail-on-undecided");
            } else if (key.key == "strict") {
                config_.strict = boolean(key.value, "gate.strict");
            }
        }
    }

    void read_terraform_inputs(const Value::Map& keys, TerraformDirectory& into,
                               const std::string& name) {
        for (const Value::Entry& key : keys) {
            if (key.key == "vars") {
                if (const Value::Map* vars = mapping(key.value, name + ".vars")) {
                    for (const Value::Entry& var : *vars)
                        into.vars.emplace_back(var.key, var.value);
                }
            } else if (key.key == "var-files") {
                into.var_files = files(key.value, name + ".var-files");
            }
        }
    }

    void read_terraform(const Value& value) {
        const Value::Map* keys = section(value, "terraform", kTerraformKeys);
        if (keys == nullptr) return;
        TerraformDirectory everywhere;
        read_terraform_inputs(*keys, everywhere, "terraform");
        config_.terraform.push_back(std::move(everywhere));
        const Value* directories = value.is_map() ? value.find("directories") : nullptr;
        if (directories == nullptr) return;
        const Value::Map* entries = mapping(*directories, "terraform.directories");
        if (entries == nullptr) return;
        for (const Value::Entry& entry : *entries) {
            auto dir = directory(entry, "terraform.directories");
            const std::string name = "terraform.directories." + entry.key;
            const Value::Map* inputs = section(entry.value, name, kTerraformDirectoryKeys);
            if (!dir || inputs == nullptr) continue;
            TerraformDirectory settings;
            settings.directory = *dir;
            settings.at = entry.key_range.begin;
            read_terraform_inputs(*inputs, settings, name);
            config_.terraform.push_back(std::move(settings));
        }
    }

    // A parameter value as CloudFormation receives it: text; lists are comma-delimited.
    std::optional<std::string> parameter_text(const Value& value, const std::string& name) {
        if (value.is_string()) return value.as_string();
        if (value.is_number()) return format_number(value.as_number());
        if (value.is_bool()) return std::string(value.as_bool() ? "true" : "false");
        if (value.is_list()) {
            std::string text;
            for (const Value& item : value.as_list()) {
                auto part = parameter_text(item, name);
                if (!part || item.is_list()) {
                    error(item, name + ": a list holds strings or numbers only");
                    return std::nullopt;
                }
                text += (text.empty() ? "" : ",") + *part;
            }
            return text;
        }
        error(value, name + " must be a string, a number, a boolean or a list of them");
        return std::nullopt;
    }

    void read_cloudformation_inputs(const Value::Map& keys, CloudFormationDirectory& into,
                                    const std::string& name) {
        for (const Value::Entry& key : keys) {
            if (key.key == "parameters") {
                if (const Value::Map* parameters = mapping(key.value, name + ".parameters")) {
                    for (const Value::Entry& parameter : *parameters) {
                        if (auto text = parameter_text(parameter.value,
                                                       name + ".parameters." + parameter.key)) {
                            into.parameters.push_back(
                                {parameter.key, Setting{*text, parameter.key_range.begin}});
                        }
                    }
                }
            } else if (key.key == "parameter-files") {
                into.parameter_files = files(key.value, name + ".parameter-files");
            }
        }
    }

    void read_cloudformation(const Value& value) {
        const Value::Map* keys = section(value, "cloudformation", kCloudFormationKeys);
        if (keys == nullptr) return;
        CloudFormationDirectory everywhere;
        read_cloudformation_inputs(*keys, everywhere, "cloudformation");
        config_.cloudformation.push_back(std::move(everywhere));
        const Value* directories = value.is_map() ? value.find("directories") : nullptr;
        if (directories == nullptr) return;
        const Value::Map* entries = mapping(*directories, "cloudformation.directories");
        if (entries == nullptr) return;
        for (const Value::Entry& entry : *entries) {
            auto dir = directory(entry, "cloudformation.directories");
            const std::string name = "cloudformation.directories." + entry.key;
            const Value::Map* inputs = section(entry.value, name, kCloudFormationDirectoryKeys);
            if (!dir || inputs == nullptr) continue;
            CloudFormationDirectory settings;
            settings.directory = *dir;
            settings.at = entry.key_range.begin;
            read_cloudformation_inputs(*inputs, settings, name);
            config_.cloudformation.push_back(std::move(settings));
        }
    }

    Config config_;
    std::vector<ConfigError> errors_;
};

bool is_repository_top(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / ".git", ec);
}

}  // namespace

std::optional<fs::path> find_config_file(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec).lexically_normal();
    if (!dir.has_filename() && dir.has_parent_path() && dir != dir.root_path())
        dir = dir.parent_path();  // "dir/"
    if (fs::is_regular_file(dir, ec)) dir = dir.parent_path();
    while (true) {
        const fs::path candidate = dir / kConfigFileName;
        if (fs::is_regular_file(candidate, ec)) return candidate;
        if (is_repository_top(dir) || dir == dir.root_path() || !dir.has_parent_path()) break;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

std::variant<Config, std::vector<ConfigError>> parse_config(std::string_view text,
                                                            const fs::path& file) {
    return ConfigReader(file).read(text);
}

std::variant<Config, std::vector<ConfigError>> load_config(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    if (!in || fs::is_directory(file, ec)) {
        return std::vector<ConfigError>{{file.string(), {}, "cannot read the configuration file"}};
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_config(text, file);
}

}  // namespace bulwark
