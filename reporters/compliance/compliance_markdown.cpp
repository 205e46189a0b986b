// The compliance report as Markdown (GitHub flavour), for a pull request or a wiki page.
#include "reporters/compliance/compliance_report.h"

namespace bulwark::compliance {
namespace {

// Text from rule files and scanned code must not turn into Markdown syntax or HTML.
std::string md(std::string_view raw) {
    std::string out;
    for (char c : report::valid_utf8(report::one_line(raw))) {
        if (std::string_view("\\`*_[]<>|#~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string rule_list(const std::vector<const Rule*>& rules) {
    if (rules.empty()) return "none";
    std::string out;
    for (const Rule* rule : rules)
        out += (out.empty() ? "`" : ", `") + rule->id + "`";
    return out;
}

void metadata(std::string& out, const ComplianceContext& context) {
    const ReportMetadata& meta = context.metadata;
    out += "## Scan\n\n| | |\n| --- | --- |\n";
    out += "| Tool | bulwark " + md(meta.tool_version) + " |\n";
    out += "| Rule pack (SHA-256) | `" + meta.rule_pack_hash + "` |\n";
    std::string paths;
    for (const std::string& path : meta.paths)
        paths += (paths.empty() ? "" : ", ") + md(path);
    out += "| Scanned paths | " + paths + " |\n";
    if (!meta.rule_options.empty()) {
        std::string options;
        for (const std::string& option : meta.rule_options)
            options += (options.empty() ? "" : "<br>") + md(option);
        out += "| Rule options | " + options + " |\n";
    }
    if (meta.git) {
        out += "| Git commit | `" + meta.git->commit + "`" +
               (meta.git->dirty ? " with uncommitted changes" : " (clean)") + " |\n";
    } else {
        out += "| Git commit | none: not in a git work tree, or git is not available |\n";
    }
    if (!meta.timestamp.empty()) out += "| Generated | " + md(meta.timestamp) + " |\n";
    out += "| Files, resources, rules | " + std::to_string(context.scan.counts.files) + ", " +
           std::to_string(context.scan.graph.resources().size()) + ", " +
           std::to_string(context.scan.rules.size()) + " |\n\n";
}

void summary(std::string& out, const FrameworkEvidence& evidence) {
    out += "## Summary\n\n| Status | Controls | Meaning |\n| --- | ---: | --- |\n";
    for (ControlStatus status : kControlStatuses) {
        out += "| " + std::string(to_string(status)) + " | " +
               std::to_string(evidence.summary[status]) + " | " +
               std::string(status_meaning(status)) + " |\n";
    }
    out += "| total | " + std::to_string(evidence.summary.total()) + " | |\n\n";
    out += "### By family\n\n| Family |";
    for (ControlStatus status : kControlStatuses)
        out += " " + std::string(to_string(status)) + " |";
    out += "\n| --- |";
    for (std::size_t i = 0; i < kControlStatuses.size(); ++i)
        out += " ---: |";
    out += "\n";
    for (const FamilyEvidence& family : evidence.families) {
        out += "| " + md(family.family) + " |";
        for (ControlStatus status : kControlStatuses)
            out += " " + std::to_string(family.counts[status]) + " |";
        out += "\n";
    }
    out += "\n";
}

void control_section(std::string& out, const ComplianceContext& context,
                     const ControlEvidence& control) {
    const FrameworkControl& c = *control.control;
    out += "### " + md(c.id) + " " + md(c.title) + "\n\n";
    out += "- Status: **" + std::string(to_string(control.status)) + "**";
    if (control.descendants_manual > 0)
        out += " (" + std::to_string(control.descendants_manual) +
               " requirements under it need manual evidence)";
    out += "\n- IaC: " + c.iac + " (" + std::string(iac_meaning(c.iac)) + ")";
    if (!c.note.empty()) out += ". " + md(c.note);
    out += "\n- Rules: " + rule_list(control.rules) + "\n";
    if (!control.rules.empty()) {
        out += "- Checks: " + std::to_string(control.passed) + " passed, " +
               std::to_string(control.failed) + " failed, " + std::to_string(control.suppressed) +
               " suppressed, " + std::to_string(control.undecided) +
               " undecided until deployment\n";
    }
    for (const report::CheckView& check : control.findings) {
        const std::string where = "`" + check.rule->id + "` on " + md(check.resource->address) +
                                  " at " + md(finding_location(context.scan, *check.finding));
        if (check.outcome == report::Outcome::Suppressed) {
            const Suppression& s = *check.finding->suppression;
            out += "- Suppressed: " + where + ": " + md(s.reason);
            if (!s.owner.empty()) out += "; owner " + md(s.owner);
            out += s.expires.empty() ? "; no expiry" : "; expires " + md(s.expires);
            out += "\n";
        } else {
            out += "- Failing: " + where + ": " + md(check.finding->message) + "\n";
        }
    }
    out += "\n";
}

}  // namespace

std::string render_compliance_markdown(const ComplianceContext& context) {
    const FrameworkEvidence& evidence = context.evidence;
    const Framework& framework = *evidence.framework;
    std::string out = "# Compliance report: " + md(framework.title) + "\n\n";
    out +=
        "Control evidence from infrastructure code. Controls under a heading count towards the "
        "heading's status; a control that infrastructure code cannot evidence is always "
        "manual.\n\n";
    metadata(out, context);
    summary(out, evidence);
    if (const auto problems = input_problems(context.scan); !problems.empty()) {
        out +=
            "## Input problems\n\nWhat a file that could not be read would have evidenced is "
            "missing from this report; an expired suppression accepts nothing any more.\n\n";
        for (const Diagnostic* diagnostic : problems)
            out += "- " + md(problem_text(context.scan, *diagnostic)) + "\n";
        out += "\n";
    }

    out +=
        "## Controls\n\n| Control | Title | IaC | Status | Rules |\n| --- | --- | --- | --- | ---: "
        "|\n";
    for (const ControlEvidence& control : evidence.controls) {
        out += "| " + md(control.control->id) + " | " + md(control.control->title) + " | " +
               control.control->iac + " | " + std::string(to_string(control.status)) + " | " +
               std::to_string(control.rules.size()) + " |\n";
    }
    out +=
        "\n## Evidence per control\n\nEvery control that rules evidence, directly or through "
        "the requirements under it.\n\n";
    for (const ControlEvidence& control : evidence.controls) {
        if (control.rules.empty() && control.status == ControlStatus::Manual) continue;
        control_section(out, context, control);
    }
    out +=
        "## Controls infrastructure code cannot evidence\n\nThese need evidence from processes, "
        "people or the running environment; this report does not cover them.\n\n";
    for (std::size_t i : evidence.not_evidencable) {
        const FrameworkControl& c = *evidence.controls[i].control;
        out += "- " + md(c.id) + " " + md(c.title) + "\n";
    }
    if (evidence.not_evidencable.empty()) out += "None.\n";
    out +=
        "\n### Controls no rule of this scan evidences\n\nInfrastructure code could show at "
        "least part of these, but no rule that ran maps to them: they need manual evidence "
        "too.\n\n";
    std::size_t unmapped = 0;
    for (const ControlEvidence& control : evidence.controls) {
        if (control.control->iac == "none" || control.status != ControlStatus::Manual) continue;
        out += "- " + md(control.control->id) + " " + md(control.control->title) + "\n";
        ++unmapped;
    }
    if (unmapped == 0) out += "None.\n";
    return out;
}

}  // namespace bulwark::compliance
