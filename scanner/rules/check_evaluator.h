#pragma once

#include "model/graph.h"
#include "rules/builtins.h"
#include "rules/check.h"

namespace bulwark {

// Evaluates compiled checks against resources of an immutable graph. Stateless apart from its
// references, so one evaluator per thread, or one shared, both work.
class CheckEvaluator {
  public:
    // `partial_scan`: the graph holds only part of the repository (changed-files mode), so a
    // scan-wide built-in that finds nothing is undecided rather than failed.
    explicit CheckEvaluator(const Graph& graph, bool partial_scan = false)
        : graph_(graph), partial_scan_(partial_scan) {}

    Outcome evaluate(const Condition& check, ResourceIndex resource) const;

  private:
    Outcome evaluate(const Condition& condition, const ResourceView& resource, ResourceIndex index,
                     const Value& current) const;
    Outcome compare(const Comparison& comparison, const ResourceView& resource,
                    const Value& current) const;
    Outcome logic(const Logic& logic, const ResourceView& resource, ResourceIndex index,
                  const Value& current) const;
    Outcome call(const BuiltinCall& call, const ResourceView& resource, const Value& current) const;
    Outcome connected(const Connected& connected, const ResourceView& resource,
                      ResourceIndex index) const;
    Outcome conjunction(const std::vector<Condition>& children, const ResourceView& resource,
                        ResourceIndex index, const Value& current) const;

    Outcome run_builtin(const BuiltinCall& call, const Value& subject,
                        const BuiltinContext& context) const;

    const Graph& graph_;
    bool partial_scan_ = false;
};

}  // namespace bulwark
