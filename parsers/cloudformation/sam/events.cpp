// Event sources of AWS::Serverless::Function, as SAM documents the resources each one generates:
// Api / HttpApi routes (and their permissions), S3 notifications, SQS / Kinesis / DynamoDB / MQ /
// MSK event source mappings, SNS subscriptions, EventBridge rules and log subscriptions.
#include <array>

#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {
namespace {

struct Event {
    std::string name;
    std::string type;
    const Value* properties;  // a map (possibly empty)
    SourceRange at;
};

// Poll-based sources: the property naming the source and the managed policy SAM attaches.
struct PollSource {
    std::string_view type;
    std::string_view source_property;
    std::string_view managed_policy;  // empty: none
};
constexpr std::array<PollSource, 7> kPollSources = {{
    {"SQS", "Queue", "service-role/AWSLambdaSQSQueueExecutionRole"},
    {"Kinesis", "Stream", "service-role/AWSLambdaKinesisExecutionRole"},
    {"DynamoDB", "Stream", "service-role/AWSLambdaDynamoDBExecutionRole"},
    {"MSK", "Stream", "service-role/AWSLambdaMSKExecutionRole"},
    {"MQ", "Broker", ""},
    {"DocumentDB", "Cluster", ""},
    {"SelfManagedKafka", "", ""},
}};

Value permission(const SamResource& function, std::string principal, Value source_arn,
                 const SourceRange& at) {
    Value properties = object(at);
    properties.set("Action", text("lambda:InvokeFunction", at), at);
    properties.set("FunctionName", ref(function.id, at), at);
    properties.set("Principal", text(std::move(principal), at), at);
    if (!source_arn.is_null()) properties.set("SourceArn", std::move(source_arn), at);
    return properties;
}

// The API an event attaches to: the logical ID behind `{Ref: Api}`, "" for the implicit API.
std::optional<std::string> api_of(const Event& event, std::string_view key, Expansion& expansion) {
    const Value* api = event.properties->find(key);
    if (api == nullptr) return std::string();
    if (api->is_map() && api->as_map().size() == 1 && api->as_map().front().key == "Ref" &&
        api->as_map().front().value.is_string()) {
        return api->as_map().front().value.as_string();
    }
    expansion.note(api->range(),
                   "SAM needs " + std::string(key) + " to be a Ref to an API of this template");
    return std::nullopt;
}

void add_route(const SamResource& function, const Event& event, bool http, Expansion& expansion) {
    auto api = api_of(event, http ? "ApiId" : "RestApiId", expansion);
    if (!api) return;
    Route route{function.id,
                event.name,
                Value::null(event.at),
                Value::null(event.at),
                event.properties->find("Auth"),
                event.at};
    if (const Value* path = event.properties->find("Path")) route.path = *path;
    if (const Value* method = event.properties->find("Method")) route.method = *method;
    (http ? expansion.http_routes : expansion.rest_routes).emplace_back(*api, route);
    const std::string api_id = !api->empty() ? *api
                               : http        ? "ServerlessHttpApi"
                                             : "ServerlessRestApi";
    Value variables = object(event.at);
    variables.set("__ApiId__", ref(api_id, event.at), event.at);
    Value arn =
        sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/*",
            std::move(variables), event.at);
    const std::string suffix = http || !api->empty() ? "" : "Prod";
    expansion.add(function, function.id + event.name + "Permission" + suffix,
                  "AWS::Lambda::Permission",
                  permission(function, "apigateway.amazonaws.com", std::move(arn), event.at));
}

void add_poll_source(const SamResource& function, const Event& event, const PollSource& source,
                     Value& managed, Expansion& expansion) {
    Value properties = object(event.at);
    for (const Value::Entry& entry : event.properties->as_map()) {
        const bool source_key =
            !source.source_property.empty() && entry.key == source.source_property;
        properties.set(source_key ? "EventSourceArn" : entry.key, entry.value, entry.key_range);
    }
    properties.set("FunctionName", ref(function.id, event.at), event.at);
    expansion.add(function, function.id + event.name, "AWS::Lambda::EventSourceMapping",
                  std::move(properties));
    if (!source.managed_policy.empty()) {
        managed.as_list().push_back(aws_managed_policy(source.managed_policy, event.at));
    }
}

void add_rule(const SamResource& function, const Event& event, Expansion& expansion) {
    const SourceRange& at = event.at;
    Value properties = object(at);
    const Value& p = *event.properties;
    if (const Value::Entry* schedule = p.find_entry("Schedule")) {
        properties.set("ScheduleExpression", schedule->value, schedule->key_range);
    }
    if (const Value::Entry* pattern = p.find_entry("Pattern")) {
        properties.set("EventPattern", pattern->value, pattern->key_range);
    }
    for (std::string_view name : {"EventBusName", "Name", "Description", "State"}) {
        if (const Value::Entry* entry = p.find_entry(name)) {
            properties.set(std::string(name), entry->value, entry->key_range);
        }
    }
    if (const Value::Entry* enabled = p.find_entry("Enabled");
        enabled && enabled->value.is_bool()) {
        properties.set("State",
                       text(enabled->value.as_bool() ? "ENABLED" : "DISABLED", enabled->key_range),
                       enabled->key_range);
    }
    Value target = object(at);
    target.set("Arn", get_att(function.id, "Arn", at), at);
    target.set("Id", text(function.id + event.name + "LambdaTarget", at), at);
    if (const Value::Entry* input = p.find_entry("Input"))
        target.set("Input", input->value, input->key_range);
    if (const Value::Entry* dlq = p.find_entry("DeadLetterConfig")) {
        target.set("DeadLetterConfig", dlq->value, dlq->key_range);
    }
    if (const Value::Entry* retry = p.find_entry("RetryPolicy")) {
        target.set("RetryPolicy", retry->value, retry->key_range);
    }
    properties.set("Targets", list_of({std::move(target)}, at), at);
    const std::string rule_id = function.id + event.name;
    expansion.add(function, rule_id, "AWS::Events::Rule", std::move(properties));
    expansion.add(function, rule_id + "Permission", "AWS::Lambda::Permission",
                  permission(function, "events.amazonaws.com", get_att(rule_id, "Arn", at), at));
}

void add_s3(const SamResource& function, const Event& event, Expansion& expansion) {
    const SourceRange& at = event.at;
    const Value* bucket = event.properties->find("Bucket");
    Value properties = permission(function, "s3.amazonaws.com", Value::null(at), at);
    properties.set("SourceAccount", ref("AWS::AccountId", at), at);
    expansion.add(function, function.id + event.name + "Permission", "AWS::Lambda::Permission",
                  std::move(properties));
    if (bucket == nullptr || !bucket->is_map() || bucket->as_map().size() != 1 ||
        bucket->as_map().front().key != "Ref" || !bucket->as_map().front().value.is_string()) {
        expansion.note(bucket ? bucket->range() : at,
                       "SAM needs the S3 event's Bucket to be a Ref to a bucket of this template");
        return;
    }
    std::vector<Value> events;
    if (const Value* written = event.properties->find("Events")) {
        if (written->is_list()) {
            events = written->as_list();
        } else {
            events.push_back(*written);
        }
    }
    for (Value& name : events) {
        Value configuration = object(at);
        configuration.set("Event", std::move(name), at);
        configuration.set("Function", get_att(function.id, "Arn", at), at);
        if (const Value::Entry* filter = event.properties->find_entry("Filter")) {
            configuration.set("Filter", filter->value, filter->key_range);
        }
        expansion.bucket_notifications.emplace_back(bucket->as_map().front().value.as_string(),
                                                    std::move(configuration));
    }
}

void add_sns(const SamResource& function, const Event& event, Expansion& expansion) {
    const SourceRange& at = event.at;
    const Value* topic = event.properties->find("Topic");
    Value properties = object(at);
    properties.set("Protocol", text("lambda", at), at);
    properties.set("Endpoint", get_att(function.id, "Arn", at), at);
    if (topic) properties.set("TopicArn", *topic, topic->range());
    for (std::string_view name : {"FilterPolicy", "FilterPolicyScope", "Region", "RedrivePolicy"}) {
        if (const Value::Entry* entry = event.properties->find_entry(name)) {
            properties.set(std::string(name), entry->value, entry->key_range);
        }
    }
    expansion.add(function, function.id + event.name, "AWS::SNS::Subscription",
                  std::move(properties));
    expansion.add(function, function.id + event.name + "Permission", "AWS::Lambda::Permission",
                  permission(function, "sns.amazonaws.com", topic ? *topic : Value::null(at), at));
}

void add_log_subscription(const SamResource& function, const Event& event, Expansion& expansion) {
    const SourceRange& at = event.at;
    Value properties = object(at);
    for (std::string_view name : {"LogGroupName", "FilterPattern"}) {
        if (const Value::Entry* entry = event.properties->find_entry(name)) {
            properties.set(std::string(name), entry->value, entry->key_range);
        }
    }
    properties.set("DestinationArn", get_att(function.id, "Arn", at), at);
    expansion.add(function, function.id + event.name, "AWS::Logs::SubscriptionFilter",
                  std::move(properties));
    expansion.add(function, function.id + event.name + "Permission", "AWS::Lambda::Permission",
                  permission(function, "logs.amazonaws.com", Value::null(at), at));
}

}  // namespace

void expand_function_events(const SamResource& function, Value& managed, Expansion& expansion) {
    const Value* events = function.property("Events");
    if (events == nullptr || !events->is_map() || is_intrinsic(*events)) return;
    static const Value kEmpty = Value::map({});
    for (const Value::Entry& entry : events->as_map()) {
        const Value* type = entry.value.find("Type");
        if (type == nullptr || !type->is_string()) {
            expansion.note(entry.key_range, "SAM event " + entry.key + " needs a Type",
                           DiagnosticSeverity::Warning);
            continue;
        }
        const Value* properties = entry.value.find("Properties");
        Event event{entry.key, type->as_string(),
                    properties && properties->is_map() ? properties : &kEmpty, entry.key_range};
        const std::string& kind = event.type;
        if (kind == "Api" || kind == "HttpApi") {
            add_route(function, event, kind == "HttpApi", expansion);
        } else if (kind == "S3") {
            add_s3(function, event, expansion);
        } else if (kind == "SNS") {
            add_sns(function, event, expansion);
        } else if (kind == "Schedule" || kind == "CloudWatchEvent" || kind == "EventBridgeRule") {
            add_rule(function, event, expansion);
        } else if (kind == "CloudWatchLogs") {
            add_log_subscription(function, event, expansion);
        } else {
            bool poll = false;
            for (const PollSource& source : kPollSources) {
                if (source.type == kind) {
                    add_poll_source(function, event, source, managed, expansion);
                    poll = true;
                }
            }
            if (!poll) {
                expansion.note(entry.key_range, "SAM event type " + kind + " of " + function.id +
                                                    " is not expanded by Bulwark");
            }
        }
    }
}

}  // namespace bulwark::cloudformation::sam
