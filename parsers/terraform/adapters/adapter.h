#pragma once

#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"
#include "parsers/terraform/native_resource.h"

namespace bulwark::terraform {

// Maps a native resource's arguments onto CloudFormation-shaped properties.
struct ResourceAdapter {
    std::string_view native_type;     // aws_s3_bucket
    std::string_view canonical_type;  // AWS::S3::Bucket
    void (*adapt)(const NativeResource& native, Value& properties);
    // Optional: resource-level settings (DeletionPolicy) that a native argument stands for, such
    // as skip_final_snapshot on databases.
    void (*attributes)(const NativeResource& native, Value& attributes) = nullptr;
};

// A native resource that configures another one (aws_s3_bucket_versioning configures a bucket):
// its mapped properties are merged into the owner's, keeping their Terraform ranges.
struct AttachmentAdapter {
    std::string_view native_type;
    std::string_view owner_native_type;
    std::string_view owner_argument;  // the argument naming the owner (a reference or its name)
    std::string_view owner_name_argument;  // the owner's own name argument, for literal names
    void (*merge)(const NativeResource& attachment, Value& owner_properties);
};

// Everything Bulwark knows how to adapt. One service per file; each file adds its adapters here.
struct AdapterCatalog {
    std::vector<ResourceAdapter> resources;
    std::vector<AttachmentAdapter> attachments;
};
const AdapterCatalog& adapter_catalog();

void add_s3_adapters(AdapterCatalog& catalog);
void add_kms_adapters(AdapterCatalog& catalog);
void add_dynamodb_adapters(AdapterCatalog& catalog);
void add_rds_adapters(AdapterCatalog& catalog);
void add_ec2_security_group_adapters(AdapterCatalog& catalog);
void add_cloudtrail_adapters(AdapterCatalog& catalog);
void add_iam_adapters(AdapterCatalog& catalog);
void add_lambda_adapters(AdapterCatalog& catalog);
void add_secretsmanager_adapters(AdapterCatalog& catalog);
void add_sqs_adapters(AdapterCatalog& catalog);
void add_sns_adapters(AdapterCatalog& catalog);
void add_logs_adapters(AdapterCatalog& catalog);
void add_vpc_adapters(AdapterCatalog& catalog);
void add_ec2_adapters(AdapterCatalog& catalog);
void add_elb_adapters(AdapterCatalog& catalog);
void add_cloudfront_adapters(AdapterCatalog& catalog);
void add_apigateway_adapters(AdapterCatalog& catalog);
void add_ecr_adapters(AdapterCatalog& catalog);
void add_efs_adapters(AdapterCatalog& catalog);
void add_elasticache_adapters(AdapterCatalog& catalog);
void add_redshift_adapters(AdapterCatalog& catalog);
void add_opensearch_adapters(AdapterCatalog& catalog);
void add_codeartifact_adapters(AdapterCatalog& catalog);
void add_config_adapters(AdapterCatalog& catalog);
void add_guardduty_adapters(AdapterCatalog& catalog);
void add_kinesis_adapters(AdapterCatalog& catalog);
void add_docdb_adapters(AdapterCatalog& catalog);
void add_neptune_adapters(AdapterCatalog& catalog);
void add_backup_adapters(AdapterCatalog& catalog);
void add_dms_adapters(AdapterCatalog& catalog);
void add_wafv2_adapters(AdapterCatalog& catalog);
void add_route53_adapters(AdapterCatalog& catalog);
void add_securityhub_adapters(AdapterCatalog& catalog);
void add_accessanalyzer_adapters(AdapterCatalog& catalog);
void add_inspector_adapters(AdapterCatalog& catalog);
void add_events_adapters(AdapterCatalog& catalog);
// Compute, containers, messaging and analytics services (rules-compute).
void add_ssm_adapters(AdapterCatalog& catalog);
void add_glue_adapters(AdapterCatalog& catalog);
void add_sagemaker_adapters(AdapterCatalog& catalog);
void add_athena_adapters(AdapterCatalog& catalog);
void add_codebuild_adapters(AdapterCatalog& catalog);
void add_stepfunctions_adapters(AdapterCatalog& catalog);
void add_ecs_adapters(AdapterCatalog& catalog);
void add_eks_adapters(AdapterCatalog& catalog);
void add_mq_adapters(AdapterCatalog& catalog);
void add_msk_adapters(AdapterCatalog& catalog);
void add_elasticbeanstalk_adapters(AdapterCatalog& catalog);
void add_autoscaling_adapters(AdapterCatalog& catalog);

// Turns evaluated native resources into graph resources: adapted types get their CloudFormation
// type and properties; attachments are merged into their owners (and kept as native nodes);
// every other type keeps its native type and arguments, so custom rules can still target it.
// Each resource is adapted on its own, on up to `threads` threads (0: every core).
std::vector<Resource> adapt_resources(std::vector<NativeResource> natives,
                                      std::vector<Diagnostic>& diagnostics, unsigned threads = 1);

}  // namespace bulwark::terraform
