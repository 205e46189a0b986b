#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/scan.h"
#include "rules/rule_catalog.h"

namespace bulwark {

// Everything a reporter may read. Reporters are pure functions from this to bytes: the same scan
// gives byte-identical output (sorted, no timestamps).
// SARIF limits GitHub code scanning enforces (README, "SARIF and GitHub code scanning").
inline constexpr std::size_t kSarifMaxResults = 25000;
inline constexpr std::size_t kSarifMaxTagsPerRule = 20;

enum class JunitGrouping { Rule, Control };

struct ReportContext {
    const ScanResult& scan;
    std::string_view tool_version;
    bool color = false;  // ANSI colours (text reporter, terminal only)
    // SARIF: run.automationDetails.id, so several uploads for one commit keep distinct categories
    // ("bulwark/" when empty).
    std::string_view sarif_category = {};
    // SARIF: include suppressed findings (with `suppressions`); GitHub ignores suppressions, so
    // they are left out by default.
    bool sarif_include_suppressed = false;
    JunitGrouping junit_by = JunitGrouping::Rule;
    std::size_t sarif_max_results = kSarifMaxResults;  // lowered by tests
    // Show findings a baseline accepted (--show-baselined); the counts always include them.
    bool show_baselined = false;
};

// Whether a finding appears in a findings list: baselined ones only when asked for.
inline bool reported(const Finding& finding, const ReportContext& context) {
    return finding.status != FindingStatus::Baselined || context.show_baselined;
}

enum class OutputFormat { Text, Json, Resources, Sarif, Junit, Csv, Github, Gitlab };

// Every format, in the order `--help` lists them.
inline constexpr OutputFormat kOutputFormats[] = {
    OutputFormat::Text, OutputFormat::Json,   OutputFormat::Sarif,  OutputFormat::Junit,
    OutputFormat::Csv,  OutputFormat::Github, OutputFormat::Gitlab, OutputFormat::Resources};

std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view to_string(OutputFormat format);

std::string render(OutputFormat format, const ReportContext& context);

std::string render_text(const ReportContext& context);
std::string render_json(const ReportContext& context);
std::string render_resources(const ReportContext& context);
std::string render_sarif(const ReportContext& context);
std::string render_junit(const ReportContext& context);
std::string render_csv(const ReportContext& context);
std::string render_github(const ReportContext& context);
std::string render_gitlab(const ReportContext& context);

// `bulwark rules list` in text and JSON.
// `shown`: the rules to list (a configuration's selection); every rule when null.
std::string render_rule_list_text(const RuleCatalog& catalog,
                                  const std::vector<const Rule*>* shown = nullptr);
std::string render_rule_list_json(const RuleCatalog& catalog,
                                  const std::vector<const Rule*>* shown = nullptr);
std::string render_rule_catalog_markdown(const RuleCatalog& catalog);
// `bulwark rules show ID`.
std::string render_rule_details(const Rule& rule, const RuleCatalog& catalog);

}  // namespace bulwark
