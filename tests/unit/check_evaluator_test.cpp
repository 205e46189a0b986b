#include <doctest/doctest.h>

#include "rules/check_evaluator.h"
#include "rules/rule_loader.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;

namespace {

Rule rule_with_check(const std::string& check) {
    std::string text =
        "id: test-rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
        "resource: [AWS::S3::Bucket]\ncheck:\n";
    std::string indented;
    std::size_t start = 0;
    while (start < check.size()) {
        std::size_t end = check.find('\n', start);
        if (end == std::string::npos) end = check.size();
        indented += "  " + check.substr(start, end - start) + "\n";
        start = end + 1;
    }
    auto loaded = load_rule("test-rule.yaml", text + indented);
    if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
        FAIL("rule did not load: " << format_error(errors->front()));
    }
    return std::get<Rule>(std::move(loaded));
}

Outcome evaluate(const std::string& check, const std::string& template_text,
                 const std::string& address = "R") {
    const Rule rule = rule_with_check(check);
    auto parsed = parse_cfn(template_text);
    return CheckEvaluator(parsed.graph).evaluate(rule.check, parsed.index_of(address));
}

const char* kTemplate = R"(Parameters:
  Open: {Type: String}
Resources:
  R:
    Type: AWS::S3::Bucket
    Properties:
      Name: logs
      Port: "22"
      Flag: "true"
      Tags:
        - {Key: env, Value: prod}
        - {Key: team, Value: data}
      Unknown: !Ref Open
      Mixed: [1, !Ref Open]
      Statement: {Effect: Deny}
)";

}  // namespace

