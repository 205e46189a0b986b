// Terraform adapters of the network group: vpc.cpp, ec2.cpp, elb.cpp, cloudfront.cpp,
// apigateway.cpp. Each case scans one Terraform snippet and checks the canonical type of one
// resource, some of its CloudFormation-shaped properties and the source line they point at.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// `value` is the expected rendering: strings in double quotes, other values as describe() shows
// them; "<absent>" for a property that must not be set, "<unknown>" for a value known after apply.
// `line` is the 1-based source line the value points at (0: not checked).
struct Expect {
    std::string path;
    std::string value;
    unsigned line = 0;
};

struct Case {
    const char* name;
    const char* terraform;
    const char* address;
    const char* type;
    std::vector<Expect> expect;
};

ScanResult scan_terraform(const std::string& text) {
    TempDir dir;
    dir.write("main.tf", text);
    return test::scan_terraform_dir(dir.path());
}

std::string render(const Value* value) {
    if (value == nullptr) return "<absent>";
    if (value->is_unknown()) return "<unknown>";
    if (value->is_string()) return "\"" + value->as_string() + "\"";
    return describe(*value);
}

void run(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        const ScanResult result = scan_terraform(c.terraform);
        CHECK(result.diagnostics.empty());
        const Resource* resource = test::find_resource(result, c.address);
        REQUIRE(resource != nullptr);
        CHECK(resource->type == c.type);
        for (const Expect& e : c.expect) {
            CAPTURE(e.path);
            const Value* value = test::value_at(resource->properties, e.path);
            CHECK(render(value) == e.value);
            if (value != nullptr && e.line != 0) CHECK(value->range().begin.line == e.line);
        }
    }
}

}  // namespace

