// The SAM transform: each SAM resource kind in, the CloudFormation resources SAM documents out,
// with types, logical IDs, properties and the lines they point at.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;
using bulwark::test::value_at;

namespace {

const Resource& resource(const test::ParsedTemplate& parsed, const std::string& address) {
    const Resource* found = parsed.find(address);
    REQUIRE_MESSAGE(found != nullptr, address);
    return *found;
}

const Value& at_path(const Resource& r, std::string_view path) {
    const Value* value = value_at(r.properties, path);
    REQUIRE_MESSAGE(value != nullptr, r.address << " " << path);
    return *value;
}

std::vector<std::string> addresses(const test::ParsedTemplate& parsed) {
    std::vector<std::string> out;
    for (const Resource& r : parsed.graph.resources())
        out.push_back(r.address + " " + r.type);
    std::sort(out.begin(), out.end());
    return out;
}

bool has_reference(const Value& value, const std::string& target) {
    return value.is_unknown() &&
           std::any_of(value.as_unknown().references.begin(), value.as_unknown().references.end(),
                       [&](const Reference& r) { return r.target == target; });
}

}  // namespace

TEST_CASE("sam: a function becomes a Lambda function and its implicit role") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Key: {Type: AWS::KMS::Key}
  Dlq: {Type: AWS::SQS::Queue}
  Reports:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://artifacts/reports.zip
      Handler: app.handler
      Runtime: python3.12
      Tracing: Active
      KmsKeyArn: !GetAtt Key.Arn
      ReservedConcurrentExecutions: 5
      Environment:
        Variables: {MODE: batch}
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-1]
      DeadLetterQueue:
        Type: SQS
        TargetArn: !GetAtt Dlq.Arn
      Tags: {team: data}
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(addresses(parsed) == std::vector<std::string>{"Dlq AWS::SQS::Queue", "Key AWS::KMS::Key",
                                                        "Reports AWS::Lambda::Function",
                                                        "ReportsRole AWS::IAM::Role"});
    const Resource& function = resource(parsed, "Reports");
    CHECK(function.format == SourceFormat::Sam);
    CHECK(function.native_type == "AWS::Serverless::Function");
    CHECK(function.range.begin.line == 5);
    CHECK(at_path(function, "Code.S3Bucket").as_string() == "artifacts");
    CHECK(at_path(function, "Code.S3Key").as_string() == "reports.zip");
    CHECK(at_path(function, "TracingConfig.Mode").as_string() == "Active");
    CHECK(at_path(function, "TracingConfig.Mode").range().begin.line == 11);
    CHECK(has_reference(at_path(function, "KmsKeyArn"), "Key"));
    CHECK(at_path(function, "KmsKeyArn").range().begin.line == 12);
    CHECK(at_path(function, "ReservedConcurrentExecutions").as_number() == 5);
    CHECK(at_path(function, "Environment.Variables.MODE").as_string() == "batch");
    CHECK(at_path(function, "VpcConfig.SubnetIds[0]").as_string() == "subnet-1");
    CHECK(has_reference(at_path(function, "DeadLetterConfig.TargetArn"), "Dlq"));
    CHECK(has_reference(at_path(function, "Role"), "ReportsRole"));
    CHECK(at_path(function, "Tags[0].Key").as_string() == "lambda:createdBy");
    CHECK(at_path(function, "Tags[1].Value").as_string() == "data");

    const Resource& role = resource(parsed, "ReportsRole");
    CHECK(role.format == SourceFormat::Sam);
    CHECK(role.range.begin.line == 5);
    CHECK(at_path(role, "AssumeRolePolicyDocument.Statement[0].Principal.Service[0]").as_string() ==
          "lambda.amazonaws.com");
    CHECK(at_path(role, "ManagedPolicyArns[0]").as_string() ==
          "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    CHECK(at_path(role, "ManagedPolicyArns[1]").as_string() ==
          "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess");
    CHECK(at_path(role, "Policies[0].PolicyName").as_string() == "DeadLetterQueuePolicy");
    CHECK(at_path(role, "Policies[0].PolicyDocument.Statement[0].Action").as_string() ==
          "sqs:SendMessage");
    // The graph links the function to its role, key and queue.
    const auto out = parsed.graph.out_edges(parsed.index_of("Reports"));
    CHECK(out.size() == 3);
}

