// IAM policy built-ins: what identity, trust and resource policies grant, through the analyzer
// in scanner/iam. Each returns true when it finds the problem it names, with a detail that says
// which statement grants what to whom.
//
// The subject is a policy document (a map with Statement, a JSON string, an unknown), or a
// resource's properties, in which case every policy document the resource holds is examined:
// PolicyDocument, Policies[*].PolicyDocument (named by PolicyName), KeyPolicy, ResourcePolicy,
// RepositoryPolicyText, PermissionsPolicyDocument, AccessPolicies and Policy.

#include <algorithm>

#include "iam/action_table.h"
#include "iam/analyzer.h"
#include "iam/policy.h"
#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;
using iam::Grant;
using iam::Policy;

struct NamedPolicy {
    std::string name;  // "policy 'ci-deploy'", or empty for the resource's only document
    Policy policy;
    SourceRange range;
};

constexpr std::string_view kDocumentProperties[] = {
    "PolicyDocument",
    "KeyPolicy",
    "ResourcePolicy",
    "RepositoryPolicyText",
    "PermissionsPolicyDocument",
    "AccessPolicies",
    "Policy",
};

std::vector<NamedPolicy> documents_of(const Value& subject) {
    std::vector<NamedPolicy> out;
    if (iam::looks_like_policy(subject)) {
        out.push_back({"", iam::normalize_policy(subject), subject.range()});
        return out;
    }
    if (!subject.is_map()) return out;
    for (std::string_view property : kDocumentProperties) {
        const Value* document = subject.find(property);
        if (document == nullptr || !iam::looks_like_policy(*document)) continue;
        Policy policy = iam::normalize_policy(*document);
        if (policy.malformed && document->is_string()) continue;  // a string that is no policy
        out.push_back({"", std::move(policy), document->range()});
    }
    if (const Value* policies = subject.find("Policies")) {
        if (policies->is_unknown()) {
            out.push_back({"", iam::normalize_policy(*policies), policies->range()});
        } else if (policies->is_list()) {
            for (const Value& entry : policies->as_list()) {
                const Value* document = entry.is_map() ? entry.find("PolicyDocument") : &entry;
                if (document == nullptr) continue;
                std::string name;
                if (const Value* n = entry.find("PolicyName"); n && n->is_string())
                    name = "policy '" + n->as_string() + "'";
                out.push_back({name, iam::normalize_policy(*document), document->range()});
            }
        }
    }
    return out;
}

std::string where_said(const NamedPolicy& document, const Grant& grant) {
    std::string out;
    if (!document.name.empty()) out = document.name + ", ";
    if (grant.statement) out += grant.statement->label();
    return out;
}

std::string grant_phrase(const Grant& grant) {
    std::string out = grant.action;
    if (!grant.written.empty() && grant.written != grant.action)
        out += " (written as " + grant.written + ")";
    if (!grant.resource.empty()) out += " on " + grant.resource;
    return out;
}

std::optional<SourceRange> evidence(const Grant& grant, const NamedPolicy& document) {
    if (grant.where && grant.where->valid()) return grant.where;
    if (document.range.valid()) return document.range;
    return std::nullopt;
}

// Runs `ask` on every document; the first true answer decides, else any unknown.
template <typename Ask>
Outcome over_documents(const Value& subject, Ask ask) {
    Outcome result{Tri::False, evidence_of(subject), {}};
    bool unknown = false;
    for (const NamedPolicy& document : documents_of(subject)) {
        Outcome outcome = ask(document);
        if (outcome.value == Tri::True) return outcome;
        if (outcome.value == Tri::Unknown && !unknown) {
            unknown = true;
            result = outcome;
        }
    }
    return result;
}

// ---- policy_grants_admin --------------------------------------------------------------------

Outcome policy_grants_admin(const Value& subject, const Value&, const BuiltinContext&) {
    return over_documents(subject, [](const NamedPolicy& document) -> Outcome {
        iam::GrantFilter filter;
        filter.resources = iam::ResourceScope::All;
        const Grant grant = iam::PolicyAnalyzer(document.policy).allows("*", filter);
        std::string detail;
        if (grant.value == Tri::True)
            detail = where_said(document, grant) + " allows every action (*) on every resource (" +
                     (grant.resource.empty() ? "*" : grant.resource) +
                     "): full administrator access";
        return {grant.value, evidence(grant, document), detail};
    });
}