TEST_CASE(
    "terraform adapters: VPCs, flow logs, subnets, default security groups and network ACLs") {
    const char* vpc_with_flow_log = R"(resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags = {
    Name = "main"
  }
}
resource "aws_flow_log" "main" {
  vpc_id                   = aws_vpc.main.id
  traffic_type             = "ALL"
  log_destination_type     = "s3"
  log_destination          = "arn:aws:s3:::flow-logs"
  max_aggregation_interval = 60
}
)";
    const char* default_group = R"(resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }
}
resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_default_security_group.default.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
)";
    const char* acl = R"(resource "aws_network_acl" "main" {
  vpc_id = "vpc-1"
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 22
    to_port    = 22
  }
  egress {
    protocol   = "-1"
    rule_no    = 200
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
resource "aws_network_acl_rule" "rdp" {
  network_acl_id = aws_network_acl.main.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}
)";
    run({
        {"VPC with its flow log folded in (attachment)",
         vpc_with_flow_log,
         "aws_vpc.main",
         "AWS::EC2::VPC",
         {{"CidrBlock", R"("10.0.0.0/16")", 2},
          {"EnableDnsHostnames", "true", 3},
          {"Tags[0].Key", R"("Name")", 5},
          {"Tags[0].Value", R"("main")", 5},
          {"FlowLogs[0].TrafficType", R"("ALL")", 10},
          {"FlowLogs[0].LogDestinationType", R"("s3")", 11},
          {"FlowLogs[0].LogDestination", R"("arn:aws:s3:::flow-logs")", 12},
          {"FlowLogs[0].MaxAggregationInterval", "60", 13}}},
        {"the folded flow log stays a native node",
         vpc_with_flow_log,
         "aws_flow_log.main",
         "aws_flow_log",
         {{"traffic_type", R"("ALL")", 10}}},
        {"flow log of a subnet stays an AWS::EC2::FlowLog",
         R"(resource "aws_flow_log" "subnet" {
  subnet_id      = "subnet-0123"
  traffic_type   = "REJECT"
  iam_role_arn   = "arn:aws:iam::111122223333:role/flow"
  log_group_name = "flows"
}
)",
         "aws_flow_log.subnet",
         "AWS::EC2::FlowLog",
         {{"ResourceId", R"("subnet-0123")", 2},
          {"ResourceType", R"("Subnet")", 2},
          {"TrafficType", R"("REJECT")", 3},
          {"DeliverLogsPermissionArn", R"("arn:aws:iam::111122223333:role/flow")", 4},
          {"LogGroupName", R"("flows")", 5}}},
        {"subnet: map_public_ip_on_launch omitted is the provider's false (omitted default)",
         R"(resource "aws_subnet" "a" {
  vpc_id            = "vpc-1"
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}
)",
         "aws_subnet.a",
         "AWS::EC2::Subnet",
         {{"VpcId", R"("vpc-1")", 2},
          {"CidrBlock", R"("10.0.1.0/24")", 3},
          {"AvailabilityZone", R"("eu-west-1a")", 4},
          {"MapPublicIpOnLaunch", "false", 1}}},
        {"subnet that hands out public addresses",
         R"(resource "aws_subnet" "public" {
  vpc_id                  = "vpc-1"
  cidr_block              = "10.0.2.0/24"
  map_public_ip_on_launch = true
}
)",
         "aws_subnet.public",
         "AWS::EC2::Subnet",
         {{"MapPublicIpOnLaunch", "true", 4}}},
        {"default security group with inline and attached rules",
         default_group,
         "aws_default_security_group.default",
         "AWS::EC2::SecurityGroup",
         {{"GroupName", R"("default")", 4},
          {"VpcId", "<unknown>", 5},
          {"SecurityGroupIngress[0].IpProtocol", "-1", 7},
          {"SecurityGroupIngress[0].FromPort", "0", 9},
          {"SecurityGroupEgress[0].IpProtocol", R"("-1")", 15},
          {"SecurityGroupEgress[0].CidrIp", R"("0.0.0.0/0")", 16}}},
        {"the attached rule stays a native node",
         default_group,
         "aws_vpc_security_group_egress_rule.all",
         "aws_vpc_security_group_egress_rule",
         {}},
        {"default security group without rules: Terraform removes them all",
         R"(resource "aws_default_security_group" "default" {
  vpc_id = "vpc-1"
}
)",
         "aws_default_security_group.default",
         "AWS::EC2::SecurityGroup",
         {{"SecurityGroupIngress", "[0 items]", 1}, {"SecurityGroupEgress", "[0 items]", 1}}},
        {"network ACL with inline entries",
         acl,
         "aws_network_acl.main",
         "AWS::EC2::NetworkAcl",
         {{"VpcId", R"("vpc-1")", 2},
          {"Entries[0].Protocol", "6", 4},
          {"Entries[0].RuleNumber", "100", 5},
          {"Entries[0].RuleAction", R"("allow")", 6},
          {"Entries[0].CidrBlock", R"("0.0.0.0/0")", 7},
          {"Entries[0].PortRange.From", "22", 8},
          {"Entries[0].PortRange.To", "22", 9},
          {"Entries[0].Egress", "false", 3},
          {"Entries[1].Egress", "true", 11},
          {"Entries[1].Protocol", "-1", 12}}},
        {"network ACL rule: egress omitted is the provider's false",
         acl,
         "aws_network_acl_rule.rdp",
         "AWS::EC2::NetworkAclEntry",
         {{"NetworkAclId", "<unknown>", 21},
          {"RuleNumber", "110", 22},
          {"Protocol", "6", 23},
          {"RuleAction", R"("deny")", 24},
          {"CidrBlock", R"("0.0.0.0/0")", 25},
          {"PortRange.From", "3389", 26},
          {"PortRange.To", "3389", 27},
          {"Egress", "false", 20}}},
    });
}

