// The native HCL parser against tree-sitter on arbitrary text: whatever the native parser
// accepts must parse to the same tree with tree-sitter (and nothing may crash either way).
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_support.h"
#include "parsers/terraform/hcl/native_parser.h"
#include "parsers/terraform/hcl/syntax_diff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(bulwark::fuzz::as_text(data, size));
    const std::optional<bulwark::hcl::File> native = bulwark::hcl::parse_native(text, 0);
    if (!native) return 0;
    const bulwark::hcl::File reference = bulwark::hcl::parse_with_tree_sitter(text, 0);
    if (const auto difference = bulwark::hcl::first_difference(reference, *native)) {
        std::fprintf(stderr, "native and tree-sitter parsers disagree: %s\n", difference->c_str());
        std::abort();
    }
    return 0;
}
