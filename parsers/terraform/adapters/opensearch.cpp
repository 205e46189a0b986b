// aws_opensearch_domain and aws_elasticsearch_domain → AWS::OpenSearchService::Domain, with
// aws_opensearch_domain_policy / aws_elasticsearch_domain_policy merged into AccessPolicies.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void cluster_config(const Value& from, Value& to) {
    copy(to, "InstanceType", argument(from, "instance_type"));
    copy(to, "InstanceCount", argument(from, "instance_count"));
    copy(to, "DedicatedMasterEnabled", argument(from, "dedicated_master_enabled"));
    copy(to, "DedicatedMasterType", argument(from, "dedicated_master_type"));
    copy(to, "DedicatedMasterCount", argument(from, "dedicated_master_count"));
    copy(to, "ZoneAwarenessEnabled", argument(from, "zone_awareness_enabled"));
    set_block(to, "ZoneAwarenessConfig", block(from, "zone_awareness_config"),
              [](const Value& zones, Value& out) {
                  copy(out, "AvailabilityZoneCount", argument(zones, "availability_zone_count"));
              });
    copy(to, "MultiAZWithStandbyEnabled", argument(from, "multi_az_with_standby_enabled"));
    copy(to, "WarmEnabled", argument(from, "warm_enabled"));
    copy(to, "WarmType", argument(from, "warm_type"));
    copy(to, "WarmCount", argument(from, "warm_count"));
    set_block(
        to, "ColdStorageOptions", block(from, "cold_storage_options"),
        [](const Value& cold, Value& out) { copy(out, "Enabled", argument(cold, "enabled")); });
}

void advanced_security_options(const Value& from, Value& to) {
    copy(to, "Enabled", argument(from, "enabled"));
    copy(to, "InternalUserDatabaseEnabled", argument(from, "internal_user_database_enabled"));
    copy(to, "AnonymousAuthEnabled", argument(from, "anonymous_auth_enabled"));
    set_block(to, "MasterUserOptions", block(from, "master_user_options"),
              [](const Value& user, Value& out) {
                  copy(out, "MasterUserARN", argument(user, "master_user_arn"));
                  copy(out, "MasterUserName", argument(user, "master_user_name"));
                  copy(out, "MasterUserPassword", argument(user, "master_user_password"));
              });
}

// `log_publishing_options` blocks become a map keyed by log type (AUDIT_LOGS, ...). The provider
// enables a publishing option whose `enabled` is omitted.
void log_publishing_options(const Value& body, Value& properties) {
    const Value* all = argument(body, "log_publishing_options");
    if (all == nullptr) return;
    Value options = Value::map({}, all->range());
    for (const Value* option : blocks(body, "log_publishing_options")) {
        const Value* type = option->is_map() ? argument(*option, "log_type") : option;
        if (type == nullptr) continue;
        if (!type->is_string()) {
            // Which log types are published is known only after apply.
            properties.set("LogPublishingOptions", *type, all->range());
            return;
        }
        Value entry = Value::map({}, option->range());
        copy(entry, "CloudWatchLogsLogGroupArn", argument(*option, "cloudwatch_log_group_arn"));
        if (const Value* enabled = argument(*option, "enabled")) {
            copy(entry, "Enabled", enabled);
        } else {
            entry.set("Enabled", Value::boolean(true, option->range()), option->range());
        }
        options.set(type->as_string(), std::move(entry), type->range());
    }
    properties.set("LogPublishingOptions", std::move(options), all->range());
}