TEST_CASE("terraform adapters: EC2 instances, launch templates and EBS") {
    const char* volumes = R"(resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 40
}
resource "aws_ebs_volume" "secure" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/k"
}
resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}
)";
    run({
        {"instance",
         R"(resource "aws_instance" "web" {
  ami                         = "ami-123"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-1"
  vpc_security_group_ids      = ["sg-1"]
  associate_public_ip_address = true
  monitoring                  = true
  iam_instance_profile        = "web"
  user_data                   = "#!/bin/sh"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  root_block_device {
    encrypted   = true
    volume_size = 20
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
    kms_key_id  = "arn:aws:kms:eu-west-1:111122223333:key/k"
  }
}
)",
         "aws_instance.web",
         "AWS::EC2::Instance",
         {{"ImageId", R"("ami-123")", 2},
          {"InstanceType", R"("t3.micro")", 3},
          {"SubnetId", R"("subnet-1")", 4},
          {"SecurityGroupIds[0]", R"("sg-1")", 5},
          {"NetworkInterfaces[0].DeviceIndex", R"("0")", 6},
          {"NetworkInterfaces[0].AssociatePublicIpAddress", "true", 6},
          {"Monitoring", "true", 7},
          {"IamInstanceProfile", R"("web")", 8},
          {"UserData", R"("#!/bin/sh")", 9},
          {"MetadataOptions.HttpTokens", R"("required")", 11},
          {"MetadataOptions.HttpPutResponseHopLimit", "1", 12},
          {"BlockDeviceMappings[0].DeviceName", "<absent>"},
          {"BlockDeviceMappings[0].Ebs.Encrypted", "true", 15},
          {"BlockDeviceMappings[0].Ebs.VolumeSize", "20", 16},
          {"BlockDeviceMappings[1].DeviceName", R"("/dev/sdf")", 19},
          {"BlockDeviceMappings[1].Ebs.Encrypted", "false", 20},
          {"BlockDeviceMappings[1].Ebs.KmsKeyId", R"("arn:aws:kms:eu-west-1:111122223333:key/k")",
           21}}},
        {"launch template (string booleans become booleans)",
         R"(resource "aws_launch_template" "lt" {
  name          = "web"
  image_id      = "ami-123"
  ebs_optimized = "true"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
  monitoring {
    enabled = true
  }
  iam_instance_profile {
    name = "web"
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted   = "true"
      volume_size = 30
    }
  }
  network_interfaces {
    associate_public_ip_address = false
    security_groups             = ["sg-1"]
  }
}
)",
         "aws_launch_template.lt",
         "AWS::EC2::LaunchTemplate",
         {{"LaunchTemplateName", R"("web")", 2},
          {"LaunchTemplateData.ImageId", R"("ami-123")", 3},
          {"LaunchTemplateData.EbsOptimized", "true", 4},
          {"LaunchTemplateData.MetadataOptions.HttpEndpoint", R"("enabled")", 6},
          {"LaunchTemplateData.MetadataOptions.HttpTokens", R"("optional")", 7},
          {"LaunchTemplateData.Monitoring.Enabled", "true", 10},
          {"LaunchTemplateData.IamInstanceProfile.Name", R"("web")", 13},
          {"LaunchTemplateData.BlockDeviceMappings[0].DeviceName", R"("/dev/xvda")", 16},
          {"LaunchTemplateData.BlockDeviceMappings[0].Ebs.Encrypted", "true", 18},
          {"LaunchTemplateData.BlockDeviceMappings[0].Ebs.VolumeSize", "30", 19},
          {"LaunchTemplateData.NetworkInterfaces[0].AssociatePublicIpAddress", "false", 23},
          {"LaunchTemplateData.NetworkInterfaces[0].Groups[0]", R"("sg-1")", 24}}},
        {"volume without `encrypted`: the provider sends nothing, so nothing is set",
         volumes,
         "aws_ebs_volume.data",
         "AWS::EC2::Volume",
         {{"AvailabilityZone", R"("eu-west-1a")", 2},
          {"Size", "40", 3},
          {"Encrypted", "<absent>"}}},
        {"encrypted volume",
         volumes,
         "aws_ebs_volume.secure",
         "AWS::EC2::Volume",
         {{"Encrypted", "true", 8},
          {"KmsKeyId", R"("arn:aws:kms:eu-west-1:111122223333:key/k")", 9}}},
        {"snapshot",
         volumes,
         "aws_ebs_snapshot.data",
         "Bulwark::EC2::Snapshot",
         {{"VolumeId", "<unknown>", 12}}},
        {"encryption by default: enabled omitted is the provider's true (omitted default)",
         "resource \"aws_ebs_encryption_by_default\" \"this\" {}\n",
         "aws_ebs_encryption_by_default.this",
         "Bulwark::EC2::EbsEncryptionByDefault",
         {{"Enabled", "true", 1}}},
        {"encryption by default switched off",
         "resource \"aws_ebs_encryption_by_default\" \"this\" {\n  enabled = false\n}\n",
         "aws_ebs_encryption_by_default.this",
         "Bulwark::EC2::EbsEncryptionByDefault",
         {{"Enabled", "false", 2}}},
    });
}

