#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/graph.h"
#include "model/source_range.h"

namespace bulwark {

enum class Severity : std::uint8_t { Critical, High, Medium, Low, Info };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);
// Critical ranks highest; `at_least(s, threshold)` is true when s is as severe as threshold or
// more.
constexpr bool at_least(Severity s, Severity threshold) {
    return s <= threshold;
}

// Baselined: a known finding accepted by a baseline file (or present at the --diff-base
// revision); reported only when asked for, never failing the gate.
enum class FindingStatus : std::uint8_t { Failed, Suppressed, Baselined };

std::string_view to_string(FindingStatus status);

struct Suppression {
    std::string source;  // the syntax that suppressed it: bulwark, checkov, trivy, cfn_nag, ...
    std::string reason;
    std::string expires;  // YYYY-MM-DD, or empty
    std::string owner;
    // Where a suppression outside the code is written (a configuration file's entry); invalid
    // for comments and Metadata, which sit on the finding's own resource.
    FileId file = kNoFile;
    SourcePosition at;
};

struct Finding {
    std::string rule_id;
    Severity severity = Severity::Medium;
    ResourceIndex resource = 0;
    SourceRange range;  // the offending value, or the resource header when the value is missing
    std::string message;
    // What the check found, in plain words, when a built-in said so (the statement and the
    // access it grants); reporters show it after the message. Often empty.
    std::string detail;
    std::string fingerprint;
    FindingStatus status = FindingStatus::Failed;
    std::optional<Suppression> suppression;
    // The location holds a secret (the rule detects hard-coded secrets): reporters never quote
    // the source text there.
    bool sensitive = false;
};

// The stable identity of a finding: rule, resource address and file, never a line number, so
// that baselines and code-scanning alerts survive edits that move lines.
// `scope` tells apart the same module resource reached from two root modules.
std::string finding_fingerprint(std::string_view rule_id, std::string_view address,
                                std::string_view file_path, std::string_view scope = {});

}  // namespace bulwark
