// CDK source construct mappings, one family per test case: a snippet of a Python (or TypeScript)
// stack in, the CloudFormation resources CDK would synthesize out, with the line every value
// points at (the argument that set it, or the construct call for CDK's defaults).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "parsers/cdk/source/cdk_source_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// One expectation on one resource: an empty path checks the type. Values are rendered 'text',
// #n, true / false, [n], {n}, <unknown>, <null>, <absent>. Line 0 skips the line check.
struct Check {
    const char* address;
    const char* path;
    const char* value;
    int line = 0;
};

struct Case {
    const char* name;
    const char* body;  // Python statements inside the stack's __init__ (first line is line 9)
    std::vector<Check> checks;
};

// Lines 1-8; the body starts on line 9.
constexpr const char* kPythonHeader =
    "import aws_cdk as cdk\n"
    "from aws_cdk import aws_apigateway as apigw, aws_cloudtrail as cloudtrail, aws_codeartifact "
    "as codeartifact, aws_dynamodb as dynamodb\n"
    "from aws_cdk import aws_ec2 as ec2, aws_ecr as ecr, aws_efs as efs, "
    "aws_elasticloadbalancingv2 as elbv2, aws_iam as iam\n"
    "from aws_cdk import aws_kinesis as kinesis, aws_kms as kms, aws_lambda as lambda_, aws_logs "
    "as logs, aws_rds as rds\n"
    "from aws_cdk import aws_s3 as s3, aws_secretsmanager as sm, aws_sns as sns, aws_sqs as sqs\n"
    "class S(cdk.Stack):\n"
    "    def __init__(self, scope, construct_id):\n"
    "        super().__init__(scope, construct_id)\n";

std::string render(const Value* value) {
    if (value == nullptr) return "<absent>";
    switch (value->kind()) {
        case ValueKind::Null:
            return "<null>";
        case ValueKind::Bool:
            return value->as_bool() ? "true" : "false";
        case ValueKind::Number:
            return "#" + format_number(value->as_number());
        case ValueKind::String:
            return "'" + value->as_string() + "'";
        case ValueKind::List:
            return "[" + std::to_string(value->as_list().size()) + "]";
        case ValueKind::Map:
            return "{" + std::to_string(value->as_map().size()) + "}";
        case ValueKind::Unknown:
            return "<unknown>";
    }
    return "";
}

ScanResult scan_cdk(const TempDir& dir) {
    ScanOptions options;
    options.discovery.paths = {dir.path()};
    options.discovery.root = dir.path();
    options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cdk::CdkSourceFrontend>());
    return scan(options, frontends);
}

void check_all(const ScanResult& result, const std::vector<Check>& checks) {
    for (const Check& check : checks) {
        INFO("resource: " << std::string(check.address) << ", path: " << std::string(check.path));
        const Resource* resource = test::find_resource(result, check.address);
        REQUIRE(resource != nullptr);
        if (std::string(check.path).empty()) {
            CHECK(resource->type == check.value);
            if (check.line > 0)
                CHECK(resource->range.begin.line == static_cast<unsigned>(check.line));
            continue;
        }
        const Value* value = std::string(check.path).starts_with("@")
                                 ? test::value_at(resource->attributes, check.path + 1)
                                 : test::value_at(resource->properties, check.path);
        CHECK(render(value) == check.value);
        if (value != nullptr && check.line > 0) {
            CHECK(value->range().begin.line == static_cast<unsigned>(check.line));
        }
    }
}

void run(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO("case: " << std::string(c.name));
        TempDir dir;
        dir.write("app.py",
                  std::string(kPythonHeader) + c.body + "app = cdk.App()\nS(app, \"S\")\n");
        const ScanResult result = scan_cdk(dir);
        CHECK(result.diagnostics.empty());
        check_all(result, c.checks);
    }
}