TEST_CASE("sam: Policies take managed names, ARNs, statements and policy templates") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads: {Type: AWS::S3::Bucket}
  Secret: {Type: AWS::SecretsManager::Secret}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "def handler(e, c): pass"
      Handler: index.handler
      Runtime: python3.12
      Policies:
        - AmazonS3ReadOnlyAccess
        - arn:aws:iam::123456789012:policy/Custom
        - AWSLambdaVPCAccessExecutionRole
        - Statement:
            - Effect: Allow
              Action: sqs:*
              Resource: "*"
        - S3ReadPolicy:
            BucketName: !Ref Uploads
        - CloudWatchPutMetricPolicy: {}
        - AWSSecretsManagerGetSecretValuePolicy:
            SecretArn: !Ref Secret
        - SQSSendMessagePolicy:
            QueueName: jobs
        - NoSuchPolicyTemplate: {}
)");
    const Resource& role = resource(parsed, "WorkerRole");
    CHECK(at_path(role, "ManagedPolicyArns").as_list().size() == 4);
    CHECK(at_path(role, "ManagedPolicyArns[1]").as_string() ==
          "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
    CHECK(at_path(role, "ManagedPolicyArns[1]").range().begin.line == 12);
    CHECK(at_path(role, "ManagedPolicyArns[2]").as_string() ==
          "arn:aws:iam::123456789012:policy/Custom");
    CHECK(at_path(role, "ManagedPolicyArns[3]").as_string() ==
          "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
    const Value& policies = at_path(role, "Policies");
    REQUIRE(policies.as_list().size() == 6);
    CHECK(at_path(role, "Policies[0].PolicyName").as_string() == "WorkerRolePolicy3");
    CHECK(at_path(role, "Policies[0].PolicyDocument.Statement[0].Action").as_string() == "sqs:*");
    CHECK(at_path(role, "Policies[1].PolicyName").as_string() == "WorkerRolePolicy4");
    CHECK(at_path(role, "Policies[1].PolicyDocument.Statement[0].Action[0]").as_string() ==
          "s3:GetObject");
    CHECK(has_reference(at_path(role, "Policies[1].PolicyDocument.Statement[0].Resource[0]"),
                        "Uploads"));
    CHECK(at_path(role, "Policies[2].PolicyDocument.Statement[0].Resource[0]").as_string() == "*");
    CHECK(has_reference(at_path(role, "Policies[3].PolicyDocument.Statement[0].Resource[0]"),
                        "Secret"));
    CHECK(at_path(role, "Policies[4].PolicyDocument.Statement[0].Resource[0]").is_unknown());
    CHECK(at_path(role, "Policies[4].PolicyDocument.Statement[0].Action[0]").as_string() ==
          "sqs:SendMessage*");
    CHECK(at_path(role, "Policies[5].PolicyDocument").is_unknown());  // not guessed
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].position.line == 26);
    CHECK(at_path(resource(parsed, "Worker"), "Code.ZipFile").as_string() ==
          "def handler(e, c): pass");
}

