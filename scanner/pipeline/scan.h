#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "baseline/baseline_file.h"
#include "discovery/discover.h"
#include "model/diagnostic.h"
#include "model/finding.h"
#include "model/graph.h"
#include "model/source_excerpts.h"
#include "pipeline/frontend.h"
#include "pipeline/scan_units.h"
#include "rules/rule_catalog.h"
#include "suppress/suppressor.h"

namespace bulwark {

// Live counters a caller may watch from another thread (a progress indicator). The scan only
// writes them; it never reads them back.
struct ScanProgress {
    std::atomic<std::size_t> files_total{0};
    std::atomic<std::size_t> files_read{0};
    std::atomic<std::size_t> rules_total{0};
    std::atomic<std::size_t> rules_done{0};
};

struct ScanOptions {
    DiscoveryOptions discovery;
    unsigned threads = 0;                          // 0: one per core
    std::size_t max_file_size = 16 * 1024 * 1024;  // larger files are reported and skipped
    std::vector<const Rule*> rules;                // the rules to run (already filtered)
    // Every rule that exists (IDs a suppression may name even when the rule did not run).
    std::vector<const Rule*> known_rules;
    SuppressionOptions suppressions;
    ScanProgress* progress = nullptr;  // optional, owned by the caller
    // Source lines quoted around each finding (the offending lines, up to this many).
    std::uint32_t max_excerpt_lines = 8;
    // Scan only this part of the scan units (`--shard I/N`); the default is the whole scan.
    ShardSpec shard;
};

struct ScanCounts {
    std::size_t files = 0;   // files a front-end recognised and read
    std::size_t checks = 0;  // rule x resource evaluations
    std::size_t passed = 0;
    std::size_t failed = 0;          // findings that are not suppressed
    std::size_t suppressed = 0;      // findings accepted by a suppression
    std::size_t baselined = 0;       // findings accepted by a baseline (or --diff-base)
    std::size_t undecided = 0;       // could not be decided before deployment
    std::size_t not_applicable = 0;  // the rule's `when` excluded the resource
};

enum class CheckStatus : std::uint8_t { Passed, Failed, Undecided };

// One evaluation of a rule against a resource it applies to. A failed check has exactly one
// finding (same rule ID and resource), which says whether it is suppressed.
struct CheckRecord {
    std::uint32_t rule = 0;  // index into ScanResult::rules
    ResourceIndex resource = 0;
    CheckStatus status = CheckStatus::Passed;
};

struct ScanResult {
    std::filesystem::path root;
    std::vector<std::string> files;  // FileId -> path relative to the root
    Graph graph;
    std::vector<const Rule*> rules;       // the rules that ran, by ID
    std::vector<Finding> findings;        // sorted by file, line, rule, resource
    std::vector<Diagnostic> diagnostics;  // sorted by file, line, column
    std::vector<CheckRecord> checks;      // every check (not the not-applicable), by rule, resource
    SourceExcerpts excerpts;              // the lines findings and diagnostics point at
    ScanCounts counts;
    std::optional<BaselineSummary> baseline;  // set when a baseline was applied
    // The configuration file's entry in `files` when its suppressions applied (it is not one of
    // the scanned files: `counts.files` leaves it out).
    std::optional<FileId> config_file;

    const std::string& path_of(FileId file) const;
};

// Runs the whole pipeline: discover, read and parse in parallel, build the graph, evaluate rules.
// Discovery errors (a path that does not exist) are returned as diagnostics without a file.
ScanResult scan(const ScanOptions& options, std::span<const std::unique_ptr<Frontend>> frontends);

}  // namespace bulwark
