// The configuration file: every key read into the schema, every mistake reported with its line,
// the upward search, the checks that need the rules, and the effective dump.

#include <doctest/doctest.h>

#include "cli/scan_config.h"
#include "config/config_check.h"
#include "config/config_dump.h"
#include "config/config_loader.h"
#include "io/document_reader.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::TempDir;

namespace {

namespace fs = std::filesystem;

Config parse_ok(const TempDir& dir, const std::string& text) {
    auto parsed = parse_config(text, dir.path() / ".bulwark.yaml");
    if (auto* errors = std::get_if<std::vector<ConfigError>>(&parsed)) {
        for (const ConfigError& error : *errors)
            MESSAGE(format_error(error));
        FAIL("the configuration should parse");
    }
    return std::get<Config>(std::move(parsed));
}

// The single error `text` gives: "line:column: message".
std::string only_error(const TempDir& dir, const std::string& text) {
    auto parsed = parse_config(text, dir.path() / ".bulwark.yaml");
    auto* errors = std::get_if<std::vector<ConfigError>>(&parsed);
    REQUIRE_MESSAGE(errors != nullptr, "expected an error for: " << text);
    REQUIRE(errors->size() == 1);
    const ConfigError& error = errors->front();
    CHECK(error.file == (dir.path() / ".bulwark.yaml").string());
    return std::to_string(error.at.line) + ":" + std::to_string(error.at.column) + ": " +
           error.message;
}

const RuleCatalog& catalog() {
    static const RuleCatalog loaded = std::get<RuleCatalog>(RuleCatalog::load({}, false));
    return loaded;
}

}  // namespace

TEST_CASE("config: every key is read, with paths anchored at the file's folder") {
    TempDir dir;
    dir.write("policies/own.yaml", "# a rule folder\n");
    dir.write("envs/prod/prod.tfvars", "size = 3\n");
    dir.write("common.tfvars", "team = \"data\"\n");
    dir.write("stacks/prod/params.json", R"([{"ParameterKey": "Env", "ParameterValue": "prod"}])");
    dir.write("common-params.json", R"({"Parameters": {"Team": "data"}})");
    const Config config = parse_ok(dir, R"(version: 1
paths:
  include: ["infra/**"]
  exclude: [examples, "legacy/*.tf"]
rules:
  packs: [data-protection, logging]
  frameworks: [pci-dss-4.0, hipaa]
  only: [aws-s3-bucket-versioning]
  skip: [aws-s3-bucket-access-logging]
  directories: [policies]
  severity:
    aws-s3-bucket-versioning: critical
  parameters:
    aws-redshift-cluster-snapshot-retention.min_retention_days: 14
    aws-lambda-function-runtime-supported:
      deprecated_runtimes: [python3.8]
suppressions:
  require: [reason, owner, expires]
gate:
  fail-on: medium
  fail-on-undecided: true
  strict: false
terraform:
  vars: {region: eu-west-1}
  var-files: [common.tfvars]
  directories:
    envs/prod:
      vars: {size: 5, tags: {env: prod}}
      var-files: [envs/prod/prod.tfvars]
cloudformation:
  parameters: {Team: platform, Ports: [80, 443], Enabled: true}
  parameter-files: [common-params.json]
  directories:
    stacks/prod/:
      parameters: {Env: production}
      parameter-files: [stacks/prod/params.json]
)");
    CHECK(config.dir == dir.path().lexically_normal());
    REQUIRE(config.include.size() == 1);
    CHECK(config.include[0].value == "infra/**");
    CHECK(config.include[0].at.line == 3);
    REQUIRE(config.exclude.size() == 2);
    CHECK(config.exclude[1].value == "legacy/*.tf");
    REQUIRE(config.packs.size() == 2);
    CHECK(config.packs[1].value == "logging");
    REQUIRE(config.frameworks.size() == 2);
    CHECK(config.frameworks[0].value == "pci-dss-4.0");
    CHECK(config.only.at(0).value == "aws-s3-bucket-versioning");
    CHECK(config.skip.at(0).value == "aws-s3-bucket-access-logging");
    REQUIRE(config.rule_dirs.size() == 1);
    CHECK(config.rule_dirs[0].value == (dir.path() / "policies").lexically_normal().string());
    REQUIRE(config.severities.size() == 1);
    CHECK(config.severities[0].rule == "aws-s3-bucket-versioning");
    CHECK(config.severities[0].severity == Severity::Critical);
    CHECK(config.severities[0].at.line == 12);
    REQUIRE(config.parameters.size() == 2);
    CHECK(config.parameters[0].rule == "aws-redshift-cluster-snapshot-retention");
    CHECK(config.parameters[0].name == "min_retention_days");
    CHECK(config.parameters[0].value.as_number() == 14);
    CHECK(config.parameters[1].rule == "aws-lambda-function-runtime-supported");
    CHECK(config.parameters[1].name == "deprecated_runtimes");
    CHECK(config.parameters[1].value.is_list());
    CHECK(config.requires_suppression_field("owner"));
    CHECK(config.requires_suppression_field("expires"));
    REQUIRE(config.fail_on.has_value());
    CHECK(config.fail_on->value == "medium");
    CHECK(config.fail_on_undecided == true);
    CHECK(config.strict == false);

    REQUIRE(config.terraform.size() == 2);
    CHECK(config.terraform[0].directory.empty());
    CHECK(config.terraform[0].vars.at(0).first == "region");
    CHECK(config.terraform[0].var_files.at(0).value ==
          (dir.path() / "common.tfvars").lexically_normal().string());
    CHECK(config.terraform[1].directory == "envs/prod");
    CHECK(config.terraform[1].at.line == 27);
    CHECK(config.terraform[1].vars.size() == 2);
    CHECK(config.terraform[1].vars[1].second.is_map());
    CHECK(config.terraform[1].var_files.size() == 1);

    REQUIRE(config.cloudformation.size() == 2);
    const auto& everywhere = config.cloudformation[0].parameters;
    REQUIRE(everywhere.size() == 3);
    CHECK(everywhere[1].second.value == "80,443");  // a CommaDelimitedList
    CHECK(everywhere[2].second.value == "true");
    CHECK(config.cloudformation[0].parameter_files.size() == 1);
    CHECK(config.cloudformation[1].directory == "stacks/prod");
    CHECK(config.cloudformation[1].parameters.at(0).second.value == "production");
}

