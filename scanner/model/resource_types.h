#pragma once

#include <string_view>

// CloudFormation resource types that C++ code names. Rules name types in their YAML files.
namespace bulwark::types {

inline constexpr std::string_view kS3Bucket = "AWS::S3::Bucket";
inline constexpr std::string_view kS3BucketPolicy = "AWS::S3::BucketPolicy";
inline constexpr std::string_view kEc2SecurityGroup = "AWS::EC2::SecurityGroup";
inline constexpr std::string_view kEc2SecurityGroupIngress = "AWS::EC2::SecurityGroupIngress";
inline constexpr std::string_view kEc2SecurityGroupEgress = "AWS::EC2::SecurityGroupEgress";
inline constexpr std::string_view kCloudTrailTrail = "AWS::CloudTrail::Trail";
inline constexpr std::string_view kEc2Vpc = "AWS::EC2::VPC";
inline constexpr std::string_view kEc2FlowLog = "AWS::EC2::FlowLog";
inline constexpr std::string_view kEc2NetworkAcl = "AWS::EC2::NetworkAcl";
inline constexpr std::string_view kEc2NetworkAclEntry = "AWS::EC2::NetworkAclEntry";
inline constexpr std::string_view kCloudFormationStack = "AWS::CloudFormation::Stack";

// Input declarations (EntryKind::Input): how values, and secrets, enter the code.
inline constexpr std::string_view kCloudFormationParameter = "Bulwark::CloudFormation::Parameter";
inline constexpr std::string_view kTerraformVariable = "Bulwark::Terraform::Variable";

}  // namespace bulwark::types
