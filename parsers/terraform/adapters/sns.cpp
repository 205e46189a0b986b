// SNS: aws_sns_topic (with aws_sns_topic_data_protection_policy folded into it),
// aws_sns_topic_policy and aws_sns_topic_subscription.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

// Terraform spreads delivery status logging over <protocol>_success_feedback_role_arn,
// _success_feedback_sample_rate and _failure_feedback_role_arn; CloudFormation lists one
// LoggingConfig per protocol in DeliveryStatusLogging.
void delivery_status_logging(const Value& body, Value& properties) {
    struct Protocol {
        std::string_view prefix;
        std::string_view name;
    };
    static constexpr Protocol kProtocols[] = {
        {"application", "application"}, {"firehose", "firehose"}, {"http", "http/s"},
        {"lambda", "lambda"},           {"sqs", "sqs"},
    };
    Value configs = Value::list({}, {});
    for (const Protocol& protocol : kProtocols) {
        const std::string prefix(protocol.prefix);
        const Value* success_role = argument(body, prefix + "_success_feedback_role_arn");
        const Value* sample_rate = argument(body, prefix + "_success_feedback_sample_rate");
        const Value* failure_role = argument(body, prefix + "_failure_feedback_role_arn");
        const Value* first = success_role   ? success_role
                             : failure_role ? failure_role
                                            : sample_rate;
        if (first == nullptr) continue;
        Value config = Value::map({}, first->range());
        config.set("Protocol", Value::string(std::string(protocol.name), first->range()),
                   first->range());
        copy(config, "SuccessFeedbackRoleArn", success_role);
        copy(config, "SuccessFeedbackSampleRate", sample_rate);
        copy(config, "FailureFeedbackRoleArn", failure_role);
        if (configs.as_list().empty()) configs.set_range(first->range());
        configs.as_list().push_back(std::move(config));
    }
    if (!configs.as_list().empty()) {
        const SourceRange at = configs.range();
        properties.set("DeliveryStatusLogging", std::move(configs), at);
    }
}

void topic(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "TopicName", argument(body, "name"));
    copy(properties, "DisplayName", argument(body, "display_name"));
    copy(properties, "KmsMasterKeyId", argument(body, "kms_master_key_id"));
    copy(properties, "FifoTopic", argument(body, "fifo_topic"));
    copy(properties, "ContentBasedDeduplication", argument(body, "content_based_deduplication"));
    copy(properties, "FifoThroughputScope", argument(body, "fifo_throughput_scope"));
    copy(properties, "SignatureVersion", argument(body, "signature_version"));
    copy(properties, "TracingConfig", argument(body, "tracing_config"));
    copy_json(properties, "ArchivePolicy", argument(body, "archive_policy"));
    // The inline access policy; CloudFormation only has AWS::SNS::TopicPolicy, so it is kept
    // on the topic as `Policy`, where the policy rules look for it.
    copy_json(properties, "Policy", argument(body, "policy"));
    delivery_status_logging(body, properties);
    copy_tags(properties, "Tags", body);
}

void topic_policy(const NativeResource& native, Value& properties) {
    if (const Value* arn = argument(native.body, "arn")) {
        properties.set("Topics", Value::list({*arn}, arn->range()), arn->range());
    }
    copy_json(properties, "PolicyDocument", argument(native.body, "policy"));
}

void subscription(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "TopicArn", argument(body, "topic_arn"));
    copy(properties, "Protocol", argument(body, "protocol"));
    copy(properties, "Endpoint", argument(body, "endpoint"));
    copy(properties, "RawMessageDelivery", argument(body, "raw_message_delivery"));
    copy(properties, "SubscriptionRoleArn", argument(body, "subscription_role_arn"));
    copy(properties, "FilterPolicyScope", argument(body, "filter_policy_scope"));
    copy_json(properties, "FilterPolicy", argument(body, "filter_policy"));
    copy_json(properties, "RedrivePolicy", argument(body, "redrive_policy"));
    copy_json(properties, "DeliveryPolicy", argument(body, "delivery_policy"));
}

void merge_data_protection_policy(const NativeResource& native, Value& owner) {
    copy_json(owner, "DataProtectionPolicy", argument(native.body, "policy"));
}

}  // namespace

void add_sns_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_sns_topic", "AWS::SNS::Topic", topic});
    catalog.resources.push_back({"aws_sns_topic_policy", "AWS::SNS::TopicPolicy", topic_policy});
    catalog.resources.push_back(
        {"aws_sns_topic_subscription", "AWS::SNS::Subscription", subscription});
    // `arn` is the topic's ARN, never its name: the owner is found by reference only.
    catalog.attachments.push_back({"aws_sns_topic_data_protection_policy", "aws_sns_topic", "arn",
                                   "", merge_data_protection_policy});
}

}  // namespace bulwark::terraform