TEST_CASE("config: an empty file, and empty sections, are the defaults") {
    TempDir dir;
    const Config empty = parse_ok(dir, "");
    CHECK(empty.packs.empty());
    CHECK(!empty.fail_on.has_value());
    const Config sections = parse_ok(dir, "# comment\nrules:\npaths:\n");
    CHECK(sections.only.empty());
}

TEST_CASE("config: every mistake is an error with its line and column") {
    TempDir dir;
    dir.write("envs/prod/main.tf", "");
    CHECK(only_error(dir, "rule:\n  only: [x]\n") ==
          "1:1: unknown key 'rule' in the configuration (expected one of version, paths, rules, "
          "suppressions, gate, terraform, cloudformation)");
    CHECK(only_error(dir, "rules:\n  packs: [identity]\n  skips: [x]\n") ==
          "3:3: unknown key 'skips' in rules (expected one of packs, frameworks, only, skip, "
          "directories, severity, parameters)");
    CHECK(only_error(dir, "rules: [a]\n").starts_with("1:8: rules must be a mapping"));
    CHECK(only_error(dir, "rules:\n  only: aws-s3-bucket-versioning\n") ==
          "2:9: rules.only must be a list of strings");
    CHECK(only_error(dir, "rules:\n  skip: [1]\n") ==
          "2:10: rules.skip must be a list of strings, not number");
    CHECK(only_error(dir, "rules:\n  packs: [identity, networking]\n") ==
          "2:21: unknown rule pack 'networking' (expected one of data-protection, identity, "
          "network, logging, resilience, configuration)");
    CHECK(only_error(dir, "rules:\n  frameworks: [pci-dss]\n")
              .starts_with("2:16: unknown framework 'pci-dss' (expected one of pci-dss-4.0, soc2"));
    CHECK(only_error(dir, "rules:\n  severity:\n    aws-s3-bucket-versioning: severe\n") ==
          "3:31: rules.severity.aws-s3-bucket-versioning must be critical, high, medium, low or "
          "info");
    CHECK(only_error(dir, "rules:\n  parameters:\n    some-rule: 3\n")
              .starts_with("3:16: rules.parameters.some-rule must map parameter names to values"));
    CHECK(only_error(dir, "rules:\n  parameters:\n    some-rule.: 3\n") ==
          "3:5: rules.parameters: 'some-rule.' is not RULE-ID.PARAMETER");
    CHECK(only_error(dir, "rules:\n  directories: [missing]\n")
              .starts_with("2:17: rules.directories: no such folder "));
    CHECK(only_error(dir, "suppressions:\n  require: [reason, approver]\n") ==
          "2:21: unknown suppression field 'approver' (expected one of reason, owner, expires)");
    CHECK(only_error(dir, "gate:\n  fail-on: severe\n") ==
          "2:12: gate.fail-on must be one of critical, high, medium, low, info, none");
    CHECK(only_error(dir, "gate:\n  strict: yes\n") == "2:11: gate.strict must be true or false");
    CHECK(only_error(dir, "gate:\n  fail-on-undecided: 1\n") ==
          "2:22: gate.fail-on-undecided must be true or false");
    CHECK(only_error(dir, "version: 2\n").starts_with("1:10: version must be 1"));
    CHECK(only_error(dir, "terraform:\n  var-files: [nothing.tfvars]\n")
              .starts_with("2:15: terraform.var-files: no such file "));
    CHECK(only_error(dir, "terraform:\n  directories:\n    envs/qa: {vars: {a: 1}}\n")
              .starts_with("3:5: terraform.directories: no such folder "));
    CHECK(only_error(dir, "terraform:\n  directories:\n    envs/prod: {variables: {a: 1}}\n") ==
          "3:17: unknown key 'variables' in terraform.directories.envs/prod (expected one of "
          "vars, var-files)");
    CHECK(only_error(dir, "terraform:\n  directories:\n    /abs: {}\n")
              .starts_with("3:5: terraform.directories are relative"));
    CHECK(only_error(dir, "cloudformation:\n  parameters: {Env: {a: 1}}\n") ==
          "2:21: cloudformation.parameters.Env must be a string, a number, a boolean or a list "
          "of them");
    CHECK(only_error(dir, "cloudformation:\n  params: {}\n")
              .starts_with("2:3: unknown key 'params' in cloudformation"));
    CHECK(only_error(dir, "gate:\n  strict: true\n  strict: false\n").starts_with("3:3:"));
}

