#pragma once

#include <string>
#include <vector>

namespace bulwark {

// The merged report, or (when `problem` is set) why the reports cannot be merged.
struct MergedReport {
    std::string text;
    std::string problem;
};

// `bulwark merge`: combines the reports of the parts of a sharded scan (`scan --shard I/N`) into
// the report the whole scan gives, byte for byte: counts add up, results and diagnostics go back
// into the scan's order, and a baseline entry is stale only when it is stale in every part.
MergedReport merge_json_reports(const std::vector<std::string>& reports);
MergedReport merge_sarif_reports(const std::vector<std::string>& reports);

}  // namespace bulwark
