// AWS::Serverless::Function -> AWS::Lambda::Function, its implicit AWS::IAM::Role (<Id>Role),
// an alias and version for AutoPublishAlias, a function URL, and the resources of its events.
#include <array>

#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {
namespace {

// Properties AWS::Lambda::Function takes under the same name.
constexpr std::array<std::string_view, 20> kSameName = {
    "Handler",          "Runtime",
    "MemorySize",       "Timeout",
    "Description",      "FunctionName",
    "Environment",      "VpcConfig",
    "KmsKeyArn",        "ReservedConcurrentExecutions",
    "Layers",           "Architectures",
    "EphemeralStorage", "FileSystemConfigs",
    "ImageConfig",      "CodeSigningConfigArn",
    "LoggingConfig",    "RuntimeManagementConfig",
    "SnapStart",        "PackageType",
};

// `s3://bucket/key` or {Bucket, Key, Version} as Lambda's S3 code location; Unknown for a local
// path (sam package uploads it).
Value s3_location(const Value& uri, std::string_view bucket, std::string_view key,
                  std::string_view version) {
    const SourceRange& at = uri.range();
    Value out = object(at);
    if (uri.is_string() && uri.as_string().starts_with("s3://")) {
        const std::string path = uri.as_string().substr(5);
        const std::size_t slash = path.find('/');
        out.set(std::string(bucket), text(path.substr(0, slash), at), at);
        out.set(std::string(key),
                text(slash == std::string::npos ? "" : path.substr(slash + 1), at), at);
        return out;
    }
    if (uri.is_map() && !is_intrinsic(uri)) {
        if (const Value* b = uri.find("Bucket")) out.set(std::string(bucket), *b, b->range());
        if (const Value* k = uri.find("Key")) out.set(std::string(key), *k, k->range());
        if (const Value* v = uri.find("Version")) out.set(std::string(version), *v, v->range());
        return out;
    }
    return Value::unknown("local code is uploaded when the template is packaged", {}, at);
}

Value function_code(const SamResource& function) {
    if (const Value* inline_code = function.property("InlineCode")) {
        Value code = object(inline_code->range());
        code.set("ZipFile", *inline_code, inline_code->range());
        return code;
    }
    if (const Value* image = function.property("ImageUri")) {
        Value code = object(image->range());
        code.set("ImageUri", *image, image->range());
        return code;
    }
    if (const Value* uri = function.property("CodeUri")) {
        return s3_location(*uri, "S3Bucket", "S3Key", "S3ObjectVersion");
    }
    return Value::unknown("the function's code is given at packaging", {}, function.at);
}

bool is_literal(const Value* value, std::string_view expected) {
    return value && value->is_string() && value->as_string() == expected;
}

void add_role(const SamResource& function, Value managed, Expansion& expansion) {
    const SourceRange& at = function.at;
    Value properties = object(at);
    if (const Value::Entry* trust = function.entry("AssumeRolePolicyDocument")) {
        properties.set("AssumeRolePolicyDocument", trust->value, trust->key_range);
    } else {
        properties.set("AssumeRolePolicyDocument", trust_policy("lambda.amazonaws.com", at), at);
    }
    Value all_managed =
        list_of({aws_managed_policy("service-role/AWSLambdaBasicExecutionRole", at)}, at);
    if (is_literal(function.property("Tracing"), "Active")) {
        all_managed.as_list().push_back(
            aws_managed_policy("AWSXrayWriteOnlyAccess", function.property("Tracing")->range()));
    }
    for (Value& arn : managed.as_list())
        all_managed.as_list().push_back(std::move(arn));
    Value inline_policies = list_of({}, at);
    add_policies(function, function.property("Policies"), all_managed, inline_policies, expansion);
    if (const Value* queue = function.property("DeadLetterQueue"); queue && queue->is_map()) {
        const Value* type = queue->find("Type");
        const Value* target = queue->find("TargetArn");
        if (type && target && type->is_string()) {
            const SourceRange& dlq = queue->range();
            Value statement = object(dlq);
            statement.set("Action",
                          text(type->as_string() == "SNS" ? "sns:Publish" : "sqs:SendMessage", dlq),
                          type->range());
            statement.set("Effect", text("Allow", dlq), dlq);
            statement.set("Resource", *target, target->range());
            Value document = object(dlq);
            document.set("Version", text("2012-10-17", dlq), dlq);
            document.set("Statement", list_of({std::move(statement)}, dlq), dlq);
            Value policy = object(dlq);
            policy.set("PolicyName", text("DeadLetterQueuePolicy", dlq), dlq);
            policy.set("PolicyDocument", std::move(document), dlq);
            inline_policies.as_list().push_back(std::move(policy));
        }
    }
    properties.set("ManagedPolicyArns", std::move(all_managed), at);
    if (!inline_policies.as_list().empty()) {
        properties.set("Policies", std::move(inline_policies), at);
    }
    copy(function, properties, "PermissionsBoundary");
    copy(function, properties, "RolePath", "Path");
    properties.set("Tags", tag_list(function.property("Tags"), at, true), at);
    expansion.add(function, function.id + "Role", "AWS::IAM::Role", std::move(properties));
}

void add_alias(const SamResource& function, Expansion& expansion) {
    const Value* alias = function.property("AutoPublishAlias");
    if (alias == nullptr) return;
    const SourceRange& at = function.at;
    Value version = object(at);
    version.set("FunctionName", ref(function.id, at), at);
    expansion.add(function, function.id + "Version", "AWS::Lambda::Version", std::move(version));
    expansion.referenceable[function.id + ".Version"] = function.id + "Version";
    Value properties = object(at);
    properties.set("Name", *alias, alias->range());
    properties.set("FunctionName", ref(function.id, at), at);
    properties.set("FunctionVersion", get_att(function.id + "Version", "Version", at), at);
    copy(function, properties, "ProvisionedConcurrencyConfig");
    const std::string name = alias->is_string() ? alphanumeric(alias->as_string()) : "";
    expansion.add(function, function.id + "Alias" + name, "AWS::Lambda::Alias",
                  std::move(properties));
    expansion.referenceable[function.id + ".Alias"] = function.id + "Alias" + name;
}

void add_url(const SamResource& function, Expansion& expansion) {
    const Value* config = function.property("FunctionUrlConfig");
    if (config == nullptr || !config->is_map()) return;
    const SourceRange& at = config->range();
    Value properties = object(at);
    for (const Value::Entry& entry : config->as_map())
        properties.set(entry.key, entry.value, entry.key_range);
    properties.set("TargetFunctionArn", ref(function.id, at), at);
    expansion.add(function, function.id + "Url", "AWS::Lambda::Url", std::move(properties));
    const Value* auth = config->find("AuthType");
    if (is_literal(auth, "NONE")) {  // a public URL: SAM grants everyone invocation
        Value permission = object(at);
        permission.set("Action", text("lambda:InvokeFunctionUrl", at), at);
        permission.set("FunctionName", ref(function.id, at), at);
        permission.set("FunctionUrlAuthType", *auth, auth->range());
        permission.set("Principal", text("*", auth->range()), auth->range());
        expansion.add(function, function.id + "UrlPublicPermissions", "AWS::Lambda::Permission",
                      std::move(permission));
    }
}

}  // namespace

