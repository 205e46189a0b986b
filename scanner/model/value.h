#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/source_range.h"

namespace bulwark {

// A reference from one resource to another inside the same scope (template or module instance).
// `attribute` is empty for a plain reference (CloudFormation Ref) and names the attribute otherwise
// (Fn::GetAtt Bucket.Arn, aws_s3_bucket.logs.arn).
struct Reference {
    std::string target;
    std::string attribute;

    friend bool operator==(const Reference&, const Reference&) = default;
};

// What Bulwark cannot know before deployment. Rules never fail on it; they count it as undecided.
struct Unknown {
    std::string reason;
    std::vector<Reference> references;  // resources the value depends on; they become graph edges
    // For a string built around unknown parts (Fn::Sub, a Terraform template): its text with
    // each unknown part written as kUnknownPart, so that "arn:aws:s3:::${Bucket}/*" is known
    // never to be "*". Empty when nothing of the text is known.
    std::string partial;
};

// Stands for an unknown run of text inside Unknown::partial (a control character that no
// configuration text contains).
inline constexpr char kUnknownPart = '\x1f';

enum class ValueKind : std::uint8_t { Null, Bool, Number, String, List, Map, Unknown };

// A configuration value from any front-end, with the source range it came from.
class Value {
  public:
    struct Entry;
    using List = std::vector<Value>;
    using Map = std::vector<Entry>;  // insertion-ordered; keys are unique

    Value() = default;
    static Value null(SourceRange range = {});
    static Value boolean(bool b, SourceRange range = {});
    static Value number(double n, SourceRange range = {});
    static Value string(std::string s, SourceRange range = {});
    static Value list(List items, SourceRange range = {});
    static Value map(Map entries, SourceRange range = {});
    static Value unknown(std::string reason, std::vector<Reference> references = {},
                         SourceRange range = {});
    // An unknown string of which `partial` is known (see Unknown::partial).
    static Value unknown_text(std::string partial, std::string reason,
                              std::vector<Reference> references = {}, SourceRange range = {});

    ValueKind kind() const { return static_cast<ValueKind>(data_.index()); }
    bool is_null() const { return kind() == ValueKind::Null; }
    bool is_bool() const { return kind() == ValueKind::Bool; }
    bool is_number() const { return kind() == ValueKind::Number; }
    bool is_string() const { return kind() == ValueKind::String; }
    bool is_list() const { return kind() == ValueKind::List; }
    bool is_map() const { return kind() == ValueKind::Map; }
    bool is_unknown() const { return kind() == ValueKind::Unknown; }

    bool as_bool() const { return std::get<bool>(data_); }
    double as_number() const { return std::get<double>(data_); }
    const std::string& as_string() const { return std::get<std::string>(data_); }
    const List& as_list() const { return std::get<List>(data_); }
    List& as_list() { return std::get<List>(data_); }
    const Map& as_map() const { return std::get<Map>(data_); }
    Map& as_map() { return std::get<Map>(data_); }
    const Unknown& as_unknown() const { return std::get<UnknownBox>(data_).get(); }
    Unknown& as_unknown() { return std::get<UnknownBox>(data_).get(); }

    const SourceRange& range() const { return range_; }
    void set_range(const SourceRange& range) { range_ = range; }

    // Map look-up; nullptr when this is not a map or has no such key.
    const Value* find(std::string_view key) const;
    Value* find(std::string_view key);
    const Entry* find_entry(std::string_view key) const;

    // Sets (or replaces) a map entry; this must be a map.
    void set(std::string key, Value value, SourceRange key_range = {});

    // Number of nodes in this value, itself included (used to bound expansion).
    std::size_t node_count() const;

    // Structural equality, ignoring ranges.
    bool same_as(const Value& other) const;

  private:
    // Unknowns are rare but large (three containers); kept out of line so that every other
    // value is half the size (64 bytes instead of 120: values dominate a scan's memory).
    class UnknownBox {
      public:
        explicit UnknownBox(Unknown unknown)
            : unknown_(std::make_unique<Unknown>(std::move(unknown))) {}
        UnknownBox(const UnknownBox& other) : unknown_(std::make_unique<Unknown>(other.get())) {}
        UnknownBox(UnknownBox&&) noexcept = default;
        UnknownBox& operator=(const UnknownBox& other) {
            if (this != &other) unknown_ = std::make_unique<Unknown>(other.get());
            return *this;
        }
        UnknownBox& operator=(UnknownBox&&) noexcept = default;

        // A moved-from box reads as an empty Unknown, as a moved-from string reads as "".
        const Unknown& get() const { return unknown_ ? *unknown_ : empty(); }
        Unknown& get() {
            if (!unknown_) unknown_ = std::make_unique<Unknown>();
            return *unknown_;
        }

      private:
        static const Unknown& empty();
        std::unique_ptr<Unknown> unknown_;
    };
    using Data = std::variant<std::monostate, bool, double, std::string, List, Map, UnknownBox>;
    explicit Value(Data data, SourceRange range);

    Data data_;
    SourceRange range_;
};

struct Value::Entry {
    std::string key;
    SourceRange key_range;
    Value value;
};

std::string_view to_string(ValueKind kind);

// Integers without a fraction ("22"), other numbers in shortest round-trip form.
std::string format_number(double n);

// A short, single-line rendering for messages (strings unquoted, containers abbreviated).
std::string describe(const Value& value);

}  // namespace bulwark