TEST_CASE("config: several mistakes are all reported") {
    TempDir dir;
    auto parsed = parse_config("rules:\n  packs: [nope]\ngate:\n  strict: 3\nextra: 1\n",
                               dir.path() / ".bulwark.yaml");
    auto* errors = std::get_if<std::vector<ConfigError>>(&parsed);
    REQUIRE(errors != nullptr);
    CHECK(errors->size() == 3);
}

TEST_CASE("config: the file is found upward, and not above the repository top") {
    TempDir dir;
    dir.write("repo/.bulwark.yaml", "rules: {}\n");
    dir.write("repo/infra/envs/main.tf", "");
    CHECK(find_config_file(dir.path() / "repo/infra/envs") == dir.path() / "repo/.bulwark.yaml");
    CHECK(find_config_file(dir.path() / "repo/infra/envs/main.tf") ==
          dir.path() / "repo/.bulwark.yaml");
    // The nearest file wins.
    dir.write("repo/infra/.bulwark.yaml", "rules: {}\n");
    CHECK(find_config_file(dir.path() / "repo/infra/envs") ==
          dir.path() / "repo/infra/.bulwark.yaml");

    // A repository's top (a .git folder, or a worktree's .git file) ends the search.
    dir.write("outer/.bulwark.yaml", "rules: {}\n");
    dir.write("outer/project/.git", "gitdir: elsewhere\n");
    dir.write("outer/project/stacks/template.yaml", "");
    CHECK(!find_config_file(dir.path() / "outer/project/stacks").has_value());
    dir.write("outer/project/.bulwark.yaml", "rules: {}\n");
    CHECK(find_config_file(dir.path() / "outer/project/stacks") ==
          dir.path() / "outer/project/.bulwark.yaml");
}

TEST_CASE("config: rule IDs and parameters are checked against the rules") {
    TempDir dir;
    const Config config = parse_ok(dir, R"(rules:
  only: [aws-s3-bucket-versioning, aws-s3-no-such-rule]
  skip: [aws-nope]
  severity:
    aws-unknown: low
    aws-s3-bucket-versioning: low
  parameters:
    aws-redshift-cluster-snapshot-retention.min_retention_days: "14"
    aws-redshift-cluster-snapshot-retention.max_days: 3
    aws-ghost.x: 1
    aws-redshift-cluster-snapshot-retention:
      min_retention_days: 14
)");
    const std::vector<ConfigError> errors = check_config_rules(config, catalog());
    std::vector<std::string> said;
    for (const ConfigError& error : errors)
        said.push_back(std::to_string(error.at.line) + ":" + std::to_string(error.at.column) +
                       ": " + error.message);
    REQUIRE(said.size() == 6);
    CHECK(
        said[0] ==
        "2:36: rules.only names an unknown rule 'aws-s3-no-such-rule' (see `bulwark rules list`)");
    CHECK(said[1] ==
          "3:10: rules.skip names an unknown rule 'aws-nope' (see `bulwark rules list`)");
    CHECK(said[2] ==
          "5:5: rules.severity names an unknown rule 'aws-unknown' (see `bulwark rules list`)");
    CHECK(said[3] ==
          "8:65: parameter aws-redshift-cluster-snapshot-retention.min_retention_days "
          "takes a value of type integer");
    CHECK(said[4] ==
          "9:5: rule aws-redshift-cluster-snapshot-retention has no parameter "
          "'max_days' (it has min_retention_days)");
    CHECK(said[5].starts_with("10:5: rules.parameters names an unknown rule 'aws-ghost'"));
}

