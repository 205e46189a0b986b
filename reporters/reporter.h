#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/scan.h"
#include "rules/rule_catalog.h"

namespace bulwark {

// Everything a reporter may read. Reporters are pure functions from this to bytes: the same scan
// gives byte-identical output (sorted, no timestamps).
struct ReportContext {
    const ScanResult& scan;
    std::string_view tool_version;
    bool color = false;  // ANSI colours (text reporter, terminal only)
};

enum class OutputFormat { Text, Json, Resources };

std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view to_string(OutputFormat format);

std::string render(OutputFormat format, const ReportContext& context);

std::string render_text(const ReportContext& context);
std::string render_json(const ReportContext& context);
std::string render_resources(const ReportContext& context);

// `bulwark rules list` in text and JSON.
std::string render_rule_list_text(const RuleCatalog& catalog);
std::string render_rule_list_json(const RuleCatalog& catalog);
std::string render_rule_catalog_markdown(const RuleCatalog& catalog);
// `bulwark rules show ID`.
std::string render_rule_details(const Rule& rule, const RuleCatalog& catalog);

}  // namespace bulwark
