// Amazon Inspector: aws_inspector2_enabler (Bulwark::Inspector2::Enabler). Inspector is switched
// on per account and resource type through the API; CloudFormation has no resource for it.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void enabler(const NativeResource& native, Value& properties) {
    copy_fields(properties, native.body,
                {{"account_ids", "AccountIds"}, {"resource_types", "ResourceTypes"}});
}

}  // namespace

void add_inspector_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_inspector2_enabler", "Bulwark::Inspector2::Enabler", enabler});
}

}  // namespace bulwark::terraform
