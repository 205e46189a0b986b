// aws_s3: Bucket (encryption, versioning, public access block, TLS-only policy, logging) and
// BucketPolicy, with the defaults aws-cdk-lib v2 applies.
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

constexpr std::string_view kBucket = "AWS::S3::Bucket";

// An automatically created KMS key (encryption KMS without encryption_key): CDK makes
// <bucket>/Key with rotation on.
Object& auto_key(Synth& s) {
    Object& key = s.make_child("Key", "aws_kms.Key");
    SynthResource& r = s.emit_at(key.path, "AWS::KMS::Key", "aws_kms.Key", s.call());
    key.primary = key.path;
    key.primary_type = "AWS::KMS::Key";
    Synth::set(r.properties, "Description",
               s.fallback(Value::string("Created by " + s.self().path)));
    Synth::set(r.properties, "EnableKeyRotation", s.fallback(Value::boolean(true)));
    Synth::set(r.attributes, "DeletionPolicy", s.fallback(Value::string("Retain")));
    Synth::set(r.attributes, "UpdateReplacePolicy", s.fallback(Value::string("Retain")));
    return key;
}

void encryption(Synth& s, Value& p) {
    const Sym* encryption = s.prop("encryption");
    const Sym* key = s.prop("encryption_key");
    std::string kind;
    SourceRange at = s.call();
    if (encryption != nullptr) {
        auto member = member_of(encryption, "BucketEncryption");
        if (!member) {
            Synth::set(
                p, "BucketEncryption",
                Value::unknown("encryption known only at deployment", {}, encryption->range));
            return;
        }
        kind = *member;
        at = encryption->range;
    } else if (key != nullptr) {
        if (key->is_unknown() && key->data.as_unknown().references.empty() &&
            key->data.as_unknown().reason.find("may be set") != std::string::npos) {
            Synth::set(p, "BucketEncryption", key->data);
            return;
        }
        kind = "KMS";
        at = key->range;
    } else {
        return;  // UNENCRYPTED: CDK writes nothing and S3 applies SSE-S3 itself.
    }
    if (kind == "UNENCRYPTED") return;
    Value by_default = Value::map({}, at);
    Value key_id;
    if (kind == "S3_MANAGED") {
        Synth::set(by_default, "SSEAlgorithm", Value::string("AES256", at));
    } else if (kind == "KMS_MANAGED") {
        Synth::set(by_default, "SSEAlgorithm", Value::string("aws:kms", at));
    } else if (kind == "DSSE_MANAGED") {
        Synth::set(by_default, "SSEAlgorithm", Value::string("aws:kms:dsse", at));
    } else if (kind == "KMS" || kind == "DSSE") {
        Synth::set(by_default, "SSEAlgorithm",
                   Value::string(kind == "KMS" ? "aws:kms" : "aws:kms:dsse", at));
        if (const Object* k = object_of(key)) {
            Synth::set(by_default, "KMSMasterKeyID", reference_to(*k, "Arn", key->range));
        } else if (key != nullptr) {
            Synth::set(by_default, "KMSMasterKeyID", to_value(*key));
        } else {
            Synth::set(by_default, "KMSMasterKeyID", reference_to(auto_key(s), "Arn", s.call()));
        }
    } else {
        Synth::set(p, "BucketEncryption", Value::unknown("encryption " + kind, {}, at));
        return;
    }
    Value rule = Value::map({}, at);
    if (const Sym* bucket_key = s.prop("bucket_key_enabled")) {
        Synth::set(rule, "BucketKeyEnabled", to_value(*bucket_key));
    }
    Synth::set(rule, "ServerSideEncryptionByDefault", std::move(by_default));
    Value configuration = Value::map({}, at);
    Synth::set(configuration, "ServerSideEncryptionConfiguration",
               Value::list({std::move(rule)}, at));
    Synth::set(p, "BucketEncryption", std::move(configuration));
}