TEST_CASE("config: globs of the file are rebased onto the scan root") {
    const fs::path repo = "/repo";
    CHECK(rebase_glob("examples", repo, repo) == "examples");
    CHECK(rebase_glob("legacy/*.tf", repo, repo) == "legacy/*.tf");
    CHECK(rebase_glob("./legacy/", repo, repo) == "legacy");
    // The configuration above the root (scanning a sub-folder).
    CHECK(rebase_glob("infra/legacy/**", repo, "/repo/infra") == "legacy/**");
    CHECK(rebase_glob("infra/*.tf", repo, "/repo/infra") == "/*.tf");
    CHECK(rebase_glob("*/legacy", repo, "/repo/infra") == "/legacy");
    CHECK(rebase_glob("**/legacy", repo, "/repo/infra") == "**/legacy");
    CHECK(rebase_glob("infra", repo, "/repo/infra") == "infra");  // a name at any depth
    CHECK(rebase_glob("infra/envs", repo, "/repo/infra/envs") == "**");
    CHECK(!rebase_glob("docs/examples", repo, "/repo/infra").has_value());
    // The configuration below the root.
    CHECK(rebase_glob("legacy/*.tf", "/repo/infra", repo) == "infra/legacy/*.tf");
    CHECK(!rebase_glob("legacy/*.tf", "/elsewhere", repo).has_value());
}

TEST_CASE("config: the effective configuration is a valid configuration file") {
    TempDir dir;
    dir.write("envs/prod/main.tf", "");
    const Config config = parse_ok(dir, R"(rules:
  packs: [identity]
  severity: {aws-s3-bucket-versioning: low}
  parameters:
    aws-redshift-cluster-snapshot-retention.min_retention_days: 14
gate: {fail-on: low, strict: true}
terraform:
  directories:
    envs/prod: {vars: {name: "a \"quoted\" value", tags: {env: prod}, count: 2}}
cloudformation:
  parameters: {Env: "yes"}
)");
    auto loaded = RuleCatalog::load({}, false, configured_parameters(config));
    REQUIRE(std::holds_alternative<RuleCatalog>(loaded));
    const Value effective = effective_config(config, std::get<RuleCatalog>(loaded));
    const std::string yaml = to_yaml(effective);
    CHECK(yaml.find("  packs: [identity]\n") != std::string::npos);
    CHECK(yaml.find("    aws-redshift-cluster-snapshot-retention:\n"
                    "      min_retention_days: 14\n") != std::string::npos);
    CHECK(yaml.find("  fail-on: low\n  fail-on-undecided: false\n  strict: true\n") !=
          std::string::npos);
    CHECK(yaml.find("Env: \"yes\"") != std::string::npos);  // not read back as a boolean
    const Config again = parse_ok(dir, yaml);
    CHECK(again.packs.at(0).value == "identity");
    CHECK(again.severities.at(0).severity == Severity::Low);
    CHECK(again.terraform.at(1).vars.at(0).second.as_string() == "a \"quoted\" value");
    CHECK(again.cloudformation.at(0).parameters.at(0).second.value == "yes");
    CHECK(to_yaml(effective_config(again, std::get<RuleCatalog>(loaded))) == yaml);

    const std::string json = to_json(effective);
    ReadResult read = read_json(json, kNoFile);
    REQUIRE(read.value.has_value());
    CHECK(read.diagnostics.empty());
    CHECK(read.value->same_as(effective));
}

TEST_CASE("config: the commented example in docs/ is a valid configuration") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "envs/prod");
    std::filesystem::create_directories(dir.path() / "stacks/prod");
    const std::string example =
        bulwark::test::read_text(bulwark::test::source_dir() / "docs/bulwark.example.yaml");
    const Config config = parse_ok(dir, example);
    CHECK(config.severities.size() == 1);
    CHECK(config.requires_suppression_field("expires"));
    CHECK(check_config_rules(config, catalog()).empty());
}

