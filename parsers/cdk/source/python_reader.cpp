// Python CDK apps through tree-sitter-python into the shared syntax tree.
#include <charconv>

#include "parsers/cdk/source/syntax.h"
#include "parsers/cdk/source/tree_sitter_support.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace bulwark::cdk::syntax {
namespace {

using ts::field;
using ts::named_children;
using ts::type;

constexpr int kMaxDepth = 200;

// Backslash escapes of a (non-raw) Python string.
std::string unescape(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out.push_back(raw[i]);
            continue;
        }
        const char e = raw[++i];
        switch (e) {
            case 'n':
                out.push_back('\n');
                break;
            case 't':
                out.push_back('\t');
                break;
            case 'r':
                out.push_back('\r');
                break;
            case '\\':
                out.push_back('\\');
                break;
            case '\'':
                out.push_back('\'');
                break;
            case '"':
                out.push_back('"');
                break;
            case '\n':
                break;
            default:
                out.push_back('\\');
                out.push_back(e);
        }
    }
    return out;
}

class Reader {
  public:
    Reader(std::string_view text, FileId file) : source_(text, file) { module_.file = file; }

    Module read() {
        ts::Tree tree = ts::parse(tree_sitter_python(), source_text());
        module_.language = Language::Python;
        if (!tree) {
            module_.diagnostics.push_back(Diagnostic{module_.file,
                                                     {1, 1},
                                                     DiagnosticSeverity::Error,
                                                     DiagnosticCode::ParseError,
                                                     "the Python parser could not read the file"});
            return std::move(module_);
        }
        TSNode root = ts_tree_root_node(tree.get());
        ts::report_syntax_error(root, source_, module_.diagnostics);
        module_.statements = block(root, 0);
        return std::move(module_);
    }

  private:
    std::string_view source_text() const { return source_.text_of_all(); }

    Expr other(TSNode node) {
        Expr e;
        e.kind = ExprKind::Other;
        e.range = source_.range(node);
        e.text = ts::excerpt(source_.text(node));
        return e;
    }

    std::vector<Stmt> block(TSNode node, int depth) {
        std::vector<Stmt> out;
        if (ts_node_is_null(node) || depth > kMaxDepth) return out;
        for (TSNode child : named_children(node))
            statement(child, out, depth + 1);
        return out;
    }

    void statement(TSNode node, std::vector<Stmt>& out, int depth) {
        const std::string_view kind = type(node);
        if (kind == "import_statement" || kind == "import_from_statement") {
            import(node);
        } else if (kind == "class_definition") {
            class_definition(node, depth);
        } else if (kind == "function_definition") {
            module_.functions.push_back(function(node, depth, false));
        } else if (kind == "decorated_definition") {
            statement(field(node, "definition"), out, depth);
        } else if (kind == "expression_statement") {
            for (TSNode child : named_children(node))
                expression_statement(child, out, depth);
        } else if (kind == "return_statement") {
            Stmt s;
            s.kind = StmtKind::Return;
            s.range = source_.range(node);
            auto children = named_children(node);
            s.value = children.empty() ? Expr{} : expr(children.front(), depth);
            out.push_back(std::move(s));
        } else if (kind == "if_statement") {
            out.push_back(if_statement(node, depth));
        } else if (kind == "for_statement") {
            Stmt s;
            s.kind = StmtKind::For;
            s.range = source_.range(node);
            TSNode left = field(node, "left");
            if (type(left) == "identifier") s.loop_var = std::string(source_.text(left));
            s.value = expr(field(node, "right"), depth);
            s.body = block(field(node, "body"), depth);
            TSNode alternative = field(node, "alternative");
            if (!ts_node_is_null(alternative)) s.orelse = block(field(alternative, "body"), depth);
            out.push_back(std::move(s));
        } else if (kind == "while_statement" || kind == "with_statement" ||
                   kind == "try_statement") {
            Stmt s;
            s.kind = StmtKind::Block;
            s.range = source_.range(node);
            s.body = block(field(node, "body"), depth);
            for (TSNode child : named_children(node)) {
                const std::string_view k = type(child);
                if (k == "finally_clause" || k == "else_clause") {  // handlers run only on errors
                    for (TSNode part : named_children(child)) {
                        if (type(part) == "block") {
                            auto more = block(part, depth);
                            for (Stmt& m : more)
                                s.orelse.push_back(std::move(m));
                        }
                    }
                }
            }
            out.push_back(std::move(s));
        } else if (kind == "block" || kind == "module") {
            auto inner = block(node, depth);
            for (Stmt& s : inner)
                out.push_back(std::move(s));
        }
        // pass, raise, assert, global, delete, comments...: nothing to evaluate.
    }