// The edges of the graph as "from -> to (via)".
bool has_edge(const ScanResult& result, const std::string& from, const std::string& to) {
    for (const Edge& e : result.graph.edges()) {
        if (result.graph.resource(e.from).address == from &&
            result.graph.resource(e.to).address == to) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("cdk source: S3 buckets with CDK's defaults, KMS keys and TLS-only policies") {
    run({
        {"defaults: no encryption written, retained, nothing public",
         "        s3.Bucket(self, \"Logs\")\n",
         {
             {"S/Logs", "", "AWS::S3::Bucket", 9},
             {"S/Logs", "BucketEncryption", "<absent>"},
             {"S/Logs", "VersioningConfiguration", "<absent>"},
             {"S/Logs", "PublicAccessBlockConfiguration", "<absent>"},
             {"S/Logs", "@DeletionPolicy", "'Retain'", 9},
         }},
        {"encryption with a key, versioning, block all, enforce_ssl",
         "        key = kms.Key(self, \"Key\", enable_key_rotation=True)\n"
         "        s3.Bucket(self, \"Data\",\n"
         "            encryption_key=key,\n"
         "            versioned=True,\n"
         "            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,\n"
         "            enforce_ssl=True,\n"
         "            removal_policy=cdk.RemovalPolicy.DESTROY)\n",
         {
             {"S/Key", "", "AWS::KMS::Key", 9},
             {"S/Key", "EnableKeyRotation", "true", 9},
             {"S/Data",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "SSEAlgorithm",
              "'aws:kms'", 11},
             {"S/Data",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "KMSMasterKeyID",
              "<unknown>", 11},
             {"S/Data", "VersioningConfiguration.Status", "'Enabled'", 12},
             {"S/Data", "PublicAccessBlockConfiguration.RestrictPublicBuckets", "true", 13},
             {"S/Data", "@DeletionPolicy", "'Delete'", 15},
             {"S/Data/Policy", "", "AWS::S3::BucketPolicy"},
             {"S/Data/Policy", "Bucket", "<unknown>"},
             {"S/Data/Policy", "PolicyDocument.Statement.0.Effect", "'Deny'", 14},
             {"S/Data/Policy", "PolicyDocument.Statement.0.Principal.AWS", "'*'", 14},
             {"S/Data/Policy", "PolicyDocument.Statement.0.Action", "'s3:*'", 14},
             {"S/Data/Policy", "PolicyDocument.Statement.0.Resource", "[2]", 14},
         }},
        {"KMS without a key creates one with rotation; S3-managed and DSSE",
         "        s3.Bucket(self, \"A\", encryption=s3.BucketEncryption.KMS)\n"
         "        s3.Bucket(self, \"B\", encryption=s3.BucketEncryption.S3_MANAGED)\n"
         "        s3.Bucket(self, \"C\", encryption=s3.BucketEncryption.DSSE_MANAGED)\n",
         {
             {"S/A/Key", "", "AWS::KMS::Key"},
             {"S/A/Key", "EnableKeyRotation", "true", 9},
             {"S/A",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "SSEAlgorithm",
              "'aws:kms'", 9},
             {"S/B",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "SSEAlgorithm",
              "'AES256'", 10},
             {"S/C",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "SSEAlgorithm",
              "'aws:kms:dsse'", 11},
         }},
        {"KMS keys: default policy, key spec, alias, no rotation unless asked",
         "        kms.Key(self, \"Plain\")\n"
         "        kms.Key(self, \"Signing\", key_spec=kms.KeySpec.RSA_2048, "
         "key_usage=kms.KeyUsage.SIGN_VERIFY,\n"
         "                alias=\"alias/signing\", pending_window=cdk.Duration.days(7))\n",
         {
             {"S/Plain", "EnableKeyRotation", "<absent>"},
             {"S/Plain", "KeyPolicy.Statement.0.Action", "'kms:*'", 9},
             {"S/Plain", "KeyPolicy.Statement.0.Principal.AWS", "<unknown>"},
             {"S/Signing", "KeySpec", "'RSA_2048'", 10},
             {"S/Signing", "KeyUsage", "'SIGN_VERIFY'", 10},
             {"S/Signing", "PendingWindowInDays", "#7", 11},
             {"S/Signing/Alias", "AliasName", "'alias/signing'", 11},
         }},
    });
}

TEST_CASE("cdk source: DynamoDB, Kinesis, SQS, SNS, logs and secrets") {
    run({
        {"tables: keys, billing, recovery, encryption; TableV2",
         "        dynamodb.Table(self, \"Orders\",\n"
         "            partition_key=dynamodb.Attribute(name=\"id\", "
         "type=dynamodb.AttributeType.STRING),\n"
         "            sort_key={\"name\": \"at\", \"type\": dynamodb.AttributeType.NUMBER},\n"
         "            point_in_time_recovery=True,\n"
         "            encryption=dynamodb.TableEncryption.AWS_MANAGED)\n"
         "        dynamodb.TableV2(self, \"Global\",\n"
         "            partition_key=dynamodb.Attribute(name=\"pk\", "
         "type=dynamodb.AttributeType.STRING),\n"
         "            point_in_time_recovery=True)\n",
         {
             {"S/Orders", "", "AWS::DynamoDB::Table", 9},
             {"S/Orders", "KeySchema.0.AttributeName", "'id'", 10},
             {"S/Orders", "KeySchema.1.KeyType", "'RANGE'", 11},
             {"S/Orders", "AttributeDefinitions.1.AttributeType", "'N'", 11},
             {"S/Orders", "ProvisionedThroughput.ReadCapacityUnits", "#5", 9},
             {"S/Orders", "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", "true",
              12},
             {"S/Orders", "SSESpecification.SSEEnabled", "true", 13},
             {"S/Global", "", "AWS::DynamoDB::GlobalTable"},
             {"S/Global", "Replicas.0.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
              "true", 16},
         }},
        {"streams, queues, topics",
         "        kinesis.Stream(self, \"Events\", retention_period=cdk.Duration.hours(48))\n"
         "        key = kms.Key(self, \"K\")\n"
         "        dlq = sqs.Queue(self, \"Dlq\", encryption=sqs.QueueEncryption.SQS_MANAGED)\n"
         "        sqs.Queue(self, \"Jobs\", encryption_master_key=key, enforce_ssl=True,\n"
         "                  visibility_timeout=cdk.Duration.minutes(5),\n"
         "                  dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, "
         "max_receive_count=3))\n"
         "        sns.Topic(self, \"Alerts\", master_key=key, enforce_ssl=True)\n",
         {
             {"S/Events", "", "AWS::Kinesis::Stream"},
             {"S/Events", "RetentionPeriodHours", "#48", 9},
             {"S/Events", "ShardCount", "#1", 9},
             {"S/Events", "StreamEncryption", "<unknown>", 9},
             {"S/Dlq", "SqsManagedSseEnabled", "true", 11},
             {"S/Jobs", "KmsMasterKeyId", "<unknown>", 12},
             {"S/Jobs", "VisibilityTimeout", "#300", 13},
             // The Python struct class sqs.DeadLetterQueue(...) is read like a plain dict.
             {"S/Jobs", "RedrivePolicy.maxReceiveCount", "#3", 14},
             {"S/Jobs", "RedrivePolicy.deadLetterTargetArn", "<unknown>", 14},
             {"S/Jobs/Policy", "", "AWS::SQS::QueuePolicy"},
             {"S/Jobs/Policy", "PolicyDocument.Statement.0.Action", "'sqs:*'", 12},
             {"S/Alerts", "KmsMasterKeyId", "<unknown>", 15},
             {"S/Alerts/Policy", "", "AWS::SNS::TopicPolicy"},
         }},
        {"log groups and secrets",
         "        logs.LogGroup(self, \"Default\")\n"
         "        logs.LogGroup(self, \"Short\", retention=logs.RetentionDays.ONE_WEEK)\n"
         "        logs.LogGroup(self, \"Forever\", retention=logs.RetentionDays.INFINITE)\n"
         "        token = sm.Secret(self, \"Token\", encryption_key=kms.Key(self, \"SecretKey\"))\n"
         "        token.add_to_resource_policy(iam.PolicyStatement(actions=[\"secretsmanager:*\"], "
         "principals=[iam.AnyPrincipal()], resources=[\"*\"]))\n"
         "        efs.FileSystem(self, \"Files\", vpc=ec2.Vpc(self, \"Net\"), "
         "file_system_policy=iam.PolicyDocument(statements=[iam.PolicyStatement(\n"
         "            effect=iam.Effect.DENY, actions=[\"*\"], principals=[iam.AnyPrincipal()],\n"
         "            conditions={\"Bool\": {\"aws:SecureTransport\": \"false\"}})]))\n",
         {
             {"S/Default", "RetentionInDays", "#731", 9},
             {"S/Short", "RetentionInDays", "#7", 10},
             {"S/Forever", "RetentionInDays", "<absent>"},
             {"S/Token", "", "AWS::SecretsManager::Secret"},
             {"S/Token", "KmsKeyId", "<unknown>", 12},
             {"S/Token", "GenerateSecretString", "{0}", 12},
             // add_to_resource_policy: <secret>/Policy names the secret and holds the document.
             {"S/Token/Policy", "", "AWS::SecretsManager::ResourcePolicy"},
             {"S/Token/Policy", "SecretId", "<unknown>"},
             {"S/Token/Policy", "ResourcePolicy.Statement.0.Principal.AWS", "'*'", 13},
             {"S/Files", "FileSystemPolicy.Statement.0.Effect", "'Deny'", 15},
             {"S/Files", "FileSystemPolicy.Statement.0.Condition.Bool.aws:SecureTransport",
              "'false'", 16},
         }},
    });
}

TEST_CASE("cdk source: IAM roles, policies, statements and grants") {
    TempDir dir;
    dir.write(
        "app.py",
        std::string(kPythonHeader) +
            // 9
            "        role = iam.Role(self, \"Worker\",\n"
            "            assumed_by=iam.ServicePrincipal(\"ecs-tasks.amazonaws.com\"),\n"
            "            "
            "managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(\"ReadOnlyAccess\")])"
            "\n"
            "        role.add_to_policy(iam.PolicyStatement(\n"
            "            actions=[\"s3:*\"],\n"
            "            resources=[\"*\"]))\n"
            "        bucket = s3.Bucket(self, \"Data\")\n"
            "        bucket.grant_read(role)\n"
            "        fn = lambda_.Function(self, \"Handler\", "
            "runtime=lambda_.Runtime.PYTHON_3_12,\n"
            "            handler=\"index.handler\", code=lambda_.Code.from_asset(\"src\"),\n"
            "            timeout=cdk.Duration.seconds(30), tracing=lambda_.Tracing.ACTIVE)\n"
            "        bucket.grant_read_write(fn)\n"
            "        iam.ManagedPolicy(self, \"Deny\", statements=[iam.PolicyStatement(\n"
            "            effect=iam.Effect.DENY, not_actions=[\"iam:*\"], resources=[\"*\"])])\n"
            "        iam.Role(self, \"Bounded\", assumed_by=iam.AccountRootPrincipal(), "
            "permissions_boundary=iam.ManagedPolicy.from_managed_policy_arn(self, \"Boundary\", "
            "\"arn:aws:iam::111122223333:policy/boundary\"))\n"
            "        iam.User(self, \"Ops\", password=cdk.SecretValue.secrets_manager(\"ops\"), "
            "managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name(\"ReadOnlyAccess\")])"
            "\n"
            "        iam.Role(self, \"Partner\", "
            "assumed_by=iam.AccountPrincipal(\"222233334444\"), "
            "external_ids=[\"partner-7\"])\n"
            "app = cdk.App()\nS(app, \"S\")\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.diagnostics.empty());
    check_all(
        result,
        {
            {"S/Worker", "", "AWS::IAM::Role", 9},
            {"S/Worker", "AssumeRolePolicyDocument.Statement.0.Principal.Service",
             "'ecs-tasks.amazonaws.com'", 10},
            {"S/Worker", "ManagedPolicyArns.0", "'arn:aws:iam::aws:policy/ReadOnlyAccess'", 11},
            {"S/Worker/DefaultPolicy", "", "AWS::IAM::Policy"},
            {"S/Worker/DefaultPolicy", "PolicyDocument.Statement.0.Action", "'s3:*'", 13},
            {"S/Worker/DefaultPolicy", "PolicyDocument.Statement.0.Effect", "'Allow'", 12},
            {"S/Worker/DefaultPolicy", "PolicyDocument.Statement.1.Action", "[3]", 16},
            {"S/Handler", "", "AWS::Lambda::Function", 17},
            {"S/Handler", "Runtime", "'python3.12'", 17},
            {"S/Handler", "Timeout", "#30", 19},
            {"S/Handler", "TracingConfig.Mode", "'Active'", 19},
            {"S/Handler/ServiceRole", "", "AWS::IAM::Role"},
            {"S/Handler/ServiceRole", "ManagedPolicyArns.0",
             "'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'", 17},
            {"S/Handler/ServiceRole/DefaultPolicy", "PolicyDocument.Statement.0.Action", "[10]",
             20},
            {"S/Deny", "", "AWS::IAM::ManagedPolicy"},
            {"S/Deny", "PolicyDocument.Statement.0.Effect", "'Deny'", 22},
            {"S/Deny", "PolicyDocument.Statement.0.NotAction", "'iam:*'", 22},
            // An imported managed policy keeps its ARN (the argument after scope and id).
            {"S/Bounded", "PermissionsBoundary", "'arn:aws:iam::111122223333:policy/boundary'", 23},
            // A user's password is a console login profile; its managed policies are attached.
            {"S/Ops", "LoginProfile.PasswordResetRequired", "false", 24},
            {"S/Ops", "ManagedPolicyArns.0", "'arn:aws:iam::aws:policy/ReadOnlyAccess'", 24},
            // external_ids become the trust statement's sts:ExternalId condition.
            {"S/Partner",
             "AssumeRolePolicyDocument.Statement.0.Condition.StringEquals.sts:ExternalId",
             "'partner-7'", 25},
            {"S/Partner", "AssumeRolePolicyDocument.Statement.0.Principal.AWS",
             "'arn:aws:iam::222233334444:root'", 25},
        });
    // Grants and roles are references in the graph.
    CHECK(has_edge(result, "S/Handler", "S/Handler/ServiceRole"));
    CHECK(has_edge(result, "S/Worker/DefaultPolicy", "S/Worker"));
    CHECK(has_edge(result, "S/Worker/DefaultPolicy", "S/Data"));
}

TEST_CASE("cdk source: VPCs, flow logs, security groups and their rules") {
    run({
        {"vpc with flow logs and groups",
         "        vpc = ec2.Vpc(self, \"Net\", ip_addresses=ec2.IpAddresses.cidr(\"10.8.0.0/16\"), "
         "max_azs=2,\n"
         "            flow_logs={\"All\": "
         "ec2.FlowLogOptions(traffic_type=ec2.FlowLogTrafficType.REJECT)})\n"
         "        vpc.add_flow_log(\"ToS3\", "
         "destination=ec2.FlowLogDestination.to_s3(s3.Bucket(self, \"FlowLogs\")))\n"
         "        sg = ec2.SecurityGroup(self, \"Db\", vpc=vpc, allow_all_outbound=False)\n"
         "        sg.add_ingress_rule(ec2.Peer.ipv4(\"10.0.0.0/8\"), ec2.Port.tcp_range(5432, "
         "5433))\n"
         "        sg.add_ingress_rule(ec2.Peer.any_ipv6(), ec2.Port.all_traffic(), "
         "\"everything\")\n"
         "        other = ec2.SecurityGroup(self, \"App\", vpc=vpc)\n"
         "        sg.add_ingress_rule(other, ec2.Port.tcp(5432))\n",
         {
             {"S/Net", "", "AWS::EC2::VPC", 9},
             {"S/Net", "CidrBlock", "'10.8.0.0/16'", 9},
             {"S/Net", "EnableDnsHostnames", "true", 9},
             {"S/Net/PublicSubnet1/Subnet", "MapPublicIpOnLaunch", "true"},
             {"S/Net/PrivateSubnet2/Subnet", "MapPublicIpOnLaunch", "false"},
             {"S/Net/All/FlowLog", "", "AWS::EC2::FlowLog"},
             {"S/Net/All/FlowLog", "TrafficType", "'REJECT'", 10},
             {"S/Net/ToS3/FlowLog", "LogDestinationType", "'s3'", 11},
             {"S/Net/ToS3/FlowLog", "TrafficType", "'ALL'"},
             {"S/Db", "GroupDescription", "'S/Db'", 12},
             {"S/Db", "SecurityGroupEgress.0.CidrIp", "'255.255.255.255/32'", 12},
             {"S/Db", "SecurityGroupIngress.0.CidrIp", "'10.0.0.0/8'", 13},
             {"S/Db", "SecurityGroupIngress.0.FromPort", "#5432", 13},
             {"S/Db", "SecurityGroupIngress.0.ToPort", "#5433", 13},
             {"S/Db", "SecurityGroupIngress.0.Description", "'from 10.0.0.0/8:5432-5433'"},
             {"S/Db", "SecurityGroupIngress.1.CidrIpv6", "'::/0'", 14},
             {"S/Db", "SecurityGroupIngress.1.IpProtocol", "'-1'", 14},
             {"S/Db", "SecurityGroupIngress.1.Description", "'everything'", 14},
             {"S/App", "SecurityGroupEgress.0.CidrIp", "'0.0.0.0/0'", 15},
         }},
    });
}

TEST_CASE("cdk source: RDS, CloudTrail, ECR, EFS, load balancers and API Gateway") {
    run({
        {"database instance and cluster",
         "        vpc = ec2.Vpc(self, \"Net\")\n"
         "        rds.DatabaseInstance(self, \"Db\", vpc=vpc,\n"
         "            "
         "engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16_1),\n"
         "            instance_type=ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, "
         "ec2.InstanceSize.MICRO),\n"
         "            multi_az=True, backup_retention=cdk.Duration.days(14), "
         "copy_tags_to_snapshot=False, auto_minor_version_upgrade=False, "
         "monitoring_interval=cdk.Duration.minutes(1))\n"
         "        rds.DatabaseCluster(self, \"Cluster\", vpc=vpc,\n"
         "            "
         "engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion."
         "VER_16_1),\n"
         "            writer=rds.ClusterInstance.provisioned(\"writer\", "
         "publicly_accessible=False),\n"
         "            storage_encrypted=True)\n",
         {
             {"S/Db", "", "AWS::RDS::DBInstance", 10},
             {"S/Db", "Engine", "'postgres'", 11},
             {"S/Db", "EngineVersion", "'16.1'", 11},
             {"S/Db", "DBInstanceClass", "'db.t3.micro'", 12},
             {"S/Db", "MultiAZ", "true", 13},
             {"S/Db", "BackupRetentionPeriod", "#14", 13},
             {"S/Db", "CopyTagsToSnapshot", "false", 13},
             {"S/Db", "AutoMinorVersionUpgrade", "false", 13},
             {"S/Db", "MonitoringInterval", "#60", 13},
             {"S/Db", "StorageEncrypted", "<absent>"},
             {"S/Db", "PubliclyAccessible", "false", 10},
             {"S/Db", "DBSubnetGroupName", "<unknown>"},
             {"S/Db", "@DeletionPolicy", "'Snapshot'", 10},
             {"S/Db/SubnetGroup", "", "AWS::RDS::DBSubnetGroup"},
             {"S/Db/SecurityGroup", "GroupDescription", "'Security group for Db database'"},
             {"S/Db/Secret", "", "AWS::SecretsManager::Secret"},
             {"S/Cluster", "", "AWS::RDS::DBCluster", 14},
             {"S/Cluster", "Engine", "'aurora-postgresql'", 15},
             {"S/Cluster", "StorageEncrypted", "true", 17},
             {"S/Cluster/writer", "", "AWS::RDS::DBInstance"},
             {"S/Cluster/writer", "PubliclyAccessible", "false", 16},
             {"S/Cluster/writer", "DBClusterIdentifier", "<unknown>"},
         }},
        {"trail, repository, file system",
         "        cloudtrail.Trail(self, \"Trail\", send_to_cloud_watch_logs=True)\n"
         "        repo = ecr.Repository(self, \"Repo\", image_scan_on_push=True,\n"
         "            image_tag_mutability=ecr.TagMutability.IMMUTABLE)\n"
         "        efs.FileSystem(self, \"Files\", vpc=ec2.Vpc(self, \"Net\"), "
         "enable_automatic_backups=True)\n"
         "        repo.add_to_resource_policy(iam.PolicyStatement(actions=[\"ecr:BatchGetImage\"], "
         "principals=[iam.AccountPrincipal(\"444455556666\")]))\n",
         {
             {"S/Trail", "EnableLogFileValidation", "true", 9},
             {"S/Trail", "IsMultiRegionTrail", "true", 9},
             {"S/Trail", "S3BucketName", "<unknown>"},
             {"S/Trail", "CloudWatchLogsLogGroupArn", "<unknown>", 9},
             {"S/Trail/S3", "", "AWS::S3::Bucket"},
             {"S/Trail/S3/Policy", "PolicyDocument.Statement", "[3]"},
             {"S/Trail/LogGroup", "RetentionInDays", "#365"},
             {"S/Repo", "ImageScanningConfiguration.ScanOnPush", "true", 10},
             {"S/Repo", "ImageTagMutability", "'IMMUTABLE'", 11},
             // add_to_resource_policy writes the repository's own RepositoryPolicyText.
             {"S/Repo", "RepositoryPolicyText.Statement.0.Principal.AWS",
              "'arn:aws:iam::444455556666:root'", 13},
             {"S/Files", "Encrypted", "true", 12},
             {"S/Files", "BackupPolicy.Status", "'ENABLED'", 12},
             {"S/Files/EfsSecurityGroup", "", "AWS::EC2::SecurityGroup"},
         }},
        {"load balancer listeners and a REST API",
         "        alb = elbv2.ApplicationLoadBalancer(self, \"Lb\", vpc=ec2.Vpc(self, \"Net\"), "
         "internet_facing=True)\n"
         "        alb.add_listener(\"Https\", port=443,\n"
         "            "
         "certificates=[elbv2.ListenerCertificate.from_arn(\"arn:aws:acm:eu-west-1:111122223333:"
         "certificate/x\")],\n"
         "            ssl_policy=elbv2.SslPolicy.RECOMMENDED_TLS)\n"
         "        api = apigw.RestApi(self, \"Api\", "
         "deploy_options=apigw.StageOptions(tracing_enabled=True,\n"
         "            logging_level=apigw.MethodLoggingLevel.INFO, cache_cluster_enabled=True, "
         "caching_enabled=True, cache_data_encrypted=True))\n"
         "        items = api.root.add_resource(\"items\")\n"
         "        items.add_method(\"GET\", apigw.MockIntegration(), "
         "authorization_type=apigw.AuthorizationType.IAM)\n"
         "        api.root.add_method(\"POST\")\n",
         {
             {"S/Lb", "", "AWS::ElasticLoadBalancingV2::LoadBalancer", 9},
             {"S/Lb", "Scheme", "'internet-facing'", 9},
             {"S/Lb/Https", "", "AWS::ElasticLoadBalancingV2::Listener"},
             {"S/Lb/Https", "Protocol", "'HTTPS'", 10},
             {"S/Lb/Https", "Port", "#443", 10},
             {"S/Lb/Https", "Certificates.0.CertificateArn",
              "'arn:aws:acm:eu-west-1:111122223333:certificate/x'", 11},
             {"S/Lb/Https", "SslPolicy", "'ELBSecurityPolicy-TLS13-1-2-2021-06'", 12},
             {"S/Lb/SecurityGroup", "SecurityGroupIngress.0.CidrIp", "'0.0.0.0/0'"},
             {"S/Lb/SecurityGroup", "SecurityGroupIngress.0.FromPort", "#443", 10},
             {"S/Api", "", "AWS::ApiGateway::RestApi", 13},
             {"S/Api", "Name", "'Api'", 13},
             {"S/Api/DeploymentStage.prod", "TracingEnabled", "true", 13},
             {"S/Api/DeploymentStage.prod", "MethodSettings.0.LoggingLevel", "'INFO'", 14},
             // The stage's cache cluster, and the method options of its /*/* setting.
             {"S/Api/DeploymentStage.prod", "CacheClusterEnabled", "true", 14},
             {"S/Api/DeploymentStage.prod", "MethodSettings.0.CachingEnabled", "true", 14},
             {"S/Api/DeploymentStage.prod", "MethodSettings.0.CacheDataEncrypted", "true", 14},
             {"S/Api/Default/items", "", "AWS::ApiGateway::Resource"},
             {"S/Api/Default/items/GET", "AuthorizationType", "'IAM'", 16},
             {"S/Api/Default/POST", "AuthorizationType", "'NONE'", 17},
         }},
    });
}

TEST_CASE("cdk source: L1 constructs map 1:1 with CloudFormation property names") {
    run({
        {"CfnBucket with nested property types and dicts",
         "        s3.CfnBucket(self, \"Raw\",\n"
         "            bucket_encryption=s3.CfnBucket.BucketEncryptionProperty(\n"
         "                "
         "server_side_encryption_configuration=[s3.CfnBucket.ServerSideEncryptionRuleProperty(\n"
         "                    "
         "server_side_encryption_by_default=s3.CfnBucket.ServerSideEncryptionByDefaultProperty(\n"
         "                        sse_algorithm=\"aws:kms\", "
         "kms_master_key_id=\"alias/data\"))]),\n"
         "            versioning_configuration={\"status\": \"Enabled\"})\n"
         "        codeartifact.CfnDomain(self, \"Domain\", domain_name=\"packages\")\n"
         "        codeartifact.CfnRepository(self, \"Repo\", domain_name=\"packages\", "
         "repository_name=\"pypi\",\n"
         "            external_connections=[\"public:pypi\"])\n"
         "        rds.CfnDBInstance(self, \"Db\", db_instance_class=\"db.t3.micro\", "
         "multi_az=True)\n"
         "        rds.CfnDBParameterGroup(self, \"Params\", description=\"d\", "
         "family=\"mysql8.0\", "
         "parameters={\"require_secure_transport\": \"ON\"})\n",
         {
             {"S/Raw", "", "AWS::S3::Bucket", 9},
             {"S/Raw",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "SSEAlgorithm",
              "'aws:kms'", 13},
             {"S/Raw",
              "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault."
              "KMSMasterKeyID",
              "'alias/data'", 13},
             {"S/Raw", "VersioningConfiguration.Status", "'Enabled'", 14},
             {"S/Domain", "", "AWS::CodeArtifact::Domain"},
             {"S/Domain", "DomainName", "'packages'", 15},
             {"S/Repo", "ExternalConnections.0", "'public:pypi'", 17},
             {"S/Db", "", "AWS::RDS::DBInstance"},
             {"S/Db", "DBInstanceClass", "'db.t3.micro'", 18},
             {"S/Db", "MultiAZ", "true", 18},
             // Parameters is a free-form map: its keys are parameter names, kept as written.
             {"S/Params", "Parameters.require_secure_transport", "'ON'", 19},
         }},
    });
}

TEST_CASE("cdk source: TypeScript L1 and L2 constructs, object literals and camelCase names") {
    TempDir dir;
    dir.write("lib/stack.ts",
              "import * as cdk from 'aws-cdk-lib';\n"                                        // 1
              "import { aws_s3 as s3, aws_ec2 as ec2 } from 'aws-cdk-lib';\n"                // 2
              "import { CfnTable } from 'aws-cdk-lib/aws-dynamodb';\n"                       // 3
              "export class Data extends cdk.Stack {\n"                                      // 4
              "  constructor(scope: cdk.App, id: string) {\n"                                // 5
              "    super(scope, id);\n"                                                      // 6
              "    new s3.CfnBucket(this, 'Raw', {\n"                                        // 7
              "      bucketEncryption: { serverSideEncryptionConfiguration: [\n"             // 8
              "        { serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] },\n"  // 9
              "    });\n"                                                                    // 10
              "    new CfnTable(this, 'Table', {\n"                                          // 11
              "      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],\n"               // 12
              "      sseSpecification: { sseEnabled: true },\n"                              // 13
              "    });\n"                                                                    // 14
              "    const vpc = new ec2.Vpc(this, 'Net', { natGateways: 0 });\n"              // 15
              "    const sg = new ec2.SecurityGroup(this, 'Sg', { vpc });\n"                 // 16
              "    sg.connections.allowFromAnyIpv4(ec2.Port.SSH);\n"                         // 17
              "    new s3.Bucket(this, 'Lit', { blockPublicAccess: { blockPublicAcls: true, "
              "blockPublicPolicy: false } });\n"  // 18
              "  }\n"
              "}\n");
    const ScanResult result = scan_cdk(dir);
    CHECK(result.diagnostics.empty());
    check_all(result,
              {
                  // No app instantiates the stack: it is read under its class name.
                  {"Data/Raw", "", "AWS::S3::Bucket", 7},
                  {"Data/Raw",
                   "BucketEncryption.ServerSideEncryptionConfiguration.0."
                   "ServerSideEncryptionByDefault.SSEAlgorithm",
                   "'AES256'", 9},
                  {"Data/Table", "", "AWS::DynamoDB::Table", 11},
                  {"Data/Table", "KeySchema.0.AttributeName", "'id'", 12},
                  {"Data/Table", "SSESpecification.SSEEnabled", "true", 13},
                  {"Data/Net/IsolatedSubnet1/Subnet", "", "AWS::EC2::Subnet"},
                  {"Data/Sg", "SecurityGroupIngress.0.CidrIp", "'0.0.0.0/0'", 17},
                  {"Data/Sg", "SecurityGroupIngress.0.FromPort", "#22", 17},
                  // Block public access options given as a plain object literal.
                  {"Data/Lit", "PublicAccessBlockConfiguration.BlockPublicAcls", "true", 18},
                  {"Data/Lit", "PublicAccessBlockConfiguration.BlockPublicPolicy", "false", 18},
              });
    const Resource* bucket = test::find_resource(result, "Data/Raw");
    REQUIRE(bucket != nullptr);
    CHECK(bucket->format == SourceFormat::CdkTypeScript);
    CHECK(bucket->native_type == "aws_s3.CfnBucket");
}
