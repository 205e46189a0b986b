#pragma once

// What a statement's Condition block does to the grant. Bulwark sorts condition keys into:
// - keys that pin *who* may use the grant or where a service request comes from (an account, an
//   organization, a principal ARN, a source resource, a VPC endpoint, an external ID);
// - keys that only describe the request's context (TLS, MFA, time, region, caller network),
//   which limit how a grant is used but not what it grants;
// - every other key, which is taken to narrow the grant (tags, policy ARNs, encryption context).
// Only positive operators (StringEquals, StringLike, ArnLike, IpAddress, ...; ForAnyValue:
// variants) with fixed values restrict. Negative operators (StringNotEquals, ...) in an Allow
// exclude some callers but admit everyone else; `...IfExists` and `ForAllValues:` tests hold
// when the key is absent, so they restrict nothing either.

#include <string_view>

#include "iam/policy.h"
#include "model/tri.h"

namespace bulwark::iam {

enum class KeyKind { Who, Context, Other };

KeyKind classify_key(std::string_view key);
// Keys that only describe the request (TLS, MFA, time, network); a key may be both Who and
// context (aws:SourceVpce pins who in a resource policy, and only where from in an identity one).
bool is_context_key(std::string_view key);

enum class OperatorKind { Positive, Negative, Other };

struct Operator {
    OperatorKind kind = OperatorKind::Other;
    bool if_exists = false;
    bool for_all_values = false;
};

Operator classify_operator(std::string_view op);

// Whether the test restricts the grant to the values it names: a positive operator that must be
// present (no IfExists, no ForAllValues) and at least one value that is not a bare wildcard.
bool test_restricts(const ConditionTest& test);

// Whether the statement's conditions pin who may use it (keys of kind Who, or those in `keys`
// when given, compared without regard to case). Unknown when the condition block is unknown.
Tri restricts_who(const Conditions& conditions);
Tri restricts_with_keys(const Conditions& conditions, std::initializer_list<std::string_view> keys);

// Whether some condition narrows what the statement grants (any restricting test whose key is
// not a mere context key). Unknown when the block is unknown.
Tri narrows_grant(const Conditions& conditions);

// Whether a Deny statement's conditions exclude everyone outside a fixed set of callers (a
// negative test on a Who key: Deny unless aws:PrincipalOrgID equals o-xxxx).
bool denies_outsiders(const Conditions& conditions);

}  // namespace bulwark::iam
