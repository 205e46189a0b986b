#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/resource.h"
#include "parsers/terraform/eval/expression_evaluator.h"
#include "parsers/terraform/module/module_config.h"
#include "parsers/terraform/native_resource.h"

namespace bulwark::terraform {

// Finds (loading if needed) the configuration of a module directory; nullptr when absent.
using ModuleLoader = std::function<const ModuleConfig*(const std::filesystem::path& dir)>;

struct InstanceSettings {
    std::filesystem::path scan_root;
    std::string scope;  // graph scope shared by a root module and its children
    // The root module's directory: Terraform runs there, so relative paths in file() and
    // path.module are relative to it.
    std::filesystem::path root_dir;
    ModuleLoader load;
    std::size_t max_module_depth = 32;
    std::size_t max_instances = 10'000;  // per count / for_each
    // Registry and git modules that `terraform init` installed: module key ("vpc", "app.db") to
    // directory, from the root module's .terraform/modules/modules.json.
    std::map<std::string, std::filesystem::path> installed_modules;
};

// One instance of a module: its variables' values, and lazily evaluated locals, resources,
// outputs and child modules. Resolves the names expressions start with.
class ModuleInstance final : public Scope {
  public:
    ModuleInstance(const ModuleConfig& config, std::string prefix, std::string module_key,
                   std::map<std::string, Value> inputs,
                   std::vector<std::filesystem::path> call_stack, const InstanceSettings& settings,
                   std::vector<Diagnostic>& diagnostics);

    Value resolve(const hcl::Expr& root, const std::vector<hcl::Step>& steps, std::size_t& consumed,
                  ExpressionEvaluator& evaluator) override;
    const Value* resolve_in_place(const hcl::Expr& root, const std::vector<hcl::Step>& steps,
                                  std::size_t& consumed, ExpressionEvaluator& evaluator,
                                  Value& scratch) override;

    // Evaluates every resource instance of this module and its children.
    void collect(std::vector<NativeResource>& out);
    // The variable declarations of this module and its children, as input entries
    // (`var.db_password`, `module.db.var.password`); in variable_inputs.cpp.
    void collect_inputs(std::vector<Resource>& out);

    Value output(const std::string& name);

  private:
    struct InstanceKey {
        std::string suffix;          // "", "[0]", "[\"key\"]"
        std::optional<Value> each;   // {key, value}
        std::optional<Value> count;  // {index}
    };

    const std::vector<InstanceKey>& expand(const hcl::Block& block);
    Value variable(const std::string& name, const SourceRange& at);
    Value apply_type_defaults(const hcl::Expr& type, Value value);
    Value local(const std::string& name, const SourceRange& at);
    Value resource_reference(const std::string& type, const std::vector<hcl::Step>& steps,
                             std::size_t& consumed, const SourceRange& at, bool data);
    Value module_reference(const std::vector<hcl::Step>& steps, std::size_t& consumed,
                           const SourceRange& at);
    std::vector<std::pair<std::string, ModuleInstance*>> children(const std::string& name);
    Value body_value(const hcl::Body& body, const SourceRange& range, bool top_level);
    Value policy_document(const hcl::Block& block);
    void with_key(const InstanceKey& key, const std::function<void()>& action);
    std::string quote_key(const Value& key) const;

    const ModuleConfig& config_;
    std::string prefix_;
    std::string module_key_;  // "" for a root, "app.db" for module "db" called by module "app"
    std::map<std::string, Value> inputs_;
    std::vector<std::filesystem::path> call_stack_;
    const InstanceSettings& settings_;
    std::vector<Diagnostic>& diagnostics_;
    ExpressionEvaluator evaluator_;
    std::map<std::string, Value> locals_;
    std::map<std::string, Value> variables_;  // with optional() defaults applied
    std::set<std::string> locals_in_progress_;
    // By block: only the first declaration of a name is ever expanded.
    std::map<const hcl::Block*, std::vector<InstanceKey>> expansions_;
    std::map<std::string, std::vector<std::pair<std::string, std::unique_ptr<ModuleInstance>>>>
        children_;
    std::set<std::string> children_in_progress_;
};

}  // namespace bulwark::terraform
