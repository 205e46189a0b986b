// Resource policies that deny requests not sent over TLS.

#include "iam/analyzer.h"
#include "iam/policy.h"
#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"
#include "util/text.h"

namespace bulwark {
namespace {

using namespace builtin_support;

// ---- policy_denies_insecure_transport -------------------------------------------------------

bool requires_insecure(const iam::Conditions& conditions) {
    for (const iam::ConditionTest& test : conditions.tests) {
        const std::string op = ascii_lower(test.op);
        if ((op != "bool" && op != "boolifexists") ||
            ascii_lower(test.key) != "aws:securetransport")
            continue;
        for (const iam::Item& value : test.values) {
            if (!value.unknown && ascii_lower(value.text) == "false") return true;
        }
    }
    return false;
}

// An S3 policy must deny on the bucket (ListBucket, policy calls) and on its objects: "*", or
// the bucket ARN and its /* objects. A reference (aws_s3_bucket.b.arn, ${Bucket.Arn}/*) is taken
// to fill one of the two (policies name their own bucket); too few of them leave it undecided.
Tri covers_bucket_and_objects(const iam::ItemList& resources) {
    if (!resources.present) return Tri::True;
    if (resources.negated) return Tri::False;
    if (resources.unknown) return Tri::Unknown;
    bool bucket = false, objects = false;
    int references = 0;
    for (const iam::Item& item : resources.items) {
        if (item.unknown) {
            references += 1;
            continue;
        }
        const std::string& arn = item.text;
        if (arn == "*" || arn.ends_with(":::*") ||
            (arn.ends_with("*") && arn.find('/') == std::string::npos)) {
            bucket = objects = true;
        } else if (arn.ends_with("/*")) {
            objects = true;
        } else if (arn.find('/') == std::string::npos) {
            bucket = true;
        }
    }
    const int missing = (bucket ? 0 : 1) + (objects ? 0 : 1);
    if (missing == 0) return Tri::True;
    if (references >= missing) return Tri::True;
    return references > 0 ? Tri::Unknown : Tri::False;
}

Outcome policy_denies_insecure_transport(const Value& subject, const Value&,
                                         const BuiltinContext& context) {
    const iam::Policy policy = iam::normalize_policy(subject);
    if (policy.unknown) return {Tri::Unknown, evidence_of(subject)};
    const std::string service = service_of(context.resource.type);
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
        // SNS: denying publishing is what AWS documents and CDK's enforceSSL writes.
        const std::string required = service.empty()    ? "*"
                                     : service == "sns" ? "sns:Publish"
                                                        : service + ":*";
        const Tri all_actions = iam::actions_cover(statement.actions, required);
        const Tri insecure = statement.conditions.unknown
                                 ? Tri::Unknown
                                 : tri(requires_insecure(statement.conditions));
        const Tri resources =
            service == "s3" ? covers_bucket_and_objects(statement.resources) : Tri::True;
        const Tri verdict =
            tri_and(tri_and(denies, everyone), tri_and(tri_and(all_actions, insecure), resources));
        if (verdict == Tri::True) {
            return {Tri::True, statement.range.valid() ? std::optional<SourceRange>(statement.range)
                                                       : evidence_of(subject)};
        }
        result.value = tri_or(result.value, verdict);
    }
    return result;
}

}  // namespace

void add_transport_policy_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"policy_denies_insecure_transport",
         "a policy document denies every action of the resource's service (for SNS publishing) "
         "to everyone when aws:SecureTransport is false (for S3 on the bucket and its objects)",
         policy_denies_insecure_transport, no_args},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
