// AWS DMS: aws_dms_replication_instance → AWS::DMS::ReplicationInstance, aws_dms_endpoint →
// AWS::DMS::Endpoint.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void replication_instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"replication_instance_id", "ReplicationInstanceIdentifier"},
                 {"replication_instance_class", "ReplicationInstanceClass"},
                 {"allocated_storage", "AllocatedStorage"},
                 {"engine_version", "EngineVersion"},
                 {"kms_key_arn", "KmsKeyId"},
                 {"multi_az", "MultiAZ"},
                 {"auto_minor_version_upgrade", "AutoMinorVersionUpgrade"},
                 {"replication_subnet_group_id", "ReplicationSubnetGroupIdentifier"},
                 {"vpc_security_group_ids", "VpcSecurityGroupIds"}});
    // The provider sends publicly_accessible = false when it is omitted (CloudFormation's own
    // default, for a template without the property, is true).
    copy_or_default(properties, "PubliclyAccessible", argument(body, "publicly_accessible"),
                    Value::boolean(false), native);
    copy_tags(properties, "Tags", body);
}

void endpoint(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"endpoint_id", "EndpointIdentifier"},
                 {"endpoint_type", "EndpointType"},
                 {"engine_name", "EngineName"},
                 {"server_name", "ServerName"},
                 {"port", "Port"},
                 {"database_name", "DatabaseName"},
                 {"username", "Username"},
                 {"password", "Password"},
                 {"kms_key_arn", "KmsKeyId"},
                 {"certificate_arn", "CertificateArn"},
                 {"ssl_mode", "SslMode"}});
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_dms_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_dms_replication_instance", "AWS::DMS::ReplicationInstance", replication_instance});
    catalog.resources.push_back({"aws_dms_endpoint", "AWS::DMS::Endpoint", endpoint});
}

}  // namespace bulwark::terraform
