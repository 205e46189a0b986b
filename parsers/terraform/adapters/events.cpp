// EventBridge: aws_cloudwatch_event_bus_policy, the resource policy of an event bus.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// CloudFormation's AWS::Events::EventBusPolicy holds one statement under Statement; Terraform
// gives the whole document, whose statements (one or several) are kept under Statement.
void bus_policy(const NativeResource& native, Value& properties) {
    copy(properties, "EventBusName", argument(native.body, "event_bus_name"));
    const Value* policy = argument(native.body, "policy");
    if (policy == nullptr) return;
    Value document = policy_document(*policy);
    if (const Value* statements = document.find("Statement")) {
        properties.set("Statement", *statements, statements->range());
    } else {
        properties.set(
            "Statement",
            Value::unknown("the bus policy is known only after apply", {}, policy->range()),
            policy->range());
    }
}

}  // namespace

void add_events_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_cloudwatch_event_bus_policy", "AWS::Events::EventBusPolicy", bus_policy});
}

}  // namespace bulwark::terraform
