#include "suppress/scoped_suppressions.h"

#include <algorithm>

#include "discovery/glob.h"
#include "suppress/resource_glob.h"
#include "util/text.h"

namespace bulwark {
namespace {

// Does the entry's rule ID name the rule: its ID, an alias, or a peer's ID it crossrefs (so a
// team can paste the IDs its old scanner's exceptions used)?
bool names_rule(std::string_view id, const Rule& rule) {
    if (id == rule.id) return true;
    if (std::find(rule.aliases.begin(), rule.aliases.end(), id) != rule.aliases.end()) return true;
    for (const auto& [tool, ids] : rule.crossrefs) {
        for (const std::string& peer : ids) {
            if (iequals(peer, id)) return true;
        }
    }
    return false;
}

std::string joined(const std::vector<ScopedSuppression::Item>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item.text;
    return out;
}

// One entry as the scan applies it.
struct Entry {
    const ScopedSuppression* declared = nullptr;
    std::vector<const Rule*> rules;  // the known rules it names (that ran or not)
    bool usable = true;
    bool all_rules_known = true;
    bool every_id_ran = true;  // each ID names a rule that ran in this scan
    bool matched = false;
};

bool covers(const Entry& entry, const Finding& finding, const Resource& resource,
            std::span<const std::string> paths) {
    const ScopedSuppression& declared = *entry.declared;
    if (!declared.resources.empty() &&
        std::none_of(declared.resources.begin(), declared.resources.end(), [&](const auto& glob) {
            return resource_glob_matches(glob.text, resource);
        })) {
        return false;
    }
    if (declared.paths.empty()) return true;
    auto path_of = [&](FileId file) -> std::string_view {
        return file < paths.size() ? std::string_view(paths[file]) : std::string_view();
    };
    const std::string_view files[] = {path_of(resource.file), path_of(finding.range.file)};
    return std::any_of(declared.paths.begin(), declared.paths.end(), [&](const auto& glob) {
        return !glob.text.empty() &&
               std::any_of(std::begin(files), std::end(files), [&](std::string_view file) {
                   return !file.empty() && glob_match(glob.text, file);
               });
    });
}

}  // namespace

std::vector<Diagnostic> apply_scoped_suppressions(std::vector<Finding>& findings,
                                                  const SuppressionInput& input,
                                                  const SuppressionOptions& options) {
    std::vector<Diagnostic> diagnostics;
    if (options.scoped.empty()) return diagnostics;
    auto report = [&](SourcePosition at, DiagnosticCode code, std::string message) {
        diagnostics.push_back(Diagnostic{input.scoped_file, at, DiagnosticSeverity::Warning, code,
                                         std::move(message)});
    };

    std::vector<Entry> entries;
    for (const ScopedSuppression& declared : options.scoped) {
        Entry entry;
        entry.declared = &declared;
        for (const auto& id : declared.rules) {
            const std::size_t before = entry.rules.size();
            for (const Rule* rule : input.rules_known) {
                if (names_rule(id.text, *rule)) entry.rules.push_back(rule);
            }
            entry.every_id_ran =
                entry.every_id_ran &&
                std::any_of(entry.rules.begin() + static_cast<std::ptrdiff_t>(before),
                            entry.rules.end(), [&](const Rule* rule) {
                                return std::find(input.rules_run.begin(), input.rules_run.end(),
                                                 rule) != input.rules_run.end();
                            });
            if (entry.rules.size() == before) {
                report(id.at, DiagnosticCode::InvalidSuppression,
                       "suppressions.ignore names an unknown rule '" + id.text +
                           "' (neither a rule ID, an alias nor a peer's ID a rule crossrefs)");
                entry.all_rules_known = false;
            }
        }
        for (const auto& glob : declared.resources) {
            if (auto problem = resource_glob_problem(glob.text)) {
                report(glob.at, DiagnosticCode::InvalidSuppression,
                       "resource glob '" + glob.text + "': " + *problem +
                           "; the entry is not applied");
                entry.usable = false;
            }
        }
        std::string missing;
        auto require = [&](bool required, const std::string& field, std::string_view name) {
            if (required && field.empty())
                missing += (missing.empty() ? "" : ", ") + std::string(name);
        };
        require(options.require_reason, declared.reason, "reason");
        require(options.require_owner, declared.owner, "owner");
        require(options.require_expires, declared.expires, "expires");
        if (!missing.empty()) {
            report(declared.at, DiagnosticCode::InvalidSuppression,
                   "suppressions.ignore entry has no " + missing +
                       ", which the configuration requires (suppressions.require); it is not "
                       "applied");
            entry.usable = false;
        }
        if (entry.usable && !declared.expires.empty() && !options.today.empty() &&
            declared.expires < options.today) {
            report(declared.at, DiagnosticCode::StaleSuppression,
                   "suppressions.ignore entry expired on " + declared.expires +
                       "; its findings are reported again");
            entry.usable = false;
        }
        entries.push_back(std::move(entry));
    }

    for (Finding& finding : findings) {
        const Resource& resource = input.graph.resource(finding.resource);
        for (Entry& entry : entries) {
            if (!entry.usable) continue;
            const bool named =
                std::any_of(entry.rules.begin(), entry.rules.end(),
                            [&](const Rule* rule) { return rule->id == finding.rule_id; });
            if (!named || !covers(entry, finding, resource, input.paths)) continue;
            entry.matched = true;
            if (finding.status == FindingStatus::Suppressed) continue;
            const ScopedSuppression& declared = *entry.declared;
            finding.status = FindingStatus::Suppressed;
            finding.suppression = Suppression{"config",       declared.reason,   declared.expires,
                                              declared.owner, input.scoped_file, declared.at};
        }
    }

    if (!input.judge_scoped_stale) return diagnostics;
    for (const Entry& entry : entries) {
        // A rule that did not run (skipped, another pack) finds nothing to accept: not stale.
        if (!entry.usable || entry.matched || !entry.all_rules_known || !entry.every_id_ran)
            continue;
        report(entry.declared->at, DiagnosticCode::StaleSuppression,
               "suppressions.ignore entry for " + joined(entry.declared->rules) +
                   " matches no finding; remove it so the list of accepted risks stays true");
    }
    return diagnostics;
}

}  // namespace bulwark
