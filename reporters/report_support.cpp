#include "reporters/report_support.h"

#include <unordered_map>

namespace bulwark::report {

RuleIndex::RuleIndex(const ScanResult& scan) : scan_(scan) {
    for (std::size_t i = 0; i < scan.rules.size(); ++i)
        by_id_.emplace(scan.rules[i]->id, i);
}

const Rule* RuleIndex::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : scan_.rules[it->second];
}

long RuleIndex::position(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? -1 : static_cast<long>(it->second);
}

std::string_view to_string(Outcome outcome) {
    switch (outcome) {
        case Outcome::Passed:
            return "passed";
        case Outcome::Failed:
            return "failed";
        case Outcome::Suppressed:
            return "suppressed";
        case Outcome::Baselined:
            return "baselined";
        case Outcome::Undecided:
            return "undecided";
    }
    return "passed";
}

std::vector<CheckView> resolve_checks(const ScanResult& scan) {
    // A failed check and its finding share rule ID and resource.
    std::unordered_map<std::string_view, std::unordered_map<ResourceIndex, const Finding*>> found;
    for (const Finding& finding : scan.findings)
        found[finding.rule_id][finding.resource] = &finding;
    std::vector<CheckView> views;
    views.reserve(scan.checks.size());
    for (const CheckRecord& record : scan.checks) {
        CheckView view;
        view.rule = scan.rules[record.rule];
        view.resource = &scan.graph.resource(record.resource);
        view.resource_index = record.resource;
        switch (record.status) {
            case CheckStatus::Passed:
                view.outcome = Outcome::Passed;
                break;
            case CheckStatus::Undecided:
                view.outcome = Outcome::Undecided;
                break;
            case CheckStatus::Failed: {
                view.outcome = Outcome::Failed;
                auto rule = found.find(view.rule->id);
                if (rule != found.end()) {
                    auto finding = rule->second.find(record.resource);
                    if (finding != rule->second.end()) view.finding = finding->second;
                }
                if (view.finding && view.finding->status == FindingStatus::Suppressed)
                    view.outcome = Outcome::Suppressed;
                if (view.finding && view.finding->status == FindingStatus::Baselined)
                    view.outcome = Outcome::Baselined;
                break;
            }
        }
        views.push_back(view);
    }
    return views;
}

Totals totals(const ScanResult& scan) {
    Totals t;
    t.checks = scan.counts.checks;
    t.passed = scan.counts.passed;
    t.undecided = scan.counts.undecided;
    t.not_applicable = scan.counts.not_applicable;
    for (const Finding& finding : scan.findings) {
        if (finding.status == FindingStatus::Failed) {
            ++t.failed;
            ++t.failed_by_severity[finding.severity];
        } else if (finding.status == FindingStatus::Suppressed) {
            ++t.suppressed;
        } else {
            ++t.baselined;
        }
    }
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        if (diagnostic.severity == DiagnosticSeverity::Error) ++t.input_errors;
    }
    return t;
}

std::string_view remediation_key(SourceFormat format) {
    switch (format) {
        case SourceFormat::Terraform:
        case SourceFormat::TerraformPlan:
            return "terraform";
        case SourceFormat::CdkAssembly:  // a synthesized template: the fix goes in the CDK app
        case SourceFormat::CdkPython:
        case SourceFormat::CdkTypeScript:
            return "cdk";
        case SourceFormat::CloudFormation:
        case SourceFormat::Sam:
            return "cloudformation";
    }
    return "cloudformation";
}

std::string_view remediation_for(const Rule& rule, SourceFormat format) {
    for (std::string_view key : {remediation_key(format), std::string_view("default"),
                                 std::string_view("cloudformation")}) {
        auto it = rule.remediation.find(std::string(key));
        if (it != rule.remediation.end()) return it->second;
    }
    return rule.remediation.empty() ? std::string_view() : rule.remediation.begin()->second;
}

std::string one_line(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blank = !out.empty();
            continue;
        }
        if (blank) out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

std::string framework_label(std::string_view key) {
    std::string label(key);
    for (char& c : label)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return label;
}

std::string framework_tag(std::string_view key, std::string_view control) {
    return framework_label(key) + "/" + std::string(control);
}

std::vector<std::string> framework_tags(const Rule& rule) {
    std::vector<std::string> tags;
    for (std::size_t round = 0;; ++round) {
        bool any = false;
        for (std::string_view key : kFrameworkKeys) {
            auto it = rule.frameworks.find(std::string(key));
            if (it == rule.frameworks.end() || round >= it->second.size()) continue;
            tags.push_back(framework_tag(key, it->second[round]));
            any = true;
        }
        if (!any) break;
    }
    return tags;
}

std::string location_text(const ScanResult& scan, const SourceRange& range) {
    std::string out = scan.path_of(range.file);
    if (range.begin.line != 0) {
        out += ":" + std::to_string(range.begin.line);
        if (range.begin.column != 0) out += ":" + std::to_string(range.begin.column);
    }
    return out;
}

std::string suppression_location(const ScanResult& scan, const Suppression& suppression) {
    if (suppression.file == kNoFile) return {};
    return location_text(scan, SourceRange{suppression.file, suppression.at, {}});
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = byte < 0x80           ? 1
                             : (byte >> 5) == 0x6  ? 2
                             : (byte >> 4) == 0xE  ? 3
                             : (byte >> 3) == 0x1E ? 4
                                                   : 0;
        bool ok = length != 0 && i + length <= text.size() && !(length == 2 && byte < 0xC2) &&
                  !(length == 4 && byte > 0xF4);
        for (std::size_t k = 1; ok && k < length; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok && length == 3) {  // no overlong forms, no surrogates
            const auto second = static_cast<unsigned char>(text[i + 1]);
            ok = !(byte == 0xE0 && second < 0xA0) && !(byte == 0xED && second >= 0xA0);
        }
        if (ok && length == 4) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            ok = !(byte == 0xF0 && second < 0x90) && !(byte == 0xF4 && second >= 0x90);
        }
        if (ok) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        }
    }
    return out;
}

std::string xml_escape(std::string_view raw) {
    const std::string text = valid_utf8(raw);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    break;  // not allowed in XML 1.0, not even as a character reference
                out += c;
        }
    }
    return out;
}

// Spreadsheets run a cell that starts with one of these as a formula; the text comes from the
// scanned code, so it is defused with a leading apostrophe (OWASP's advice for CSV injection).
static bool looks_like_formula(std::string_view field) {
    return !field.empty() &&
           std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos;
}

std::string csv_field(std::string_view raw) {
    std::string text = valid_utf8(raw);
    if (looks_like_formula(text)) text.insert(0, 1, '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace bulwark::report
