// The compliance report as CSV (RFC 4180, CRLF): one row per control, for the control matrix an
// auditor keeps in a spreadsheet. Lists inside a cell are separated by "; ".
#include "reporters/compliance/compliance_report.h"

namespace bulwark::compliance {
namespace {

void add_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += report::csv_field(fields[i]);
    }
    out += "\r\n";
}

void append(std::string& list, std::string_view item) {
    if (!list.empty()) list += "; ";
    list += item;
}

}  // namespace

std::string render_compliance_csv(const ComplianceContext& context) {
    const FrameworkEvidence& evidence = context.evidence;
    std::string out;
    add_row(out, {"framework", "control_id", "title", "family", "iac", "status", "parent",
                  "children_needing_manual_evidence", "rules", "passed", "failed", "suppressed",
                  "undecided", "failing_resources", "suppressions"});
    for (const ControlEvidence& control : evidence.controls) {
        std::string rules;
        for (const Rule* rule : control.rules)
            append(rules, rule->id);
        std::string failing;
        std::string suppressions;
        for (const report::CheckView& check : control.findings) {
            const std::string where = check.rule->id + " " + check.resource->address + " (" +
                                      finding_location(context.scan, *check.finding) + ")";
            if (check.outcome != report::Outcome::Suppressed) {
                append(failing, where);
                continue;
            }
            const Suppression& s = *check.finding->suppression;
            std::string entry = where + ": " + s.reason;
            if (!s.owner.empty()) entry += ", owner " + s.owner;
            if (!s.expires.empty()) entry += ", expires " + s.expires;
            append(suppressions, entry);
        }
        add_row(
            out,
            {evidence.framework->key, control.control->id, control.control->title,
             control.control->family, control.control->iac, std::string(to_string(control.status)),
             control.parent ? evidence.controls[*control.parent].control->id : "",
             std::to_string(control.descendants_manual), rules, std::to_string(control.passed),
             std::to_string(control.failed), std::to_string(control.suppressed),
             std::to_string(control.undecided), failing, suppressions});
    }
    return out;
}

}  // namespace bulwark::compliance
