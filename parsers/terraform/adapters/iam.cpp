// IAM: aws_iam_role, aws_iam_policy, aws_iam_user, aws_iam_group, aws_iam_access_key,
// aws_iam_openid_connect_provider and aws_iam_account_password_policy, with the resources that
// configure a role, user or group folded into it: aws_iam_role_policy, aws_iam_user_policy and
// aws_iam_group_policy (Policies), the *_policy_attachment resources (ManagedPolicyArns),
// aws_iam_user_login_profile (LoginProfile) and aws_iam_user_group_membership (Groups).
// An inline policy whose role, user or group Bulwark cannot resolve is checked on its own as
// AWS::IAM::RolePolicy / UserPolicy / GroupPolicy, as CloudFormation declares it.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// Appends to a list property, creating it. A property that is not a list (an unknown list of
// ARNs) becomes the first item, so the known additions stay visible to rules.
void append(Value& properties, std::string_view name, Value item, const SourceRange& at) {
    Value* list = properties.find(name);
    if (list == nullptr) {
        properties.set(std::string(name), Value::list({}, at), at);
        list = properties.find(name);
    } else if (!list->is_list()) {
        Value first = *list;
        *list = Value::list({std::move(first)}, list->range());
    }
    list->as_list().push_back(std::move(item));
}

// Appends every item of a list argument (or the argument itself when it is not a list).
void append_all(Value& properties, std::string_view name, const Value& items,
                const SourceRange& at) {
    if (!items.is_list()) {
        append(properties, name, items, at);
        return;
    }
    for (const Value& item : items.as_list())
        append(properties, name, item, at);
}

// One {PolicyName, PolicyDocument} entry, as CloudFormation's inline Policies list holds.
Value inline_policy(const Value& body, const SourceRange& at) {
    Value entry = Value::map({}, at);
    copy(entry, "PolicyName", argument(body, "name"));
    if (const Value* policy = argument(body, "policy")) {
        entry.set("PolicyDocument", policy_document(*policy), policy->range());
    }
    return entry;
}

void role(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "RoleName", argument(body, "name"));
    copy(properties, "Path", argument(body, "path"));
    copy(properties, "Description", argument(body, "description"));
    copy_json(properties, "AssumeRolePolicyDocument", argument(body, "assume_role_policy"));
    copy(properties, "MaxSessionDuration", argument(body, "max_session_duration"));
    copy(properties, "PermissionsBoundary", argument(body, "permissions_boundary"));
    copy(properties, "ManagedPolicyArns", argument(body, "managed_policy_arns"));
    for (const Value* block : blocks(body, "inline_policy")) {
        if (block->is_unknown()) {  // a dynamic block over a value known only after apply
            append(properties, "Policies", *block, block->range());
            continue;
        }
        // An empty `inline_policy {}` block only tells Terraform to remove unmanaged policies.
        if (!block->is_map() || (!argument(*block, "name") && !argument(*block, "policy")))
            continue;
        append(properties, "Policies", inline_policy(*block, block->range()), block->range());
    }
    copy_tags(properties, "Tags", body);
}

void managed_policy(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "ManagedPolicyName", argument(body, "name"));
    copy(properties, "Path", argument(body, "path"));
    copy(properties, "Description", argument(body, "description"));
    copy_json(properties, "PolicyDocument", argument(body, "policy"));
}

void user(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "UserName", argument(body, "name"));
    copy(properties, "Path", argument(body, "path"));
    copy(properties, "PermissionsBoundary", argument(body, "permissions_boundary"));
    copy_tags(properties, "Tags", body);
}

void group(const NativeResource& native, Value& properties) {
    copy(properties, "GroupName", argument(native.body, "name"));
    copy(properties, "Path", argument(native.body, "path"));
}

void access_key(const NativeResource& native, Value& properties) {
    copy(properties, "UserName", argument(native.body, "user"));
    // The provider's status default: a new key is active.
    copy_or_default(properties, "Status", argument(native.body, "status"), Value::string("Active"),
                    native);
}

void oidc_provider(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Url", argument(body, "url"));
    copy(properties, "ClientIdList", argument(body, "client_id_list"));
    copy(properties, "ThumbprintList", argument(body, "thumbprint_list"));
    copy_tags(properties, "Tags", body);
}

// No CloudFormation type: the names are those of the IAM UpdateAccountPasswordPolicy API.
void password_policy(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    // The provider sends these two defaults; every other omitted setting is left to the API,
    // which then applies false / 0 (no requirement).
    copy_or_default(properties, "MinimumPasswordLength", argument(body, "minimum_password_length"),
                    Value::number(6), native);
    copy_or_default(properties, "AllowUsersToChangePassword",
                    argument(body, "allow_users_to_change_password"), Value::boolean(true), native);
    copy(properties, "RequireSymbols", argument(body, "require_symbols"));
    copy(properties, "RequireNumbers", argument(body, "require_numbers"));
    copy(properties, "RequireUppercaseCharacters", argument(body, "require_uppercase_characters"));
    copy(properties, "RequireLowercaseCharacters", argument(body, "require_lowercase_characters"));
    copy(properties, "MaxPasswordAge", argument(body, "max_password_age"));
    copy(properties, "PasswordReusePrevention", argument(body, "password_reuse_prevention"));
    copy(properties, "HardExpiry", argument(body, "hard_expiry"));
}

// aws_iam_{role,user,group}_policy folded into the owner's Policies.
void merge_inline_policy(const NativeResource& native, Value& owner) {
    append(owner, "Policies", inline_policy(native.body, native.range), native.range);
}