TEST_CASE("terraform adapters: load balancers and listeners") {
    const char* listeners = R"(resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
resource "aws_alb_listener" "https" {
  load_balancer_arn = "arn:lb"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/c"
  default_action {
    type             = "forward"
    target_group_arn = "arn:tg"
  }
}
)";
    run({
        {"application load balancer",
         R"(resource "aws_lb" "web" {
  name                       = "web"
  internal                   = false
  subnets                    = ["subnet-1", "subnet-2"]
  security_groups            = ["sg-1"]
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}
)",
         "aws_lb.web",
         "AWS::ElasticLoadBalancingV2::LoadBalancer",
         {{"Name", R"("web")", 2},
          {"Type", R"("application")", 1},
          {"Scheme", R"("internet-facing")", 3},
          {"Subnets[1]", R"("subnet-2")", 4},
          {"SecurityGroups[0]", R"("sg-1")", 5},
          {"LoadBalancerAttributes[0].Key", R"("access_logs.s3.enabled")", 10},
          {"LoadBalancerAttributes[0].Value", R"("true")", 10},
          {"LoadBalancerAttributes[1].Key", R"("access_logs.s3.bucket")", 9},
          {"LoadBalancerAttributes[1].Value", R"("lb-logs")", 9},
          {"LoadBalancerAttributes[2].Key", R"("deletion_protection.enabled")", 7},
          {"LoadBalancerAttributes[2].Value", R"("true")", 7},
          {"LoadBalancerAttributes[3].Key", R"("routing.http.drop_invalid_header_fields.enabled")",
           6},
          {"LoadBalancerAttributes[3].Value", R"("true")", 6}}},
        {"internal network load balancer",
         R"(resource "aws_alb" "internal" {
  load_balancer_type = "network"
  internal           = true
}
)",
         "aws_alb.internal",
         "AWS::ElasticLoadBalancingV2::LoadBalancer",
         {{"Type", R"("network")", 2},
          {"Scheme", R"("internal")", 3},
          {"LoadBalancerAttributes", "<absent>"}}},
        {"load balancer without internal is internet-facing (omitted default)",
         "resource \"aws_lb\" \"bare\" {\n  name = \"bare\"\n}\n",
         "aws_lb.bare",
         "AWS::ElasticLoadBalancingV2::LoadBalancer",
         {{"Scheme", R"("internet-facing")", 1}, {"Type", R"("application")", 1}}},
        {"HTTP listener that redirects to HTTPS",
         listeners,
         "aws_lb_listener.http",
         "AWS::ElasticLoadBalancingV2::Listener",
         {{"Port", "80", 3},
          {"Protocol", R"("HTTP")", 4},
          {"DefaultActions[0].Type", R"("redirect")", 6},
          {"DefaultActions[0].RedirectConfig.Port", R"("443")", 8},
          {"DefaultActions[0].RedirectConfig.Protocol", R"("HTTPS")", 9},
          {"DefaultActions[0].RedirectConfig.StatusCode", R"("HTTP_301")", 10}}},
        {"HTTPS listener",
         listeners,
         "aws_alb_listener.https",
         "AWS::ElasticLoadBalancingV2::Listener",
         {{"LoadBalancerArn", R"("arn:lb")", 15},
          {"SslPolicy", R"("ELBSecurityPolicy-TLS13-1-2-2021-06")", 18},
          {"Certificates[0].CertificateArn",
           R"("arn:aws:acm:eu-west-1:111122223333:certificate/c")", 19},
          {"DefaultActions[0].Type", R"("forward")", 21},
          {"DefaultActions[0].TargetGroupArn", R"("arn:tg")", 22}}},
        {"classic load balancer: access_logs enabled unless it says otherwise",
         R"(resource "aws_elb" "classic" {
  name    = "classic"
  subnets = ["subnet-1"]
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:cert"
  }
  access_logs {
    bucket = "elb-logs"
  }
}
)",
         "aws_elb.classic",
         "AWS::ElasticLoadBalancing::LoadBalancer",
         {{"LoadBalancerName", R"("classic")", 2},
          {"Scheme", R"("internet-facing")", 1},
          {"CrossZone", "true", 1},
          {"Listeners[0].LoadBalancerPort", "443", 5},
          {"Listeners[0].Protocol", R"("https")", 6},
          {"Listeners[0].InstancePort", "80", 7},
          {"Listeners[0].InstanceProtocol", R"("http")", 8},
          {"Listeners[0].SSLCertificateId", R"("arn:cert")", 9},
          {"AccessLoggingPolicy.Enabled", "true", 11},
          {"AccessLoggingPolicy.S3BucketName", R"("elb-logs")", 12}}},
        {"classic load balancer: aws_load_balancer_policy folds into Policies",
         R"(resource "aws_elb" "classic" {
  name    = "classic"
  subnets = ["subnet-1"]
}
resource "aws_load_balancer_policy" "tls" {
  load_balancer_name = aws_elb.classic.name
  policy_name        = "classic-tls"
  policy_type_name   = "SSLNegotiationPolicyType"
  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }
}
)",
         "aws_elb.classic",
         "AWS::ElasticLoadBalancing::LoadBalancer",
         {{"Policies[0].PolicyName", R"("classic-tls")", 7},
          {"Policies[0].PolicyType", R"("SSLNegotiationPolicyType")", 8},
          {"Policies[0].Attributes[0].Name", R"("Reference-Security-Policy")", 10},
          {"Policies[0].Attributes[0].Value", R"("ELBSecurityPolicy-TLS-1-2-2017-01")", 11}}},
    });
}

