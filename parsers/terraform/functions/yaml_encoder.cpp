// yamlencode's writer: the subset of the libyaml emitter (as ported to Go in go-cty-yaml, which
// Terraform uses) that a Terraform value needs, so the output matches Terraform's byte for byte:
// block style, keys sorted, strings double-quoted (literal "|" style when they hold a line
// break), numbers / bools / null plain, empty collections as [] and {}, double-quoted strings
// folded past column 80.

#include <algorithm>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

namespace {

constexpr int kBestIndent = 2;
constexpr int kBestWidth = 80;

bool is_break(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
    };
    return b(i) == '\r' || b(i) == '\n' || (b(i) == 0xC2 && b(i + 1) == 0x85) ||
           (b(i) == 0xE2 && b(i + 1) == 0x80 && (b(i + 2) == 0xA8 || b(i + 2) == 0xA9));
}

bool is_printable(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
    };
    return b(i) == 0x0A || (b(i) >= 0x20 && b(i) <= 0x7E) || (b(i) == 0xC2 && b(i + 1) >= 0xA0) ||
           (b(i) > 0xC2 && b(i) < 0xED) || (b(i) == 0xED && b(i + 1) < 0xA0) || b(i) == 0xEE ||
           (b(i) == 0xEF && !(b(i + 1) == 0xBB && b(i + 2) == 0xBF) &&
            !(b(i + 1) == 0xBF && (b(i + 2) == 0xBE || b(i + 2) == 0xBF)));
}

bool is_space(std::string_view s, std::size_t i) {
    return i < s.size() && s[i] == ' ';
}

std::size_t width_at(std::string_view s, std::size_t i) {
    const std::size_t length = detail::utf8_char_length(s.substr(i));
    return length == 0 ? 1 : length;
}

enum class Style : std::uint8_t { Plain, DoubleQuoted, Literal };

struct Analysis {
    bool multiline = false;
    bool block_allowed = true;
};

// libyaml's yaml_emitter_analyze_scalar, reduced to what the style choice below needs.
Analysis analyze(std::string_view value) {
    Analysis a;
    if (value.empty()) {
        a.block_allowed = false;
        return a;
    }
    bool special = false;
    bool trailing_space = false;
    bool space_break = false;
    bool previous_space = false;
    for (std::size_t i = 0; i < value.size(); i += width_at(value, i)) {
        if (!is_printable(value, i)) special = true;
        if (is_space(value, i)) {
            if (i + 1 == value.size()) trailing_space = true;
            previous_space = true;
        } else if (is_break(value, i)) {
            a.multiline = true;
            if (previous_space) space_break = true;
            previous_space = false;
        } else {
            previous_space = false;
        }
    }
    if (trailing_space || space_break || special) a.block_allowed = false;
    return a;
}

class Emitter {
  public:
    std::string run(const Value& value) {
        emit_node(value, /*root=*/true, /*mapping=*/false, /*simple_key=*/false);
        write_indent();  // document end
        if (open_ended_) {
            write_indicator("...", true, false, false);
            write_indent();
        }
        return std::move(out_);
    }

  private:
    void put(char c) {
        out_ += c;
        ++column_;
    }
    void put_break() {
        out_ += '\n';
        column_ = 0;
    }
    // One character (a whole UTF-8 sequence) of `s` at `i`.
    void write(std::string_view s, std::size_t& i) {
        const std::size_t w = width_at(s, i);
        out_.append(s.substr(i, w));
        ++column_;
        i += w;
    }
    void write_indent() {
        const int indent = std::max(indent_, 0);
        if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
        while (column_ < indent)
            put(' ');
        whitespace_ = true;
        indention_ = true;
    }
    void write_indicator(std::string_view indicator, bool need_whitespace, bool is_whitespace,
                         bool is_indention) {
        if (need_whitespace && !whitespace_) put(' ');
        for (std::size_t i = 0; i < indicator.size();)
            write(indicator, i);
        whitespace_ = is_whitespace;
        indention_ = indention_ && is_indention;
        open_ended_ = false;
    }
    void increase_indent(bool flow, bool indentless) {
        indents_.push_back(indent_);
        if (indent_ < 0) {
            indent_ = flow ? kBestIndent : 0;
        } else if (!indentless) {
            indent_ += kBestIndent;
        }
    }
    void pop_indent() {
        indent_ = indents_.back();
        indents_.pop_back();
    }

