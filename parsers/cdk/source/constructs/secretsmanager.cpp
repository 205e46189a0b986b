// aws_secretsmanager: Secret (generated value, KMS key, name).
#include "parsers/cdk/source/synth.h"

namespace bulwark::cdk {
namespace {

void secret(Synth& s) {
    Value& p = s.emit("AWS::SecretsManager::Secret");
    if (const Sym* v = s.prop("secret_name")) Synth::set(p, "Name", to_value(*v));
    if (const Sym* v = s.prop("description")) Synth::set(p, "Description", to_value(*v));
    if (const Sym* v = s.prop("encryption_key")) {
        const Object* k = object_of(v);
        Synth::set(p, "KmsKeyId", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("secret_string_value")) {
        Synth::set(p, "SecretString", Value::unknown("a secret value", {}, v->range));
    } else if (const Sym* v = s.prop("generate_secret_string")) {
        Synth::set(p, "GenerateSecretString", to_value(*v));
    } else {
        Synth::set(p, "GenerateSecretString", s.fallback(Value::map({})));
    }
    apply_removal_policy(s, *s.primary_of(s.self()), "Delete");
}

}  // namespace

void add_secretsmanager_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_secretsmanager.Secret", secret});
}

}  // namespace bulwark::cdk
