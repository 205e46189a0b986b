// aws_autoscaling_group → AWS::AutoScaling::AutoScalingGroup, with aws_autoscaling_attachment
// (a target group or Classic Load Balancer attached after creation) added to its TargetGroupARNs
// or LoadBalancerNames.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "AutoScalingGroupName"},
                 {"min_size", "MinSize"},
                 {"max_size", "MaxSize"},
                 {"desired_capacity", "DesiredCapacity"},
                 {"availability_zones", "AvailabilityZones"},
                 {"vpc_zone_identifier", "VPCZoneIdentifier"},
                 {"health_check_grace_period", "HealthCheckGracePeriod"},
                 {"target_group_arns", "TargetGroupARNs"},
                 {"load_balancers", "LoadBalancerNames"},
                 {"launch_configuration", "LaunchConfigurationName"},
                 {"default_cooldown", "Cooldown"},
                 {"capacity_rebalance", "CapacityRebalance"}});
    // The provider sends EC2 when health_check_type is omitted, as the API does.
    copy_or_default(properties, "HealthCheckType", argument(body, "health_check_type"),
                    Value::string("EC2"), native);
    set_sub_block(
        properties, "LaunchTemplate", body, "launch_template",
        {{"id", "LaunchTemplateId"}, {"name", "LaunchTemplateName"}, {"version", "Version"}});
    if (block(body, "mixed_instances_policy") != nullptr) {
        const Value* policy = block(body, "mixed_instances_policy");
        properties.set("MixedInstancesPolicy", Value::map({}, policy->range()), policy->range());
    }
    // Tags are `tag` blocks with propagate_at_launch, as in CloudFormation's list.
    set_blocks(properties, "Tags", body, "tag", [](const Value& from, Value& to) {
        copy_fields(
            to, from,
            {{"key", "Key"}, {"value", "Value"}, {"propagate_at_launch", "PropagateAtLaunch"}});
    });
}

void append(Value& properties, std::string_view property, const Value& item) {
    Value* list = properties.find(property);
    if (list == nullptr || !list->is_list()) {
        properties.set(std::string(property), Value::list({}, item.range()), item.range());
        list = properties.find(property);
    }
    list->as_list().push_back(item);
}

void merge_attachment(const NativeResource& native, Value& owner) {
    if (const Value* target_group = argument(native.body, "lb_target_group_arn")) {
        append(owner, "TargetGroupARNs", *target_group);
    }
    if (const Value* elb = argument(native.body, "elb")) append(owner, "LoadBalancerNames", *elb);
}

}  // namespace

void add_autoscaling_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_autoscaling_group", "AWS::AutoScaling::AutoScalingGroup", group});
    catalog.attachments.push_back({"aws_autoscaling_attachment", "aws_autoscaling_group",
                                   "autoscaling_group_name", "name", merge_attachment});
}

}  // namespace bulwark::terraform
