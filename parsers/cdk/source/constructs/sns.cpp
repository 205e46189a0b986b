// aws_sns: Topic (KMS key, FIFO, TLS-only policy).
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

void topic(Synth& s) {
    Value& p = s.emit("AWS::SNS::Topic");
    if (const Sym* v = s.prop("topic_name")) Synth::set(p, "TopicName", to_value(*v));
    if (const Sym* v = s.prop("display_name")) Synth::set(p, "DisplayName", to_value(*v));
    if (const Sym* v = s.prop("fifo")) Synth::set(p, "FifoTopic", to_value(*v));
    if (const Sym* v = s.prop("master_key")) {
        const Object* k = object_of(v);
        Synth::set(p, "KmsMasterKeyId", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("enforce_ssl")) {
        if (auto b = bool_value(v); b && b->is_bool() && b->as_bool()) {
            iam::add_to_resource_policy(
                s, s.self(), "AWS::SNS::TopicPolicy",
                iam::deny_insecure_transport("sns:Publish", reference_to(s.self(), "", v->range),
                                             v->range));
        }
    }
}

Sym add_to_resource_policy(Synth& s) {
    if (const Sym* statement = s.param(0, "statement")) {
        iam::add_to_resource_policy(s, s.self(), "AWS::SNS::TopicPolicy",
                                    iam::statement(*statement));
    }
    return Sym::of(Value::null(s.call()));
}

Sym grant_publish(Synth& s) {
    iam::grant(s, s.param(0, "grantee"), {"sns:Publish"}, reference_to(s.self(), "", s.call()));
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_sns_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_sns.Topic", topic});
    catalog.methods.push_back({"aws_sns.Topic", "add_to_resource_policy", add_to_resource_policy});
    catalog.methods.push_back({"aws_sns.Topic", "grant_publish", grant_publish});
}

}  // namespace bulwark::cdk
