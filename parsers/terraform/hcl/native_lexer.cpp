#include "parsers/terraform/hcl/native_lexer.h"

namespace bulwark::hcl::native {

bool Lexer::skip_trivia() {
    const auto size = static_cast<std::uint32_t>(text_.size());
    while (pos_ < size) {
        const char c = text_[pos_];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
            ++pos_;
            continue;
        }
        const char after = pos_ + 1 < size ? text_[pos_ + 1] : '\0';
        if (c == '#' || (c == '/' && after == '/')) {
            const std::size_t newline = text_.find('\n', pos_);
            const auto end =
                newline == std::string_view::npos ? size : static_cast<std::uint32_t>(newline);
            comments_.push_back(CommentSpan{pos_, end});
            pos_ = end;
            continue;
        }
        if (c == '/' && after == '*') {
            const std::size_t close = text_.find("*/", pos_ + 2);
            if (close == std::string_view::npos) return false;
            const auto end = static_cast<std::uint32_t>(close + 2);
            comments_.push_back(CommentSpan{pos_, end});
            pos_ = end;
            continue;
        }
        return (static_cast<unsigned char>(c) & 0x80) == 0;
    }
    return true;
}

Token Lexer::identifier(std::uint32_t begin) {
    std::uint32_t i = begin + 1;
    const auto size = static_cast<std::uint32_t>(text_.size());
    while (i < size) {
        if (is_identifier_char(text_[i])) {
            ++i;
        } else if (text_[i] == ':' && i + 1 < size && text_[i + 1] == ':') {
            i += 2;
        } else {
            break;
        }
    }
    // A letter from outside ASCII may continue the identifier for tree-sitter; not ours to judge.
    if (i < size && (static_cast<unsigned char>(text_[i]) & 0x80) != 0)
        return make(TokenKind::Invalid, begin, 1);
    return make(TokenKind::Identifier, begin, i - begin);
}

// [0-9]+(\.[0-9]+([eE][-+]?[0-9]+)?)? or 0x[0-9a-zA-Z]+, as tree-sitter-hcl reads them; a number
// running into letters (1e5, 10GB) is left to tree-sitter.
Token Lexer::number(std::uint32_t begin) {
    const auto size = static_cast<std::uint32_t>(text_.size());
    auto at = [&](std::uint32_t i) { return i < size ? text_[i] : '\0'; };
    auto alnum = [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    std::uint32_t i = begin;
    if (at(i) == '0' && at(i + 1) == 'x' && alnum(at(i + 2))) {
        i += 2;
        while (alnum(at(i)))
            ++i;
    } else {
        while (is_digit(at(i)))
            ++i;
        if (at(i) == '.' && is_digit(at(i + 1))) {
            i += 1;
            while (is_digit(at(i)))
                ++i;
            if (at(i) == 'e' || at(i) == 'E') {
                std::uint32_t j = i + 1;
                if (at(j) == '+' || at(j) == '-') ++j;
                if (is_digit(at(j))) {
                    i = j;
                    while (is_digit(at(i)))
                        ++i;
                }
            }
        }
    }
    const char after = at(i);
    if (is_identifier_start(after) || is_digit(after) ||
        (static_cast<unsigned char>(after) & 0x80) != 0) {
        return make(TokenKind::Invalid, begin, 1);
    }
    return make(TokenKind::Number, begin, i - begin);
}

Token Lexer::next() {
    if (!skip_trivia()) return make(TokenKind::Invalid, pos_, 0);
    const auto size = static_cast<std::uint32_t>(text_.size());
    const std::uint32_t begin = pos_;
    if (begin >= size) return Token{TokenKind::End, begin, begin};
    auto at = [&](std::uint32_t i) { return i < size ? text_[i] : '\0'; };
    const char c = text_[begin];
    if (is_identifier_start(c)) return identifier(begin);
    if (is_digit(c)) return number(begin);
    switch (c) {
        case '"':
            return make(TokenKind::Quote, begin, 1);
        case '{':
            return make(TokenKind::LeftBrace, begin, 1);
        case '}':
            return make(TokenKind::RightBrace, begin, 1);
        case '(':
            return make(TokenKind::LeftParen, begin, 1);
        case ')':
            return make(TokenKind::RightParen, begin, 1);
        case ']':
            return make(TokenKind::RightBracket, begin, 1);
        case ',':
            return make(TokenKind::Comma, begin, 1);
        case ':':
            return make(TokenKind::Colon, begin, 1);
        case '?':
            return make(TokenKind::Question, begin, 1);
        case '~':
            return make(TokenKind::Tilde, begin, 1);
        case '[':
            if (at(begin + 1) == '*' && at(begin + 2) == ']')
                return make(TokenKind::FullSplat, begin, 3);
            return make(TokenKind::LeftBracket, begin, 1);
        case '.':
            if (at(begin + 1) == '.' && at(begin + 2) == '.')
                return make(TokenKind::Ellipsis, begin, 3);
            if (at(begin + 1) == '*') return make(TokenKind::DotStar, begin, 2);
            return make(TokenKind::Dot, begin, 1);
        case '=':
            if (at(begin + 1) == '=') return make(TokenKind::Operator, begin, 2);
            if (at(begin + 1) == '>') return make(TokenKind::Arrow, begin, 2);
            return make(TokenKind::Assign, begin, 1);
        case '!':
            return make(TokenKind::Operator, begin, at(begin + 1) == '=' ? 2 : 1);
        case '<':
            if (at(begin + 1) == '<')
                return make(TokenKind::Heredoc, begin, at(begin + 2) == '-' ? 3 : 2);
            return make(TokenKind::Operator, begin, at(begin + 1) == '=' ? 2 : 1);
        case '>':
            return make(TokenKind::Operator, begin, at(begin + 1) == '=' ? 2 : 1);
        case '&':
        case '|':
            if (at(begin + 1) != c) return make(TokenKind::Invalid, begin, 1);
            return make(TokenKind::Operator, begin, 2);
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
            return make(TokenKind::Operator, begin, 1);
        default:
            return make(TokenKind::Invalid, begin, 1);
    }
}

}  // namespace bulwark::hcl::native
