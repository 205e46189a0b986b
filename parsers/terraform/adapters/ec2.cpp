// EC2 compute and block storage: aws_instance (AWS::EC2::Instance), aws_launch_template
// (AWS::EC2::LaunchTemplate), aws_ebs_volume (AWS::EC2::Volume), and the account-level or
// CloudFormation-less resources aws_ebs_encryption_by_default
// (Bulwark::EC2::EbsEncryptionByDefault), aws_ebs_default_kms_key (Bulwark::EC2::EbsDefaultKmsKey),
// aws_ebs_snapshot and aws_ebs_snapshot_copy (Bulwark::EC2::Snapshot).
#include <string>
#include <vector>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void append(Value& properties, std::string_view property, Value item, const SourceRange& at) {
    Value* list = properties.find(property);
    if (list == nullptr || !list->is_list()) {
        properties.set(std::string(property), Value::list({}, at), at);
        list = properties.find(property);
    }
    list->as_list().push_back(std::move(item));
}

// ---- Instances ---------------------------------------------------------------------------------

const std::initializer_list<Field> kMetadataOptions = {
    {"http_tokens", "HttpTokens"},
    {"http_endpoint", "HttpEndpoint"},
    {"http_put_response_hop_limit", "HttpPutResponseHopLimit"},
    {"http_protocol_ipv6", "HttpProtocolIpv6"},
    {"instance_metadata_tags", "InstanceMetadataTags"},
};

// root_block_device / ebs_block_device as a BlockDeviceMappings entry {DeviceName, Ebs}.
Value instance_block_device(const Value& device) {
    if (device.is_unknown()) return device;
    Value mapping = Value::map({}, device.range());
    // The root device's name comes from the AMI, so root_block_device has none.
    copy(mapping, "DeviceName", argument(device, "device_name"));
    Value ebs = sub_block(device, {{"encrypted", "Encrypted"},
                                   {"kms_key_id", "KmsKeyId"},
                                   {"volume_size", "VolumeSize"},
                                   {"volume_type", "VolumeType"},
                                   {"iops", "Iops"},
                                   {"throughput", "Throughput"},
                                   {"snapshot_id", "SnapshotId"},
                                   {"delete_on_termination", "DeleteOnTermination"}});
    mapping.set("Ebs", std::move(ebs), device.range());
    return mapping;
}

void instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"ami", "ImageId"},
                 {"instance_type", "InstanceType"},
                 {"availability_zone", "AvailabilityZone"},
                 {"subnet_id", "SubnetId"},
                 {"private_ip", "PrivateIpAddress"},
                 {"vpc_security_group_ids", "SecurityGroupIds"},
                 {"security_groups", "SecurityGroups"},
                 {"iam_instance_profile", "IamInstanceProfile"},
                 {"monitoring", "Monitoring"},
                 {"key_name", "KeyName"},
                 {"ebs_optimized", "EbsOptimized"},
                 {"tenancy", "Tenancy"},
                 {"disable_api_termination", "DisableApiTermination"},
                 {"source_dest_check", "SourceDestCheck"}});
    // CloudFormation's UserData is base64; Terraform's user_data is the plain text (the provider
    // encodes it), which is what rules looking for secrets in user data want to read.
    copy(properties, "UserData", argument(body, "user_data"));
    if (!properties.find("UserData")) {
        copy(properties, "UserData", argument(body, "user_data_base64"));
    }
    // Instance metadata options: on AWS::EC2::Instance as MetadataOptions (CloudFormation long had
    // them only on launch templates; the instance property has the same shape).
    if (const Value* options = block(body, "metadata_options")) {
        properties.set("MetadataOptions", sub_block(*options, kMetadataOptions), options->range());
    }
    if (const Value* launch_template = block(body, "launch_template")) {
        properties.set("LaunchTemplate",
                       sub_block(*launch_template, {{"id", "LaunchTemplateId"},
                                                    {"name", "LaunchTemplateName"},
                                                    {"version", "Version"}}),
                       launch_template->range());
    }
    for (std::string_view name : {"root_block_device", "ebs_block_device"}) {
        for (const Value* device : blocks(body, name)) {
            append(properties, "BlockDeviceMappings", instance_block_device(*device),
                   device->range());
        }
    }
    for (const Value* device : blocks(body, "ephemeral_block_device")) {
        Value mapping = sub_block(*device, {{"device_name", "DeviceName"},
                                            {"virtual_name", "VirtualName"},
                                            {"no_device", "NoDevice"}});
        append(properties, "BlockDeviceMappings", std::move(mapping), device->range());
    }
    for (const Value* interface : blocks(body, "network_interface")) {
        append(properties, "NetworkInterfaces",
               sub_block(*interface, {{"network_interface_id", "NetworkInterfaceId"},
                                      {"device_index", "DeviceIndex"},
                                      {"delete_on_termination", "DeleteOnTermination"}}),
               interface->range());
    }
    // CloudFormation has no top-level AssociatePublicIpAddress: a public address is asked for on
    // the primary network interface, so associate_public_ip_address becomes
    // NetworkInterfaces[0] {DeviceIndex: "0", AssociatePublicIpAddress}, where rules read it for
    // every format. (Terraform forbids it together with network_interface blocks.)
    if (const Value* public_ip = argument(body, "associate_public_ip_address")) {
        Value interface = Value::map({}, public_ip->range());
        interface.set("DeviceIndex", Value::string("0", public_ip->range()), public_ip->range());
        interface.set("AssociatePublicIpAddress", *public_ip, public_ip->range());
        append(properties, "NetworkInterfaces", std::move(interface), public_ip->range());
    }
    copy_tags(properties, "Tags", body);
}

// ---- Launch templates --------------------------------------------------------------------------

Value template_block_device(const Value& device) {
    if (device.is_unknown()) return device;
    Value mapping = sub_block(device, {{"device_name", "DeviceName"},
                                       {"virtual_name", "VirtualName"},
                                       {"no_device", "NoDevice"}});
    if (const Value* ebs_block = block(device, "ebs")) {
        Value ebs = sub_block(*ebs_block, {{"kms_key_id", "KmsKeyId"},
                                           {"volume_size", "VolumeSize"},
                                           {"volume_type", "VolumeType"},
                                           {"iops", "Iops"},
                                           {"throughput", "Throughput"},
                                           {"snapshot_id", "SnapshotId"}});
        if (ebs.is_map()) {
            copy_bool(ebs, "Encrypted", argument(*ebs_block, "encrypted"), EmptyString::kKeep);
            copy_bool(ebs, "DeleteOnTermination", argument(*ebs_block, "delete_on_termination"),
                      EmptyString::kKeep);
        }
        mapping.set("Ebs", std::move(ebs), ebs_block->range());
    }
    return mapping;
}

Value template_network_interface(const Value& interface) {
    if (interface.is_unknown()) return interface;
    Value out = sub_block(interface, {{"device_index", "DeviceIndex"},
                                      {"network_interface_id", "NetworkInterfaceId"},
                                      {"subnet_id", "SubnetId"},
                                      {"security_groups", "Groups"},
                                      {"description", "Description"}});
    copy_bool(out, "AssociatePublicIpAddress", argument(interface, "associate_public_ip_address"),
              EmptyString::kKeep);
    copy_bool(out, "DeleteOnTermination", argument(interface, "delete_on_termination"),
              EmptyString::kKeep);
    return out;
}

