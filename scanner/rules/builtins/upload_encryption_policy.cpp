// Bucket policies that refuse object uploads which do not ask for server-side encryption.

#include "iam/analyzer.h"
#include "iam/policy.h"
#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"
#include "util/text.h"

namespace bulwark {
namespace {

using namespace builtin_support;

constexpr std::string_view kEncryptionHeader = "s3:x-amz-server-side-encryption";

// The statement applies only to uploads that do not request server-side encryption: the header
// is absent (Null = true) or is not one of the accepted values (StringNotEquals / StringNotLike,
// with or without IfExists).
Tri targets_unencrypted_uploads(const iam::Conditions& conditions) {
    if (conditions.unknown) return Tri::Unknown;
    Tri result = Tri::False;
    for (const iam::ConditionTest& test : conditions.tests) {
        if (ascii_lower(test.key) != kEncryptionHeader) continue;
        const std::string op = ascii_lower(test.op);
        if (op == "stringnotequals" || op == "stringnotequalsifexists" || op == "stringnotlike" ||
            op == "stringnotlikeifexists") {
            return Tri::True;
        }
        if (op != "null") continue;
        for (const iam::Item& value : test.values) {
            if (value.unknown) {
                result = tri_or(result, Tri::Unknown);
            } else if (ascii_lower(value.text) == "true") {
                return Tri::True;
            }
        }
    }
    return result;
}

// The statement covers the bucket's objects: "*", an ARN ending in "/*" or "*", or a reference
// (${Bucket.Arn}/*, aws_s3_bucket.b.arn), taken to name the policy's own bucket.
Tri covers_objects(const iam::ItemList& resources) {
    if (!resources.present) return Tri::True;
    if (resources.negated) return Tri::False;
    if (resources.unknown) return Tri::Unknown;
    bool reference = false;
    for (const iam::Item& item : resources.items) {
        if (item.unknown) {
            reference = true;
        } else if (item.text.ends_with("*")) {
            return Tri::True;
        }
    }
    return reference ? Tri::True : Tri::False;
}

Outcome policy_denies_unencrypted_uploads(const Value& subject, const Value&,
                                          const BuiltinContext&) {
    const iam::Policy policy = iam::normalize_policy(subject);
    if (policy.unknown) return {Tri::Unknown, evidence_of(subject)};
    Outcome result{Tri::False, evidence_of(subject)};
    for (const iam::Statement& statement : policy.statements) {
        if (statement.unknown) {
            result.value = tri_or(result.value, Tri::Unknown);
            continue;
        }
        const Tri denies = statement.effect == iam::Effect::Deny      ? Tri::True
                           : statement.effect == iam::Effect::Unknown ? Tri::Unknown
                                                                      : Tri::False;
        const Tri everyone = statement.principals.negated
                                 ? Tri::False
                                 : iam::principal_is_everyone(statement.principals);
        const Tri uploads = iam::actions_cover(statement.actions, "s3:PutObject");
        const Tri verdict = tri_and(tri_and(denies, everyone),
                                    tri_and(tri_and(uploads, covers_objects(statement.resources)),
                                            targets_unencrypted_uploads(statement.conditions)));
        if (verdict == Tri::True) {
            return {Tri::True, statement.range.valid() ? std::optional<SourceRange>(statement.range)
                                                       : evidence_of(subject)};
        }
        result.value = tri_or(result.value, verdict);
    }
    return result;
}

}  // namespace

void add_upload_encryption_policy_builtins(std::vector<Builtin>& out) {
    out.push_back({"policy_denies_unencrypted_uploads",
                   "a bucket policy denies s3:PutObject on the bucket's objects to everyone when "
                   "the request does not ask for server-side encryption "
                   "(s3:x-amz-server-side-encryption absent, or not an accepted value)",
                   policy_denies_unencrypted_uploads, no_args});
}

}  // namespace bulwark
