#include "rules/check_evaluator.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "io/scalar.h"
#include "util/text.h"

namespace bulwark {
namespace {

std::optional<SourceRange> evidence_of(const Value& value) {
    if (value.range().valid()) return value.range();
    return std::nullopt;
}

std::optional<double> numeric(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (value.is_string()) return parse_decimal(value.as_string());
    return std::nullopt;
}

std::optional<bool> boolean(const Value& value) {
    if (value.is_bool()) return value.as_bool();
    if (value.is_string()) {
        if (iequals(value.as_string(), "true")) return true;
        if (iequals(value.as_string(), "false")) return false;
    }
    return std::nullopt;
}

// Equality as CloudFormation sees it: "22" equals 22 and "true" equals true.
bool loosely_equal(const Value& actual, const Value& expected) {
    if (expected.is_bool()) {
        auto b = boolean(actual);
        return b && *b == expected.as_bool();
    }
    if (expected.is_number()) {
        auto n = numeric(actual);
        return n && *n == expected.as_number();
    }
    if (expected.is_string()) {
        if (actual.is_string()) return actual.as_string() == expected.as_string();
        if (actual.is_number()) {
            auto n = parse_decimal(expected.as_string());
            return n && *n == actual.as_number();
        }
        if (actual.is_bool()) {
            auto b = boolean(expected);
            return b && *b == actual.as_bool();
        }
        return false;
    }
    return actual.same_as(expected);
}

Tri test(const Comparison& comparison, const Value& value) {
    if (value.is_unknown()) {
        // A reference to a resource certainly exists, whatever its value turns out to be.
        // So does a string of which some text is known (Fn::Sub, a template).
        if (comparison.op == CompareOp::Exists &&
            (!value.as_unknown().references.empty() || !value.as_unknown().partial.empty())) {
            return Tri::True;
        }
        return Tri::Unknown;
    }
    const Value& operand = comparison.operand;
    switch (comparison.op) {
        case CompareOp::Exists:
            return Tri::True;
        case CompareOp::Equals:
            return tri(loosely_equal(value, operand));
        case CompareOp::In:
            for (const Value& candidate : operand.as_list()) {
                if (loosely_equal(value, candidate)) return Tri::True;
            }
            return Tri::False;
        case CompareOp::Matches: {
            std::string text;
            if (value.is_string())
                text = value.as_string();
            else if (value.is_number())
                text = format_number(value.as_number());
            else if (value.is_bool())
                text = value.as_bool() ? "true" : "false";
            else
                return Tri::False;
            return tri(RE2::FullMatch(text, comparison.regex->get()));
        }
        case CompareOp::Gt:
        case CompareOp::Gte:
        case CompareOp::Lt:
        case CompareOp::Lte: {
            auto n = numeric(value);
            if (!n) return Tri::False;
            const double bound = operand.as_number();
            switch (comparison.op) {
                case CompareOp::Gt:
                    return tri(*n > bound);
                case CompareOp::Gte:
                    return tri(*n >= bound);
                case CompareOp::Lt:
                    return tri(*n < bound);
                default:
                    return tri(*n <= bound);
            }
        }
        case CompareOp::Contains:
            if (value.is_list()) {
                Tri result = Tri::False;
                for (const Value& item : value.as_list()) {
                    if (item.is_unknown())
                        result = tri_or(result, Tri::Unknown);
                    else if (loosely_equal(item, operand))
                        return Tri::True;
                }
                return result;
            }
            if (value.is_string() && operand.is_string()) {
                return tri(value.as_string().find(operand.as_string()) != std::string::npos);
            }
            return Tri::False;
        case CompareOp::LengthGte:
        case CompareOp::LengthLte: {
            double length = 0;
            if (value.is_list())
                length = static_cast<double>(value.as_list().size());
            else if (value.is_map())
                length = static_cast<double>(value.as_map().size());
            else if (value.is_string())
                length = static_cast<double>(value.as_string().size());
            else
                return Tri::False;
            return tri(comparison.op == CompareOp::LengthGte ? length >= operand.as_number()
                                                             : length <= operand.as_number());
        }
    }
    return Tri::Unknown;
}

Outcome negate(Outcome outcome) {
    outcome.value = tri_not(outcome.value);
    return outcome;
}

// Combines per-value results where every value must satisfy the test: the first false decides,
// then any unknown, else true (pointing at the first value).
struct EveryValue {
    Outcome result{Tri::True, std::nullopt};
    bool decided_false = false;
    bool any = false;

