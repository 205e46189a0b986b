// Reporters on a hand-made scan result: what a real scan cannot produce yet (suppressed findings)
// or only at scale (GitHub's result limit), and the escaping rules of each format.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "reporters/report_support.h"
#include "reporters/reporter.h"
#include "support/helpers.h"

using namespace bulwark;
using Json = nlohmann::json;

namespace {

Rule make_rule(std::string id, Severity severity, std::string title) {
    Rule rule;
    rule.id = std::move(id);
    rule.title = std::move(title);
    rule.severity = severity;
    rule.description = "Why it matters,\nin two lines.";
    rule.remediation = {{"cloudformation", "Set Encrypted: true."},
                        {"terraform", "Set encrypted = true."}};
    rule.resource_types = {"AWS::EC2::Volume"};
    rule.message = "Volume is not encrypted";
    rule.references = {"https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"};
    return rule;
}

// Two volumes in a template whose name needs URI encoding: one failing check that is suppressed,
// one failing, one passing, one undecided, and a parse error in another file.
struct HandMadeScan {
    std::vector<Rule> rules;
    ScanResult scan;

    HandMadeScan() {
        rules.push_back(
            make_rule("aws-test-volume-encrypted", Severity::High, "EBS volumes are encrypted"));
        rules.push_back(make_rule("aws-test-volume-tagged", Severity::Low, "Volumes are tagged"));
        // Many controls: more than GitHub's 20 tags.
        for (int i = 1; i <= 30; ++i)
            rules[0].frameworks["nist-800-53-r5"].push_back("SC-" + std::to_string(i));
        rules[0].frameworks["pci-dss-4.0"] = {"3.5.1"};
        rules[0].crossrefs["checkov"] = {"CKV_AWS_3"};

        scan.root = "/nowhere";
        scan.files = {"infra/volumes & disks.yaml", "infra/broken.yaml"};
        GraphBuilder builder;
        for (const char* name : {"DataVolume", "LogVolume"}) {
            Resource resource;
            resource.address = name;
            resource.type = "AWS::EC2::Volume";
            resource.native_type = "AWS::EC2::Volume";
            resource.file = 0;
            resource.scope = scan.files[0];
            resource.range = {0, {name[0] == 'D' ? 3u : 8u, 3}, {name[0] == 'D' ? 3u : 8u, 13}};
            builder.add(std::move(resource));
        }
        scan.graph = std::move(builder).build();
        for (const Rule& rule : rules)
            scan.rules.push_back(&rule);

        Finding suppressed;
        suppressed.rule_id = rules[0].id;
        suppressed.severity = Severity::High;
        suppressed.resource = 0;
        suppressed.range = {0, {5, 18}, {5, 23}};
        suppressed.message = rules[0].message;
        suppressed.fingerprint = finding_fingerprint(rules[0].id, "DataVolume", scan.files[0]);
        suppressed.status = FindingStatus::Suppressed;
        suppressed.suppression = Suppression{
            "bulwark", "scratch data, \"deleted\" nightly", "2031-01-31", "team-data", kNoFile, {}};
        Finding failed = suppressed;
        failed.resource = 1;
        failed.range = {0, {10, 18}, {10, 23}};
        failed.fingerprint = finding_fingerprint(rules[0].id, "LogVolume", scan.files[0]);
        failed.status = FindingStatus::Failed;
        failed.suppression.reset();
        scan.findings = {suppressed, failed};
        scan.checks = {{0, 0, CheckStatus::Failed},
                       {0, 1, CheckStatus::Failed},
                       {1, 0, CheckStatus::Passed},
                       {1, 1, CheckStatus::Undecided}};
        scan.counts = {
            .files = 2, .checks = 4, .passed = 1, .failed = 1, .suppressed = 1, .undecided = 1};
        scan.diagnostics.push_back(Diagnostic{1,
                                              {4, 1},
                                              DiagnosticSeverity::Error,
                                              DiagnosticCode::ParseError,
                                              "did not find expected node content"});
        scan.excerpts.add(0, 5, "      Encrypted: false  # héhé");
        scan.excerpts.add(0, 10, "      Encrypted: false");
        scan.excerpts.add(1, 4, "  A: [");
    }
    ReportContext context() const { return ReportContext{scan, "1.2.3"}; }
};

std::string golden_path(const std::string& name) {
    return (test::source_dir() / "tests" / "golden" / "expected" / name).string();
}

}  // namespace

