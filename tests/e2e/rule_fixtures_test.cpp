// Every rule is proven by its fixtures: fixtures/rules/<rule-id>/{pass,fail}/, one file per format.
// Fail fixtures state each expected finding on its line (`# expect: <rule-id> <address>` in YAML,
// HCL and CDK Python, `// expect: ...` in CDK TypeScript, or a `<file>.expect` sidecar for JSON);
// the test fails on a missing finding and on any extra one.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "io/document_reader.h"
#include "parsers/cdk/assembly/assembly_frontend.h"
#include "parsers/cdk/source/cdk_source_frontend.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
namespace fs = std::filesystem;

namespace {

using Expectation = std::tuple<unsigned, std::string, std::string>;  // line, rule, address

const RuleCatalog& catalog() {
    static const RuleCatalog loaded = [] {
        auto result = RuleCatalog::load({});
        if (auto* errors = std::get_if<std::vector<RuleFileError>>(&result)) {
            FAIL("built-in rules do not load: " << format_error(errors->front()));
        }
        return std::get<RuleCatalog>(std::move(result));
    }();
    return loaded;
}

std::vector<fs::path> fixture_files(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && !name.ends_with(".expect") && name != "README.md") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::set<Expectation> expectations_of(const fs::path& file) {
    std::set<Expectation> expected;
    const fs::path sidecar = file.string() + ".expect";
    if (fs::exists(sidecar)) {
        std::istringstream lines(test::read_text(sidecar));
        unsigned line = 0;
        std::string rule, address;
        while (lines >> line >> rule >> address)
            expected.emplace(line, rule, address);
        return expected;
    }
    std::istringstream lines(test::read_text(file));
    std::string text;
    unsigned number = 0;
    while (std::getline(lines, text)) {
        ++number;
        std::size_t at = 0;
        while ((at = text.find("expect:", at)) != std::string::npos) {
            std::istringstream marker(text.substr(at + 7));
            std::string rule, address;
            if (marker >> rule >> address) expected.emplace(number, rule, address);
            at += 7;
        }
    }
    return expected;
}

// A rule that is off until an organisation configures it (its list parameter is empty by
// default) states the parameters its fixtures are scanned with in fixtures/rules/<id>/params.yaml,
// a mapping of parameter name to value; the rule is loaded again with them.
const Rule& configured_for_fixtures(const Rule& rule) {
    static std::map<std::string, RuleCatalog> reloaded;
    const fs::path params = test::source_dir() / "fixtures" / "rules" / rule.id / "params.yaml";
    if (!fs::exists(params)) return rule;
    auto found = reloaded.find(rule.id);
    if (found == reloaded.end()) {
        ReadResult read = read_yaml(test::read_text(params), kNoFile);
        REQUIRE_MESSAGE(read.value.has_value(), params.string() << " is not valid YAML");
        REQUIRE_MESSAGE(read.value->is_map(), params.string()
                                                  << " must map parameter names to values");
        RuleParameterValues values;
        for (const Value::Entry& entry : read.value->as_map())
            values.emplace(entry.key, entry.value);
        auto result = RuleCatalog::load({}, false, {{rule.id, values}});
        if (auto* errors = std::get_if<std::vector<RuleFileError>>(&result)) {
            FAIL(params.string() << ": " << format_error(errors->front()));
        }
        found = reloaded.emplace(rule.id, std::get<RuleCatalog>(std::move(result))).first;
    }
    return *found->second.find(rule.id);
}

ScanResult scan_fixture(const fs::path& file, const Rule& unconfigured) {
    const Rule& rule = configured_for_fixtures(unconfigured);
    ScanOptions options;
    options.discovery.paths = {file};
    options.discovery.root = file.parent_path();
    // Each fixture file is a whole project in one format, not a changed file of a larger one.
    options.discovery.named_file_context = false;
    options.rules = {&rule};
    options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cdk::CdkAssemblyFrontend>());
    frontends.push_back(std::make_unique<cloudformation::CloudFormationFrontend>());
    frontends.push_back(std::make_unique<terraform::TerraformFrontend>());
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>());
    return scan(options, frontends);
}

std::string show(const std::set<Expectation>& items) {
    std::string out;
    for (const auto& [line, rule, address] : items) {
        out += "\n    line " + std::to_string(line) + ": " + rule + " " + address;
    }
    return out.empty() ? " (none)" : out;
}

// Where a type can be written: CloudFormation parameters only in templates; Terraform variables,
// account-level `Bulwark::` types and native `aws_*` types only in Terraform; AWS types in both.
bool cloudformation_type(const std::string& type) {
    return !type.starts_with("aws_") &&
           (!type.starts_with("Bulwark::") || type.starts_with("Bulwark::CloudFormation::"));
}
bool terraform_type(const std::string& type) {
    return !type.starts_with("Bulwark::CloudFormation::");
}

// A rule needs fixtures in a format when one of its types can be written there: a rule about
// Terraform-only settings has nothing to look at in a template, and a rule about CloudFormation
// parameters nothing in a Terraform module.
bool needs_cloudformation(const Rule& rule) {
    return std::any_of(rule.resource_types.begin(), rule.resource_types.end(), cloudformation_type);
}
bool needs_terraform(const Rule& rule) {
    return std::any_of(rule.resource_types.begin(), rule.resource_types.end(), terraform_type);
}

}  // namespace

