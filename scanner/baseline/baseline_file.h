#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bulwark {

// The format version `bulwark baseline create` writes; readers reject other versions.
inline constexpr int kBaselineVersion = 1;

// One accepted finding. The fingerprint is the identity (rule, resource address, file and root
// scope, never a line); rule, resource and file are there for the humans reviewing the file.
struct BaselineEntry {
    std::string fingerprint;
    std::string rule_id;
    std::string resource;
    std::string file;

    friend bool operator==(const BaselineEntry&, const BaselineEntry&) = default;
};

// Entries sorted by file, rule, resource, fingerprint, each fingerprint once.
struct Baseline {
    std::vector<BaselineEntry> entries;
};

// Sorts and de-duplicates by fingerprint (keeping the first of equal fingerprints).
void normalize(Baseline& baseline);

// The baseline file: versioned JSON, deterministic (sorted, no timestamps), so that it diffs well
// under review.
std::string render_baseline(const Baseline& baseline);

// Reads a baseline file; a message saying what is wrong (with the line when known) otherwise.
std::variant<Baseline, std::string> parse_baseline(std::string_view text);

// What applying a baseline did, for the reports: how many entries it has, how many findings it
// accepted, and the entries no finding matches any more (fixed, renamed or moved: they can be
// pruned by re-creating the baseline).
struct BaselineSummary {
    std::vector<std::string> sources;  // the baseline file(s), or "git:REV" for --diff-base
    std::size_t entries = 0;
    std::size_t baselined = 0;  // findings the baseline accepted
    std::vector<BaselineEntry> stale;
};

}  // namespace bulwark
