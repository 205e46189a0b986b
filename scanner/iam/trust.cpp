// Role trust policies: who may assume the role.
#include <algorithm>
#include <cctype>

#include "iam/analyzer.h"
#include "iam/conditions.h"
#include "iam/wildcard.h"
#include "util/text.h"

namespace bulwark::iam {
namespace {

std::optional<SourceRange> valid(const SourceRange& range) {
    if (range.valid()) return range;
    return std::nullopt;
}

bool is_account_root(std::string_view text) {
    auto digits = [](std::string_view s) {
        return s.size() == 12 &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (digits(text)) return true;
    // arn:<partition>:iam::<account>:root
    if (!text.starts_with("arn:") || !text.ends_with(":root")) return false;
    const std::size_t iam = text.find(":iam::");
    if (iam == std::string_view::npos) return false;
    const std::string_view account = text.substr(iam + 6, text.size() - 5 - (iam + 6));
    return digits(account);
}

// The host of a web identity provider: the part after oidc-provider/ in its ARN, or the name
// itself for the built-in ones (cognito-identity.amazonaws.com, accounts.google.com).
std::string provider_host(std::string_view provider) {
    const std::size_t at = provider.find("oidc-provider/");
    if (at != std::string_view::npos) return ascii_lower(provider.substr(at + 14));
    return ascii_lower(provider);
}

constexpr std::string_view kGitHubHost = "token.actions.githubusercontent.com";

// A GitHub `sub` value pins an owner when it reads repo:<owner>/... with no wildcard in <owner>.
bool pins_github_owner(const Item& value) {
    if (value.unknown) return true;
    if (!value.text.starts_with("repo:")) return false;
    const std::string_view rest = std::string_view(value.text).substr(5);
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash == 0) return false;
    return !has_wildcard(rest.substr(0, slash));
}

struct ClaimTests {
    bool restricted = false;      // some aud or sub test restricts
    bool sub_restricted = false;  // a sub test restricts
    bool sub_pins_owner = true;   // every restricting sub value pins a GitHub owner
    std::string host_from_keys;   // the provider host named by the keys, when any
    const ConditionTest* loose_sub = nullptr;
};

ClaimTests claim_tests(const Conditions& conditions, const std::string& host) {
    ClaimTests out;
    for (const ConditionTest& test : conditions.tests) {
        const std::string key = ascii_lower(test.key);
        const std::size_t colon = key.rfind(':');
        if (colon == std::string::npos) continue;
        const std::string key_host = key.substr(0, colon);
        const std::string claim = key.substr(colon + 1);
        // amr (authenticated or not) does not say which pool or client: only aud and sub pin.
        if (claim != "aud" && claim != "sub") continue;
        // A key built around an unknown provider name ("${provider}:sub") may name this one.
        const bool host_unknown = key_host.find(kUnknownPart) != std::string::npos;
        if (!host.empty() && key_host != host && !host_unknown) continue;
        if (key_host.starts_with("aws") || key_host == "sts") continue;
        if (out.host_from_keys.empty()) out.host_from_keys = key_host;
        if (!test_restricts(test)) continue;
        out.restricted = true;
        if (claim != "sub") continue;
        out.sub_restricted = true;
        if (key_host.starts_with(kGitHubHost)) {
            for (const Item& value : test.values) {
                if (!pins_github_owner(value)) {
                    out.sub_pins_owner = false;
                    if (!out.loose_sub) out.loose_sub = &test;
                }
            }
        }
    }
    return out;
}

Grant federated_problem(const Statement& statement) {
    Grant none;
    if (actions_cover(statement.actions, "sts:AssumeRoleWithWebIdentity") == Tri::False)
        return none;
    for (const PrincipalEntry& entry : statement.principals.entries) {
        if (ascii_lower(entry.kind) != "federated") continue;
        if (!entry.value.unknown && entry.value.text.find("saml-provider/") != std::string::npos)
            continue;
        std::string host = entry.value.unknown ? std::string() : provider_host(entry.value.text);
        if (statement.conditions.unknown) {
            return {Tri::Unknown, &statement, "sts:AssumeRoleWithWebIdentity", {},
                    {},           {},         valid(statement.range)};
        }
        ClaimTests claims = claim_tests(statement.conditions, host);
        if (host.empty()) host = claims.host_from_keys;
        const bool github = host.starts_with(kGitHubHost);
        Grant grant{Tri::True,
                    &statement,
                    "sts:AssumeRoleWithWebIdentity",
                    {},
                    {},
                    {},
                    valid(entry.value.range) ? valid(entry.value.range) : valid(statement.range)};
        grant.who = host.empty() ? "the web identity provider" : host;
        if (github && !claims.sub_restricted) {
            grant.who =
                "any GitHub Actions workflow of any repository (no condition on the sub claim)";
            return grant;
        }
        if (github && !claims.sub_pins_owner) {
            grant.who =
                "GitHub Actions workflows of repositories of any owner (a wildcard in the sub "
                "claim)";
            if (claims.loose_sub && claims.loose_sub->range.valid())
                grant.where = claims.loose_sub->range;
            return grant;
        }
        if (!claims.restricted) {
            grant.who = "any identity of " + grant.who + " (no condition on the aud or sub claim)";
            return grant;
        }
    }
    return none;
}

Grant external_account_problem(const Statement& statement) {
    Grant none;
    if (actions_cover(statement.actions, "sts:AssumeRole") == Tri::False) return none;
    for (const PrincipalEntry& entry : statement.principals.entries) {
        if (ascii_lower(entry.kind) != "aws" || entry.value.unknown ||
            !is_account_root(entry.value.text))
            continue;
        const Tri guarded = restricts_with_keys(
            statement.conditions, {"sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
                                   "aws:PrincipalArn", "aws:userid"});
        Grant grant{tri_not(guarded),
                    &statement,
                    "sts:AssumeRole",
                    {},
                    {},
                    {},
                    valid(entry.value.range) ? valid(entry.value.range) : valid(statement.range)};
        grant.who = "every identity of account " + entry.value.text +
                    " allowed to call sts:AssumeRole (no sts:ExternalId or organization condition)";
        if (grant.value != Tri::False) return grant;
    }
    return none;
}

Grant everyone_problem(const Statement& statement) {
    Grant grant;
    Tri assume = Tri::False;
    for (std::string_view action :
         {"sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"})
        assume = tri_or(assume, actions_cover(statement.actions, action));
    grant.value = tri_and(assume, principal_is_everyone(statement.principals));
    grant.value = tri_and(grant.value, tri_not(restricts_who(statement.conditions)));
    grant.statement = &statement;
    grant.action = "sts:AssumeRole";
    grant.who = "everyone (Principal *) with no condition that pins the account or organization";
    grant.where = valid(statement.principals.range) ? valid(statement.principals.range)
                                                    : valid(statement.range);
    return grant;
}

}  // namespace

Grant trust_problem(const Policy& policy, TrustProblem problem) {
    Grant undecided;
    if (policy.unknown) {
        undecided.value = Tri::Unknown;
        return undecided;
    }
    for (const Statement& statement : policy.statements) {
        if (statement.unknown) {
            if (undecided.value == Tri::False)
                undecided = {Tri::Unknown, &statement, {}, {}, {}, {}, valid(statement.range)};
            continue;
        }
        if (statement.effect == Effect::Deny) continue;
        Grant grant;
        switch (problem) {
            case TrustProblem::Everyone:
                grant = everyone_problem(statement);
                break;
            case TrustProblem::Federated:
                grant = federated_problem(statement);
                break;
            case TrustProblem::ExternalAccount:
                grant = external_account_problem(statement);
                break;
        }
        if (statement.effect == Effect::Unknown) grant.value = tri_and(grant.value, Tri::Unknown);
        if (grant.value == Tri::True) return grant;
        if (grant.value == Tri::Unknown && undecided.value == Tri::False) undecided = grant;
    }
    return undecided;
}

EscalationGrant find_escalation(const std::vector<const Policy*>& policies,
                                const ActionTable& table) {
    GrantFilter filter;
    filter.resources = ResourceScope::Broad;
    filter.unconditioned = true;
    EscalationGrant undecided;
    for (const Escalation& escalation : table.escalations()) {
        EscalationGrant found{Tri::True, &escalation, {}};
        for (const std::string& action : escalation.actions) {
            Grant best;
            for (const Policy* policy : policies) {
                Grant grant = PolicyAnalyzer(*policy).allows(action, filter);
                if (grant.value == Tri::True) {
                    best = grant;
                    break;
                }
                if (grant.value == Tri::Unknown) best = grant;
            }
            found.value = tri_and(found.value, best.value);
            found.grants.push_back(best);
            if (found.value == Tri::False) break;
        }
        if (found.value == Tri::True) return found;
        if (found.value == Tri::Unknown && undecided.value == Tri::False) undecided = found;
    }
    return undecided;
}

}  // namespace bulwark::iam
