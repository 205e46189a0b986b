// Control evidence: which rules evidence each control and what the scan says about them.
//
// A control's status combines its own rules' checks with its children's statuses, worst first:
// failing when any own check failed (unsuppressed) or any child is failing; else passing when any
// own check passed (or its finding was suppressed) or any child is passing; else not-applicable
// when own rules ran without a resource to check or a child is not-applicable; else manual. A
// control the framework marks `iac: none` is manual whatever maps to it. A heading that passes may
// still have children needing manual evidence; `descendants_manual` says how many, and the
// reports print it next to the status, so a passing heading never reads as fully evidenced.
#include "reporters/compliance/control_evidence.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace bulwark::compliance {

std::string_view to_string(ControlStatus status) {
    switch (status) {
        case ControlStatus::Passing:
            return "passing";
        case ControlStatus::Failing:
            return "failing";
        case ControlStatus::NotApplicable:
            return "not-applicable";
        case ControlStatus::Manual:
            return "manual";
    }
    return "manual";
}

std::size_t StatusCounts::total() const {
    std::size_t sum = 0;
    for (std::size_t count : by_status)
        sum += count;
    return sum;
}

namespace {

// The nearest control whose ID this one continues after a "." or "(", if any.
std::optional<std::size_t> find_parent(const std::string& id,
                                       const std::map<std::string_view, std::size_t>& index) {
    for (std::size_t cut = id.size(); cut-- > 1;) {
        if (id[cut] != '.' && id[cut] != '(') continue;
        auto found = index.find(std::string_view(id).substr(0, cut));
        if (found != index.end()) return found->second;
    }
    return std::nullopt;
}

void tally_own_checks(const ScanResult& scan, const Framework& framework,
                      std::vector<ControlEvidence>& controls,
                      const std::map<std::string_view, std::size_t>& index) {
    for (const report::CheckView& check : report::resolve_checks(scan)) {
        auto mapped = check.rule->frameworks.find(framework.key);
        if (mapped == check.rule->frameworks.end()) continue;
        for (const std::string& id : mapped->second) {
            auto found = index.find(id);
            if (found == index.end()) continue;
            ControlEvidence& control = controls[found->second];
            switch (check.outcome) {
                case report::Outcome::Passed:
                    ++control.passed;
                    break;
                case report::Outcome::Failed:
                case report::Outcome::Baselined:  // a known failure is still a failure to an auditor
                    ++control.failed;
                    if (check.finding) control.findings.push_back(check);
                    break;
                case report::Outcome::Suppressed:
                    ++control.suppressed;
                    if (check.finding) control.findings.push_back(check);
                    break;
                case report::Outcome::Undecided:
                    ++control.undecided;
                    break;
            }
        }
    }
    for (ControlEvidence& control : controls) {
        std::sort(control.findings.begin(), control.findings.end(),
                  [&](const report::CheckView& a, const report::CheckView& b) {
                      const SourceRange& ra = a.finding->range;
                      const SourceRange& rb = b.finding->range;
                      return std::tuple(scan.path_of(ra.file), ra.begin.line, a.rule->id,
                                        a.resource->address) < std::tuple(scan.path_of(rb.file),
                                                                          rb.begin.line, b.rule->id,
                                                                          b.resource->address);
                  });
    }
}

ControlStatus own_status(const ControlEvidence& control) {
    if (control.failed > 0) return ControlStatus::Failing;
    if (control.passed + control.suppressed > 0) return ControlStatus::Passing;
    if (!control.rules.empty() && control.checks() == 0) return ControlStatus::NotApplicable;
    return ControlStatus::Manual;  // no rule, or only undecided checks
}

// Statuses bottom-up: children before their parents.
void resolve_status(std::vector<ControlEvidence>& controls, std::size_t at) {
    ControlEvidence& control = controls[at];
    ControlStatus status = own_status(control);
    for (std::size_t child : control.children) {
        resolve_status(controls, child);
        status = std::min(status, controls[child].status, [](ControlStatus a, ControlStatus b) {
            // Worst first: failing, passing, not-applicable, manual.
            auto rank = [](ControlStatus s) {
                switch (s) {
                    case ControlStatus::Failing:
                        return 0;
                    case ControlStatus::Passing:
                        return 1;
                    case ControlStatus::NotApplicable:
                        return 2;
                    case ControlStatus::Manual:
                        return 3;
                }
                return 3;
            };
            return rank(a) < rank(b);
        });
        control.descendants_manual += controls[child].descendants_manual +
                                      (controls[child].status == ControlStatus::Manual ? 1 : 0);
    }
    if (control.control->iac == "none") status = ControlStatus::Manual;
    control.status = status;
}

}  // namespace

std::vector<std::vector<const Rule*>> rules_by_control(const Framework& framework,
                                                       const std::vector<const Rule*>& rules) {
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < framework.controls.size(); ++i)
        index.emplace(framework.controls[i].id, i);
    std::vector<std::vector<const Rule*>> mapped(framework.controls.size());
    for (const Rule* rule : rules) {
        auto controls = rule->frameworks.find(framework.key);
        if (controls == rule->frameworks.end()) continue;
        for (const std::string& id : controls->second) {
            auto found = index.find(id);
            if (found != index.end()) mapped[found->second].push_back(rule);
        }
    }
    for (auto& list : mapped) {
        std::sort(list.begin(), list.end(),
                  [](const Rule* a, const Rule* b) { return a->id < b->id; });
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return mapped;
}

std::vector<std::optional<std::size_t>> control_parents(const Framework& framework) {
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < framework.controls.size(); ++i)
        index.emplace(framework.controls[i].id, i);
    std::vector<std::optional<std::size_t>> parents;
    for (const FrameworkControl& control : framework.controls)
        parents.push_back(find_parent(control.id, index));
    return parents;
}

FrameworkEvidence evaluate_framework(const Framework& framework, const ScanResult& scan) {
    FrameworkEvidence evidence;
    evidence.framework = &framework;
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < framework.controls.size(); ++i) {
        index.emplace(framework.controls[i].id, i);
        ControlEvidence control;
        control.control = &framework.controls[i];
        evidence.controls.push_back(std::move(control));
    }
    auto mapped = rules_by_control(framework, scan.rules);
    for (std::size_t i = 0; i < evidence.controls.size(); ++i) {
        ControlEvidence& control = evidence.controls[i];
        control.rules = std::move(mapped[i]);
        control.parent = find_parent(control.control->id, index);
        if (control.parent) evidence.controls[*control.parent].children.push_back(i);
    }
    for (ControlEvidence& control : evidence.controls) {
        for (auto up = control.parent; up; up = evidence.controls[*up].parent)
            ++control.depth;
    }
    tally_own_checks(scan, framework, evidence.controls, index);
    for (std::size_t i = 0; i < evidence.controls.size(); ++i) {
        if (!evidence.controls[i].parent) resolve_status(evidence.controls, i);
    }

    std::map<std::string, std::size_t> family_index;
    for (std::size_t i = 0; i < evidence.controls.size(); ++i) {
        const ControlEvidence& control = evidence.controls[i];
        ++evidence.summary[control.status];
        auto [slot, added] =
            family_index.emplace(control.control->family, evidence.families.size());
        if (added) evidence.families.push_back({control.control->family, {}});
        ++evidence.families[slot->second].counts[control.status];
        if (control.control->iac == "none") evidence.not_evidencable.push_back(i);
    }
    return evidence;
}

}  // namespace bulwark::compliance