    Stmt if_statement(TSNode node, int depth) {
        Stmt s;
        s.kind = StmtKind::If;
        s.range = source_.range(node);
        s.value = expr(field(node, "condition"), depth);
        s.body = block(field(node, "consequence"), depth);
        // elif chains nest as if statements in the else branch.
        std::vector<TSNode> alternatives = ts::fields(node, "alternative");
        std::vector<Stmt>* tail = &s.orelse;
        for (TSNode alternative : alternatives) {
            if (type(alternative) == "elif_clause") {
                Stmt nested;
                nested.kind = StmtKind::If;
                nested.range = source_.range(alternative);
                nested.value = expr(field(alternative, "condition"), depth);
                nested.body = block(field(alternative, "consequence"), depth);
                tail->push_back(std::move(nested));
                tail = &tail->back().orelse;
            } else {
                *tail = block(field(alternative, "body"), depth);
            }
        }
        return s;
    }

    void expression_statement(TSNode node, std::vector<Stmt>& out, int depth) {
        const std::string_view kind = type(node);
        if (kind == "assignment") {
            TSNode right = field(node, "right");
            if (ts_node_is_null(right)) return;  // an annotation without a value
            Stmt s;
            s.kind = StmtKind::Assign;
            s.range = source_.range(node);
            // a = b = value: every target gets the value.
            TSNode value = right;
            std::vector<TSNode> lefts{field(node, "left")};
            while (type(value) == "assignment") {
                lefts.push_back(field(value, "left"));
                value = field(value, "right");
            }
            for (TSNode left : lefts) {
                if (type(left) == "pattern_list" || type(left) == "tuple_pattern" ||
                    type(left) == "list_pattern") {
                    for (TSNode item : named_children(left))
                        s.targets.push_back(expr(item, depth));
                } else {
                    s.targets.push_back(expr(left, depth));
                }
            }
            s.value = expr(value, depth);
            out.push_back(std::move(s));
        } else if (kind == "augmented_assignment") {
            Stmt s;
            s.kind = StmtKind::Assign;
            s.range = source_.range(node);
            s.targets.push_back(expr(field(node, "left"), depth));
            s.value = other(node);  // x += ...: not followed
            out.push_back(std::move(s));
        } else {
            Stmt s;
            s.kind = StmtKind::Expr;
            s.range = source_.range(node);
            s.value = expr(node, depth);
            out.push_back(std::move(s));
        }
    }

    void import(TSNode node) {
        const SourceRange at = source_.range(node);
        if (type(node) == "import_statement") {
            for (TSNode name : ts::fields(node, "name")) {
                Import i;
                i.range = at;
                if (type(name) == "aliased_import") {
                    i.module = std::string(source_.text(field(name, "name")));
                    i.alias = std::string(source_.text(field(name, "alias")));
                } else {
                    // `import aws_cdk.aws_s3` binds `aws_cdk`; the path is resolved from there.
                    i.module = std::string(source_.text(name));
                    i.alias = i.module.substr(0, i.module.find('.'));
                    i.name = "";
                    if (i.alias != i.module) i.module = i.alias;
                }
                module_.imports.push_back(std::move(i));
            }
            return;
        }
        const std::string module(source_.text(field(node, "module_name")));
        for (TSNode name : ts::fields(node, "name")) {
            Import i;
            i.range = at;
            i.module = module;
            if (type(name) == "aliased_import") {
                i.name = std::string(source_.text(field(name, "name")));
                i.alias = std::string(source_.text(field(name, "alias")));
            } else {
                i.name = std::string(source_.text(name));
                i.alias = i.name;
            }
            module_.imports.push_back(std::move(i));
        }
        for (TSNode child : named_children(node)) {
            if (type(child) == "wildcard_import") {
                module_.imports.push_back(Import{module, "*", "*", at});
            }
        }
    }

    void class_definition(TSNode node, int depth) {
        Class c;
        c.name = std::string(source_.text(field(node, "name")));
        c.range = source_.range(node);
        TSNode bases = field(node, "superclasses");
        if (!ts_node_is_null(bases)) {
            for (TSNode base : named_children(bases)) {
                if (type(base) == "keyword_argument") continue;  // metaclass=...
                c.bases.push_back(expr(base, depth));
            }
        }
        TSNode body = field(node, "body");
        if (!ts_node_is_null(body)) {
            for (TSNode member : named_children(body)) {
                TSNode definition = member;
                if (type(member) == "decorated_definition")
                    definition = field(member, "definition");
                if (type(definition) == "function_definition") {
                    bool is_static = false;
                    if (type(member) == "decorated_definition") {
                        for (TSNode d : named_children(member)) {
                            if (type(d) == "decorator" &&
                                source_.text(d).find("staticmethod") != std::string_view::npos) {
                                is_static = true;
                            }
                        }
                    }
                    Function f = function(definition, depth, true);
                    f.is_static = is_static;
                    c.methods.push_back(std::move(f));
                } else if (type(definition) == "class_definition") {
                    class_definition(definition, depth + 1);
                }
            }
        }
        module_.classes.push_back(std::move(c));
    }

