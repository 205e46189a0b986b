// aws_eks_cluster → AWS::EKS::Cluster.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void cluster(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "Name"}, {"role_arn", "RoleArn"}, {"version", "Version"}});
    set_block(properties, "ResourcesVpcConfig", block(body, "vpc_config"),
              [](const Value& from, Value& to) {
                  copy_fields(to, from,
                              {{"subnet_ids", "SubnetIds"},
                               {"security_group_ids", "SecurityGroupIds"},
                               {"endpoint_public_access", "EndpointPublicAccess"},
                               {"endpoint_private_access", "EndpointPrivateAccess"},
                               {"public_access_cidrs", "PublicAccessCidrs"}});
              });
    set_blocks(properties, "EncryptionConfig", body, "encryption_config",
               [](const Value& from, Value& to) {
                   copy(to, "Resources", argument(from, "resources"));
                   set_sub_block(to, "Provider", from, "provider", {{"key_arn", "KeyArn"}});
               });
    // enabled_cluster_log_types = ["api", "audit"] is CloudFormation's
    // Logging.ClusterLogging.EnabledTypes = [{Type: api}, {Type: audit}].
    if (const Value* types = argument(body, "enabled_cluster_log_types")) {
        Value enabled = *types;
        if (types->is_list()) {
            enabled = Value::list({}, types->range());
            for (const Value& type : types->as_list()) {
                Value entry = Value::map({}, type.range());
                entry.set("Type", type, type.range());
                enabled.as_list().push_back(std::move(entry));
            }
        }
        set_path(properties, {"Logging", "ClusterLogging", "EnabledTypes"}, std::move(enabled));
    }
    set_sub_block(properties, "AccessConfig", body, "access_config",
                  {{"authentication_mode", "AuthenticationMode"},
                   {"bootstrap_cluster_creator_admin_permissions",
                    "BootstrapClusterCreatorAdminPermissions"}});
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_eks_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_eks_cluster", "AWS::EKS::Cluster", cluster});
}

}  // namespace bulwark::terraform