TEST_CASE("sam: every documented policy template the brief names is known") {
    cloudformation::TemplateOptions account;
    account.parameters["AWS::Region"] = "eu-west-1";
    account.parameters["AWS::AccountId"] = "111122223333";
    for (const char* name :
         {"S3ReadPolicy", "S3CrudPolicy", "DynamoDBReadPolicy", "DynamoDBCrudPolicy",
          "SQSPollerPolicy", "SQSSendMessagePolicy", "SNSPublishMessagePolicy", "KMSDecryptPolicy",
          "AWSSecretsManagerGetSecretValuePolicy", "LambdaInvokePolicy",
          "CloudWatchPutMetricPolicy", "AWSSecretsManagerRotationPolicy", "VPCAccessPolicy"}) {
        auto parsed = parse_cfn(std::string(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  F:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://b/k
      Policies:
        - )") + name + R"(:
            BucketName: b
            TableName: t
            QueueName: q
            TopicName: t
            KeyId: k
            SecretArn: arn:aws:secretsmanager:eu-west-1:111122223333:secret:s
            FunctionName: f
)",
                                account);
        CHECK_MESSAGE(parsed.diagnostics.empty(), name);
        const Value* statement = value_at(resource(parsed, "FRole").properties,
                                          "Policies[0].PolicyDocument.Statement[0]");
        REQUIRE_MESSAGE(statement != nullptr, name);
        CHECK_MESSAGE(statement->find("Action")->as_list().size() >= 1, name);
        const Value& first_resource = statement->find("Resource")->as_list().at(0);
        CHECK_MESSAGE(first_resource.is_string(), name);  // known with literal parameters
        CHECK_MESSAGE(first_resource.as_string().find("${") == std::string::npos, name);
    }
}

TEST_CASE("sam: a function with a Role gets no implicit role") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Shared:
    Type: AWS::IAM::Role
    Properties: {AssumeRolePolicyDocument: {}}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://b/k
      Role: !GetAtt Shared.Arn
)");
    CHECK(parsed.find("FnRole") == nullptr);
    CHECK(has_reference(at_path(resource(parsed, "Fn"), "Role"), "Shared"));
    CHECK(at_path(resource(parsed, "Fn"), "Role").range().begin.line == 10);
}

TEST_CASE("sam: function events generate the implicit APIs, permissions and event sources") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    TracingEnabled: true
Resources:
  Jobs: {Type: AWS::SQS::Queue}
  Alerts: {Type: AWS::SNS::Topic}
  Inbox: {Type: AWS::S3::Bucket}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://b/k
      Events:
        List:
          Type: Api
          Properties: {Path: /items, Method: get}
        Http:
          Type: HttpApi
          Properties: {Path: /h, Method: ANY}
        Queue:
          Type: SQS
          Properties: {Queue: !GetAtt Jobs.Arn, BatchSize: 5}
        Topic:
          Type: SNS
          Properties: {Topic: !Ref Alerts}
        Nightly:
          Type: Schedule
          Properties: {Schedule: rate(1 day)}
        Upload:
          Type: S3
          Properties: {Bucket: !Ref Inbox, Events: s3:ObjectCreated:*}
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(addresses(parsed) ==
          std::vector<std::string>{
              "Alerts AWS::SNS::Topic",
              "Fn AWS::Lambda::Function",
              "FnHttpPermission AWS::Lambda::Permission",
              "FnListPermissionProd AWS::Lambda::Permission",
              "FnNightly AWS::Events::Rule",
              "FnNightlyPermission AWS::Lambda::Permission",
              "FnQueue AWS::Lambda::EventSourceMapping",
              "FnRole AWS::IAM::Role",
              "FnTopic AWS::SNS::Subscription",
              "FnTopicPermission AWS::Lambda::Permission",
              "FnUploadPermission AWS::Lambda::Permission",
              "Inbox AWS::S3::Bucket",
              "Jobs AWS::SQS::Queue",
              "ServerlessHttpApi AWS::ApiGatewayV2::Api",
              "ServerlessHttpApiApiGatewayDefaultStage AWS::ApiGatewayV2::Stage",
              "ServerlessRestApi AWS::ApiGateway::RestApi",
              "ServerlessRestApiDeployment AWS::ApiGateway::Deployment",
              "ServerlessRestApiProdStage AWS::ApiGateway::Stage",
          });
    const Resource& stage = resource(parsed, "ServerlessRestApiProdStage");
    CHECK(at_path(stage, "StageName").as_string() == "Prod");
    CHECK(at_path(stage, "TracingEnabled").as_bool());
    CHECK(at_path(stage, "TracingEnabled").range().begin.line == 4);  // from Globals
    CHECK(stage.range.begin.line == 14);  // the event that made the implicit API
    const Resource& api = resource(parsed, "ServerlessRestApi");
    CHECK(has_reference(*value_at(api.properties, "Body.paths./items"), "Fn") == false);
    const Value* integration =
        api.properties.find("Body")->find("paths")->find("/items")->find("get");
    REQUIRE(integration != nullptr);
    CHECK(has_reference(*integration->find("x-amazon-apigateway-integration")->find("uri"), "Fn"));
    CHECK(at_path(resource(parsed, "ServerlessHttpApiApiGatewayDefaultStage"), "StageName")
              .as_string() == "$default");
    const Resource& mapping = resource(parsed, "FnQueue");
    CHECK(has_reference(at_path(mapping, "EventSourceArn"), "Jobs"));
    CHECK(at_path(mapping, "BatchSize").as_number() == 5);
    CHECK(at_path(resource(parsed, "FnRole"), "ManagedPolicyArns[1]").as_string() ==
          "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
    CHECK(at_path(resource(parsed, "FnNightly"), "ScheduleExpression").as_string() ==
          "rate(1 day)");
    CHECK(at_path(resource(parsed, "FnTopic"), "Protocol").as_string() == "lambda");
    const Resource& inbox = resource(parsed, "Inbox");
    CHECK(at_path(inbox, "NotificationConfiguration.LambdaConfigurations[0].Event").as_string() ==
          "s3:ObjectCreated:*");
}

