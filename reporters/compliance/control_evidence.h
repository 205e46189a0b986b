#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/scan.h"
#include "reporters/report_support.h"
#include "rules/rule_catalog.h"

// What a scan evidences about each control of one framework: computed from the framework file,
// the rules' `frameworks` mappings and the scan's checks, never kept by hand.
namespace bulwark::compliance {

// The outcome of a control, as the compliance reports state it.
//   passing        rules evidence it and every check of them passed (suppressed findings are
//                  accepted exceptions: listed, not failing)
//   failing        at least one check of its rules failed, unsuppressed
//   not-applicable its rules ran but no resource of their kinds was scanned
//   manual         nothing in the scan evidences it: the framework marks it `iac: none`, no rule
//                  maps to it, or its checks could only be decided at deployment
enum class ControlStatus { Passing, Failing, NotApplicable, Manual };
inline constexpr std::array<ControlStatus, 4> kControlStatuses = {
    ControlStatus::Passing, ControlStatus::Failing, ControlStatus::NotApplicable,
    ControlStatus::Manual};
std::string_view to_string(ControlStatus status);

// Per-status tallies, indexed by ControlStatus.
struct StatusCounts {
    std::array<std::size_t, 4> by_status{};
    std::size_t& operator[](ControlStatus status) {
        return by_status[static_cast<std::size_t>(status)];
    }
    std::size_t operator[](ControlStatus status) const {
        return by_status[static_cast<std::size_t>(status)];
    }
    std::size_t total() const;
};

struct ControlEvidence {
    const FrameworkControl* control = nullptr;
    // Headings: a control is the parent of the controls whose IDs continue its own after a "." or
    // "(" (PCI "1.2" -> "1.2.1", GDPR "32" -> "32(1)(a)", NIST "AC-2" -> "AC-2(1)"); a heading's
    // status also counts its children's (see control_evidence.cpp).
    std::optional<std::size_t> parent;  // index into FrameworkEvidence::controls
    std::vector<std::size_t> children;
    std::size_t depth = 0;
    std::size_t descendants_manual = 0;  // controls under it that need manual evidence
    // The rules that ran and map to this control directly, by ID.
    std::vector<const Rule*> rules;
    // Its own rules' checks (children not included).
    std::size_t passed = 0;
    std::size_t failed = 0;
    std::size_t suppressed = 0;
    std::size_t undecided = 0;
    // Its own rules' failed and suppressed checks, by file, line, rule.
    std::vector<report::CheckView> findings;
    ControlStatus status = ControlStatus::Manual;

    bool is_heading() const { return !children.empty(); }
    std::size_t checks() const { return passed + failed + suppressed + undecided; }
};

struct FamilyEvidence {
    std::string family;
    StatusCounts counts;
};

struct FrameworkEvidence {
    const Framework* framework = nullptr;
    std::vector<ControlEvidence> controls;  // in the framework file's order
    StatusCounts summary;                   // over every control, headings included
    std::vector<FamilyEvidence> families;   // in order of first appearance
    // Controls infrastructure code cannot evidence (iac: none), in framework order.
    std::vector<std::size_t> not_evidencable;
};

// The direct rule mapping of each control (same order as framework.controls), rules by ID.
std::vector<std::vector<const Rule*>> rules_by_control(const Framework& framework,
                                                       const std::vector<const Rule*>& rules);

// Each control's parent (see ControlEvidence::parent), same order as framework.controls.
std::vector<std::optional<std::size_t>> control_parents(const Framework& framework);

FrameworkEvidence evaluate_framework(const Framework& framework, const ScanResult& scan);

}  // namespace bulwark::compliance
