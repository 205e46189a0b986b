// Templates for the native HCL parser: quoted strings, heredocs, interpolations and directives,
// read the way tree-sitter-hcl's external scanner reads them and assembled into parts the way
// the tree-sitter converter assembles them.
#include "parsers/terraform/hcl/native_parser_impl.h"

namespace bulwark::hcl::native {
namespace {

bool is_space_not_newline(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A template with one literal part is that literal; an empty one is the empty string.
Expr simplify(Expr e) {
    if (e.children.empty()) {
        Expr literal;
        literal.kind = ExprKind::Literal;
        literal.range = e.range;
        literal.literal = Value::string("", e.range);
        return literal;
    }
    if (e.children.size() == 1 && e.children[0].kind == ExprKind::Literal) {
        Expr literal;
        literal.kind = ExprKind::Literal;
        literal.range = e.range;
        literal.literal = std::move(e.children[0].literal);
        literal.literal.set_range(e.range);
        return literal;
    }
    return e;
}

}  // namespace

Expr Parser::parse_quoted(Token quote) {
    std::vector<TemplatePiece> pieces;
    ++template_nesting_;
    const Scan scan = scan_template(quote.end, true, {}, false, pieces);
    --template_nesting_;
    if (scan.stop != Stop::Quote) throw Rejected{};
    const std::uint32_t close = scan.begin;
    const SourceRange where = range(quote.begin, close + 1);
    Expr e;
    if (pieces.empty()) {
        e = literal(Value::string(literal_text(text_.substr(quote.end, close - quote.end), true)),
                    where);
    } else {
        ++templates_built_;
        e.kind = ExprKind::Template;
        e.range = where;
        assemble(pieces, quote.end, close, true, 0, e.children);
        e = simplify(std::move(e));
    }
    previous_end_ = close + 1;
    restart_at(close + 1);
    return e;
}

std::string Parser::parse_label(Token quote) {
    std::vector<TemplatePiece> pieces;
    const Scan scan = scan_template(quote.end, true, {}, false, pieces);
    if (scan.stop != Stop::Quote || !pieces.empty()) throw Rejected{};
    std::string label = literal_text(text_.substr(quote.end, scan.begin - quote.end), true);
    previous_end_ = scan.end;
    restart_at(scan.end);
    return label;
}

Expr Parser::parse_heredoc(Token start) {
    if (template_nesting_ > 0) throw Rejected{};  // a heredoc inside a template: too unusual
    const bool strip = text_of(start).ends_with('-');
    const auto size = static_cast<std::uint32_t>(text_.size());
    std::uint32_t i = start.end;
    while (i < size && (is_identifier_char(text_[i])))
        ++i;
    if (i == start.end || (i < size && (static_cast<unsigned char>(text_[i]) & 0x80)))
        throw Rejected{};
    const std::string_view id = text_.substr(start.end, i - start.end);
    while (i < size && is_space_not_newline(text_[i]))
        ++i;
    if (i >= size || text_[i] != '\n') throw Rejected{};
    const std::uint32_t begin = i + 1;

    const int built_before = templates_built_;
    std::vector<TemplatePiece> pieces;
    ++template_nesting_;
    const Scan scan = scan_template(begin, false, id, true, pieces);
    --template_nesting_;
    if (scan.stop != Stop::HeredocEnd) throw Rejected{};
    std::uint32_t end = scan.begin;
    while (end > begin && text_[end - 1] != '\n')
        --end;
    const std::size_t indent = strip ? heredoc_indent(text_.substr(begin, end - begin)) : 0;
    // The converter's dedent state is shared with templates nested in this one's
    // interpolations; rather than mirror that interleaving, leave such files to it.
    if (indent > 0 && templates_built_ != built_before) throw Rejected{};
    ++templates_built_;
    Expr e;
    e.kind = ExprKind::Template;
    e.range = range(start.begin, scan.end);
    assemble(pieces, begin, end, false, indent, e.children);
    previous_end_ = scan.end;
    restart_at(scan.end);
    return simplify(std::move(e));
}

std::uint32_t Parser::closing_line(std::uint32_t line_start, std::string_view heredoc_id,
                                   std::uint32_t& id_begin) const {
    const auto size = static_cast<std::uint32_t>(text_.size());
    std::uint32_t i = line_start;
    while (i < size && is_space_not_newline(text_[i]))
        ++i;
    if (text_.substr(i, heredoc_id.size()) != heredoc_id) return kNotClosing;
    const std::uint32_t id_at = i;
    i += static_cast<std::uint32_t>(heredoc_id.size());
    while (i < size && is_space_not_newline(text_[i]))
        ++i;
    if (i < size && text_[i] == '\n') {
        id_begin = id_at;
        return kClosing;
    }
    if (i >= size) throw Rejected{};
    return i + 1;  // tree-sitter's scanner takes the identifier and one more character as text
}

Parser::Scan Parser::scan_template(std::uint32_t from, bool quoted, std::string_view heredoc_id,
                                   bool line_start, std::vector<TemplatePiece>& pieces) {
    const auto size = static_cast<std::uint32_t>(text_.size());
    std::uint32_t i = from;
    for (;;) {
        // Inside a directive tree-sitter does not look for the closing line (its grammar does
        // not allow it there), so directive bodies are scanned with no identifier.
        if (!quoted && line_start && !heredoc_id.empty()) {
            line_start = false;
            std::uint32_t id_begin = 0;
            const std::uint32_t closing = closing_line(i, heredoc_id, id_begin);
            if (closing == kClosing) {
                return Scan{Stop::HeredocEnd, id_begin,
                            id_begin + static_cast<std::uint32_t>(heredoc_id.size())};
            }
            if (closing != kNotClosing) {
                i = closing;
                continue;
            }
        }
        if (i >= size) throw Rejected{};
        const char c = text_[i];
        if (quoted) {
            if (c == '"') return Scan{Stop::Quote, i, i + 1};
            if (c == '\n') throw Rejected{};
            if (c == '\\') {
                const char e = i + 1 < size ? text_[i + 1] : '\0';
                if (e == 'n' || e == 'r' || e == 't' || e == '"' || e == '\\') {
                    i += 2;
                } else if (e == 'u' || e == 'U') {
                    const std::uint32_t digits = e == 'u' ? 4 : 8;
                    for (std::uint32_t d = 0; d < digits; ++d) {
                        if (i + 2 + d >= size || !is_hex(text_[i + 2 + d])) throw Rejected{};
                    }
                    i += 2 + digits;
                } else {
                    throw Rejected{};
                }
                continue;
            }
        }
        if (c == '$' || c == '%') {
            const char next = i + 1 < size ? text_[i + 1] : '\0';
            if (next == '{') {
                if (c == '$') {
                    i = parse_interpolation(i, pieces);
                    continue;
                }
                const Scan directive = parse_directive(i, quoted, pieces);
                if (directive.stop != Stop::Directive) return directive;
                i = directive.end;
                continue;
            }
            if (next == c) {
                i += i + 2 < size && text_[i + 2] == '{' ? 3 : 2;
                continue;
            }
            ++i;
            continue;
        }
        if (c == '\n') line_start = true;
        ++i;
    }
}

std::uint32_t Parser::parse_interpolation(std::uint32_t at, std::vector<TemplatePiece>& pieces) {
    restart_at(at + 2);
    bool strip_before = false;
    bool strip_after = false;
    if (this->at(TokenKind::Tilde)) {
        take();
        strip_before = true;
    }
    if (this->at(TokenKind::RightBrace)) throw Rejected{};
    Expr e = parse_expression();
    if (this->at(TokenKind::Tilde)) {
        take();
        strip_after = true;
    }
    if (!this->at(TokenKind::RightBrace)) throw Rejected{};
    const std::uint32_t end = current_.end;
    e.strip_before = strip_before;
    e.strip_after = strip_after;
    pieces.push_back(TemplatePiece{at, end, std::move(e), nullptr});
    return end;
}

Parser::Scan Parser::parse_directive(std::uint32_t at, bool quoted,
                                     std::vector<TemplatePiece>& pieces) {
    restart_at(at + 2);
    if (this->at(TokenKind::Tilde)) take();
    const Token keyword = expect(TokenKind::Identifier);
    const std::string_view word = text_of(keyword);
    auto close_marker = [&] {
        if (this->at(TokenKind::Tilde)) take();
        if (!this->at(TokenKind::RightBrace)) throw Rejected{};
        return current_.end;
    };
    if (word == "else") return Scan{Stop::Else, at, close_marker()};
    if (word == "endif") return Scan{Stop::EndIf, at, close_marker()};
    if (word == "endfor") return Scan{Stop::EndFor, at, close_marker()};
    auto directive = std::make_unique<Directive>();
    if (word == "if") {
        directive->head = parse_expression();
    } else if (word == "for") {
        directive->is_for = true;
        directive->names.emplace_back(text_of(expect(TokenKind::Identifier)));
        if (this->at(TokenKind::Comma)) {
            take();
            directive->names.emplace_back(text_of(expect(TokenKind::Identifier)));
        }
        if (!this->at(TokenKind::Identifier) || text_of(current_) != "in") throw Rejected{};
        take();
        directive->head = parse_expression();
    } else {
        throw Rejected{};
    }
    const std::uint32_t intro_end = close_marker();
    directive->markers.push_back(MarkerSpan{at, intro_end});
    Scan body = scan_template(intro_end, quoted, {}, false, directive->pieces);
    if (!directive->is_for && body.stop == Stop::Else) {
        directive->markers.push_back(MarkerSpan{body.begin, body.end});
        body = scan_template(body.end, quoted, {}, false, directive->pieces);
    }
    if (body.stop != (directive->is_for ? Stop::EndFor : Stop::EndIf)) throw Rejected{};
    directive->markers.push_back(MarkerSpan{body.begin, body.end});
    pieces.push_back(TemplatePiece{at, body.end, Expr{}, std::move(directive)});
    return Scan{Stop::Directive, at, body.end};
}

// ---- assembly, as the converter's template_parts ----------------------------------------------

void Parser::add_literal(std::uint32_t begin, std::uint32_t end, bool quoted, std::size_t indent,
                         std::vector<Expr>& parts) {
    if (end <= begin) return;
    std::string_view raw = text_.substr(begin, end - begin);
    std::string dedented;
    if (indent > 0) {
        dedented = dedenter_.apply(raw, begin == 0 || text_[begin - 1] == '\n', indent);
        raw = dedented;
    }
    parts.push_back(literal(Value::string(literal_text(raw, quoted)), range(begin, end)));
}

void Parser::assemble(std::vector<TemplatePiece>& pieces, std::uint32_t begin, std::uint32_t end,
                      bool quoted, std::size_t indent, std::vector<Expr>& parts) {
    dedenter_.reset(indent);
    std::uint32_t cursor = begin;
    for (TemplatePiece& piece : pieces) {
        if (piece.begin < begin || piece.end > end) continue;
        add_literal(cursor, piece.begin, quoted, indent, parts);
        if (piece.directive) {
            parts.push_back(
                directive_expr(*piece.directive, range(piece.begin, piece.end), quoted, indent));
        } else {
            parts.push_back(std::move(piece.expression));
        }
        cursor = piece.end;
    }
    add_literal(cursor, end, quoted, indent, parts);
}

Expr Parser::directive_expr(Directive& directive, SourceRange where, bool quoted,
                            std::size_t indent) {
    Expr e;
    e.range = where;
    auto body = [&](const MarkerSpan& from, const MarkerSpan& to) {
        Expr part;
        part.kind = ExprKind::Template;
        part.range = where;
        assemble(directive.pieces, from.end, to.begin, quoted, indent, part.children);
        return part;
    };
    e.kind = directive.is_for ? ExprKind::TemplateFor : ExprKind::TemplateIf;
    if (directive.is_for) {
        if (directive.names.size() == 2) {
            e.name = directive.names[0];
            e.name2 = directive.names[1];
        } else {
            e.name2 = directive.names[0];
        }
    }
    e.children.push_back(std::move(directive.head));
    e.children.push_back(body(directive.markers[0], directive.markers[1]));
    if (!directive.is_for) {
        if (directive.markers.size() == 3) {
            e.children.push_back(body(directive.markers[1], directive.markers[2]));
        } else {
            Expr empty;
            empty.kind = ExprKind::Template;
            e.children.push_back(std::move(empty));
        }
    }
    return e;
}

}  // namespace bulwark::hcl::native