void public_access_block(Synth& s, Value& p) {
    const Sym* block = s.prop("block_public_access");
    if (block == nullptr) return;
    const SourceRange at = block->range;
    Value config = Value::map({}, at);
    auto flag = [&](std::string_view key, bool on) {
        Synth::set(config, key, Value::boolean(on, at));
    };
    if (auto member = member_of(block, "BlockPublicAccess")) {
        if (*member == "BLOCK_ALL") {
            flag("BlockPublicAcls", true);
            flag("BlockPublicPolicy", true);
            flag("IgnorePublicAcls", true);
            flag("RestrictPublicBuckets", true);
        } else if (*member == "BLOCK_ACLS") {
            flag("BlockPublicAcls", true);
            flag("IgnorePublicAcls", true);
        } else if (*member == "BLOCK_ACLS_ONLY") {
            flag("BlockPublicAcls", true);
            flag("BlockPublicPolicy", false);
            flag("IgnorePublicAcls", true);
            flag("RestrictPublicBuckets", false);
        } else {
            config = Value::unknown("block public access " + *member, {}, at);
        }
    } else if (const Object* options = object_of(block);
               (options && is_class(options, "BlockPublicAccess")) ||
               block->kind == SymKind::Dict) {
        // new BlockPublicAccess({...}), or the options as a plain object literal.
        const std::vector<SymEntry>& entries = options ? options->props.entries : block->entries;
        for (auto [prop, cfn] : {std::pair{"block_public_acls", "BlockPublicAcls"},
                                 {"block_public_policy", "BlockPublicPolicy"},
                                 {"ignore_public_acls", "IgnorePublicAcls"},
                                 {"restrict_public_buckets", "RestrictPublicBuckets"}}) {
            for (const SymEntry& e : entries) {
                if (to_snake(e.key) == prop) Synth::set(config, cfn, to_value(e.value));
            }
        }
        if (options ? options->props.open : block->open) {
            config = Value::unknown("block public access options", {}, at);
        }
    } else {
        config = to_value(*block);
    }
    Synth::set(p, "PublicAccessBlockConfiguration", std::move(config));
}

Value bucket_and_objects(const Object& bucket, SourceRange at) {
    Value arn = reference_to(bucket, "Arn", at);
    Value objects = Value::unknown("objects of " + bucket.primary, {{bucket.primary, "Arn"}}, at);
    return iam::list_of({arn, objects}, at);
}

void bucket(Synth& s) {
    Value& p = s.emit(kBucket);
    if (const Sym* v = s.prop("bucket_name")) Synth::set(p, "BucketName", to_value(*v));
    encryption(s, p);
    public_access_block(s, p);
    Value& q = p;
    if (const Sym* v = s.prop("versioned")) {
        if (auto b = bool_value(v); b && b->is_bool()) {
            if (b->as_bool()) {
                Value status = Value::map({}, v->range);
                Synth::set(status, "Status", Value::string("Enabled", v->range));
                Synth::set(q, "VersioningConfiguration", std::move(status));
            }
        } else {
            Synth::set(q, "VersioningConfiguration", to_value(*v));
        }
    }
    if (const Sym* v = s.prop("access_control")) {
        if (auto member = member_of(v, "BucketAccessControl")) {
            std::string lower = *member;
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            Synth::set(q, "AccessControl", Value::string(to_pascal(lower), v->range));
        } else {
            Synth::set(q, "AccessControl", to_value(*v));
        }
    }
    if (const Sym* v = s.prop("object_ownership")) {
        Value rule = Value::map({}, v->range);
        if (auto member = member_of(v, "ObjectOwnership")) {
            std::string lower = *member;
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            Synth::set(rule, "ObjectOwnership", Value::string(to_pascal(lower), v->range));
        } else {
            Synth::set(rule, "ObjectOwnership", to_value(*v));
        }
        Value controls = Value::map({}, v->range);
        Synth::set(controls, "Rules", Value::list({std::move(rule)}, v->range));
        Synth::set(q, "OwnershipControls", std::move(controls));
    }
    const Sym* logs_bucket = s.prop("server_access_logs_bucket");
    const Sym* logs_prefix = s.prop("server_access_logs_prefix");
    if (logs_bucket != nullptr || logs_prefix != nullptr) {
        const SourceRange at = logs_bucket ? logs_bucket->range : logs_prefix->range;
        Value logging = Value::map({}, at);
        if (logs_bucket) Synth::set(logging, "DestinationBucketName", to_value(*logs_bucket));
        if (logs_prefix) Synth::set(logging, "LogFilePrefix", to_value(*logs_prefix));
        Synth::set(q, "LoggingConfiguration", std::move(logging));
    }
    if (const Sym* v = s.prop("lifecycle_rules")) {
        Value lifecycle = Value::map({}, v->range);
        Synth::set(lifecycle, "Rules", Value::unknown("lifecycle rules", {}, v->range));
        Synth::set(q, "LifecycleConfiguration", std::move(lifecycle));
    }
    if (const Sym* v = s.prop("website_index_document")) {
        Value website = Value::map({}, v->range);
        Synth::set(website, "IndexDocument", to_value(*v));
        Synth::set(q, "WebsiteConfiguration", std::move(website));
    }
    if (const Sym* v = s.prop("object_lock_enabled"))
        Synth::set(q, "ObjectLockEnabled", to_value(*v));
    SynthResource& resource = *s.primary_of(s.self());
    apply_removal_policy(s, resource, "Retain");

    // enforce_ssl: a bucket policy that denies every request without TLS.
    if (const Sym* v = s.prop("enforce_ssl")) {
        if (auto b = bool_value(v); b && b->is_bool() && b->as_bool()) {
            iam::add_to_resource_policy(
                s, s.self(), "AWS::S3::BucketPolicy",
                iam::deny_insecure_transport("s3:*", bucket_and_objects(s.self(), v->range),
                                             v->range));
        } else if (b && b->is_unknown()) {
            iam::add_to_resource_policy(
                s, s.self(), "AWS::S3::BucketPolicy",
                Value::unknown("enforce_ssl known only at deployment", {}, v->range));
        }
    }
    if (const Sym* v = s.prop("public_read_access")) {
        if (auto b = bool_value(v); b && b->is_bool() && b->as_bool()) {
            Value statement = Value::map({}, v->range);
            Synth::set(statement, "Action", Value::string("s3:GetObject", v->range));
            Synth::set(statement, "Effect", Value::string("Allow", v->range));
            Value principal = Value::map({}, v->range);
            principal.set("AWS", Value::string("*", v->range), v->range);
            Synth::set(statement, "Principal", std::move(principal));
            Synth::set(statement, "Resource",
                       Value::unknown("objects of " + s.self().primary, {{s.self().primary, "Arn"}},
                                      v->range));
            iam::add_to_resource_policy(s, s.self(), "AWS::S3::BucketPolicy", std::move(statement));
        }
    }
}

