// SageMaker: aws_sagemaker_notebook_instance (AWS::SageMaker::NotebookInstance),
// aws_sagemaker_endpoint_configuration (AWS::SageMaker::EndpointConfig) and aws_sagemaker_domain
// (AWS::SageMaker::Domain).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void notebook_instance(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "NotebookInstanceName"},
                 {"instance_type", "InstanceType"},
                 {"role_arn", "RoleArn"},
                 {"kms_key_id", "KmsKeyId"},
                 {"subnet_id", "SubnetId"},
                 {"security_groups", "SecurityGroupIds"},
                 {"volume_size", "VolumeSizeInGB"},
                 {"platform_identifier", "PlatformIdentifier"},
                 {"lifecycle_config_name", "LifecycleConfigName"}});
    // Both default to Enabled in the provider, as in the SageMaker API.
    copy_or_default(properties, "DirectInternetAccess", argument(body, "direct_internet_access"),
                    Value::string("Enabled"), native);
    copy_or_default(properties, "RootAccess", argument(body, "root_access"),
                    Value::string("Enabled"), native);
    set_sub_block(
        properties, "InstanceMetadataServiceConfiguration", body,
        "instance_metadata_service_configuration",
        {{"minimum_instance_metadata_service_version", "MinimumInstanceMetadataServiceVersion"}});
    copy_tags(properties, "Tags", body);
}

void endpoint_configuration(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "EndpointConfigName", argument(body, "name"));
    copy(properties, "KmsKeyId", argument(body, "kms_key_arn"));
    set_blocks(properties, "ProductionVariants", body, "production_variants",
               [](const Value& from, Value& to) {
                   copy_fields(to, from,
                               {{"variant_name", "VariantName"},
                                {"model_name", "ModelName"},
                                {"instance_type", "InstanceType"},
                                {"initial_instance_count", "InitialInstanceCount"},
                                {"initial_variant_weight", "InitialVariantWeight"}});
               });
    copy_tags(properties, "Tags", body);
}

void domain(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"domain_name", "DomainName"},
                 {"auth_mode", "AuthMode"},
                 {"vpc_id", "VpcId"},
                 {"subnet_ids", "SubnetIds"},
                 {"kms_key_id", "KmsKeyId"}});
    copy_or_default(properties, "AppNetworkAccessType", argument(body, "app_network_access_type"),
                    Value::string("PublicInternetOnly"), native);
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_sagemaker_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_sagemaker_notebook_instance", "AWS::SageMaker::NotebookInstance", notebook_instance});
    catalog.resources.push_back({"aws_sagemaker_endpoint_configuration",
                                 "AWS::SageMaker::EndpointConfig", endpoint_configuration});
    catalog.resources.push_back({"aws_sagemaker_domain", "AWS::SageMaker::Domain", domain});
}

}  // namespace bulwark::terraform
