// GitLab code quality report (the Code Climate subset GitLab reads): a JSON array of issues
// shown in merge request widgets and diffs.
#include <nlohmann/json.hpp>

#include <map>

#include "reporters/report_support.h"
#include "reporters/reporter.h"
#include "util/sha256.h"

namespace bulwark {
namespace {

using Json = nlohmann::ordered_json;

std::string_view gitlab_severity(Severity severity) {
    switch (severity) {
        case Severity::Critical:
            return "blocker";
        case Severity::High:
            return "critical";
        case Severity::Medium:
            return "major";
        case Severity::Low:
            return "minor";
        case Severity::Info:
            return "info";
    }
    return "major";
}

std::string_view gitlab_severity(DiagnosticSeverity severity) {
    switch (severity) {
        case DiagnosticSeverity::Error:
            return "major";
        case DiagnosticSeverity::Warning:
            return "minor";
        case DiagnosticSeverity::Note:
            return "info";
    }
    return "minor";
}

Json location_of(const std::string& path, std::uint32_t begin, std::uint32_t end) {
    Json lines = {{"begin", begin == 0 ? 1 : begin}};
    if (end > begin) lines["end"] = end;
    return {{"path", path}, {"lines", lines}};
}

}  // namespace

std::string render_gitlab(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const report::RuleIndex rules(scan);
    Json issues = Json::array();
    for (const Finding& finding : scan.findings) {
        if (finding.status != FindingStatus::Failed) continue;
        const Resource& resource = scan.graph.resource(finding.resource);
        const Rule* rule = rules.find(finding.rule_id);
        Json issue;
        issue["type"] = "issue";
        issue["check_name"] = finding.rule_id;
        issue["description"] = report::valid_utf8(finding.message + ": " + resource.address + " (" +
                                                  resource.type + ")");
        if (rule) {
            const std::string fix =
                report::one_line(report::remediation_for(*rule, resource.format));
            if (!fix.empty()) issue["content"] = {{"body", rule->title + ". Fix: " + fix}};
        }
        issue["categories"] = Json::array({"Security"});
        issue["severity"] = gitlab_severity(finding.severity);
        issue["fingerprint"] = finding.fingerprint;
        issue["location"] = location_of(scan.path_of(finding.range.file), finding.range.begin.line,
                                        finding.range.end.line);
        issues.push_back(std::move(issue));
    }
    std::map<std::string, int> seen;  // the same problem twice in a file needs two fingerprints
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        if (diagnostic.file == kNoFile) continue;
        const std::string& path = scan.path_of(diagnostic.file);
        Json issue;
        issue["type"] = "issue";
        issue["check_name"] = "bulwark-input-" + std::string(to_string(diagnostic.code));
        issue["description"] = report::valid_utf8(diagnostic.message);
        issue["categories"] = Json::array({"Bug Risk"});
        issue["severity"] = gitlab_severity(diagnostic.severity);
        // Line numbers stay out of the fingerprint, as for findings, so edits above do not
        // reopen it.
        std::string material =
            std::string(to_string(diagnostic.code)) + '\0' + path + '\0' + diagnostic.message;
        if (const int n = seen[material]++; n > 0) material += '\0' + std::to_string(n);
        issue["fingerprint"] = sha256_hex(material).substr(0, 32);
        issue["location"] = location_of(path, diagnostic.position.line, 0);
        issues.push_back(std::move(issue));
    }
    return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace bulwark
