#include "parsers/terraform/hcl/native_parser.h"

#include <algorithm>
#include <charconv>

#include "io/scalar.h"
#include "parsers/terraform/hcl/native_parser_impl.h"

namespace bulwark::hcl {
namespace native {

LineIndex::LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
        starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
}

SourcePosition LineIndex::at(std::uint32_t offset) {
    if (offset < starts_[line_]) {
        line_ = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                         starts_.begin()) -
                1;
    }
    while (line_ + 1 < starts_.size() && starts_[line_ + 1] <= offset)
        ++line_;
    return {static_cast<std::uint32_t>(line_ + 1), offset - starts_[line_] + 1};
}

namespace {

// Binary operators and their precedence, loosest first, as tree-sitter-hcl ranks them.
int precedence(std::string_view op) {
    if (op == "||") return 1;
    if (op == "&&") return 2;
    if (op == "==" || op == "!=") return 3;
    if (op == "<" || op == "<=" || op == ">" || op == ">=") return 4;
    if (op == "+" || op == "-") return 5;
    if (op == "*" || op == "/" || op == "%") return 6;
    return 0;  // `!` is unary only
}

// Words tree-sitter-hcl reads as keywords where an expression may start; a variable so named
// would be read differently there, so such files go to tree-sitter.
bool is_keyword(std::string_view name) {
    return name == "for" || name == "in" || name == "if";
}

}  // namespace

Parser::Parser(std::string_view text, FileId file)
    : text_(text), file_(file), lexer_(text), lines_(text) {}

Token Parser::take() {
    const Token token = current_;
    previous_end_ = token.end;
    current_ = lexer_.next();  // an Invalid token is rejected by whoever looks at it
    return token;
}

Token Parser::expect(TokenKind kind) {
    if (current_.kind != kind) throw Rejected{};
    return take();
}

bool Parser::at_operator(std::string_view op) const {
    return current_.kind == TokenKind::Operator && text_of(current_) == op;
}

void Parser::restart_at(std::uint32_t offset) {
    lexer_.seek(offset);
    current_ = lexer_.next();
}

SourceRange Parser::range(std::uint32_t begin, std::uint32_t end) {
    SourceRange where;
    where.file = file_;
    where.begin = lines_.at(begin);
    where.end = lines_.at(end);
    return where;
}

File Parser::parse_file() {
    // tree-sitter stops reading at a NUL byte; such a file is not text anyway.
    if (text_.size() >= 0x7FFFFFFF || text_.find('\0') != std::string_view::npos) throw Rejected{};
    // tree-sitter skips a byte order mark; columns on the first line still count its bytes.
    if (text_.starts_with("\xEF\xBB\xBF")) lexer_.seek(3);
    File out;
    current_ = lexer_.next();
    parse_body(out.body, true);
    for (const CommentSpan& comment : lexer_.comments()) {
        out.comments.push_back(
            Comment{lines_.at(comment.begin).line,
                    std::string(text_.substr(comment.begin, comment.end - comment.begin))});
    }
    return out;
}

// ---- bodies ---------------------------------------------------------------------------------

void Parser::parse_body(Body& body, bool top_level) {
    for (;;) {
        if (at(TokenKind::End)) {
            if (top_level) return;
            throw Rejected{};
        }
        if (at(TokenKind::RightBrace) && !top_level) return;
        const Token name = expect(TokenKind::Identifier);
        if (at(TokenKind::Assign)) {
            parse_attribute(name, body);
        } else {
            parse_block(name, body);
        }
    }
}

void Parser::parse_attribute(Token name, Body& body) {
    take();  // =
    Attribute attribute;
    const std::uint32_t value_begin = current_.begin;
    attribute.value = parse_expression();
    invalid_if_comment_between(name.end, value_begin, attribute.value);
    attribute.name = std::string(text_of(name));
    attribute.name_range = range(name.begin, name.end);
    attribute.range = range(name.begin, previous_end_);
    body.attributes.push_back(std::move(attribute));
    drop_comments_inside(name.begin, previous_end_);
}

