#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"
#include "model/value.h"
#include "parsers/cloudformation/file_access.h"
#include "parsers/cloudformation/template_evaluator.h"

namespace bulwark::cloudformation {

// Where a template sits: its file, the scope its resources resolve references in, and (for
// nested stacks) the prefix of their addresses.
struct TemplatePlace {
    FileId file = kNoFile;
    std::string path;                // relative to the scan root (messages)
    std::filesystem::path absolute;  // base of relative TemplateURL / Location
    std::string scope;
};

// Evaluates templates into resources: AWS::Include inlined, the SAM transform applied, intrinsics
// and conditions evaluated, and nested stacks with a local TemplateURL read (when `access` is
// given) with the parameters their parent passes, their resources addressed `Parent/Child`.
class TemplateProcessor {
  public:
    TemplateProcessor(const FileAccess* access, std::vector<Resource>& resources,
                      std::vector<Diagnostic>& diagnostics)
        : access_(access), resources_(resources), diagnostics_(diagnostics) {}

    void process(Value root, const TemplatePlace& place, const TemplateOptions& options);

    // Every template file evaluated so far (roots and nested), by absolute path.
    const std::set<std::filesystem::path>& evaluated() const { return evaluated_; }

  private:
    struct Frame;
    Value evaluate(Value root, const Frame& frame);

    const FileAccess* access_;
    std::vector<Resource>& resources_;
    std::vector<Diagnostic>& diagnostics_;
    std::set<std::filesystem::path> evaluated_;
    std::size_t stacks_ = 0;
};

}  // namespace bulwark::cloudformation