void bucket_policy(Synth& s) {
    Value& p = s.emit("AWS::S3::BucketPolicy");
    if (const Sym* b = s.prop("bucket")) Synth::set(p, "Bucket", to_value(*b));
    if (const Sym* d = s.prop("document")) {
        Synth::set(p, "PolicyDocument", iam::document(*d));
    } else {
        Synth::set(p, "PolicyDocument", iam::document_of({}, s.call()));
    }
}

Sym grant(Synth& s, std::vector<std::string_view> actions) {
    iam::grant(s, s.param(0, "identity"), actions, bucket_and_objects(s.self(), s.call()));
    return Sym::of(Value::null(s.call()));
}

Sym add_to_resource_policy(Synth& s) {
    if (const Sym* statement = s.param(0, "permission")) {
        iam::add_to_resource_policy(s, s.self(), "AWS::S3::BucketPolicy",
                                    iam::statement(*statement));
    }
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_s3_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_s3.Bucket", bucket});
    catalog.constructs.push_back({"aws_s3.BucketPolicy", bucket_policy});
    catalog.methods.push_back({"aws_s3.Bucket", "add_to_resource_policy", add_to_resource_policy});
    catalog.methods.push_back({"aws_s3.Bucket", "grant_read", [](Synth& s) {
                                   return grant(s, {"s3:GetObject*", "s3:GetBucket*", "s3:List*"});
                               }});
    catalog.methods.push_back({"aws_s3.Bucket", "grant_write", [](Synth& s) {
                                   return grant(s, {"s3:DeleteObject*", "s3:PutObject",
                                                    "s3:PutObjectLegalHold",
                                                    "s3:PutObjectRetention", "s3:PutObjectTagging",
                                                    "s3:PutObjectVersionTagging", "s3:Abort*"});
                               }});
    catalog.methods.push_back(
        {"aws_s3.Bucket", "grant_read_write", [](Synth& s) {
             return grant(s, {"s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*",
                              "s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention",
                              "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:Abort*"});
         }});
    catalog.methods.push_back({"aws_s3.Bucket", "grant_put", [](Synth& s) {
                                   return grant(s, {"s3:PutObject", "s3:PutObjectLegalHold",
                                                    "s3:PutObjectRetention", "s3:PutObjectTagging",
                                                    "s3:PutObjectVersionTagging", "s3:Abort*"});
                               }});
    catalog.methods.push_back(
        {"aws_s3.Bucket", "grant_delete", [](Synth& s) { return grant(s, {"s3:DeleteObject*"}); }});
}

}  // namespace bulwark::cdk
