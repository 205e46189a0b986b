#include "reporters/compliance/compliance_report.h"

namespace bulwark::compliance {

std::optional<ComplianceFormat> parse_compliance_format(std::string_view name) {
    if (name == "html") return ComplianceFormat::Html;
    if (name == "md" || name == "markdown") return ComplianceFormat::Markdown;
    if (name == "json") return ComplianceFormat::Json;
    if (name == "csv") return ComplianceFormat::Csv;
    return std::nullopt;
}

std::string render_compliance(ComplianceFormat format, const ComplianceContext& context) {
    switch (format) {
        case ComplianceFormat::Html:
            return render_compliance_html(context);
        case ComplianceFormat::Markdown:
            return render_compliance_markdown(context);
        case ComplianceFormat::Json:
            return render_compliance_json(context);
        case ComplianceFormat::Csv:
            return render_compliance_csv(context);
    }
    return {};
}

std::string finding_location(const ScanResult& scan, const Finding& finding) {
    std::string out = scan.path_of(finding.range.file);
    if (finding.range.begin.line != 0) out += ":" + std::to_string(finding.range.begin.line);
    return out;
}

std::vector<const Diagnostic*> input_problems(const ScanResult& scan) {
    std::vector<const Diagnostic*> problems;
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        if (diagnostic.severity != DiagnosticSeverity::Note) problems.push_back(&diagnostic);
    }
    return problems;
}

std::string problem_text(const ScanResult& scan, const Diagnostic& diagnostic) {
    std::string out = scan.path_of(diagnostic.file);
    if (diagnostic.position.line != 0) out += ":" + std::to_string(diagnostic.position.line);
    return out + ": " + std::string(to_string(diagnostic.severity)) + " " +
           std::string(to_string(diagnostic.code)) + ": " + diagnostic.message;
}

std::string_view iac_meaning(std::string_view iac) {
    if (iac == "full") return "infrastructure code can show it on its own";
    if (iac == "partial")
        return "infrastructure code shows the technical part; process evidence is also needed";
    return "infrastructure code cannot evidence it";
}

std::string_view status_meaning(ControlStatus status) {
    switch (status) {
        case ControlStatus::Passing:
            return "Rules evidence the control and every check passed (suppressed findings are "
                   "listed as accepted exceptions).";
        case ControlStatus::Failing:
            return "At least one check of a rule that evidences the control failed.";
        case ControlStatus::NotApplicable:
            return "Rules evidence the control, but no resource of their kinds was scanned.";
        case ControlStatus::Manual:
            return "Nothing in the scan evidences the control: collect evidence outside the code.";
    }
    return "";
}

}  // namespace bulwark::compliance
