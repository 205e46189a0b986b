#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/terraform/hcl/native_lexer.h"
#include "parsers/terraform/hcl/syntax.h"
#include "parsers/terraform/hcl/template_text.h"

// The native parser's internals, shared by its two source files (bodies and expressions in
// native_parser.cpp, templates in native_template.cpp).
namespace bulwark::hcl::native {

// Thrown to abandon a file; caught in parse_native, which then returns nullopt.
struct Rejected {};

// Byte offsets to 1-based line and column (columns count bytes, as tree-sitter's do). Look-ups
// mostly move forward, so it walks from the previous answer.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    SourcePosition at(std::uint32_t offset);

  private:
    std::vector<std::uint32_t> starts_;
    std::size_t line_ = 0;
};

struct Directive;

// An interpolation or a directive inside a template, in source order.
struct TemplatePiece {
    std::uint32_t begin = 0;  // from `${` or `%{` ...
    std::uint32_t end = 0;    // ... to the closing `}` (of the end marker, for a directive)
    Expr expression;          // an interpolation's expression, strip flags set
    std::unique_ptr<Directive> directive;
};

struct MarkerSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

struct Directive {
    bool is_for = false;
    std::vector<MarkerSpan> markers;    // if, [else,] endif; or for, endfor
    Expr head;                          // the condition or the collection
    std::vector<std::string> names;     // a for directive's variables
    std::vector<TemplatePiece> pieces;  // everything nested between the markers
};

class Parser {
  public:
    Parser(std::string_view text, FileId file);
    File parse_file();

  private:
    // ---- tokens (native_parser.cpp)
    Token take();
    Token expect(TokenKind kind);
    bool at(TokenKind kind) const { return current_.kind == kind; }
    bool at_operator(std::string_view op) const;
    std::string_view text_of(const Token& token) const {
        return text_.substr(token.begin, token.end - token.begin);
    }
    void restart_at(std::uint32_t offset);  // re-reads tokens from a byte offset
    SourceRange range(std::uint32_t begin, std::uint32_t end);

    // ---- bodies
    void parse_body(Body& body, bool top_level);
    void parse_block(Token type, Body& body);
    void parse_attribute(Token name, Body& body);
    void drop_comments_inside(std::uint32_t begin, std::uint32_t end);
    void invalid_if_comment_between(std::uint32_t begin, std::uint32_t end, Expr& e);

    // ---- expressions
    Expr parse_expression();
    Expr parse_binary(int min_precedence);
    Expr parse_unary();
    Expr parse_postfix();
    bool parse_step(std::vector<Step>& steps, bool in_splat);
    Expr parse_primary();
    Expr parse_call(Token name);
    Expr parse_tuple(Token open);
    Expr parse_object(Token open);
    Expr parse_for(Token open, bool tuple);
    Expr literal(Value value, SourceRange where);

    // ---- templates (native_template.cpp)
    Expr parse_quoted(Token quote);
    std::string parse_label(Token quote);
    Expr parse_heredoc(Token start);
    enum class Stop : std::uint8_t { Quote, HeredocEnd, Else, EndIf, EndFor, Directive };
    struct Scan {
        Stop stop;
        std::uint32_t begin;  // the stop's first byte (a marker's `%{`, the closing identifier)
        std::uint32_t end;    // the byte after it
    };
    // Reads template text from `from` up to the first stop: the closing quote, the heredoc's
    // closing line, or an else/endif/endfor marker (for the directive that called it).
    Scan scan_template(std::uint32_t from, bool quoted, std::string_view heredoc_id,
                       bool line_start, std::vector<TemplatePiece>& pieces);
    std::uint32_t parse_interpolation(std::uint32_t at, std::vector<TemplatePiece>& pieces);
    // Reads a directive marker at `at` (`%{`): an else/endif/endfor marker is returned as that
    // stop; an if/for directive is read whole into `pieces` and returned as Stop::Directive.
    Scan parse_directive(std::uint32_t at, bool quoted, std::vector<TemplatePiece>& pieces);
    // At the start of a heredoc line: kNotClosing, kClosing (`id_begin` set), or the offset
    // after the text tree-sitter's scanner swallows when the line starts with the identifier
    // followed by more text.
    std::uint32_t closing_line(std::uint32_t line_start, std::string_view heredoc_id,
                               std::uint32_t& id_begin) const;
    static constexpr std::uint32_t kNotClosing = 0;
    static constexpr std::uint32_t kClosing = 0xFFFFFFFF;
    void assemble(std::vector<TemplatePiece>& pieces, std::uint32_t begin, std::uint32_t end,
                  bool quoted, std::size_t indent, std::vector<Expr>& parts);
    void add_literal(std::uint32_t begin, std::uint32_t end, bool quoted, std::size_t indent,
                     std::vector<Expr>& parts);
    Expr directive_expr(Directive& directive, SourceRange where, bool quoted, std::size_t indent);

    // Nesting guard: the converter stops at 512 levels; this stays well below that so the two
    // never differ on what is read.
    struct Nested {
        explicit Nested(int& depth) : depth_(depth) {
            if (++depth_ > kMaxDepth) throw Rejected{};
        }
        ~Nested() { --depth_; }
        Nested(const Nested&) = delete;
        Nested& operator=(const Nested&) = delete;
        int& depth_;
    };
    static constexpr int kMaxDepth = 150;

    std::string_view text_;
    FileId file_;
    Lexer lexer_;
    LineIndex lines_;
    Token current_;
    std::uint32_t previous_end_ = 0;  // the byte after the last token taken
    int depth_ = 0;
    Dedenter dedenter_;
    int templates_built_ = 0;  // templates that reset the dedenter (nested ones are rejected)
    int template_nesting_ = 0;
};

}  // namespace bulwark::hcl::native
