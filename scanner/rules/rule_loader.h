#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "io/document_reader.h"
#include "model/source_range.h"
#include "rules/rule.h"

namespace bulwark {

// A mistake in a rule or framework file, with where it is.
struct RuleFileError {
    std::string file;
    SourcePosition position;
    std::string message;
};

std::string format_error(const RuleFileError& error);

// Values that replace a rule's parameter defaults, by parameter name.
using RuleParameterValues = std::map<std::string, Value, std::less<>>;

// Does `value` fit a parameter of `type` (an integer for Integer, a list of strings for
// StringList, ...)?
bool has_parameter_type(const Value& value, ParameterType type);

// Parses and validates one rule file; every mistake found is returned, not just the first.
// `overrides` must name declared parameters and match their types.
std::variant<Rule, std::vector<RuleFileError>> load_rule(std::string_view path,
                                                         std::string_view content,
                                                         const RuleParameterValues& overrides = {});
// When `matches` patterns are compiled: Now checks them (a bad one is an error of the file);
// OnFirstUse defers the work to the first match, for rules whose patterns are known to compile
// (the built-in packs: a test compiles every one).
enum class RegexCompilation { Now, OnFirstUse };

// How much of a rule is read. Metadata reads what rule listings show (ID, title, severity, pack,
// resource types, frameworks, cross-references, parameters, aliases, deprecation, opt-in) and
// leaves out the prose and the conditions (no check to run, `sensitive` false, parameters that
// no condition uses not reported): for listing rules known to be valid (the built-in packs: the
// test suite loads every one in full).
enum class RuleDetail { Full, Metadata };
// The fields a Metadata load does not read (a document decoded without them will do; `check`
// must still be there).
inline constexpr std::string_view kRuleFieldsBeyondMetadata[] = {
    "when", "check", "description", "remediation", "message", "references"};

// The same for a rule file already read (the built-in packs are parsed at build time).
std::variant<Rule, std::vector<RuleFileError>> load_rule(
    std::string_view path, const ReadResult& document, const RuleParameterValues& overrides = {},
    RegexCompilation regexes = RegexCompilation::Now, RuleDetail detail = RuleDetail::Full);

}  // namespace bulwark
