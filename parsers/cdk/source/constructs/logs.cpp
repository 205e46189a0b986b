// aws_logs: LogGroup (retention with CDK's two-year default, KMS key).
#include "parsers/cdk/source/synth.h"

namespace bulwark::cdk {
namespace {

struct Retention {
    std::string_view member;
    int days;
};
constexpr Retention kRetention[] = {
    {"ONE_DAY", 1},           {"THREE_DAYS", 3},        {"FIVE_DAYS", 5},
    {"ONE_WEEK", 7},          {"TWO_WEEKS", 14},        {"ONE_MONTH", 30},
    {"TWO_MONTHS", 60},       {"THREE_MONTHS", 90},     {"FOUR_MONTHS", 120},
    {"FIVE_MONTHS", 150},     {"SIX_MONTHS", 180},      {"ONE_YEAR", 365},
    {"THIRTEEN_MONTHS", 400}, {"EIGHTEEN_MONTHS", 545}, {"TWO_YEARS", 731},
    {"THREE_YEARS", 1096},    {"FIVE_YEARS", 1827},     {"SIX_YEARS", 2192},
    {"SEVEN_YEARS", 2557},    {"EIGHT_YEARS", 2922},    {"NINE_YEARS", 3288},
    {"TEN_YEARS", 3653},
};

void log_group(Synth& s) {
    Value& p = s.emit("AWS::Logs::LogGroup");
    if (const Sym* v = s.prop("log_group_name")) Synth::set(p, "LogGroupName", to_value(*v));
    if (const Sym* v = s.prop("encryption_key")) {
        const Object* k = object_of(v);
        Synth::set(p, "KmsKeyId", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
    const Sym* retention = s.prop("retention");
    if (retention == nullptr) {
        Synth::set(p, "RetentionInDays", s.fallback(Value::number(731)));
    } else if (auto member = member_of(retention, "RetentionDays")) {
        for (const Retention& r : kRetention) {
            if (r.member == *member) {
                Synth::set(p, "RetentionInDays", Value::number(r.days, retention->range));
            }
        }
        // INFINITE: no RetentionInDays at all.
    } else {
        Synth::set(p, "RetentionInDays", to_value(*retention));
    }
    apply_removal_policy(s, *s.primary_of(s.self()), "Retain");
}

}  // namespace

void add_logs_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_logs.LogGroup", log_group});
}

}  // namespace bulwark::cdk
