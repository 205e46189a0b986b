// aws_elastic_beanstalk_environment → AWS::ElasticBeanstalk::Environment.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void environment(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "EnvironmentName"},
                 {"application", "ApplicationName"},
                 {"description", "Description"},
                 {"solution_stack_name", "SolutionStackName"},
                 {"platform_arn", "PlatformArn"},
                 {"template_name", "TemplateName"},
                 {"version_label", "VersionLabel"},
                 {"cname_prefix", "CNAMEPrefix"}});
    if (const Value* tier = argument(body, "tier")) set_path(properties, {"Tier", "Name"}, *tier);
    // setting { namespace, name, value, resource } blocks are CloudFormation's OptionSettings.
    set_blocks(properties, "OptionSettings", body, "setting", [](const Value& from, Value& to) {
        copy_fields(to, from,
                    {{"namespace", "Namespace"},
                     {"name", "OptionName"},
                     {"value", "Value"},
                     {"resource", "ResourceName"}});
    });
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_elasticbeanstalk_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_elastic_beanstalk_environment", "AWS::ElasticBeanstalk::Environment", environment});
}

}  // namespace bulwark::terraform