TEST_CASE("sarif: suppressed findings stay out unless asked for, then carry `suppressions`") {
    HandMadeScan made;
    const Json plain = Json::parse(render_sarif(made.context()));
    const Json& run = plain["runs"][0];
    REQUIRE(run["results"].size() == 1);
    CHECK(run["results"][0]["locations"][0]["logicalLocations"][0]["name"] == "LogVolume");
    CHECK_FALSE(run["results"][0].contains("suppressions"));

    ReportContext with = made.context();
    with.sarif_include_suppressed = true;
    const std::string bytes = render_sarif(with);
    const Json all = Json::parse(bytes);
    REQUIRE(all["runs"][0]["results"].size() == 2);
    const Json& suppressed = all["runs"][0]["results"][0];
    CHECK(suppressed["suppressions"][0]["kind"] == "inSource");
    CHECK(suppressed["suppressions"][0]["status"] == "accepted");
    CHECK(suppressed["suppressions"][0]["justification"] == "scratch data, \"deleted\" nightly");
    CHECK(suppressed["suppressions"][0]["properties"]["expires"] == "2031-01-31");
    CHECK(suppressed["suppressions"][0]["properties"]["owner"] == "team-data");
    // The golden file is also run through the SARIF validator (tests/validators/sarif.sh).
    if (std::getenv("BULWARK_UPDATE_GOLDEN")) {
        std::ofstream(golden_path("suppressed.sarif"), std::ios::binary) << bytes;
    }
    CHECK(bytes == test::read_text(golden_path("suppressed.sarif")));
}

TEST_CASE("sarif: rules, locations, fingerprints and notifications as GitHub reads them") {
    HandMadeScan made;
    ReportContext context = made.context();
    context.sarif_category = "infra/prod";
    const Json log = Json::parse(render_sarif(context));
    CHECK(log["version"] == "2.1.0");
    const Json& run = log["runs"][0];
    CHECK(run["automationDetails"]["id"] == "infra/prod/");
    const Json& driver = run["tool"]["driver"];
    CHECK(driver["version"] == "1.2.3");
    CHECK(driver["semanticVersion"] == "1.2.3");
    REQUIRE(driver["rules"].size() == 2);
    const Json& rule = driver["rules"][0];
    CHECK(rule["id"] == "aws-test-volume-encrypted");
    CHECK(rule["name"] == "AwsTestVolumeEncrypted");
    CHECK(rule["properties"]["security-severity"] == "8.0");  // a string, as GitHub requires
    CHECK(rule["defaultConfiguration"]["level"] == "error");
    const Json& tags = rule["properties"]["tags"];
    CHECK(tags.size() == 20);
    CHECK(tags[0] == "security");
    // Every framework shows among the first tags (GitHub displays only 10).
    CHECK(tags[1] == "PCI-DSS-4.0/3.5.1");
    CHECK(tags[2] == "NIST-800-53-R5/SC-1");
    CHECK(rule["help"]["markdown"].get<std::string>().find(
              "**Terraform**: Set encrypted = true.") != std::string::npos);
    CHECK(driver["rules"][1]["properties"]["security-severity"] == "3.0");
    CHECK(driver["rules"][1]["defaultConfiguration"]["level"] == "note");

    const Json& result = run["results"][0];
    CHECK(result["ruleIndex"] == 0);
    CHECK(result["level"] == "error");
    const Json& physical = result["locations"][0]["physicalLocation"];
    CHECK(physical["artifactLocation"]["uri"] == "infra/volumes%20%26%20disks.yaml");
    CHECK(physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(physical["region"]["startLine"] == 10);
    CHECK(physical["region"]["startColumn"] == 18);
    CHECK(physical["region"]["endColumn"] == 23);
    CHECK(physical["region"]["snippet"]["text"] == "false");
    CHECK(result["partialFingerprints"]["bulwarkFingerprint/v1"] ==
          made.scan.findings[1].fingerprint);

    const Json& invocation = run["invocations"][0];
    CHECK(invocation["executionSuccessful"] == true);
    const Json& notification = invocation["toolExecutionNotifications"][0];
    CHECK(notification["level"] == "error");
    CHECK(notification["descriptor"]["id"] == "parse-error");
    CHECK(notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "infra/broken.yaml");
    CHECK(notification["locations"][0]["physicalLocation"]["region"]["startLine"] == 4);
}

TEST_CASE("sarif: columns count UTF-16 code units; over the result limit the most severe stay") {
    HandMadeScan made;
    // "é" is two bytes but one UTF-16 unit: byte column 30 is character column 29.
    made.scan.findings[1].range = {0, {5, 30}, {5, 33}};
    made.scan.findings[1].status = FindingStatus::Failed;
    made.scan.findings[0].status = FindingStatus::Failed;
    made.scan.findings[0].severity = Severity::Low;
    made.scan.findings[1].severity = Severity::Critical;
    ReportContext context = made.context();
    context.sarif_max_results = 1;
    const Json run = Json::parse(render_sarif(context))["runs"][0];
    REQUIRE(run["results"].size() == 1);
    CHECK(run["results"][0]["level"] == "error");  // the critical one was kept
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 29);
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] ==
          "hé");
    const Json& notifications = run["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notifications.size() == 2);
    CHECK(notifications[1]["descriptor"]["id"] == "results-truncated");
    CHECK(notifications[1]["message"]["text"].get<std::string>().starts_with(
        "1 results were left out"));
}