// aws_iam_{role,user,group}_policy_attachment folded into the owner's ManagedPolicyArns.
void merge_policy_attachment(const NativeResource& native, Value& owner) {
    if (const Value* arn = argument(native.body, "policy_arn"))
        append(owner, "ManagedPolicyArns", *arn, native.range);
}

void merge_login_profile(const NativeResource& native, Value& owner) {
    // The password itself is generated by AWS and encrypted with pgp_key; it never is in the code.
    Value profile = Value::map({}, header(native));
    copy(profile, "PasswordResetRequired", argument(native.body, "password_reset_required"));
    owner.set("LoginProfile", std::move(profile), header(native));
}

void merge_group_membership(const NativeResource& native, Value& owner) {
    if (const Value* groups = argument(native.body, "groups"))
        append_all(owner, "Groups", *groups, native.range);
}

// Inline policies whose owner is not in the scanned code, as CloudFormation's standalone types.
void unowned_policy(const NativeResource& native, Value& properties,
                    std::string_view owner_argument, std::string_view owner_property) {
    copy(properties, "PolicyName", argument(native.body, "name"));
    copy_json(properties, "PolicyDocument", argument(native.body, "policy"));
    copy(properties, owner_property, argument(native.body, owner_argument));
}

// aws_iam_policy_attachment (one policy to lists of roles, users and groups), and the
// *_policy_attachment resources whose owner is not in the scanned code. CloudFormation attaches
// managed policies through the owner's ManagedPolicyArns; these get a type in the same style.
void policy_attachment(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "PolicyArn", argument(body, "policy_arn"));
    copy(properties, "Roles", argument(body, "roles"));
    copy(properties, "Users", argument(body, "users"));
    copy(properties, "Groups", argument(body, "groups"));
}

void unowned_attachment(const NativeResource& native, Value& properties,
                        std::string_view owner_argument, std::string_view owner_property) {
    copy(properties, "PolicyArn", argument(native.body, "policy_arn"));
    if (const Value* owner = argument(native.body, owner_argument))
        properties.set(std::string(owner_property), Value::list({*owner}, owner->range()),
                       owner->range());
}

void role_attachment(const NativeResource& native, Value& properties) {
    unowned_attachment(native, properties, "role", "Roles");
}
void user_attachment(const NativeResource& native, Value& properties) {
    unowned_attachment(native, properties, "user", "Users");
}
void group_attachment(const NativeResource& native, Value& properties) {
    unowned_attachment(native, properties, "group", "Groups");
}

void role_policy(const NativeResource& native, Value& properties) {
    unowned_policy(native, properties, "role", "RoleName");
}
void user_policy(const NativeResource& native, Value& properties) {
    unowned_policy(native, properties, "user", "UserName");
}
void group_policy(const NativeResource& native, Value& properties) {
    unowned_policy(native, properties, "group", "GroupName");
}

}  // namespace

void add_iam_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_iam_role", "AWS::IAM::Role", role});
    catalog.resources.push_back({"aws_iam_policy", "AWS::IAM::ManagedPolicy", managed_policy});
    catalog.resources.push_back({"aws_iam_user", "AWS::IAM::User", user});
    catalog.resources.push_back({"aws_iam_group", "AWS::IAM::Group", group});
    catalog.resources.push_back({"aws_iam_access_key", "AWS::IAM::AccessKey", access_key});
    catalog.resources.push_back(
        {"aws_iam_openid_connect_provider", "AWS::IAM::OIDCProvider", oidc_provider});
    catalog.resources.push_back({"aws_iam_account_password_policy",
                                 "Bulwark::IAM::AccountPasswordPolicy", password_policy});
    catalog.resources.push_back({"aws_iam_role_policy", "AWS::IAM::RolePolicy", role_policy});
    catalog.resources.push_back(
        {"aws_iam_policy_attachment", "Bulwark::IAM::PolicyAttachment", policy_attachment});
    catalog.resources.push_back(
        {"aws_iam_role_policy_attachment", "Bulwark::IAM::PolicyAttachment", role_attachment});
    catalog.resources.push_back(
        {"aws_iam_user_policy_attachment", "Bulwark::IAM::PolicyAttachment", user_attachment});
    catalog.resources.push_back(
        {"aws_iam_group_policy_attachment", "Bulwark::IAM::PolicyAttachment", group_attachment});
    catalog.resources.push_back({"aws_iam_user_policy", "AWS::IAM::UserPolicy", user_policy});
    catalog.resources.push_back({"aws_iam_group_policy", "AWS::IAM::GroupPolicy", group_policy});

    catalog.attachments.push_back(
        {"aws_iam_role_policy", "aws_iam_role", "role", "name", merge_inline_policy});
    catalog.attachments.push_back({"aws_iam_role_policy_attachment", "aws_iam_role", "role", "name",
                                   merge_policy_attachment});
    catalog.attachments.push_back(
        {"aws_iam_user_policy", "aws_iam_user", "user", "name", merge_inline_policy});
    catalog.attachments.push_back({"aws_iam_user_policy_attachment", "aws_iam_user", "user", "name",
                                   merge_policy_attachment});
    catalog.attachments.push_back(
        {"aws_iam_user_login_profile", "aws_iam_user", "user", "name", merge_login_profile});
    catalog.attachments.push_back(
        {"aws_iam_user_group_membership", "aws_iam_user", "user", "name", merge_group_membership});
    catalog.attachments.push_back(
        {"aws_iam_group_policy", "aws_iam_group", "group", "name", merge_inline_policy});
    catalog.attachments.push_back({"aws_iam_group_policy_attachment", "aws_iam_group", "group",
                                   "name", merge_policy_attachment});
}

}  // namespace bulwark::terraform
