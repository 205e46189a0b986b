// aws_kms: Key (rotation, key spec and usage, default key policy, removal policy) and Alias.
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

std::string enum_value(const std::optional<std::string>& member) {
    return member ? *member : std::string();
}

void key(Synth& s) {
    Value& p = s.emit("AWS::KMS::Key");
    if (const Sym* v = s.prop("description")) Synth::set(p, "Description", to_value(*v));
    // enable_key_rotation: CDK writes it only when it is given (rotation is off otherwise).
    if (const Sym* v = s.prop("enable_key_rotation"))
        Synth::set(p, "EnableKeyRotation", to_value(*v));
    if (const Sym* v = s.prop("rotation_period")) {
        if (auto seconds = duration_seconds(v); seconds && seconds->is_number()) {
            Synth::set(p, "RotationPeriodInDays",
                       Value::number(seconds->as_number() / 86400, v->range));
        }
    }
    if (const Sym* v = s.prop("key_spec")) {
        const std::string member = enum_value(member_of(v, "KeySpec"));
        Synth::set(p, "KeySpec", member.empty() ? to_value(*v) : Value::string(member, v->range));
    }
    if (const Sym* v = s.prop("key_usage")) {
        const std::string member = enum_value(member_of(v, "KeyUsage"));
        Synth::set(p, "KeyUsage", member.empty() ? to_value(*v) : Value::string(member, v->range));
    }
    if (const Sym* v = s.prop("enabled")) Synth::set(p, "Enabled", to_value(*v));
    if (const Sym* v = s.prop("multi_region")) Synth::set(p, "MultiRegion", to_value(*v));
    if (const Sym* v = s.prop("pending_window")) {
        if (auto seconds = duration_seconds(v); seconds && seconds->is_number()) {
            Synth::set(p, "PendingWindowInDays",
                       Value::number(seconds->as_number() / 86400, v->range));
        }
    }
    if (const Sym* v = s.prop("policy")) {
        Synth::set(p, "KeyPolicy", iam::document(*v));
    } else {
        // The default key policy gives the account root kms:*.
        const SourceRange at = s.call();
        Value statement = Value::map({}, at);
        Synth::set(statement, "Action", Value::string("kms:*", at));
        Synth::set(statement, "Effect", Value::string("Allow", at));
        Value principal = Value::map({}, at);
        principal.set("AWS", Value::unknown("the account's root principal", {}, at), at);
        Synth::set(statement, "Principal", std::move(principal));
        Synth::set(statement, "Resource", Value::string("*", at));
        Synth::set(p, "KeyPolicy", iam::document_of({std::move(statement)}, at));
    }
    apply_removal_policy(s, *s.primary_of(s.self()), "Retain");
    if (const Sym* alias = s.prop("alias")) {
        Object& child = s.make_child("Alias", "aws_kms.Alias");
        SynthResource& r = s.emit_at(child.path, "AWS::KMS::Alias", "aws_kms.Alias", alias->range);
        Synth::set(r.properties, "AliasName", to_value(*alias));
        Synth::set(r.properties, "TargetKeyId", reference_to(s.self(), "Arn", alias->range));
    }
}

void alias(Synth& s) {
    Value& p = s.emit("AWS::KMS::Alias");
    if (const Sym* v = s.prop("alias_name")) Synth::set(p, "AliasName", to_value(*v));
    if (const Sym* v = s.prop("target_key")) {
        const Object* k = object_of(v);
        Synth::set(p, "TargetKeyId", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
}

Sym grant(Synth& s, std::vector<std::string_view> actions) {
    iam::grant(s, s.param(0, "grantee"), actions, reference_to(s.self(), "Arn", s.call()));
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_kms_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_kms.Key", key});
    catalog.constructs.push_back({"aws_kms.Alias", alias});
    catalog.methods.push_back(
        {"aws_kms.Key", "grant_decrypt", [](Synth& s) { return grant(s, {"kms:Decrypt"}); }});
    catalog.methods.push_back(
        {"aws_kms.Key", "grant_encrypt", [](Synth& s) {
             return grant(s, {"kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"});
         }});
    catalog.methods.push_back({"aws_kms.Key", "grant_encrypt_decrypt", [](Synth& s) {
                                   return grant(s, {"kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*",
                                                    "kms:GenerateDataKey*"});
                               }});
}

}  // namespace bulwark::cdk
