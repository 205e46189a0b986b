#include <tree_sitter/api.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/scalar.h"
#include "parsers/terraform/hcl/native_parser.h"
#include "parsers/terraform/hcl/syntax.h"
#include "parsers/terraform/hcl/template_text.h"
#include "rules/builtins/secret_patterns.h"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace bulwark::hcl {
namespace {

// Symbol IDs of the node types the converter dispatches on, looked up once.
struct Symbols {
    TSSymbol attribute, block, body, identifier, string_lit, expression, literal_value, numeric_lit,
        bool_lit, null_lit, template_expr, quoted_template, heredoc_template,
        template_interpolation, template_directive, template_if, template_for, template_for_start,
        template_if_intro, template_else_intro, template_if_end, template_for_end, strip_marker,
        collection_value, tuple, object, object_elem, variable_expr, function_call,
        function_arguments, for_expr, for_tuple_expr, for_object_expr, for_intro, for_cond,
        operation, unary_operation, binary_operation, conditional, index, new_index, legacy_index,
        get_attr, splat, attr_splat, full_splat, comment, ellipsis, heredoc_start,
        heredoc_identifier, quoted_template_start, quoted_template_end;

    explicit Symbols(const TSLanguage* language) {
        auto id = [&](const char* name) {
            return ts_language_symbol_for_name(language, name,
                                               static_cast<std::uint32_t>(std::strlen(name)), true);
        };
        attribute = id("attribute");
        block = id("block");
        body = id("body");
        identifier = id("identifier");
        string_lit = id("string_lit");
        expression = id("expression");
        literal_value = id("literal_value");
        numeric_lit = id("numeric_lit");
        bool_lit = id("bool_lit");
        null_lit = id("null_lit");
        template_expr = id("template_expr");
        quoted_template = id("quoted_template");
        heredoc_template = id("heredoc_template");
        template_interpolation = id("template_interpolation");
        template_directive = id("template_directive");
        template_if = id("template_if");
        template_for = id("template_for");
        template_for_start = id("template_for_start");
        template_if_intro = id("template_if_intro");
        template_else_intro = id("template_else_intro");
        template_if_end = id("template_if_end");
        template_for_end = id("template_for_end");
        strip_marker = id("strip_marker");
        collection_value = id("collection_value");
        tuple = id("tuple");
        object = id("object");
        object_elem = id("object_elem");
        variable_expr = id("variable_expr");
        function_call = id("function_call");
        function_arguments = id("function_arguments");
        for_expr = id("for_expr");
        for_tuple_expr = id("for_tuple_expr");
        for_object_expr = id("for_object_expr");
        for_intro = id("for_intro");
        for_cond = id("for_cond");
        operation = id("operation");
        unary_operation = id("unary_operation");
        binary_operation = id("binary_operation");
        conditional = id("conditional");
        index = id("index");
        new_index = id("new_index");
        legacy_index = id("legacy_index");
        get_attr = id("get_attr");
        splat = id("splat");
        attr_splat = id("attr_splat");
        full_splat = id("full_splat");
        comment = id("comment");
        ellipsis = id("ellipsis");
        heredoc_start = id("heredoc_start");
        heredoc_identifier = id("heredoc_identifier");
        quoted_template_start = id("quoted_template_start");
        quoted_template_end = id("quoted_template_end");
    }
};

const Symbols& symbols() {
    static const Symbols kSymbols(tree_sitter_hcl());
    return kSymbols;
}

struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
struct ParserDeleter {
    void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

class Converter {
  public:
    Converter(std::string_view text, FileId file, File& out)
        : text_(text), file_(file), out_(out), s_(symbols()) {
        line_starts_.push_back(0);
        for (std::uint32_t i = 0; i < text_.size(); ++i) {
            if (text_[i] == '\n') line_starts_.push_back(i + 1);
        }
    }

    void convert(TSNode root) {
        if (ts_node_has_error(root)) report_errors(root);
        const std::uint32_t count = ts_node_named_child_count(root);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(root, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.body) {
                convert_body(child, out_.body);
            } else if (type == s_.comment) {
                add_comment(child);
            } else if (ts_node_is_error(child)) {
                recover(child, out_.body);
            }
        }
    }

