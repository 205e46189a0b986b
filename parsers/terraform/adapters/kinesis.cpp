// aws_kinesis_stream → AWS::Kinesis::Stream and aws_kinesis_firehose_delivery_stream →
// AWS::KinesisFirehose::DeliveryStream.
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void stream(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "Name", argument(body, "name"));
    copy(properties, "ShardCount", argument(body, "shard_count"));
    // Streams keep records for 24 hours unless retention_period says otherwise.
    copy_or_default(properties, "RetentionPeriodHours", argument(body, "retention_period"),
                    Value::number(24), native);
    copy(properties, "DesiredShardLevelMetrics", argument(body, "shard_level_metrics"));
    copy(properties, "MaxRecordSizeInKiB", argument(body, "max_record_size_in_kib"));
    // encryption_type = "KMS" with kms_key_id; an explicit "NONE" is kept so rules see it.
    const Value* type = argument(body, "encryption_type");
    const Value* key = argument(body, "kms_key_id");
    if (type != nullptr || key != nullptr) {
        const SourceRange at = type ? type->range() : key->range();
        Value encryption = Value::map({}, at);
        copy(encryption, "EncryptionType", type);
        copy(encryption, "KeyId", key);
        properties.set("StreamEncryption", std::move(encryption), at);
    }
    set_block(properties, "StreamModeDetails", block(body, "stream_mode_details"),
              [](const Value& from, Value& to) {
                  copy(to, "StreamMode", argument(from, "stream_mode"));
              });
    copy_tags(properties, "Tags", body);
}

// Settings shared by Firehose destinations.
void cloudwatch_logging(const Value& from, Value& to) {
    set_block(to, "CloudWatchLoggingOptions", block(from, "cloudwatch_logging_options"),
              [](const Value& logging, Value& out) {
                  copy(out, "Enabled", argument(logging, "enabled"));
                  copy(out, "LogGroupName", argument(logging, "log_group_name"));
                  copy(out, "LogStreamName", argument(logging, "log_stream_name"));
              });
}

void vpc_configuration(const Value& from, Value& to) {
    set_block(to, "VpcConfiguration", block(from, "vpc_config"), [](const Value& vpc, Value& out) {
        copy(out, "SubnetIds", argument(vpc, "subnet_ids"));
        copy(out, "SecurityGroupIds", argument(vpc, "security_group_ids"));
        copy(out, "RoleARN", argument(vpc, "role_arn"));
    });
}

void extended_s3(const Value& from, Value& to) {
    copy(to, "BucketARN", argument(from, "bucket_arn"));
    copy(to, "RoleARN", argument(from, "role_arn"));
    copy(to, "Prefix", argument(from, "prefix"));
    copy(to, "ErrorOutputPrefix", argument(from, "error_output_prefix"));
    copy(to, "CompressionFormat", argument(from, "compression_format"));
    copy(to, "S3BackupMode", argument(from, "s3_backup_mode"));
    if (const Value* key = argument(from, "kms_key_arn")) {
        set_path(to, {"EncryptionConfiguration", "KMSEncryptionConfig", "AWSKMSKeyARN"}, *key);
    }
    cloudwatch_logging(from, to);
}

void redshift(const Value& from, Value& to) {
    copy(to, "ClusterJDBCURL", argument(from, "cluster_jdbcurl"));
    copy(to, "Username", argument(from, "username"));
    copy(to, "Password", argument(from, "password"));
    copy(to, "RoleARN", argument(from, "role_arn"));
    copy(to, "S3BackupMode", argument(from, "s3_backup_mode"));
    cloudwatch_logging(from, to);
}

void search_domain(const Value& from, Value& to) {
    copy(to, "DomainARN", argument(from, "domain_arn"));
    copy(to, "ClusterEndpoint", argument(from, "cluster_endpoint"));
    copy(to, "IndexName", argument(from, "index_name"));
    copy(to, "RoleARN", argument(from, "role_arn"));
    copy(to, "S3BackupMode", argument(from, "s3_backup_mode"));
    vpc_configuration(from, to);
    cloudwatch_logging(from, to);
}

void search_serverless(const Value& from, Value& to) {
    copy(to, "CollectionEndpoint", argument(from, "collection_endpoint"));
    copy(to, "IndexName", argument(from, "index_name"));
    copy(to, "RoleARN", argument(from, "role_arn"));
    copy(to, "S3BackupMode", argument(from, "s3_backup_mode"));
    vpc_configuration(from, to);
    cloudwatch_logging(from, to);
}

