// Secrets Manager: aws_secretsmanager_secret, with aws_secretsmanager_secret_rotation and
// aws_secretsmanager_secret_policy folded into it. aws_secretsmanager_secret_version is not
// adapted: it keeps its native arguments (its secret_string is for secret detection).
//
// CloudFormation declares rotation and the resource policy as resources of their own
// (AWS::SecretsManager::RotationSchedule, AWS::SecretsManager::ResourcePolicy). Bulwark folds
// each into the secret as a property named after that type and holding that type's properties
// (without SecretId), so that one rule sees everything about a secret:
//   RotationSchedule: {RotationLambdaARN, RotationRules: {AutomaticallyAfterDays, Duration,
//                      ScheduleExpression}, RotateImmediatelyOnUpdate}
//   ResourcePolicy:   {ResourcePolicy: <policy document>, BlockPublicPolicy}
// A rotation or policy whose secret Bulwark cannot resolve is checked on its own, as the
// CloudFormation type with its SecretId.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// The properties of an AWS::SecretsManager::RotationSchedule, from the arguments of
// aws_secretsmanager_secret_rotation (or of a provider v3 secret's inline rotation arguments).
void rotation_properties(const Value& body, Value& schedule) {
    copy(schedule, "RotationLambdaARN", argument(body, "rotation_lambda_arn"));
    if (const Value* rules = block(body, "rotation_rules")) {
        Value mapped = Value::map({}, rules->range());
        copy(mapped, "AutomaticallyAfterDays", argument(*rules, "automatically_after_days"));
        copy(mapped, "Duration", argument(*rules, "duration"));
        copy(mapped, "ScheduleExpression", argument(*rules, "schedule_expression"));
        schedule.set("RotationRules", std::move(mapped), rules->range());
    }
    copy(schedule, "RotateImmediatelyOnUpdate", argument(body, "rotate_immediately"));
}

// The properties of an AWS::SecretsManager::ResourcePolicy.
void policy_properties(const Value& body, Value& policy) {
    if (const Value* document = argument(body, "policy")) {
        policy.set("ResourcePolicy", policy_document(*document), document->range());
    }
    copy(policy, "BlockPublicPolicy", argument(body, "block_public_policy"));
}

void secret(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    copy(properties, "Description", argument(body, "description"));
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    const std::vector<const Value*> replicas = blocks(body, "replica");
    if (!replicas.empty()) {
        Value regions = Value::list({}, replicas.front()->range());
        for (const Value* replica : replicas) {
            Value region = Value::map({}, replica->range());
            copy(region, "Region", argument(*replica, "region"));
            copy(region, "KmsKeyId", argument(*replica, "kms_key_id"));
            regions.as_list().push_back(std::move(region));
        }
        properties.set("ReplicaRegions", std::move(regions), replicas.front()->range());
    }
    // Provider v3 inline rotation arguments and the (deprecated) inline policy.
    if (argument(body, "rotation_lambda_arn") || block(body, "rotation_rules")) {
        Value schedule = Value::map({}, header(native));
        rotation_properties(body, schedule);
        properties.set("RotationSchedule", std::move(schedule), header(native));
    }
    if (argument(body, "policy")) {
        Value policy = Value::map({}, header(native));
        policy_properties(body, policy);
        properties.set("ResourcePolicy", std::move(policy), header(native));
    }
    copy_tags(properties, "Tags", body);
}

void merge_rotation(const NativeResource& native, Value& owner) {
    Value schedule = Value::map({}, header(native));
    rotation_properties(native.body, schedule);
    owner.set("RotationSchedule", std::move(schedule), header(native));
}

void merge_policy(const NativeResource& native, Value& owner) {
    Value policy = Value::map({}, header(native));
    policy_properties(native.body, policy);
    owner.set("ResourcePolicy", std::move(policy), header(native));
}

void unowned_rotation(const NativeResource& native, Value& properties) {
    copy(properties, "SecretId", argument(native.body, "secret_id"));
    rotation_properties(native.body, properties);
}

void unowned_policy(const NativeResource& native, Value& properties) {
    copy(properties, "SecretId", argument(native.body, "secret_arn"));
    policy_properties(native.body, properties);
}

}  // namespace

void add_secretsmanager_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_secretsmanager_secret", "AWS::SecretsManager::Secret", secret});
    catalog.resources.push_back({"aws_secretsmanager_secret_rotation",
                                 "AWS::SecretsManager::RotationSchedule", unowned_rotation});
    catalog.resources.push_back({"aws_secretsmanager_secret_policy",
                                 "AWS::SecretsManager::ResourcePolicy", unowned_policy});
    // secret_id may be the secret's name or ARN; secret_arn is always an ARN, never a name.
    catalog.attachments.push_back({"aws_secretsmanager_secret_rotation",
                                   "aws_secretsmanager_secret", "secret_id", "name",
                                   merge_rotation});
    catalog.attachments.push_back({"aws_secretsmanager_secret_policy", "aws_secretsmanager_secret",
                                   "secret_arn", "", merge_policy});
}

}  // namespace bulwark::terraform
