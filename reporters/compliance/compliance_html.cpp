// The compliance report as one self-contained HTML page: inline CSS and an inline SVG chart, no
// script, no external asset, so it works offline, can be archived with the audit evidence and
// prints cleanly. Every piece of text from rule files or scanned code is escaped.
#include "reporters/compliance/compliance_report.h"

#include <algorithm>
#include <cstdio>

namespace bulwark::compliance {
namespace {

std::string esc(std::string_view text) {
    return report::xml_escape(text);
}

constexpr std::string_view kStyle = R"css(
:root{--passing:#2e7d32;--failing:#c62828;--not-applicable:#78909c;--manual:#f9a825;--ink:#1d2330;--muted:#5b6475;--line:#d9dde5}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:0 0 6px}
.sub{color:var(--muted);margin:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;background:#f4f6f9}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f3f6;padding:0 3px;border-radius:3px;overflow-wrap:anywhere}
table.meta th{width:220px}
#controls td:first-child{white-space:nowrap}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:8px 0 16px}
.card{flex:1 1 150px;border:1px solid var(--line);border-top:6px solid;border-radius:6px;padding:10px 14px}
.card .count{display:block;font-size:30px;font-weight:700}
.card.passing{border-top-color:var(--passing)}.card.failing{border-top-color:var(--failing)}
.card.not-applicable{border-top-color:var(--not-applicable)}.card.manual{border-top-color:var(--manual)}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.badge.passing{background:var(--passing)}.badge.failing{background:var(--failing)}
.badge.not-applicable{background:var(--not-applicable)}.badge.manual{background:var(--manual);color:#1d2330}
.legend{list-style:none;padding:0;display:flex;gap:16px;flex-wrap:wrap;color:var(--muted);font-size:13px}
.legend span{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
figure{margin:0}
article.control{border:1px solid var(--line);border-left:6px solid var(--manual);border-radius:6px;padding:10px 14px;margin:0 0 12px}
article.control.passing{border-left-color:var(--passing)}article.control.failing{border-left-color:var(--failing)}
article.control.not-applicable{border-left-color:var(--not-applicable)}
article.control ul{margin:4px 0;padding-left:20px}
.muted{color:var(--muted)}
@media print{body{max-width:none;padding:0;font-size:11px}h2{break-after:avoid}article.control,tr,figure{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

std::string status_class(ControlStatus status) {
    return std::string(to_string(status));
}

std::string badge(ControlStatus status) {
    return "<span class=\"badge " + status_class(status) + "\">" + std::string(to_string(status)) +
           "</span>";
}

std::string_view status_color(ControlStatus status) {
    switch (status) {
        case ControlStatus::Passing:
            return "#2e7d32";
        case ControlStatus::Failing:
            return "#c62828";
        case ControlStatus::NotApplicable:
            return "#78909c";
        case ControlStatus::Manual:
            return "#f9a825";
    }
    return "#f9a825";
}

void metadata(std::string& out, const ComplianceContext& context) {
    const ReportMetadata& meta = context.metadata;
    out += "<section id=\"scan\"><h2>Scan</h2><table class=\"meta\">\n";
    out += "<tr><th>Tool</th><td>bulwark " + esc(meta.tool_version) + "</td></tr>\n";
    out += "<tr><th>Rule pack (SHA-256)</th><td><code id=\"rule-pack-hash\">" +
           esc(meta.rule_pack_hash) + "</code></td></tr>\n";
    out += "<tr><th>Scanned paths</th><td>";
    for (std::size_t i = 0; i < meta.paths.size(); ++i)
        out += (i ? ", " : "") + std::string("<code>") + esc(meta.paths[i]) + "</code>";
    out += "</td></tr>\n";
    if (!meta.rule_options.empty()) {
        out += "<tr><th>Rule options</th><td>";
        for (std::size_t i = 0; i < meta.rule_options.size(); ++i)
            out +=
                (i ? "<br>" : "") + std::string("<code>") + esc(meta.rule_options[i]) + "</code>";
        out += "</td></tr>\n";
    }
    out += "<tr><th>Git commit</th><td>";
    if (meta.git) {
        out += "<code>" + esc(meta.git->commit) + "</code> " +
               (meta.git->dirty ? "with uncommitted changes" : "(clean)");
    } else {
        out += "none: not in a git work tree, or git is not available";
    }
    out += "</td></tr>\n";
    if (!meta.timestamp.empty())
        out += "<tr><th>Generated</th><td>" + esc(meta.timestamp) + "</td></tr>\n";
    out += "<tr><th>Files, resources, rules</th><td>" + std::to_string(context.scan.counts.files) +
           ", " + std::to_string(context.scan.graph.resources().size()) + ", " +
           std::to_string(context.scan.rules.size()) + "</td></tr>\n</table></section>\n";
}

// Horizontal bars, one per family, split by status: the shape of the framework at a glance.
void family_chart(std::string& out, const FrameworkEvidence& evidence) {
    constexpr int kLabel = 130, kBar = 560, kRow = 24, kTop = 8;
    std::size_t widest = 1;
    for (const FamilyEvidence& family : evidence.families)
        widest = std::max(widest, family.counts.total());
    const int height = kTop * 2 + kRow * static_cast<int>(evidence.families.size());
    out +=
        "<figure id=\"family-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" "
        "viewBox=\"0 0 " +
        std::to_string(kLabel + kBar + 60) + " " + std::to_string(height) +
        "\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">Control status "
        "per family</title>\n";
    int y = kTop;
    for (const FamilyEvidence& family : evidence.families) {
        out += "<g class=\"family\" data-family=\"" + esc(family.family) + "\">";
        out += "<text x=\"" + std::to_string(kLabel - 8) + "\" y=\"" + std::to_string(y + 16) +
               "\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d2330\">" + esc(family.family) +
               "</text>";
        double x = kLabel;
        for (ControlStatus status : kControlStatuses) {
            const std::size_t count = family.counts[status];
            if (count == 0) continue;
            const double width = static_cast<double>(kBar) * static_cast<double>(count) /
                                 static_cast<double>(widest);
            char geometry[96];
            std::snprintf(geometry, sizeof geometry,
                          "x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"", x, y + 3, width,
                          kRow - 6);
            out += "<rect class=\"" + status_class(status) + "\" " + geometry + " fill=\"" +
                   std::string(status_color(status)) + "\"><title>" + esc(family.family) + ": " +
                   std::to_string(count) + " " + std::string(to_string(status)) + "</title></rect>";
            x += width;
        }
        out += "<text x=\"" + std::to_string(static_cast<int>(x) + 6) + "\" y=\"" +
               std::to_string(y + 16) + "\" font-size=\"12\" fill=\"#5b6475\">" +
               std::to_string(family.counts.total()) + "</text></g>\n";
        y += kRow;
    }
    out += "</svg><figcaption><ul class=\"legend\">";
    for (ControlStatus status : kControlStatuses) {
        out += "<li><span style=\"background:" + std::string(status_color(status)) + "\"></span>" +
               std::string(to_string(status)) + "</li>";
    }
    out += "</ul></figcaption></figure>\n";
}

void summary(std::string& out, const FrameworkEvidence& evidence) {
    out += "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">\n";
    for (ControlStatus status : kControlStatuses) {
        out += "<div class=\"card " + status_class(status) + "\" data-status=\"" +
               status_class(status) + "\"><span class=\"count\">" +
               std::to_string(evidence.summary[status]) + "</span>" +
               std::string(to_string(status)) + "</div>\n";
    }
    out += "</div>\n<table class=\"legend-table\">";
    for (ControlStatus status : kControlStatuses) {
        out += "<tr><td>" + badge(status) + "</td><td>" + std::string(status_meaning(status)) +
               "</td></tr>";
    }
    out += "</table>\n<p class=\"muted\">" + std::to_string(evidence.summary.total()) +
           " controls in all. A heading's status counts the requirements under it; a control that "
           "infrastructure code cannot evidence is always manual.</p>\n";
    out += "<h3>Status per family</h3>\n";
    family_chart(out, evidence);
    out += "</section>\n";
}

void controls_table(std::string& out, const FrameworkEvidence& evidence) {
    out +=
        "<section id=\"controls\"><h2>Controls</h2><table><thead><tr><th>Control</th>"
        "<th>Title</th><th>IaC</th><th>Status</th><th class=\"num\">Rules</th></tr></thead>"
        "<tbody>\n";
    for (const ControlEvidence& control : evidence.controls) {
        const std::string id = esc(control.control->id);
        out += "<tr class=\"control-row\" data-control=\"" + id +
               "\"><td style=\"padding-left:" + std::to_string(8 + 14 * control.depth) + "px\">";
        const bool detailed = !control.rules.empty() || control.status != ControlStatus::Manual;
        out += detailed ? "<a href=\"#evidence-" + id + "\">" + id + "</a>" : id;
        out += "</td><td>" + esc(control.control->title) + "</td><td>" + esc(control.control->iac) +
               "</td><td>" + badge(control.status) + "</td><td class=\"num\">" +
               std::to_string(control.rules.size()) + "</td></tr>\n";
    }
    out += "</tbody></table></section>\n";
}

void control_article(std::string& out, const ComplianceContext& context,
                     const ControlEvidence& control) {
    const FrameworkControl& c = *control.control;
    out += "<article class=\"control " + status_class(control.status) + "\" id=\"evidence-" +
           esc(c.id) + "\"><h3>" + esc(c.id) + " " + esc(c.title) + " " + badge(control.status) +
           "</h3>\n<ul>";
    if (control.descendants_manual > 0) {
        out += "<li>" + std::to_string(control.descendants_manual) +
               " requirements under it need manual evidence</li>";
    }
    out += "<li>IaC: " + esc(c.iac) + " (" + std::string(iac_meaning(c.iac)) + ")";
    if (!c.note.empty()) out += ". " + esc(c.note);
    out += "</li><li>Rules: ";
    if (control.rules.empty()) out += "none directly; evidenced through the requirements under it";
    for (std::size_t i = 0; i < control.rules.size(); ++i)
        out += (i ? ", " : "") + std::string("<code>") + esc(control.rules[i]->id) + "</code>";
    out += "</li>";
    if (!control.rules.empty()) {
        out += "<li>Checks: " + std::to_string(control.passed) + " passed, " +
               std::to_string(control.failed) + " failed, " + std::to_string(control.suppressed) +
               " suppressed, " + std::to_string(control.undecided) +
               " undecided until deployment</li>";
    }
    out += "</ul>\n";
    std::string failing;
    std::string suppressed;
    for (const report::CheckView& check : control.findings) {
        const std::string where = "<code>" + esc(check.rule->id) + "</code> on <code>" +
                                  esc(check.resource->address) + "</code> at <code>" +
                                  esc(finding_location(context.scan, *check.finding)) + "</code>";
        if (check.outcome == report::Outcome::Suppressed) {
            const Suppression& s = *check.finding->suppression;
            std::string reason = esc(s.reason);
            if (std::string at = report::suppression_location(context.scan, s); !at.empty())
                reason += " <small>(" + esc(s.source + " " + at) + ")</small>";
            suppressed += "<tr><td>" + where + "</td><td>" + reason + "</td><td>" +
                          esc(s.owner.empty() ? "-" : s.owner) + "</td><td>" +
                          esc(s.expires.empty() ? "no expiry" : s.expires) + "</td></tr>\n";
        } else {
            failing += "<tr><td>" + where + "</td><td>" + esc(to_string(check.finding->severity)) +
                       "</td><td>" + esc(check.finding->message) + "</td></tr>\n";
        }
    }
    if (!failing.empty()) {
        out +=
            "<table class=\"failing\"><thead><tr><th>Failing resource</th><th>Severity</th>"
            "<th>Finding</th></tr></thead><tbody>\n" +
            failing + "</tbody></table>\n";
    }
    if (!suppressed.empty()) {
        out +=
            "<table class=\"suppressed\"><thead><tr><th>Suppressed</th><th>Justification</th>"
            "<th>Owner</th><th>Expires</th></tr></thead><tbody>\n" +
            suppressed + "</tbody></table>\n";
    }
    out += "</article>\n";
}

void manual_section(std::string& out, const FrameworkEvidence& evidence) {
    out +=
        "<section id=\"manual\"><h2>Controls infrastructure code cannot evidence</h2>\n<p>These "
        "need evidence from processes, people or the running environment; this report does "
        "not cover them.</p>\n<ul>";
    for (std::size_t i : evidence.not_evidencable) {
        const FrameworkControl& c = *evidence.controls[i].control;
        out += "<li data-control=\"" + esc(c.id) + "\">" + esc(c.id) + " " + esc(c.title) + "</li>";
    }
    out +=
        "</ul>\n<h3>Controls no rule of this scan evidences</h3>\n<p>Infrastructure code could "
        "show at least part of these, but no rule that ran maps to them: they need manual "
        "evidence too.</p>\n<ul>";
    for (const ControlEvidence& control : evidence.controls) {
        if (control.control->iac == "none" || control.status != ControlStatus::Manual) continue;
        out += "<li data-control=\"" + esc(control.control->id) + "\">" + esc(control.control->id) +
               " " + esc(control.control->title) + "</li>";
    }
    out += "</ul></section>\n";
}

}  // namespace

std::string render_compliance_html(const ComplianceContext& context) {
    const FrameworkEvidence& evidence = context.evidence;
    const std::string title = "Compliance report: " + esc(evidence.framework->title);
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>" +
        title + "</title>\n<style>" + std::string(kStyle) +
        "</style></head>\n<body>\n<header><h1>" + title + "</h1><p class=\"sub\">" +
        esc(evidence.framework->publisher) +
        ". Control evidence from infrastructure code, by Bulwark.</p></header>\n";
    metadata(out, context);
    summary(out, evidence);
    if (const auto problems = input_problems(context.scan); !problems.empty()) {
        out +=
            "<section id=\"input-problems\"><h2>Input problems</h2>\n<p>What a file that could "
            "not be read would have evidenced is missing from this report; an expired "
            "suppression accepts nothing any more.</p>\n<ul>";
        for (const Diagnostic* diagnostic : problems)
            out += "<li><code>" + esc(problem_text(context.scan, *diagnostic)) + "</code></li>";
        out += "</ul></section>\n";
    }
    controls_table(out, evidence);
    out += "<section id=\"evidence\"><h2>Evidence per control</h2>\n";
    for (const ControlEvidence& control : evidence.controls) {
        if (control.rules.empty() && control.status == ControlStatus::Manual) continue;
        control_article(out, context, control);
    }
    out += "</section>\n";
    manual_section(out, evidence);
    out += "</body></html>\n";
    return out;
}

}  // namespace bulwark::compliance
