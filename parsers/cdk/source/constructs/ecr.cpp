// aws_ecr: Repository (scan on push, tag mutability, encryption, repository policy).
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

void repository(Synth& s) {
    Value& p = s.emit("AWS::ECR::Repository");
    if (const Sym* v = s.prop("repository_name")) Synth::set(p, "RepositoryName", to_value(*v));
    if (const Sym* v = s.prop("image_scan_on_push")) {
        Value scanning = Value::map({}, v->range);
        Synth::set(scanning, "ScanOnPush", to_value(*v));
        Synth::set(p, "ImageScanningConfiguration", std::move(scanning));
    }
    if (const Sym* v = s.prop("image_tag_mutability")) {
        auto member = member_of(v, "TagMutability");
        Synth::set(p, "ImageTagMutability",
                   member ? Value::string(*member, v->range) : to_value(*v));
    }
    const Sym* encryption = s.prop("encryption");
    const Sym* key = s.prop("encryption_key");
    if (encryption != nullptr || key != nullptr) {
        const SourceRange at = encryption ? encryption->range : key->range;
        Value config = Value::map({}, at);
        std::string kind = key ? "KMS" : "";
        if (const Object* o = object_of(encryption); o && is_class(o, "RepositoryEncryption"))
            kind = "";
        if (auto member = member_of(encryption, "RepositoryEncryption")) kind = *member;
        if (kind == "AES_256") {
            Synth::set(config, "EncryptionType", Value::string("AES256", at));
        } else if (kind == "KMS") {
            Synth::set(config, "EncryptionType", Value::string("KMS", at));
            if (const Object* k = object_of(key))
                Synth::set(config, "KmsKey", reference_to(*k, "Arn", key->range));
        } else {
            config = Value::unknown("repository encryption", {}, at);
        }
        Synth::set(p, "EncryptionConfiguration", std::move(config));
    }
    if (const Sym* v = s.prop("lifecycle_rules")) {
        Value lifecycle = Value::map({}, v->range);
        Synth::set(lifecycle, "LifecyclePolicyText",
                   Value::unknown("lifecycle rules", {}, v->range));
        Synth::set(p, "LifecyclePolicy", std::move(lifecycle));
    }
    if (const Sym* v = s.prop("empty_on_delete")) Synth::set(p, "EmptyOnDelete", to_value(*v));
    apply_removal_policy(s, *s.primary_of(s.self()), "Retain");
}

// add_to_resource_policy: CDK renders the statements as the repository's RepositoryPolicyText.
Sym add_to_resource_policy(Synth& s) {
    Value* p = s.properties_of(s.self());
    const Sym* statement = s.param(0, "statement");
    if (p == nullptr || statement == nullptr) return Sym::of(Value::null(s.call()));
    if (p->find("RepositoryPolicyText") == nullptr)
        Synth::set(*p, "RepositoryPolicyText", iam::document_of({}, s.call()));
    Value* statements = p->find("RepositoryPolicyText")->find("Statement");
    if (statements != nullptr && statements->is_list())
        statements->as_list().push_back(iam::statement(*statement));
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_ecr_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_ecr.Repository", repository});
    catalog.methods.push_back(
        {"aws_ecr.Repository", "add_to_resource_policy", add_to_resource_policy});
}

}  // namespace bulwark::cdk
