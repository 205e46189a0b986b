#include "rules/rule_catalog.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "io/document_reader.h"
#include "rules/embedded_files.h"
#include "util/sha256.h"

namespace bulwark {
namespace {

constexpr std::string_view kFrameworkPrefix = "rules/frameworks/";
// Data the built-ins read (the IAM action table), embedded with the rules but not rules.
constexpr std::string_view kDataPrefix = "rules/iam/";

std::string string_field(const Value& map, std::string_view key, std::string_view path,
                         std::vector<RuleFileError>& errors, bool required = true) {
    const Value* value = map.find(key);
    if (value == nullptr) {
        if (required) {
            errors.push_back({std::string(path), map.range().begin,
                              "missing required field '" + std::string(key) + "'"});
        }
        return {};
    }
    if (!value->is_string()) {
        errors.push_back({std::string(path), value->range().begin,
                          "'" + std::string(key) + "' must be a string (quote numbers)"});
        return {};
    }
    return value->as_string();
}

void check_keys(const Value& map, std::initializer_list<std::string_view> allowed,
                std::string_view path, std::vector<RuleFileError>& errors) {
    for (const Value::Entry& entry : map.as_map()) {
        if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end()) {
            errors.push_back(
                {std::string(path), entry.key_range.begin, "unknown field '" + entry.key + "'"});
        }
    }
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

const FrameworkControl* Framework::find(std::string_view id) const {
    for (const FrameworkControl& control : controls) {
        if (control.id == id) return &control;
    }
    return nullptr;
}

std::variant<Framework, std::vector<RuleFileError>> load_framework(std::string_view path,
                                                                   std::string_view content) {
    return load_framework(path, read_yaml(content, 0));
}

std::variant<Framework, std::vector<RuleFileError>> load_framework(std::string_view path,
                                                                   const ReadResult& document) {
    std::vector<RuleFileError> errors;
    for (const Diagnostic& d : document.diagnostics) {
        errors.push_back({std::string(path), d.position, d.message});
    }
    if (!document.value) return errors;
    const Value& root = *document.value;
    if (!root.is_map()) {
        errors.push_back(
            {std::string(path), root.range().begin, "a framework file must be a mapping"});
        return errors;
    }
    check_keys(root, {"framework", "title", "version", "publisher", "url", "controls"}, path,
               errors);
    Framework framework;
    framework.key = string_field(root, "framework", path, errors);
    framework.title = string_field(root, "title", path, errors);
    framework.version = string_field(root, "version", path, errors);
    framework.publisher = string_field(root, "publisher", path, errors, false);
    framework.url = string_field(root, "url", path, errors, false);
    const Value* controls = root.find("controls");
    if (controls == nullptr || !controls->is_list()) {
        errors.push_back({std::string(path), root.range().begin, "'controls' must be a list"});
        return errors;
    }
    for (const Value& item : controls->as_list()) {
        if (!item.is_map()) {
            errors.push_back(
                {std::string(path), item.range().begin, "a control must be a mapping"});
            continue;
        }
        check_keys(item, {"id", "title", "family", "iac", "note"}, path, errors);
        FrameworkControl control;
        control.id = string_field(item, "id", path, errors);
        control.title = string_field(item, "title", path, errors);
        control.family = string_field(item, "family", path, errors);
        control.iac = string_field(item, "iac", path, errors);
        control.note = string_field(item, "note", path, errors, false);
        if (!control.iac.empty() && control.iac != "full" && control.iac != "partial" &&
            control.iac != "none") {
            errors.push_back({std::string(path), item.find("iac")->range().begin,
                              "iac must be full, partial or none"});
        }
        if (!control.id.empty() && framework.find(control.id) != nullptr) {
            errors.push_back({std::string(path), item.find("id")->range().begin,
                              "duplicate control ID '" + control.id + "'"});
        }
        framework.controls.push_back(std::move(control));
    }
    if (!errors.empty()) return errors;
    return framework;
}

const Rule* RuleCatalog::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &rules_[it->second];
}

bool RuleCatalog::set_severity(std::string_view id, Severity severity) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return false;
    rules_[it->second].severity = severity;
    return true;
}

