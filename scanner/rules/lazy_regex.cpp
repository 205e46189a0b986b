#include "rules/lazy_regex.h"

#include <re2/re2.h>

namespace bulwark {

std::unique_ptr<const re2::RE2> compile_rule_regex(const std::string& pattern) {
    RE2::Options options;
    options.set_log_errors(false);
    return std::make_unique<const RE2>(pattern, options);
}

LazyRegex::LazyRegex(std::string pattern) : pattern_(std::move(pattern)) {}

LazyRegex::LazyRegex(std::unique_ptr<const re2::RE2> compiled) : compiled_(std::move(compiled)) {
    std::call_once(once_, [] {});
}

LazyRegex::~LazyRegex() = default;

const re2::RE2& LazyRegex::get() const {
    std::call_once(once_, [this] { compiled_ = compile_rule_regex(pattern_); });
    return *compiled_;
}

}  // namespace bulwark
