// CloudFormation templates in JSON: Bulwark's JSON reader on its own, then the whole template path.
#include "fuzz/fuzz_support.h"
#include "io/document_reader.h"
#include "parsers/cloudformation/cloudformation_frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bulwark::fuzz::as_text(data, size);
    const bulwark::ReadResult read = bulwark::read_json(text, 0);
    if (read.value) (void)bulwark::cloudformation::parse_template(text, 0, "fuzz", {});
    return 0;
}