    void add(Tri value, std::optional<SourceRange> evidence, const std::string& detail = {}) {
        if (decided_false) return;
        if (!any) {
            result.evidence = evidence;
            result.detail = detail;
        }
        any = true;
        if (value == Tri::False) {
            result = {Tri::False, evidence, detail};
            decided_false = true;
        } else if (value == Tri::Unknown && result.value == Tri::True) {
            result = {Tri::Unknown, evidence, detail};
        }
    }
};

bool path_has_prefix(const std::string& via, const std::string& prefix) {
    return via == prefix || (via.size() > prefix.size() && via.starts_with(prefix) &&
                             (via[prefix.size()] == '.' || via[prefix.size()] == '['));
}

}  // namespace

Outcome CheckEvaluator::evaluate(const Condition& check, ResourceIndex index) const {
    const Resource& resource = graph_.resource(index);
    const ResourceView view(resource);
    return evaluate(check, view, index, resource.properties);
}

Outcome CheckEvaluator::evaluate(const Condition& condition, const ResourceView& resource,
                                 ResourceIndex index, const Value& current) const {
    return std::visit(
        [&](const auto& node) -> Outcome {
            using Node = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<Node, Comparison>) {
                return compare(node, resource, current);
            } else if constexpr (std::is_same_v<Node, Logic>) {
                return logic(node, resource, index, current);
            } else if constexpr (std::is_same_v<Node, Negation>) {
                return negate(evaluate(node.child.front(), resource, index, current));
            } else if constexpr (std::is_same_v<Node, BuiltinCall>) {
                return call(node, resource, current);
            } else {
                return connected(node, resource, index);
            }
        },
        condition.node);
}

Outcome CheckEvaluator::compare(const Comparison& comparison, const ResourceView& resource,
                                const Value& current) const {
    Selection selection;
    if (comparison.path) {
        selection = select(*comparison.path, current, resource);
    } else if (!current.is_null()) {
        selection.values.push_back(&current);
    }
    EveryValue every;
    for (const Value* value : selection.values)
        every.add(test(comparison, *value), evidence_of(*value));
    if (selection.unknown_at) every.add(Tri::Unknown, evidence_of(*selection.unknown_at));
    Outcome outcome = every.result;
    if (!every.any) {  // nothing selected: point at the block that lacks it, if any
        outcome = {Tri::False, selection.deepest ? evidence_of(*selection.deepest) : std::nullopt};
    }
    // `exists` holds when anything is there; an unknown on the way leaves it undecided.
    if (comparison.op == CompareOp::Exists) {
        if (!selection.values.empty()) {
            Tri found = Tri::Unknown;
            for (const Value* value : selection.values)
                found = tri_or(found, test(comparison, *value));
            outcome = {found, evidence_of(*selection.values.front())};
        } else if (selection.unknown_at) {
            outcome = {Tri::Unknown, evidence_of(*selection.unknown_at)};
        } else {
            outcome = {Tri::False,
                       selection.deepest ? evidence_of(*selection.deepest) : std::nullopt};
        }
    }
    return comparison.negate ? negate(outcome) : outcome;
}

Outcome CheckEvaluator::conjunction(const std::vector<Condition>& children,
                                    const ResourceView& resource, ResourceIndex index,
                                    const Value& current) const {
    Outcome result{Tri::True, std::nullopt};
    std::optional<SourceRange> first_unknown;
    bool unknown = false;
    for (const Condition& child : children) {
        Outcome outcome = evaluate(child, resource, index, current);
        if (outcome.value == Tri::False) return outcome;
        if (outcome.value == Tri::Unknown && !unknown) {
            unknown = true;
            first_unknown = outcome.evidence;
        }
        if (!result.evidence) result.evidence = outcome.evidence;
    }
    if (unknown) return {Tri::Unknown, first_unknown};
    return result;
}

Outcome CheckEvaluator::logic(const Logic& logic, const ResourceView& resource, ResourceIndex index,
                              const Value& current) const {
    // Without a path: the children are the operands.
    if (!logic.path) {
        if (logic.quantifier == Quantifier::All) {
            return conjunction(logic.children, resource, index, current);
        }
        Outcome found{Tri::False, std::nullopt};
        for (const Condition& child : logic.children) {
            Outcome outcome = evaluate(child, resource, index, current);
            if (outcome.value == Tri::True) {
                return logic.quantifier == Quantifier::Any ? outcome : negate(outcome);
            }
            if (outcome.value == Tri::Unknown && found.value != Tri::Unknown) {
                found = outcome;
            } else if (outcome.evidence && found.value == Tri::False) {
                // Rules list exemptions first and the requirement last; the last alternative
                // with something to point at is the most telling place.
                found.evidence = outcome.evidence;
            }
        }
        return logic.quantifier == Quantifier::Any ? found : negate(found);
    }
    // With a path: the children must hold for all / any / none of the selected values.
    const Selection selection = select(*logic.path, current, resource);
    Outcome unknown{Tri::Unknown, std::nullopt};
    bool saw_unknown = false;
    if (selection.unknown_at) {
        saw_unknown = true;
        unknown.evidence = evidence_of(*selection.unknown_at);
    }
    std::optional<SourceRange> first_evidence;
    for (const Value* value : selection.values) {
        Outcome outcome = conjunction(logic.children, resource, index, *value);
        if (!outcome.evidence) outcome.evidence = evidence_of(*value);
        if (!first_evidence) first_evidence = outcome.evidence;
        if (outcome.value == Tri::Unknown) {
            if (!saw_unknown) unknown.evidence = outcome.evidence;
            saw_unknown = true;
            continue;
        }
        const bool holds = outcome.value == Tri::True;
        switch (logic.quantifier) {
            case Quantifier::All:
                if (!holds) return outcome;
                break;
            case Quantifier::Any:
                if (holds) return outcome;
                break;
            case Quantifier::None:
                if (holds) return {Tri::False, outcome.evidence, outcome.detail};
                break;
        }
    }
    if (saw_unknown) return unknown;
    return {logic.quantifier == Quantifier::Any ? Tri::False : Tri::True, first_evidence};
}

