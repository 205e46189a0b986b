// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per failed
// finding and per input problem, which GitHub shows as annotations on the pull request's files.
#include "reporters/report_support.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

// Escaping as the Actions runner reads it back: % and line breaks everywhere, and also : and ,
// inside property values.
std::string escape_data(std::string_view text) {
    std::string out;
    for (char c : report::valid_utf8(text)) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string escape_property(std::string_view text) {
    std::string out;
    for (char c : escape_data(text)) {
        if (c == ':')
            out += "%3A";
        else if (c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

std::string_view command_of(Severity severity) {
    switch (severity) {
        case Severity::Critical:
        case Severity::High:
            return "error";
        case Severity::Medium:
            return "warning";
        case Severity::Low:
        case Severity::Info:
            return "notice";
    }
    return "warning";
}

std::string_view command_of(DiagnosticSeverity severity) {
    switch (severity) {
        case DiagnosticSeverity::Error:
            return "error";
        case DiagnosticSeverity::Warning:
            return "warning";
        case DiagnosticSeverity::Note:
            return "notice";
    }
    return "warning";
}

std::string position(const SourceRange& range) {
    std::string out;
    if (range.begin.line == 0) return out;
    out += ",line=" + std::to_string(range.begin.line);
    if (range.end.line >= range.begin.line && range.end.line != 0)
        out += ",endLine=" + std::to_string(range.end.line);
    // GitHub reads columns only for a single-line annotation.
    if (range.begin.column != 0 && range.end.line == range.begin.line) {
        out += ",col=" + std::to_string(range.begin.column);
        if (range.end.column > range.begin.column)
            out += ",endColumn=" + std::to_string(range.end.column);
    }
    return out;
}

}  // namespace

std::string render_github(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const report::RuleIndex rules(scan);
    std::string out;
    for (const Finding& finding : scan.findings) {
        if (finding.status != FindingStatus::Failed) continue;
        const Resource& resource = scan.graph.resource(finding.resource);
        const Rule* rule = rules.find(finding.rule_id);
        const std::string title = (rule ? rule->title : finding.rule_id) + " (" +
                                  std::string(to_string(finding.severity)) + ")";
        std::string message = finding.message + ": " + resource.address + " (" + resource.type +
                              ") [" + finding.rule_id + "]";
        if (rule) {
            const std::string fix =
                report::one_line(report::remediation_for(*rule, resource.format));
            if (!fix.empty()) message += "\nFix: " + fix;
        }
        out += "::" + std::string(command_of(finding.severity)) +
               " file=" + escape_property(scan.path_of(finding.range.file)) +
               position(finding.range) + ",title=" + escape_property(title) +
               "::" + escape_data(message) + "\n";
    }
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        std::string properties;
        if (diagnostic.file != kNoFile) {
            properties =
                " file=" + escape_property(scan.path_of(diagnostic.file)) +
                position(SourceRange{diagnostic.file, diagnostic.position, diagnostic.position}) +
                ",";
        } else {
            properties = " ";
        }
        properties += "title=" + escape_property("Bulwark could not read this input (" +
                                                 std::string(to_string(diagnostic.code)) + ")");
        out += "::" + std::string(command_of(diagnostic.severity)) + properties +
               "::" + escape_data(diagnostic.message) + "\n";
    }
    return out;
}

}  // namespace bulwark
