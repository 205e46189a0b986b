// CSV (RFC 4180): a header row, then one row per result; CRLF line ends, fields quoted when they
// hold a comma, a quote or a line break.
#include "reporters/report_support.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

// Spreadsheets run a cell that starts with one of these as a formula; the text comes from the
// scanned code, so it is defused with a leading apostrophe (OWASP's advice for CSV injection).
bool looks_like_formula(std::string_view field) {
    return !field.empty() &&
           std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

std::string csv_field(std::string_view raw) {
    std::string text = report::valid_utf8(raw);
    if (looks_like_formula(text)) text.insert(0, 1, '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void add_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string render_csv(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const report::RuleIndex rules(scan);
    std::string out;
    add_row(out, {"rule_id", "title", "severity", "status", "file", "start_line", "start_column",
                  "end_line", "end_column", "resource", "resource_type", "message", "remediation",
                  "frameworks", "fingerprint", "suppression_reason"});
    for (const Finding& finding : scan.findings) {
        if (!reported(finding, context)) continue;
        const Resource& resource = scan.graph.resource(finding.resource);
        const Rule* rule = rules.find(finding.rule_id);
        std::string frameworks;
        if (rule) {
            for (const std::string& tag : report::framework_tags(*rule))
                frameworks += (frameworks.empty() ? "" : " ") + tag;
        }
        add_row(
            out,
            {finding.rule_id, rule ? rule->title : "", std::string(to_string(finding.severity)),
             std::string(to_string(finding.status)), scan.path_of(finding.range.file),
             std::to_string(finding.range.begin.line), std::to_string(finding.range.begin.column),
             std::to_string(finding.range.end.line), std::to_string(finding.range.end.column),
             resource.address, resource.type, finding.message,
             rule ? report::one_line(report::remediation_for(*rule, resource.format)) : "",
             frameworks, finding.fingerprint,
             finding.suppression ? finding.suppression->reason : ""});
    }
    return out;
}

}  // namespace bulwark