// tree-sitter keeps a comment inside an attribute as a child of the attribute's nodes, where
// the converter does not look: only comments between attributes and blocks are kept.
void Parser::drop_comments_inside(std::uint32_t begin, std::uint32_t end) {
    std::vector<CommentSpan>& comments = lexer_.comments();
    auto last = comments.end();
    while (last != comments.begin() && (last - 1)->begin >= end)
        --last;
    auto first = last;
    while (first != comments.begin() && (first - 1)->begin >= begin)
        --first;
    comments.erase(first, last);
}

// The converter takes some values as "the n-th named child" of a node, and a comment there is a
// named child: `a = # note` + newline + `1` gives an Invalid value with the comment's range, as
// does a comment right after `[` of an index or `if` of a for condition.
void Parser::invalid_if_comment_between(std::uint32_t begin, std::uint32_t end, Expr& e) {
    const std::vector<CommentSpan>& comments = lexer_.comments();
    auto first = comments.end();
    while (first != comments.begin() && (first - 1)->begin >= begin)
        --first;
    if (first == comments.end() || first->begin >= end) return;
    e = Expr{};
    e.kind = ExprKind::Invalid;
    e.range = range(first->begin, first->end);
}

void Parser::parse_block(Token type, Body& body) {
    Nested nested(depth_);
    Block block;
    block.type = std::string(text_of(type));
    while (!at(TokenKind::LeftBrace)) {
        if (at(TokenKind::Identifier)) {
            block.labels.emplace_back(text_of(take()));
        } else if (at(TokenKind::Quote)) {
            block.labels.push_back(parse_label(current_));
        } else {
            throw Rejected{};
        }
    }
    take();
    parse_body(block.body, false);
    const Token close = expect(TokenKind::RightBrace);
    block.range = range(type.begin, close.end);
    body.blocks.push_back(std::move(block));
}

// ---- expressions ----------------------------------------------------------------------------

Expr Parser::literal(Value value, SourceRange where) {
    Expr e;
    e.kind = ExprKind::Literal;
    e.range = where;
    value.set_range(where);
    e.literal = std::move(value);
    return e;
}

Expr Parser::parse_expression() {
    Nested nested(depth_);
    const std::uint32_t begin = current_.begin;
    Expr condition = parse_binary(1);
    int chained = 0;
    // Read left-associatively, as tree-sitter-hcl does (`(a ? b : c) ? d : e`), then regrouped
    // into HCL's `a ? b : (c ? d : e)` by the same step the tree-sitter path takes.
    while (at(TokenKind::Question)) {
        take();
        Expr then = parse_expression();
        expect(TokenKind::Colon);
        Expr otherwise = parse_binary(1);
        Expr e;
        e.kind = ExprKind::Conditional;
        e.range = range(begin, previous_end_);
        e.children.push_back(std::move(condition));
        e.children.push_back(std::move(then));
        e.children.push_back(std::move(otherwise));
        regroup_conditional(e);
        condition = std::move(e);
        if (++depth_ > kMaxDepth) throw Rejected{};
        ++chained;
    }
    depth_ -= chained;
    return condition;
}

Expr Parser::parse_binary(int min_precedence) {
    const std::uint32_t begin = current_.begin;
    Expr left = parse_unary();
    int chained = 0;
    while (current_.kind == TokenKind::Operator) {
        const std::string_view op = text_of(current_);
        const int p = precedence(op);
        if (p == 0 || p < min_precedence) break;
        take();
        if (++depth_ > kMaxDepth) throw Rejected{};
        ++chained;
        Expr right = parse_binary(p + 1);
        Expr e;
        e.kind = ExprKind::Binary;
        e.name = std::string(op);
        e.range = range(begin, previous_end_);
        // The converter gives a traversal operand the operation's end (its node has no range of
        // its own there).
        if (left.kind == ExprKind::Traversal && !left.parenthesized) left.range.end = e.range.end;
        e.children.push_back(std::move(left));
        e.children.push_back(std::move(right));
        left = std::move(e);
    }
    depth_ -= chained;
    return left;
}

