// aws_msk_cluster → AWS::MSK::Cluster.
#include <utility>

#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void broker_node_group(const Value& from, Value& to) {
    copy_fields(to, from,
                {{"instance_type", "InstanceType"},
                 {"client_subnets", "ClientSubnets"},
                 {"security_groups", "SecurityGroups"},
                 {"az_distribution", "BrokerAZDistribution"}});
    set_block(
        to, "ConnectivityInfo", block(from, "connectivity_info"),
        [](const Value& connectivity, Value& out) {
            set_sub_block(out, "PublicAccess", connectivity, "public_access", {{"type", "Type"}});
        });
}

void encryption(const Value& from, Value& to) {
    if (const Value* key = argument(from, "encryption_at_rest_kms_key_arn")) {
        set_path(to, {"EncryptionAtRest", "DataVolumeKMSKeyId"}, *key);
    }
    set_sub_block(to, "EncryptionInTransit", from, "encryption_in_transit",
                  {{"client_broker", "ClientBroker"}, {"in_cluster", "InCluster"}});
}

// sasl { iam = true, scram = false }, tls { certificate_authority_arns } and
// unauthenticated = true become CloudFormation's {Sasl: {Iam: {Enabled}, Scram: {Enabled}},
// Tls: {Enabled, CertificateAuthorityArnList}, Unauthenticated: {Enabled}}.
void client_authentication(const Value& from, Value& to) {
    set_block(to, "Sasl", block(from, "sasl"), [](const Value& sasl, Value& out) {
        for (auto [native, cfn] : {std::pair{"iam", "Iam"}, std::pair{"scram", "Scram"}}) {
            if (const Value* enabled = argument(sasl, native)) {
                set_path(out, {cfn, "Enabled"}, *enabled);
            }
        }
    });
    if (const Value* tls = block(from, "tls")) {
        Value out = Value::map({}, tls->range());
        out.set("Enabled", Value::boolean(true, tls->range()), tls->range());
        if (tls->is_map()) {
            copy(out, "CertificateAuthorityArnList", argument(*tls, "certificate_authority_arns"));
        }
        to.set("Tls", std::move(out), tls->range());
    }
    if (const Value* unauthenticated = argument(from, "unauthenticated")) {
        set_path(to, {"Unauthenticated", "Enabled"}, *unauthenticated);
    }
}

void broker_logs(const Value& from, Value& to) {
    set_sub_block(to, "CloudWatchLogs", from, "cloudwatch_logs",
                  {{"enabled", "Enabled"}, {"log_group", "LogGroup"}});
    set_sub_block(to, "Firehose", from, "firehose",
                  {{"enabled", "Enabled"}, {"delivery_stream", "DeliveryStream"}});
    set_sub_block(to, "S3", from, "s3",
                  {{"enabled", "Enabled"}, {"bucket", "Bucket"}, {"prefix", "Prefix"}});
}

void cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"cluster_name", "ClusterName"},
                 {"kafka_version", "KafkaVersion"},
                 {"number_of_broker_nodes", "NumberOfBrokerNodes"},
                 {"enhanced_monitoring", "EnhancedMonitoring"}});
    set_block(properties, "BrokerNodeGroupInfo", block(body, "broker_node_group_info"),
              broker_node_group);
    set_block(properties, "EncryptionInfo", block(body, "encryption_info"), encryption);
    set_block(properties, "ClientAuthentication", block(body, "client_authentication"),
              client_authentication);
    set_block(properties, "LoggingInfo", block(body, "logging_info"),
              [](const Value& from, Value& to) {
                  set_block(to, "BrokerLogs", block(from, "broker_logs"), broker_logs);
              });
    copy(properties, "Tags", argument(body, "tags"));
}

}  // namespace

void add_msk_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_msk_cluster", "AWS::MSK::Cluster", cluster});
}

}  // namespace bulwark::terraform