TEST_CASE("sam: an Api becomes RestApi, Deployment and Stage with the stage settings") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    CacheClusterEnabled: true
Resources:
  Logs: {Type: AWS::Logs::LogGroup}
  Public:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod-v1
      TracingEnabled: false
      EndpointConfiguration: REGIONAL
      AccessLogSetting:
        DestinationArn: !GetAtt Logs.Arn
        Format: $context.requestId
      MethodSettings:
        - {ResourcePath: "/*", HttpMethod: "*", LoggingLevel: INFO}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://b/k
      Events:
        Get:
          Type: Api
          Properties: {RestApiId: !Ref Public, Path: /x, Method: post}
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(parsed.find("ServerlessRestApi") == nullptr);
    const Resource& stage = resource(parsed, "Publicprodv1Stage");
    CHECK(stage.type == "AWS::ApiGateway::Stage");
    CHECK(stage.range.begin.line == 7);
    CHECK(at_path(stage, "StageName").as_string() == "prod-v1");
    CHECK(has_reference(at_path(stage, "AccessLogSetting.DestinationArn"), "Logs"));
    CHECK(at_path(stage, "AccessLogSetting.DestinationArn").range().begin.line == 14);
    CHECK(at_path(stage, "MethodSettings[0].LoggingLevel").as_string() == "INFO");
    CHECK_FALSE(at_path(stage, "TracingEnabled").as_bool());
    CHECK(at_path(stage, "CacheClusterEnabled").as_bool());
    CHECK(has_reference(at_path(stage, "DeploymentId"), "PublicDeployment"));
    const Resource& api = resource(parsed, "Public");
    CHECK(api.type == "AWS::ApiGateway::RestApi");
    CHECK(at_path(api, "EndpointConfiguration.Types[0]").as_string() == "REGIONAL");
    CHECK(value_at(api.properties, "Body.paths./x.post.x-amazon-apigateway-integration") !=
          nullptr);
    CHECK(resource(parsed, "PublicDeployment").type == "AWS::ApiGateway::Deployment");
    CHECK(resource(parsed, "FnGetPermission").type == "AWS::Lambda::Permission");
}

