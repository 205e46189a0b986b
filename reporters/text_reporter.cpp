#include <algorithm>
#include <map>

#include "reporters/report_support.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

struct Style {
    bool enabled;
    std::string operator()(std::string_view code, std::string_view text) const {
        if (!enabled) return std::string(text);
        return std::string(code) + std::string(text) + "\x1b[0m";
    }
};

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_colour(Severity severity) {
    switch (severity) {
        case Severity::Critical:
            return "\x1b[1;35m";
        case Severity::High:
            return "\x1b[1;31m";
        case Severity::Medium:
            return "\x1b[33m";
        case Severity::Low:
            return "\x1b[36m";
        case Severity::Info:
            return "\x1b[2m";
    }
    return "";
}

std::string pad(std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

std::string pad_left(std::string text, std::size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
}

std::string plural(std::size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// The marker line under a snippet: blanks up to the first column (tabs kept, so it lines up),
// then carets to the end of the range on that line. Columns count bytes; the marker counts
// characters, so UTF-8 continuation bytes are skipped.
std::string marker(const std::string& line, std::uint32_t from, std::uint32_t to) {
    std::string out;
    const std::size_t begin = from > 0 ? std::min<std::size_t>(from - 1, line.size()) : 0;
    std::size_t end = to > from ? std::min<std::size_t>(to - 1, line.size()) : line.size();
    if (end <= begin) end = std::min(line.size(), begin + 1);
    for (std::size_t i = 0; i < begin; ++i) {
        const char c = line[i];
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
        out += c == '\t' ? '\t' : ' ';
    }
    std::size_t carets = 0;
    for (std::size_t i = begin; i < end; ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++carets;
    out.append(std::max<std::size_t>(carets, 1), '^');
    return out;
}

// The offending lines with their numbers, and a marker under the first one.
std::string snippet(const ScanResult& scan, const SourceRange& range, const Style& style,
                    std::string_view colour) {
    if (!range.valid()) return {};
    const std::uint32_t last = std::max(range.begin.line, range.end.line);
    const std::size_t width = std::to_string(last).size();
    std::string out;
    for (std::uint32_t number = range.begin.line; number <= last; ++number) {
        const std::string* line = scan.excerpts.line(range.file, number);
        if (line == nullptr) break;
        out += "    " + style(kDim, pad_left(std::to_string(number), width) + " | ") +
               report::valid_utf8(*line) + "\n";
        if (number == range.begin.line) {
            const std::uint32_t to = range.end.line == range.begin.line ? range.end.column : 0;
            out += "    " + style(kDim, std::string(width, ' ') + " | ") +
                   style(colour, marker(*line, range.begin.column, to)) + "\n";
        }
    }
    return out;
}

}  // namespace

// The baseline line under the summary; the stale entries themselves with --show-baselined.
std::string baseline_text(const BaselineSummary& summary, bool list_stale) {
    std::string sources;
    for (const std::string& source : summary.sources)
        sources += (sources.empty() ? "" : ", ") + source;
    std::string out =
        "Baseline " + sources + ": " + std::to_string(summary.entries) +
        (summary.entries == 1 ? " entry" : " entries") + ", " + std::to_string(summary.baselined) +
        " matched, " + std::to_string(summary.stale.size()) +
        " stale (no longer found; re-create the baseline to drop them" +
        (list_stale || summary.stale.empty() ? ")" : ", --show-baselined lists them)") + ".\n";
    if (!list_stale) return out;
    for (const BaselineEntry& entry : summary.stale)
        out += "  stale: " + entry.file + "  " + entry.resource + "  " + entry.rule_id + "\n";
    return out;
}

std::string render_text(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const Style style{context.color};
    const report::RuleIndex rules(scan);
    std::string out;

    std::string current_file;
    for (const Finding& finding : scan.findings) {
        if (!reported(finding, context)) continue;
        const Resource& resource = scan.graph.resource(finding.resource);
        const Rule* rule = rules.find(finding.rule_id);
        const std::string& file = scan.path_of(finding.range.file);
        if (file != current_file) {
            if (!current_file.empty()) out += "\n";
            out += style(kBold, file) + "\n";
            current_file = file;
        }
        const std::string_view colour = severity_colour(finding.severity);
        std::string heading = "  " + style(colour, pad(upper(to_string(finding.severity)), 9)) +
                              report::location_text(scan, finding.range) + "  " +
                              (rule ? style(kBold, rule->title) : std::string()) + "\n";
        out += heading;
        std::string what = finding.message;
        if (!finding.detail.empty()) what += ": " + finding.detail;
        what += ": " + resource.address + " (" + resource.type + ")";
        // A module's resource may be reached from several root modules: name the root.
        if (resource.address.starts_with("module.") && resource.scope.starts_with("terraform:"))
            what += ", root " + resource.scope.substr(10);
        // A CDK resource found in a template: where the app creates its construct.
        if (resource.construct_source.valid()) {
            what += " (" + scan.path_of(resource.construct_source.file) + ":" +
                    std::to_string(resource.construct_source.begin.line) + ")";
        }
        out +=
            "           " + report::valid_utf8(what) + "  " + style(kDim, finding.rule_id) + "\n";
        if (finding.status == FindingStatus::Suppressed && finding.suppression) {
            std::string by = finding.suppression->source;
            if (std::string at = report::suppression_location(scan, *finding.suppression);
                !at.empty())
                by += " " + at;
            out += "           suppressed (" + by + "): " + finding.suppression->reason + "\n";
        }
        if (finding.status == FindingStatus::Baselined)
            out += "           baselined: known before; does not fail the gate\n";
        out += snippet(scan, finding.range, style, colour);
        if (rule) {
            const std::string fix =
                report::one_line(report::remediation_for(*rule, resource.format));
            if (!fix.empty()) out += "           fix: " + fix + "\n";
        }
    }

    if (!scan.diagnostics.empty()) {
        if (!out.empty()) out += "\n";
        out += style(kBold, "Problems reading the input") + "\n";
        for (const Diagnostic& diagnostic : scan.diagnostics) {
            std::string where = scan.path_of(diagnostic.file);
            if (diagnostic.position.line != 0) {
                where += ":" + std::to_string(diagnostic.position.line) + ":" +
                         std::to_string(diagnostic.position.column);
            }
            out += "  " + where + ": " + std::string(to_string(diagnostic.severity)) + ": " +
                   report::valid_utf8(diagnostic.message) + "\n";
        }
    }

    const report::Totals totals = report::totals(scan);
    if (!out.empty()) out += "\n";
    out += style(kBold, "Summary") + "\n";
    auto row = [&](std::string label, std::size_t count, std::string_view colour = {}) {
        std::string text = "  " + pad(std::move(label), 16) + pad_left(std::to_string(count), 6);
        out += (colour.empty() || count == 0 ? text : style(colour, text)) + "\n";
    };
    row("passed", totals.passed);
    row("failed", totals.failed);
    for (Severity s :
         {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
        auto it = totals.failed_by_severity.find(s);
        row("  " + std::string(to_string(s)),
            it == totals.failed_by_severity.end() ? 0 : it->second, severity_colour(s));
    }
    row("suppressed", totals.suppressed);
    if (scan.baseline) row("baselined", totals.baselined);
    row("undecided", totals.undecided);
    row("not applicable", totals.not_applicable);
    row("input problems", scan.diagnostics.size());

    out += "\nScanned " + plural(scan.counts.files, "file") + ", " +
           plural(scan.graph.resources().size(), "resource") + " with " +
           plural(scan.rules.size(), "rule") + ": " + plural(totals.checks, "check") + ", " +
           std::to_string(totals.passed) + " passed, " + std::to_string(totals.failed) + " failed";
    if (totals.failed > 0) {
        std::string parts;
        for (const auto& [severity, count] : totals.failed_by_severity) {
            if (!parts.empty()) parts += ", ";
            parts += std::to_string(count) + " " + std::string(to_string(severity));
        }
        out += " (" + parts + ")";
    }
    if (totals.suppressed > 0) out += ", " + std::to_string(totals.suppressed) + " suppressed";
    if (scan.baseline) out += ", " + std::to_string(totals.baselined) + " baselined";
    out += ", " + std::to_string(totals.undecided) + " undecided";
    if (!scan.diagnostics.empty()) out += ", " + plural(scan.diagnostics.size(), "input problem");
    out += ".\n";
    if (scan.baseline) out += baseline_text(*scan.baseline, context.show_baselined);
    return out;
}

std::string render_rule_list_text(const RuleCatalog& catalog,
                                  const std::vector<const Rule*>* shown) {
    std::vector<const Rule*> all;
    if (shown == nullptr) {
        for (const Rule& rule : catalog.rules())
            all.push_back(&rule);
        shown = &all;
    }
    std::size_t width = 0;
    for (const Rule* rule : *shown)
        width = std::max(width, rule->id.size());
    std::string out;
    for (const Rule* rule : *shown) {
        out += pad(rule->id, width + 2) + pad(std::string(to_string(rule->severity)), 10) +
               rule->title + "\n";
    }
    out += plural(shown->size(), "rule") + "\n";
    return out;
}

std::string render_rule_details(const Rule& rule, const RuleCatalog& catalog) {
    std::string out;
    out += rule.id + "  (" + std::string(to_string(rule.severity)) +
           (rule.pack.empty() ? "" : ", " + rule.pack + " pack") + ")\n";
    out += rule.title + "\n\n";
    out += rule.description;
    if (!out.ends_with('\n')) out += "\n";
    out += "\nApplies to: ";
    for (std::size_t i = 0; i < rule.resource_types.size(); ++i) {
        out += (i ? ", " : "") + rule.resource_types[i];
    }
    out += "\n\nRemediation:\n";
    for (const auto& [format, text] : rule.remediation) {
        out += "  " + format + ": " + text;
        if (!out.ends_with('\n')) out += "\n";
    }
    if (!rule.frameworks.empty()) {
        out += "\nFrameworks:\n";
        for (std::string_view key : kFrameworkKeys) {
            auto it = rule.frameworks.find(std::string(key));
            if (it == rule.frameworks.end()) continue;
            auto framework = catalog.frameworks().find(std::string(key));
            for (const std::string& control : it->second) {
                out += "  " + std::string(key) + " " + control;
                if (framework != catalog.frameworks().end()) {
                    if (const FrameworkControl* c = framework->second.find(control)) {
                        out += "  " + c->title;
                    }
                }
                out += "\n";
            }
        }
    }
    if (!rule.parameters.empty()) {
        out += "\nParameters (set with --rule-param " + rule.id + ".NAME=VALUE):\n";
        for (const RuleParameter& parameter : rule.parameters) {
            out += "  " + parameter.name + " (" + std::string(parameter_type_name(parameter.type)) +
                   ") = " + describe(parameter.value);
            if (describe(parameter.value) != describe(parameter.default_value)) {
                out += " (default " + describe(parameter.default_value) + ")";
            }
            out += "\n      " + parameter.description + "\n";
        }
    }
    if (!rule.crossrefs.empty()) {
        out += "\nEquivalent checks:\n";
        for (const auto& [tool, ids] : rule.crossrefs) {
            std::string list;
            for (const std::string& id : ids)
                list += (list.empty() ? "" : ", ") + id;
            out += "  " + tool + ": " + list + "\n";
        }
    }
    if (!rule.references.empty()) {
        out += "\nReferences:\n";
        for (const std::string& reference : rule.references)
            out += "  " + reference + "\n";
    }
    out += "\nDefined in " + rule.source + "\n";
    return out;
}

}  // namespace bulwark
