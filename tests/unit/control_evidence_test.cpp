// The control-evidence model behind `bulwark report`, on a hand-made framework and scan: each
// status, headings aggregating their children, suppressions, not-applicable and manual controls.
#include <doctest/doctest.h>

#include "reporters/compliance/control_evidence.h"

using namespace bulwark;
using namespace bulwark::compliance;

namespace {

Rule make_rule(std::string id, std::vector<std::string> controls) {
    Rule rule;
    rule.id = std::move(id);
    rule.title = rule.id;
    rule.message = "not compliant";
    rule.frameworks["test-fw"] = std::move(controls);
    return rule;
}

Framework make_framework() {
    Framework framework;
    framework.key = "test-fw";
    framework.title = "Test framework";
    auto add = [&](std::string id, std::string family, std::string iac) {
        framework.controls.push_back({id, "Control " + id, family, iac, ""});
    };
    add("1", "1", "partial");      // heading: 1.1, 1.2, 1.3
    add("1.1", "1", "full");       // rule-fail: one check passes, one fails
    add("1.2", "1", "partial");    // rule-suppressed: its only failure is suppressed
    add("1.2.1", "1", "full");     // no rule: manual, under a passing heading
    add("1.3", "1", "none");       // process control
    add("2", "2", "partial");      // heading of 2.1 only
    add("2.1", "2", "full");       // rule-absent: ran, but no resource of its kind
    add("3", "3", "full");         // nothing maps to it
    add("4", "3", "none");         // rule-none maps to it and fails: still manual
    add("5", "3", "full");         // rule-undecided: only undecided checks
    add("AC-2", "AC", "partial");  // base control with its own passing rule...
    add("AC-2(1)", "AC", "full");  // ...and a failing enhancement
    return framework;
}

// Two resources; every rule above evaluated as its name says.
struct Scenario {
    std::vector<Rule> rules;
    Framework framework = make_framework();
    ScanResult scan;

    Scenario() {
        rules.push_back(make_rule("rule-fail", {"1.1"}));
        rules.push_back(make_rule("rule-suppressed", {"1.2"}));
        rules.push_back(make_rule("rule-absent", {"2.1"}));
        rules.push_back(make_rule("rule-none", {"4"}));
        rules.push_back(make_rule("rule-undecided", {"5"}));
        rules.push_back(make_rule("rule-base", {"AC-2"}));
        rules.push_back(make_rule("rule-enhancement", {"AC-2(1)", "1.1"}));
        for (const Rule& rule : rules)
            scan.rules.push_back(&rule);
        scan.root = "/nowhere";
        scan.files = {"main.tf"};
        GraphBuilder builder;
        for (const char* name : {"aws_s3_bucket.a", "aws_s3_bucket.b"}) {
            Resource resource;
            resource.address = name;
            resource.type = "AWS::S3::Bucket";
            resource.file = 0;
            resource.range = {0, {name[14] == 'a' ? 1u : 9u, 1}, {name[14] == 'a' ? 1u : 9u, 20}};
            builder.add(std::move(resource));
        }
        scan.graph = std::move(builder).build();
        check(0, 0, CheckStatus::Passed);
        fail(0, 1, 12, false);
        fail(1, 0, 3, true);
        fail(3, 0, 4, false);
        check(4, 0, CheckStatus::Undecided);
        check(5, 0, CheckStatus::Passed);
        fail(6, 1, 10, false);
    }

    void check(std::uint32_t rule, ResourceIndex resource, CheckStatus status) {
        scan.checks.push_back({rule, resource, status});
    }

    void fail(std::uint32_t rule, ResourceIndex resource, std::uint32_t line, bool suppressed) {
        check(rule, resource, CheckStatus::Failed);
        Finding finding;
        finding.rule_id = rules[rule].id;
        finding.resource = resource;
        finding.range = {0, {line, 3}, {line, 9}};
        finding.message = "not compliant";
        if (suppressed) {
            finding.status = FindingStatus::Suppressed;
            finding.suppression = Suppression{
                "bulwark", "public website bucket", "2031-01-31", "team-web", kNoFile, {}};
        }
        scan.findings.push_back(finding);
    }

    const ControlEvidence& control(const FrameworkEvidence& evidence, std::string_view id) const {
        for (const ControlEvidence& control : evidence.controls) {
            if (control.control->id == id) return control;
        }
        FAIL("no control " << id);
        return evidence.controls.front();
    }
};

}  // namespace

