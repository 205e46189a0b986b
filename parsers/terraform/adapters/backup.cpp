// AWS Backup: aws_backup_vault → AWS::Backup::BackupVault, with
// aws_backup_vault_lock_configuration merged into its LockConfiguration; aws_backup_plan →
// AWS::Backup::BackupPlan (its rules under BackupPlan.BackupPlanRule).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void vault(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy_fields(properties, body,
                {{"name", "BackupVaultName"}, {"kms_key_arn", "EncryptionKeyArn"}});
    copy_tags(properties, "BackupVaultTags", body);
}

void merge_lock(const NativeResource& native, Value& properties) {
    Value lock = Value::map({}, header(native));
    copy_fields(lock, native.body,
                {{"min_retention_days", "MinRetentionDays"},
                 {"max_retention_days", "MaxRetentionDays"},
                 {"changeable_for_days", "ChangeableForDays"}});
    properties.set("LockConfiguration", std::move(lock), header(native));
}

const std::initializer_list<Field> kLifecycle = {
    {"delete_after", "DeleteAfterDays"},
    {"cold_storage_after", "MoveToColdStorageAfterDays"},
    {"opt_in_to_archive_for_supported_resources", "OptInToArchiveForSupportedResources"}};

void plan(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    Value plan = Value::map({}, header(native));
    copy(plan, "BackupPlanName", argument(body, "name"));
    set_blocks(plan, "BackupPlanRule", body, "rule", [](const Value& from, Value& to) {
        copy_fields(to, from,
                    {{"rule_name", "RuleName"},
                     {"target_vault_name", "TargetBackupVault"},
                     {"schedule", "ScheduleExpression"},
                     {"start_window", "StartWindowMinutes"},
                     {"completion_window", "CompletionWindowMinutes"},
                     {"enable_continuous_backup", "EnableContinuousBackup"}});
        set_sub_block(to, "Lifecycle", from, "lifecycle", kLifecycle);
        set_blocks(to, "CopyActions", from, "copy_action", [](const Value& action, Value& out) {
            copy(out, "DestinationBackupVaultArn", argument(action, "destination_vault_arn"));
            set_sub_block(out, "Lifecycle", action, "lifecycle", kLifecycle);
        });
    });
    properties.set("BackupPlan", std::move(plan), header(native));
    copy_tags(properties, "BackupPlanTags", body);
}

}  // namespace

void add_backup_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_backup_vault", "AWS::Backup::BackupVault", vault});
    catalog.resources.push_back({"aws_backup_plan", "AWS::Backup::BackupPlan", plan});
    catalog.attachments.push_back({"aws_backup_vault_lock_configuration", "aws_backup_vault",
                                   "backup_vault_name", "name", merge_lock});
}

}  // namespace bulwark::terraform
