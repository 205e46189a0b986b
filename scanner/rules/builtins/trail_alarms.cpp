// The CIS monitoring set: a CloudTrail trail's log group has a metric filter for a set of events,
// and an alarm with an action watches the filter's metric.
//
// The chain crosses resources that name each other by reference or by literal name (a filter names
// its log group, an alarm names the filter's metric by name and namespace), so it is followed here
// over the whole graph rather than through `connected` edges.

#include <algorithm>
#include <string>
#include <vector>

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;

constexpr std::string_view kLogGroup = "AWS::Logs::LogGroup";
constexpr std::string_view kMetricFilter = "AWS::Logs::MetricFilter";
constexpr std::string_view kAlarm = "AWS::CloudWatch::Alarm";

// A filter pattern term with whitespace and double quotes removed, so that
// `$.eventName = "ConsoleLogin"` and `$.eventName=ConsoleLogin` compare equal.
std::string canonical_term(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '"') out.push_back(c);
    }
    return out;
}

// The comparison terms of a filter pattern: the pattern split at &&, ||, parentheses and braces.
std::vector<std::string> pattern_terms(std::string_view pattern) {
    std::vector<std::string> terms;
    std::string current;
    auto flush = [&] {
        std::string term = canonical_term(current);
        if (!term.empty()) terms.push_back(std::move(term));
        current.clear();
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        const bool pair = i + 1 < pattern.size() && pattern[i + 1] == c;
        if ((c == '&' || c == '|') && pair) {
            flush();
            ++i;
        } else if (c == '(' || c == ')' || c == '{' || c == '}') {
            flush();
        } else {
            current.push_back(c);
        }
    }
    flush();
    return terms;
}

// Every required term appears in the pattern.
Tri pattern_covers(const Value* pattern, const std::vector<std::string>& required) {
    if (pattern == nullptr) return Tri::False;
    if (pattern->is_unknown()) return Tri::Unknown;
    if (!pattern->is_string()) return Tri::False;
    const std::vector<std::string> terms = pattern_terms(pattern->as_string());
    return tri(std::all_of(required.begin(), required.end(), [&](const std::string& term) {
        return std::find(terms.begin(), terms.end(), term) != terms.end();
    }));
}

// The log group a CloudWatch Logs ARN names: arn:aws:logs:region:account:log-group:NAME[:*].
std::optional<std::string> group_name_of_arn(const std::string& arn) {
    const std::string marker = ":log-group:";
    const std::size_t at = arn.find(marker);
    if (at == std::string::npos) return std::nullopt;
    std::string name = arn.substr(at + marker.size());
    if (name.ends_with(":*")) name.resize(name.size() - 2);
    return name;
}

// The resources an unknown value refers to, in `scope`.
std::vector<ResourceIndex> referenced(const Graph& graph, const std::string& scope,
                                      const Value& value) {
    std::vector<ResourceIndex> out;
    if (!value.is_unknown()) return out;
    for (const Reference& reference : value.as_unknown().references) {
        if (auto target = graph.find(scope, reference.target)) out.push_back(*target);
    }
    return out;
}

// The trail's log group, as graph resources and as literal names.
struct TrailGroup {
    std::vector<ResourceIndex> resources;
    std::vector<std::string> names;
};

TrailGroup trail_group(const Value& arn, const BuiltinContext& context) {
    TrailGroup group;
    for (ResourceIndex index : referenced(context.graph, context.resource.scope, arn)) {
        const Resource& target = context.graph.resource(index);
        if (target.type != kLogGroup) continue;
        group.resources.push_back(index);
        const Value* name = target.properties.find("LogGroupName");
        if (name && name->is_string()) group.names.push_back(name->as_string());
    }
    if (arn.is_string()) {
        if (auto name = group_name_of_arn(arn.as_string())) group.names.push_back(*name);
    }
    return group;
}

// The filter writes to the trail's log group.
Tri on_group(const Graph& graph, const Resource& filter, const TrailGroup& group) {
    const Value* name = filter.properties.find("LogGroupName");
    if (name == nullptr) return Tri::False;
    if (name->is_string()) {
        return tri(std::find(group.names.begin(), group.names.end(), name->as_string()) !=
                   group.names.end());
    }
    if (!name->is_unknown()) return Tri::False;
    const std::vector<ResourceIndex> targets = referenced(graph, filter.scope, *name);
    if (targets.empty()) return Tri::Unknown;  // a name Bulwark cannot see
    for (ResourceIndex target : targets) {
        if (std::find(group.resources.begin(), group.resources.end(), target) !=
            group.resources.end()) {
            return Tri::True;
        }
    }
    return Tri::False;
}

// A string equal to `expected`; Unknown when the value is.
Tri same_string(const Value* value, const Value* expected) {
    if (value == nullptr || expected == nullptr) return Tri::False;
    if (value->is_unknown() || expected->is_unknown()) return Tri::Unknown;
    return tri(value->is_string() && expected->is_string() &&
               value->as_string() == expected->as_string());
}