TEST_CASE("control evidence: each control gets the status its rules' checks give it") {
    Scenario s;
    const FrameworkEvidence evidence = evaluate_framework(s.framework, s.scan);
    REQUIRE(evidence.controls.size() == s.framework.controls.size());

    const ControlEvidence& failing = s.control(evidence, "1.1");
    CHECK(failing.status == ControlStatus::Failing);
    CHECK(failing.passed == 1);
    CHECK(failing.failed == 2);  // rule-fail on b, and rule-enhancement (mapped here too) on b
    REQUIRE(failing.rules.size() == 2);
    CHECK(failing.rules[0]->id == "rule-enhancement");  // by ID
    REQUIRE(failing.findings.size() == 2);
    CHECK(failing.findings[0].finding->range.begin.line == 10);  // by line
    CHECK(failing.findings[1].finding->range.begin.line == 12);

    CHECK(s.control(evidence, "2.1").status == ControlStatus::NotApplicable);
    CHECK(s.control(evidence, "2.1").checks() == 0);
    CHECK(s.control(evidence, "3").status == ControlStatus::Manual);
    CHECK(s.control(evidence, "3").rules.empty());
    CHECK(s.control(evidence, "1.3").status == ControlStatus::Manual);
}

TEST_CASE("control evidence: a suppressed failure is an accepted exception, listed, not failing") {
    Scenario s;
    const FrameworkEvidence evidence = evaluate_framework(s.framework, s.scan);
    const ControlEvidence& control = s.control(evidence, "1.2");
    CHECK(control.status == ControlStatus::Passing);
    CHECK(control.suppressed == 1);
    CHECK(control.failed == 0);
    REQUIRE(control.findings.size() == 1);
    CHECK(control.findings[0].outcome == report::Outcome::Suppressed);
    CHECK(control.findings[0].finding->suppression->owner == "team-web");
}

TEST_CASE("control evidence: iac none stays manual, and undecided checks evidence nothing") {
    Scenario s;
    const FrameworkEvidence evidence = evaluate_framework(s.framework, s.scan);
    const ControlEvidence& process = s.control(evidence, "4");
    CHECK(process.status == ControlStatus::Manual);
    CHECK(process.failed == 1);  // the failure is still there to list
    const ControlEvidence& undecided = s.control(evidence, "5");
    CHECK(undecided.status == ControlStatus::Manual);
    CHECK(undecided.undecided == 1);
    REQUIRE(evidence.not_evidencable.size() == 2);
    CHECK(evidence.controls[evidence.not_evidencable[0]].control->id == "1.3");
    CHECK(evidence.controls[evidence.not_evidencable[1]].control->id == "4");
}

TEST_CASE("control evidence: headings aggregate their children, worst first") {
    Scenario s;
    const FrameworkEvidence evidence = evaluate_framework(s.framework, s.scan);
    const ControlEvidence& one = s.control(evidence, "1");
    CHECK(one.is_heading());
    CHECK(one.children.size() == 3);              // 1.1, 1.2, 1.3; 1.2.1 sits under 1.2
    CHECK(one.status == ControlStatus::Failing);  // 1.1 fails
    CHECK(one.descendants_manual == 2);           // 1.2.1 and 1.3
    CHECK(one.rules.empty());
    const ControlEvidence& one_two = s.control(evidence, "1.2");
    CHECK(one_two.status == ControlStatus::Passing);  // its own check; 1.2.1 is manual
    CHECK(one_two.descendants_manual == 1);
    CHECK(s.control(evidence, "1.2.1").depth == 2);
    CHECK(evidence.controls[*s.control(evidence, "1.2.1").parent].control->id == "1.2");
    CHECK(s.control(evidence, "2").status == ControlStatus::NotApplicable);
    // A NIST base control counts its enhancements: its own check passed, AC-2(1) failed.
    CHECK(s.control(evidence, "AC-2").status == ControlStatus::Failing);
    CHECK(s.control(evidence, "AC-2").passed == 1);
    CHECK(s.control(evidence, "AC-2(1)").status == ControlStatus::Failing);
}

TEST_CASE("control evidence: the summary and the families add up to every control") {
    Scenario s;
    const FrameworkEvidence evidence = evaluate_framework(s.framework, s.scan);
    CHECK(evidence.summary.total() == s.framework.controls.size());
    CHECK(evidence.summary[ControlStatus::Failing] == 4);        // 1, 1.1, AC-2, AC-2(1)
    CHECK(evidence.summary[ControlStatus::Passing] == 1);        // 1.2
    CHECK(evidence.summary[ControlStatus::NotApplicable] == 2);  // 2, 2.1
    CHECK(evidence.summary[ControlStatus::Manual] == 5);         // 1.2.1, 1.3, 3, 4, 5
    REQUIRE(evidence.families.size() == 4);
    CHECK(evidence.families[0].family == "1");
    CHECK(evidence.families[0].counts.total() == 5);
    CHECK(evidence.families[2].family == "3");
    CHECK(evidence.families[2].counts[ControlStatus::Manual] == 3);
    std::size_t sum = 0;
    for (const FamilyEvidence& family : evidence.families)
        sum += family.counts.total();
    CHECK(sum == s.framework.controls.size());
}

TEST_CASE("control evidence: rules_by_control lists each control's direct rules") {
    Scenario s;
    const auto mapped = rules_by_control(s.framework, s.scan.rules);
    REQUIRE(mapped.size() == s.framework.controls.size());
    CHECK(mapped[0].empty());  // heading "1"
    REQUIRE(mapped[1].size() == 2);
    CHECK(mapped[1][1]->id == "rule-fail");
}
