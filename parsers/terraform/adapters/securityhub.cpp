// Security Hub: aws_securityhub_account (AWS::SecurityHub::Hub) and
// aws_securityhub_standards_subscription (AWS::SecurityHub::Standard).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void hub(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    // The provider subscribes to the default standards unless told not to, as CloudFormation does.
    copy_or_default(properties, "EnableDefaultStandards",
                    argument(body, "enable_default_standards"), Value::boolean(true), native);
    copy_fields(properties, body,
                {{"auto_enable_controls", "AutoEnableControls"},
                 {"control_finding_generator", "ControlFindingGenerator"}});
}

void standard(const NativeResource& native, Value& properties) {
    copy(properties, "StandardsArn", argument(native.body, "standards_arn"));
}

}  // namespace

void add_securityhub_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_securityhub_account", "AWS::SecurityHub::Hub", hub});
    catalog.resources.push_back(
        {"aws_securityhub_standards_subscription", "AWS::SecurityHub::Standard", standard});
}

}  // namespace bulwark::terraform
