#pragma once

#include "parsers/cloudformation/template_evaluator.h"
#include "pipeline/frontend.h"

namespace bulwark::cdk {

// AWS CDK cloud assemblies (`cdk.out`): manifest.json (stage assemblies included), every stack
// template and the nested stack templates they reference, and the stacks' construct metadata.
// Resources are addressed by construct path and point at the template line; the construct's
// source line is kept when the assembly records it.
//
// It reads every `*.template.json` (the cloud assembly's naming), so the CloudFormation
// front-end, registered after it, never sees a synthesized template twice. A template that no
// manifest names is still read: with construct paths when it has `aws:cdk:path` metadata, as
// plain CloudFormation otherwise.
class CdkAssemblyFrontend final : public Frontend {
  public:
    explicit CdkAssemblyFrontend(cloudformation::TemplateOptions options = {})
        : options_(std::move(options)) {
        options_.nested_templates_from_caller = true;  // the linker reads them from the assembly
    }

    std::string_view name() const override { return "cdk-assembly"; }
    bool claims(std::string_view path, std::string_view content) const override;
    FrontendOutput parse(const SourceFile& file) const override;
    FrontendOutput link(std::vector<LinkInput>& inputs, const LinkContext& context) const override;

  private:
    cloudformation::TemplateOptions options_;
};

}  // namespace bulwark::cdk