TEST_CASE("fixtures: every rule has pass and fail fixtures, and every fixture folder a rule") {
    const fs::path root = test::source_dir() / "fixtures" / "rules";
    for (const Rule& rule : catalog().rules()) {
        CAPTURE(rule.id);
        CHECK_MESSAGE(!fixture_files(root / rule.id / "pass").empty(),
                      "no pass fixtures for " << rule.id);
        CHECK_MESSAGE(!fixture_files(root / rule.id / "fail").empty(),
                      "no fail fixtures for " << rule.id);
        for (const char* kind : {"pass", "fail"}) {
            std::set<std::string> formats;
            for (const fs::path& file : fixture_files(root / rule.id / kind)) {
                formats.insert(file.extension().string());
            }
            // Every rule is shown in Terraform and in CloudFormation (YAML or JSON, or both),
            // unless one of the two cannot write what it checks.
            CHECK_MESSAGE((!needs_cloudformation(rule) ||
                           formats.count(".yaml") + formats.count(".json") >= 1),
                          rule.id << "/" << kind << " has no CloudFormation fixture");
            CHECK_MESSAGE((!needs_terraform(rule) || formats.count(".tf") == 1),
                          rule.id << "/" << kind << " has no Terraform fixture");
        }
    }
    for (const auto& entry : fs::directory_iterator(root)) {
        CHECK_MESSAGE(
            catalog().find(entry.path().filename().string()) != nullptr,
            "fixtures/rules/" << entry.path().filename().string() << " belongs to no rule");
    }
}

TEST_CASE("built-in rules: every rule belongs to a pack") {
    for (const Rule& rule : catalog().rules()) {
        CHECK_MESSAGE(!rule.pack.empty(), rule.id << " has no pack");
    }
}

TEST_CASE("built-in rules: no rule maps to a control its framework says code cannot evidence") {
    // A control marked `iac: none` is a process control; a rule that evidences a technical part of
    // it means the control is `partial` (with a note saying what stays manual).
    for (const Rule& rule : catalog().rules()) {
        for (const auto& entry : rule.frameworks) {  // not a structured binding: see below
            const auto& key = entry.first;
            const auto& controls = entry.second;
            const auto framework = catalog().frameworks().find(key);
            REQUIRE(framework != catalog().frameworks().end());
            for (const std::string& id : controls) {
                const FrameworkControl* control = framework->second.find(id);
                REQUIRE(control != nullptr);
                CHECK_MESSAGE(control->iac != "none",
                              rule.id << " maps to " << key << " " << id << ", which is iac: none");
            }
        }
    }
}

TEST_CASE("frameworks: a partial control's note, where given, is one line of text") {
    // No structured bindings where doctest's macros use the names: they capture in lambdas, which
    // clang 14 refuses for bindings.
    for (const auto& entry : catalog().frameworks()) {
        const auto& key = entry.first;
        for (const FrameworkControl& control : entry.second.controls) {
            if (control.note.empty()) continue;
            CAPTURE(key);
            CAPTURE(control.id);
            CHECK(control.iac == "partial");
            CHECK(control.note.find('\n') == std::string::npos);
        }
    }
}

TEST_CASE("fixtures: pass fixtures produce no finding and are really decided") {
    const fs::path root = test::source_dir() / "fixtures" / "rules";
    for (const Rule& rule : catalog().rules()) {
        for (const fs::path& file : fixture_files(root / rule.id / "pass")) {
            CAPTURE(file.string());
            const ScanResult result = scan_fixture(file, rule);
            CHECK(result.counts.files == 1);
            for (const Diagnostic& d : result.diagnostics) {
                CHECK_MESSAGE(d.severity != DiagnosticSeverity::Error,
                              d.position.line << ": " << d.message);
            }
            std::set<Expectation> actual;
            for (const Finding& f : result.findings) {
                actual.emplace(f.range.begin.line, f.rule_id,
                               result.graph.resource(f.resource).address);
            }
            CHECK_MESSAGE(actual.empty(), "unexpected findings:" << show(actual));
            CHECK_MESSAGE(result.counts.passed >= 1,
                          "the rule decided no resource in this fixture");
        }
    }
}

TEST_CASE("fixtures: fail fixtures produce exactly the expected findings") {
    const fs::path root = test::source_dir() / "fixtures" / "rules";
    for (const Rule& rule : catalog().rules()) {
        for (const fs::path& file : fixture_files(root / rule.id / "fail")) {
            CAPTURE(file.string());
            const std::set<Expectation> expected = expectations_of(file);
            CHECK_MESSAGE(!expected.empty(), "a fail fixture must state its expected findings");
            const ScanResult result = scan_fixture(file, rule);
            for (const Diagnostic& d : result.diagnostics) {
                CHECK_MESSAGE(d.severity != DiagnosticSeverity::Error,
                              d.position.line << ": " << d.message);
            }
            std::set<Expectation> actual;
            for (const Finding& f : result.findings) {
                actual.emplace(f.range.begin.line, f.rule_id,
                               result.graph.resource(f.resource).address);
            }
            std::set<Expectation> missing, extra;
            std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                                std::inserter(missing, missing.end()));
            std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                                std::inserter(extra, extra.end()));
            CHECK_MESSAGE(missing.empty(), "expected but not found:" << show(missing));
            CHECK_MESSAGE(extra.empty(), "found but not expected:" << show(extra));
        }
    }
}
