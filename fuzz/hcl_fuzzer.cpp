// HCL: tree-sitter parse, Bulwark's syntax tree, the module evaluator and the AWS adapters, on one
// arbitrary main.tf.
#include "fuzz/fuzz_support.h"
#include "parsers/terraform/terraform_frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bulwark::terraform::TerraformFrontend frontend;
    bulwark::fuzz::parse_and_link(frontend, "main.tf", bulwark::fuzz::as_text(data, size));
    return 0;
}
