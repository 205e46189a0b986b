// aws_ssm_parameter → AWS::SSM::Parameter.
//
// CloudFormation cannot create SecureString parameters (AWS::SSM::Parameter accepts only String
// and StringList), so a CloudFormation parameter always holds its value in plain text; Terraform
// can create SecureString parameters, whose Type is kept as it is written.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void parameter(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"},
                 {"type", "Type"},
                 {"description", "Description"},
                 {"tier", "Tier"},
                 {"data_type", "DataType"},
                 {"allowed_pattern", "AllowedPattern"}});
    // insecure_value is the provider's non-sensitive spelling of value.
    copy(properties, "Value", argument(body, "value"));
    if (properties.find("Value") == nullptr) {
        copy(properties, "Value", argument(body, "insecure_value"));
    }
    // Tags are a map in AWS::SSM::Parameter, as in Terraform.
    copy(properties, "Tags", argument(body, "tags"));
}

}  // namespace

void add_ssm_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_ssm_parameter", "AWS::SSM::Parameter", parameter});
}

}  // namespace bulwark::terraform
