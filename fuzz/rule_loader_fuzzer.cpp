// The rule-file loader: YAML, validation of every field, the check language and its regexes.
#include "fuzz/fuzz_support.h"
#include "rules/rule_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)bulwark::load_rule("fuzz-rule.yaml", bulwark::fuzz::as_text(data, size));
    return 0;
}