    void emit_node(const Value& value, bool root, bool mapping, bool simple_key) {
        root_context_ = root;
        mapping_context_ = mapping;
        simple_key_context_ = simple_key;
        if (value.is_list() && !value.as_list().empty()) {
            emit_sequence(value.as_list());
        } else if (value.is_map() && !value.as_map().empty()) {
            emit_mapping(value.as_map());
        } else if (value.is_list() || value.is_map()) {
            // Empty collections use flow style.
            write_indicator(value.is_list() ? "[" : "{", true, true, false);
            write_indicator(value.is_list() ? "]" : "}", false, false, false);
        } else {
            emit_scalar(value);
        }
    }

    void emit_sequence(const Value::List& items) {
        increase_indent(false, mapping_context_ && !indention_);
        for (const Value& item : items) {
            write_indent();
            write_indicator("-", true, false, true);
            emit_node(item, false, false, false);
        }
        pop_indent();
    }

    void emit_mapping(const Value::Map& entries) {
        std::vector<const Value::Entry*> sorted;
        for (const Value::Entry& entry : entries)
            sorted.push_back(&entry);
        std::stable_sort(
            sorted.begin(), sorted.end(),
            [](const Value::Entry* a, const Value::Entry* b) { return a->key < b->key; });
        increase_indent(false, false);
        for (const Value::Entry* entry : sorted) {
            write_indent();
            const Value key = Value::string(entry->key);
            const bool simple = !analyze(entry->key).multiline && entry->key.size() <= 128;
            if (simple) {
                emit_node(key, false, true, true);
                write_indicator(":", false, false, false);
            } else {
                write_indicator("?", true, false, true);
                emit_node(key, false, true, false);
                write_indent();
                write_indicator(":", true, false, true);
            }
            emit_node(entry->value, false, true, false);
        }
        pop_indent();
    }

    void emit_scalar(const Value& value) {
        std::string text;
        Style style = Style::Plain;
        switch (value.kind()) {
            case ValueKind::String: {
                text = value.as_string();
                const Analysis analysis = analyze(text);
                style = text.find('\n') != std::string::npos ? Style::Literal : Style::DoubleQuoted;
                if (simple_key_context_ && analysis.multiline) style = Style::DoubleQuoted;
                if (style == Style::Literal && (!analysis.block_allowed || simple_key_context_)) {
                    style = Style::DoubleQuoted;
                }
                break;
            }
            case ValueKind::Number:
                text = detail::number_text(value.as_number());
                break;
            case ValueKind::Bool:
                text = value.as_bool() ? "true" : "false";
                break;
            default:
                text = "null";
                break;
        }
        increase_indent(true, false);
        switch (style) {
            case Style::Plain:
                write_plain(text);
                break;
            case Style::DoubleQuoted:
                write_double_quoted(text, !simple_key_context_);
                break;
            case Style::Literal:
                write_literal(text);
                break;
        }
        pop_indent();
    }

    // Numbers, bools and null only: no spaces or breaks to fold.
    void write_plain(std::string_view text) {
        if (!whitespace_) put(' ');
        for (std::size_t i = 0; i < text.size();)
            write(text, i);
        whitespace_ = false;
        indention_ = false;
        if (root_context_) open_ended_ = true;
    }