TEST_CASE("config: folder parameters are layered, the nearest folder and the command line win") {
    cloudformation::TemplateOptions options;
    options.parameters = {{"Cli", "command line"}};
    options.directories = {{"stacks/prod", {{"Env", "prod"}, {"Size", "large"}}},
                           {"", {{"Env", "any"}, {"Team", "platform"}, {"Cli", "file"}}},
                           {"stacks", {{"Env", "stacks"}, {"Size", "small"}}},
                           {"stacks/prod-eu", {{"Env", "not a parent of stacks/prod"}}}};
    const auto prod = cloudformation::options_for(options, "stacks/prod/app.yaml");
    CHECK(prod.parameters.at("Env") == "prod");
    CHECK(prod.parameters.at("Size") == "large");
    CHECK(prod.parameters.at("Team") == "platform");
    CHECK(prod.parameters.at("Cli") == "command line");
    const auto dev = cloudformation::options_for(options, "stacks/dev/app.yaml");
    CHECK(dev.parameters.at("Env") == "stacks");
    CHECK(dev.parameters.at("Size") == "small");
    const auto top = cloudformation::options_for(options, "template.yaml");
    CHECK(top.parameters.at("Env") == "any");
    CHECK(top.parameters.count("Size") == 0);
}

TEST_CASE(
    "config: suppressions.ignore entries are read with their lines; shape mistakes are errors") {
    TempDir dir;
    const Config config = parse_ok(dir, R"(suppressions:
  require: [reason]
  ignore:
    - rules: [aws-s3-bucket-access-logging, CKV_AWS_18]
      resources: ["Prod/Logs/*", "module.logs.aws_s3_bucket.*"]
      paths: ["legacy/**"]
      reason: the log bucket cannot log to itself
      owner: platform
      expires: 2027-03-31
    - rules: aws-s3-bucket-versioning
      paths: "**"
      reason: scratch account
)");
    REQUIRE(config.ignores.size() == 2);
    const IgnoreEntry& first = config.ignores[0];
    CHECK(first.at.line == 4);
    REQUIRE(first.rules.size() == 2);
    CHECK(first.rules[1].value == "CKV_AWS_18");
    CHECK(first.rules[1].at.line == 4);
    REQUIRE(first.resources.size() == 2);
    CHECK(first.resources[1].value == "module.logs.aws_s3_bucket.*");
    CHECK(first.resources[1].at.line == 5);
    CHECK(first.paths.at(0).value == "legacy/**");
    CHECK(first.reason == "the log bucket cannot log to itself");
    CHECK(first.owner == "platform");
    CHECK(first.expires == "2027-03-31");
    // One string is a list of one.
    CHECK(config.ignores[1].rules.at(0).value == "aws-s3-bucket-versioning");
    CHECK(config.ignores[1].paths.at(0).value == "**");
    CHECK(config.ignores[1].at.line == 10);

    CHECK(only_error(dir, "suppressions:\n  ignore: {rules: [x]}\n")
              .starts_with("2:11: suppressions.ignore must be a list of entries"));
    CHECK(only_error(dir, "suppressions:\n  ignore:\n    - rules: [x]\n      reason: r\n")
              .starts_with("3:7: a suppressions.ignore entry needs `resources` or `paths`"));
    CHECK(only_error(dir, "suppressions:\n  ignore:\n    - {rules: [x], paths: [a], why: b}\n")
              .starts_with("3:32: unknown key 'why' in a suppressions.ignore entry"));
    CHECK(only_error(dir, "suppressions:\n  ignore:\n    - resources: [a]\n") ==
          "3:7: a suppressions.ignore entry needs `rules` (the rule IDs it accepts)");
    CHECK(only_error(dir,
                     "suppressions:\n  ignore:\n    - {rules: [x], paths: [a], expires: "
                     "31/03/2027}\n") ==
          "3:41: suppressions.ignore expires must be a date, YYYY-MM-DD");
    CHECK(only_error(dir,
                     "suppressions:\n  ignore:\n    - {rules: [x], paths: [a], reason: [a]}\n") ==
          "3:40: suppressions.ignore reason must be text");
    CHECK(only_error(
              dir, "suppressions:\n  ignore:\n    - {rules: [x], paths: [b], resources: [1]}\n") ==
          "3:44: suppressions.ignore resources must be a list of strings, not number");
}