    Function function(TSNode node, int depth, bool is_method) {
        Function f;
        f.name = std::string(source_.text(field(node, "name")));
        f.range = source_.range(node);
        f.is_method = is_method;
        TSNode params = field(node, "parameters");
        if (!ts_node_is_null(params)) {
            for (TSNode p : named_children(params)) {
                Parameter parameter;
                const std::string_view kind = type(p);
                if (kind == "identifier") {
                    parameter.name = std::string(source_.text(p));
                } else if (kind == "default_parameter" || kind == "typed_default_parameter") {
                    parameter.name = std::string(source_.text(field(p, "name")));
                    parameter.has_default = true;
                    parameter.default_value = expr(field(p, "value"), depth);
                } else if (kind == "typed_parameter" || kind == "list_splat_pattern" ||
                           kind == "dictionary_splat_pattern") {
                    TSNode inner = p;
                    if (kind == "typed_parameter") inner = ts_node_named_child(p, 0);
                    const std::string_view inner_kind = type(inner);
                    if (inner_kind == "list_splat_pattern") parameter.rest = true;
                    if (inner_kind == "dictionary_splat_pattern") parameter.kwargs = true;
                    if (inner_kind == "identifier") {
                        parameter.name = std::string(source_.text(inner));
                    } else {
                        TSNode id = ts_node_named_child(inner, 0);
                        if (!ts_node_is_null(id)) parameter.name = std::string(source_.text(id));
                    }
                } else {
                    continue;  // keyword-only marker `*`, positional-only `/`
                }
                f.params.push_back(std::move(parameter));
            }
        }
        f.body = block(field(node, "body"), depth);
        return f;
    }

    Expr string(TSNode node) {
        Expr e;
        e.range = source_.range(node);
        bool raw = false;
        bool formatted = false;
        std::vector<Expr> parts;
        std::string current;
        for (TSNode child : named_children(node)) {
            const std::string_view kind = type(child);
            if (kind == "string_start") {
                for (char c : source_.text(child)) {
                    if (c == 'r' || c == 'R') raw = true;
                    if (c == 'f' || c == 'F') formatted = true;
                }
            } else if (kind == "string_content") {
                current += raw ? std::string(source_.text(child)) : unescape(source_.text(child));
            } else if (kind == "interpolation") {
                if (!current.empty()) {
                    Expr literal;
                    literal.kind = ExprKind::String;
                    literal.range = e.range;
                    literal.text = std::move(current);
                    parts.push_back(std::move(literal));
                    current.clear();
                }
                TSNode inner = field(child, "expression");
                parts.push_back(ts_node_is_null(inner) ? other(child) : expr(inner, 1));
            }
        }
        (void)formatted;
        if (parts.empty()) {
            e.kind = ExprKind::String;
            e.text = std::move(current);
            return e;
        }
        if (!current.empty()) {
            Expr literal;
            literal.kind = ExprKind::String;
            literal.range = e.range;
            literal.text = std::move(current);
            parts.push_back(std::move(literal));
        }
        e.kind = ExprKind::Template;
        e.children = std::move(parts);
        return e;
    }

