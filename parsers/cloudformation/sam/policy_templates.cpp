// SAM policy templates, written as data from the AWS SAM policy template documentation: each
// template's statements with its parameters as `${Name}` placeholders (instantiated as Fn::Sub).
#include <array>

#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {
namespace {

struct StatementSpec {
    std::vector<std::string_view> actions;
    std::vector<std::string_view> resources;  // "*" or an ARN pattern
    std::string_view condition_key = {};      // StringEquals on this key ...
    std::string_view condition_value = {};    // ... with this pattern
};

struct TemplateSpec {
    std::string_view name;
    std::vector<std::string_view> parameters;
    std::vector<StatementSpec> statements;
};

constexpr std::string_view kS3Bucket = "arn:${AWS::Partition}:s3:::${BucketName}";
constexpr std::string_view kS3Objects = "arn:${AWS::Partition}:s3:::${BucketName}/*";
constexpr std::string_view kTable =
    "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}";
constexpr std::string_view kTableIndexes =
    "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*";
constexpr std::string_view kQueue =
    "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}";
constexpr std::string_view kKey =
    "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}";
constexpr std::string_view kFunction =
    "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}";

const std::vector<TemplateSpec>& templates() {
    static const std::vector<TemplateSpec> kTemplates = {
        {"S3ReadPolicy",
         {"BucketName"},
         {{{"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
            "s3:GetLifecycleConfiguration"},
           {kS3Bucket, kS3Objects}}}},
        {"S3WritePolicy",
         {"BucketName"},
         {{{"s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"},
           {kS3Bucket, kS3Objects}}}},
        {"S3CrudPolicy",
         {"BucketName"},
         {{{"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
            "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration",
            "s3:PutLifecycleConfiguration", "s3:DeleteObject"},
           {kS3Bucket, kS3Objects}}}},
        {"S3FullAccessPolicy",
         {"BucketName"},
         {{{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectVersion", "s3:PutObject",
            "s3:PutObjectAcl", "s3:DeleteObject", "s3:DeleteObjectTagging",
            "s3:DeleteObjectVersionTagging", "s3:GetObjectTagging", "s3:GetObjectVersionTagging",
            "s3:PutObjectTagging", "s3:PutObjectVersionTagging"},
           {kS3Objects}},
          {{"s3:ListBucket", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration",
            "s3:PutLifecycleConfiguration"},
           {kS3Bucket}}}},
        {"DynamoDBReadPolicy",
         {"TableName"},
         {{{"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
            "dynamodb:DescribeTable"},
           {kTable, kTableIndexes}}}},
        {"DynamoDBWritePolicy",
         {"TableName"},
         {{{"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"},
           {kTable, kTableIndexes}}}},
        {"DynamoDBCrudPolicy",
         {"TableName"},
         {{{"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
            "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"},
           {kTable, kTableIndexes}}}},
        {"DynamoDBStreamReadPolicy",
         {"TableName", "StreamName"},
         {{{"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"},
           {"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/"
            "stream/${StreamName}"}},
          {{"dynamodb:ListStreams"},
           {"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/"
            "stream/*"}}}},
        {"SQSPollerPolicy",
         {"QueueName"},
         {{{"sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
            "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"},
           {kQueue}}}},
        {"SQSSendMessagePolicy", {"QueueName"}, {{{"sqs:SendMessage*"}, {kQueue}}}},
        {"SNSPublishMessagePolicy",
         {"TopicName"},
         {{{"sns:Publish"},
           {"arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}"}}}},
        {"SNSCrudPolicy",
         {"TopicName"},
         {{{"sns:ListSubscriptionsByTopic", "sns:CreateTopic", "sns:SetTopicAttributes",
            "sns:Subscribe", "sns:Publish"},
           {"arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}*"}}}},
        {"KMSDecryptPolicy", {"KeyId"}, {{{"kms:Decrypt"}, {kKey}}}},
        {"KMSEncryptPolicy", {"KeyId"}, {{{"kms:Encrypt"}, {kKey}}}},
        {"AWSSecretsManagerGetSecretValuePolicy",
         {"SecretArn"},
         {{{"secretsmanager:GetSecretValue"}, {"${SecretArn}"}}}},
        {"AWSSecretsManagerRotationPolicy",
         {"FunctionName"},
         {{{"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
            "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"},
           {"arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:*"},
           "secretsmanager:resource/AllowRotationLambdaArn",
           kFunction},
          {{"secretsmanager:GetRandomPassword"}, {"*"}}}},
        {"LambdaInvokePolicy",
         {"FunctionName"},
         {{{"lambda:InvokeFunction"},
           {"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${"
            "FunctionName}*"}}}},
        {"CloudWatchPutMetricPolicy", {}, {{{"cloudwatch:PutMetricData"}, {"*"}}}},
        {"VPCAccessPolicy",
         {},
         {{{"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
            "ec2:DescribeNetworkInterfaces", "ec2:DetachNetworkInterface"},
           {"*"}}}},
        {"EC2DescribePolicy", {}, {{{"ec2:DescribeRegions", "ec2:DescribeInstances"}, {"*"}}}},
        {"StepFunctionsExecutionPolicy",
         {"StateMachineName"},
         {{{"states:StartExecution"},
           {"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${"
            "StateMachineName}"}}}},
        {"EventBridgePutEventsPolicy",
         {"EventBusName"},
         {{{"events:PutEvents"},
           {"arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${"
            "EventBusName}"}}}},
        {"SSMParameterReadPolicy",
         {"ParameterName"},
         {{{"ssm:DescribeParameters"}, {"*"}},
          {{"ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"},
           {"arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${"
            "ParameterName}"}}}},
        {"KinesisStreamReadPolicy",
         {"StreamName"},
         {{{"kinesis:ListStreams", "kinesis:DescribeLimits"},
           {"arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*"}},
          {{"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
            "kinesis:GetShardIterator"},
           {"arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${"
            "StreamName}"}}}},
        {"SESCrudPolicy",
         {"IdentityName"},
         {{{"ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail",
            "ses:VerifyEmailIdentity"},
           {"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${"
            "IdentityName}"}}}},
        {"ComprehendBasicAccessPolicy",
         {},
         {{{"comprehend:BatchDetectKeyPhrases", "comprehend:DetectDominantLanguage",
            "comprehend:DetectEntities", "comprehend:BatchDetectEntities",
            "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment",
            "comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectSentiment"},
           {"*"}}}},
        {"StepFunctionsCallbackPolicy",
         {"StateMachineName"},
         {{{"states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"},
           {"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${"
            "StateMachineName}"}}}},
        {"DynamoDBReconfigurePolicy", {"TableName"}, {{{"dynamodb:UpdateTable"}, {kTable}}}},
        {"FirehoseWritePolicy",
         {"DeliveryStreamName"},
         {{{"firehose:PutRecord", "firehose:PutRecordBatch"},
           {"arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/${"
            "DeliveryStreamName}"}}}},
    };
    return kTemplates;
}

// The pattern as a value: "*" stays literal; anything else is Fn::Sub with the template's
// parameters as variables (so a parameter given as !Ref Bucket keeps its reference).
Value instantiate(std::string_view pattern, const TemplateSpec& spec, const Value& parameters,
                  const SourceRange& at) {
    if (pattern == "*") return text("*", at);
    Value variables = object(at);
    for (std::string_view name : spec.parameters) {
        if (pattern.find("${" + std::string(name) + "}") == std::string_view::npos) continue;
        if (const Value::Entry* given = parameters.find_entry(name)) {
            variables.set(std::string(name), given->value, given->key_range);
        } else {  // SAM rejects the template; the resource stays undecided, not guessed
            variables.set(
                std::string(name),
                Value::unknown("policy template parameter " + std::string(name) + " is missing", {},
                               at),
                at);
        }
    }
    if (variables.as_map().empty()) return sub(std::string(pattern), at);
    return sub(std::string(pattern), std::move(variables), at);
}

}  // namespace