// ---- policy_allows --------------------------------------------------------------------------

struct AllowsArgs {
    std::vector<std::string> actions;
    std::vector<iam::ActionGroup> groups;
    std::vector<std::string> services;
    iam::ResourceScope resources = iam::ResourceScope::Any;
    bool unconditioned = false;
};

AllowsArgs allows_args(const Value& args) {
    AllowsArgs out;
    auto strings = [&](std::string_view key) {
        std::vector<std::string> list;
        if (const Value* value = args.find(key); value && value->is_list()) {
            for (const Value& item : value->as_list())
                if (item.is_string()) list.push_back(item.as_string());
        }
        return list;
    };
    out.actions = strings("actions");
    for (const std::string& group : strings("groups")) {
        iam::ActionGroup parsed{};
        if (iam::parse_action_group(group, parsed)) out.groups.push_back(parsed);
    }
    out.services = strings("services");
    if (const Value* resources = args.find("resources"); resources && resources->is_string()) {
        if (resources->as_string() == "*") out.resources = iam::ResourceScope::All;
        if (resources->as_string() == "broad") out.resources = iam::ResourceScope::Broad;
    }
    if (const Value* unconditioned = args.find("unconditioned");
        unconditioned && unconditioned->is_bool())
        out.unconditioned = unconditioned->as_bool();
    return out;
}

std::optional<std::string> validate_allows(const Value& args) {
    if (!args.is_map())
        return std::string(
            "needs args: {actions | groups | services: [...], resources, unconditioned}");
    for (const Value::Entry& entry : args.as_map()) {
        const std::string& key = entry.key;
        if (key == "actions" || key == "groups" || key == "services") {
            if (!entry.value.is_list() || entry.value.as_list().empty())
                return key + " must be a non-empty list of strings";
            for (const Value& item : entry.value.as_list()) {
                if (!item.is_string()) return key + " must be a list of strings";
                iam::ActionGroup parsed{};
                if (key == "groups" && !iam::parse_action_group(item.as_string(), parsed))
                    return "unknown action group '" + item.as_string() +
                           "' (permissions, write, data-read, credentials, read, list)";
                if (key == "actions" && item.as_string().find(':') == std::string::npos)
                    return "actions are written service:Action";
            }
        } else if (key == "resources") {
            if (!entry.value.is_string() ||
                (entry.value.as_string() != "*" && entry.value.as_string() != "broad" &&
                 entry.value.as_string() != "any"))
                return std::string("resources must be '*', 'broad' or 'any'");
        } else if (key == "unconditioned") {
            if (!entry.value.is_bool()) return std::string("unconditioned must be true or false");
        } else {
            return "unknown argument '" + key + "'";
        }
    }
    if (!args.find("actions") && !args.find("groups") && !args.find("services"))
        return std::string("needs one of actions, groups or services");
    return std::nullopt;
}

Outcome policy_allows(const Value& subject, const Value& args, const BuiltinContext&) {
    const AllowsArgs parsed = allows_args(args);
    iam::GrantFilter filter;
    filter.resources = parsed.resources;
    filter.unconditioned = parsed.unconditioned;
    return over_documents(subject, [&](const NamedPolicy& document) -> Outcome {
        const iam::PolicyAnalyzer analyzer(document.policy);
        Grant undecided;
        std::string group_name;
        auto consider = [&](Grant grant, std::string_view group) {
            if (grant.value == Tri::True) return true;
            if (grant.value == Tri::Unknown && undecided.value != Tri::Unknown) {
                undecided = grant;
                group_name = group;
            }
            return false;
        };
        Grant found;
        for (const std::string& action : parsed.actions) {
            Grant grant = analyzer.allows(action, filter);
            if (consider(grant, "")) {
                found = grant;
                break;
            }
        }
        for (const std::string& service : parsed.services) {
            if (found.value == Tri::True) break;
            Grant grant = analyzer.allows(service + ":*", filter);
            if (consider(grant, "")) {
                found = grant;
                group_name = "every " + service + " action";
            }
        }
        for (iam::ActionGroup group : parsed.groups) {
            if (found.value == Tri::True) break;
            Grant grant = analyzer.allows_group(iam::builtin_action_table(), group, "", filter);
            if (consider(grant, to_string(group))) {
                found = grant;
                group_name = std::string(to_string(group)) == "permissions"
                                 ? "permissions management"
                                 : std::string(to_string(group));
            }
        }
        if (found.value != Tri::True) return {undecided.value, evidence(undecided, document), {}};
        std::string detail = where_said(document, found) + " allows " + grant_phrase(found);
        if (!group_name.empty()) detail += " (" + group_name + ")";
        return {Tri::True, evidence(found, document), detail};
    });
}

