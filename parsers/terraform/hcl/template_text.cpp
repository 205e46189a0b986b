#include "parsers/terraform/hcl/template_text.h"

#include <algorithm>
#include <charconv>

namespace bulwark::hcl {

void append_utf8(std::string& out, std::uint32_t code) {
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

std::string literal_text(std::string_view raw, bool quoted) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
            out.push_back(c);
            out.push_back('{');
            i += 2;
            continue;
        }
        if (!quoted || c != '\\' || i + 1 >= raw.size()) {
            out.push_back(c);
            continue;
        }
        const char e = raw[++i];
        switch (e) {
            case 'n':
                out.push_back('\n');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case 't':
                out.push_back('\t');
                break;
            case '"':
                out.push_back('"');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case 'u':
            case 'U': {
                const std::size_t digits = e == 'u' ? 4 : 8;
                std::uint32_t code = 0;
                auto [end, error] =
                    std::from_chars(raw.data() + i + 1,
                                    raw.data() + std::min(raw.size(), i + 1 + digits), code, 16);
                if (error == std::errc() && end == raw.data() + i + 1 + digits) {
                    append_utf8(out, code);
                    i += digits;
                } else {
                    out.push_back('\\');
                    out.push_back(e);
                }
                break;
            }
            default:
                out.push_back('\\');
                out.push_back(e);
        }
    }
    return out;
}

std::size_t heredoc_indent(std::string_view body) {
    std::size_t indent = std::string::npos;
    std::size_t line_start = 0;
    while (line_start < body.size()) {
        std::size_t line_end = body.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = body.size();
        std::string_view line = body.substr(line_start, line_end - line_start);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos) indent = std::min(indent, first);
        line_start = line_end + 1;
    }
    return indent == std::string::npos ? 0 : indent;
}

std::string Dedenter::apply(std::string_view raw, bool at_line_start, std::size_t indent) {
    std::string dedented;
    for (char c : raw) {
        if (at_line_start) {
            if ((c == ' ' || c == '\t') && left_ > 0) {
                --left_;
                continue;
            }
            at_line_start = false;
        }
        dedented.push_back(c);
        if (c == '\n') {
            at_line_start = true;
            left_ = indent;
        }
    }
    return dedented;
}

}  // namespace bulwark::hcl