// The alarm reads the metric (name and namespace) that `transformation` of `filter` publishes.
Tri alarm_reads(const Graph& graph, const Resource& alarm, ResourceIndex filter_index,
                const Value& transformation) {
    const Value* metric = transformation.find("MetricName");
    const Value* space = transformation.find("MetricNamespace");
    auto reads = [&](const Value* name, const Value* name_space) {
        if (name == nullptr) return Tri::False;
        // `metric_name = aws_cloudwatch_log_metric_filter.x.metric_transformation[0].name`
        for (ResourceIndex target : referenced(graph, alarm.scope, *name)) {
            if (target == filter_index) return Tri::True;
        }
        return tri_and(same_string(name, metric), same_string(name_space, space));
    };
    Tri result = reads(alarm.properties.find("MetricName"), alarm.properties.find("Namespace"));
    if (const Value* queries = alarm.properties.find("Metrics"); queries && queries->is_list()) {
        for (const Value& query : queries->as_list()) {
            const Value* inner = query.find("MetricStat");
            inner = inner ? inner->find("Metric") : nullptr;
            if (inner != nullptr) {
                result = tri_or(result, reads(inner->find("MetricName"), inner->find("Namespace")));
            }
        }
    }
    return result;
}

// The alarm notifies someone: at least one alarm action, and actions not switched off.
Tri alarm_acts(const Resource& alarm) {
    const Value* enabled = alarm.properties.find("ActionsEnabled");
    if (enabled != nullptr && enabled->is_bool() && !enabled->as_bool()) return Tri::False;
    const Value* actions = alarm.properties.find("AlarmActions");
    if (actions == nullptr) return Tri::False;
    if (actions->is_unknown()) return Tri::Unknown;
    if (actions->is_string()) return tri(!actions->as_string().empty());
    if (!actions->is_list()) return Tri::False;
    return tri(!actions->as_list().empty());
}

Outcome trail_metric_alarm(const Value& subject, const Value& args, const BuiltinContext& context) {
    const Graph& graph = context.graph;
    const TrailGroup group = trail_group(subject, context);
    if (group.resources.empty() && group.names.empty()) {
        return {Tri::Unknown, evidence_of(subject)};  // the group is defined elsewhere
    }
    std::vector<std::string> required;
    for (const Value& term : args.find("events")->as_list()) {
        required.push_back(canonical_term(term.as_string()));
    }
    Tri result = Tri::False;
    for (ResourceIndex filter_index : graph.of_type(kMetricFilter)) {
        const Resource& filter = graph.resource(filter_index);
        const Tri candidate =
            tri_and(on_group(graph, filter, group),
                    pattern_covers(filter.properties.find("FilterPattern"), required));
        if (candidate == Tri::False) continue;
        const Value* transformations = filter.properties.find("MetricTransformations");
        if (transformations == nullptr) continue;
        if (!transformations->is_list()) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        Tri watched = Tri::False;
        for (const Value& transformation : transformations->as_list()) {
            if (!transformation.is_map()) {
                watched = tri_or(watched, Tri::Unknown);
                continue;
            }
            for (ResourceIndex alarm_index : graph.of_type(kAlarm)) {
                const Resource& alarm = graph.resource(alarm_index);
                watched =
                    tri_or(watched, tri_and(alarm_reads(graph, alarm, filter_index, transformation),
                                            alarm_acts(alarm)));
            }
        }
        result = tri_or(result, tri_and(candidate, watched));
        if (result == Tri::True) break;
    }
    return {result, evidence_of(subject)};
}

std::optional<std::string> validate_events(const Value& args) {
    const Value* events = args.is_map() ? args.find("events") : nullptr;
    if (events == nullptr || !events->is_list() || events->as_list().empty()) {
        return std::string("needs args: {events: [filter pattern terms, ...]}");
    }
    for (const Value& term : events->as_list()) {
        if (!term.is_string() || canonical_term(term.as_string()).empty()) {
            return std::string(
                "events must be non-empty strings such as '$.eventName = StopLogging'");
        }
    }
    for (const Value::Entry& entry : args.as_map()) {
        if (entry.key != "events") return "unknown argument '" + entry.key + "'";
    }
    return std::nullopt;
}

}  // namespace

void add_trail_alarm_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"trail_metric_alarm",
         "applied to a trail's CloudWatchLogsLogGroupArn: a metric filter on that log group whose "
         "pattern contains every term of args.events feeds a metric that an alarm with an action "
         "watches",
         trail_metric_alarm,
         validate_events,
         /*sensitive=*/false,
         /*scan_wide=*/true,
         {"AWS::CloudTrail::Trail", kMetricFilter, kAlarm}},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
