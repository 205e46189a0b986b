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

struct SuppressionOptions {
    std::string today;            // YYYY-MM-DD; suppressions that expired before it do not apply
    // Fields the configuration requires (`suppressions.require`): a suppression of any syntax
    // that lacks one is invalid and does not apply.
    bool require_reason = false;
    bool require_owner = false;
    bool require_expires = false;
};

struct SuppressionInput {
    const Graph& graph;
    // The suppression comments of each file, by FileId.
    const std::vector<std::vector<SuppressionComment>>& comments;
    std::span<const Rule* const> rules_run;    // the rules whose findings are being suppressed
    std::span<const Rule* const> rules_known;  // every rule that exists (for unknown-ID checks)
};

// Marks suppressed findings and returns diagnostics about the suppressions themselves: syntax
// mistakes, unknown rule IDs, expired dates, missing reasons, and Bulwark suppressions that no
// longer match any finding.
std::vector<Diagnostic> apply_suppressions(std::vector<Finding>& findings,
                                           const SuppressionInput& input,
                                           const SuppressionOptions& options);

}  // namespace bulwark
