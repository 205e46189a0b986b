#include "baseline/apply_baseline.h"

#include <unordered_set>

namespace bulwark {

Baseline baseline_of(const ScanResult& result) {
    Baseline baseline;
    for (const Finding& finding : result.findings) {
        if (finding.status != FindingStatus::Failed) continue;
        const Resource& resource = result.graph.resource(finding.resource);
        baseline.entries.push_back(BaselineEntry{finding.fingerprint, finding.rule_id,
                                                 resource.address, result.path_of(resource.file)});
    }
    normalize(baseline);
    return baseline;
}

void apply_baseline(ScanResult& result, const Baseline& baseline, std::string source) {
    std::unordered_set<std::string_view> accepted;
    accepted.reserve(baseline.entries.size());
    for (const BaselineEntry& entry : baseline.entries)
        accepted.insert(entry.fingerprint);
    std::unordered_set<std::string_view> found;
    found.reserve(result.findings.size());
    if (!result.baseline) result.baseline.emplace();
    BaselineSummary& summary = *result.baseline;
    summary.sources.push_back(std::move(source));
    summary.entries += baseline.entries.size();
    for (Finding& finding : result.findings) {
        found.insert(finding.fingerprint);
        if (finding.status != FindingStatus::Failed || !accepted.count(finding.fingerprint))
            continue;
        finding.status = FindingStatus::Baselined;
        ++summary.baselined;
        ++result.counts.baselined;
        --result.counts.failed;
    }
    for (const BaselineEntry& entry : baseline.entries) {
        if (!found.count(entry.fingerprint)) summary.stale.push_back(entry);
    }
}

}  // namespace bulwark
