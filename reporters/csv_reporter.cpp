// CSV (RFC 4180): a header row, then one row per result; CRLF line ends, fields quoted when they
// hold a comma, a quote or a line break.
#include "reporters/report_support.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

void add_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += report::csv_field(fields[i]);
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
    // Input problems (a file that did not parse, was too large, ...) are rows too: a spreadsheet
    // of results must not look complete when part of the code was not read.
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        const std::string line = std::to_string(diagnostic.position.line);
        const std::string column = std::to_string(diagnostic.position.column);
        add_row(out, {"bulwark-input-" + std::string(to_string(diagnostic.code)), "input problem",
                      std::string(to_string(diagnostic.severity)), "input-problem",
                      scan.path_of(diagnostic.file), line, column, line, column, "", "",
                      diagnostic.message, "", "", "", ""});
    }
    return out;
}

}  // namespace bulwark
