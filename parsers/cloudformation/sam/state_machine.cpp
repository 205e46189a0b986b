// AWS::Serverless::StateMachine -> AWS::StepFunctions::StateMachine, its implicit role
// (<Id>Role, trusted by Step Functions, with the SAM Policies), and Schedule / EventBridgeRule
// events as rules with a role allowed to start executions.
#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {
namespace {

void add_events(const SamResource& machine, Expansion& expansion) {
    const Value* events = machine.property("Events");
    if (events == nullptr || !events->is_map() || is_intrinsic(*events)) return;
    for (const Value::Entry& entry : events->as_map()) {
        const Value* type = entry.value.find("Type");
        const Value* p = entry.value.find("Properties");
        const SourceRange& at = entry.key_range;
        if (!type || !type->is_string() || !p || !p->is_map()) continue;
        if (type->as_string() != "Schedule" && type->as_string() != "EventBridgeRule" &&
            type->as_string() != "CloudWatchEvent") {
            expansion.note(at, "SAM event type " + type->as_string() + " of " + machine.id +
                                   " is not expanded by Bulwark");
            continue;
        }
        const std::string rule_id = machine.id + entry.key;
        Value statement = object(at);
        statement.set("Action", text("states:StartExecution", at), at);
        statement.set("Effect", text("Allow", at), at);
        statement.set("Resource", ref(machine.id, at), at);
        Value document = object(at);
        document.set("Version", text("2012-10-17", at), at);
        document.set("Statement", list_of({std::move(statement)}, at), at);
        Value policy = object(at);
        policy.set("PolicyName", text(rule_id + "RoleStartExecutionPolicy", at), at);
        policy.set("PolicyDocument", std::move(document), at);
        Value role = object(at);
        role.set("AssumeRolePolicyDocument", trust_policy("events.amazonaws.com", at), at);
        role.set("Policies", list_of({std::move(policy)}, at), at);
        expansion.add(machine, rule_id + "Role", "AWS::IAM::Role", std::move(role));

        Value rule = object(at);
        if (const Value::Entry* schedule = p->find_entry("Schedule")) {
            rule.set("ScheduleExpression", schedule->value, schedule->key_range);
        }
        if (const Value::Entry* pattern = p->find_entry("Pattern")) {
            rule.set("EventPattern", pattern->value, pattern->key_range);
        }
        Value target = object(at);
        target.set("Arn", ref(machine.id, at), at);
        target.set("Id", text(rule_id + "StepFunctionsTarget", at), at);
        target.set("RoleArn", get_att(rule_id + "Role", "Arn", at), at);
        rule.set("Targets", list_of({std::move(target)}, at), at);
        expansion.add(machine, rule_id, "AWS::Events::Rule", std::move(rule));
    }
}

}  // namespace

void expand_state_machine(const SamResource& machine, Expansion& expansion) {
    const SourceRange& at = machine.at;
    Value properties = object(at);
    copy(machine, properties, "Definition");
    if (const Value::Entry* uri = machine.entry("DefinitionUri")) {
        properties.set("DefinitionS3Location",
                       uri->value.is_map()
                           ? uri->value
                           : Value::unknown("definition in a file", {}, uri->value.range()),
                       uri->key_range);
    }
    copy(machine, properties, "DefinitionSubstitutions");
    copy(machine, properties, "Logging", "LoggingConfiguration");
    copy(machine, properties, "Tracing", "TracingConfiguration");
    copy(machine, properties, "Name", "StateMachineName");
    copy(machine, properties, "Type", "StateMachineType");
    if (const Value::Entry* role = machine.entry("Role")) {
        properties.set("RoleArn", role->value, role->key_range);
    } else {
        properties.set("RoleArn", get_att(machine.id + "Role", "Arn", at), at);
    }
    Value tags = tag_list(machine.property("Tags"), at, false);
    Value created_by = object(at);
    created_by.set("Key", text("stateMachine:createdBy", at), at);
    created_by.set("Value", text("SAM", at), at);
    tags.as_list().insert(tags.as_list().begin(), std::move(created_by));
    properties.set("Tags", tags, at);
    expansion.add(machine, machine.id, "AWS::StepFunctions::StateMachine", std::move(properties),
                  true);

    if (machine.property("Role") == nullptr) {
        Value role = object(at);
        role.set("AssumeRolePolicyDocument", trust_policy("states.amazonaws.com", at), at);
        Value managed = list_of({}, at);
        Value inline_policies = list_of({}, at);
        add_policies(machine, machine.property("Policies"), managed, inline_policies, expansion);
        role.set("ManagedPolicyArns", std::move(managed), at);
        if (!inline_policies.as_list().empty())
            role.set("Policies", std::move(inline_policies), at);
        copy(machine, role, "PermissionsBoundary");
        copy(machine, role, "RolePath", "Path");
        role.set("Tags", tags, at);
        expansion.add(machine, machine.id + "Role", "AWS::IAM::Role", std::move(role));
    }
    add_events(machine, expansion);
}

}  // namespace bulwark::cloudformation::sam
