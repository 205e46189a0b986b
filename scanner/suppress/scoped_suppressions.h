#pragma once

// The configuration file's suppressions (`suppressions.ignore`): accepted risks scoped by
// resource globs (construct paths, addresses) and file globs rather than written on the code.

#include <vector>

#include "suppress/suppressor.h"

namespace bulwark {

// Marks the findings the entries accept (findings already suppressed keep their first
// suppression) and returns the diagnostics about the entries, at their lines in the
// configuration file: unknown rule IDs and bad globs (the entry does not apply), missing
// required fields (does not apply), expired (no longer applies), and, when the input says the
// scan sees everything, entries that matched no finding.
std::vector<Diagnostic> apply_scoped_suppressions(std::vector<Finding>& findings,
                                                  const SuppressionInput& input,
                                                  const SuppressionOptions& options);

}  // namespace bulwark
