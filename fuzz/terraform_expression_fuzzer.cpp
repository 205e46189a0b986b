// Terraform expressions and built-in functions: the input is one expression, bound to a local and
// used by a resource, so that it is evaluated (and adapted) however it is shaped.
#include "fuzz/fuzz_support.h"
#include "parsers/terraform/terraform_frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bulwark::terraform::TerraformFrontend frontend;
    std::string source =
        "variable \"input\" {\n  default = [\"a\", 1, true, { k = \"v\" }]\n}\n"
        "locals {\n  value = ";
    source.append(bulwark::fuzz::as_text(data, size));
    source +=
        "\n}\nresource \"aws_s3_bucket\" \"fuzz\" {\n  bucket = local.value\n"
        "  tags   = { value = local.value }\n}\n";
    bulwark::fuzz::parse_and_link(frontend, "main.tf", source);
    return 0;
}
