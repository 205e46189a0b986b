// The IAM policy analyzer on tricky policies: NotAction with Allow, Deny overriding, wildcards in
// the middle of actions, conditions that do and do not restrict, unknown ARNs, JSON strings.
#include <doctest/doctest.h>

#include "iam/action_table.h"
#include "iam/analyzer.h"
#include "iam/conditions.h"
#include "iam/policy.h"
#include "iam/wildcard.h"
#include "io/document_reader.h"
#include "rules/embedded_files.h"

using namespace bulwark;
using namespace bulwark::iam;

namespace {

Value json(const std::string& text) {
    ReadResult read = read_json(text, 0);
    REQUIRE(read.value.has_value());
    return *read.value;
}

Policy policy(const std::string& text) {
    return normalize_policy(json(text));
}

Tri allows(const std::string& text, std::string_view action,
           ResourceScope scope = ResourceScope::Any, bool unconditioned = false) {
    const Policy p = policy(text);
    GrantFilter filter;
    filter.resources = scope;
    filter.unconditioned = unconditioned;
    return PolicyAnalyzer(p).allows(action, filter).value;
}

Tri is_public(const std::string& text) {
    const Policy p = policy(text);
    return PolicyAnalyzer(p).public_grant({}).value;
}

// A statement's condition as a one-statement policy.
std::string with_condition(const std::string& principal, const std::string& condition) {
    return R"({"Statement": {"Effect": "Allow", "Principal": )" + principal +
           R"(, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::media/*", "Condition": )" +
           condition + "}}";
}

}  // namespace

TEST_CASE("iam: wildcards match actions without regard to case, anywhere in the name") {
    CHECK(wildcard_match("s3:Get*", "s3:GetObject", true));
    CHECK(wildcard_match("S3:get*", "s3:GetObject", true));
    CHECK(wildcard_match("iam:*Policy*", "iam:PutRolePolicy", true));
    CHECK(wildcard_match("iam:*Policy*", "iam:CreatePolicyVersion", true));
    CHECK_FALSE(wildcard_match("iam:*Policy*", "iam:PassRole", true));
    CHECK(wildcard_match("iam:?ttach*", "iam:AttachUserPolicy", true));
    CHECK_FALSE(wildcard_match("arn:aws:s3:::Media/*", "arn:aws:s3:::media/x", false));
    CHECK(wildcard_covers("s3:*", "s3:Get*", true));
    CHECK(wildcard_covers("*", "iam:*", true));
    CHECK_FALSE(wildcard_covers("s3:Get*", "s3:*", true));
    CHECK_FALSE(wildcard_covers("iam:*Policy", "iam:*", true));
}

TEST_CASE("iam: a single statement object and a statement list normalize alike") {
    const Policy one = policy(
        R"({"Statement": {"Sid": "Only", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}})");
    REQUIRE(one.statements.size() == 1);
    CHECK(one.statements[0].label() == "statement 'Only' (#1)");
    CHECK(one.statements[0].actions.items.size() == 1);
    const Policy list =
        policy(R"({"Statement": [{"Effect": "Deny", "Action": ["a:B"], "Resource": "*"},
                                                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "*"}]})");
    REQUIRE(list.statements.size() == 2);
    CHECK(list.statements[1].label() == "statement #2");
    CHECK(list.statements[1].actions.items.size() == 2);
    CHECK(list.statements[0].effect == Effect::Deny);
}

TEST_CASE("iam: a policy given as a JSON string is parsed, its values pointing at the string") {
    Value text = Value::string(
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})",
        SourceRange{3, {7, 5}, {7, 40}});
    const Policy p = normalize_policy(text);
    REQUIRE(p.statements.size() == 1);
    CHECK(p.statements[0].actions.items[0].range.file == 3);
    CHECK(p.statements[0].actions.items[0].range.begin.line == 7);
    CHECK(PolicyAnalyzer(p).allows("*", {ResourceScope::All}).value == Tri::True);

    const Policy broken = normalize_policy(Value::string("{not json"));
    CHECK(broken.malformed);
    CHECK(PolicyAnalyzer(broken).allows("*", {}).value == Tri::False);
}

