#pragma once

#include "parsers/cloudformation/template_evaluator.h"
#include "pipeline/frontend.h"

namespace bulwark::cloudformation {

// CloudFormation templates in YAML (short-form tags included) and JSON.
class CloudFormationFrontend final : public Frontend {
  public:
    explicit CloudFormationFrontend(TemplateOptions options = {}) : options_(std::move(options)) {}

    std::string_view name() const override { return "cloudformation"; }
    bool claims(std::string_view path, std::string_view content) const override;
    FrontendOutput parse(const SourceFile& file) const override;

  private:
    TemplateOptions options_;
};

// True when the text looks like a CloudFormation template: it names AWSTemplateFormatVersion, or
// it has a Resources section with an AWS:: type. Cheap: no parsing.
bool looks_like_template(std::string_view content);

// Parses one template into resources (scope = `scope`), reporting problems as diagnostics.
FrontendOutput parse_template(std::string_view content, FileId file, std::string_view scope,
                              const TemplateOptions& options);

}  // namespace bulwark::cloudformation
