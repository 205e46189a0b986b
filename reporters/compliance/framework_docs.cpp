#include "reporters/compliance/framework_docs.h"

#include "reporters/compliance/control_evidence.h"
#include "reporters/report_support.h"

namespace bulwark::compliance {
namespace {

std::vector<const Rule*> active_rules(const RuleCatalog& catalog) {
    std::vector<const Rule*> rules;
    for (const Rule& rule : catalog.rules()) {
        if (rule.deprecated_by.empty()) rules.push_back(&rule);
    }
    return rules;
}

// Table cells: no pipes or line breaks from the data.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : report::one_line(text)) {
        if (c == '|') out += '\\';
        out += c;
    }
    return out;
}

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "0%";
    return std::to_string((part * 100 + whole / 2) / whole) + "%";
}

constexpr std::string_view kGenerated =
    "Generated from `rules/frameworks/` and the rules' `frameworks` mappings by `bulwark rules "
    "framework` and `bulwark rules frameworks`. Do not edit by hand: run `scripts/update-docs`. "
    "A test fails when these files are stale.\n\n";

}  // namespace

FrameworkCoverage framework_coverage(const Framework& framework, const RuleCatalog& catalog) {
    FrameworkCoverage coverage;
    const auto mapped = rules_by_control(framework, active_rules(catalog));
    for (std::size_t i = 0; i < framework.controls.size(); ++i) {
        ++coverage.total;
        if (framework.controls[i].iac != "none") ++coverage.evidencable;
        if (!mapped[i].empty()) ++coverage.touched;
    }
    return coverage;
}

std::string render_framework_markdown(const Framework& framework, const RuleCatalog& catalog) {
    const auto mapped = rules_by_control(framework, active_rules(catalog));
    const FrameworkCoverage coverage = framework_coverage(framework, catalog);
    std::string out = "# " + framework.title + ": evidence from infrastructure code\n\n";
    out += kGenerated;
    out += std::to_string(coverage.touched) + " of " + std::to_string(coverage.total) +
           " controls are evidenced by rules; " + std::to_string(coverage.evidencable) +
           " could be evidenced at least in part by infrastructure code (`iac` full or partial), "
           "the others need manual evidence. `bulwark report --framework " +
           framework.key + "` reports them against a scan.\n\n";
    out +=
        "IaC: **full** = infrastructure code shows the control on its own; **partial** = it "
        "shows the technical part, process evidence is still needed; **none** = a process, "
        "people or physical control.\n\n";
    // Headings without rules of their own are evidenced through the requirements under them.
    const auto parents = control_parents(framework);
    std::vector<std::size_t> mapped_below(framework.controls.size(), 0);
    for (std::size_t i = 0; i < framework.controls.size(); ++i) {
        if (mapped[i].empty()) continue;
        for (auto up = parents[i]; up; up = parents[*up])
            ++mapped_below[*up];
    }
    out += "| Control | Title | IaC | Evidenced by |\n| --- | --- | --- | --- |\n";
    for (std::size_t i = 0; i < framework.controls.size(); ++i) {
        const FrameworkControl& control = framework.controls[i];
        std::string evidence;
        for (const Rule* rule : mapped[i])
            evidence += (evidence.empty() ? "`" : "<br>`") + rule->id + "`";
        if (evidence.empty() && mapped_below[i] > 0) {
            evidence = "through " + std::to_string(mapped_below[i]) + " requirement" +
                       (mapped_below[i] == 1 ? "" : "s") + " under it";
        }
        if (evidence.empty()) evidence = "manual evidence";
        std::string iac = control.iac;
        if (!control.note.empty()) iac += ": " + cell(control.note);
        out += "| " + cell(control.id) + " | " + cell(control.title) + " | " + iac + " | " +
               evidence + " |\n";
    }
    return out;
}

std::string render_framework_index_markdown(const RuleCatalog& catalog) {
    std::string out = "# Frameworks\n\n";
    out += kGenerated;
    out +=
        "Per framework: the controls at least one rule evidences (touched), the controls "
        "infrastructure code could evidence at least in part (`iac` full or partial), and all "
        "controls of the framework file. The rest needs manual evidence; compliance reports "
        "(`bulwark report`) list it.\n\n";
    out +=
        "| Framework | Touched | IaC-evidencable | Total | Touched of evidencable |\n"
        "| --- | ---: | ---: | ---: | ---: |\n";
    for (std::string_view key : kFrameworkKeys) {
        auto found = catalog.frameworks().find(std::string(key));
        if (found == catalog.frameworks().end()) continue;
        const Framework& framework = found->second;
        const FrameworkCoverage coverage = framework_coverage(framework, catalog);
        out += "| [" + framework.title + "](" + framework.key + ".md) | " +
               std::to_string(coverage.touched) + " | " + std::to_string(coverage.evidencable) +
               " | " + std::to_string(coverage.total) + " | " +
               percent(coverage.touched, coverage.evidencable) + " |\n";
    }
    return out;
}

}  // namespace bulwark::compliance