std::variant<RuleCatalog, std::vector<RuleFileError>> RuleCatalog::load(
    const std::vector<std::filesystem::path>& user_rule_dirs, bool with_frameworks,
    const std::map<std::string, RuleParameterValues>& parameters, RuleDetail detail) {
    with_frameworks = with_frameworks || !user_rule_dirs.empty();
    RuleCatalog catalog;
    std::vector<RuleFileError> errors;
    std::vector<Rule> rules;

    std::set<std::string> configured;  // rule IDs whose parameter overrides were applied
    // `full()` gives the whole document when `document` was read for `read_as` Metadata.
    auto add_rule = [&](std::string_view path, const ReadResult& document, RegexCompilation regexes,
                        RuleDetail read_as, auto&& full) {
        auto loaded = load_rule(path, document, {}, regexes, read_as);
        if (auto* rule = std::get_if<Rule>(&loaded); rule && !parameters.empty()) {
            // Overrides are substituted when a check is compiled, so a configured rule is read
            // again with them (only configured rules pay for it).
            auto names = rule->aliases;
            names.push_back(rule->id);
            for (const std::string& name : names) {
                auto found = parameters.find(name);
                if (found == parameters.end()) continue;
                configured.insert(name);
                // In full even when listing: overrides are checked as a scan checks them.
                loaded = read_as == RuleDetail::Full
                             ? load_rule(path, document, found->second, regexes)
                             : load_rule(path, full(), found->second, regexes);
                break;
            }
        }
        if (auto* problems = std::get_if<std::vector<RuleFileError>>(&loaded)) {
            errors.insert(errors.end(), problems->begin(), problems->end());
        } else {
            rules.push_back(std::get<Rule>(std::move(loaded)));
        }
    };

    for (const EmbeddedFile& file : embedded_rule_files()) {
        catalog.pack_files_.push_back({std::string(file.path), file.content, std::nullopt});
        if (file.path.starts_with(kDataPrefix)) continue;
        if (file.path.starts_with(kFrameworkPrefix)) {
            if (!with_frameworks) continue;
            auto loaded = load_framework(file.path, read_embedded(file));
            if (auto* problems = std::get_if<std::vector<RuleFileError>>(&loaded)) {
                errors.insert(errors.end(), problems->begin(), problems->end());
            } else {
                Framework framework = std::get<Framework>(std::move(loaded));
                std::string key = framework.key;
                catalog.frameworks_.emplace(std::move(key), std::move(framework));
            }
        } else {
            const auto skipped = detail == RuleDetail::Metadata
                                     ? std::span<const std::string_view>(kRuleFieldsBeyondMetadata)
                                     : std::span<const std::string_view>();
            add_rule(file.path, read_embedded(file, skipped), RegexCompilation::OnFirstUse, detail,
                     [&] { return read_embedded(file); });
        }
    }
    for (const std::filesystem::path& dir : user_rule_dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            errors.push_back({dir.string(), {}, "--rules needs a directory of rule files"});
            continue;
        }
        std::vector<std::filesystem::path> files;
        for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            const auto extension = it->path().extension();
            if (it->is_regular_file() && (extension == ".yaml" || extension == ".yml")) {
                files.push_back(it->path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            auto content = read_file(file);
            if (!content) {
                errors.push_back({file.string(), {}, "cannot read the rule file"});
                continue;
            }
            // Relative to its folder, so the hash does not depend on where the folder lives.
            const ReadResult document = read_yaml(*content, 0);
            add_rule(file.string(), document, RegexCompilation::Now, RuleDetail::Full,
                     [&] { return document; });
            catalog.pack_files_.push_back(
                {file.lexically_relative(dir).generic_string(), {}, std::move(*content)});
        }
    }

    std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Rule& rule = rules[i];
        for (const std::string& name : std::vector<std::string>{rule.id}) {
            if (!catalog.by_id_.emplace(name, i).second) {
                errors.push_back({rule.source,
                                  {},
                                  "duplicate rule ID '" + name + "' (also in " +
                                      rules[catalog.by_id_[name]].source + ")"});
            }
        }
        for (const std::string& alias : rule.aliases) {
            if (!catalog.by_id_.emplace(alias, i).second) {
                errors.push_back(
                    {rule.source, {}, "alias '" + alias + "' is already a rule ID or alias"});
            }
        }
        for (const auto& [key, controls] : rule.frameworks) {
            if (!with_frameworks) break;
            auto framework = catalog.frameworks_.find(key);
            auto written = rule.framework_positions.find(key);
            const SourcePosition at =
                written == rule.framework_positions.end() ? SourcePosition{} : written->second;
            if (framework == catalog.frameworks_.end()) {
                errors.push_back({rule.source, at, "framework '" + key + "' has no catalog file"});
                continue;
            }
            for (const std::string& control : controls) {
                if (framework->second.find(control) == nullptr) {
                    errors.push_back({rule.source, at,
                                      "control '" + control + "' is not in the " + key +
                                          " catalog (rules/frameworks/" + key + ".yaml)"});
                }
            }
        }
    }
    for (const auto& [id, values] : parameters) {
        if (!configured.contains(id)) {
            errors.push_back(
                {"", {}, "parameters are configured for '" + id + "', which is no rule"});
        }
    }
    for (const Rule& rule : rules) {
        if (!rule.deprecated_by.empty() &&
            catalog.by_id_.find(rule.deprecated_by) == catalog.by_id_.end()) {
            errors.push_back(
                {rule.source, {}, "deprecated.by names no rule: " + rule.deprecated_by});
        }
    }
    if (!errors.empty()) return errors;
    catalog.rules_ = std::move(rules);
    return catalog;
}

std::string RuleCatalog::rule_pack_hash() const {
    Sha256 hash;
    for (const PackFile& file : pack_files_) {
        const std::string_view content = file.read ? std::string_view(*file.read) : file.embedded;
        hash.update(file.path);
        hash.update(std::string_view("\0", 1));
        hash.update(std::to_string(content.size()));
        hash.update(std::string_view("\0", 1));
        hash.update(content);
    }
    return hash.finish_hex();
}

}  // namespace bulwark