Expr Parser::parse_unary() {
    if (!at_operator("-") && !at_operator("!")) return parse_postfix();
    Nested nested(depth_);
    const Token op = take();
    Expr operand = parse_unary();
    Expr e;
    e.kind = ExprKind::Unary;
    e.name = std::string(text_of(op));
    e.range = range(op.begin, previous_end_);
    if (operand.kind == ExprKind::Traversal && !operand.parenthesized)
        operand.range.end = e.range.end;
    e.children.push_back(std::move(operand));
    return e;
}

Expr Parser::parse_postfix() {
    const std::uint32_t begin = current_.begin;
    Expr base = parse_primary();
    std::vector<Step> steps;
    while (parse_step(steps, false)) {
    }
    if (steps.empty()) return base;
    Expr traversal;
    traversal.kind = ExprKind::Traversal;
    traversal.range = range(begin, previous_end_);
    traversal.children.push_back(std::move(base));
    traversal.steps = std::move(steps);
    return traversal;
}

bool Parser::parse_step(std::vector<Step>& steps, bool in_splat) {
    if (at(TokenKind::Dot)) {
        const Token dot = current_;
        std::uint32_t i = dot.end;
        const auto size = static_cast<std::uint32_t>(text_.size());
        Step step;
        if (i < size && is_digit(text_[i])) {  // legacy index: `.0`
            while (i < size && is_digit(text_[i]))
                ++i;
            if (i < size &&
                (is_identifier_start(text_[i]) || (static_cast<unsigned char>(text_[i]) & 0x80))) {
                throw Rejected{};
            }
            double n = 0;
            std::from_chars(text_.data() + dot.end, text_.data() + i, n);
            step.kind = Step::Kind::Index;
            step.range = range(dot.begin, i);
            step.index = std::make_unique<Expr>(literal(Value::number(n), step.range));
            previous_end_ = i;
            restart_at(i);
        } else if (i < size && is_identifier_start(text_[i])) {
            restart_at(i);
            const Token name = expect(TokenKind::Identifier);
            step.kind = Step::Kind::Attribute;
            step.name = std::string(text_of(name));
            step.range = range(dot.begin, name.end);
        } else {
            throw Rejected{};
        }
        steps.push_back(std::move(step));
        return true;
    }
    if (at(TokenKind::DotStar) || at(TokenKind::FullSplat)) {
        if (in_splat) return false;  // a second splat is a step of its own
        const Token splat = take();
        Step step;
        step.kind =
            splat.end - splat.begin == 2 ? Step::Kind::AttributeSplat : Step::Kind::FullSplat;
        while (parse_step(step.inner, true)) {
        }
        step.range = range(splat.begin, previous_end_);
        steps.push_back(std::move(step));
        return true;
    }
    if (at(TokenKind::LeftBracket)) {
        const Token open = take();
        Step step;
        step.kind = Step::Kind::Index;
        const std::uint32_t index_begin = current_.begin;
        step.index = std::make_unique<Expr>(parse_expression());
        invalid_if_comment_between(open.end, index_begin, *step.index);
        const Token close = expect(TokenKind::RightBracket);
        step.range = range(open.begin, close.end);
        steps.push_back(std::move(step));
        return true;
    }
    return false;
}

Expr Parser::parse_primary() {
    Nested nested(depth_);
    switch (current_.kind) {
        case TokenKind::Number: {
            const Token token = take();
            const std::string_view raw = text_of(token);
            double n = 0;
            if (raw.starts_with("0x")) {
                unsigned long long hex = 0;
                std::from_chars(raw.data() + 2, raw.data() + raw.size(), hex, 16);
                n = static_cast<double>(hex);
            } else {
                n = parse_decimal(raw).value_or(0);
            }
            return literal(Value::number(n), range(token.begin, token.end));
        }
        case TokenKind::Identifier: {
            const Token token = take();
            const std::string_view name = text_of(token);
            const SourceRange where = range(token.begin, token.end);
            if (name == "true" || name == "false")
                return literal(Value::boolean(name == "true"), where);
            if (name == "null") return literal(Value::null(), where);
            if (is_keyword(name)) throw Rejected{};
            if (at(TokenKind::LeftParen)) return parse_call(token);
            Expr e;
            e.kind = ExprKind::Variable;
            e.range = where;
            e.name = std::string(name);
            return e;
        }
        case TokenKind::Quote:
            return parse_quoted(current_);
        case TokenKind::Heredoc:
            return parse_heredoc(current_);
        case TokenKind::LeftBracket:
            return parse_tuple(take());
        case TokenKind::LeftBrace:
            return parse_object(take());
        case TokenKind::LeftParen: {
            const Token open = take();
            Expr inner = parse_expression();
            const Token close = expect(TokenKind::RightParen);
            inner.range = range(open.begin, close.end);
            inner.parenthesized = true;
            return inner;
        }
        default:
            throw Rejected{};
    }
}

