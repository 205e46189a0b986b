#pragma once

#include "parsers/cloudformation/template_evaluator.h"
#include "parsers/cloudformation/template_reader.h"
#include "pipeline/frontend.h"

namespace bulwark::cloudformation {

// CloudFormation and SAM templates in YAML (short-form tags included) and JSON. A template that
// names local files (nested stacks, AWS::Include) is evaluated in the link phase, when they can
// be read; a scanned template that a scanned parent loads as a nested stack is evaluated only
// through its parent (with the parameters the parent passes).
class CloudFormationFrontend final : public Frontend {
  public:
    explicit CloudFormationFrontend(TemplateOptions options = {}) : options_(std::move(options)) {}

    std::string_view name() const override { return "cloudformation"; }
    bool claims(std::string_view path, std::string_view content) const override;
    FrontendOutput parse(const SourceFile& file) const override;
    FrontendOutput link(std::vector<LinkInput>& inputs, const LinkContext& context) const override;

  private:
    TemplateOptions options_;
};

// Parses one template into resources (scope = `scope`), reporting problems as diagnostics. Files
// it names (nested stacks, includes) are not read: they stay Unknown with a note.
FrontendOutput parse_template(std::string_view content, FileId file, std::string_view scope,
                              const TemplateOptions& options);

}  // namespace bulwark::cloudformation
