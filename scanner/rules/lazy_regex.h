#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace re2 {
class RE2;
}

namespace bulwark {

// A rule's `matches` pattern, compiled when first matched: a scan compiles only the regexes of
// the rules that run on its resources, not those of every built-in rule at start-up. Safe to
// share between the threads that evaluate rules.
class LazyRegex {
  public:
    // A pattern already known to compile (the built-in rules are checked by the test suite).
    explicit LazyRegex(std::string pattern);
    // An expression compiled already (user rules are checked when they are loaded).
    explicit LazyRegex(std::unique_ptr<const re2::RE2> compiled);
    ~LazyRegex();

    const re2::RE2& get() const;

  private:
    std::string pattern_;
    mutable std::once_flag once_;
    mutable std::unique_ptr<const re2::RE2> compiled_;
};

// Compiles `pattern` as rules do (no logging to stderr); check ok() for errors.
std::unique_ptr<const re2::RE2> compile_rule_regex(const std::string& pattern);

}  // namespace bulwark
