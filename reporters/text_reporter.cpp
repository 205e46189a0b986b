#include <algorithm>
#include <map>

#include "reporters/reporter.h"

namespace bulwark {
namespace {

struct Style {
    bool enabled;
    std::string_view operator()(std::string_view code) const { return enabled ? code : ""; }
};

constexpr std::string_view kReset = "\x1b[0m";
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

std::string plural(std::size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const Style style{context.color};
    std::string out;

    std::string current_file;
    for (const Finding& finding : scan.findings) {
        const Resource& resource = scan.graph.resource(finding.resource);
        const std::string& file = scan.path_of(finding.range.file);
        if (file != current_file) {
            if (!current_file.empty()) out += "\n";
            out += std::string(style(kBold)) + file + std::string(style(kReset)) + "\n";
            current_file = file;
        }
        const std::string where = std::to_string(finding.range.begin.line) + ":" +
                                  std::to_string(finding.range.begin.column);
        out += "  " + pad(where, 8);
        out += std::string(style(severity_colour(finding.severity))) +
               pad(std::string(to_string(finding.severity)), 9) + std::string(style(kReset));
        out += finding.message + "  " + std::string(style(kDim)) + finding.rule_id + " " +
               resource.address;
        // A module's resource may be reached from several root modules: name the root.
        if (resource.address.starts_with("module.") && resource.scope.starts_with("terraform:")) {
            out += " (root " + resource.scope.substr(10) + ")";
        }
        // A CDK resource found in a template: where the app creates its construct.
        if (resource.construct_source.valid()) {
            out += " (" + scan.path_of(resource.construct_source.file) + ":" +
                   std::to_string(resource.construct_source.begin.line) + ")";
        }
        out += std::string(style(kReset));
        if (finding.status == FindingStatus::Suppressed && finding.suppression) {
            out += "  (suppressed: " + finding.suppression->reason + ")";
        }
        out += "\n";
    }

    if (!scan.diagnostics.empty()) {
        if (!out.empty()) out += "\n";
        out += std::string(style(kBold)) + "Problems reading the input" +
               std::string(style(kReset)) + "\n";
        for (const Diagnostic& diagnostic : scan.diagnostics) {
            std::string where = scan.path_of(diagnostic.file);
            if (diagnostic.position.line != 0) {
                where += ":" + std::to_string(diagnostic.position.line) + ":" +
                         std::to_string(diagnostic.position.column);
            }
            out += "  " + where + ": " + std::string(to_string(diagnostic.severity)) + ": " +
                   diagnostic.message + "\n";
        }
    }

    std::map<Severity, std::size_t> by_severity;
    std::size_t failed = 0;
    for (const Finding& finding : scan.findings) {
        if (finding.status == FindingStatus::Failed) {
            ++failed;
            ++by_severity[finding.severity];
        }
    }
    if (!out.empty()) out += "\n";
    out += "Scanned " + plural(scan.counts.files, "file") + ", " +
           plural(scan.graph.resources().size(), "resource") + " with " +
           plural(scan.rules.size(), "rule") + ": " + plural(scan.counts.checks, "check") + ", " +
           std::to_string(scan.counts.passed) + " passed, " + std::to_string(failed) + " failed";
    if (failed > 0) {
        std::string parts;
        for (const auto& [severity, count] : by_severity) {
            if (!parts.empty()) parts += ", ";
            parts += std::to_string(count) + " " + std::string(to_string(severity));
        }
        out += " (" + parts + ")";
    }
    out += ", " + std::to_string(scan.counts.undecided) + " undecided";
    if (!scan.diagnostics.empty()) out += ", " + plural(scan.diagnostics.size(), "input problem");
    out += ".\n";
    return out;
}

std::string render_rule_list_text(const RuleCatalog& catalog) {
    std::size_t width = 0;
    for (const Rule& rule : catalog.rules())
        width = std::max(width, rule.id.size());
    std::string out;
    for (const Rule& rule : catalog.rules()) {
        out += pad(rule.id, width + 2) + pad(std::string(to_string(rule.severity)), 10) +
               rule.title + "\n";
    }
    out += plural(catalog.rules().size(), "rule") + "\n";
    return out;
}

std::string render_rule_details(const Rule& rule, const RuleCatalog& catalog) {
    std::string out;
    out += rule.id + "  (" + std::string(to_string(rule.severity)) + ")\n";
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
