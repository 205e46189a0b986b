// Command-line options of the output formats: colours, SARIF and JUnit options, usage errors.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cli/cli.h"
#include "support/helpers.h"

using namespace bulwark;

namespace {

std::vector<std::string> golden_scan(std::vector<std::string> extra) {
    const std::string project = (test::source_dir() / "tests" / "golden" / "project").string();
    std::vector<std::string> args = {"scan",  project,  "--root",
                                     project, "--only", "aws-rds-storage-encrypted"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// Runs with standard output reported as a terminal, and NO_COLOR set or not.
std::string run_on_terminal(const std::vector<std::string>& args, const char* no_color) {
    if (no_color)
        setenv("NO_COLOR", no_color, 1);
    else
        unsetenv("NO_COLOR");
    std::ostringstream out, err;
    run_cli(args, out, err, Terminal{true, false});
    unsetenv("NO_COLOR");
    return out.str();
}

bool coloured(const std::string& text) {
    return text.find('\x1b') != std::string::npos;
}

}  // namespace

TEST_CASE("cli: colours on a terminal unless NO_COLOR or --color never; --color always anywhere") {
    CHECK(coloured(run_on_terminal(golden_scan({}), nullptr)));
    CHECK_FALSE(coloured(run_on_terminal(golden_scan({}), "1")));
    CHECK(coloured(run_on_terminal(golden_scan({}), "")));  // empty NO_COLOR does not count
    CHECK_FALSE(coloured(run_on_terminal(golden_scan({"--color", "never"}), nullptr)));
    CHECK_FALSE(coloured(run_on_terminal(golden_scan({"--no-color"}), nullptr)));
    CHECK(coloured(run_on_terminal(golden_scan({"--color", "always"}), "1")));
    CHECK_FALSE(coloured(test::run(golden_scan({})).out));  // not a terminal
    CHECK(coloured(test::run(golden_scan({"--color", "always"})).out));
    // Colours never go to files or to machine formats.
    CHECK_FALSE(coloured(run_on_terminal(golden_scan({"--format", "json"}), nullptr)));
}

TEST_CASE("cli: SARIF category and JUnit grouping options; mistakes are usage errors") {
    auto sarif = test::run(golden_scan({"--format", "sarif", "--sarif-category", "iac/prod"}));
    CHECK(sarif.out.find("\"id\": \"iac/prod/\"") != std::string::npos);
    auto junit = test::run(golden_scan({"--format", "junit", "--junit-by", "control"}));
    CHECK(junit.out.find("<testsuite name=\"PCI-DSS-4.0 3.5.1\"") != std::string::npos);
    for (const auto& [args, words] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--color", "sometimes"}, "--color must be auto, always or never"},
             {{"--format", "junit", "--junit-by", "team"}, "--junit-by must be rule or control"},
             {{"--format", "pdf"}, "expected one of text, json, sarif, junit, csv, github, gitlab"},
             {{"--format", "json:a.json", "--output", "b.json"}, "more --output than formats"},
             {{"--format", "sarif", "--format", "junit"}, "only one format"}}) {
        auto result = test::run(golden_scan(args));
        CAPTURE(result.err);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find(words) != std::string::npos);
    }
}

// What GitHub code scanning requires and the SARIF validator's GitHub rules do not all check, on
// the SARIF of every end-to-end fixture.
TEST_CASE("sarif: GitHub's requirements hold on the demo and every fail fixture") {
    std::vector<std::filesystem::path> targets = {test::source_dir() / "fixtures" / "demo"};
    for (const auto& entry :
         std::filesystem::directory_iterator(test::source_dir() / "fixtures" / "rules"))
        targets.push_back(entry.path() / "fail");
    for (const auto& target : targets) {
        CAPTURE(target.string());
        std::vector<std::string> args = {
            "scan", target.string(), "--root", test::source_dir().string(), "--format", "sarif"};
        if (target.filename() == "fail") {
            // Name the rule: opt-in rules run only when selected.
            args.push_back("--only");
            args.push_back(target.parent_path().filename().string());
            // Rules that need configuration get their fixtures' parameters (params.yaml).
            const auto params = target.parent_path() / "params.yaml";
            if (std::filesystem::exists(params)) {
                std::istringstream lines(test::read_text(params));
                for (std::string line; std::getline(lines, line);) {
                    const auto colon = line.find(':');
                    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
                    args.push_back("--rule-param");
                    args.push_back(target.parent_path().filename().string() + "." +
                                   line.substr(0, colon) + "=" + line.substr(colon + 2));
                }
            }
        }
        const auto result = test::run(args);
        const auto log = nlohmann::json::parse(result.out);
        const auto& run = log["runs"][0];
        const auto& rules = run["tool"]["driver"]["rules"];
        for (const auto& rule : rules) {
            const std::string score = rule["properties"]["security-severity"];
            const double value = std::stod(score);
            CHECK((value >= 0.1 && value <= 10.0));
            CHECK(rule["properties"]["tags"].size() <= 20);
            CHECK(rule["help"]["text"].get<std::string>().size() > 20);
        }
        CHECK_FALSE(run["results"].empty());
        for (const auto& item : run["results"]) {
            CHECK(rules[item["ruleIndex"].get<std::size_t>()]["id"] == item["ruleId"]);
            const std::string uri =
                item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            CHECK_FALSE(uri.empty());
            CHECK(uri.find("://") == std::string::npos);
            CHECK_FALSE(uri.starts_with("/"));
            CHECK_FALSE(uri.starts_with("git::"));
            CHECK(uri.starts_with("fixtures/"));  // relative to the repository root
            CHECK(item["partialFingerprints"]["bulwarkFingerprint/v1"].get<std::string>().size() ==
                  32);
            CHECK(item["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() > 0);
        }
    }
}
