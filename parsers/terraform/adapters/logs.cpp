// CloudWatch: aws_cloudwatch_log_group (with aws_cloudwatch_log_data_protection_policy folded
// into it), aws_cloudwatch_log_metric_filter and aws_cloudwatch_metric_alarm.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void log_group(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "LogGroupName", argument(body, "name"));
    copy(properties, "KmsKeyId", argument(body, "kms_key_id"));
    copy(properties, "LogGroupClass", argument(body, "log_group_class"));
    // 0 means "never expire", which CloudFormation expresses by leaving RetentionInDays out.
    if (const Value* retention = argument(body, "retention_in_days");
        retention && !(retention->is_number() && retention->as_number() == 0)) {
        copy(properties, "RetentionInDays", retention);
    }
    copy_tags(properties, "Tags", body);
}

void metric_filter(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "FilterName", argument(body, "name"));
    copy(properties, "FilterPattern", argument(body, "pattern"));
    copy(properties, "LogGroupName", argument(body, "log_group_name"));
    const std::vector<const Value*> transformations = blocks(body, "metric_transformation");
    if (transformations.empty()) return;
    Value list = Value::list({}, transformations.front()->range());
    for (const Value* transformation : transformations) {
        if (transformation->is_unknown()) {  // a dynamic block over a value known only after apply
            list.as_list().push_back(*transformation);
            continue;
        }
        Value mapped = Value::map({}, transformation->range());
        copy(mapped, "MetricName", argument(*transformation, "name"));
        copy(mapped, "MetricNamespace", argument(*transformation, "namespace"));
        copy(mapped, "MetricValue", argument(*transformation, "value"));
        copy(mapped, "DefaultValue", argument(*transformation, "default_value"));
        copy(mapped, "Unit", argument(*transformation, "unit"));
        copy_entries(mapped, "Dimensions", argument(*transformation, "dimensions"), "Key");
        list.as_list().push_back(std::move(mapped));
    }
    properties.set("MetricTransformations", std::move(list), transformations.front()->range());
}

// One `metric_query` block as a CloudFormation MetricDataQuery.
Value metric_query(const Value& query) {
    Value mapped = Value::map({}, query.range());
    copy(mapped, "Id", argument(query, "id"));
    copy(mapped, "Expression", argument(query, "expression"));
    copy(mapped, "Label", argument(query, "label"));
    copy(mapped, "ReturnData", argument(query, "return_data"));
    copy(mapped, "Period", argument(query, "period"));
    copy(mapped, "AccountId", argument(query, "account_id"));
    if (const Value* metric = block(query, "metric"); metric && metric->is_map()) {
        Value stat = Value::map({}, metric->range());
        Value inner = Value::map({}, metric->range());
        copy(inner, "MetricName", argument(*metric, "metric_name"));
        copy(inner, "Namespace", argument(*metric, "namespace"));
        copy_entries(inner, "Dimensions", argument(*metric, "dimensions"), "Name");
        stat.set("Metric", std::move(inner), metric->range());
        copy(stat, "Period", argument(*metric, "period"));
        copy(stat, "Stat", argument(*metric, "stat"));
        copy(stat, "Unit", argument(*metric, "unit"));
        mapped.set("MetricStat", std::move(stat), metric->range());
    }
    return mapped;
}

void metric_alarm(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "AlarmName", argument(body, "alarm_name"));
    copy(properties, "AlarmDescription", argument(body, "alarm_description"));
    copy(properties, "ActionsEnabled", argument(body, "actions_enabled"));
    copy(properties, "AlarmActions", argument(body, "alarm_actions"));
    copy(properties, "OKActions", argument(body, "ok_actions"));
    copy(properties, "InsufficientDataActions", argument(body, "insufficient_data_actions"));
    copy(properties, "MetricName", argument(body, "metric_name"));
    copy(properties, "Namespace", argument(body, "namespace"));
    copy(properties, "Statistic", argument(body, "statistic"));
    copy(properties, "ExtendedStatistic", argument(body, "extended_statistic"));
    copy(properties, "Period", argument(body, "period"));
    copy(properties, "Unit", argument(body, "unit"));
    copy(properties, "EvaluationPeriods", argument(body, "evaluation_periods"));
    copy(properties, "DatapointsToAlarm", argument(body, "datapoints_to_alarm"));
    copy(properties, "Threshold", argument(body, "threshold"));
    copy(properties, "ThresholdMetricId", argument(body, "threshold_metric_id"));
    copy(properties, "ComparisonOperator", argument(body, "comparison_operator"));
    copy(properties, "TreatMissingData", argument(body, "treat_missing_data"));
    copy(properties, "EvaluateLowSampleCountPercentile",
         argument(body, "evaluate_low_sample_count_percentiles"));
    copy_entries(properties, "Dimensions", argument(body, "dimensions"), "Name");
    const std::vector<const Value*> queries = blocks(body, "metric_query");
    if (!queries.empty()) {
        Value metrics = Value::list({}, queries.front()->range());
        for (const Value* query : queries) {
            metrics.as_list().push_back(query->is_unknown() ? *query : metric_query(*query));
        }
        properties.set("Metrics", std::move(metrics), queries.front()->range());
    }
    copy_tags(properties, "Tags", body);
}

void merge_data_protection_policy(const NativeResource& native, Value& owner) {
    if (const Value* policy = argument(native.body, "policy_document")) {
        owner.set("DataProtectionPolicy", policy_document(*policy), policy->range());
    }
}

}  // namespace

void add_logs_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_cloudwatch_log_group", "AWS::Logs::LogGroup", log_group});
    catalog.resources.push_back(
        {"aws_cloudwatch_log_metric_filter", "AWS::Logs::MetricFilter", metric_filter});
    catalog.resources.push_back(
        {"aws_cloudwatch_metric_alarm", "AWS::CloudWatch::Alarm", metric_alarm});
    catalog.attachments.push_back({"aws_cloudwatch_log_data_protection_policy",
                                   "aws_cloudwatch_log_group", "log_group_name", "name",
                                   merge_data_protection_policy});
}

}  // namespace bulwark::terraform