TEST_CASE("sam: an HttpApi becomes an ApiGatewayV2 Api and stage") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Edge:
    Type: AWS::Serverless::HttpApi
    Properties:
      StageName: live
      AccessLogSettings: {DestinationArn: arn:aws:logs:eu-west-1:1:log-group:x, Format: "$context.requestId"}
      DefaultRouteSettings: {ThrottlingBurstLimit: 10}
)");
    CHECK(parsed.diagnostics.empty());
    CHECK(resource(parsed, "Edge").type == "AWS::ApiGatewayV2::Api");
    const Resource& stage = resource(parsed, "EdgeliveStage");
    CHECK(stage.type == "AWS::ApiGatewayV2::Stage");
    CHECK(at_path(stage, "AccessLogSettings.Format").as_string() == "$context.requestId");
    CHECK(at_path(stage, "DefaultRouteSettings.ThrottlingBurstLimit").as_number() == 10);
    CHECK(at_path(stage, "AutoDeploy").as_bool());
}

TEST_CASE("sam: a SimpleTable becomes a DynamoDB table keyed by its primary key") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  SimpleTable:
    SSESpecification: {SSEEnabled: true}
Resources:
  Plain:
    Type: AWS::Serverless::SimpleTable
  Counters:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey: {Name: counter, Type: Number}
      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}
      TableName: counters
      Tags: {env: prod}
)");
    CHECK(parsed.diagnostics.empty());
    const Resource& plain = resource(parsed, "Plain");
    CHECK(plain.type == "AWS::DynamoDB::Table");
    CHECK(at_path(plain, "KeySchema[0].AttributeName").as_string() == "id");
    CHECK(at_path(plain, "AttributeDefinitions[0].AttributeType").as_string() == "S");
    CHECK(at_path(plain, "BillingMode").as_string() == "PAY_PER_REQUEST");
    CHECK(at_path(plain, "SSESpecification.SSEEnabled").as_bool());
    CHECK(at_path(plain, "SSESpecification.SSEEnabled").range().begin.line == 4);
    const Resource& counters = resource(parsed, "Counters");
    CHECK(at_path(counters, "AttributeDefinitions[0].AttributeName").as_string() == "counter");
    CHECK(at_path(counters, "AttributeDefinitions[0].AttributeType").as_string() == "N");
    CHECK(counters.properties.find("BillingMode") == nullptr);
    CHECK(at_path(counters, "ProvisionedThroughput.ReadCapacityUnits").as_number() == 1);
    CHECK(at_path(counters, "Tags[0].Key").as_string() == "env");
}

TEST_CASE("sam: a StateMachine becomes a state machine and its role; a layer a layer version") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
      Type: EXPRESS
      Logging:
        Level: ALL
        IncludeExecutionData: true
      Tracing: {Enabled: true}
      Policies:
        - LambdaInvokePolicy: {FunctionName: worker}
      Events:
        Hourly:
          Type: Schedule
          Properties: {Schedule: rate(1 hour)}
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: s3://layers/deps.zip
      CompatibleRuntimes: [python3.12]
)");
    CHECK(parsed.diagnostics.empty());
    const Resource& machine = resource(parsed, "Flow");
    CHECK(machine.type == "AWS::StepFunctions::StateMachine");
    CHECK(at_path(machine, "StateMachineType").as_string() == "EXPRESS");
    CHECK(at_path(machine, "LoggingConfiguration.Level").as_string() == "ALL");
    CHECK(at_path(machine, "TracingConfiguration.Enabled").as_bool());
    CHECK(has_reference(at_path(machine, "RoleArn"), "FlowRole"));
    const Resource& role = resource(parsed, "FlowRole");
    CHECK(at_path(role, "AssumeRolePolicyDocument.Statement[0].Principal.Service[0]").as_string() ==
          "states.amazonaws.com");
    CHECK(at_path(role, "Policies[0].PolicyDocument.Statement[0].Action[0]").as_string() ==
          "lambda:InvokeFunction");
    CHECK(resource(parsed, "FlowHourly").type == "AWS::Events::Rule");
    CHECK(resource(parsed, "FlowHourlyRole").type == "AWS::IAM::Role");
    const Resource& layer = resource(parsed, "Deps");
    CHECK(layer.type == "AWS::Lambda::LayerVersion");
    CHECK(at_path(layer, "Content.S3Bucket").as_string() == "layers");
    CHECK(layer.attributes.find("DeletionPolicy")->as_string() == "Retain");
}

