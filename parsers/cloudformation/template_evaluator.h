#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/tri.h"
#include "model/value.h"

namespace bulwark::cloudformation {

// Parameter values the configuration file sets for the root templates in one folder or below.
struct DirectoryParameters {
    std::string directory;  // relative to the scan root, '/'-separated; "" = every template
    std::map<std::string, std::string, std::less<>> parameters;
};

struct TemplateOptions {
    // Parameter values given at deployment (`--parameter Name=Value`); they override defaults.
    // Pseudo parameters may be given too (`AWS::Region=eu-west-1`, `AWS::AccountId=...`).
    std::map<std::string, std::string, std::less<>> parameters;
    // Values a parent stack passes to a nested stack's parameters; they win over `parameters`
    // and may be Unknown (then the parameter is Unknown, its default is not used).
    std::map<std::string, Value, std::less<>> stack_parameters;
    // The caller reads nested stack templates itself (a CDK cloud assembly names them by asset
    // path), so a TemplateURL known only at deployment is no gap to report.
    bool nested_templates_from_caller = false;
    // The configuration file's values per folder; `parameters` wins over them, and a deeper
    // folder over a shallower one. Applied by `options_for` to root templates.
    std::vector<DirectoryParameters> directories;
};

// The options for the root template at `path` (relative to the scan root): the values of the
// folders that hold it, then `parameters`.
TemplateOptions options_for(const TemplateOptions& options, std::string_view path);

// The value of output `output` of nested stack `stack` (Fn::GetAtt Stack.Outputs.Name); nullopt
// when the nested template was not read.
using StackOutputLookup = std::function<std::optional<Value>(
    std::string_view stack, std::string_view output, const SourceRange& at)>;

// Evaluates CloudFormation intrinsic functions and conditions over one template. Whatever is
// decided only at deployment (pseudo parameters, attributes, imports, parameters without a value)
// becomes Unknown; references to resources become Unknown values that remember their target.
class TemplateEvaluator {
  public:
    TemplateEvaluator(const Value& root, const TemplateOptions& options,
                      std::vector<Diagnostic>& diagnostics);

    // The value with every intrinsic evaluated; nullopt when it is AWS::NoValue.
    std::optional<Value> resolve(const Value& value);

    // A condition from the Conditions section.
    Tri condition(std::string_view name, const SourceRange& used_at);

    bool is_resource(std::string_view logical_id) const;
    // The Rain module resource whose expansion would define `name` (see the .cpp).
    std::optional<std::string> rain_module_of(std::string_view name) const;

    void set_stack_outputs(StackOutputLookup lookup) { stack_outputs_ = std::move(lookup); }

  private:
    std::optional<Value> resolve_intrinsic(std::string_view function, const Value& argument,
                                           const SourceRange& at);
    std::optional<Value> ref(const Value& argument, const SourceRange& at);
    Value get_att(const Value& argument, const SourceRange& at);
    Value sub(const Value& argument, const SourceRange& at);
    Value join(const Value& argument, const SourceRange& at);
    Value select(const Value& argument, const SourceRange& at);
    Value split(const Value& argument, const SourceRange& at);
    std::optional<Value> if_(const Value& argument, const SourceRange& at);
    Value find_in_map(const Value& argument, const SourceRange& at);
    Value base64(const Value& argument, const SourceRange& at);
    Value cidr(const Value& argument, const SourceRange& at);
    Value to_json_string(const Value& argument, const SourceRange& at);
    Value length(const Value& argument, const SourceRange& at);
    std::optional<Value> pseudo_parameter(std::string_view name, const SourceRange& at);
    Value deferred(std::string_view function, const Value& argument, const SourceRange& at);

    Value parameter_value(std::string_view name, const SourceRange& at);
    Tri evaluate_condition(const Value& expression);

    void report(const SourceRange& at, DiagnosticSeverity severity, DiagnosticCode code,
                std::string message);

    const Value* parameters_;
    const Value* conditions_;
    const Value* mappings_;
    const Value* resources_;
    const TemplateOptions& options_;
    std::vector<Diagnostic>& diagnostics_;
    std::map<std::string, Tri, std::less<>> condition_cache_;
    std::set<std::string, std::less<>> conditions_in_progress_;
    std::size_t depth_ = 0;
    StackOutputLookup stack_outputs_;
};

// Adds the references held by Unknown values inside `value` to `out`.
void collect_references(const Value& value, std::vector<Reference>& out);

// The string form of a scalar as CloudFormation would pass it on; nullopt for non-scalars.
std::optional<std::string> scalar_text(const Value& value);

}  // namespace bulwark::cloudformation
