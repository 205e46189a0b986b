#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/source_range.h"
#include "model/value.h"
#include "rules/lazy_regex.h"
#include "rules/path.h"

namespace bulwark {

struct Builtin;
struct Condition;

enum class CompareOp {
    Exists,
    Equals,
    In,
    Matches,
    Gt,
    Gte,
    Lt,
    Lte,
    Contains,
    LengthGte,
    LengthLte,
};

// `{path: P, equals: V}` and friends. Negated operators (not_equals, not_in, not_matches,
// exists: false) are their positive form with `negate`.
struct Comparison {
    std::optional<Path> path;
    CompareOp op = CompareOp::Equals;
    bool negate = false;
    Value operand;
    std::shared_ptr<const LazyRegex> regex;
};

enum class Quantifier { All, Any, None };

// all / any / none over child conditions; with `path`, once per value the path selects.
struct Logic {
    Quantifier quantifier = Quantifier::All;
    std::optional<Path> path;
    std::vector<Condition> children;
};

struct Negation {
    std::vector<Condition> child;  // exactly one
};

struct BuiltinCall {
    std::optional<Path> path;
    const Builtin* builtin = nullptr;
    Value args;
};

enum class Direction { In, Out, Any };

// A condition on the resources linked to this one by graph edges.
struct Connected {
    std::vector<std::string> types;
    Direction direction = Direction::Any;
    std::optional<Path> via;
    Quantifier quantifier = Quantifier::Any;
    std::vector<Condition> children;  // all must hold on a related resource
};

struct Condition {
    std::variant<Comparison, Logic, Negation, BuiltinCall, Connected> node;
    SourceRange range;  // where the condition is written in the rule file
};

}  // namespace bulwark
