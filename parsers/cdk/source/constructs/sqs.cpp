// aws_sqs: Queue (encryption, TLS-only policy, dead-letter queue, retention).
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

void encryption(Synth& s, Value& p) {
    const Sym* encryption = s.prop("encryption");
    const Sym* key = s.prop("encryption_master_key");
    if (encryption == nullptr && key == nullptr) return;  // SQS applies SSE-SQS itself.
    const auto member = member_of(encryption, "QueueEncryption");
    const SourceRange at = encryption ? encryption->range : key->range;
    if (encryption != nullptr && !member) {
        Synth::set(p, "KmsMasterKeyId", Value::unknown("queue encryption", {}, at));
        return;
    }
    const std::string kind = key != nullptr ? "KMS" : *member;
    if (kind == "UNENCRYPTED") {
        Synth::set(p, "SqsManagedSseEnabled", Value::boolean(false, at));
    } else if (kind == "SQS_MANAGED") {
        Synth::set(p, "SqsManagedSseEnabled", Value::boolean(true, at));
    } else if (kind == "KMS_MANAGED") {
        Synth::set(p, "KmsMasterKeyId", Value::string("alias/aws/sqs", at));
    } else if (kind == "KMS") {
        if (const Object* k = object_of(key)) {
            Synth::set(p, "KmsMasterKeyId", reference_to(*k, "Arn", key->range));
        } else {
            Object& auto_key = s.make_child("Key", "aws_kms.Key");
            SynthResource& r = s.emit_at(auto_key.path, "AWS::KMS::Key", "aws_kms.Key", s.call());
            auto_key.primary = auto_key.path;
            auto_key.primary_type = "AWS::KMS::Key";
            Synth::set(r.properties, "Description",
                       s.fallback(Value::string("Created by " + s.self().path)));
            Synth::set(p, "KmsMasterKeyId", reference_to(auto_key, "Arn", at));
        }
    }
}

void queue(Synth& s) {
    Value& p = s.emit("AWS::SQS::Queue");
    encryption(s, p);
    if (const Sym* v = s.prop("queue_name")) Synth::set(p, "QueueName", to_value(*v));
    if (const Sym* v = s.prop("fifo")) Synth::set(p, "FifoQueue", to_value(*v));
    for (auto [prop, cfn] : {std::pair{"visibility_timeout", "VisibilityTimeout"},
                             {"retention_period", "MessageRetentionPeriod"},
                             {"delivery_delay", "DelaySeconds"},
                             {"receive_message_wait_time", "ReceiveMessageWaitTimeSeconds"}}) {
        if (const Sym* v = s.prop(prop)) {
            if (auto seconds = duration_seconds(v)) Synth::set(p, cfn, *seconds);
        }
    }
    if (const Sym* v = s.prop("dead_letter_queue")) {
        Value redrive = Value::map({}, v->range);
        const Sym* target = nullptr;
        const Sym* count = nullptr;
        // A plain object / dict, or the struct class Python apps call: sqs.DeadLetterQueue(...).
        const Object* options = object_of(v);
        const std::vector<SymEntry>* entries = nullptr;
        if (options != nullptr && is_class(options, "DeadLetterQueue")) {
            entries = &options->props.entries;
        } else if (v->kind == SymKind::Dict) {
            entries = &v->entries;
        }
        if (entries != nullptr) {
            for (const SymEntry& e : *entries) {
                if (to_snake(e.key) == "queue") target = &e.value;
                if (to_snake(e.key) == "max_receive_count") count = &e.value;
            }
        }
        const Object* q = object_of(target);
        Synth::set(
            redrive, "deadLetterTargetArn",
            q ? reference_to(*q, "Arn", target->range) : Value::unknown("a queue", {}, v->range));
        if (count) Synth::set(redrive, "maxReceiveCount", to_value(*count));
        Synth::set(p, "RedrivePolicy", std::move(redrive));
    }
    apply_removal_policy(s, *s.primary_of(s.self()), "Delete");
    if (const Sym* v = s.prop("enforce_ssl")) {
        if (auto b = bool_value(v); b && b->is_bool() && b->as_bool()) {
            iam::add_to_resource_policy(
                s, s.self(), "AWS::SQS::QueuePolicy",
                iam::deny_insecure_transport("sqs:*", reference_to(s.self(), "Arn", v->range),
                                             v->range));
        }
    }
}

Sym grant(Synth& s, std::vector<std::string_view> actions) {
    iam::grant(s, s.param(0, "grantee"), actions, reference_to(s.self(), "Arn", s.call()));
    return Sym::of(Value::null(s.call()));
}

Sym add_to_resource_policy(Synth& s) {
    if (const Sym* statement = s.param(0, "statement")) {
        iam::add_to_resource_policy(s, s.self(), "AWS::SQS::QueuePolicy",
                                    iam::statement(*statement));
    }
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_sqs_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_sqs.Queue", queue});
    catalog.methods.push_back({"aws_sqs.Queue", "add_to_resource_policy", add_to_resource_policy});
    catalog.methods.push_back(
        {"aws_sqs.Queue", "grant_send_messages", [](Synth& s) {
             return grant(s, {"sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"});
         }});
    catalog.methods.push_back(
        {"aws_sqs.Queue", "grant_consume_messages", [](Synth& s) {
             return grant(s, {"sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                              "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"});
         }});
}

}  // namespace bulwark::cdk