TEST_CASE("sam: Globals follow SAM's rules; conditions and attributes carry over") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Globals:
  Function:
    Runtime: nodejs20.x
    MemorySize: 256
    Environment:
      Variables: {STAGE: global, SHARED: yes}
    VpcConfig:
      SecurityGroupIds: [sg-global]
    Layers: !Ref AWS::NoValue
Resources:
  Fn:
    Type: AWS::Serverless::Function
    DeletionPolicy: Retain
    Properties:
      CodeUri: s3://b/k
      MemorySize: 1024
      Environment:
        Variables: {STAGE: local}
      VpcConfig:
        SecurityGroupIds: [sg-local]
      Layers: [arn:aws:lambda:eu-west-1:1:layer:x:1]
  ProdOnly:
    Type: AWS::Serverless::Function
    Condition: IsProd
    Properties: {CodeUri: s3://b/k}
)");
    CHECK(parsed.diagnostics.empty());
    const Resource& fn = resource(parsed, "Fn");
    CHECK(at_path(fn, "Runtime").as_string() == "nodejs20.x");
    CHECK(at_path(fn, "MemorySize").as_number() == 1024);
    CHECK(at_path(fn, "Environment.Variables.STAGE").as_string() == "local");
    CHECK(at_path(fn, "Environment.Variables.SHARED").as_string() == "yes");
    CHECK(at_path(fn, "VpcConfig.SecurityGroupIds[0]").as_string() == "sg-global");
    CHECK(at_path(fn, "VpcConfig.SecurityGroupIds[1]").as_string() == "sg-local");
    CHECK(at_path(fn, "Layers").as_list().size() == 1);  // an intrinsic on one side: the resource's
    CHECK(fn.attributes.find("DeletionPolicy")->as_string() == "Retain");
    CHECK(resource(parsed, "FnRole").attributes.find("DeletionPolicy") == nullptr);
    CHECK(parsed.find("ProdOnly") == nullptr);
    CHECK(parsed.find("ProdOnlyRole") == nullptr);
}

TEST_CASE("sam: a template without the SAM transform is not expanded") {
    auto parsed = parse_cfn(R"(Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: s3://b/k}
)");
    CHECK(resource(parsed, "Fn").type == "AWS::Serverless::Function");
    CHECK(resource(parsed, "Fn").format == SourceFormat::CloudFormation);
}

TEST_CASE("sam: referenceable properties point at the generated resources") {
    auto parsed = parse_cfn(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: s3://b/k, AutoPublishAlias: live}
  Api:
    Type: AWS::Serverless::Api
    Properties: {StageName: v1}
  Thing:
    Type: Custom::Thing
    Properties:
      Alias: !Ref Fn.Alias
      Version: !GetAtt Fn.Version.Version
      Stage: !Ref Api.Stage
      Deployment: {"Fn::GetAtt": [Api.Deployment, Id]}
)");
    CHECK(parsed.diagnostics.empty());
    const Resource& thing = resource(parsed, "Thing");
    CHECK(has_reference(at_path(thing, "Alias"), "FnAliaslive"));
    CHECK(has_reference(at_path(thing, "Version"), "FnVersion"));
    CHECK(has_reference(at_path(thing, "Stage"), "Apiv1Stage"));
    CHECK(has_reference(at_path(thing, "Deployment"), "ApiDeployment"));
    CHECK(resource(parsed, "FnAliaslive").type == "AWS::Lambda::Alias");
}
