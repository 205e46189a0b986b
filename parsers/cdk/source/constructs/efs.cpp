// aws_efs: FileSystem (encryption at rest on by default in CDK v2, backups, file system policy,
// security group).
#include "parsers/cdk/source/constructs/ec2_support.h"
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

std::string lower_member(const std::string& member) {
    std::string out;
    for (char c : member)
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

void file_system(Synth& s) {
    Value& p = s.emit("AWS::EFS::FileSystem");
    const Sym* encrypted = s.prop("encrypted");
    Synth::set(p, "Encrypted", encrypted ? to_value(*encrypted) : s.fallback(Value::boolean(true)));
    if (const Sym* v = s.prop("kms_key")) {
        const Object* k = object_of(v);
        Synth::set(p, "KmsKeyId", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("performance_mode")) {
        auto member = member_of(v, "PerformanceMode");
        Synth::set(p, "PerformanceMode",
                   member
                       ? Value::string(*member == "MAX_IO" ? "maxIO" : "generalPurpose", v->range)
                       : to_value(*v));
    }
    if (const Sym* v = s.prop("throughput_mode")) {
        auto member = member_of(v, "ThroughputMode");
        Synth::set(p, "ThroughputMode",
                   member ? Value::string(lower_member(*member), v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("enable_automatic_backups")) {
        if (auto b = bool_value(v); b && b->is_bool() && b->as_bool()) {
            Value policy = Value::map({}, v->range);
            Synth::set(policy, "Status", Value::string("ENABLED", v->range));
            Synth::set(p, "BackupPolicy", std::move(policy));
        } else if (b && b->is_unknown()) {
            Synth::set(p, "BackupPolicy", *b);
        }
    }
    if (const Sym* v = s.prop("file_system_policy")) {
        Synth::set(p, "FileSystemPolicy", iam::document(*v));
    }
    if (const Sym* v = s.prop("file_system_name")) {
        Synth::set(p, "FileSystemTags", Value::unknown("tags with the name", {}, v->range));
    }
    apply_removal_policy(s, *s.primary_of(s.self()), "Retain");
    if (s.prop("vpc") != nullptr && s.prop("security_group") == nullptr) {
        ec2::make_security_group(s, "EfsSecurityGroup",
                                 s.fallback(Value::string(s.self().path + "/EfsSecurityGroup")),
                                 true);
    }
}

}  // namespace

void add_efs_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_efs.FileSystem", file_system});
}

}  // namespace bulwark::cdk