    Expr expr(TSNode node, int depth) {
        if (ts_node_is_null(node)) return Expr{};
        if (depth > kMaxDepth) return other(node);
        const std::string_view kind = type(node);
        Expr e;
        e.range = source_.range(node);
        if (kind == "identifier") {
            e.text = std::string(source_.text(node));
            e.kind = e.text == "self" ? ExprKind::This : ExprKind::Name;
        } else if (kind == "attribute") {
            e.kind = ExprKind::Attribute;
            e.children.push_back(expr(field(node, "object"), depth + 1));
            e.text = std::string(source_.text(field(node, "attribute")));
        } else if (kind == "subscript") {
            e.kind = ExprKind::Subscript;
            e.children.push_back(expr(field(node, "value"), depth + 1));
            e.children.push_back(expr(field(node, "subscript"), depth + 1));
        } else if (kind == "call") {
            TSNode function = field(node, "function");
            if (type(function) == "identifier" && source_.text(function) == "super") {
                e.kind = ExprKind::Super;
                return e;
            }
            e.kind = ExprKind::Call;
            e.children.push_back(expr(function, depth + 1));
            TSNode arguments = field(node, "arguments");
            if (type(arguments) == "argument_list") {
                for (TSNode a : named_children(arguments)) {
                    Argument argument;
                    const std::string_view k = type(a);
                    if (k == "keyword_argument") {
                        argument.keyword = std::string(source_.text(field(a, "name")));
                        argument.value.push_back(expr(field(a, "value"), depth + 1));
                    } else if (k == "list_splat" || k == "dictionary_splat") {
                        argument.splat = true;
                        if (k == "dictionary_splat") argument.keyword = "**";
                        argument.value.push_back(expr(ts_node_named_child(a, 0), depth + 1));
                    } else if (k == "comment") {
                        continue;
                    } else {
                        argument.value.push_back(expr(a, depth + 1));
                    }
                    e.args.push_back(std::move(argument));
                }
            }
        } else if (kind == "string") {
            return string(node);
        } else if (kind == "concatenated_string") {
            e.kind = ExprKind::Template;
            for (TSNode part : named_children(node)) {
                Expr piece = string(part);
                if (piece.kind == ExprKind::Template) {
                    for (Expr& p : piece.children)
                        e.children.push_back(std::move(p));
                } else {
                    e.children.push_back(std::move(piece));
                }
            }
        } else if (kind == "integer" || kind == "float") {
            std::string text(source_.text(node));
            std::erase(text, '_');
            double value = 0;
            auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (error != std::errc() || end != text.data() + text.size()) return other(node);
            e.kind = ExprKind::Number;
            e.number = value;
        } else if (kind == "true" || kind == "false") {
            e.kind = ExprKind::Bool;
            e.boolean = kind == "true";
        } else if (kind == "none") {
            e.kind = ExprKind::None;
        } else if (kind == "list" || kind == "tuple" || kind == "set") {
            e.kind = ExprKind::List;
            for (TSNode item : named_children(node)) {
                if (type(item) == "comment") continue;
                e.children.push_back(expr(item, depth + 1));
            }
        } else if (kind == "dictionary") {
            e.kind = ExprKind::Dict;
            for (TSNode item : named_children(node)) {
                DictEntry entry;
                if (type(item) == "pair") {
                    TSNode key = field(item, "key");
                    Expr k = expr(key, depth + 1);
                    entry.key_range = k.range;
                    if (k.kind == ExprKind::String) entry.key = k.text;
                    entry.value.push_back(expr(field(item, "value"), depth + 1));
                } else if (type(item) == "dictionary_splat") {
                    entry.spread = true;
                    entry.value.push_back(expr(ts_node_named_child(item, 0), depth + 1));
                } else {
                    continue;
                }
                e.entries.push_back(std::move(entry));
            }
        } else if (kind == "parenthesized_expression") {
            auto children = named_children(node);
            return children.empty() ? other(node) : expr(children.front(), depth + 1);
        } else if (kind == "binary_operator") {
            e.kind = ExprKind::Binary;
            e.text = std::string(source_.text(field(node, "operator")));
            e.children.push_back(expr(field(node, "left"), depth + 1));
            e.children.push_back(expr(field(node, "right"), depth + 1));
        } else if (kind == "boolean_operator") {
            e.kind = ExprKind::Binary;
            e.text = std::string(source_.text(field(node, "operator")));
            e.children.push_back(expr(field(node, "left"), depth + 1));
            e.children.push_back(expr(field(node, "right"), depth + 1));
        } else if (kind == "not_operator") {
            e.kind = ExprKind::Not;
            e.children.push_back(expr(field(node, "argument"), depth + 1));
        } else if (kind == "conditional_expression") {
            // a if cond else b
            auto children = named_children(node);
            if (children.size() != 3) return other(node);
            e.kind = ExprKind::Conditional;
            e.children.push_back(expr(children[1], depth + 1));
            e.children.push_back(expr(children[0], depth + 1));
            e.children.push_back(expr(children[2], depth + 1));
        } else if (kind == "unary_operator") {
            Expr operand = expr(field(node, "argument"), depth + 1);
            const std::string_view op = source_.text(field(node, "operator"));
            if (operand.kind == ExprKind::Number && (op == "-" || op == "+")) {
                operand.number = op == "-" ? -operand.number : operand.number;
                operand.range = e.range;
                return operand;
            }
            return other(node);
        } else if (kind == "lambda") {
            e.kind = ExprKind::Function;
            e.text = ts::excerpt(source_.text(node));
        } else if (kind == "await") {
            auto children = named_children(node);
            return children.empty() ? other(node) : expr(children.front(), depth + 1);
        } else {
            return other(node);
        }
        return e;
    }

    ts::Source source_;
    Module module_;
};

}  // namespace

Module read_python(std::string_view text, FileId file) {
    return Reader(text, file).read();
}

}  // namespace bulwark::cdk::syntax
