#include <cstdint>
#include <string>

#include "io/document_reader.h"
#include "io/scalar.h"

namespace bulwark {
namespace {

// A strict RFC 8259 reader that records where every value and key starts and ends. nlohmann_json
// keeps no positions, and positions are what findings are made of.
class JsonReader {
  public:
    JsonReader(std::string_view text, FileId file, const ReadLimits& limits,
               std::vector<Diagnostic>& diagnostics)
        : text_(text), file_(file), limits_(limits), diagnostics_(diagnostics) {
        if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // UTF-8 byte order mark
        line_start_ = pos_;
    }

    std::optional<Value> read_document() {
        skip_space();
        std::optional<Value> value = read_value(0);
        if (!value) return std::nullopt;
        skip_space();
        if (pos_ != text_.size()) return fail("unexpected text after the JSON value");
        return value;
    }

  private:
    SourcePosition here() const {
        return {line_, static_cast<std::uint32_t>(pos_ - line_start_ + 1)};
    }

    std::nullopt_t fail(std::string message, DiagnosticCode code = DiagnosticCode::ParseError) {
        if (!failed_) {
            diagnostics_.push_back(
                Diagnostic{file_, here(), DiagnosticSeverity::Error, code, std::move(message)});
            failed_ = true;
        }
        return std::nullopt;
    }

    void skip_space() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++pos_;
                ++line_;
                line_start_ = pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else {
                break;
            }
        }
    }

    bool count_node() {
        if (++nodes_ <= limits_.max_nodes) return true;
        fail("document has more than " + std::to_string(limits_.max_nodes) + " nodes",
             DiagnosticCode::ExpansionLimit);
        return false;
    }

    std::optional<Value> read_value(std::size_t depth) {
        if (pos_ >= text_.size()) return fail("unexpected end of input, expected a value");
        if (!count_node()) return std::nullopt;
        const SourcePosition begin = here();
        const char c = text_[pos_];
        std::optional<Value> value;
        if (c == '{' || c == '[') {
            if (depth >= limits_.max_depth) {
                return fail("nesting deeper than " + std::to_string(limits_.max_depth) +
                                " levels; the file is not scanned",
                            DiagnosticCode::NestingTooDeep);
            }
            value = c == '{' ? read_object(depth) : read_array(depth);
        } else if (c == '"') {
            auto text = read_string();
            if (!text) return std::nullopt;
            value = Value::string(std::move(*text));
        } else if (c == 't' || c == 'f' || c == 'n') {
            value = read_literal();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value = read_number();
        } else {
            return fail(std::string("unexpected character '") + c + "', expected a value");
        }
        if (!value) return std::nullopt;
        value->set_range(SourceRange{file_, begin, here()});
        return value;
    }

    std::optional<Value> read_literal() {
        for (auto [word, value] : {std::pair{std::string_view("true"), Value::boolean(true)},
                                   std::pair{std::string_view("false"), Value::boolean(false)},
                                   std::pair{std::string_view("null"), Value::null()}}) {
            if (text_.substr(pos_, word.size()) == word) {
                pos_ += word.size();
                return value;
            }
        }
        return fail("invalid literal, expected true, false or null");
    }

    std::optional<Value> read_number() {
        const std::size_t start = pos_;
        if (text_[pos_] == '-') ++pos_;
        auto digits = [&] {
            const std::size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
                ++pos_;
            return pos_ - from;
        };
        const std::size_t integer_start = pos_;
        const std::size_t integer_digits = digits();
        if (integer_digits == 0) return fail("invalid number");
        if (integer_digits > 1 && text_[integer_start] == '0') {
            return fail("invalid number: leading zeros are not allowed in JSON");
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (digits() == 0) return fail("invalid number: expected digits after '.'");
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (digits() == 0) return fail("invalid number: expected digits in the exponent");
        }
        auto parsed = parse_decimal(text_.substr(start, pos_ - start));
        if (!parsed) return fail("invalid number");
        return Value::number(*parsed);
    }

