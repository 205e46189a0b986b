// Resource policies that deny requests not sent over TLS.

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;

// ---- policy_denies_insecure_transport -------------------------------------------------------

Tri principal_is_everyone(const Value* principal) {
    if (principal == nullptr) return Tri::False;
    if (principal->is_unknown()) return Tri::Unknown;
    auto star = [](const std::string& s) { return s == "*"; };
    if (principal->is_string()) return tri(star(principal->as_string()));
    if (principal->is_map()) return any_string(principal->find("AWS"), star);
    return Tri::False;
}

Tri condition_requires_insecure(const Value* condition) {
    if (condition == nullptr) return Tri::False;
    if (condition->is_unknown()) return Tri::Unknown;
    Tri result = Tri::False;
    for (std::string_view op : {"Bool", "BoolIfExists"}) {
        const Value* test = condition->find(op);
        if (test == nullptr) continue;
        if (test->is_unknown()) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        const Value* secure = test->find("aws:SecureTransport");
        result = tri_or(
            result, any_string(secure, [](const std::string& s) { return lower(s) == "false"; }));
        if (secure && secure->is_bool() && !secure->as_bool()) return Tri::True;
    }
    return result;
}

Outcome policy_denies_insecure_transport(const Value& subject, const Value&,
                                         const BuiltinContext& context) {
    if (subject.is_unknown()) return {Tri::Unknown, evidence_of(subject)};
    if (subject.is_string()) {
        // A policy given as a JSON string is normalised by the IAM analyser (a later stage).
        return {Tri::Unknown, evidence_of(subject)};
    }
    const Value* statements = subject.find("Statement");
    if (statements == nullptr) return {Tri::False, evidence_of(subject)};
    if (statements->is_unknown()) return {Tri::Unknown, evidence_of(*statements)};
    std::vector<const Value*> list;
    if (statements->is_list()) {
        for (const Value& s : statements->as_list())
            list.push_back(&s);
    } else {
        list.push_back(statements);
    }
    const std::string service = service_of(context.resource.type);
    Outcome result{Tri::False, evidence_of(subject)};
    for (const Value* statement : list) {
        if (statement->is_unknown()) {
            result.value = tri_or(result.value, Tri::Unknown);
            continue;
        }
        const Value* effect = statement->find("Effect");
        Tri denies = effect == nullptr      ? Tri::False
                     : effect->is_unknown() ? Tri::Unknown
                     : effect->is_string()  ? tri(effect->as_string() == "Deny")
                                            : Tri::False;
        const Tri everyone = principal_is_everyone(statement->find("Principal"));
        const Tri all_actions = any_string(statement->find("Action"), [&](const std::string& a) {
            const std::string action = lower(a);
            return action == "*" || (!service.empty() && action == service + ":*");
        });
        const Tri insecure = condition_requires_insecure(statement->find("Condition"));
        const Tri verdict = tri_and(tri_and(denies, everyone), tri_and(all_actions, insecure));
        if (verdict == Tri::True) return {Tri::True, evidence_of(*statement)};
        result.value = tri_or(result.value, verdict);
    }
    return result;
}

}  // namespace

void add_transport_policy_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"policy_denies_insecure_transport",
         "a policy document denies every action of the resource's service to everyone when "
         "aws:SecureTransport is false",
         policy_denies_insecure_transport, no_args},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
