#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

// The tokens of HCL's native syntax outside templates (template text is read character by
// character by the parser, which knows when it is inside one). Only ASCII is read here: a file
// with other bytes outside strings and comments goes to tree-sitter, as does anything odd.
namespace bulwark::hcl::native {

enum class TokenKind : std::uint8_t {
    End,
    Identifier,  // letters, digits, `_`, `-` and `::` (Terraform provider functions)
    Number,
    Quote,    // `"`: a string or template follows
    Heredoc,  // `<<` or `<<-`
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Comma,
    Assign,    // =
    Colon,     // :
    Question,  // ?
    Dot,
    DotStar,    // .*
    Ellipsis,   // ...
    FullSplat,  // [*]
    Arrow,      // =>
    Tilde,      // ~ (template strip marker)
    Operator,   // + - * / % == != < <= > >= && || !
    Invalid,    // a byte this lexer does not handle
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::uint32_t begin = 0;  // byte offsets into the text
    std::uint32_t end = 0;
};

struct CommentSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

class Lexer {
  public:
    explicit Lexer(std::string_view text) : text_(text) {}

    // Skips whitespace and comments (recording the comments), then reads one token.
    Token next();

    std::uint32_t offset() const { return pos_; }
    void seek(std::uint32_t pos) { pos_ = pos; }
    std::vector<CommentSpan>& comments() { return comments_; }

  private:
    bool skip_trivia();  // false on an unterminated comment or a byte it does not know
    Token identifier(std::uint32_t begin);
    Token number(std::uint32_t begin);
    Token make(TokenKind kind, std::uint32_t begin, std::uint32_t length) {
        pos_ = begin + length;
        return Token{kind, begin, pos_};
    }

    std::string_view text_;
    std::uint32_t pos_ = 0;
    std::vector<CommentSpan> comments_;
};

inline bool is_identifier_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_identifier_char(char c) {
    return is_identifier_start(c) || is_digit(c) || c == '-';
}

}  // namespace bulwark::hcl::native
