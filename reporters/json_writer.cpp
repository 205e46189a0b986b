#include "reporters/json_writer.h"

#include <nlohmann/json.hpp>

namespace bulwark {
namespace {

// What a string needs: nothing (printable ASCII without quote or backslash), a backslash before
// some characters (the quote and the backslash, as nlohmann escapes them), or nlohmann itself
// (control characters and anything beyond ASCII, valid UTF-8 or not).
enum class Escaping { None, Backslashes, Nlohmann };

Escaping escaping_of(std::string_view text) {
    Escaping needed = Escaping::None;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7f) return Escaping::Nlohmann;
        if (c == '"' || c == '\\') needed = Escaping::Backslashes;
    }
    return needed;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    switch (escaping_of(text)) {
        case Escaping::None:
            out.push_back('"');
            out.append(text);
            out.push_back('"');
            return;
        case Escaping::Backslashes:
            out.push_back('"');
            for (char c : text) {
                if (c == '"' || c == '\\') out.push_back('\\');
                out.push_back(c);
            }
            out.push_back('"');
            return;
        case Escaping::Nlohmann:
            // Escaped and repaired as the DOM did, so that such strings come out as before.
            out += nlohmann::json(std::string(text))
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return;
    }
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (open_.empty()) return;
    out_ += open_.back()++ == 0 ? "\n" : ",\n";
    out_.append(2 * depth(), ' ');
}

void JsonWriter::key(std::string_view name) {
    before_value();
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(out_, text);
}

void JsonWriter::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
}

void JsonWriter::raw_value(std::string_view json) {
    before_value();
    out_ += json;
}

void JsonWriter::open(char bracket) {
    before_value();
    out_.push_back(bracket);
    open_.push_back(0);
}

void JsonWriter::close(char bracket) {
    const std::size_t written = open_.back();
    open_.pop_back();
    if (written > 0) {
        out_.push_back('\n');
        out_.append(2 * depth(), ' ');
    }
    out_.push_back(bracket);
}

}  // namespace bulwark
