#pragma once

#include <string_view>

#include "pipeline/frontend.h"

namespace bulwark::cdk {

// What to do with CDK source when the same app also has a synthesized cloud assembly.
enum class CdkSourceMode : std::uint8_t {
    Auto,  // read the source unless cdk.json sits next to cdk.out/manifest.json (the assembly wins)
    Always,  // always read the source (an assembly next to it may report the same resources)
    Never,   // never read CDK source
};

struct CdkSourceOptions {
    CdkSourceMode mode = CdkSourceMode::Auto;
};

// AWS CDK v2 apps in Python and TypeScript, read with tree-sitter and never run: each file is
// parsed on its own; link() interprets the files of one app (the folder with cdk.json) together
// and maps construct calls to the CloudFormation resources CDK would synthesize.
class CdkSourceFrontend final : public Frontend {
  public:
    explicit CdkSourceFrontend(CdkSourceOptions options = {}) : options_(options) {}

    std::string_view name() const override { return "cdk-source"; }
    bool claims(std::string_view path, std::string_view content) const override;
    FrontendOutput parse(const SourceFile& file) const override;
    FrontendOutput link(std::vector<LinkInput>& inputs, const LinkContext& context) const override;

  private:
    CdkSourceOptions options_;
};

// True for .py / .ts files that import aws_cdk / aws-cdk-lib (or CDK v1's @aws-cdk/*) and are
// not tests or type declarations. Cheap: no parsing.
bool looks_like_cdk_source(std::string_view path, std::string_view content);

}  // namespace bulwark::cdk
