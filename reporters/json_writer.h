#pragma once

#include <charconv>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// JSON written straight into a string, laid out byte for byte as nlohmann::json::dump(2, ' ',
// false, error_handler_t::replace) lays out the same document: 2-space indent, `"key": value`,
// empty containers as `{}` and `[]`. Reports stay identical to the DOM they were built from
// before, without building (and freeing) a DOM of every finding.
namespace bulwark {

class JsonWriter {
  public:
    // `depth`: the nesting level of the first value, for a fragment that raw_value() inserts
    // into a writer at that level (depth()).
    explicit JsonWriter(std::string& out, std::size_t depth = 0) : out_(out), base_depth_(depth) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // The next value is this member's.
    void key(std::string_view name);
    void string(std::string_view text);
    void boolean(bool value);
    template <std::integral Number>
    requires(!std::same_as<Number, bool>) void number(Number value) {
        before_value();
        char digits[24];
        const auto written = std::to_chars(digits, digits + sizeof digits, value);
        out_.append(digits, written.ptr);
    }
    // A value rendered before by a JsonWriter constructed with this writer's depth().
    void raw_value(std::string_view json);
    // The level the next value is written at.
    std::size_t depth() const { return base_depth_ + open_.size(); }

  private:
    void before_value();
    void open(char bracket);
    void close(char bracket);

    std::string& out_;
    std::size_t base_depth_;
    std::vector<std::size_t> open_;  // per open container: values written in it so far
    bool after_key_ = false;
};

// A JSON string literal (quotes included) as nlohmann writes it: control characters escaped,
// other characters as they are, bytes that are not UTF-8 replaced with U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace bulwark
