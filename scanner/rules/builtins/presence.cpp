// `is_set`: a setting that names something (a key, a web ACL, a certificate) is really there.
// Unlike `exists`, an empty string or list does not count; like `exists`, a reference to a
// resource does (its ARN or ID is known to be non-empty), while any other unknown stays unknown.

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;

Outcome is_set(const Value& subject, const Value&, const BuiltinContext&) {
    if (subject.is_unknown()) {
        return {subject.as_unknown().references.empty() ? Tri::Unknown : Tri::True,
                evidence_of(subject)};
    }
    if (subject.is_string()) return {tri(!subject.as_string().empty()), evidence_of(subject)};
    if (subject.is_list()) return {tri(!subject.as_list().empty()), evidence_of(subject)};
    if (subject.is_map()) return {tri(!subject.as_map().empty()), evidence_of(subject)};
    return {tri(!subject.is_null()), evidence_of(subject)};
}

}  // namespace

void add_presence_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"is_set",
         "the value is a non-empty string, list or map, a number or boolean, or a reference to a "
         "resource (an empty string does not count)",
         is_set, no_args},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
