// aws_secretsmanager: Secret (generated value, KMS key, name, resource policy).
#include "parsers/cdk/source/constructs/iam_support.h"

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

// add_to_resource_policy: CDK creates <secret>/Policy, an AWS::SecretsManager::ResourcePolicy.
Sym add_to_resource_policy(Synth& s) {
    if (const Sym* statement = s.param(0, "statement")) {
        iam::add_to_resource_policy(s, s.self(), "AWS::SecretsManager::ResourcePolicy",
                                    iam::statement(*statement));
    }
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_secretsmanager_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_secretsmanager.Secret", secret});
    catalog.methods.push_back(
        {"aws_secretsmanager.Secret", "add_to_resource_policy", add_to_resource_policy});
}

}  // namespace bulwark::cdk
