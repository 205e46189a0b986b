#pragma once

// Applies accepted risks to findings: inline comments (Bulwark's and the peers'), and
// CloudFormation / CDK resource Metadata. A suppression never hides a finding silently: the
// finding stays in the result with status Suppressed and says which syntax suppressed it and why.

#include <span>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/finding.h"
#include "model/graph.h"
#include "rules/rule.h"
#include "suppress/suppression_comment.h"

namespace bulwark {

// A suppression declared in the configuration file (`suppressions.ignore`): findings of `rules`
// on the resources `resources` names and in the files `paths` names (both, when both are given).
struct ScopedSuppression {
    struct Item {
        std::string text;
        SourcePosition at;  // in the configuration file
    };
    SourcePosition at;
    std::vector<Item> rules;      // rule IDs, aliases, or the peers' IDs a rule crossrefs
    std::vector<Item> resources;  // resource globs (suppress/resource_glob.h)
    // File globs relative to the scan root (discovery/glob.h); an empty text is a glob that
    // lies outside the root and matches nothing.
    std::vector<Item> paths;
    std::string reason;
    std::string expires;
    std::string owner;
};

struct SuppressionOptions {
    std::string today;  // YYYY-MM-DD; suppressions that expired before it do not apply
    // Fields the configuration requires (`suppressions.require`): a suppression of any syntax
    // that lacks one is invalid and does not apply.
    bool require_reason = false;
    bool require_owner = false;
    bool require_expires = false;
    // The configuration's scoped suppressions, the configuration file's path as reports show it,
    // and whether this scan sees everything the configuration governs: only then can an entry
    // that matched nothing be called stale (a scan of a subfolder, or of the files a commit
    // changed, does not see the resources an entry may be about).
    std::vector<ScopedSuppression> scoped;
    std::string scoped_file;
    bool judge_scoped_stale = true;
};

struct SuppressionInput {
    const Graph& graph;
    // The suppression comments of each file, by FileId.
    const std::vector<std::vector<SuppressionComment>>& comments;
    std::span<const Rule* const> rules_run;    // the rules whose findings are being suppressed
    std::span<const Rule* const> rules_known;  // every rule that exists (for unknown-ID checks)
    // For the configuration's scoped suppressions: the FileId of the configuration file, every
    // file's path relative to the scan root (FileId -> path), and whether an entry that matched
    // nothing is stale in this scan.
    FileId scoped_file = kNoFile;
    std::span<const std::string> paths = {};
    bool judge_scoped_stale = false;
};

// Marks suppressed findings and returns diagnostics about the suppressions themselves: syntax
// mistakes, unknown rule IDs, expired dates, missing reasons, and Bulwark suppressions that no
// longer match any finding.
std::vector<Diagnostic> apply_suppressions(std::vector<Finding>& findings,
                                           const SuppressionInput& input,
                                           const SuppressionOptions& options);

}  // namespace bulwark