    // Keeps the blocks and attributes the grammar still recognised inside a region it could not
    // parse, so one typo does not hide the rest of the file.
    void recover(TSNode node, Body& body) {
        if (too_deep(node)) return;
        Nested nested(depth_);
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.block && !ts_node_has_error(child)) {
                convert_block(child, body);
            } else if (type == s_.attribute && !ts_node_has_error(child)) {
                convert_attribute(child, body);
            } else if (type == s_.body) {
                convert_body(child, body);
            } else if (ts_node_is_error(child) || ts_node_has_error(child)) {
                recover(child, body);
            }
        }
    }

  private:
    SourcePosition position(TSPoint point) const { return {point.row + 1, point.column + 1}; }
    SourceRange range(TSNode node) const {
        return {file_, position(ts_node_start_point(node)), position(ts_node_end_point(node))};
    }
    std::string_view text(TSNode node) const {
        const std::uint32_t start = ts_node_start_byte(node);
        return text_.substr(start, ts_node_end_byte(node) - start);
    }
    SourcePosition position_at_byte(std::uint32_t byte) const {
        auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
        const auto line = static_cast<std::uint32_t>(after - line_starts_.begin());
        return {line, byte - line_starts_[line - 1] + 1};
    }

    void report_errors(TSNode node, std::size_t depth = 0) {
        if (reported_ >= 10) return;
        if (depth > kMaxNesting) {  // the error is somewhere below; say where its region starts
            ++reported_;
            out_.diagnostics.push_back(Diagnostic{file_, position(ts_node_start_point(node)),
                                                  DiagnosticSeverity::Error,
                                                  DiagnosticCode::ParseError, "syntax error"});
            return;
        }
        if (ts_node_is_missing(node)) {
            ++reported_;
            out_.diagnostics.push_back(
                Diagnostic{file_, position(ts_node_start_point(node)), DiagnosticSeverity::Error,
                           DiagnosticCode::ParseError,
                           "syntax error: missing " + std::string(ts_node_type(node))});
            return;
        }
        if (ts_node_is_error(node)) {
            ++reported_;
            std::string snippet(text(node).substr(0, 40));
            if (const std::size_t newline = snippet.find('\n'); newline != std::string::npos) {
                snippet.resize(newline);
            }
            // Reports quote diagnostics; a broken line may be the one that holds a password.
            out_.diagnostics.push_back(Diagnostic{
                file_, position(ts_node_start_point(node)), DiagnosticSeverity::Error,
                DiagnosticCode::ParseError,
                secrets::may_hold_secret(snippet)
                    ? std::string("syntax error (the text there looks like a secret; not quoted)")
                    : "syntax error near '" + snippet + "'"});
            return;
        }
        const std::uint32_t count = ts_node_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_child(node, i);
            if (ts_node_has_error(child)) report_errors(child, depth + 1);
        }
    }

    // Syntax nested deeper than kMaxNesting levels (blocks in blocks, expressions in
    // expressions; an expression may count for a few levels) is not converted: the conversion
    // and the evaluation after it recurse, and a hostile file must not exhaust the stack.
    // Reported once per file.
    bool too_deep(TSNode node) {
        if (depth_ < kMaxNesting) return false;
        if (!reported_depth_) {
            reported_depth_ = true;
            out_.diagnostics.push_back(Diagnostic{
                file_, position(ts_node_start_point(node)), DiagnosticSeverity::Error,
                DiagnosticCode::NestingTooDeep,
                "blocks or expressions nested too deeply (over " + std::to_string(kMaxNesting) +
                    " levels of syntax); what is nested deeper is not read"});
        }
        return true;
    }
    struct Nested {
        explicit Nested(std::size_t& depth) : depth_(depth) { ++depth_; }
        ~Nested() { --depth_; }
        Nested(const Nested&) = delete;
        Nested& operator=(const Nested&) = delete;
        std::size_t& depth_;
    };

    void add_comment(TSNode node) {
        out_.comments.push_back(
            Comment{ts_node_start_point(node).row + 1, std::string(text(node))});
    }

    std::string label_text(TSNode node) const {
        if (ts_node_symbol(node) == s_.string_lit) {
            std::string_view raw = text(node);
            if (raw.size() >= 2) raw = raw.substr(1, raw.size() - 2);
            return literal_text(raw, true);
        }
        return std::string(text(node));
    }

    void convert_body(TSNode node, Body& body) {
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.attribute) {
                convert_attribute(child, body);
            } else if (type == s_.block) {
                convert_block(child, body);
            } else if (type == s_.comment) {
                add_comment(child);
            } else if (ts_node_is_error(child)) {
                recover(child, body);
            }
        }
    }

    void convert_attribute(TSNode node, Body& body) {
        TSNode name = ts_node_named_child(node, 0);
        TSNode value = ts_node_named_child(node, 1);
        if (ts_node_is_null(name) || ts_node_is_null(value) ||
            ts_node_symbol(name) != s_.identifier) {
            return;
        }
        Attribute attribute;
        attribute.name = std::string(text(name));
        attribute.name_range = range(name);
        attribute.range = range(node);
        attribute.value = expression(value);
        body.attributes.push_back(std::move(attribute));
    }

    void convert_block(TSNode node, Body& body) {
        if (too_deep(node)) return;
        Nested nested(depth_);
        Block block;
        block.range = range(node);
        const std::uint32_t count = ts_node_named_child_count(node);
        bool have_type = false;
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.identifier && !have_type) {
                block.type = std::string(text(child));
                have_type = true;
            } else if (type == s_.identifier || type == s_.string_lit) {
                block.labels.push_back(label_text(child));
            } else if (type == s_.body) {
                convert_body(child, block.body);
            } else if (type == s_.comment) {
                add_comment(child);
            }
        }
        if (have_type) body.blocks.push_back(std::move(block));
    }

    Expr invalid(TSNode node) {
        Expr e;
        e.kind = ExprKind::Invalid;
        e.range = range(node);
        return e;
    }

    Expr literal(Value value, SourceRange where) {
        Expr e;
        e.kind = ExprKind::Literal;
        e.range = where;
        value.set_range(where);
        e.literal = std::move(value);
        return e;
    }

    std::vector<TSNode> children_of(TSNode node) const {
        std::vector<TSNode> children;
        const std::uint32_t count = ts_node_child_count(node);
        children.reserve(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_child(node, i);
            if (ts_node_symbol(child) != s_.comment) children.push_back(child);
        }
        return children;
    }

    Expr expression(TSNode node) {
        if (too_deep(node)) return invalid(node);
        Nested nested(depth_);
        if (ts_node_symbol(node) != s_.expression) return primary(node);
        std::vector<TSNode> children = children_of(node);
        if (children.size() == 1 && ts_node_symbol(children[0]) == s_.conditional) {
            return primary(children[0]);
        }
        return term(children, 0, children.size(), range(node));
    }

    // A primary followed by attribute, index and splat steps, from children [begin, end).
    Expr term(const std::vector<TSNode>& children, std::size_t begin, std::size_t end,
              SourceRange where) {
        if (begin >= end) return Expr{};
        Expr base;
        std::size_t i = begin;
        if (!ts_node_is_named(children[i]) && text(children[i]) == "(") {
            base = i + 1 < end ? expression(children[i + 1]) : Expr{};
            base.range = range(children[i]);
            i += 2;
            if (i < end && text(children[i]) == ")") {
                base.range.end = range(children[i]).end;
                ++i;
            }
            base.parenthesized = true;
        } else {
            base = primary(children[i]);
            ++i;
        }
        std::vector<Step> steps;
        for (; i < end; ++i)
            add_step(children[i], steps);
        if (steps.empty()) return base;
        Expr traversal;
        traversal.kind = ExprKind::Traversal;
        traversal.range = where;
        traversal.range.begin = base.range.begin;
        traversal.children.push_back(std::move(base));
        traversal.steps = std::move(steps);
        return traversal;
    }

    void add_step(TSNode node, std::vector<Step>& steps) {
        const TSSymbol type = ts_node_symbol(node);
        Step step;
        step.range = range(node);
        if (type == s_.get_attr) {
            step.kind = Step::Kind::Attribute;
            TSNode name = ts_node_named_child(node, 0);
            if (ts_node_is_null(name)) return;
            step.name = std::string(text(name));
        } else if (type == s_.index) {
            TSNode inner = ts_node_named_child(node, 0);
            if (ts_node_is_null(inner)) return;
            step.kind = Step::Kind::Index;
            if (ts_node_symbol(inner) == s_.legacy_index) {
                std::string_view digits = text(inner);
                if (digits.starts_with('.')) digits.remove_prefix(1);
                double n = 0;
                std::from_chars(digits.data(), digits.data() + digits.size(), n);
                step.index = std::make_unique<Expr>(literal(Value::number(n), range(inner)));
            } else {
                TSNode e = ts_node_named_child(inner, 0);
                if (ts_node_is_null(e)) return;
                step.index = std::make_unique<Expr>(expression(e));
            }
        } else if (type == s_.splat) {
            TSNode inner = ts_node_named_child(node, 0);
            if (ts_node_is_null(inner)) return;
            step.kind = ts_node_symbol(inner) == s_.full_splat ? Step::Kind::FullSplat
                                                               : Step::Kind::AttributeSplat;
            const std::uint32_t count = ts_node_named_child_count(inner);
            for (std::uint32_t i = 0; i < count; ++i)
                add_step(ts_node_named_child(inner, i), step.inner);
        } else {
            return;
        }
        steps.push_back(std::move(step));
    }

    Expr primary(TSNode node) {
        if (too_deep(node)) return invalid(node);
        Nested nested(depth_);
        const TSSymbol type = ts_node_symbol(node);
        const SourceRange where = range(node);
        if (type == s_.expression) return expression(node);
        if (type == s_.literal_value) return literal_value(ts_node_named_child(node, 0));
        if (type == s_.template_expr) return template_expr(ts_node_named_child(node, 0));
        if (type == s_.collection_value) return collection(ts_node_named_child(node, 0));
        if (type == s_.variable_expr) {
            Expr e;
            e.kind = ExprKind::Variable;
            e.range = where;
            e.name = std::string(text(node));
            return e;
        }
        if (type == s_.function_call) return call(node);
        if (type == s_.for_expr) return for_expr(ts_node_named_child(node, 0));
        if (type == s_.operation) return operation(ts_node_named_child(node, 0));
        if (type == s_.conditional) {
            Expr e;
            e.kind = ExprKind::Conditional;
            e.range = where;
            const std::uint32_t count = ts_node_named_child_count(node);
            for (std::uint32_t i = 0; i < count; ++i) {
                TSNode child = ts_node_named_child(node, i);
                if (ts_node_symbol(child) != s_.comment) e.children.push_back(expression(child));
            }
            if (e.children.size() != 3) return invalid(node);
            regroup_conditional(e);
            return e;
        }
        return invalid(node);
    }

    Expr literal_value(TSNode node) {
        if (ts_node_is_null(node)) return Expr{};
        const TSSymbol type = ts_node_symbol(node);
        const SourceRange where = range(node);
        const std::string_view raw = text(node);
        if (type == s_.numeric_lit) {
            if (raw.starts_with("0x")) {
                unsigned long long n = 0;
                std::from_chars(raw.data() + 2, raw.data() + raw.size(), n, 16);
                return literal(Value::number(static_cast<double>(n)), where);
            }
            return literal(Value::number(parse_decimal(raw).value_or(0)), where);
        }
        if (type == s_.bool_lit) return literal(Value::boolean(raw == "true"), where);
        if (type == s_.null_lit) return literal(Value::null(), where);
        if (type == s_.string_lit) {
            std::string_view inner = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : raw;
            return literal(Value::string(literal_text(inner, true)), where);
        }
        return invalid(node);
    }

    Expr collection(TSNode node) {
        if (ts_node_is_null(node)) return Expr{};
        Expr e;
        e.range = range(node);
        const std::uint32_t count = ts_node_named_child_count(node);
        if (ts_node_symbol(node) == s_.tuple) {
            e.kind = ExprKind::Tuple;
            for (std::uint32_t i = 0; i < count; ++i) {
                TSNode child = ts_node_named_child(node, i);
                if (ts_node_symbol(child) == s_.expression) e.children.push_back(expression(child));
            }
            return e;
        }
        e.kind = ExprKind::Object;
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (ts_node_symbol(child) != s_.object_elem) continue;
            TSNode key = ts_node_child_by_field_name(child, "key", 3);
            TSNode value = ts_node_child_by_field_name(child, "val", 3);
            if (ts_node_is_null(key) || ts_node_is_null(value)) continue;
            e.items.push_back(ObjectItem{expression(key), expression(value)});
        }
        return e;
    }

    Expr call(TSNode node) {
        Expr e;
        e.kind = ExprKind::Call;
        e.range = range(node);
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.identifier) {
                e.name = std::string(text(child));
            } else if (type == s_.function_arguments) {
                const std::uint32_t args = ts_node_named_child_count(child);
                for (std::uint32_t a = 0; a < args; ++a) {
                    TSNode arg = ts_node_named_child(child, a);
                    if (ts_node_symbol(arg) == s_.expression) e.children.push_back(expression(arg));
                    if (ts_node_symbol(arg) == s_.ellipsis) e.expand_final = true;
                }
            }
        }
        return e;
    }

    Expr for_expr(TSNode node) {
        if (ts_node_is_null(node)) return Expr{};
        Expr e;
        e.kind =
            ts_node_symbol(node) == s_.for_tuple_expr ? ExprKind::ForTuple : ExprKind::ForObject;
        e.range = range(node);
        std::optional<Expr> condition;
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.for_intro) {
                std::vector<std::string> names;
                const std::uint32_t parts = ts_node_named_child_count(child);
                for (std::uint32_t p = 0; p < parts; ++p) {
                    TSNode part = ts_node_named_child(child, p);
                    if (ts_node_symbol(part) == s_.identifier) names.emplace_back(text(part));
                    if (ts_node_symbol(part) == s_.expression)
                        e.children.push_back(expression(part));
                }
                if (names.size() == 2) {
                    e.name = names[0];
                    e.name2 = names[1];
                } else if (names.size() == 1) {
                    e.name2 = names[0];
                }
            } else if (type == s_.expression) {
                e.children.push_back(expression(child));
            } else if (type == s_.for_cond) {
                TSNode inner = ts_node_named_child(child, 0);
                if (!ts_node_is_null(inner)) condition = expression(inner);
            } else if (type == s_.ellipsis) {
                e.expand_final = true;
            }
        }
        const std::size_t needed = e.kind == ExprKind::ForTuple ? 2 : 3;
        if (e.children.size() != needed) return invalid(node);
        if (condition) e.children.push_back(std::move(*condition));
        return e;
    }

    static bool is_operator(std::string_view token) {
        for (std::string_view op :
             {"*", "/", "%", "+", "-", ">", ">=", "<", "<=", "==", "!=", "&&", "||"}) {
            if (token == op) return true;
        }
        return false;
    }

    Expr operation(TSNode node) {
        if (ts_node_is_null(node)) return Expr{};
        std::vector<TSNode> children = children_of(node);
        Expr e;
        e.range = range(node);
        if (ts_node_symbol(node) == s_.unary_operation) {
            if (children.size() < 2) return invalid(node);
            e.kind = ExprKind::Unary;
            e.name = std::string(text(children[0]));
            e.children.push_back(term(children, 1, children.size(), e.range));
            return e;
        }
        std::size_t split = 0;
        for (std::size_t i = 1; i < children.size(); ++i) {
            if (!ts_node_is_named(children[i]) && is_operator(text(children[i]))) {
                split = i;
                break;
            }
        }
        if (split == 0) return invalid(node);
        e.kind = ExprKind::Binary;
        e.name = std::string(text(children[split]));
        e.children.push_back(term(children, 0, split, e.range));
        e.children.push_back(term(children, split + 1, children.size(), e.range));
        return e;
    }

    Expr template_expr(TSNode node) {
        if (ts_node_is_null(node)) return Expr{};
        Expr e;
        e.kind = ExprKind::Template;
        e.range = range(node);
        if (ts_node_symbol(node) == s_.quoted_template) {
            const std::uint32_t count = ts_node_child_count(node);
            if (count < 2) return invalid(node);
            const std::uint32_t begin = ts_node_end_byte(ts_node_child(node, 0));
            const std::uint32_t end = ts_node_start_byte(ts_node_child(node, count - 1));
            template_parts(node, begin, end, true, 0, e.children);
        } else {
            heredoc(node, e);
        }
        return simplify(std::move(e));
    }

    void heredoc(TSNode node, Expr& e) {
        std::vector<TSNode> identifiers;
        bool strip = false;
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (ts_node_symbol(child) == s_.heredoc_identifier) identifiers.push_back(child);
            if (ts_node_symbol(child) == s_.heredoc_start)
                strip = text(child).find('-') != std::string_view::npos;
        }
        if (identifiers.size() != 2) {
            e = invalid(node);
            return;
        }
        std::uint32_t begin = ts_node_end_byte(identifiers[0]);
        while (begin < text_.size() && text_[begin] != '\n')
            ++begin;
        if (begin < text_.size()) ++begin;
        std::uint32_t end = ts_node_start_byte(identifiers[1]);
        while (end > begin && text_[end - 1] != '\n')
            --end;
        const std::size_t indent = strip ? heredoc_indent(text_.substr(begin, end - begin)) : 0;
        template_parts(node, begin, end, false, indent, e.children);
    }

    // A template with one literal part is that literal.
    Expr simplify(Expr e) {
        if (e.children.empty()) return literal(Value::string(""), e.range);
        if (e.children.size() == 1 && e.children[0].kind == ExprKind::Literal) {
            return literal(e.children[0].literal, e.range);
        }
        return e;
    }

    void add_literal(std::uint32_t begin, std::uint32_t end, bool quoted, std::size_t indent,
                     std::vector<Expr>& parts) {
        if (end <= begin) return;
        std::string_view raw = text_.substr(begin, end - begin);
        std::string dedented;
        if (indent > 0) {
            dedented = dedenter_.apply(raw, begin == 0 || text_[begin - 1] == '\n', indent);
            raw = dedented;
        }
        SourceRange where{file_, position_at_byte(begin), position_at_byte(end)};
        parts.push_back(literal(Value::string(literal_text(raw, quoted)), where));
    }

    void template_parts(TSNode parent, std::uint32_t begin, std::uint32_t end, bool quoted,
                        std::size_t indent, std::vector<Expr>& parts) {
        dedenter_.reset(indent);
        std::uint32_t cursor = begin;
        const std::uint32_t count = ts_node_named_child_count(parent);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(parent, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type != s_.template_interpolation && type != s_.template_directive) continue;
            const std::uint32_t start = ts_node_start_byte(child);
            if (start < begin || ts_node_end_byte(child) > end) continue;
            add_literal(cursor, start, quoted, indent, parts);
            if (type == s_.template_interpolation) {
                parts.push_back(interpolation(child));
            } else {
                parts.push_back(directive(ts_node_named_child(child, 0), quoted, indent));
            }
            cursor = ts_node_end_byte(child);
        }
        add_literal(cursor, end, quoted, indent, parts);
    }

    Expr interpolation(TSNode node) {
        Expr inner;
        bool seen_expression = false;
        bool strip_before = false;
        bool strip_after = false;
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.expression) {
                inner = expression(child);
                seen_expression = true;
            } else if (type == s_.strip_marker) {
                (seen_expression ? strip_after : strip_before) = true;
            }
        }
        if (!seen_expression) return invalid(node);
        inner.strip_before = strip_before;
        inner.strip_after = strip_after;
        return inner;
    }

    Expr directive(TSNode node, bool quoted, std::size_t indent) {
        if (ts_node_is_null(node)) return Expr{};
        Expr e;
        e.range = range(node);
        std::vector<TSNode> markers;
        const std::uint32_t count = ts_node_named_child_count(node);
        for (std::uint32_t i = 0; i < count; ++i) {
            TSNode child = ts_node_named_child(node, i);
            const TSSymbol type = ts_node_symbol(child);
            if (type == s_.template_if_intro || type == s_.template_else_intro ||
                type == s_.template_if_end || type == s_.template_for_start ||
                type == s_.template_for_end) {
                markers.push_back(child);
            }
        }
        auto body = [&](TSNode from, TSNode to) {
            Expr part;
            part.kind = ExprKind::Template;
            part.range = e.range;
            template_parts(node, ts_node_end_byte(from), ts_node_start_byte(to), quoted, indent,
                           part.children);
            return part;
        };
        auto first_expression = [&](TSNode marker, Expr& out) {
            const std::uint32_t n = ts_node_named_child_count(marker);
            for (std::uint32_t i = 0; i < n; ++i) {
                TSNode child = ts_node_named_child(marker, i);
                if (ts_node_symbol(child) == s_.expression) {
                    out = expression(child);
                    return true;
                }
            }
            return false;
        };
        if (ts_node_symbol(node) == s_.template_if) {
            if (markers.size() < 2) return invalid(node);
            e.kind = ExprKind::TemplateIf;
            Expr condition;
            if (!first_expression(markers[0], condition)) return invalid(node);
            e.children.push_back(std::move(condition));
            e.children.push_back(body(markers[0], markers[1]));
            if (markers.size() == 3) {
                e.children.push_back(body(markers[1], markers[2]));
            } else {
                Expr empty;
                empty.kind = ExprKind::Template;
                e.children.push_back(std::move(empty));
            }
            return e;
        }
        if (markers.size() != 2) return invalid(node);
        e.kind = ExprKind::TemplateFor;
        std::vector<std::string> names;
        const std::uint32_t n = ts_node_named_child_count(markers[0]);
        for (std::uint32_t i = 0; i < n; ++i) {
            TSNode child = ts_node_named_child(markers[0], i);
            if (ts_node_symbol(child) == s_.identifier) names.emplace_back(text(child));
        }
        if (names.size() == 2) {
            e.name = names[0];
            e.name2 = names[1];
        } else if (names.size() == 1) {
            e.name2 = names[0];
        }
        Expr collection;
        if (!first_expression(markers[0], collection)) return invalid(node);
        e.children.push_back(std::move(collection));
        e.children.push_back(body(markers[0], markers[1]));
        return e;
    }

    std::string_view text_;
    FileId file_;
    File& out_;
    const Symbols& s_;
    std::vector<std::uint32_t> line_starts_;
    int reported_ = 0;
    Dedenter dedenter_;
    static constexpr std::size_t kMaxNesting = 512;
    std::size_t depth_ = 0;
    bool reported_depth_ = false;
};

}  // namespace

