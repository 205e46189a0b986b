#include "suppress/suppressor.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include "suppress/scoped_suppressions.h"
#include "util/text.h"

namespace bulwark {
namespace {

// One way a finding can be suppressed, from a comment or from resource Metadata.
struct Candidate {
    std::string syntax;
    std::vector<std::string> ids;
    std::string reason;
    std::string expires;
    std::string owner;
    std::vector<std::string> applies_to;  // cdk-nag's granular suppressions
    FileId file = kNoFile;
    SourcePosition position;
    std::string problem;
    bool matched = false;
    bool reported = false;
};

bool contains(const std::vector<std::string>& ids, std::string_view id) {
    return std::any_of(ids.begin(), ids.end(),
                       [&](const std::string& candidate) { return iequals(candidate, id); });
}

// The rule IDs a peer's syntax uses, through the rule's crossrefs.
const std::vector<std::string>* peer_ids(const Rule& rule, std::string_view syntax) {
    std::string_view key = syntax;
    if (syntax == "tfsec") key = "trivy";
    if (syntax == "cfn_nag") key = "cfn-nag";
    if (syntax == "cdk_nag") key = "cdk-nag";
    auto found = rule.crossrefs.find(std::string(key));
    return found == rule.crossrefs.end() ? nullptr : &found->second;
}

bool names_rule(const Candidate& candidate, const Rule& rule) {
    for (const std::string& id : candidate.ids) {
        if (candidate.syntax == "bulwark") {
            if (id == rule.id ||
                std::find(rule.aliases.begin(), rule.aliases.end(), id) != rule.aliases.end()) {
                return true;
            }
            continue;
        }
        if (id == "*") return true;  // kics ignore-line / ignore-block / ignore
        if (const auto* ids = peer_ids(rule, candidate.syntax); ids && contains(*ids, id)) {
            return true;
        }
    }
    return false;
}

Candidate from_comment(const SuppressionComment& comment, FileId file) {
    Candidate candidate;
    candidate.syntax = comment.syntax;
    candidate.ids = comment.rule_ids;
    candidate.reason = comment.reason;
    candidate.expires = comment.expires;
    candidate.owner = comment.owner;
    candidate.file = file;
    candidate.position = {comment.line, 1};
    candidate.problem = comment.problem;
    return candidate;
}

bool on_line(const SourceRange& range, FileId file, unsigned line) {
    return range.file == file && range.begin.line == line && line != 0;
}

// Does a comment in `file` reach the finding on `resource`?
bool comment_covers(const SuppressionComment& comment, FileId file, const Finding& finding,
                    const Resource& resource) {
    switch (comment.scope) {
        case CommentScope::File:
            return resource.file == file || finding.range.file == file;
        case CommentScope::Line:
            return on_line(finding.range, file, comment.target);
        case CommentScope::Next:
        case CommentScope::Block: {
            if (on_line(finding.range, file, comment.target)) return true;   // the value
            if (on_line(resource.range, file, comment.target)) return true;  // the resource
            for (const SourceRange& call : resource.module_calls) {
                if (on_line(call, file, comment.target)) return true;  // the module call
            }
            const SourceRange& extent = resource.extent;
            const bool inside = extent.file == file && comment.line > extent.begin.line &&
                                comment.line <= extent.end.line;
            if (!inside) return false;
            // Checkov-style comments cover the block from anywhere inside it; Bulwark's from
            // the top of the block (nothing but comments between the header and it).
            return comment.scope == CommentScope::Block ||
                   (!comment.trailing && comment.previous_code == resource.range.begin.line);
        }
    }
    return false;
}

std::string text_of(const Value* value) {
    if (value == nullptr) return {};
    if (value->is_string()) return value->as_string();
    if (value->is_number() || value->is_bool()) return describe(*value);
    return {};
}

// Metadata entries: bulwark.ignore, checkov.skip, cfn_nag / cdk_nag rules_to_suppress.
std::vector<Candidate> metadata_candidates(const Resource& resource) {
    std::vector<Candidate> out;
    const Value* metadata = resource.attributes.find("Metadata");
    if (metadata == nullptr || !metadata->is_map()) return out;
    struct Source {
        std::string_view tool;
        std::string_view list;
        std::string_view reason_key;
    };
    constexpr Source kSources[] = {{"bulwark", "ignore", "reason"},
                                   {"checkov", "skip", "comment"},
                                   {"cfn_nag", "rules_to_suppress", "reason"},
                                   {"cdk_nag", "rules_to_suppress", "reason"}};
    for (const Source& source : kSources) {
        const Value* tool = metadata->find(source.tool);
        const Value* list = tool && tool->is_map() ? tool->find(source.list) : nullptr;
        if (list == nullptr || !list->is_list()) continue;
        for (const Value& item : list->as_list()) {
            Candidate candidate;
            candidate.syntax = std::string(source.tool);
            candidate.file = item.range().file != kNoFile ? item.range().file : resource.file;
            candidate.position =
                item.range().begin.line ? item.range().begin : resource.range.begin;
            if (item.is_string()) {
                candidate.ids = {item.as_string()};
            } else if (item.is_map()) {
                if (std::string id = text_of(item.find("id")); !id.empty()) candidate.ids = {id};
                candidate.reason = text_of(item.find(source.reason_key));
                candidate.expires = text_of(item.find("expires"));
                candidate.owner = text_of(item.find("owner"));
                if (const Value* applies = item.find("applies_to"); applies && applies->is_list()) {
                    for (const Value& entry : applies->as_list()) {
                        if (std::string text = text_of(&entry); !text.empty())
                            candidate.applies_to.push_back(text);
                        else if (const Value* regex = entry.find("regex"))
                            candidate.applies_to.push_back(text_of(regex));
                    }
                }
            }
            if (candidate.ids.empty()) {
                if (candidate.syntax == "bulwark") {
                    candidate.problem = "a Metadata bulwark.ignore entry needs an id";
                    out.push_back(std::move(candidate));
                }
                continue;
            }
            out.push_back(std::move(candidate));
        }
    }
    return out;
}

// cdk-nag's `applies_to` narrows a suppression to findings about one action or resource
// ("Action::s3:*", "Resource::*"); Bulwark honours it when the finding's message names it.
bool applies_to_finding(const Candidate& candidate, const Finding& finding) {
    if (candidate.applies_to.empty()) return true;
    for (const std::string& entry : candidate.applies_to) {
        std::string_view wanted = entry;
        if (const std::size_t sep = wanted.find("::"); sep != std::string_view::npos)
            wanted.remove_prefix(sep + 2);
        if (!wanted.empty() && finding.message.find(wanted) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

std::vector<Diagnostic> apply_suppressions(std::vector<Finding>& findings,
                                           const SuppressionInput& input,
                                           const SuppressionOptions& options) {
    std::vector<Diagnostic> diagnostics;
    std::map<std::string, const Rule*, std::less<>> run;
    for (const Rule* rule : input.rules_run) {
        run[rule->id] = rule;
    }
    std::set<std::string, std::less<>> known;
    for (const Rule* rule : input.rules_known) {
        known.insert(rule->id);
        known.insert(rule->aliases.begin(), rule->aliases.end());
    }
    auto report = [&](const Candidate& candidate, DiagnosticCode code, std::string message) {
        diagnostics.push_back(Diagnostic{candidate.file, candidate.position,
                                         DiagnosticSeverity::Warning, code, std::move(message)});
    };

    // Comments by file, as candidates that remember whether they matched.
    std::vector<std::vector<Candidate>> comment_candidates(input.comments.size());
    for (FileId file = 0; file < input.comments.size(); ++file) {
        for (const SuppressionComment& comment : input.comments[file])
            comment_candidates[file].push_back(from_comment(comment, file));
    }
    std::map<ResourceIndex, std::vector<Candidate>> metadata;
    for (ResourceIndex index = 0; index < input.graph.entries().size(); ++index) {
        if (auto candidates = metadata_candidates(input.graph.resource(index)); !candidates.empty())
            metadata[index] = std::move(candidates);
    }

    auto usable = [&](Candidate& candidate) {
        if (!candidate.problem.empty()) return false;
        if (!candidate.expires.empty() && !options.today.empty() &&
            candidate.expires < options.today) {
            if (!candidate.reported) {
                report(candidate, DiagnosticCode::StaleSuppression,
                       "suppression expired on " + candidate.expires +
                           "; the finding is reported again");
                candidate.reported = true;
            }
            return false;
        }
        std::string missing;
        auto require = [&](bool required, const std::string& field, std::string_view name) {
            if (required && field.empty())
                missing += (missing.empty() ? "" : ", ") + std::string(name);
        };
        require(options.require_reason, candidate.reason, "reason");
        require(options.require_owner, candidate.owner, "owner");
        require(options.require_expires, candidate.expires, "expires");
        if (!missing.empty()) {
            if (!candidate.reported) {
                report(candidate, DiagnosticCode::InvalidSuppression,
                       candidate.syntax + " suppression has no " + missing +
                           ", which the configuration requires (suppressions.require); it is not "
                           "applied");
                candidate.reported = true;
            }
            return false;
        }
        return true;
    };
    auto apply = [&](Finding& finding, Candidate& candidate) {
        candidate.matched = true;
        if (finding.status == FindingStatus::Suppressed || !usable(candidate)) return;
        finding.status = FindingStatus::Suppressed;
        finding.suppression = Suppression{candidate.syntax, candidate.reason, candidate.expires,
                                          candidate.owner,  kNoFile,          {}};
    };

    for (Finding& finding : findings) {
        auto rule = run.find(finding.rule_id);
        if (rule == run.end()) continue;
        const Resource& resource = input.graph.resource(finding.resource);
        for (Candidate& candidate : metadata[finding.resource]) {
            if (names_rule(candidate, *rule->second) && applies_to_finding(candidate, finding))
                apply(finding, candidate);
        }
        std::set<FileId> files = {resource.file, finding.range.file};
        for (const SourceRange& call : resource.module_calls)
            files.insert(call.file);
        for (FileId file : files) {
            if (file >= input.comments.size()) continue;
            for (std::size_t i = 0; i < input.comments[file].size(); ++i) {
                Candidate& candidate = comment_candidates[file][i];
                if (names_rule(candidate, *rule->second) &&
                    comment_covers(input.comments[file][i], file, finding, resource)) {
                    apply(finding, candidate);
                }
            }
        }
    }

    // What is wrong with Bulwark's own suppressions (peers' are theirs to police).
    auto audit = [&](Candidate& candidate) {
        if (candidate.syntax != "bulwark") return;
        if (!candidate.problem.empty()) {
            report(candidate, DiagnosticCode::InvalidSuppression, candidate.problem);
            return;
        }
        bool all_ran = true;
        for (const std::string& id : candidate.ids) {
            if (!known.empty() && !known.contains(id)) {
                report(candidate, DiagnosticCode::InvalidSuppression,
                       "suppression names an unknown rule '" + id + "'");
                all_ran = false;
            } else if (!run.contains(id)) {
                bool alias_ran = false;
                for (const auto& [name, rule] : run) {
                    if (std::find(rule->aliases.begin(), rule->aliases.end(), id) !=
                        rule->aliases.end())
                        alias_ran = true;
                }
                all_ran = all_ran && alias_ran;
            }
        }
        if (all_ran && !candidate.matched && !candidate.reported) {
            report(candidate, DiagnosticCode::StaleSuppression,
                   "suppression of " + candidate.ids.front() +
                       " matches no finding; remove it so the list of accepted risks stays true");
        }
    };
    for (auto& file : comment_candidates) {
        for (Candidate& candidate : file)
            audit(candidate);
    }
    for (auto& [index, candidates] : metadata) {
        for (Candidate& candidate : candidates)
            audit(candidate);
    }
    // The configuration's entries come last: a finding suppressed on its code says so.
    std::vector<Diagnostic> scoped = apply_scoped_suppressions(findings, input, options);
    diagnostics.insert(diagnostics.end(), scoped.begin(), scoped.end());
    return diagnostics;
}

}  // namespace bulwark