void splunk(const Value& from, Value& to) {
    copy(to, "HECEndpoint", argument(from, "hec_endpoint"));
    copy(to, "HECEndpointType", argument(from, "hec_endpoint_type"));
    copy(to, "HECToken", argument(from, "hec_token"));
    copy(to, "S3BackupMode", argument(from, "s3_backup_mode"));
    cloudwatch_logging(from, to);
}

void http_endpoint(const Value& from, Value& to) {
    Value endpoint = Value::map({}, from.range());
    copy(endpoint, "Url", argument(from, "url"));
    copy(endpoint, "Name", argument(from, "name"));
    copy(endpoint, "AccessKey", argument(from, "access_key"));
    to.set("EndpointConfiguration", std::move(endpoint), from.range());
    copy(to, "RoleARN", argument(from, "role_arn"));
    copy(to, "S3BackupMode", argument(from, "s3_backup_mode"));
    cloudwatch_logging(from, to);
}

void delivery_stream(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "DeliveryStreamName", argument(body, "name"));
    // Each destination block becomes the CloudFormation destination configuration of that name.
    set_block(properties, "ExtendedS3DestinationConfiguration",
              block(body, "extended_s3_configuration"), extended_s3);
    set_block(properties, "RedshiftDestinationConfiguration", block(body, "redshift_configuration"),
              redshift);
    set_block(properties, "AmazonopensearchserviceDestinationConfiguration",
              block(body, "opensearch_configuration"), search_domain);
    set_block(properties, "ElasticsearchDestinationConfiguration",
              block(body, "elasticsearch_configuration"), search_domain);
    set_block(properties, "AmazonOpenSearchServerlessDestinationConfiguration",
              block(body, "opensearchserverless_configuration"), search_serverless);
    set_block(properties, "SplunkDestinationConfiguration", block(body, "splunk_configuration"),
              splunk);
    set_block(properties, "HttpEndpointDestinationConfiguration",
              block(body, "http_endpoint_configuration"), http_endpoint);
    // Sources other than direct PUT.
    if (const Value* source = block(body, "kinesis_source_configuration")) {
        properties.set("DeliveryStreamType",
                       Value::string("KinesisStreamAsSource", source->range()), source->range());
        set_block(properties, "KinesisStreamSourceConfiguration", source,
                  [](const Value& from, Value& to) {
                      copy(to, "KinesisStreamARN", argument(from, "kinesis_stream_arn"));
                      copy(to, "RoleARN", argument(from, "role_arn"));
                  });
    }
    if (const Value* source = block(body, "msk_source_configuration")) {
        properties.set("DeliveryStreamType", Value::string("MSKAsSource", source->range()),
                       source->range());
        set_block(properties, "MSKSourceConfiguration", source, [](const Value& from, Value& to) {
            copy(to, "MSKClusterARN", argument(from, "msk_cluster_arn"));
            copy(to, "TopicName", argument(from, "topic_name"));
        });
    }
    // Server-side encryption of a direct-PUT stream. Without `enabled = true` there is none; the
    // provider sends key_type AWS_OWNED_CMK when it is omitted.
    if (const Value* sse = block(body, "server_side_encryption")) {
        const Value* enabled = sse->is_map() ? argument(*sse, "enabled") : sse;
        if (enabled != nullptr && enabled->is_unknown()) {
            properties.set("DeliveryStreamEncryptionConfigurationInput", *enabled,
                           enabled->range());
        } else if (enabled != nullptr && enabled->is_bool() && enabled->as_bool()) {
            Value encryption = Value::map({}, sse->range());
            if (const Value* type = argument(*sse, "key_type")) {
                copy(encryption, "KeyType", type);
            } else {
                encryption.set("KeyType", Value::string("AWS_OWNED_CMK", sse->range()),
                               sse->range());
            }
            copy(encryption, "KeyARN", argument(*sse, "key_arn"));
            properties.set("DeliveryStreamEncryptionConfigurationInput", std::move(encryption),
                           sse->range());
        }
    }
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_kinesis_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back({"aws_kinesis_stream", "AWS::Kinesis::Stream", stream});
    catalog.resources.push_back({"aws_kinesis_firehose_delivery_stream",
                                 "AWS::KinesisFirehose::DeliveryStream", delivery_stream});
}

}  // namespace bulwark::terraform
