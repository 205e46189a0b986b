// aws_mq_broker → AWS::AmazonMQ::Broker.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void broker(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"broker_name", "BrokerName"},
                 {"engine_type", "EngineType"},
                 {"engine_version", "EngineVersion"},
                 {"host_instance_type", "HostInstanceType"},
                 {"deployment_mode", "DeploymentMode"},
                 {"auto_minor_version_upgrade", "AutoMinorVersionUpgrade"},
                 {"authentication_strategy", "AuthenticationStrategy"},
                 {"subnet_ids", "SubnetIds"},
                 {"security_groups", "SecurityGroups"}});
    // Required in CloudFormation; the provider sends false when it is omitted.
    copy_or_default(properties, "PubliclyAccessible", argument(body, "publicly_accessible"),
                    Value::boolean(false), native);
    set_sub_block(properties, "Logs", body, "logs", {{"general", "General"}, {"audit", "Audit"}});
    set_sub_block(properties, "EncryptionOptions", body, "encryption_options",
                  {{"kms_key_id", "KmsKeyId"}, {"use_aws_owned_key", "UseAwsOwnedKey"}});
    set_blocks(properties, "Users", body, "user", [](const Value& from, Value& to) {
        copy_fields(to, from,
                    {{"username", "Username"},
                     {"password", "Password"},
                     {"console_access", "ConsoleAccess"},
                     {"groups", "Groups"}});
    });
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_mq_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_mq_broker", "AWS::AmazonMQ::Broker", broker});
}

}  // namespace bulwark::terraform
