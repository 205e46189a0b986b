#include "iam/conditions.h"

#include <algorithm>
#include <cctype>
#include <string>
#include "util/text.h"

namespace bulwark::iam {
namespace {

// Keys whose fixed values name the caller or the request's source. Following AWS's own test of
// a "public" S3 policy, plus sts:ExternalId for role trust and kms:CallerAccount for key policies.
constexpr std::string_view kWhoKeys[] = {
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:userid",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceip",
    "sts:externalid",
    "kms:calleraccount",
    "s3:dataaccesspointarn",
    "s3:dataaccesspointaccount",
};

// Keys that describe the request, not the grant.
constexpr std::string_view kContextKeys[] = {
    "aws:securetransport",
    "aws:multifactorauthpresent",
    "aws:multifactorauthage",
    "aws:requestedregion",
    "aws:currenttime",
    "aws:epochtime",
    "aws:tokenissuetime",
    "aws:useragent",
    "aws:referer",
    "aws:viaawsservice",
    "aws:calledvia",
    "aws:calledviafirst",
    "aws:calledvialast",
    "aws:sourceip",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:vpcsourceip",
    "aws:principaltype",
    "aws:principalisawsservice",
};

bool is_bare_wildcard(const Item& value) {
    return !value.unknown && !value.text.empty() &&
           value.text.find_first_not_of("*?") == std::string::npos;
}

bool is_open_cidr(const Item& value) {
    return value.text == "0.0.0.0/0" || value.text == "::/0";
}

}  // namespace

KeyKind classify_key(std::string_view key) {
    const std::string k = ascii_lower(key);
    if (std::find(std::begin(kWhoKeys), std::end(kWhoKeys), k) != std::end(kWhoKeys))
        return KeyKind::Who;
    if (is_context_key(k)) return KeyKind::Context;
    return KeyKind::Other;
}

bool is_context_key(std::string_view key) {
    const std::string k = ascii_lower(key);
    return std::find(std::begin(kContextKeys), std::end(kContextKeys), k) != std::end(kContextKeys);
}

Operator classify_operator(std::string_view op) {
    Operator out;
    std::string name = ascii_lower(op);
    if (name.starts_with("forallvalues:")) {
        out.for_all_values = true;
        name = name.substr(13);
    } else if (name.starts_with("foranyvalue:")) {
        name = name.substr(12);
    }
    if (name.ends_with("ifexists")) {
        out.if_exists = true;
        name.resize(name.size() - 8);
    }
    constexpr std::string_view positive[] = {
        "stringequals", "stringequalsignorecase", "stringlike",  "arnequals", "arnlike",
        "ipaddress",    "numericequals",          "binaryequals"};
    constexpr std::string_view negative[] = {"stringnotequals", "stringnotequalsignorecase",
                                             "stringnotlike",   "arnnotequals",
                                             "arnnotlike",      "notipaddress",
                                             "numericnotequals"};
    if (std::find(std::begin(positive), std::end(positive), name) != std::end(positive))
        out.kind = OperatorKind::Positive;
    if (std::find(std::begin(negative), std::end(negative), name) != std::end(negative))
        out.kind = OperatorKind::Negative;
    return out;
}

bool test_restricts(const ConditionTest& test) {
    const Operator op = classify_operator(test.op);
    if (op.kind != OperatorKind::Positive || op.if_exists || op.for_all_values) return false;
    if (test.values_unknown) return true;  // some fixed value, known at deployment
    return std::any_of(test.values.begin(), test.values.end(), [](const Item& value) {
        return !is_bare_wildcard(value) && !is_open_cidr(value);
    });
}

Tri restricts_with_keys(const Conditions& conditions,
                        std::initializer_list<std::string_view> keys) {
    if (!conditions.present) return Tri::False;
    for (const ConditionTest& test : conditions.tests) {
        const std::string key = ascii_lower(test.key);
        const bool listed = std::any_of(keys.begin(), keys.end(),
                                        [&](std::string_view k) { return ascii_lower(k) == key; });
        if (listed && test_restricts(test)) return Tri::True;
    }
    return conditions.unknown ? Tri::Unknown : Tri::False;
}

Tri restricts_who(const Conditions& conditions) {
    if (!conditions.present) return Tri::False;
    for (const ConditionTest& test : conditions.tests) {
        if (classify_key(test.key) == KeyKind::Who && test_restricts(test)) return Tri::True;
    }
    return conditions.unknown ? Tri::Unknown : Tri::False;
}

Tri narrows_grant(const Conditions& conditions) {
    if (!conditions.present) return Tri::False;
    for (const ConditionTest& test : conditions.tests) {
        if (is_context_key(test.key)) continue;
        // Null on a tag or request key ("the resource must carry tag X") narrows too.
        if (test_restricts(test) || ascii_lower(test.op) == "null") return Tri::True;
    }
    return conditions.unknown ? Tri::Unknown : Tri::False;
}

bool denies_outsiders(const Conditions& conditions) {
    for (const ConditionTest& test : conditions.tests) {
        const Operator op = classify_operator(test.op);
        if (classify_key(test.key) == KeyKind::Who && op.kind == OperatorKind::Negative &&
            !op.if_exists && (test.values_unknown || !test.values.empty()))
            return true;
    }
    return false;
}

}  // namespace bulwark::iam
