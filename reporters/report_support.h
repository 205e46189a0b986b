#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/scan.h"
#include "rules/rule.h"

// Pieces every reporter shares (and the compliance reports build on): rules by ID, the
// outcome of each check joined with its finding, counts that add up, remediation for the format a
// resource was written in, framework tags, and escaping.
namespace bulwark::report {

// The rules that ran, by ID, with their position in ScanResult::rules (SARIF's ruleIndex).
class RuleIndex {
  public:
    explicit RuleIndex(const ScanResult& scan);
    const Rule* find(std::string_view id) const;
    // Position in ScanResult::rules, or -1.
    long position(std::string_view id) const;

  private:
    std::map<std::string_view, std::size_t> by_id_;
    const ScanResult& scan_;
};

// What happened to one rule x resource check, as every report states it.
enum class Outcome { Passed, Failed, Suppressed, Baselined, Undecided };
std::string_view to_string(Outcome outcome);

struct CheckView {
    const Rule* rule = nullptr;
    const Resource* resource = nullptr;
    ResourceIndex resource_index = 0;
    Outcome outcome = Outcome::Passed;
    const Finding* finding = nullptr;  // set for Failed, Suppressed and Baselined
};

// Every check of the scan, in ScanResult::checks order (by rule, then resource), each joined
// with its finding.
std::vector<CheckView> resolve_checks(const ScanResult& scan);

// Counts as the JSON summary states them: checks = passed + failed + suppressed + undecided.
struct Totals {
    std::size_t checks = 0;
    std::size_t passed = 0;
    std::size_t failed = 0;  // findings not suppressed
    std::size_t suppressed = 0;
    std::size_t baselined = 0;  // accepted by a baseline or --diff-base
    std::size_t undecided = 0;
    std::size_t not_applicable = 0;
    std::size_t input_errors = 0;  // diagnostics of severity error
    std::map<Severity, std::size_t> failed_by_severity;
};
Totals totals(const ScanResult& scan);

// The remediation written for the resource's format (cloudformation, terraform or cdk), else the
// rule's default, else any; empty when the rule has none.
std::string_view remediation_for(const Rule& rule, SourceFormat format);
// The remediation key a source format reads: "cloudformation", "terraform" or "cdk".
std::string_view remediation_key(SourceFormat format);
// Folds line breaks and runs of blanks into single spaces.
std::string one_line(std::string_view text);

// "PCI-DSS-4.0", "SOC2", "NIST-800-53-R5": a framework key as tags and suite names show it.
std::string framework_label(std::string_view key);
// "PCI-DSS-4.0/3.5.1".
std::string framework_tag(std::string_view key, std::string_view control);
// A rule's control tags, interleaved across frameworks (first control of each framework, then the
// second, ...) so that a consumer that shows only the first few still shows every framework.
std::vector<std::string> framework_tags(const Rule& rule);

// "file:line:column" (or less when unknown).
std::string location_text(const ScanResult& scan, const SourceRange& range);

// Where a suppression outside the code is written ("file:line" of a configuration entry), or
// "" for comments and Metadata.
std::string suppression_location(const ScanResult& scan, const Suppression& suppression);

// Replaces bytes that are not UTF-8 with U+FFFD (input files may hold anything).
std::string valid_utf8(std::string_view text);

// Escapes &, <, >, " and ' and drops characters XML 1.0 forbids (other controls); the
// result is valid UTF-8. Also right for
// HTML text and attributes.
std::string xml_escape(std::string_view text);

// One RFC 4180 CSV field: quoted when it holds a comma, quote or line break; a leading formula
// character is defused with an apostrophe (CSV injection).
std::string csv_field(std::string_view text);

}  // namespace bulwark::report
