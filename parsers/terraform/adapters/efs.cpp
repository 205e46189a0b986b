// aws_efs_file_system → AWS::EFS::FileSystem, with aws_efs_backup_policy (BackupPolicy) and
// aws_efs_file_system_policy (FileSystemPolicy) merged into it; aws_efs_mount_target →
// AWS::EFS::MountTarget; aws_efs_access_point → AWS::EFS::AccessPoint.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// CloudFormation types POSIX ids as strings; Terraform takes numbers.
void copy_id(Value& properties, std::string_view cfn, const Value* value) {
    if (value != nullptr && value->is_number()) {
        properties.set(std::string(cfn),
                       Value::string(format_number(value->as_number()), value->range()),
                       value->range());
        return;
    }
    if (value != nullptr && value->is_list()) {
        Value ids = Value::list({}, value->range());
        for (const Value& id : value->as_list()) {
            ids.as_list().push_back(
                id.is_number() ? Value::string(format_number(id.as_number()), id.range()) : id);
        }
        properties.set(std::string(cfn), std::move(ids), value->range());
        return;
    }
    copy(properties, cfn, value);
}

void file_system(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    // The provider sends no encryption setting when `encrypted` is omitted, and the API then
    // creates an unencrypted file system.
    copy_or_default(properties, "Encrypted", argument(body, "encrypted"), Value::boolean(false),
                    native);
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    copy(properties, "PerformanceMode", argument(body, "performance_mode"));
    copy(properties, "ThroughputMode", argument(body, "throughput_mode"));
    copy(properties, "ProvisionedThroughputInMibps",
         argument(body, "provisioned_throughput_in_mibps"));
    copy(properties, "AvailabilityZoneName", argument(body, "availability_zone_name"));
    if (const Value* policies = argument(body, "lifecycle_policy")) {
        Value list = Value::list({}, policies->range());
        for (const Value* policy : blocks(body, "lifecycle_policy")) {
            Value entry = *policy;
            if (policy->is_map()) {
                entry = Value::map({}, policy->range());
                copy(entry, "TransitionToIA", argument(*policy, "transition_to_ia"));
                copy(entry, "TransitionToPrimaryStorageClass",
                     argument(*policy, "transition_to_primary_storage_class"));
                copy(entry, "TransitionToArchive", argument(*policy, "transition_to_archive"));
            }
            list.as_list().push_back(std::move(entry));
        }
        properties.set("LifecyclePolicies", std::move(list), policies->range());
    }
    set_block(properties, "FileSystemProtection", block(body, "protection"),
              [](const Value& from, Value& to) {
                  copy(to, "ReplicationOverwriteProtection",
                       argument(from, "replication_overwrite"));
              });
    copy_tags(properties, "FileSystemTags", body);
}

void merge_backup_policy(const NativeResource& native, Value& properties) {
    set_block(properties, "BackupPolicy", block(native.body, "backup_policy"),
              [](const Value& from, Value& to) { copy(to, "Status", argument(from, "status")); });
}

void merge_file_system_policy(const NativeResource& native, Value& properties) {
    if (const Value* policy = argument(native.body, "policy")) {
        properties.set("FileSystemPolicy", policy_document(*policy), policy->range());
    }
    copy(properties, "BypassPolicyLockoutSafetyCheck",
         argument(native.body, "bypass_policy_lockout_safety_check"));
}

void mount_target(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "FileSystemId", argument(body, "file_system_id"));
    copy(properties, "SubnetId", argument(body, "subnet_id"));
    copy(properties, "SecurityGroups", argument(body, "security_groups"));
    copy(properties, "IpAddress", argument(body, "ip_address"));
    copy(properties, "IpAddressType", argument(body, "ip_address_type"));
    copy(properties, "Ipv6Address", argument(body, "ipv6_address"));
}

void access_point(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "FileSystemId", argument(body, "file_system_id"));
    set_block(properties, "PosixUser", block(body, "posix_user"), [](const Value& from, Value& to) {
        copy_id(to, "Uid", argument(from, "uid"));
        copy_id(to, "Gid", argument(from, "gid"));
        copy_id(to, "SecondaryGids", argument(from, "secondary_gids"));
    });
    set_block(properties, "RootDirectory", block(body, "root_directory"),
              [](const Value& from, Value& to) {
                  copy(to, "Path", argument(from, "path"));
                  set_block(to, "CreationInfo", block(from, "creation_info"),
                            [](const Value& info, Value& out) {
                                copy_id(out, "OwnerUid", argument(info, "owner_uid"));
                                copy_id(out, "OwnerGid", argument(info, "owner_gid"));
                                copy(out, "Permissions", argument(info, "permissions"));
                            });
              });
    copy_tags(properties, "AccessPointTags", body);
}

}  // namespace

void add_efs_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_efs_file_system", "AWS::EFS::FileSystem", file_system});
    catalog.resources.push_back({"aws_efs_mount_target", "AWS::EFS::MountTarget", mount_target});
    catalog.resources.push_back({"aws_efs_access_point", "AWS::EFS::AccessPoint", access_point});
    // File systems have no name of their own: the owner is found by reference only.
    catalog.attachments.push_back({"aws_efs_backup_policy", "aws_efs_file_system", "file_system_id",
                                   "", merge_backup_policy});
    catalog.attachments.push_back({"aws_efs_file_system_policy", "aws_efs_file_system",
                                   "file_system_id", "", merge_file_system_policy});
}

}  // namespace bulwark::terraform
