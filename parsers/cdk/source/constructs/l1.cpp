// L1 constructs: aws_<service>.Cfn<Resource> maps 1:1 to AWS::<Service>::<Resource>, with the
// property names converted back to CloudFormation's spelling.
#include <cctype>

#include "parsers/cdk/source/synth.h"

namespace bulwark::cdk {
namespace {

// CDK module -> CloudFormation service namespace, where simple capitalisation is wrong.
struct Namespace {
    std::string_view module;
    std::string_view service;
};
constexpr Namespace kNamespaces[] = {
    {"aws_accessanalyzer", "AccessAnalyzer"},
    {"aws_apigateway", "ApiGateway"},
    {"aws_apigatewayv2", "ApiGatewayV2"},
    {"aws_appsync", "AppSync"},
    {"aws_autoscaling", "AutoScaling"},
    {"aws_certificatemanager", "CertificateManager"},
    {"aws_cloudformation", "CloudFormation"},
    {"aws_cloudfront", "CloudFront"},
    {"aws_cloudtrail", "CloudTrail"},
    {"aws_cloudwatch", "CloudWatch"},
    {"aws_codeartifact", "CodeArtifact"},
    {"aws_codebuild", "CodeBuild"},
    {"aws_codecommit", "CodeCommit"},
    {"aws_codepipeline", "CodePipeline"},
    {"aws_cognito", "Cognito"},
    {"aws_config", "Config"},
    {"aws_docdb", "DocDB"},
    {"aws_dynamodb", "DynamoDB"},
    {"aws_ec2", "EC2"},
    {"aws_ecr", "ECR"},
    {"aws_ecs", "ECS"},
    {"aws_efs", "EFS"},
    {"aws_eks", "EKS"},
    {"aws_elasticache", "ElastiCache"},
    {"aws_elasticloadbalancing", "ElasticLoadBalancing"},
    {"aws_elasticloadbalancingv2", "ElasticLoadBalancingV2"},
    {"aws_elasticsearch", "Elasticsearch"},
    {"aws_emr", "EMR"},
    {"aws_events", "Events"},
    {"aws_fsx", "FSx"},
    {"aws_glue", "Glue"},
    {"aws_guardduty", "GuardDuty"},
    {"aws_iam", "IAM"},
    {"aws_iot", "IoT"},
    {"aws_kinesis", "Kinesis"},
    {"aws_kinesisfirehose", "KinesisFirehose"},
    {"aws_kms", "KMS"},
    {"aws_lambda", "Lambda"},
    {"aws_logs", "Logs"},
    {"aws_memorydb", "MemoryDB"},
    {"aws_msk", "MSK"},
    {"aws_neptune", "Neptune"},
    {"aws_opensearchservice", "OpenSearchService"},
    {"aws_opensearchserverless", "OpenSearchServerless"},
    {"aws_rds", "RDS"},
    {"aws_redshift", "Redshift"},
    {"aws_route53", "Route53"},
    {"aws_s3", "S3"},
    {"aws_sagemaker", "SageMaker"},
    {"aws_secretsmanager", "SecretsManager"},
    {"aws_securityhub", "SecurityHub"},
    {"aws_sns", "SNS"},
    {"aws_sqs", "SQS"},
    {"aws_ssm", "SSM"},
    {"aws_sso", "SSO"},
    {"aws_stepfunctions", "StepFunctions"},
    {"aws_wafv2", "WAFv2"},
    {"aws_backup", "Backup"},
    {"aws_athena", "Athena"},
    {"aws_batch", "Batch"},
    {"aws_dax", "DAX"},
    {"aws_networkfirewall", "NetworkFirewall"},
    {"aws_transfer", "Transfer"},
    {"aws_macie", "Macie"},
    {"aws_inspectorv2", "InspectorV2"},
    {"aws_lakeformation", "LakeFormation"},
    {"aws_scheduler", "Scheduler"},
    {"aws_pipes", "Pipes"},
    {"aws_bedrock", "Bedrock"},
    {"aws_organizations", "Organizations"},
    {"aws_ram", "RAM"},
    {"aws_servicecatalog", "ServiceCatalog"},
    {"aws_ecr_assets", "ECR"},
};

// Property names whose CloudFormation spelling has acronyms that PascalCase loses. The type
// prefix limits an entry to one service ("" applies everywhere).
struct NameFix {
    std::string_view type_prefix;
    std::string_view pascal;  // what to_pascal() gives
    std::string_view cfn;
};
constexpr NameFix kNameFixes[] = {
    {"AWS::S3::", "SseAlgorithm", "SSEAlgorithm"},
    {"AWS::S3::", "KmsMasterKeyId", "KMSMasterKeyID"},
    {"AWS::DynamoDB::", "SseSpecification", "SSESpecification"},
    {"AWS::DynamoDB::", "SseEnabled", "SSEEnabled"},
    {"AWS::DynamoDB::", "SseType", "SSEType"},
    {"AWS::DynamoDB::", "KmsMasterKeyId", "KMSMasterKeyId"},
    {"AWS::RDS::", "DbInstanceClass", "DBInstanceClass"},
    {"AWS::RDS::", "DbInstanceIdentifier", "DBInstanceIdentifier"},
    {"AWS::RDS::", "DbSubnetGroupName", "DBSubnetGroupName"},
    {"AWS::RDS::", "DbSubnetGroupDescription", "DBSubnetGroupDescription"},
    {"AWS::RDS::", "DbClusterIdentifier", "DBClusterIdentifier"},
    {"AWS::RDS::", "DbClusterParameterGroupName", "DBClusterParameterGroupName"},
    {"AWS::RDS::", "DbParameterGroupName", "DBParameterGroupName"},
    {"AWS::RDS::", "DbName", "DBName"},
    {"AWS::RDS::", "DbSnapshotIdentifier", "DBSnapshotIdentifier"},
    {"AWS::RDS::", "DbClusterSnapshotIdentifier", "DBClusterSnapshotIdentifier"},
    {"AWS::RDS::", "SourceDbInstanceIdentifier", "SourceDBInstanceIdentifier"},
    {"AWS::RDS::", "DbSecurityGroups", "DBSecurityGroups"},
    {"AWS::RDS::", "VpcSecurityGroups", "VPCSecurityGroups"},
    {"AWS::RDS::", "MultiAz", "MultiAZ"},
    {"AWS::CloudTrail::", "KmsKeyId", "KMSKeyId"},
    {"AWS::EC2::", "CidrIpv6", "CidrIpv6"},
    {"", "SslPolicy", "SslPolicy"},
};

bool plain_identifier(std::string_view key) {
    if (key.empty() || !std::islower(static_cast<unsigned char>(key.front()))) return false;
    for (char c : key) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    }
    return true;
}

Value l1_value(const Sym& sym, std::string_view type, int depth);

Value l1_map(const std::vector<SymEntry>& entries, bool open, std::string_view type,
             SourceRange range, int depth, bool convert_keys) {
    if (open) return Value::unknown("properties known only at deployment", {}, range);
    Value out = Value::map({}, range);
    for (const SymEntry& entry : entries) {
        if (entry.key.empty()) return Value::unknown("a computed key", {}, range);
        const bool convert = convert_keys && plain_identifier(entry.key);
        const std::string key = convert ? cfn_property_name(type, entry.key) : entry.key;
        // Free-form maps (environment variables, parameters, tags written as maps) keep their keys.
        const bool free_form = key == "Variables" || key == "Parameters" ||
                               (key == "Tags" && entry.value.kind == SymKind::Dict);
        Value value = free_form ? to_value(entry.value) : l1_value(entry.value, type, depth + 1);
        out.set(key, std::move(value), entry.key_range);
    }
    return out;
}

Value l1_value(const Sym& sym, std::string_view type, int depth) {
    if (depth > 32) return Value::unknown("nesting too deep", {}, sym.range);
    switch (sym.kind) {
        case SymKind::List: {
            Value::List items;
            for (const Sym& item : sym.items)
                items.push_back(l1_value(item, type, depth + 1));
            return Value::list(std::move(items), sym.range);
        }
        case SymKind::Dict:
            return l1_map(sym.entries, sym.open, type, sym.range, depth, true);
        case SymKind::Object:
            // CfnBucket.BucketEncryptionProperty(...): a nested property type.
            if (sym.object != nullptr && sym.object->kind == ObjectKind::Value &&
                sym.object->cdk_class.ends_with("Property")) {
                return l1_map(sym.object->props.entries, sym.object->props.open, type, sym.range,
                              depth, true);
            }
            return to_value(sym);
        default:
            return to_value(sym);
    }
}

}  // namespace