TEST_CASE("junit: passes, failures, suppressed and undecided checks, and input errors") {
    HandMadeScan made;
    const std::string xml = render_junit(made.context());
    CHECK(xml.find("<testsuites name=\"Bulwark 1.2.3\" tests=\"5\" failures=\"1\" errors=\"1\"") !=
          std::string::npos);
    CHECK(xml.find("<testsuite name=\"aws-test-volume-encrypted\" tests=\"2\" failures=\"1\" "
                   "errors=\"0\" skipped=\"1\"") != std::string::npos);
    CHECK(xml.find("<testsuite name=\"aws-test-volume-tagged\" tests=\"2\" failures=\"0\" "
                   "errors=\"0\" skipped=\"1\"") != std::string::npos);
    // Suppressed: skipped with its reason, escaped.
    CHECK(
        xml.find("<skipped>suppressed (bulwark): scratch data, &quot;deleted&quot; nightly; owner "
                 "team-data; expires 2031-01-31</skipped>") != std::string::npos);
    CHECK(xml.find("<skipped>undecided:") != std::string::npos);
    CHECK(xml.find("<failure message=\"Volume is not encrypted\" type=\"high\">infra/volumes &amp; "
                   "disks.yaml:10:18\nResource: LogVolume (AWS::EC2::Volume)") !=
          std::string::npos);
    CHECK(xml.find("Remediation: Set Encrypted: true.") != std::string::npos);
    CHECK(xml.find("10 |       Encrypted: false") != std::string::npos);
    CHECK(xml.find("<error message=\"did not find expected node content\" type=\"parse-error\">") !=
          std::string::npos);
    // A passed check is a bare test case.
    CHECK(xml.find("<testcase name=\"DataVolume (infra/volumes &amp; disks.yaml)\" "
                   "classname=\"aws-test-volume-tagged\" time=\"0\"/>") != std::string::npos);

    ReportContext by_control = made.context();
    by_control.junit_by = JunitGrouping::Control;
    const std::string controls = render_junit(by_control);
    CHECK(controls.find("<testsuite name=\"PCI-DSS-4.0 3.5.1\" tests=\"2\"") != std::string::npos);
    // Natural order: SC-2 before SC-10.
    CHECK(controls.find("NIST-800-53-R5 SC-2\"") < controls.find("NIST-800-53-R5 SC-10\""));
    CHECK(controls.find("<testsuite name=\"No framework control\" tests=\"2\"") !=
          std::string::npos);
}

