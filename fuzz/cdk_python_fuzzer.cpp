// CDK source in Python: tree-sitter, the reader into Bulwark's syntax, the interpreter and the
// construct mappings, on one arbitrary app file.
#include "fuzz/fuzz_support.h"
#include "parsers/cdk/source/cdk_source_frontend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bulwark::cdk::CdkSourceFrontend frontend(
        bulwark::cdk::CdkSourceOptions{bulwark::cdk::CdkSourceMode::Always});
    bulwark::fuzz::parse_and_link(frontend, "app.py", bulwark::fuzz::as_text(data, size));
    return 0;
}
