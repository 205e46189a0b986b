// JUnit XML for CI test dashboards: one test suite per rule (or per framework control), one
// test case per rule x resource checked. Valid against the Jenkins JUnit schema
// (tests/validators/junit.sh), so `skipped` carries its reason as text, and files and lines go in
// the failure body (the schema has no attributes for them).
#include <algorithm>
#include <map>

#include "reporters/report_support.h"
#include "reporters/reporter.h"

namespace bulwark {
namespace {

using report::CheckView;
using report::Outcome;
using report::xml_escape;

struct Suite {
    std::string name;
    std::vector<const CheckView*> cases;
    std::size_t framework = 0;  // per control: the framework's position in kFrameworkKeys
    std::string control;
};

std::string case_name(const ScanResult& scan, const Resource& resource) {
    const std::string& file = scan.path_of(resource.file);
    std::string name = resource.address + " (" + file;
    // A module's resource reached from several root modules is one test per root.
    if (!resource.scope.empty() && resource.scope != file) name += ", " + resource.scope;
    return name + ")";
}

std::string excerpt(const ScanResult& scan, const SourceRange& range) {
    std::string out;
    if (!range.valid()) return out;
    const std::uint32_t last = std::max(range.begin.line, range.end.line);
    for (std::uint32_t line = range.begin.line; line <= last; ++line) {
        const std::string* text = scan.excerpts.line(range.file, line);
        if (text == nullptr) break;
        out += std::to_string(line) + " | " + *text + "\n";
    }
    return out;
}

std::string failure_body(const ScanResult& scan, const CheckView& check) {
    const Finding& finding = *check.finding;
    const Rule& rule = *check.rule;
    std::string body = report::location_text(scan, finding.range) + "\n";
    body += "Resource: " + check.resource->address + " (" + check.resource->type + ")\n";
    body += "Rule: " + rule.id + ": " + rule.title + "\n";
    const std::string fix = report::one_line(report::remediation_for(rule, check.resource->format));
    if (!fix.empty()) body += "Remediation: " + fix + "\n";
    const std::string lines = excerpt(scan, finding.range);
    if (!lines.empty()) body += "\n" + lines;
    return body;
}

std::string skipped_reason(const ScanResult& scan, const CheckView& check) {
    if (check.outcome == Outcome::Undecided) {
        return "undecided: the check depends on values known only at deployment (a parameter "
               "without a default, an attribute AWS computes); --strict fails it";
    }
    if (check.outcome == Outcome::Baselined)
        return "baselined: a known finding accepted by the baseline; it does not fail the gate";
    std::string reason = "suppressed";
    if (check.finding && check.finding->suppression) {
        const Suppression& suppression = *check.finding->suppression;
        std::string by = suppression.source;
        if (std::string at = report::suppression_location(scan, suppression); !at.empty())
            by += " " + at;
        reason += " (" + by + "): " + suppression.reason;
        if (!suppression.owner.empty()) reason += "; owner " + suppression.owner;
        if (!suppression.expires.empty()) reason += "; expires " + suppression.expires;
    }
    return reason;
}

// Compares runs of digits by value, the rest by character: "3.5.1" < "10.3.4".
bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i_end = i, j_end = j;
            while (i_end < a.size() && digit(a[i_end]))
                ++i_end;
            while (j_end < b.size() && digit(b[j_end]))
                ++j_end;
            std::string_view na = a.substr(i, i_end - i), nb = b.substr(j, j_end - j);
            while (na.size() > 1 && na.front() == '0')
                na.remove_prefix(1);
            while (nb.size() > 1 && nb.front() == '0')
                nb.remove_prefix(1);
            if (na.size() != nb.size()) return na.size() < nb.size();
            if (na != nb) return na < nb;
            i = i_end;
            j = j_end;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

struct Counts {
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

std::string counts_attributes(const Counts& counts) {
    return " tests=\"" + std::to_string(counts.tests) + "\" failures=\"" +
           std::to_string(counts.failures) + "\" errors=\"" + std::to_string(counts.errors) +
           "\" skipped=\"" + std::to_string(counts.skipped) + "\" time=\"0\"";
}

std::string render_suite(const ScanResult& scan, const Suite& suite, Counts& total) {
    Counts counts;
    std::string cases;
    for (const CheckView* check : suite.cases) {
        ++counts.tests;
        cases += "    <testcase name=\"" + xml_escape(case_name(scan, *check->resource)) +
                 "\" classname=\"" + xml_escape(check->rule->id) + "\" time=\"0\"";
        switch (check->outcome) {
            case Outcome::Passed:
                cases += "/>\n";
                continue;
            case Outcome::Undecided:
            case Outcome::Suppressed:
            case Outcome::Baselined:
                ++counts.skipped;
                cases += ">\n      <skipped>" + xml_escape(skipped_reason(scan, *check)) +
                         "</skipped>\n    </testcase>\n";
                continue;
            case Outcome::Failed:
                ++counts.failures;
                cases += ">\n      <failure message=\"" + xml_escape(check->finding->message) +
                         "\" type=\"" + std::string(to_string(check->finding->severity)) + "\">" +
                         xml_escape(failure_body(scan, *check)) + "</failure>\n    </testcase>\n";
                continue;
        }
    }
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.skipped += counts.skipped;
    return "  <testsuite name=\"" + xml_escape(suite.name) + "\"" + counts_attributes(counts) +
           (cases.empty() ? "/>\n" : ">\n" + cases + "  </testsuite>\n");
}

// Input problems: each error is an `error` test case (the file could not be checked); warnings
// and notes are listed in the suite's system-err.
std::string render_input_suite(const ScanResult& scan, Counts& total) {
    Counts counts;
    std::string cases;
    std::string notes;
    for (const Diagnostic& diagnostic : scan.diagnostics) {
        std::string where = scan.path_of(diagnostic.file);
        if (diagnostic.position.line != 0) {
            where += ":" + std::to_string(diagnostic.position.line) + ":" +
                     std::to_string(diagnostic.position.column);
        }
        if (diagnostic.severity != DiagnosticSeverity::Error) {
            notes += where + ": " + std::string(to_string(diagnostic.severity)) + ": " +
                     diagnostic.message + "\n";
            continue;
        }
        ++counts.tests;
        ++counts.errors;
        cases += "    <testcase name=\"" + xml_escape(where) +
                 "\" classname=\"bulwark.input\" time=\"0\">\n      <error message=\"" +
                 xml_escape(diagnostic.message) + "\" type=\"" +
                 std::string(to_string(diagnostic.code)) + "\">" +
                 xml_escape(where + ": " + diagnostic.message + "\n" +
                            excerpt(scan, SourceRange{diagnostic.file, diagnostic.position,
                                                      diagnostic.position})) +
                 "</error>\n    </testcase>\n";
    }
    if (cases.empty() && notes.empty()) return {};
    total.tests += counts.tests;
    total.errors += counts.errors;
    std::string out =
        "  <testsuite name=\"bulwark.input\"" + counts_attributes(counts) + ">\n" + cases;
    if (!notes.empty()) out += "    <system-err>" + xml_escape(notes) + "</system-err>\n";
    return out + "  </testsuite>\n";
}

}  // namespace

std::string render_junit(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    const std::vector<CheckView> checks = report::resolve_checks(scan);

    // Test cases in a suite: by file, then resource address.
    auto case_order = [&](const CheckView* a, const CheckView* b) {
        return std::forward_as_tuple(scan.path_of(a->resource->file), a->resource->address,
                                     a->resource->scope, a->rule->id) <
               std::forward_as_tuple(scan.path_of(b->resource->file), b->resource->address,
                                     b->resource->scope, b->rule->id);
    };

    std::vector<Suite> suites;
    if (context.junit_by == JunitGrouping::Rule) {
        std::map<std::string_view, std::size_t> by_rule;
        for (const Rule* rule : scan.rules) {
            by_rule.emplace(rule->id, suites.size());
            suites.push_back(Suite{rule->id, {}, 0, {}});
        }
        for (const CheckView& check : checks)
            suites[by_rule.at(check.rule->id)].cases.push_back(&check);
    } else {
        // One suite per framework control, in framework order then the rules' control order;
        // a check evidences every control its rule maps to. Rules mapped to none keep a suite.
        constexpr std::size_t kUnmapped = std::size(kFrameworkKeys);
        std::map<std::pair<std::size_t, std::string>, std::size_t> by_control;
        auto suite_for = [&](std::size_t framework, const std::string& control) -> Suite& {
            auto [it, added] = by_control.emplace(std::pair(framework, control), suites.size());
            if (added) {
                std::string name =
                    framework == kUnmapped
                        ? "No framework control"
                        : report::framework_label(kFrameworkKeys[framework]) + " " + control;
                suites.push_back(Suite{std::move(name), {}, framework, control});
            }
            return suites[it->second];
        };
        for (std::size_t f = 0; f < kUnmapped; ++f) {
            for (const Rule* rule : scan.rules) {
                auto controls = rule->frameworks.find(std::string(kFrameworkKeys[f]));
                if (controls == rule->frameworks.end()) continue;
                for (const std::string& control : controls->second)
                    suite_for(f, control);
            }
        }
        for (const CheckView& check : checks) {
            bool mapped = false;
            for (std::size_t f = 0; f < kUnmapped; ++f) {
                auto controls = check.rule->frameworks.find(std::string(kFrameworkKeys[f]));
                if (controls == check.rule->frameworks.end()) continue;
                for (const std::string& control : controls->second) {
                    suite_for(f, control).cases.push_back(&check);
                    mapped = true;
                }
            }
            if (!mapped) suite_for(kUnmapped, "").cases.push_back(&check);
        }
        // Frameworks in their fixed order; within one, controls in natural order (3.5.1 before
        // 10.3.4).
        std::sort(suites.begin(), suites.end(), [](const Suite& a, const Suite& b) {
            if (a.framework != b.framework) return a.framework < b.framework;
            return natural_less(a.control, b.control);
        });
    }
    for (Suite& suite : suites)
        std::stable_sort(suite.cases.begin(), suite.cases.end(), case_order);

    Counts total;
    std::string body;
    for (const Suite& suite : suites)
        body += render_suite(scan, suite, total);
    body += render_input_suite(scan, total);

    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"Bulwark " +
           xml_escape(context.tool_version) + "\" tests=\"" + std::to_string(total.tests) +
           "\" failures=\"" + std::to_string(total.failures) + "\" errors=\"" +
           std::to_string(total.errors) + "\" time=\"0\">\n" + body + "</testsuites>\n";
}

}  // namespace bulwark
