#pragma once

// Questions about what a normalized policy grants. Every answer is three-valued: True with the
// statement (and the value in it) that grants, False when no statement does, Unknown when a part
// Bulwark cannot know before deployment decides it.
//
// Deny statements cancel an Allow only when they certainly cover all of it: same or wider
// actions, every resource, every principal, and no Condition (a conditional Deny covers only
// some requests). A Deny Bulwark cannot read (an unknown statement) makes the answer Unknown.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/action_table.h"
#include "iam/policy.h"
#include "model/tri.h"

namespace bulwark::iam {

struct Grant {
    Tri value = Tri::False;
    const Statement* statement = nullptr;
    std::string action;    // what is granted, as a reader should see it ("iam:PassRole", "*")
    std::string written;   // the pattern in the policy that grants it ("iam:*"), when different
    std::string resource;  // on what ("*", "every resource except ...")
    std::string who;       // to whom, for resource policies ("everyone (Principal *)")
    std::optional<SourceRange> where;  // the value that decided it
};

enum class ResourceScope {
    Any,    // any resource
    All,    // `*` (or NotResource, which grants all but a few)
    Broad,  // `*` or every resource of a type (arn:...:role/*, arn:...:function:*)
};

struct GrantFilter {
    ResourceScope resources = ResourceScope::Any;
    // Skip statements whose conditions narrow the grant (see conditions.h).
    bool unconditioned = false;
    // Only statements that grant to everyone (Principal *) with no condition that pins who.
    bool to_everyone = false;
};

// Whether a pattern written in a policy matches every action of `target`: a concrete action
// ("iam:PassRole"), a whole service ("iam:*") or everything ("*"). Action names compare
// without regard to case.
Tri actions_cover(const ItemList& actions, std::string_view target);

Tri resources_in_scope(const ItemList& resources, ResourceScope scope);

// Whether the statement grants to everyone: Principal "*", {"AWS": "*"}, or NotPrincipal.
Tri principal_is_everyone(const Principals& principals);

class PolicyAnalyzer {
  public:
    explicit PolicyAnalyzer(const Policy& policy) : policy_(policy) {}

    // An Allow of `target` (a concrete action, "service:*" or "*") not cancelled by a Deny.
    Grant allows(std::string_view target, const GrantFilter& filter) const;
    // An Allow of some action of a group of the action table (of one service, or of all).
    Grant allows_group(const ActionTable& table, ActionGroup group, std::string_view service,
                       const GrantFilter& filter) const;
    // An Allow statement written with NotAction (or NotResource).
    Grant allow_with_negation(bool not_action, bool not_resource) const;
    // An Allow to everyone without a condition that pins who (and not fenced by a Deny for
    // everyone outside a fixed set). `actions` limits it to grants of those actions.
    Grant public_grant(const std::vector<std::string>& actions) const;
    // An Allow to an AWS service principal without aws:SourceArn / SourceAccount /
    // SourceOrgID / SourceOrgPaths / SourceOwner (the confused-deputy guard).
    Grant service_grant_without_source() const;

    const Policy& policy() const { return policy_; }

  private:
    Grant evaluate(const Statement& statement, std::string_view target,
                   const GrantFilter& filter) const;
    Tri cancelled_by_deny(std::string_view target, const GrantFilter& filter) const;

    const Policy& policy_;
};

// Role trust policies: who may assume the role.
enum class TrustProblem {
    Everyone,         // Principal * without a condition that pins who
    Federated,        // a web identity provider without aud/sub conditions, or GitHub sub wildcards
    ExternalAccount,  // a whole AWS account without sts:ExternalId or an organization condition
};
Grant trust_problem(const Policy& policy, TrustProblem problem);

// Privilege escalation: a combination of the table's escalations that the policies together
// allow on broad resources, unconditioned and not cancelled by a Deny.
struct EscalationGrant {
    Tri value = Tri::False;
    const Escalation* escalation = nullptr;
    std::vector<Grant> grants;  // one per action of the escalation
};
EscalationGrant find_escalation(const std::vector<const Policy*>& policies,
                                const ActionTable& table);

}  // namespace bulwark::iam
