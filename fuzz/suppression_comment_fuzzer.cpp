// Suppression comments in Bulwark's syntax and the peers'.
#include "fuzz/fuzz_support.h"
#include "suppress/suppression_comment.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bulwark::fuzz::as_text(data, size);
    (void)bulwark::may_hold_suppressions(text);
    (void)bulwark::find_suppression_comments(text);
    return 0;
}