Outcome CheckEvaluator::run_builtin(const BuiltinCall& call, const Value& subject,
                                    const BuiltinContext& context) const {
    Outcome outcome = call.builtin->evaluate(subject, call.args, context);
    if (partial_scan_ && call.builtin->scan_wide && outcome.value == Tri::False) {
        outcome.value = Tri::Unknown;
        outcome.detail = "what it needs may be in files outside the changed files";
    }
    return outcome;
}

Outcome CheckEvaluator::call(const BuiltinCall& call, const ResourceView& resource,
                             const Value& current) const {
    const BuiltinContext context{graph_, resource.resource};
    if (!call.path) return run_builtin(call, current, context);
    const Selection selection = select(*call.path, current, resource);
    EveryValue every;
    for (const Value* value : selection.values) {
        Outcome outcome = run_builtin(call, *value, context);
        every.add(outcome.value, outcome.evidence ? outcome.evidence : evidence_of(*value),
                  outcome.detail);
    }
    if (selection.unknown_at) every.add(Tri::Unknown, evidence_of(*selection.unknown_at));
    if (!every.any) return {Tri::False, std::nullopt};
    return every.result;
}

Outcome CheckEvaluator::connected(const Connected& connected, const ResourceView& resource,
                                  ResourceIndex index) const {
    auto type_matches = [&](const Resource& other) {
        return std::any_of(
            connected.types.begin(), connected.types.end(),
            [&](const std::string& t) { return other.type == t || other.native_type == t; });
    };
    std::vector<ResourceIndex> related;
    auto consider = [&](const Edge& edge, ResourceIndex other, bool other_is_source) {
        if (connected.via) {
            // `via` names the property of the referring resource.
            const bool via_on_other = other_is_source;
            if (via_on_other != (connected.direction != Direction::Out)) return;
            if (!path_has_prefix(edge.via, connected.via->text)) return;
        }
        if (!type_matches(graph_.resource(other))) return;
        if (std::find(related.begin(), related.end(), other) == related.end()) {
            related.push_back(other);
        }
    };
    if (connected.direction != Direction::Out) {
        for (std::uint32_t e : graph_.in_edges(index)) {
            consider(graph_.edges()[e], graph_.edges()[e].from, true);
        }
    }
    if (connected.direction != Direction::In) {
        for (std::uint32_t e : graph_.out_edges(index)) {
            consider(graph_.edges()[e], graph_.edges()[e].to, false);
        }
    }
    std::sort(related.begin(), related.end());

    Tri result = connected.quantifier == Quantifier::Any ? Tri::False : Tri::True;
    for (ResourceIndex other : related) {
        const Resource& related_resource = graph_.resource(other);
        const ResourceView view(related_resource);
        const Outcome outcome =
            conjunction(connected.children, view, other, related_resource.properties);
        switch (connected.quantifier) {
            case Quantifier::Any:
                if (outcome.value == Tri::True) return {Tri::True, std::nullopt};
                result = tri_or(result, outcome.value);
                break;
            case Quantifier::All:
                if (outcome.value == Tri::False) return {Tri::False, std::nullopt, outcome.detail};
                result = tri_and(result, outcome.value);
                break;
            case Quantifier::None:
                if (outcome.value == Tri::True) return {Tri::False, std::nullopt, outcome.detail};
                result = tri_and(result, tri_not(outcome.value));
                break;
        }
    }
    // A resource of the related type whose reference Bulwark could not resolve may be attached to
    // this one: "not found" is then undecided rather than false.
    if (connected.quantifier == Quantifier::Any && result == Tri::False && connected.via &&
        connected.direction != Direction::Out) {
        const Resource& self = resource.resource;
        for (const std::string& type : connected.types) {
            for (ResourceIndex candidate : graph_.of_type(type)) {
                const Resource& other = graph_.resource(candidate);
                if (other.scope != self.scope || candidate == index) continue;
                const ResourceView view(other);
                const Selection target = select(*connected.via, other.properties, view);
                bool dangling = target.unknown_at != nullptr;
                for (const Value* value : target.values) {
                    if (!value->is_unknown()) continue;
                    bool resolved = false;
                    for (const Reference& reference : value->as_unknown().references) {
                        resolved =
                            resolved || graph_.find(other.scope, reference.target).has_value();
                    }
                    dangling = dangling || !resolved;
                }
                if (dangling) return {Tri::Unknown, std::nullopt};
            }
        }
    }
    return {result, std::nullopt};
}

}  // namespace bulwark