TEST_CASE("iam: Allow with wildcards in the middle of action names") {
    const std::string p =
        R"({"Statement": [{"Effect": "Allow", "Action": "iam:*Policy*", "Resource": "*"}]})";
    CHECK(allows(p, "iam:PutRolePolicy") == Tri::True);
    CHECK(allows(p, "iam:AttachUserPolicy") == Tri::True);
    CHECK(allows(p, "IAM:putrolepolicy") == Tri::True);
    CHECK(allows(p, "iam:PassRole") == Tri::False);
    CHECK(allows(p, "iam:*") == Tri::False);  // not every IAM action
    CHECK(allows(p, "*") == Tri::False);
}

TEST_CASE("iam: NotAction with Allow grants everything else") {
    const std::string p =
        R"({"Statement": {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}})";
    CHECK(allows(p, "s3:GetObject") == Tri::True);
    CHECK(allows(p, "kms:*") == Tri::True);
    CHECK(allows(p, "iam:PassRole") == Tri::False);
    CHECK(allows(p, "iam:*") == Tri::False);
    CHECK(allows(p, "*") == Tri::False);
    const Policy parsed = policy(p);
    const Grant grant = PolicyAnalyzer(parsed).allow_with_negation(true, false);
    CHECK(grant.value == Tri::True);
    CHECK(grant.action == "NotAction");
    CHECK(PolicyAnalyzer(parsed).allow_with_negation(false, true).value == Tri::False);
}

TEST_CASE("iam: a Deny cancels an Allow only when it fully covers it") {
    const std::string allow = R"({"Effect": "Allow", "Action": "*", "Resource": "*"})";
    auto with = [&](const std::string& deny) {
        return R"({"Statement": [)" + allow + "," + deny + "]}";
    };
    // Full cover: every action, every resource, no condition.
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "*", "Resource": "*"})"), "*",
                 ResourceScope::All) == Tri::False);
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})"),
                 "iam:PassRole") == Tri::False);
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})"), "iam:*") ==
          Tri::False);
    // Partial: other actions stay allowed.
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})"),
                 "s3:GetObject") == Tri::True);
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "iam:*", "Resource": "*"})"), "*",
                 ResourceScope::All) == Tri::True);
    // A Deny on one resource does not cover a grant on every resource.
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::logs"})"),
                 "*") == Tri::True);
    // A conditional Deny covers only some requests: the Allow stands.
    CHECK(
        allows(
            with(
                R"({"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})"),
            "*") == Tri::True);
    // NotResource in a Deny leaves some resources allowed.
    CHECK(allows(with(R"({"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::logs"})"),
                 "*") == Tri::True);
    // A Deny Bulwark cannot read could cancel it: undecided.
    Value document = json(with(R"({"Effect": "Deny", "Action": "*", "Resource": "*"})"));
    document.find("Statement")->as_list()[1] = Value::unknown("dynamic statement");
    CHECK(PolicyAnalyzer(normalize_policy(document)).allows("*", {}).value == Tri::Unknown);
}

TEST_CASE("iam: resource scopes, with unknown ARNs staying unknown") {
    auto with_resource = [](const Value& resource) {
        Value document = json(
            R"({"Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "x"}})");
        document.find("Statement")->set("Resource", resource);
        return normalize_policy(document);
    };
    auto passrole = [](const Policy& p, ResourceScope scope) {
        GrantFilter filter;
        filter.resources = scope;
        return PolicyAnalyzer(p).allows("iam:PassRole", filter).value;
    };
    CHECK(passrole(with_resource(Value::string("*")), ResourceScope::All) == Tri::True);
    CHECK(passrole(with_resource(Value::string("arn:aws:iam::111122223333:role/*")),
                   ResourceScope::All) == Tri::False);
    CHECK(passrole(with_resource(Value::string("arn:aws:iam::111122223333:role/*")),
                   ResourceScope::Broad) == Tri::True);
    CHECK(passrole(with_resource(Value::string("arn:aws:iam::111122223333:role/app-*")),
                   ResourceScope::Broad) == Tri::False);
    CHECK(passrole(with_resource(Value::string("arn:aws:iam::111122223333:role/deployer")),
                   ResourceScope::Broad) == Tri::False);
    // A variable could be "*": undecided. A reference to a role is one specific ARN.
    CHECK(passrole(with_resource(Value::unknown("var.role_arn")), ResourceScope::All) ==
          Tri::Unknown);
    CHECK(passrole(with_resource(Value::unknown("aws_iam_role.app.arn",
                                                {Reference{"aws_iam_role.app", "arn"}})),
                   ResourceScope::All) == Tri::False);
    CHECK(passrole(with_resource(Value::list({Value::unknown("var.role_arn"), Value::string("*")})),
                   ResourceScope::All) == Tri::True);
}