TEST_CASE("checks: comparisons coerce as CloudFormation does and point at the value") {
    Outcome o = evaluate("path: Port\nequals: 22", kTemplate);
    CHECK(o.value == Tri::True);
    CHECK(evaluate("path: Flag\nequals: true", kTemplate).value == Tri::True);
    o = evaluate("path: Name\nequals: other", kTemplate);
    CHECK(o.value == Tri::False);
    REQUIRE(o.evidence.has_value());
    CHECK(o.evidence->begin.line == 7);
    CHECK(evaluate("path: Name\nin: [a, logs]", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Name\nmatches: 'lo.*'", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Name\nmatches: 'o'", kTemplate).value == Tri::False);  // full match
    CHECK(evaluate("path: Port\ngte: 22", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Port\nlt: 22", kTemplate).value == Tri::False);
    CHECK(evaluate("path: Tags\nlength_gte: 2", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Name\ncontains: og", kTemplate).value == Tri::True);
}

TEST_CASE("checks: missing values are false for positive operators and true for negated ones") {
    Outcome missing = evaluate("path: Nope.Deeper\nequals: x", kTemplate);
    CHECK(missing.value == Tri::False);
    CHECK_FALSE(missing.evidence.has_value());
    CHECK(evaluate("path: Nope\nnot_equals: x", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Nope\nexists: false", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Name\nexists: true", kTemplate).value == Tri::True);
}

TEST_CASE("checks: unknown values never fail") {
    CHECK(evaluate("path: Unknown\nequals: x", kTemplate).value == Tri::Unknown);
    CHECK(evaluate("path: Unknown\nnot_equals: x", kTemplate).value == Tri::Unknown);
    CHECK(evaluate("path: Unknown.Below\nequals: x", kTemplate).value == Tri::Unknown);
    CHECK(evaluate("path: Unknown\nexists: true", kTemplate).value == Tri::Unknown);
    // False wins over unknown in a conjunction, true in a disjunction.
    CHECK(evaluate("all:\n  - {path: Unknown, equals: x}\n  - {path: Name, equals: no}", kTemplate)
              .value == Tri::False);
    CHECK(
        evaluate("any:\n  - {path: Unknown, equals: x}\n  - {path: Name, equals: logs}", kTemplate)
            .value == Tri::True);
    CHECK(evaluate("any:\n  - {path: Unknown, equals: x}\n  - {path: Name, equals: no}", kTemplate)
              .value == Tri::Unknown);
    CHECK(evaluate("not: {path: Unknown, equals: x}", kTemplate).value == Tri::Unknown);
    // Every selected value must satisfy a comparison: a known false decides.
    CHECK(evaluate("path: Mixed[*]\nequals: 2", kTemplate).value == Tri::False);
    CHECK(evaluate("path: Mixed[*]\nequals: 1", kTemplate).value == Tri::Unknown);
}

TEST_CASE("checks: quantifiers over list elements") {
    CHECK(evaluate("path: Tags[*]\nany: {path: Key, equals: team}", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Tags[*]\nall: {path: Key, equals: team}", kTemplate).value == Tri::False);
    Outcome none = evaluate(
        "path: Tags[*]\nnone:\n  - {path: Key, equals: team}\n  - {path: Value, equals: data}",
        kTemplate);
    CHECK(none.value == Tri::False);
    REQUIRE(none.evidence.has_value());
    CHECK(none.evidence->begin.line == 12);
    CHECK(evaluate("path: Nothing[*]\nall: {path: Key, equals: x}", kTemplate).value == Tri::True);
    CHECK(evaluate("path: Nothing[*]\nany: {path: Key, equals: x}", kTemplate).value == Tri::False);
    // A single value where a list is allowed is a one-element list.
    CHECK(evaluate("path: Statement[*]\nany: {path: Effect, equals: Deny}", kTemplate).value ==
          Tri::True);
    CHECK(evaluate("path: Tags[1].Value\nequals: data", kTemplate).value == Tri::True);
}

TEST_CASE("checks: resource-level attributes through $resource") {
    const std::string text =
        "Resources:\n  R:\n    Type: AWS::S3::Bucket\n    DeletionPolicy: Retain\n";
    CHECK(evaluate("path: $resource.DeletionPolicy\nequals: Retain", text).value == Tri::True);
    CHECK(evaluate("path: $resource.Type\nequals: AWS::S3::Bucket", text).value == Tri::True);
    CHECK(evaluate("path: $resource.UpdateReplacePolicy\nexists: true", text).value == Tri::False);
}

TEST_CASE("checks: built-ins for CIDRs and ports") {
    const std::string text = R"(Resources:
  R:
    Type: AWS::EC2::SecurityGroup
    Properties:
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 20, ToPort: 25, CidrIp: 10.0.0.0/8}
        - {IpProtocol: "-1", CidrIpv6: "::/0"}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
)";
    auto check = [&](int index, const std::string& condition) {
        return evaluate("path: SecurityGroupIngress[" + std::to_string(index) + "]\nall:\n  - " +
                            condition,
                        text)
            .value;
    };
    CHECK(check(0, "{builtin: ingress_port_open, args: {ports: [22]}}") == Tri::True);
    CHECK(check(0, "{builtin: ingress_port_open, args: {ports: [3389]}}") == Tri::False);
    CHECK(check(1, "{builtin: ingress_port_open, args: {ports: [3389]}}") == Tri::True);
    CHECK(check(2, "{builtin: ingress_port_open, args: {ports: [22]}}") == Tri::False);
    CHECK(check(0, "{path: CidrIp, builtin: cidr_is_public}") == Tri::False);
    CHECK(check(1, "{path: CidrIpv6, builtin: cidr_is_public}") == Tri::True);
    CHECK(check(2, "{path: CidrIp, builtin: cidr_is_public}") == Tri::True);
    CHECK(check(0, "{path: CidrIpv6, builtin: cidr_is_public}") == Tri::False);  // nothing selected
}

TEST_CASE("checks: connected resources, and undecided when a reference cannot be resolved") {
    const std::string check = R"(connected:
  type: AWS::S3::BucketPolicy
  direction: in
  via: Bucket
  any: {path: PolicyDocument, builtin: policy_denies_insecure_transport})";
    const std::string deny = R"(
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource: "*"
            Condition: {Bool: {"aws:SecureTransport": "false"}}
)";
    const std::string attached =
        "Resources:\n  R:\n    Type: AWS::S3::Bucket\n  P:\n    Type: AWS::S3::BucketPolicy\n    "
        "Properties:\n      Bucket: !Ref R" +
        deny;
    CHECK(evaluate(check, attached).value == Tri::True);
    const std::string other =
        "Resources:\n  R:\n    Type: AWS::S3::Bucket\n  O:\n    Type: AWS::S3::Bucket\n  P:\n    "
        "Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref O" +
        deny;
    CHECK(evaluate(check, other).value == Tri::False);
    const std::string dangling =
        "Parameters:\n  Name: {Type: String}\nResources:\n  R:\n    Type: AWS::S3::Bucket\n  P:\n  "
        "  Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Name" +
        deny;
    CHECK(evaluate(check, dangling).value == Tri::Unknown);
    const std::string allow_only =
        "Resources:\n  R:\n    Type: AWS::S3::Bucket\n  P:\n    Type: AWS::S3::BucketPolicy\n    "
        "Properties:\n      Bucket: !Ref R\n      PolicyDocument:\n        Statement: {Effect: "
        "Allow, Principal: '*', Action: 's3:GetObject'}\n";
    CHECK(evaluate(check, allow_only).value == Tri::False);
    CHECK(evaluate(check, "Resources:\n  R:\n    Type: AWS::S3::Bucket\n").value == Tri::False);
}