    void write_double_quoted(std::string_view value, bool allow_breaks) {
        write_indicator("\"", true, false, false);
        bool spaces = false;
        for (std::size_t i = 0; i < value.size();) {
            const auto octet = static_cast<unsigned char>(value[i]);
            if (!is_printable(value, i) || is_break(value, i) || octet == '"' || octet == '\\') {
                std::size_t w = 0;
                const char32_t v = detail::decode_utf8(value.substr(i), w);
                i += w;
                put('\\');
                switch (v) {
                    case 0x00:
                        put('0');
                        break;
                    case 0x07:
                        put('a');
                        break;
                    case 0x08:
                        put('b');
                        break;
                    case 0x09:
                        put('t');
                        break;
                    case 0x0A:
                        put('n');
                        break;
                    case 0x0B:
                        put('v');
                        break;
                    case 0x0C:
                        put('f');
                        break;
                    case 0x0D:
                        put('r');
                        break;
                    case 0x1B:
                        put('e');
                        break;
                    case 0x22:
                        put('"');
                        break;
                    case 0x5C:
                        put('\\');
                        break;
                    case 0x85:
                        put('N');
                        break;
                    case 0xA0:
                        put('_');
                        break;
                    case 0x2028:
                        put('L');
                        break;
                    case 0x2029:
                        put('P');
                        break;
                    default: {
                        int digits = 8;
                        if (v <= 0xFF) {
                            put('x');
                            digits = 2;
                        } else if (v <= 0xFFFF) {
                            put('u');
                            digits = 4;
                        } else {
                            put('U');
                        }
                        for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
                            const unsigned digit = (static_cast<unsigned>(v) >> k) & 0x0F;
                            put(static_cast<char>(digit < 10 ? '0' + digit : 'A' + digit - 10));
                        }
                    }
                }
                spaces = false;
            } else if (is_space(value, i)) {
                if (allow_breaks && !spaces && column_ > kBestWidth && i != 0 &&
                    i != value.size() - 1) {
                    write_indent();
                    if (is_space(value, i + 1)) put('\\');
                    i += 1;
                } else {
                    write(value, i);
                }
                spaces = true;
            } else {
                write(value, i);
                spaces = false;
            }
        }
        write_indicator("\"", false, false, false);
        whitespace_ = false;
        indention_ = false;
    }

    void write_literal(std::string_view value) {
        write_indicator("|", true, false, false);
        // Block scalar hints: indentation indicator and chomping.
        if (is_space(value, 0) || is_break(value, 0)) {
            write_indicator(std::string(1, static_cast<char>('0' + kBestIndent)), false, false,
                            false);
        }
        open_ended_ = false;
        std::string_view chomp;
        if (value.empty()) {
            chomp = "-";
        } else {
            std::size_t i = value.size() - 1;
            while (i > 0 && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80)
                --i;
            if (!is_break(value, i)) {
                chomp = "-";
            } else if (i == 0) {
                chomp = "+";
                open_ended_ = true;
            } else {
                --i;
                while (i > 0 && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80)
                    --i;
                if (is_break(value, i)) {
                    chomp = "+";
                    open_ended_ = true;
                }
            }
        }
        if (!chomp.empty()) write_indicator(chomp, false, false, false);
        const bool keep_open = open_ended_;
        put_break();
        indention_ = true;
        whitespace_ = true;
        bool breaks = true;
        for (std::size_t i = 0; i < value.size();) {
            if (is_break(value, i)) {
                if (value[i] == '\n') {
                    put_break();
                    ++i;
                } else {
                    write(value, i);
                    column_ = 0;
                }
                indention_ = true;
                breaks = true;
            } else {
                if (breaks) write_indent();
                write(value, i);
                indention_ = false;
                breaks = false;
            }
        }
        open_ended_ = keep_open;
    }

    std::string out_;
    int indent_ = -1;
    std::vector<int> indents_;
    int column_ = 0;
    bool whitespace_ = true;
    bool indention_ = true;
    bool open_ended_ = false;
    bool root_context_ = false;
    bool mapping_context_ = false;
    bool simple_key_context_ = false;
};

}  // namespace

std::string yaml_encode(const Value& value) {
    return Emitter().run(value);
}

}  // namespace bulwark::terraform::builtin