std::string cfn_property_name(std::string_view type, std::string_view name) {
    const std::string pascal = to_pascal(name);
    for (const NameFix& fix : kNameFixes) {
        if (fix.pascal == pascal && type.starts_with(fix.type_prefix)) return std::string(fix.cfn);
    }
    return pascal;
}

std::optional<std::string> l1_type(std::string_view cdk_class) {
    const std::size_t dot = cdk_class.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    const std::string_view module = cdk_class.substr(0, dot);
    const std::string_view name = cdk_class.substr(dot + 1);
    if (!name.starts_with("Cfn") || name.size() <= 3 || name.find('.') != std::string_view::npos) {
        return std::nullopt;
    }
    if (!module.starts_with("aws_")) return std::nullopt;
    std::string service;
    for (const Namespace& ns : kNamespaces) {
        if (ns.module == module) service = std::string(ns.service);
    }
    if (service.empty()) service = to_pascal(module.substr(4));
    return "AWS::" + service + "::" + std::string(name.substr(3));
}

void map_l1(Synth& synth, std::string_view type) {
    Value& properties = synth.emit(type);
    Object& self = synth.self();
    for (const SymEntry& entry : self.props.entries) {
        const std::string key = cfn_property_name(type, entry.key);
        // Parameters (DB parameter groups, nested stacks, SSM documents) are free-form maps whose
        // keys are names such as require_secure_transport, not CloudFormation properties.
        const bool free_form = (key == "Tags" && entry.value.kind == SymKind::Dict) ||
                               (key == "Parameters" && entry.value.kind == SymKind::Dict);
        Value value = free_form ? to_value(entry.value) : l1_value(entry.value, type, 0);
        properties.set(key, std::move(value), entry.key_range);
    }
    if (self.props.open) {
        // Some properties come from an unknown spread: nothing absent can be trusted.
        properties = Value::unknown("properties known only at deployment", {}, synth.call());
    }
}

}  // namespace bulwark::cdk