const Attribute* Body::attribute(std::string_view name) const {
    for (const Attribute& attribute : attributes) {
        if (attribute.name == name) return &attribute;
    }
    return nullptr;
}

File parse_with_tree_sitter(std::string_view text, FileId file) {
    File out;
    std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), tree_sitter_hcl())) {
        out.diagnostics.push_back(Diagnostic{file,
                                             {},
                                             DiagnosticSeverity::Error,
                                             DiagnosticCode::ParseError,
                                             "the HCL grammar could not be loaded (ABI mismatch)"});
        return out;
    }
    std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(
        parser.get(), nullptr, text.data(), static_cast<std::uint32_t>(text.size())));
    if (!tree) {
        out.diagnostics.push_back(Diagnostic{file,
                                             {},
                                             DiagnosticSeverity::Error,
                                             DiagnosticCode::ParseError,
                                             "the file could not be parsed"});
        return out;
    }
    Converter(text, file, out).convert(ts_tree_root_node(tree.get()));
    return out;  // the tree-sitter tree is freed here
}

// The native parser reads the files it is sure about about twenty times faster; whatever it
// rejects (a syntax error, a construct it does not know) goes through tree-sitter, whose error
// recovery and diagnostics stay the reference.
File parse(std::string_view text, FileId file) {
    if (std::optional<File> native = parse_native(text, file)) return std::move(*native);
    // tree-sitter-hcl makes a token of every character of string content: about 200 bytes of
    // memory and 1 us per byte of input. Past this size, a file the native parser rejects is left
    // out with a diagnostic rather than costing gigabytes in each scan worker.
    constexpr std::size_t kMaxErrorRecoveryBytes = 4 * 1024 * 1024;
    if (text.size() > kMaxErrorRecoveryBytes) {
        File out;
        out.diagnostics.push_back(Diagnostic{
            file,
            {},
            DiagnosticSeverity::Warning,
            DiagnosticCode::FileTooLarge,
            "the file has a syntax error, or a construct the fast HCL reader leaves to the "
            "error-recovering one, and at " +
                std::to_string(text.size()) + " bytes it is over the " +
                std::to_string(kMaxErrorRecoveryBytes) +
                " bytes that reader is allowed; it is not scanned"});
        return out;
    }
    return parse_with_tree_sitter(text, file);
}

}  // namespace bulwark::hcl