TEST_CASE("terraform adapters: CloudFront distributions") {
    run({
        {"distribution",
         R"(resource "aws_cloudfront_distribution" "cdn" {
  enabled             = true
  default_root_object = "index.html"
  web_acl_id          = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1"
  origin {
    origin_id                = "s3"
    domain_name              = "bucket.s3.amazonaws.com"
    origin_access_control_id = "oac-1"
  }
  origin {
    origin_id   = "api"
    domain_name = "api.example.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "s3"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "api"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }
  logging_config {
    bucket          = "logs.s3.amazonaws.com"
    prefix          = "cdn/"
    include_cookies = false
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/c"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
)",
         "aws_cloudfront_distribution.cdn",
         "AWS::CloudFront::Distribution",
         {{"DistributionConfig.Enabled", "true", 2},
          {"DistributionConfig.DefaultRootObject", R"("index.html")", 3},
          {"DistributionConfig.WebACLId",
           R"("arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1")", 4},
          {"DistributionConfig.Origins[0].Id", R"("s3")", 6},
          {"DistributionConfig.Origins[0].DomainName", R"("bucket.s3.amazonaws.com")", 7},
          {"DistributionConfig.Origins[0].OriginAccessControlId", R"("oac-1")", 8},
          {"DistributionConfig.Origins[1].CustomOriginConfig.OriginProtocolPolicy",
           R"("https-only")", 16},
          {"DistributionConfig.Origins[1].CustomOriginConfig.OriginSSLProtocols[0]", R"("TLSv1.2")",
           17},
          {"DistributionConfig.DefaultCacheBehavior.TargetOriginId", R"("s3")", 21},
          {"DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", R"("redirect-to-https")",
           22},
          {"DistributionConfig.CacheBehaviors[0].PathPattern", R"("/api/*")", 27},
          {"DistributionConfig.CacheBehaviors[0].ViewerProtocolPolicy", R"("allow-all")", 29},
          {"DistributionConfig.Logging.Bucket", R"("logs.s3.amazonaws.com")", 34},
          {"DistributionConfig.Logging.Prefix", R"("cdn/")", 35},
          {"DistributionConfig.Logging.IncludeCookies", "false", 36},
          {"DistributionConfig.Restrictions.GeoRestriction.RestrictionType", R"("none")", 40},
          {"DistributionConfig.ViewerCertificate.AcmCertificateArn",
           R"("arn:aws:acm:us-east-1:111122223333:certificate/c")", 44},
          {"DistributionConfig.ViewerCertificate.SslSupportMethod", R"("sni-only")", 45},
          {"DistributionConfig.ViewerCertificate.MinimumProtocolVersion", R"("TLSv1.2_2021")",
           46}}},
        {"default certificate: minimum_protocol_version omitted is the provider's TLSv1",
         R"(resource "aws_cloudfront_distribution" "default_cert" {
  enabled = false
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
)",
         "aws_cloudfront_distribution.default_cert",
         "AWS::CloudFront::Distribution",
         {{"DistributionConfig.Enabled", "false", 2},
          {"DistributionConfig.ViewerCertificate.CloudFrontDefaultCertificate", "true", 4},
          {"DistributionConfig.ViewerCertificate.MinimumProtocolVersion", R"("TLSv1")", 3},
          {"DistributionConfig.Logging", "<absent>"}}},
    });
}

TEST_CASE("terraform adapters: API Gateway REST and HTTP APIs") {
    const char* rest = R"(resource "aws_api_gateway_rest_api" "api" {
  name = "api"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
resource "aws_api_gateway_rest_api_policy" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
    }]
  })
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id           = aws_api_gateway_rest_api.api.id
  deployment_id         = "d-1"
  stage_name            = "prod"
  xray_tracing_enabled  = true
  cache_cluster_enabled = true
  client_certificate_id = "cert-1"
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:api"
    format          = "$context.requestId"
  }
}
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level        = "INFO"
    metrics_enabled      = true
    data_trace_enabled   = false
    caching_enabled      = true
    cache_data_encrypted = true
  }
}
resource "aws_api_gateway_method_settings" "one" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = "prod"
  method_path = "users/{id}/GET"
  settings {
    logging_level = "ERROR"
  }
}
)";
    const char* http = R"(resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
  tags          = { team = "core" }
}
resource "aws_apigatewayv2_stage" "default" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
  access_log_settings {
    destination_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:http"
    format          = "$context.requestId"
  }
  default_route_settings {
    logging_level            = "INFO"
    detailed_metrics_enabled = true
    throttling_rate_limit    = 100
  }
  route_settings {
    route_key     = "GET /items"
    logging_level = "ERROR"
  }
}
)";
    run({
        {"REST API with its attached policy",
         rest,
         "aws_api_gateway_rest_api.api",
         "AWS::ApiGateway::RestApi",
         {{"Name", R"("api")", 2},
          {"EndpointConfiguration.Types[0]", R"("PRIVATE")", 4},
          {"Policy.Statement[0].Effect", R"("Allow")", 12},
          {"Policy.Statement[0].Principal", R"("*")", 13},
          {"Policy.Statement[0].Action", R"("execute-api:Invoke")", 14}}},
        {"stage with method settings folded in by reference and by literal name",
         rest,
         "aws_api_gateway_stage.prod",
         "AWS::ApiGateway::Stage",
         {{"StageName", R"("prod")", 22},
          {"RestApiId", "<unknown>", 20},
          {"TracingEnabled", "true", 23},
          {"CacheClusterEnabled", "true", 24},
          {"ClientCertificateId", R"("cert-1")", 25},
          {"AccessLogSetting.DestinationArn",
           R"("arn:aws:logs:eu-west-1:111122223333:log-group:api")", 27},
          {"AccessLogSetting.Format", R"("$context.requestId")", 28},
          {"MethodSettings[0].ResourcePath", R"("/*")", 34},
          {"MethodSettings[0].HttpMethod", R"("*")", 34},
          {"MethodSettings[0].LoggingLevel", R"("INFO")", 36},
          {"MethodSettings[0].MetricsEnabled", "true", 37},
          {"MethodSettings[0].DataTraceEnabled", "false", 38},
          {"MethodSettings[0].CachingEnabled", "true", 39},
          {"MethodSettings[0].CacheDataEncrypted", "true", 40},
          {"MethodSettings[1].ResourcePath", R"("/~1users~1{id}")", 46},
          {"MethodSettings[1].HttpMethod", R"("GET")", 46},
          {"MethodSettings[1].LoggingLevel", R"("ERROR")", 48}}},
        {"method settings stay native nodes",
         rest,
         "aws_api_gateway_method_settings.one",
         "aws_api_gateway_method_settings",
         {}},
        {"the policy resource stays a native node",
         rest,
         "aws_api_gateway_rest_api_policy.api",
         "aws_api_gateway_rest_api_policy",
         {}},
        {"custom domain name",
         R"(resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:cert"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
)",
         "aws_api_gateway_domain_name.api",
         "AWS::ApiGateway::DomainName",
         {{"DomainName", R"("api.example.com")", 2},
          {"RegionalCertificateArn", R"("arn:cert")", 3},
          {"SecurityPolicy", R"("TLS_1_2")", 4},
          {"EndpointConfiguration.Types[0]", R"("REGIONAL")", 6}}},
        {"HTTP API (tags stay a map, as in CloudFormation)",
         http,
         "aws_apigatewayv2_api.http",
         "AWS::ApiGatewayV2::Api",
         {{"Name", R"("http")", 2},
          {"ProtocolType", R"("HTTP")", 3},
          {"Tags.team", R"("core")", 4}}},
        {"HTTP API stage",
         http,
         "aws_apigatewayv2_stage.default",
         "AWS::ApiGatewayV2::Stage",
         {{"StageName", R"("$default")", 8},
          {"ApiId", "<unknown>", 7},
          {"AccessLogSettings.DestinationArn",
           R"("arn:aws:logs:eu-west-1:111122223333:log-group:http")", 10},
          {"AccessLogSettings.Format", R"("$context.requestId")", 11},
          {"DefaultRouteSettings.LoggingLevel", R"("INFO")", 14},
          {"DefaultRouteSettings.DetailedMetricsEnabled", "true", 15},
          {"DefaultRouteSettings.ThrottlingRateLimit", "100", 16},
          {"RouteSettings.GET /items.LoggingLevel", R"("ERROR")", 20}}},
    });
}