std::optional<Value> policy_template(std::string_view name, const Value& parameters,
                                     const SourceRange& at) {
    for (const TemplateSpec& spec : templates()) {
        if (spec.name != name) continue;
        Value statements = list_of({}, at);
        for (const StatementSpec& written : spec.statements) {
            Value statement = object(at);
            statement.set("Effect", text("Allow", at), at);
            Value actions = list_of({}, at);
            for (std::string_view action : written.actions)
                actions.as_list().push_back(text(std::string(action), at));
            statement.set("Action", std::move(actions), at);
            Value resources = list_of({}, at);
            for (std::string_view resource : written.resources)
                resources.as_list().push_back(instantiate(resource, spec, parameters, at));
            statement.set("Resource", std::move(resources), at);
            if (!written.condition_key.empty()) {
                Value equals = object(at);
                equals.set(std::string(written.condition_key),
                           instantiate(written.condition_value, spec, parameters, at), at);
                Value condition = object(at);
                condition.set("StringEquals", std::move(equals), at);
                statement.set("Condition", std::move(condition), at);
            }
            statements.as_list().push_back(std::move(statement));
        }
        Value document = object(at);
        document.set("Version", text("2012-10-17", at), at);
        document.set("Statement", std::move(statements), at);
        return document;
    }
    return std::nullopt;
}

}  // namespace bulwark::cloudformation::sam
