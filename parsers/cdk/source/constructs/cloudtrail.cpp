// aws_cloudtrail: Trail, with the bucket (and its policy) CDK creates when none is given.
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

Value principal_service(std::string_view service, SourceRange at) {
    Value p = Value::map({}, at);
    p.set("Service", Value::string(std::string(service), at), at);
    return p;
}

// new s3.Bucket(this, 'S3', {enforceSSL: true}) plus the statements CloudTrail needs.
Object& trail_bucket(Synth& s) {
    Object& bucket = s.make_child("S3", "aws_s3.Bucket");
    Props props;
    props.entries.push_back(
        SymEntry{"enforce_ssl", s.call(), Sym::of(Value::boolean(true, s.call()))});
    std::vector<Sym> no_args;
    Synth inner(s.store(), bucket, no_args, props, s.call());
    catalog().construct("aws_s3.Bucket")->map(inner);
    const SourceRange at = s.call();
    Value acl = Value::map({}, at);
    Synth::set(acl, "Action", Value::string("s3:GetBucketAcl", at));
    Synth::set(acl, "Effect", Value::string("Allow", at));
    Synth::set(acl, "Principal", principal_service("cloudtrail.amazonaws.com", at));
    Synth::set(acl, "Resource", reference_to(bucket, "Arn", at));
    iam::add_to_resource_policy(s, bucket, "AWS::S3::BucketPolicy", std::move(acl));
    Value put = Value::map({}, at);
    Synth::set(put, "Action", Value::string("s3:PutObject", at));
    Value condition = Value::map({}, at);
    Value equals = Value::map({}, at);
    equals.set("s3:x-amz-acl", Value::string("bucket-owner-full-control", at), at);
    condition.set("StringEquals", std::move(equals), at);
    Synth::set(put, "Condition", std::move(condition));
    Synth::set(put, "Effect", Value::string("Allow", at));
    Synth::set(put, "Principal", principal_service("cloudtrail.amazonaws.com", at));
    Synth::set(put, "Resource",
               Value::unknown("log objects of " + bucket.primary, {{bucket.primary, "Arn"}}, at));
    iam::add_to_resource_policy(s, bucket, "AWS::S3::BucketPolicy", std::move(put));
    return bucket;
}

void trail(Synth& s) {
    Value& p = s.emit("AWS::CloudTrail::Trail");
    auto flag = [&](std::string_view prop, std::string_view cfn) {
        const Sym* v = s.prop(prop);
        Synth::set(p, cfn, v ? to_value(*v) : s.fallback(Value::boolean(true)));
    };
    Synth::set(p, "IsLogging", s.fallback(Value::boolean(true)));
    flag("enable_file_validation", "EnableLogFileValidation");
    flag("is_multi_region_trail", "IsMultiRegionTrail");
    flag("include_global_service_events", "IncludeGlobalServiceEvents");
    if (const Sym* v = s.prop("trail_name")) Synth::set(p, "TrailName", to_value(*v));
    if (const Sym* v = s.prop("encryption_key")) {
        const Object* k = object_of(v);
        Synth::set(p, "KMSKeyId", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("s3_key_prefix")) Synth::set(p, "S3KeyPrefix", to_value(*v));
    if (const Sym* v = s.prop("is_organization_trail"))
        Synth::set(p, "IsOrganizationTrail", to_value(*v));
    if (const Sym* bucket = s.prop("bucket")) {
        const Object* b = object_of(bucket);
        Synth::set(p, "S3BucketName", b ? reference_to(*b, "", bucket->range) : to_value(*bucket));
    } else {
        Synth::set(p, "S3BucketName", reference_to(trail_bucket(s), "", s.call()));
    }
    if (const Sym* v = s.prop("send_to_cloud_watch_logs")) {
        if (auto b = bool_value(v); b && b->is_bool() && b->as_bool()) {
            if (const Sym* group = s.prop("cloud_watch_log_group")) {
                const Object* g = object_of(group);
                Synth::set(p, "CloudWatchLogsLogGroupArn",
                           g ? reference_to(*g, "Arn", group->range) : to_value(*group));
            } else {
                const std::string address = s.self().path + "/LogGroup";
                SynthResource& r =
                    s.emit_at(address, "AWS::Logs::LogGroup", "aws_logs.LogGroup", v->range);
                Synth::set(r.properties, "RetentionInDays", Value::number(365, v->range));
                Synth::set(p, "CloudWatchLogsLogGroupArn",
                           Value::unknown("Arn of " + address, {{address, "Arn"}}, v->range));
            }
            Synth::set(p, "CloudWatchLogsRoleArn",
                       Value::unknown("a role CDK creates", {}, v->range));
        }
    }
    Synth::set(p, "EventSelectors", s.fallback(Value::list({})));
}

}  // namespace

void add_cloudtrail_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_cloudtrail.Trail", trail});
}

}  // namespace bulwark::cdk
