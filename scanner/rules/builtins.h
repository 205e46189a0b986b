#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/graph.h"
#include "model/tri.h"
#include "model/value.h"

namespace bulwark {

// The result of evaluating a condition, with the value that decided it (for the finding's
// location) when there is one.
struct Outcome {
    // A constructor rather than aggregate initialisation, so that `{value, evidence}` stays valid
    // (and warning-free) in every built-in now that a detail may follow.
    Outcome() = default;
    Outcome(Tri v, std::optional<SourceRange> e = std::nullopt, std::string d = {})
        : value(v), evidence(std::move(e)), detail(std::move(d)) {}

    Tri value = Tri::Unknown;
    std::optional<SourceRange> evidence;
    // What a built-in found, in plain words ("statement 'Admin' (#1) allows * on *"); it is added
    // to the finding's message. Empty for declarative conditions.
    std::string detail;
};

struct BuiltinContext {
    const Graph& graph;
    const Resource& resource;  // the resource whose value is being tested
};

// A named C++ check that rules call with `{builtin: name, args: {...}}`.
struct Builtin {
    std::string_view name;
    std::string_view summary;
    Outcome (*evaluate)(const Value& subject, const Value& args, const BuiltinContext& context);
    // A message saying what is wrong with `args`, or nullopt when they are valid.
    std::optional<std::string> (*validate)(const Value& args);
    // The values it tests may be secrets: the findings of rules that call it are marked
    // sensitive, and reporters must not quote the source at their location.
    bool sensitive = false;
    // It looks beyond the checked resource, anywhere in the scan (account-level questions such as
    // "does any trail record S3 data events"). When the scan holds only part of the repository
    // (changed-files mode) it cannot fail for sure; `scan --shard` keeps every file declaring
    // `scan_wide_types` (besides args.types), or the types of the rules that call it, in one part.
    bool scan_wide = false;
    std::vector<std::string_view> scan_wide_types = {};
};

std::span<const Builtin> builtins();
const Builtin* find_builtin(std::string_view name);

}  // namespace bulwark
