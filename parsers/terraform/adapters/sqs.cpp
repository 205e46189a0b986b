// SQS: aws_sqs_queue (with aws_sqs_queue_redrive_policy and aws_sqs_queue_redrive_allow_policy
// folded into it) and aws_sqs_queue_policy.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void queue(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "QueueName", argument(body, "name"));
    copy(properties, "FifoQueue", argument(body, "fifo_queue"));
    copy(properties, "ContentBasedDeduplication", argument(body, "content_based_deduplication"));
    copy(properties, "DeduplicationScope", argument(body, "deduplication_scope"));
    copy(properties, "FifoThroughputLimit", argument(body, "fifo_throughput_limit"));
    // Encryption: SSE-KMS with a key, or SSE-SQS. The provider does not send
    // sqs_managed_sse_enabled when it is omitted (SQS then applies its own default).
    copy(properties, "KmsMasterKeyId", argument(body, "kms_master_key_id"));
    copy(properties, "KmsDataKeyReusePeriodSeconds",
         argument(body, "kms_data_key_reuse_period_seconds"));
    copy(properties, "SqsManagedSseEnabled", argument(body, "sqs_managed_sse_enabled"));
    copy(properties, "MessageRetentionPeriod", argument(body, "message_retention_seconds"));
    copy(properties, "VisibilityTimeout", argument(body, "visibility_timeout_seconds"));
    copy(properties, "DelaySeconds", argument(body, "delay_seconds"));
    copy(properties, "MaximumMessageSize", argument(body, "max_message_size"));
    copy(properties, "ReceiveMessageWaitTimeSeconds", argument(body, "receive_wait_time_seconds"));
    copy_json(properties, "RedrivePolicy", argument(body, "redrive_policy"));
    copy_json(properties, "RedriveAllowPolicy", argument(body, "redrive_allow_policy"));
    // The inline access policy; CloudFormation only has AWS::SQS::QueuePolicy, so it is kept
    // on the queue as `Policy`, where the policy rules look for it.
    copy_json(properties, "Policy", argument(body, "policy"));
    copy_tags(properties, "Tags", body);
}

void queue_policy(const NativeResource& native, Value& properties) {
    if (const Value* url = argument(native.body, "queue_url")) {
        properties.set("Queues", Value::list({*url}, url->range()), url->range());
    }
    copy_json(properties, "PolicyDocument", argument(native.body, "policy"));
}

void merge_redrive_policy(const NativeResource& native, Value& owner) {
    copy_json(owner, "RedrivePolicy", argument(native.body, "redrive_policy"));
}

void merge_redrive_allow_policy(const NativeResource& native, Value& owner) {
    copy_json(owner, "RedriveAllowPolicy", argument(native.body, "redrive_allow_policy"));
}

}  // namespace

void add_sqs_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_sqs_queue", "AWS::SQS::Queue", queue});
    catalog.resources.push_back({"aws_sqs_queue_policy", "AWS::SQS::QueuePolicy", queue_policy});
    // queue_url is a URL, never the queue's name: owners are found by reference only.
    catalog.attachments.push_back(
        {"aws_sqs_queue_redrive_policy", "aws_sqs_queue", "queue_url", "", merge_redrive_policy});
    catalog.attachments.push_back({"aws_sqs_queue_redrive_allow_policy", "aws_sqs_queue",
                                   "queue_url", "", merge_redrive_allow_policy});
}

}  // namespace bulwark::terraform
