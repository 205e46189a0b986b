// aws_s3_bucket and the resources that configure it since AWS provider v4.
#include <cctype>
#include <string>

#include "model/resource_types.h"
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// `rule { apply_server_side_encryption_by_default { ... } bucket_key_enabled }` blocks, as in
// aws_s3_bucket_server_side_encryption_configuration and provider v3's inline block.
Value encryption_rules(const Value& configuration) {
    Value rules = Value::list({}, configuration.range());
    for (const Value* rule : blocks(configuration, "rule")) {
        Value entry = Value::map({}, rule->range());
        if (const Value* defaults = block(*rule, "apply_server_side_encryption_by_default")) {
            Value by_default = Value::map({}, defaults->range());
            copy(by_default, "SSEAlgorithm", argument(*defaults, "sse_algorithm"));
            copy(by_default, "KMSMasterKeyID", argument(*defaults, "kms_master_key_id"));
            entry.set("ServerSideEncryptionByDefault", std::move(by_default), defaults->range());
        }
        copy(entry, "BucketKeyEnabled", argument(*rule, "bucket_key_enabled"));
        rules.as_list().push_back(std::move(entry));
    }
    return rules;
}

// Terraform's canned ACL names (public-read) as CloudFormation's AccessControl values (PublicRead).
void copy_canned_acl(Value& properties, const Value* acl) {
    if (acl == nullptr) return;
    if (!acl->is_string()) {
        copy(properties, "AccessControl", acl);
        return;
    }
    std::string name;
    bool upper = true;
    for (char c : acl->as_string()) {
        if (c == '-') {
            upper = true;
            continue;
        }
        name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    // aws-exec-read is spelled AwsExecRead in CloudFormation, as the rule above gives.
    properties.set("AccessControl", Value::string(name, acl->range()), acl->range());
}

void set_encryption(Value& properties, const Value& configuration) {
    Value encryption = Value::map({}, configuration.range());
    encryption.set("ServerSideEncryptionConfiguration", encryption_rules(configuration),
                   configuration.range());
    properties.set("BucketEncryption", std::move(encryption), configuration.range());
}

void bucket(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "BucketName", argument(body, "bucket"));
    copy(properties, "ObjectLockEnabled", argument(body, "object_lock_enabled"));
    // Provider v3's canned ACL argument (v4+ uses aws_s3_bucket_acl).
    copy_canned_acl(properties, argument(body, "acl"));
    if (const Value* lock = block(body, "object_lock_configuration"); lock && lock->is_map()) {
        if (const Value* enabled = argument(*lock, "object_lock_enabled")) {
            set_path(properties, {"ObjectLockConfiguration", "ObjectLockEnabled"}, *enabled);
        }
    }
    copy_tags(properties, "Tags", body);
    // Provider v3 inline blocks, still accepted (deprecated) by v4 and v5.
    // In a plan, unset inline blocks are "known after apply": only known ones are mapped.
    if (const Value* versioning = block(body, "versioning"); versioning && versioning->is_map()) {
        if (const Value* enabled = argument(*versioning, "enabled")) {
            Value status =
                enabled->is_bool()
                    ? Value::string(enabled->as_bool() ? "Enabled" : "Suspended", enabled->range())
                    : *enabled;
            set_path(properties, {"VersioningConfiguration", "Status"}, std::move(status));
        }
        if (const Value* mfa = argument(*versioning, "mfa_delete")) {
            Value state = mfa->is_bool()
                              ? Value::string(mfa->as_bool() ? "Enabled" : "Disabled", mfa->range())
                              : *mfa;
            set_path(properties, {"VersioningConfiguration", "MfaDelete"}, std::move(state));
        }
    }
    if (const Value* encryption = block(body, "server_side_encryption_configuration");
        encryption && encryption->is_map()) {
        set_encryption(properties, *encryption);
    }
    if (const Value* logging = block(body, "logging"); logging && logging->is_map()) {
        Value configuration = Value::map({}, logging->range());
        copy(configuration, "DestinationBucketName", argument(*logging, "target_bucket"));
        copy(configuration, "LogFilePrefix", argument(*logging, "target_prefix"));
        properties.set("LoggingConfiguration", std::move(configuration), logging->range());
    }
}

void merge_versioning(const NativeResource& native, Value& properties) {
    if (const Value* configuration = block(native.body, "versioning_configuration")) {
        Value status = argument(*configuration, "status") ? *argument(*configuration, "status")
                                                          : Value::null(configuration->range());
        set_path(properties, {"VersioningConfiguration", "Status"}, std::move(status));
        if (const Value* mfa = argument(*configuration, "mfa_delete")) {
            set_path(properties, {"VersioningConfiguration", "MfaDelete"}, *mfa);
        }
    }
}

void merge_encryption(const NativeResource& native, Value& properties) {
    Value configuration = native.body;
    configuration.set_range(native.range);
    set_encryption(properties, configuration);
}

void merge_public_access_block(const NativeResource& native, Value& properties) {
    // The block exists: an omitted setting is false, as the API treats it.
    Value configuration = Value::map({}, header(native));
    copy(configuration, "BlockPublicAcls", argument(native.body, "block_public_acls"));
    copy(configuration, "BlockPublicPolicy", argument(native.body, "block_public_policy"));
    copy(configuration, "IgnorePublicAcls", argument(native.body, "ignore_public_acls"));
    copy(configuration, "RestrictPublicBuckets", argument(native.body, "restrict_public_buckets"));
    properties.set("PublicAccessBlockConfiguration", std::move(configuration), header(native));
}

