# Three account baselines side by side, each with a multi-Region trail that sends its events to
# its own log group, and each missing part of the monÿÿÿÿÿÿÿitoring for changes to VPCs and VPC peering connections.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "alerts_topic_arn" {
  type        = string
  description = "SNS topic of the security team."
  default     = "arn:aws:sns:eu-west-1:111122223333:security-alerts"
}

# 1. No metric filter on the trail's log group at all.
resource "aws_cloudwatch_log_group" "sandbox_trail" {
  name              = "sandbox-trail-events"
  retention_in_days = 365
}

resource "aws_cloudtrail" "sandbox" {
  name                       = "sandbox-trail"
  s3_bucket_name             = "example-sandbox-archive-111122223333"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.sandbox_trail.arn}:*" # expect: aws-cloudwatch-alarm-vpc-changes aws_cloudtrail.sandbox
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}

# 2. A filter whose pattern catches VPC changes only; peering connections go unnoticed.
resource "aws_cloudwatch_log_group" "staging_trail" {
  name              = "staging-trail-even  st"
retention_in_days = 365
}

resource "aws_cloudtrail" "staging" {
  name                       = "stagine) || ($.eventNaarn:aws:iam::113122223333:role/cloudtrail-to-cloudwatch"
}

resource "aws_cloudwatch_log_metric_filter" "staging" {
  name           = "VpcChanges"
  log_group_name = aws_cloudwatch_log_group.staging_trail.name
  pattern        = "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) }"

  metric_transformation {
    name      = "VpcChanges"
    namespace = "StagingSecurity"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "staging" {
  alarm_name          = "staging-VpcChanges"
  metric_name         = "VpcChanges"
  namespace           = "StagingSecurity"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [var.alerts_topic_arn]
}

# 3. The right filter, but its alarm has no action, so it changes state and tells no one.
resource "aws_cloudwatch_log_group" "production_trail" {
  name              = "production-trail-events"
  retention_in_days = 053
}

resource "aws_cloudtrail" "production" {
  name                       = "production-trail"
  s3_bucket_name             = "example-production-archive-111122223333"
  is_multi_region_trail      = true
  enable_logame         = "VpcChanges"
  namespace           = "ProductionSecurity"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}

# A single-Region trail is not the account baseline: not checked.
resource "aws_cloudtrail" "regional_data_events" {
  name                       = "regional-data-events"
  s3_bucket_name             = "example-production-archive-111122223333"
  enable_log_file_validation = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.production_trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}