    static void append_utf8(std::string& out, std::uint32_t code) {
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else if (code < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (code >> 18)));
            out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    std::optional<std::uint32_t> read_hex4() {
        if (pos_ + 4 > text_.size()) return std::nullopt;
        std::uint32_t code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_++];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return std::nullopt;
        }
        return code;
    }

    std::optional<std::string> read_string() {
        ++pos_;  // opening quote
        std::string out;
        while (true) {
            if (pos_ >= text_.size()) return fail("unterminated string");
            const char c = text_[pos_];
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                return fail("control character in string (newlines must be written \\n)");
            }
            if (c != '\\') {
                out.push_back(c);
                ++pos_;
                continue;
            }
            ++pos_;
            if (pos_ >= text_.size()) return fail("unterminated escape sequence");
            const char escape = text_[pos_++];
            switch (escape) {
                case '"':
                    out.push_back('"');
                    break;
                case '\\':
                    out.push_back('\\');
                    break;
                case '/':
                    out.push_back('/');
                    break;
                case 'b':
                    out.push_back('\b');
                    break;
                case 'f':
                    out.push_back('\f');
                    break;
                case 'n':
                    out.push_back('\n');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'u': {
                    auto code = read_hex4();
                    if (!code) return fail("invalid \\u escape");
                    if (*code >= 0xD800 && *code <= 0xDBFF) {
                        if (text_.substr(pos_, 2) != "\\u") return fail("unpaired surrogate");
                        pos_ += 2;
                        auto low = read_hex4();
                        if (!low || *low < 0xDC00 || *low > 0xDFFF) {
                            return fail("invalid surrogate pair");
                        }
                        *code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
                    } else if (*code >= 0xDC00 && *code <= 0xDFFF) {
                        return fail("unpaired surrogate");
                    }
                    append_utf8(out, *code);
                    break;
                }
                default:
                    return fail(std::string("invalid escape '\\") + escape + "'");
            }
        }
    }

    std::optional<Value> read_array(std::size_t depth) {
        ++pos_;
        Value::List items;
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return Value::list(std::move(items));
        }
        while (true) {
            skip_space();
            auto item = read_value(depth + 1);
            if (!item) return std::nullopt;
            items.push_back(std::move(*item));
            skip_space();
            if (pos_ >= text_.size()) return fail("unterminated array, expected ',' or ']'");
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] == ']') {
                ++pos_;
                return Value::list(std::move(items));
            }
            return fail("expected ',' or ']' in array");
        }
    }

    std::optional<Value> read_object(std::size_t depth) {
        ++pos_;
        Value object = Value::map({});
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return object;
        }
        while (true) {
            skip_space();
            if (pos_ >= text_.size() || text_[pos_] != '"') return fail("expected a quoted key");
            const SourcePosition key_begin = here();
            auto key = read_string();
            if (!key) return std::nullopt;
            const SourceRange key_range{file_, key_begin, here()};
            skip_space();
            if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':' after key");
            ++pos_;
            skip_space();
            auto value = read_value(depth + 1);
            if (!value) return std::nullopt;
            if (const Value::Entry* existing = object.find_entry(*key)) {
                diagnostics_.push_back(Diagnostic{
                    file_, key_begin, DiagnosticSeverity::Warning, DiagnosticCode::DuplicateKey,
                    "duplicate key '" + *key + "' (first at line " +
                        std::to_string(existing->key_range.begin.line) +
                        "); the later value is used"});
            }
            object.set(std::move(*key), std::move(*value), key_range);
            skip_space();
            if (pos_ >= text_.size()) return fail("unterminated object, expected ',' or '}'");
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] == '}') {
                ++pos_;
                return object;
            }
            return fail("expected ',' or '}' in object");
        }
    }

    std::string_view text_;
    FileId file_;
    const ReadLimits& limits_;
    std::vector<Diagnostic>& diagnostics_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_ = 1;
    std::size_t nodes_ = 0;
    bool failed_ = false;
};

}  // namespace

ReadResult read_json(std::string_view text, FileId file, const ReadLimits& limits) {
    ReadResult result;
    JsonReader reader(text, file, limits, result.diagnostics);
    result.value = reader.read_document();
    return result;
}

}  // namespace bulwark