TEST_CASE("report support: XML text is valid UTF-8 without forbidden control characters") {
    CHECK(report::xml_escape("a<b>&\"c'\x01\x1f\t") == "a&lt;b&gt;&amp;&quot;c&apos;\t");
    CHECK(report::valid_utf8("ok \xC3\xA9 \xFF \xC3") == "ok \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(report::valid_utf8("\xED\xA0\x80") ==
          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    CHECK(report::one_line("  a\n  b\t\tc \n") == "a b c");
}

TEST_CASE("csv: RFC 4180 quoting, CRLF rows and formulas defused") {
    HandMadeScan made;
    made.scan.findings[1].message = "line one\nsays \"hi\", then";
    const_cast<Resource&>(made.scan.graph.resource(1)).address = "=HYPERLINK(\"x\")";
    const std::string csv = render_csv(made.context());
    CHECK(csv.starts_with("rule_id,title,severity,status,file,start_line,"));
    CHECK(csv.find("\r\n") != std::string::npos);
    CHECK(csv.find("\"line one\nsays \"\"hi\"\", then\"") != std::string::npos);
    CHECK(csv.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
    CHECK(csv.find(",suppressed,") != std::string::npos);
    CHECK(csv.find("\"scratch data, \"\"deleted\"\" nightly\"\r\n") != std::string::npos);
    // Header + two results + the scan's one input problem, each ending in CRLF (the message's own
    // line break is inside quotes).
    std::size_t rows = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++rows;
    CHECK(rows == 4);
    CHECK(csv.find(",input-problem,") != std::string::npos);
}

TEST_CASE("github: workflow commands escape data and properties") {
    HandMadeScan made;
    made.scan.findings[1].message = "100% open\r\nreally";
    made.rules[0].title = "Volumes: encrypted, always";
    const std::string out = render_github(made.context());
    // Only the unsuppressed finding, and the input error.
    CHECK(out ==
          "::error file=infra/volumes & disks.yaml,line=10,endLine=10,col=18,endColumn=23,"
          "title=Volumes%3A encrypted%2C always (high)::100%25 open%0D%0Areally: LogVolume "
          "(AWS::EC2::Volume) [aws-test-volume-encrypted]%0AFix: Set Encrypted: true.\n"
          "::error file=infra/broken.yaml,line=4,endLine=4,col=1,title=Bulwark could not read this "
          "input "
          "(parse-error)::did not find expected node content\n");
}

TEST_CASE("gitlab: code quality issues with mapped severities and stable fingerprints") {
    HandMadeScan made;
    const Json issues = Json::parse(render_gitlab(made.context()));
    REQUIRE(issues.size() == 2);
    CHECK(issues[0]["check_name"] == "aws-test-volume-encrypted");
    CHECK(issues[0]["severity"] == "critical");
    CHECK(issues[0]["fingerprint"] == made.scan.findings[1].fingerprint);
    CHECK(issues[0]["location"]["path"] == "infra/volumes & disks.yaml");
    CHECK(issues[0]["location"]["lines"]["begin"] == 10);
    CHECK(issues[1]["check_name"] == "bulwark-input-parse-error");
    CHECK(issues[1]["severity"] == "major");
    CHECK(issues[1]["fingerprint"].get<std::string>().size() == 32);

    // The same problem twice in one file: two issues, two fingerprints.
    made.scan.diagnostics.push_back(made.scan.diagnostics.front());
    made.scan.diagnostics.back().position = {9, 1};
    const Json twice = Json::parse(render_gitlab(made.context()));
    REQUIRE(twice.size() == 3);
    CHECK(twice[1]["fingerprint"] != twice[2]["fingerprint"]);
}

TEST_CASE("text: snippet with a marker, remediation, summary; colours only when asked") {
    HandMadeScan made;
    const std::string plain = render_text(made.context());
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(plain.find("  HIGH     infra/volumes & disks.yaml:10:18  EBS volumes are encrypted\n") !=
          std::string::npos);
    CHECK(plain.find("    10 |       Encrypted: false\n"
                     "       |                  ^^^^^\n") != std::string::npos);
    CHECK(plain.find("fix: Set Encrypted: true.") != std::string::npos);
    CHECK(plain.find("suppressed (bulwark): scratch data") != std::string::npos);
    CHECK(plain.find("  failed               1\n") != std::string::npos);
    CHECK(plain.find("  suppressed           1\n") != std::string::npos);
    CHECK(plain.find("  undecided            1\n") != std::string::npos);
    ReportContext coloured = made.context();
    coloured.color = true;
    const std::string colours = render_text(coloured);
    CHECK(colours.find("\x1b[1;31mHIGH") != std::string::npos);
}