Expr Parser::parse_call(Token name) {
    take();  // (
    Expr e;
    e.kind = ExprKind::Call;
    e.name = std::string(text_of(name));
    if (!at(TokenKind::RightParen)) {
        for (;;) {
            e.children.push_back(parse_expression());
            if (at(TokenKind::Ellipsis)) {
                take();
                e.expand_final = true;
                break;
            }
            if (!at(TokenKind::Comma)) break;
            take();
            if (at(TokenKind::RightParen)) break;
        }
    }
    const Token close = expect(TokenKind::RightParen);
    e.range = range(name.begin, close.end);
    return e;
}

Expr Parser::parse_tuple(Token open) {
    if (at(TokenKind::Identifier) && text_of(current_) == "for") return parse_for(open, true);
    Expr e;
    e.kind = ExprKind::Tuple;
    while (!at(TokenKind::RightBracket)) {
        e.children.push_back(parse_expression());
        if (!at(TokenKind::Comma)) break;
        take();
    }
    const Token close = expect(TokenKind::RightBracket);
    e.range = range(open.begin, close.end);
    return e;
}

Expr Parser::parse_object(Token open) {
    if (at(TokenKind::Identifier) && text_of(current_) == "for") return parse_for(open, false);
    Expr e;
    e.kind = ExprKind::Object;
    while (!at(TokenKind::RightBrace)) {
        ObjectItem item;
        item.key = parse_expression();
        if (!at(TokenKind::Assign) && !at(TokenKind::Colon)) throw Rejected{};
        take();
        item.value = parse_expression();
        e.items.push_back(std::move(item));
        if (at(TokenKind::Comma)) take();
    }
    const Token close = expect(TokenKind::RightBrace);
    e.range = range(open.begin, close.end);
    return e;
}

Expr Parser::parse_for(Token open, bool tuple) {
    take();  // for
    Expr e;
    e.kind = tuple ? ExprKind::ForTuple : ExprKind::ForObject;
    const Token first = expect(TokenKind::Identifier);
    if (at(TokenKind::Comma)) {
        take();
        const Token second = expect(TokenKind::Identifier);
        e.name = std::string(text_of(first));
        e.name2 = std::string(text_of(second));
    } else {
        e.name2 = std::string(text_of(first));
    }
    if (!at(TokenKind::Identifier) || text_of(current_) != "in") throw Rejected{};
    take();
    e.children.push_back(parse_expression());
    expect(TokenKind::Colon);
    e.children.push_back(parse_expression());
    if (!tuple) {
        expect(TokenKind::Arrow);
        e.children.push_back(parse_expression());
        if (at(TokenKind::Ellipsis)) {
            take();
            e.expand_final = true;
        }
    }
    if (at(TokenKind::Identifier) && text_of(current_) == "if") {
        const Token if_keyword = take();
        const std::uint32_t condition_begin = current_.begin;
        e.children.push_back(parse_expression());
        invalid_if_comment_between(if_keyword.end, condition_begin, e.children.back());
    }
    const Token close = expect(tuple ? TokenKind::RightBracket : TokenKind::RightBrace);
    e.range = range(open.begin, close.end);
    return e;
}

}  // namespace native

std::optional<File> parse_native(std::string_view text, FileId file) {
    try {
        return native::Parser(text, file).parse_file();
    } catch (const native::Rejected&) {
        return std::nullopt;
    }
}

}  // namespace bulwark::hcl
