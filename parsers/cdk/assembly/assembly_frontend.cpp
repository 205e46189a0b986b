#include "parsers/cdk/assembly/assembly_frontend.h"

#include "parsers/cdk/assembly/assembly_file.h"
#include "parsers/cdk/assembly/assembly_linker.h"

namespace bulwark::cdk {

bool CdkAssemblyFrontend::claims(std::string_view path, std::string_view content) const {
    return assembly_file_kind(path, content).has_value();
}

FrontendOutput CdkAssemblyFrontend::parse(const SourceFile& file) const {
    auto kind = assembly_file_kind(file.path, file.content);
    if (!kind) return {};
    return parse_assembly_file(*kind, file, options_);
}

FrontendOutput CdkAssemblyFrontend::link(std::vector<LinkInput>& inputs,
                                         const LinkContext& context) const {
    return link_assemblies(inputs, context, options_);
}

}  // namespace bulwark::cdk