void launch_template(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "LaunchTemplateName", argument(body, "name"));
    Value data = Value::map({}, header(native));
    copy_fields(data, body,
                {{"image_id", "ImageId"},
                 {"instance_type", "InstanceType"},
                 {"key_name", "KeyName"},
                 {"user_data", "UserData"},
                 {"vpc_security_group_ids", "SecurityGroupIds"},
                 {"security_group_names", "SecurityGroups"},
                 {"disable_api_termination", "DisableApiTermination"}});
    copy_bool(data, "EbsOptimized", argument(body, "ebs_optimized"), EmptyString::kKeep);
    if (const Value* options = block(body, "metadata_options")) {
        data.set("MetadataOptions", sub_block(*options, kMetadataOptions), options->range());
    }
    if (const Value* profile = block(body, "iam_instance_profile")) {
        data.set("IamInstanceProfile", sub_block(*profile, {{"arn", "Arn"}, {"name", "Name"}}),
                 profile->range());
    }
    if (const Value* monitoring = block(body, "monitoring")) {
        data.set("Monitoring", sub_block(*monitoring, {{"enabled", "Enabled"}}),
                 monitoring->range());
    }
    for (const Value* device : blocks(body, "block_device_mappings")) {
        append(data, "BlockDeviceMappings", template_block_device(*device), device->range());
    }
    for (const Value* interface : blocks(body, "network_interfaces")) {
        append(data, "NetworkInterfaces", template_network_interface(*interface),
               interface->range());
    }
    properties.set("LaunchTemplateData", std::move(data), header(native));
}

// ---- EBS ---------------------------------------------------------------------------------------

// `encrypted` is optional and computed: when it is omitted the provider sends nothing and the
// volume is encrypted only if the account encrypts new volumes by default (or the snapshot is
// encrypted), the same meaning as an omitted Encrypted in CloudFormation, so no default is set.
void volume(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"availability_zone", "AvailabilityZone"},
                 {"encrypted", "Encrypted"},
                 {"kms_key_id", "KmsKeyId"},
                 {"size", "Size"},
                 {"snapshot_id", "SnapshotId"},
                 {"type", "VolumeType"},
                 {"iops", "Iops"},
                 {"throughput", "Throughput"},
                 {"multi_attach_enabled", "MultiAttachEnabled"},
                 {"outpost_arn", "OutpostArn"}});
    copy_tags(properties, "Tags", native.body);
}

void encryption_by_default(const NativeResource& native, Value& properties) {
    // The provider's default is enabled = true: declaring the resource turns encryption on.
    copy_or_default(properties, "Enabled", argument(native.body, "enabled"), Value::boolean(true),
                    native);
}

void default_kms_key(const NativeResource& native, Value& properties) {
    copy(properties, "KmsKeyId", argument(native.body, "key_arn"));
}

// A snapshot takes its encryption from its volume (aws_ebs_snapshot has no `encrypted` argument;
// a plan's computed values may carry it); a copy may encrypt with its own key.
void snapshot(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"volume_id", "VolumeId"},
                 {"source_snapshot_id", "SourceSnapshotId"},
                 {"source_region", "SourceRegion"},
                 {"description", "Description"},
                 {"encrypted", "Encrypted"},
                 {"kms_key_id", "KmsKeyId"},
                 {"storage_tier", "StorageTier"}});
    copy_tags(properties, "Tags", native.body);
}

}  // namespace

void add_ec2_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_instance", "AWS::EC2::Instance", instance});
    catalog.resources.push_back(
        {"aws_launch_template", "AWS::EC2::LaunchTemplate", launch_template});
    catalog.resources.push_back({"aws_ebs_volume", "AWS::EC2::Volume", volume});
    catalog.resources.push_back({"aws_ebs_encryption_by_default",
                                 "Bulwark::EC2::EbsEncryptionByDefault", encryption_by_default});
    catalog.resources.push_back(
        {"aws_ebs_default_kms_key", "Bulwark::EC2::EbsDefaultKmsKey", default_kms_key});
    catalog.resources.push_back({"aws_ebs_snapshot", "Bulwark::EC2::Snapshot", snapshot});
    catalog.resources.push_back({"aws_ebs_snapshot_copy", "Bulwark::EC2::Snapshot", snapshot});
}

}  // namespace bulwark::terraform
