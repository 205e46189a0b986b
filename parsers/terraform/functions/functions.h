#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace bulwark::terraform {

// What a Terraform built-in function may use besides its arguments.
struct FunctionContext {
    std::filesystem::path module_dir;  // relative paths (file(), fileexists()) start here
    std::filesystem::path scan_root;   // files outside it are never read (a diagnostic instead)
    SourceRange call;                  // the call expression: diagnostics and computed results point here
    std::vector<Diagnostic>* diagnostics = nullptr;
};

// A function over already-evaluated arguments. Terraform values map onto Value as: string,
// number (double), bool, null; list, tuple and set -> List (sets deduplicated, in first-seen
// order); map and object -> Map. Unknown arguments give an Unknown result that carries their
// references (see propagate_unknown). A call Terraform would reject (wrong type, wrong arity)
// adds a warning diagnostic and returns Unknown: the scan goes on.
using Function = Value (*)(std::vector<Value>& args, FunctionContext& context);

// nullptr for a name Bulwark does not implement; the evaluator then yields Unknown.
// try(), can() and templatefile() are not here: they need unevaluated expressions or the
// template engine, and live in the evaluator.
Function find_function(std::string_view name);

// Every implemented function name, sorted (for documentation and tests).
std::vector<std::string_view> function_names();

}  // namespace bulwark::terraform
