// aws_codeartifact_domain → AWS::CodeArtifact::Domain and aws_codeartifact_repository →
// AWS::CodeArtifact::Repository, with aws_codeartifact_domain_permissions_policy /
// aws_codeartifact_repository_permissions_policy merged into their PermissionsPolicyDocument.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// One argument of every instance of a repeated block, as a list of strings: CloudFormation
// lists upstream repository names and external connection names directly.
void collect(Value& properties, std::string_view cfn, const Value& body,
             std::string_view block_name, std::string_view argument_name) {
    const Value* all = argument(body, block_name);
    if (all == nullptr) return;
    Value list = Value::list({}, all->range());
    for (const Value* item : blocks(body, block_name)) {
        if (!item->is_map()) {  // a dynamic block over a value known only after apply
            list.as_list().push_back(*item);
        } else if (const Value* value = argument(*item, argument_name)) {
            list.as_list().push_back(*value);
        }
    }
    properties.set(std::string(cfn), std::move(list), all->range());
}

void domain(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "DomainName", argument(body, "domain"));
    copy(properties, "EncryptionKey", argument(body, "encryption_key"));
    copy_tags(properties, "Tags", body);
}

void repository(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "RepositoryName", argument(body, "repository"));
    copy(properties, "DomainName", argument(body, "domain"));
    copy(properties, "DomainOwner", argument(body, "domain_owner"));
    copy(properties, "Description", argument(body, "description"));
    collect(properties, "Upstreams", body, "upstream", "repository_name");
    collect(properties, "ExternalConnections", body, "external_connections",
            "external_connection_name");
    copy_tags(properties, "Tags", body);
}

void merge_permissions_policy(const NativeResource& native, Value& properties) {
    if (const Value* policy = argument(native.body, "policy_document")) {
        properties.set("PermissionsPolicyDocument", policy_document(*policy), policy->range());
    }
}

}  // namespace

void add_codeartifact_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_codeartifact_domain", "AWS::CodeArtifact::Domain", domain});
    catalog.resources.push_back(
        {"aws_codeartifact_repository", "AWS::CodeArtifact::Repository", repository});
    catalog.attachments.push_back({"aws_codeartifact_domain_permissions_policy",
                                   "aws_codeartifact_domain", "domain", "domain",
                                   merge_permissions_policy});
    catalog.attachments.push_back({"aws_codeartifact_repository_permissions_policy",
                                   "aws_codeartifact_repository", "repository", "repository",
                                   merge_permissions_policy});
}

}  // namespace bulwark::terraform
