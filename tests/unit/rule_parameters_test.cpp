// Rule parameters: declared with type and default in the rule file, substituted where a check
// says `{param: name}`, and overridable by configuration.

#include <doctest/doctest.h>

#include "io/document_reader.h"
#include "rules/check_evaluator.h"
#include "rules/rule_catalog.h"
#include "rules/rule_loader.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;

namespace {

const std::string kRule = R"(id: retention-rule
title: Log groups keep events long enough
severity: medium
description: d
remediation: r
resource: [AWS::Logs::LogGroup]
parameters:
  min_days:
    type: integer
    default: 365
    description: The shortest retention that complies.
check:
  path: RetentionInDays
  gte: {param: min_days}
)";

Value yaml_value(const std::string& text) {
    ReadResult read = read_yaml(text, kNoFile);
    REQUIRE(read.value.has_value());
    return *read.value;
}

std::variant<Rule, std::vector<RuleFileError>> load(const std::string& text,
                                                    const RuleParameterValues& overrides = {}) {
    return load_rule("rules/retention-rule.yaml", text, overrides);
}

std::string first_error(const std::variant<Rule, std::vector<RuleFileError>>& loaded) {
    if (std::holds_alternative<Rule>(loaded)) return "(loaded)";
    return format_error(std::get<std::vector<RuleFileError>>(loaded).front());
}

Tri decide(const Rule& rule, int retention) {
    auto parsed = parse_cfn(
        "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n      RetentionInDays: " +
        std::to_string(retention) + "\n");
    return CheckEvaluator(parsed.graph).evaluate(rule.check, parsed.index_of("Logs")).value;
}

}  // namespace

TEST_CASE("rule parameters: the default decides until configuration overrides it") {
    auto loaded = load(kRule);
    REQUIRE_MESSAGE(std::holds_alternative<Rule>(loaded), first_error(loaded));
    const Rule& rule = std::get<Rule>(loaded);
    REQUIRE(rule.parameters.size() == 1);
    CHECK(rule.parameters[0].name == "min_days");
    CHECK(rule.parameters[0].type == ParameterType::Integer);
    CHECK(rule.parameters[0].value.as_number() == 365);
    CHECK(decide(rule, 90) == Tri::False);
    CHECK(decide(rule, 400) == Tri::True);

    auto relaxed = load(kRule, {{"min_days", yaml_value("90")}});
    REQUIRE_MESSAGE(std::holds_alternative<Rule>(relaxed), first_error(relaxed));
    CHECK(std::get<Rule>(relaxed).parameters[0].default_value.as_number() == 365);
    CHECK(decide(std::get<Rule>(relaxed), 90) == Tri::True);
    CHECK(decide(std::get<Rule>(relaxed), 30) == Tri::False);
}

TEST_CASE("rule parameters: mistakes are errors, never silently ignored") {
    CHECK(
        first_error(load(kRule, {{"min_dys", yaml_value("90")}})).find("no parameter 'min_dys'") !=
        std::string::npos);
    CHECK(first_error(load(kRule, {{"min_days", yaml_value("ninety")}}))
              .find("takes a value of type integer") != std::string::npos);
    CHECK(first_error(load(kRule, {{"min_days", yaml_value("1.5")}}))
              .find("takes a value of type integer") != std::string::npos);

    std::string unknown = kRule;
    unknown.replace(unknown.find("{param: min_days}"), 17, "{param: max_days}");
    CHECK(first_error(load(unknown)).find("unknown parameter 'max_days'") != std::string::npos);

    std::string unused = kRule;
    unused.replace(unused.find("{param: min_days}"), 17, "30");
    CHECK(first_error(load(unused)).find("declared but never used") != std::string::npos);

    std::string bad_type = kRule;
    bad_type.replace(bad_type.find("type: integer"), 13, "type: duration");
    const std::string error = first_error(load(bad_type));
    CHECK(error.find("parameter type must be") != std::string::npos);
    CHECK(error.starts_with("rules/retention-rule.yaml:9:"));

    std::string bad_default = kRule;
    bad_default.replace(bad_default.find("default: 365"), 12, "default: all");
    CHECK(first_error(load(bad_default)).find("needs a default of type integer") !=
          std::string::npos);
}

TEST_CASE("rule parameters: string lists substitute into any operand, builtin args included") {
    const std::string rule_text = R"(id: retention-rule
title: t
severity: low
description: d
remediation: r
resource: [AWS::Logs::LogGroup]
parameters:
  allowed_classes:
    type: string_list
    default: [STANDARD]
    description: Log classes the organisation allows.
check:
  path: LogGroupClass
  in: {param: allowed_classes}
)";
    auto loaded = load(rule_text);
    REQUIRE_MESSAGE(std::holds_alternative<Rule>(loaded), first_error(loaded));
    auto parsed = parse_cfn(
        "Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n"
        "    Properties:\n      LogGroupClass: INFREQUENT_ACCESS\n");
    CheckEvaluator evaluator(parsed.graph);
    CHECK(evaluator.evaluate(std::get<Rule>(loaded).check, parsed.index_of("Logs")).value ==
          Tri::False);
    auto widened =
        load(rule_text, {{"allowed_classes", yaml_value("[STANDARD, INFREQUENT_ACCESS]")}});
    REQUIRE_MESSAGE(std::holds_alternative<Rule>(widened), first_error(widened));
    CHECK(evaluator.evaluate(std::get<Rule>(widened).check, parsed.index_of("Logs")).value ==
          Tri::True);
}

TEST_CASE("rule parameters: the catalog rejects overrides for rules that do not exist") {
    auto loaded = RuleCatalog::load({}, false, {{"aws-no-such-rule", {{"x", yaml_value("1")}}}});
    REQUIRE(std::holds_alternative<std::vector<RuleFileError>>(loaded));
    CHECK(std::get<std::vector<RuleFileError>>(loaded).front().message.find("aws-no-such-rule") !=
          std::string::npos);
}
