#pragma once

#include <cstddef>
#include <deque>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"
#include "parsers/terraform/hcl/syntax.h"

namespace bulwark::terraform {

class ExpressionEvaluator;

// Resolves the names an expression starts with (var, local, each, aws_s3_bucket, module, ...).
class Scope {
  public:
    virtual ~Scope() = default;
    // The value of `root` followed by as many of `steps` as the scope wants to consume itself
    // (a resource reference consumes its name and instance key); `consumed` says how many.
    virtual Value resolve(const hcl::Expr& root, const std::vector<hcl::Step>& steps,
                          std::size_t& consumed, ExpressionEvaluator& evaluator) = 0;
    // As resolve, but may point at a value the scope keeps for its lifetime (a variable, a
    // local) instead of copying it, so that `var.config.name` copies only the name. The default
    // resolves into `scratch` and points there.
    virtual const Value* resolve_in_place(const hcl::Expr& root,
                                          const std::vector<hcl::Step>& steps,
                                          std::size_t& consumed, ExpressionEvaluator& evaluator,
                                          Value& scratch) {
        scratch = resolve(root, steps, consumed, evaluator);
        return &scratch;
    }
};

// Bounds on evaluation, so that hostile or runaway configurations end with a diagnostic.
struct EvaluationLimits {
    std::size_t max_depth = 128;
    std::size_t max_steps = 2'000'000;
    std::size_t max_collection = 100'000;  // elements built by one for-expression or function
    std::size_t max_string = 4 * 1024 * 1024;
};

// Evaluates HCL expressions the way Terraform does at plan time, as far as that is possible
// without provider credentials: whatever is known only after apply is Unknown, and references to
// resources stay Unknown values that remember their target.
class ExpressionEvaluator {
  public:
    ExpressionEvaluator(Scope& scope, std::vector<Diagnostic>& diagnostics,
                        std::filesystem::path module_dir, std::filesystem::path scan_root,
                        EvaluationLimits limits = {});

    Value evaluate(const hcl::Expr& expression);

    // Applies traversal steps to a value (used by scopes after consuming a prefix).
    Value apply_steps(Value value, const std::vector<hcl::Step>& steps, std::size_t first);

    // Names bound by for-expressions, dynamic blocks and template loops, innermost last.
    void push_binding(std::string name, Value value);
    void pop_binding();
    const Value* binding(std::string_view name) const;

    void report(const SourceRange& at, DiagnosticSeverity severity, DiagnosticCode code,
                std::string message);
    bool exhausted() const { return exhausted_; }

  private:
    Value evaluate_inner(const hcl::Expr& expression);
    Value template_value(const hcl::Expr& expression);
    Value traversal(const hcl::Expr& expression);
    Value call(const hcl::Expr& expression);
    Value template_file(const hcl::Expr& expression);
    Value object(const hcl::Expr& expression);
    Value conditional(const hcl::Expr& expression);
    Value binary(const hcl::Expr& expression);
    Value unary(const hcl::Expr& expression);
    Value for_expression(const hcl::Expr& expression);
    Value apply_step(const Value& value, const hcl::Step& step);
    const Value* step_from(const Value& value, const hcl::Step& step, Value& scratch);
    Value walk(const Value* value, const std::vector<hcl::Step>& steps, std::size_t first,
               Value& scratch);
    void render(const hcl::Expr& part, std::string& out, std::vector<Reference>& refs,
                std::string& unknown_reason);

    Scope& scope_;
    std::vector<Diagnostic>& diagnostics_;
    std::filesystem::path module_dir_;
    std::filesystem::path scan_root_;
    EvaluationLimits limits_;
    // A deque: traversals hold pointers to bound values while index expressions push more.
    std::deque<std::pair<std::string, Value>> bindings_;
    std::size_t depth_ = 0;
    std::size_t steps_ = 0;
    bool exhausted_ = false;
};

// An Unknown that carries the references of every Unknown inside `inputs`.
Value unknown_of(std::string reason, std::initializer_list<const Value*> inputs, SourceRange at);
void gather_references(const Value& value, std::vector<Reference>& out);

}  // namespace bulwark::terraform
