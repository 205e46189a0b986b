#pragma once

// Shared pieces of the Terraform function library: argument checks, Terraform's automatic
// conversions, unknown propagation and failure reporting. Internal to parsers/terraform/functions.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/terraform/functions/functions.h"

namespace bulwark::terraform::detail {

// Bounds on what one call may build (DESIGN.md: evaluation is bounded).
inline constexpr std::size_t kMaxElements = 1'000'000;  // setproduct, regexall, csvdecode rows
inline constexpr std::size_t kMaxStringBytes = 16 * 1024 * 1024;   // format, indent, join, ...
inline constexpr std::uintmax_t kMaxFileBytes = 16 * 1024 * 1024;  // file() and friends

// Adds `reference` unless it is already there (first-seen order).
void add_reference(std::vector<Reference>& out, const Reference& reference);

// The references of every Unknown inside `value` (deeply), de-duplicated, appended to `out`.
void collect_references(const Value& value, std::vector<Reference>& out);

// True when `value` is Unknown or holds an Unknown anywhere inside.
bool contains_unknown(const Value& value);

// An Unknown result for `function` whose references are those of every Unknown in `inputs`
// (deeply); its reason names the function and the first unknown input's reason.
Value unknown_result(std::string_view function, const std::vector<const Value*>& inputs,
                     const SourceRange& at);

// If any argument (deeply, inside lists and maps) is Unknown, the Unknown result of the call.
std::optional<Value> propagate_unknown(std::string_view function, const std::vector<Value>& args,
                                       const FunctionContext& context);

// If any argument itself (not its elements) is Unknown, the Unknown result of the call. For
// functions that only rearrange containers (concat, merge, lookup, ...): their unknown elements
// pass through untouched.
std::optional<Value> propagate_unknown_shallow(std::string_view function,
                                               const std::vector<Value>& args,
                                               const FunctionContext& context);

// Adds a warning at the call ("<function>(): <message>") and returns Unknown with that reason.
Value fail(FunctionContext& context, std::string_view function, std::string_view message,
           DiagnosticCode code = DiagnosticCode::InvalidTemplate);

// An Unknown without a diagnostic: the function is fine, its result is just not knowable
// before apply (uuid, timestamp, abspath, ...).
Value not_reproducible(std::string_view function, std::string_view why,
                       const FunctionContext& context);

// Terraform's automatic conversions to a primitive type; nullopt when it would reject the value.
std::optional<std::string> to_text(const Value& value);  // string, number, bool
std::optional<double> to_number(const Value& value);     // number, or a string holding one
std::optional<bool> to_bool(const Value& value);         // bool, or "true" / "false"

// Terraform's rendering of a number as a string: integers without ".0", others in shortest
// round-trip decimal form without exponent (cty's big.Float Text('f', -1)).
std::string number_text(double n);

// Byte length of the code point starting at text[0] (1 for invalid bytes; 0 for empty text).
std::size_t utf8_char_length(std::string_view text);
bool valid_utf8(std::string_view text);
// The code point at text[0] (U+FFFD for an invalid byte); `length` gets its byte length.
char32_t decode_utf8(std::string_view text, std::size_t& length);
void append_utf8(std::string& out, char32_t code_point);
// Byte length of the user-perceived character at text[0]: a code point plus the combining
// marks, variation selectors, skin-tone modifiers and zero-width-joined code points after it,
// or "\r\n". An approximation of Unicode grapheme clusters, which Terraform counts.
std::size_t cluster_length(std::string_view text);
std::size_t cluster_count(std::string_view text);

// Equality after cty's type unification (distinct, the set functions, matchkeys), as a key:
// two values are equal when their keys are. Structural, with a string equal to a number or bool
// whose string form it is. (contains and index compare with Value::same_as, as cty does.) The
// value must hold no Unknown.
std::string membership_key(const Value& value);

// A set: duplicates removed (first seen kept); all-string, all-number and all-bool sets are
// sorted the way cty orders them; other element types keep their first-seen order.
Value::List make_set(Value::List items);

std::string_view kind_name(const Value& value);

// Sets the range of `value`, its elements and its keys to `range` (for values decoded from a
// string: they were not written by the user, the call was).
void point_at(Value& value, const SourceRange& range);

// One call of one function: the argument checks every function starts with, typed argument
// access with Terraform's conversions, and the failure (diagnostic + Unknown) to return when an
// argument is rejected.
class Call {
  public:
    enum class Unknowns : std::uint8_t {
        Deep,     // any Unknown anywhere in the arguments makes the result Unknown
        Shallow,  // only an argument that is itself Unknown does
        Manual,   // the function looks at unknowns itself
    };

    Call(std::string_view name, std::vector<Value>& args, FunctionContext& context)
        : name_(name), args_(args), context_(context) {}

    static constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);  // no maximum

    // Checks the argument count and unknowns; returns the result to give back at once (an
    // arity failure or an Unknown), or nothing to go on.
    std::optional<Value> start(std::size_t min, std::size_t max, Unknowns unknowns);

    std::string_view name() const { return name_; }
    std::vector<Value>& args() { return args_; }
    Value& arg(std::size_t i) { return args_[i]; }
    std::size_t size() const { return args_.size(); }
    FunctionContext& context() { return context_; }
    const SourceRange& range() const { return context_.call; }

    // Typed access; on a rejected argument these record the failure (see failure()).
    std::optional<std::string> string(std::size_t i);
    std::optional<double> number(std::size_t i);
    std::optional<std::int64_t> integer(std::size_t i);  // a whole number
    std::optional<bool> boolean(std::size_t i);
    const Value::List* list(std::size_t i);  // list, tuple or set
    const Value::Map* map(std::size_t i);    // map or object
    // Strings of a list argument (elements converted; null elements rejected).
    std::optional<std::vector<std::string>> strings(std::size_t i);

    // Reports a problem with the call and returns its Unknown (also kept for failure()).
    Value fail(std::string_view message, DiagnosticCode code = DiagnosticCode::InvalidTemplate);
    // The failure recorded by the last rejected argument.
    Value failure() const { return failure_; }

    // Results computed by the function point at the call.
    Value string_result(std::string s) const { return Value::string(std::move(s), range()); }
    Value number_result(double n) const { return Value::number(n, range()); }
    Value bool_result(bool b) const { return Value::boolean(b, range()); }
    Value list_result(Value::List items) const { return Value::list(std::move(items), range()); }
    Value map_result(Value::Map entries) const { return Value::map(std::move(entries), range()); }

    // An Unknown result that carries the references of `inputs`.
    Value unknown_from(const std::vector<const Value*>& inputs) const;

  private:
    Value reject(std::size_t i, std::string_view expected);

    std::string_view name_;
    std::vector<Value>& args_;
    FunctionContext& context_;
    Value failure_;
};

// True when a computed string of `bytes` bytes would pass kMaxStringBytes.
bool too_long(std::size_t bytes);

}  // namespace bulwark::terraform::detail
