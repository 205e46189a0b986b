// The compliance report as JSON, for tools that collect audit evidence.
#include <nlohmann/json.hpp>

#include "reporters/compliance/compliance_report.h"

namespace bulwark::compliance {
namespace {

using Json = nlohmann::ordered_json;

Json metadata_json(const ComplianceContext& context) {
    const ReportMetadata& meta = context.metadata;
    const Framework& framework = *context.evidence.framework;
    Json out = {{"framework", framework.key},
                {"framework_title", framework.title},
                {"framework_version", framework.version},
                {"tool", "bulwark"},
                {"tool_version", meta.tool_version},
                {"rule_pack_sha256", meta.rule_pack_hash},
                {"paths", meta.paths},
                {"rule_options", meta.rule_options},
                {"files", context.scan.counts.files},
                {"resources", context.scan.graph.resources().size()},
                {"rules", context.scan.rules.size()}};
    if (meta.git)
        out["git"] = {{"commit", meta.git->commit}, {"dirty", meta.git->dirty}};
    else
        out["git"] = nullptr;
    if (!meta.timestamp.empty()) out["generated"] = meta.timestamp;
    return out;
}

Json counts_json(const StatusCounts& counts) {
    Json out = Json::object();
    for (ControlStatus status : kControlStatuses)
        out[std::string(to_string(status))] = counts[status];
    out["total"] = counts.total();
    return out;
}

Json finding_json(const ScanResult& scan, const report::CheckView& check) {
    Json out = {{"rule", check.rule->id},
                {"severity", to_string(check.finding->severity)},
                {"resource", check.resource->address},
                {"resource_type", check.resource->type},
                {"location", finding_location(scan, *check.finding)},
                {"message", check.finding->message}};
    if (const auto& suppression = check.finding->suppression) {
        out["suppression"] = {{"justification", suppression->reason},
                              {"owner", suppression->owner},
                              {"expires", suppression->expires},
                              {"source", suppression->source}};
    }
    return out;
}

Json control_json(const ComplianceContext& context, const ControlEvidence& control) {
    const auto& controls = context.evidence.controls;
    Json rules = Json::array();
    for (const Rule* rule : control.rules)
        rules.push_back(rule->id);
    Json children = Json::array();
    for (std::size_t child : control.children)
        children.push_back(controls[child].control->id);
    Json failing = Json::array();
    Json suppressed = Json::array();
    for (const report::CheckView& check : control.findings) {
        (check.outcome == report::Outcome::Suppressed ? suppressed : failing)
            .push_back(finding_json(context.scan, check));
    }
    Json out = {{"id", control.control->id},
                {"title", control.control->title},
                {"family", control.control->family},
                {"iac", control.control->iac}};
    if (!control.control->note.empty()) out["note"] = control.control->note;
    out["status"] = to_string(control.status);
    out["parent"] = control.parent ? Json(controls[*control.parent].control->id) : Json(nullptr);
    out["children"] = children;
    out["children_needing_manual_evidence"] = control.descendants_manual;
    out["rules"] = rules;
    out["checks"] = {{"passed", control.passed},
                     {"failed", control.failed},
                     {"suppressed", control.suppressed},
                     {"undecided", control.undecided}};
    out["failing"] = failing;
    out["suppressed"] = suppressed;
    return out;
}

}  // namespace

std::string render_compliance_json(const ComplianceContext& context) {
    const FrameworkEvidence& evidence = context.evidence;
    Json families = Json::array();
    for (const FamilyEvidence& family : evidence.families)
        families.push_back({{"family", family.family}, {"controls", counts_json(family.counts)}});
    Json controls = Json::array();
    for (const ControlEvidence& control : evidence.controls)
        controls.push_back(control_json(context, control));
    Json manual = Json::array();
    for (std::size_t i : evidence.not_evidencable)
        manual.push_back(evidence.controls[i].control->id);
    Json problems = Json::array();
    for (const Diagnostic* diagnostic : input_problems(context.scan)) {
        problems.push_back({{"file", context.scan.path_of(diagnostic->file)},
                            {"line", diagnostic->position.line},
                            {"severity", to_string(diagnostic->severity)},
                            {"code", to_string(diagnostic->code)},
                            {"message", diagnostic->message}});
    }
    Json out = {{"report", metadata_json(context)},
                {"summary", counts_json(evidence.summary)},
                {"input_problems", problems},
                {"families", families},
                {"controls", controls},
                {"not_evidencable_by_iac", manual}};
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace bulwark::compliance