void expand_function(const SamResource& function, Expansion& expansion) {
    const SourceRange& at = function.at;
    Value properties = object(at);
    properties.set("Code", function_code(function), at);
    for (std::string_view name : kSameName)
        copy(function, properties, name);
    copy(function, properties, "RecursiveLoop");
    if (const Value::Entry* role = function.entry("Role")) {
        properties.set("Role", role->value, role->key_range);
        if (function.property("Policies")) {
            expansion.note(role->key_range,
                           "SAM ignores Policies of " + function.id + " because it names its Role");
        }
    } else {
        properties.set("Role", get_att(function.id + "Role", "Arn", at), at);
    }
    if (const Value::Entry* tracing = function.entry("Tracing")) {
        Value config = object(tracing->key_range);
        config.set("Mode", tracing->value, tracing->key_range);
        properties.set("TracingConfig", std::move(config), tracing->key_range);
    }
    if (const Value* queue = function.property("DeadLetterQueue"); queue && queue->is_map()) {
        Value config = object(queue->range());
        if (const Value::Entry* target = queue->find_entry("TargetArn")) {
            config.set("TargetArn", target->value, target->key_range);
        }
        properties.set("DeadLetterConfig", std::move(config), queue->range());
    }
    properties.set("Tags", tag_list(function.property("Tags"), at, true), at);
    expansion.add(function, function.id, "AWS::Lambda::Function", std::move(properties), true);

    Value managed = list_of({}, at);  // what the events need
    expand_function_events(function, managed, expansion);
    if (function.property("Role") == nullptr) add_role(function, std::move(managed), expansion);
    add_alias(function, expansion);
    add_url(function, expansion);
}

}  // namespace bulwark::cloudformation::sam
