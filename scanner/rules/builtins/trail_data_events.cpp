// Whether CloudTrail records data events (object-level S3 operations, Lambda invocations) for a
// resource type, on this trail or on another trail of the same scan.

#include <string>

#include "rules/builtins/builtin_support.h"
#include "rules/builtins/families.h"

namespace bulwark {
namespace {

using namespace builtin_support;

constexpr std::string_view kTrail = "AWS::CloudTrail::Trail";

// A string (or a list holding a string) equal to `wanted`.
Tri names(const Value* value, const std::string& wanted) {
    return any_string(value, [&](const std::string& s) { return s == wanted; });
}

// Basic event selectors: EventSelectors[*].DataResources[*].Type.
Tri basic_selectors(const Value* selectors, const std::string& type) {
    if (selectors == nullptr) return Tri::False;
    if (selectors->is_unknown()) return Tri::Unknown;
    if (!selectors->is_list()) return Tri::False;
    Tri result = Tri::False;
    for (const Value& selector : selectors->as_list()) {
        if (selector.is_unknown()) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        const Value* resources = selector.find("DataResources");
        if (resources == nullptr) continue;
        if (resources->is_unknown()) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        if (!resources->is_list()) continue;
        for (const Value& resource : resources->as_list()) {
            result = tri_or(
                result, resource.is_unknown() ? Tri::Unknown : names(resource.find("Type"), type));
        }
    }
    return result;
}

// Advanced event selectors: a selector whose field selectors say eventCategory = Data and
// resources.type = the type.
Tri advanced_selectors(const Value* selectors, const std::string& type) {
    if (selectors == nullptr) return Tri::False;
    if (selectors->is_unknown()) return Tri::Unknown;
    if (!selectors->is_list()) return Tri::False;
    Tri result = Tri::False;
    for (const Value& selector : selectors->as_list()) {
        const Value* fields = selector.is_map() ? selector.find("FieldSelectors") : nullptr;
        if (selector.is_unknown() || (fields && fields->is_unknown())) {
            result = tri_or(result, Tri::Unknown);
            continue;
        }
        if (fields == nullptr || !fields->is_list()) continue;
        Tri data = Tri::False;
        Tri of_type = Tri::False;
        for (const Value& field : fields->as_list()) {
            const Value* name = field.find("Field");
            if (name == nullptr || field.is_unknown() || name->is_unknown()) {
                data = tri_or(data, Tri::Unknown);
                continue;
            }
            if (!name->is_string()) continue;
            if (name->as_string() == "eventCategory") {
                data = tri_or(data, names(field.find("Equals"), "Data"));
            } else if (name->as_string() == "resources.type") {
                of_type = tri_or(of_type, names(field.find("Equals"), type));
            }
        }
        result = tri_or(result, tri_and(data, of_type));
    }
    return result;
}

Tri trail_records(const Value& trail, const std::string& type) {
    return tri_or(basic_selectors(trail.find("EventSelectors"), type),
                  advanced_selectors(trail.find("AdvancedEventSelectors"), type));
}

// trail_records_data_events: the subject is a trail's properties.
Outcome trail_records_data_events(const Value& subject, const Value& args,
                                  const BuiltinContext& context) {
    const std::string type = args.find("type")->as_string();
    Tri result = trail_records(subject, type);
    if (result == Tri::True) return {result, std::nullopt};
    for (ResourceIndex index : context.graph.of_type(kTrail)) {
        const Resource& other = context.graph.resource(index);
        if (&other == &context.resource) continue;
        result = tri_or(result, trail_records(other.properties, type));
        if (result == Tri::True) break;
    }
    return {result, std::nullopt};
}

std::optional<std::string> validate_type(const Value& args) {
    const Value* type = args.is_map() ? args.find("type") : nullptr;
    if (type == nullptr || !type->is_string() || args.as_map().size() != 1) {
        return std::string("needs args: {type: AWS::S3::Object} (a data resource type)");
    }
    return std::nullopt;
}

}  // namespace

void add_trail_data_event_builtins(std::vector<Builtin>& out) {
    const Builtin table[] = {
        {"trail_records_data_events",
         "applied to a trail: it, or another trail of the scan, records data events of args.type "
         "(basic or advanced event selectors)",
         trail_records_data_events,
         validate_type,
         /*sensitive=*/false,
         /*scan_wide=*/true,
         {kTrail}},
    };
    out.insert(out.end(), std::begin(table), std::end(table));
}

}  // namespace bulwark