void merge_logging(const NativeResource& native, Value& properties) {
    Value configuration = Value::map({}, header(native));
    copy(configuration, "DestinationBucketName", argument(native.body, "target_bucket"));
    copy(configuration, "LogFilePrefix", argument(native.body, "target_prefix"));
    properties.set("LoggingConfiguration", std::move(configuration), header(native));
}

void merge_acl(const NativeResource& native, Value& properties) {
    // Only the canned ACL maps onto CloudFormation; explicit grants have no property there.
    copy_canned_acl(properties, argument(native.body, "acl"));
}

void merge_ownership_controls(const NativeResource& native, Value& properties) {
    Value controls = Value::map({}, header(native));
    set_blocks(controls, "Rules", native.body, "rule", [](const Value& from, Value& to) {
        copy(to, "ObjectOwnership", argument(from, "object_ownership"));
    });
    properties.set("OwnershipControls", std::move(controls), header(native));
}

void merge_object_lock(const NativeResource& native, Value& properties) {
    // The configuration resource turns Object Lock on (its object_lock_enabled is "Enabled" by
    // default) and sets the default retention.
    Value configuration = Value::map({}, header(native));
    copy_or_default(configuration, "ObjectLockEnabled",
                    argument(native.body, "object_lock_enabled"), Value::string("Enabled"), native);
    set_block(configuration, "Rule", block(native.body, "rule"), [](const Value& from, Value& to) {
        set_sub_block(to, "DefaultRetention", from, "default_retention",
                      {{"mode", "Mode"}, {"days", "Days"}, {"years", "Years"}});
    });
    properties.set("ObjectLockConfiguration", std::move(configuration), header(native));
}

void merge_replication(const NativeResource& native, Value& properties) {
    Value configuration = Value::map({}, header(native));
    copy(configuration, "Role", argument(native.body, "role"));
    set_blocks(configuration, "Rules", native.body, "rule", [](const Value& from, Value& to) {
        copy_fields(to, from, {{"id", "Id"}, {"status", "Status"}, {"priority", "Priority"}});
        set_sub_block(
            to, "Destination", from, "destination",
            {{"bucket", "Bucket"}, {"storage_class", "StorageClass"}, {"account", "Account"}});
    });
    properties.set("ReplicationConfiguration", std::move(configuration), header(native));
}

void merge_lifecycle(const NativeResource& native, Value& properties) {
    Value configuration = Value::map({}, header(native));
    set_blocks(configuration, "Rules", native.body, "rule", [](const Value& from, Value& to) {
        copy_fields(to, from, {{"id", "Id"}, {"status", "Status"}, {"prefix", "Prefix"}});
        if (const Value* expiration = block(from, "expiration");
            expiration && expiration->is_map()) {
            copy(to, "ExpirationInDays", argument(*expiration, "days"));
            copy(to, "ExpirationDate", argument(*expiration, "date"));
        }
        if (const Value* noncurrent = block(from, "noncurrent_version_expiration");
            noncurrent && noncurrent->is_map()) {
            set_path(to, {"NoncurrentVersionExpiration", "NoncurrentDays"},
                     argument(*noncurrent, "noncurrent_days")
                         ? *argument(*noncurrent, "noncurrent_days")
                         : Value::null(noncurrent->range()));
        }
    });
    properties.set("LifecycleConfiguration", std::move(configuration), header(native));
}

void bucket_policy(const NativeResource& native, Value& properties) {
    copy(properties, "Bucket", argument(native.body, "bucket"));
    if (const Value* policy = argument(native.body, "policy")) {
        properties.set("PolicyDocument", policy_document(*policy), policy->range());
    }
}

}  // namespace

void add_s3_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_s3_bucket", types::kS3Bucket, bucket});
    catalog.resources.push_back({"aws_s3_bucket_policy", types::kS3BucketPolicy, bucket_policy});
    catalog.attachments.push_back(
        {"aws_s3_bucket_versioning", "aws_s3_bucket", "bucket", "bucket", merge_versioning});
    catalog.attachments.push_back({"aws_s3_bucket_server_side_encryption_configuration",
                                   "aws_s3_bucket", "bucket", "bucket", merge_encryption});
    catalog.attachments.push_back({"aws_s3_bucket_public_access_block", "aws_s3_bucket", "bucket",
                                   "bucket", merge_public_access_block});
    catalog.attachments.push_back(
        {"aws_s3_bucket_logging", "aws_s3_bucket", "bucket", "bucket", merge_logging});
    catalog.attachments.push_back(
        {"aws_s3_bucket_acl", "aws_s3_bucket", "bucket", "bucket", merge_acl});
    catalog.attachments.push_back({"aws_s3_bucket_ownership_controls", "aws_s3_bucket", "bucket",
                                   "bucket", merge_ownership_controls});
    catalog.attachments.push_back({"aws_s3_bucket_object_lock_configuration", "aws_s3_bucket",
                                   "bucket", "bucket", merge_object_lock});
    catalog.attachments.push_back({"aws_s3_bucket_replication_configuration", "aws_s3_bucket",
                                   "bucket", "bucket", merge_replication});
    catalog.attachments.push_back({"aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket",
                                   "bucket", "bucket", merge_lifecycle});
}

}  // namespace bulwark::terraform