// ---- policy_allows_privilege_escalation -----------------------------------------------------

Outcome policy_allows_privilege_escalation(const Value& subject, const Value&,
                                           const BuiltinContext&) {
    const std::vector<NamedPolicy> documents = documents_of(subject);
    std::vector<const Policy*> policies;
    for (const NamedPolicy& document : documents)
        policies.push_back(&document.policy);
    const iam::EscalationGrant found = iam::find_escalation(policies, iam::builtin_action_table());
    if (found.value == Tri::False) return {Tri::False, evidence_of(subject), {}};
    Outcome outcome{found.value, evidence_of(subject), {}};
    if (!found.grants.empty() && found.grants.front().where)
        outcome.evidence = found.grants.front().where;
    if (found.value != Tri::True) return outcome;
    std::string actions, statements;
    for (const Grant& grant : found.grants) {
        if (!actions.empty()) actions += " + ";
        actions += grant.action;
        // The statement that grants it, named by policy when the resource has several.
        for (const NamedPolicy& document : documents) {
            for (const iam::Statement& statement : document.policy.statements) {
                if (&statement != grant.statement) continue;
                const std::string said = where_said(document, grant);
                if (statements.find(said) == std::string::npos)
                    statements += (statements.empty() ? "" : ", ") + said;
            }
        }
    }
    outcome.detail = statements + " allow " + actions + " on broad resources: it can " +
                     found.escalation->summary + " (privilege escalation '" + found.escalation->id +
                     "')";
    return outcome;
}

// ---- policy_allow_with_not ------------------------------------------------------------------

Outcome policy_allow_with_not(const Value& subject, const Value& args, const BuiltinContext&) {
    bool not_action = true, not_resource = true;
    if (const Value* fields = args.find("fields"); fields && fields->is_list()) {
        not_action = not_resource = false;
        for (const Value& field : fields->as_list()) {
            not_action = not_action || (field.is_string() && field.as_string() == "NotAction");
            not_resource =
                not_resource || (field.is_string() && field.as_string() == "NotResource");
        }
    }
    return over_documents(subject, [&](const NamedPolicy& document) -> Outcome {
        const Grant grant =
            iam::PolicyAnalyzer(document.policy).allow_with_negation(not_action, not_resource);
        std::string detail;
        if (grant.value == Tri::True) {
            detail = where_said(document, grant) + " allows with " + grant.action + ": " +
                     (grant.action == "NotAction"
                          ? "every action except those listed, including any added to AWS later"
                          : "every resource except those listed") +
                     (grant.resource.empty() || grant.action == "NotResource"
                          ? ""
                          : ", on " + grant.resource);
        }
        return {grant.value, evidence(grant, document), detail};
    });
}

std::optional<std::string> validate_not_fields(const Value& args) {
    if (args.is_null() || (args.is_map() && args.as_map().empty())) return std::nullopt;
    const Value* fields = args.find("fields");
    if (!args.is_map() || args.as_map().size() != 1 || fields == nullptr || !fields->is_list())
        return std::string("takes args: {fields: [NotAction, NotResource]}");
    for (const Value& field : fields->as_list()) {
        if (!field.is_string() ||
            (field.as_string() != "NotAction" && field.as_string() != "NotResource"))
            return std::string("fields are NotAction and/or NotResource");
    }
    return std::nullopt;
}

// ---- trust_policy_open ----------------------------------------------------------------------

Outcome trust_policy_open(const Value& subject, const Value& args, const BuiltinContext&) {
    const std::string who = args.find("who")->as_string();
    const iam::TrustProblem problem = who == "everyone"    ? iam::TrustProblem::Everyone
                                      : who == "federated" ? iam::TrustProblem::Federated
                                                           : iam::TrustProblem::ExternalAccount;
    return over_documents(subject, [&](const NamedPolicy& document) -> Outcome {
        const Grant grant = iam::trust_problem(document.policy, problem);
        std::string detail;
        if (grant.value == Tri::True)
            detail = where_said(document, grant) + " lets " + grant.who + " assume the role (" +
                     grant.action + ")";
        return {grant.value, evidence(grant, document), detail};
    });
}

