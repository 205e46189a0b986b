// aws_kinesis: Stream (shards or on-demand, retention, encryption).
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

void stream(Synth& s) {
    Value& p = s.emit("AWS::Kinesis::Stream");
    if (const Sym* v = s.prop("stream_name")) Synth::set(p, "Name", to_value(*v));
    const Sym* mode = s.prop("stream_mode");
    const auto mode_name = member_of(mode, "StreamMode");
    if (mode_name && *mode_name == "ON_DEMAND") {
        Value details = Value::map({}, mode->range);
        Synth::set(details, "StreamMode", Value::string("ON_DEMAND", mode->range));
        Synth::set(p, "StreamModeDetails", std::move(details));
    } else {
        const Sym* shards = s.prop("shard_count");
        Synth::set(p, "ShardCount", shards ? to_value(*shards) : s.fallback(Value::number(1)));
    }
    if (const Sym* v = s.prop("retention_period")) {
        if (auto seconds = duration_seconds(v); seconds && seconds->is_number()) {
            Synth::set(p, "RetentionPeriodHours",
                       Value::number(seconds->as_number() / 3600, v->range));
        } else {
            Synth::set(p, "RetentionPeriodHours", Value::unknown("retention", {}, v->range));
        }
    } else {
        Synth::set(p, "RetentionPeriodHours", s.fallback(Value::number(24)));
    }
    const Sym* encryption = s.prop("encryption");
    const Sym* key = s.prop("encryption_key");
    if (encryption == nullptr && key == nullptr) {
        // CDK encrypts with the AWS managed key except in the China regions (Fn::If on the region).
        Synth::set(p, "StreamEncryption",
                   s.fallback(Value::unknown(
                       "KMS with alias/aws/kinesis unless the region is in China", {})));
    } else {
        const auto member = member_of(encryption, "StreamEncryption");
        const std::string kind = member ? *member : (encryption == nullptr ? "KMS" : "");
        const SourceRange at = encryption ? encryption->range : key->range;
        Value spec = Value::map({}, at);
        if (kind == "UNENCRYPTED") {
            spec = Value();
        } else if (kind == "MANAGED") {
            Synth::set(spec, "EncryptionType", Value::string("KMS", at));
            Synth::set(spec, "KeyId", Value::string("alias/aws/kinesis", at));
        } else if (kind == "KMS") {
            Synth::set(spec, "EncryptionType", Value::string("KMS", at));
            const Object* k = object_of(key);
            Synth::set(spec, "KeyId",
                       k ? reference_to(*k, "Arn", key->range)
                         : Value::unknown("a key CDK creates", {}, at));
        } else {
            spec = Value::unknown("stream encryption", {}, at);
        }
        if (!spec.is_null()) Synth::set(p, "StreamEncryption", std::move(spec));
    }
}

Sym grant(Synth& s, std::vector<std::string_view> actions) {
    iam::grant(s, s.param(0, "grantee"), actions, reference_to(s.self(), "Arn", s.call()));
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_kinesis_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_kinesis.Stream", stream});
    catalog.methods.push_back(
        {"aws_kinesis.Stream", "grant_read", [](Synth& s) {
             return grant(s, {"kinesis:DescribeStreamSummary", "kinesis:GetRecords",
                              "kinesis:GetShardIterator", "kinesis:ListShards",
                              "kinesis:SubscribeToShard", "kinesis:DescribeStream",
                              "kinesis:ListStreams", "kinesis:DescribeStreamConsumer"});
         }});
    catalog.methods.push_back(
        {"aws_kinesis.Stream", "grant_write", [](Synth& s) {
             return grant(s, {"kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"});
         }});
}

}  // namespace bulwark::cdk
