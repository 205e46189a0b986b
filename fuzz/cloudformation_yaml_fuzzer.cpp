// CloudFormation and SAM templates in YAML: libyaml with Bulwark's builder (anchors, merge keys,
// short-form tags), intrinsics, conditions, the SAM transform.
#include "fuzz/fuzz_support.h"
#include "parsers/cloudformation/cloudformation_frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)bulwark::cloudformation::parse_template(bulwark::fuzz::as_text(data, size), 0, "fuzz",
                                                  {});
    return 0;
}