std::optional<std::string> validate_trust(const Value& args) {
    const Value* who = args.find("who");
    if (!args.is_map() || args.as_map().size() != 1 || who == nullptr || !who->is_string() ||
        (who->as_string() != "everyone" && who->as_string() != "federated" &&
         who->as_string() != "external-account"))
        return std::string("needs args: {who: everyone | federated | external-account}");
    return std::nullopt;
}

// ---- resource_policy_public -----------------------------------------------------------------

Outcome resource_policy_public(const Value& subject, const Value& args, const BuiltinContext&) {
    std::vector<std::string> actions;
    if (const Value* list = args.find("actions"); list && list->is_list()) {
        for (const Value& action : list->as_list())
            actions.push_back(action.as_string());
    }
    return over_documents(subject, [&](const NamedPolicy& document) -> Outcome {
        const Grant grant = iam::PolicyAnalyzer(document.policy).public_grant(actions);
        std::string detail;
        if (grant.value == Tri::True)
            detail = where_said(document, grant) + " allows " + grant_phrase(grant) + " to " +
                     grant.who +
                     ", with no condition that limits who (account, organization, source ARN, VPC "
                     "endpoint)";
        return {grant.value, evidence(grant, document), detail};
    });
}

std::optional<std::string> validate_public(const Value& args) {
    if (args.is_null() || (args.is_map() && args.as_map().empty())) return std::nullopt;
    const Value* actions = args.find("actions");
    if (!args.is_map() || args.as_map().size() != 1 || actions == nullptr || !actions->is_list() ||
        actions->as_list().empty())
        return std::string("takes args: {actions: [service:Action, ...]}");
    for (const Value& action : actions->as_list()) {
        if (!action.is_string() || action.as_string().find(':') == std::string::npos)
            return std::string("actions are written service:Action");
    }
    return std::nullopt;
}

// ---- resource_policy_service_without_source -------------------------------------------------

Outcome resource_policy_service_without_source(const Value& subject, const Value&,
                                               const BuiltinContext&) {
    return over_documents(subject, [&](const NamedPolicy& document) -> Outcome {
        const Grant grant = iam::PolicyAnalyzer(document.policy).service_grant_without_source();
        std::string detail;
        if (grant.value == Tri::True)
            detail = where_said(document, grant) + " allows " + grant.action + " to the service " +
                     grant.who +
                     " for requests on behalf of any account (no aws:SourceArn or "
                     "aws:SourceAccount condition)";
        return {grant.value, evidence(grant, document), detail};
    });
}

}  // namespace

void add_iam_policy_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"policy_grants_admin", "a policy allows every action (*) on every resource (*)",
         policy_grants_admin, no_args},
        {"policy_allows",
         "a policy allows one of args.actions, an action of args.groups (permissions, write, "
         "data-read, credentials, read, list) or every action of one of args.services; "
         "args.resources '*' or 'broad' and "
         "args.unconditioned "
         "narrow what counts",
         policy_allows, validate_allows},
        {"policy_allows_privilege_escalation",
         "the policies of a resource together allow a privilege-escalation combination of the "
         "action table",
         policy_allows_privilege_escalation, no_args},
        {"policy_allow_with_not",
         "an Allow statement uses NotAction or NotResource (args.fields picks which)",
         policy_allow_with_not, validate_not_fields},
        {"trust_policy_open",
         "a role trust policy lets args.who assume the role: everyone, a web identity provider's "
         "users without "
         "aud/sub conditions (GitHub sub wildcards), or a whole external account without "
         "sts:ExternalId",
         trust_policy_open, validate_trust},
        {"resource_policy_public",
         "a resource policy allows everyone (Principal *) without a condition that limits who; "
         "args.actions "
         "limits it to those actions",
         resource_policy_public, validate_public},
        {"resource_policy_service_without_source",
         "a resource policy allows an AWS service principal without aws:SourceArn or "
         "aws:SourceAccount",
         resource_policy_service_without_source, no_args},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
