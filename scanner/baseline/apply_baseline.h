#pragma once

#include <string>
#include <vector>

#include "baseline/baseline_file.h"
#include "pipeline/scan.h"

namespace bulwark {

// The baseline that accepts every failing finding of `result` (suppressed findings are accepted
// already, by their suppression, and stay out).
Baseline baseline_of(const ScanResult& result);

// Marks the failing findings whose fingerprint the baseline holds as baselined, moves them from
// the failed to the baselined count, and records in `result.baseline` what it did. Suppressed
// findings keep their suppression. Several baselines may be applied in turn (a file and
// --diff-base); an entry is stale when no finding of the scan, whatever its status, has its
// fingerprint.
void apply_baseline(ScanResult& result, const Baseline& baseline, std::string source);

}  // namespace bulwark