void domain(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "DomainName", argument(body, "domain_name"));
    copy(properties, "EngineVersion", argument(body, "engine_version"));
    if (const Value* version = argument(body, "elasticsearch_version")) {
        // aws_elasticsearch_domain gives the bare version ("7.10"); CloudFormation names the
        // engine.
        Value engine = version->is_string() ? Value::string("Elasticsearch_" + version->as_string(),
                                                            version->range())
                                            : *version;
        properties.set("EngineVersion", std::move(engine), version->range());
    }
    if (const Value* policy = argument(body, "access_policies")) {
        properties.set("AccessPolicies", policy_document(*policy), policy->range());
    }
    copy(properties, "AdvancedOptions", argument(body, "advanced_options"));
    copy(properties, "IPAddressType", argument(body, "ip_address_type"));
    set_block(properties, "ClusterConfig", block(body, "cluster_config"), cluster_config);
    set_block(properties, "EBSOptions", block(body, "ebs_options"),
              [](const Value& from, Value& to) {
                  copy(to, "EBSEnabled", argument(from, "ebs_enabled"));
                  copy(to, "VolumeSize", argument(from, "volume_size"));
                  copy(to, "VolumeType", argument(from, "volume_type"));
                  copy(to, "Iops", argument(from, "iops"));
                  copy(to, "Throughput", argument(from, "throughput"));
              });
    // Encryption and TLS.
    set_block(properties, "EncryptionAtRestOptions", block(body, "encrypt_at_rest"),
              [](const Value& from, Value& to) {
                  copy(to, "Enabled", argument(from, "enabled"));
                  copy(to, "KmsKeyId", argument(from, "kms_key_id"));
              });
    set_block(properties, "NodeToNodeEncryptionOptions", block(body, "node_to_node_encryption"),
              [](const Value& from, Value& to) { copy(to, "Enabled", argument(from, "enabled")); });
    set_block(properties, "DomainEndpointOptions", block(body, "domain_endpoint_options"),
              [](const Value& from, Value& to) {
                  // Inside the block, the provider sends enforce_https = true when it is omitted.
                  const Value* enforce = argument(from, "enforce_https");
                  if (enforce != nullptr) {
                      copy(to, "EnforceHTTPS", enforce);
                  } else {
                      to.set("EnforceHTTPS", Value::boolean(true, from.range()), from.range());
                  }
                  copy(to, "TLSSecurityPolicy", argument(from, "tls_security_policy"));
                  copy(to, "CustomEndpointEnabled", argument(from, "custom_endpoint_enabled"));
                  copy(to, "CustomEndpoint", argument(from, "custom_endpoint"));
                  copy(to, "CustomEndpointCertificateArn",
                       argument(from, "custom_endpoint_certificate_arn"));
              });
    // Access control.
    set_block(properties, "AdvancedSecurityOptions", block(body, "advanced_security_options"),
              advanced_security_options);
    set_block(properties, "CognitoOptions", block(body, "cognito_options"),
              [](const Value& from, Value& to) {
                  copy(to, "Enabled", argument(from, "enabled"));
                  copy(to, "UserPoolId", argument(from, "user_pool_id"));
                  copy(to, "IdentityPoolId", argument(from, "identity_pool_id"));
                  copy(to, "RoleArn", argument(from, "role_arn"));
              });
    // Network placement.
    set_block(properties, "VPCOptions", block(body, "vpc_options"),
              [](const Value& from, Value& to) {
                  copy(to, "SubnetIds", argument(from, "subnet_ids"));
                  copy(to, "SecurityGroupIds", argument(from, "security_group_ids"));
              });
    // Logging, backups and updates.
    log_publishing_options(body, properties);
    set_block(properties, "SnapshotOptions", block(body, "snapshot_options"),
              [](const Value& from, Value& to) {
                  copy(to, "AutomatedSnapshotStartHour",
                       argument(from, "automated_snapshot_start_hour"));
              });
    set_block(properties, "SoftwareUpdateOptions", block(body, "software_update_options"),
              [](const Value& from, Value& to) {
                  copy(to, "AutoSoftwareUpdateEnabled",
                       argument(from, "auto_software_update_enabled"));
              });
    copy_tags(properties, "Tags", body);
}

void merge_domain_policy(const NativeResource& native, Value& properties) {
    if (const Value* policy = argument(native.body, "access_policies")) {
        properties.set("AccessPolicies", policy_document(*policy), policy->range());
    }
}

}  // namespace

void add_opensearch_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_opensearch_domain", "AWS::OpenSearchService::Domain", domain});
    catalog.resources.push_back(
        {"aws_elasticsearch_domain", "AWS::OpenSearchService::Domain", domain});
    catalog.attachments.push_back({"aws_opensearch_domain_policy", "aws_opensearch_domain",
                                   "domain_name", "domain_name", merge_domain_policy});
    catalog.attachments.push_back({"aws_elasticsearch_domain_policy", "aws_elasticsearch_domain",
                                   "domain_name", "domain_name", merge_domain_policy});
}

}  // namespace bulwark::terraform
