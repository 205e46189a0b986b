#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reporters/compliance/control_evidence.h"

// `bulwark report`: one framework's control evidence for auditors, in HTML, Markdown, JSON or
// CSV. Each format is one file (compliance_<format>.cpp); all are pure functions of the context,
// deterministic without a timestamp.
namespace bulwark::compliance {

// The repository state the scanned root belongs to.
struct GitState {
    std::string commit;  // full object name of HEAD
    bool dirty = false;  // tracked changes or untracked files
};

// What makes a report reproducible: the same tool, rules, inputs and commit give the same report.
struct ReportMetadata {
    std::string tool_version;
    std::string rule_pack_hash;
    std::vector<std::string> paths;  // as scanned, relative to the root where possible
    std::optional<GitState> git;     // when the root is inside a git work tree
    std::string timestamp;           // empty unless asked for (--timestamp)
    // The options that chose and tuned the rules, as given ("--only a,b", "--rule-param r.p=v"):
    // the rule-pack hash covers the rule files, these cover what was done with them.
    std::vector<std::string> rule_options;
};

struct ComplianceContext {
    const ScanResult& scan;
    const FrameworkEvidence& evidence;
    const ReportMetadata& metadata;
};

enum class ComplianceFormat { Html, Markdown, Json, Csv };

std::optional<ComplianceFormat> parse_compliance_format(std::string_view name);

std::string render_compliance(ComplianceFormat format, const ComplianceContext& context);
std::string render_compliance_html(const ComplianceContext& context);
std::string render_compliance_markdown(const ComplianceContext& context);
std::string render_compliance_json(const ComplianceContext& context);
std::string render_compliance_csv(const ComplianceContext& context);

// Pieces the formats share.
// "file:line" of a finding.
std::string finding_location(const ScanResult& scan, const Finding& finding);
// The scan's input problems a reader must know about (errors and warnings, notes left out): a file
// that did not parse evidences nothing, an expired suppression no longer accepts its finding.
std::vector<const Diagnostic*> input_problems(const ScanResult& scan);
// "file:line: severity code: message".
std::string problem_text(const ScanResult& scan, const Diagnostic& diagnostic);
// What the iac flag means, in a few words.
std::string_view iac_meaning(std::string_view iac);
// What a status means, in one sentence (the reports' legend).
std::string_view status_meaning(ControlStatus status);

}  // namespace bulwark::compliance