TEST_CASE("iam: principal forms") {
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}})") ==
        Tri::True);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}})") ==
        Tri::True);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "s3:GetObject"}})") ==
        Tri::True);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}, "Action": "s3:GetObject"}})") ==
        Tri::False);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject"}})") ==
        Tri::False);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "s3:GetObject"}})") ==
        Tri::False);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "Principal": {"CanonicalUser": "79a59df900b949e55d96a1e698fbaced"}, "Action": "s3:GetObject"}})") ==
        Tri::False);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject"}})") ==
        Tri::True);
    CHECK(
        is_public(
            R"({"Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}})") ==
        Tri::False);
    Value unknown_principal = json(
        R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "x"}, "Action": "s3:GetObject"}})");
    unknown_principal.find("Statement")
        ->find("Principal")
        ->set("AWS", Value::unknown("var.reader"));
    CHECK(PolicyAnalyzer(normalize_policy(unknown_principal)).public_grant({}).value ==
          Tri::Unknown);
}

TEST_CASE("iam: conditions that restrict who, and conditions that do not") {
    const std::string star = R"("*")";
    CHECK(is_public(with_condition(
              star, R"({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})")) == Tri::False);
    CHECK(is_public(with_condition(
              star, R"({"StringEquals": {"aws:SourceAccount": "111122223333"}})")) == Tri::False);
    CHECK(
        is_public(with_condition(
            star,
            R"({"ArnLike": {"aws:SourceArn": "arn:aws:cloudfront::111122223333:distribution/*"}})")) ==
        Tri::False);
    CHECK(is_public(with_condition(
              star, R"({"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}})")) == Tri::False);
    CHECK(is_public(with_condition(star, R"({"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}})")) ==
          Tri::False);
    CHECK(
        is_public(with_condition(
            star,
            R"({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/*"}})")) ==
        Tri::False);
    // Not a restriction of who: transport, a wildcard value, a negative operator, IfExists,
    // ForAllValues, an open CIDR.
    CHECK(is_public(with_condition(star, R"({"Bool": {"aws:SecureTransport": "true"}})")) ==
          Tri::True);
    CHECK(is_public(with_condition(star, R"({"StringLike": {"aws:PrincipalOrgID": "*"}})")) ==
          Tri::True);
    CHECK(is_public(with_condition(
              star, R"({"StringNotEquals": {"aws:SourceAccount": "444455556666"}})")) == Tri::True);
    CHECK(is_public(with_condition(
              star, R"({"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}})")) ==
          Tri::True);
    CHECK(is_public(with_condition(
              star, R"({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}})")) ==
          Tri::True);
    CHECK(is_public(with_condition(star, R"({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}})")) ==
          Tri::True);
    // A fixed value known only at deployment still restricts; an unknown block does not decide.
    Value fixed = json(with_condition(star, R"({"StringEquals": {"aws:SourceAccount": "x"}})"));
    fixed.find("Statement")
        ->find("Condition")
        ->find("StringEquals")
        ->set("aws:SourceAccount", Value::unknown("var.account"));
    CHECK(PolicyAnalyzer(normalize_policy(fixed)).public_grant({}).value == Tri::False);
    Value open = json(with_condition(star, "{}"));
    open.find("Statement")->set("Condition", Value::unknown("var.conditions"));
    CHECK(PolicyAnalyzer(normalize_policy(open)).public_grant({}).value == Tri::Unknown);
}

TEST_CASE("iam: a Deny for everyone outside the organization fences a public Allow") {
    const std::string p = R"({"Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::media/*"},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}]})";
    CHECK(is_public(p) == Tri::False);
    // The same Deny does not cancel the Allow for everyone inside the organization.
    CHECK(allows(p, "s3:GetObject") == Tri::True);
}

TEST_CASE("iam: conditions that narrow an identity grant, and context conditions that do not") {
    const std::string narrowed =
        R"({"Statement": {"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*",
        "Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}})";
    CHECK(allows(narrowed, "iam:AttachRolePolicy", ResourceScope::All, true) == Tri::False);
    CHECK(allows(narrowed, "iam:AttachRolePolicy", ResourceScope::All, false) == Tri::True);
    const std::string mfa =
        R"({"Statement": {"Effect": "Allow", "Action": "iam:AttachRolePolicy", "Resource": "*",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}})";
    CHECK(allows(mfa, "iam:AttachRolePolicy", ResourceScope::All, true) == Tri::True);
    const std::string tagged =
        R"({"Statement": {"Effect": "Allow", "Action": "ec2:AuthorizeSecurityGroupIngress", "Resource": "*",
        "Condition": {"Null": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "false"}}}})";
    CHECK(allows(tagged, "ec2:AuthorizeSecurityGroupIngress", ResourceScope::All, true) ==
          Tri::False);
}

TEST_CASE("iam: service principals without a source condition") {
    auto unguarded = [](const std::string& text) {
        return PolicyAnalyzer(policy(text)).service_grant_without_source().value;
    };
    CHECK(
        unguarded(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*"}})") ==
        Tri::True);
    CHECK(
        unguarded(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*",
        "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::uploads"}}}})") == Tri::False);
    CHECK(
        unguarded(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sns:Publish"}})") ==
        Tri::False);
}

TEST_CASE("iam: trust policies") {
    auto trust = [](const std::string& text, TrustProblem problem) {
        return trust_problem(policy(text), problem).value;
    };
    const std::string everyone =
        R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}})";
    CHECK(trust(everyone, TrustProblem::Everyone) == Tri::True);
    CHECK(
        trust(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}})",
            TrustProblem::Everyone) == Tri::False);
    CHECK(
        trust(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}})",
            TrustProblem::Everyone) == Tri::False);

    const std::string account =
        R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}})";
    CHECK(trust(account, TrustProblem::ExternalAccount) == Tri::True);
    CHECK(
        trust(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"sts:ExternalId": "7f3a9c2e"}}}})",
            TrustProblem::ExternalAccount) == Tri::False);
    CHECK(
        trust(
            R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:role/deployer"}, "Action": "sts:AssumeRole"}})",
            TrustProblem::ExternalAccount) == Tri::False);

    const std::string github = R"({"Statement": {"Effect": "Allow",
        "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": COND}})";
    auto gh = [&](const std::string& condition) {
        std::string text = github;
        text.replace(text.find("COND"), 4, condition);
        return trust(text, TrustProblem::Federated);
    };
    CHECK(
        gh(R"({"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}})") ==
        Tri::True);
    CHECK(gh(R"({"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}})") ==
          Tri::True);
    CHECK(gh(R"({"StringLike": {"token.actions.githubusercontent.com:sub": "*"}})") == Tri::True);
    CHECK(
        gh(R"({"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*/infra:ref:refs/heads/main"}})") ==
        Tri::True);
    CHECK(
        gh(R"({"StringLike": {"token.actions.githubusercontent.com:sub": "repo:example-org/*"}})") ==
        Tri::False);
    CHECK(
        gh(R"({"StringEquals": {"token.actions.githubusercontent.com:sub": "repo:example-org/infra:environment:prod",
                                  "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}})") ==
        Tri::False);
    CHECK(
        trust(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
        "Action": "sts:AssumeRoleWithWebIdentity"}})",
            TrustProblem::Federated) == Tri::True);
    CHECK(
        trust(
            R"({"Statement": {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "us-east-1:12345678-aaaa-bbbb-cccc-123456789012"}}}})",
            TrustProblem::Federated) == Tri::False);
    // An unknown provider ARN: the condition keys name the provider.
    Value unknown_provider =
        json(R"({"Statement": {"Effect": "Allow", "Principal": {"Federated": "x"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}}}})");
    unknown_provider.find("Statement")
        ->find("Principal")
        ->set("Federated",
              Value::unknown("aws_iam_openid_connect_provider.github.arn",
                             {Reference{"aws_iam_openid_connect_provider.github", "arn"}}));
    CHECK(trust_problem(normalize_policy(unknown_provider), TrustProblem::Federated).value ==
          Tri::True);
}

TEST_CASE("iam: the action table loads, and its escalations find combinations across policies") {
    std::vector<std::string> errors;
    std::string_view content;
    for (const EmbeddedFile& file : embedded_rule_files()) {
        if (file.path == kActionTablePath) content = file.content;
    }
    REQUIRE_FALSE(content.empty());
    const ActionTable table = ActionTable::parse(kActionTablePath, content, errors);
    CHECK_MESSAGE(errors.empty(), (errors.empty() ? "" : errors.front()));
    CHECK(table.find("IAM:passrole") != nullptr);
    CHECK(table.in_group(ActionGroup::Permissions, "iam").size() >= 20);
    CHECK(!table.escalations().empty());
    CHECK(builtin_action_table().actions().size() == table.actions().size());

    const Policy pass =
        policy(R"({"Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}})");
    const Policy lambda = policy(
        R"({"Statement": {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"],
        "Resource": "arn:aws:lambda:us-east-1:111122223333:function:*"}})");
    const Policy narrow_pass = policy(R"({"Statement": {"Effect": "Allow", "Action": "iam:PassRole",
        "Resource": "arn:aws:iam::111122223333:role/lambda-basic"}})");
    CHECK(find_escalation({&pass}, table).value == Tri::False);
    const EscalationGrant both = find_escalation({&pass, &lambda}, table);
    CHECK(both.value == Tri::True);
    REQUIRE(both.escalation != nullptr);
    CHECK(both.escalation->id == "pass-role-to-lambda");
    CHECK(find_escalation({&narrow_pass, &lambda}, table).value == Tri::False);
    const Policy attach =
        policy(R"({"Statement": {"Effect": "Allow", "Action": "iam:Attach*", "Resource": "*"}})");
    CHECK(find_escalation({&attach}, table).value == Tri::True);

    // Permissions-management actions by group.
    const Policy kms = policy(
        R"({"Statement": {"Effect": "Allow", "Action": "kms:PutKeyPolicy", "Resource": "*"}})");
    CHECK(PolicyAnalyzer(kms)
              .allows_group(table, ActionGroup::Permissions, "", {ResourceScope::All})
              .value == Tri::True);
    const Policy reads = policy(
        R"({"Statement": {"Effect": "Allow", "Action": ["s3:Get*", "kms:Describe*"], "Resource": "*"}})");
    CHECK(PolicyAnalyzer(reads)
              .allows_group(table, ActionGroup::Permissions, "", {ResourceScope::All})
              .value == Tri::False);
}

TEST_CASE(
    "iam: text around unknown parts is known, so an ARN built from an unknown is never \"*\"") {
    auto passrole_on = [](Value resource, ResourceScope scope) {
        Value document = json(
            R"({"Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "x"}})");
        document.find("Statement")->set("Resource", std::move(resource));
        GrantFilter filter;
        filter.resources = scope;
        return PolicyAnalyzer(normalize_policy(document)).allows("iam:PassRole", filter).value;
    };
    const std::string hole(1, kUnknownPart);
    // arn:aws:iam::${AWS::AccountId}:role/deployer: neither "*" nor every role.
    const Value named = Value::unknown_text("arn:aws:iam::" + hole + ":role/deployer", "Fn::Sub");
    CHECK(passrole_on(named, ResourceScope::All) == Tri::False);
    CHECK(passrole_on(named, ResourceScope::Broad) == Tri::False);
    // arn:aws:iam::111122223333:role/${RoleName}: the name could be "*".
    const Value any_name = Value::unknown_text("arn:aws:iam::111122223333:role/" + hole, "Fn::Sub");
    CHECK(passrole_on(any_name, ResourceScope::All) == Tri::False);
    CHECK(passrole_on(any_name, ResourceScope::Broad) == Tri::Unknown);
    // A principal built around an account ID is never everyone.
    Value document =
        json(R"({"Statement": {"Effect": "Allow", "Principal": {"AWS": "x"}, "Action": "kms:*"}})");
    document.find("Statement")
        ->find("Principal")
        ->set("AWS", Value::unknown_text("arn:aws:iam::" + hole + ":root", "Fn::Sub"));
    CHECK(PolicyAnalyzer(normalize_policy(document)).public_grant({}).value == Tri::False);
}
