// TypeScript CDK apps through tree-sitter-typescript into the shared syntax tree.
#include <charconv>

#include "parsers/cdk/source/syntax.h"
#include "parsers/cdk/source/tree_sitter_support.h"

extern "C" const TSLanguage* tree_sitter_typescript(void);

namespace bulwark::cdk::syntax {
namespace {

using ts::field;
using ts::named_children;
using ts::type;

constexpr int kMaxDepth = 200;

std::string unescape(std::string_view raw) {
    std::string out;
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
            case '\n':
                break;
            default:
                out.push_back(e);
        }
    }
    return out;
}

class Reader {
  public:
    Reader(std::string_view text, FileId file) : source_(text, file) { module_.file = file; }

    Module read() {
        module_.language = Language::TypeScript;
        ts::Tree tree = ts::parse(tree_sitter_typescript(), source_.text_of_all());
        if (!tree) {
            module_.diagnostics.push_back(
                Diagnostic{module_.file,
                           {1, 1},
                           DiagnosticSeverity::Error,
                           DiagnosticCode::ParseError,
                           "the TypeScript parser could not read the file"});
            return std::move(module_);
        }
        TSNode root = ts_tree_root_node(tree.get());
        ts::report_syntax_error(root, source_, module_.diagnostics);
        module_.statements = block(root, 0);
        return std::move(module_);
    }

  private:
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
        const std::string_view kind = type(node);
        if (kind != "program" && kind != "statement_block") {
            statement(node, out, depth + 1);  // a single statement as a body
            return out;
        }
        for (TSNode child : named_children(node))
            statement(child, out, depth + 1);
        return out;
    }

    void statement(TSNode node, std::vector<Stmt>& out, int depth) {
        const std::string_view kind = type(node);
        if (kind == "import_statement") {
            import(node);
        } else if (kind == "export_statement") {
            TSNode declaration = field(node, "declaration");
            if (!ts_node_is_null(declaration)) {
                statement(declaration, out, depth);
            } else if (TSNode value = field(node, "value"); !ts_node_is_null(value)) {
                if (type(value) == "class") class_definition(value, depth);
            }
        } else if (kind == "class_declaration" || kind == "abstract_class_declaration") {
            class_definition(node, depth);
        } else if (kind == "function_declaration" || kind == "generator_function_declaration") {
            module_.functions.push_back(function(node, depth, false));
        } else if (kind == "lexical_declaration" || kind == "variable_declaration") {
            for (TSNode declarator : named_children(node)) {
                if (type(declarator) != "variable_declarator") continue;
                TSNode value = field(declarator, "value");
                if (ts_node_is_null(value)) continue;
                Stmt s;
                s.kind = StmtKind::Assign;
                s.range = source_.range(declarator);
                TSNode name = field(declarator, "name");
                if (type(name) == "identifier") {
                    s.targets.push_back(expr(name, depth));
                } else {
                    destructured_names(name, s.targets);
                }
                s.value = expr(value, depth);
                out.push_back(std::move(s));
            }
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
            Stmt s;
            s.kind = StmtKind::If;
            s.range = source_.range(node);
            s.value = expr(field(node, "condition"), depth);
            s.body = block(field(node, "consequence"), depth);
            TSNode alternative = field(node, "alternative");
            if (!ts_node_is_null(alternative)) {
                for (TSNode child : named_children(alternative)) {
                    auto more = block(child, depth);
                    for (Stmt& m : more)
                        s.orelse.push_back(std::move(m));
                }
            }
            out.push_back(std::move(s));
        } else if (kind == "for_in_statement") {
            Stmt s;
            s.kind = StmtKind::For;
            s.range = source_.range(node);
            TSNode left = field(node, "left");
            TSNode op = field(node, "operator");
            if (type(left) == "identifier" && !ts_node_is_null(op) && type(op) == "of") {
                s.loop_var = std::string(source_.text(left));
                s.value = expr(field(node, "right"), depth);
            } else {
                s.value = other(node);
                if (type(left) == "identifier") s.loop_var = std::string(source_.text(left));
            }
            s.body = block(field(node, "body"), depth);
            out.push_back(std::move(s));
        } else if (kind == "for_statement" || kind == "while_statement" || kind == "do_statement" ||
                   kind == "try_statement" || kind == "labeled_statement") {
            Stmt s;
            s.kind = StmtKind::Block;
            s.range = source_.range(node);
            s.body = block(field(node, "body"), depth);
            if (kind == "try_statement") {
                // A catch handler runs only on errors; finally always runs.
                if (TSNode finalizer = field(node, "finalizer"); !ts_node_is_null(finalizer)) {
                    auto more = block(field(finalizer, "body"), depth);
                    for (Stmt& m : more)
                        s.orelse.push_back(std::move(m));
                }
            }
            out.push_back(std::move(s));
        } else if (kind == "statement_block") {
            auto inner = block(node, depth);
            for (Stmt& s : inner)
                out.push_back(std::move(s));
        }
        // interfaces, type aliases, enums, ambient declarations: nothing to evaluate.
    }

    void destructured_names(TSNode pattern, std::vector<Expr>& out) {
        for (TSNode child : named_children(pattern)) {
            const std::string_view k = type(child);
            if (k == "identifier" || k == "shorthand_property_identifier_pattern") {
                Expr e;
                e.kind = ExprKind::Name;
                e.range = source_.range(child);
                e.text = std::string(source_.text(child));
                out.push_back(std::move(e));
            } else if (k == "pair_pattern") {
                TSNode value = field(child, "value");
                if (type(value) == "identifier") {
                    Expr e;
                    e.kind = ExprKind::Name;
                    e.range = source_.range(value);
                    e.text = std::string(source_.text(value));
                    out.push_back(std::move(e));
                }
            }
        }
    }

    void expression_statement(TSNode node, std::vector<Stmt>& out, int depth) {
        const std::string_view kind = type(node);
        if (kind == "assignment_expression") {
            Stmt s;
            s.kind = StmtKind::Assign;
            s.range = source_.range(node);
            s.targets.push_back(expr(field(node, "left"), depth));
            s.value = expr(field(node, "right"), depth);
            out.push_back(std::move(s));
        } else if (kind == "augmented_assignment_expression") {
            Stmt s;
            s.kind = StmtKind::Assign;
            s.range = source_.range(node);
            s.targets.push_back(expr(field(node, "left"), depth));
            s.value = other(node);
            out.push_back(std::move(s));
        } else if (kind == "sequence_expression") {
            for (TSNode child : named_children(node))
                expression_statement(child, out, depth);
        } else {
            Stmt s;
            s.kind = StmtKind::Expr;
            s.range = source_.range(node);
            s.value = expr(node, depth);
            out.push_back(std::move(s));
        }
    }

    std::string string_value(TSNode node) {
        std::string out;
        for (TSNode child : named_children(node)) {
            if (type(child) == "string_fragment") out += source_.text(child);
            if (type(child) == "escape_sequence") out += unescape(source_.text(child));
        }
        return out;
    }

    void import(TSNode node) {
        const SourceRange at = source_.range(node);
        TSNode source = field(node, "source");
        std::string module = ts_node_is_null(source) ? std::string() : string_value(source);
        for (TSNode child : named_children(node)) {
            const std::string_view kind = type(child);
            if (kind == "import_require_clause") {
                // import cdk = require('aws-cdk-lib')
                TSNode required = field(child, "source");
                TSNode name = ts_node_named_child(child, 0);
                if (!ts_node_is_null(required) && type(name) == "identifier") {
                    module_.imports.push_back(
                        Import{string_value(required), "", std::string(source_.text(name)), at});
                }
            } else if (kind == "import_clause") {
                for (TSNode part : named_children(child)) {
                    const std::string_view k = type(part);
                    if (k == "identifier") {
                        module_.imports.push_back(
                            Import{module, "default", std::string(source_.text(part)), at});
                    } else if (k == "namespace_import") {
                        TSNode name = ts_node_named_child(part, 0);
                        module_.imports.push_back(
                            Import{module, "", std::string(source_.text(name)), at});
                    } else if (k == "named_imports") {
                        for (TSNode specifier : named_children(part)) {
                            if (type(specifier) != "import_specifier") continue;
                            TSNode name = field(specifier, "name");
                            TSNode alias = field(specifier, "alias");
                            std::string imported = type(name) == "string"
                                                       ? string_value(name)
                                                       : std::string(source_.text(name));
                            std::string local = ts_node_is_null(alias)
                                                    ? imported
                                                    : std::string(source_.text(alias));
                            module_.imports.push_back(Import{module, imported, local, at});
                        }
                    }
                }
            }
        }
    }

    void class_definition(TSNode node, int depth) {
        Class c;
        TSNode name = field(node, "name");
        c.name = ts_node_is_null(name) ? std::string() : std::string(source_.text(name));
        c.range = source_.range(node);
        for (TSNode child : named_children(node)) {
            if (type(child) != "class_heritage") continue;
            for (TSNode clause : named_children(child)) {
                if (type(clause) != "extends_clause") continue;
                for (TSNode value : ts::fields(clause, "value"))
                    c.bases.push_back(expr(value, depth));
            }
        }
        TSNode body = field(node, "body");
        if (!ts_node_is_null(body)) {
            for (TSNode member : named_children(body)) {
                const std::string_view kind = type(member);
                if (kind == "method_definition") {
                    Function f = function(member, depth, true);
                    for (TSNode part : named_children(member))
                        (void)part;
                    f.is_static = source_.text(member).starts_with("static ");
                    c.methods.push_back(std::move(f));
                } else if (kind == "public_field_definition") {
                    TSNode value = field(member, "value");
                    TSNode field_name = field(member, "name");
                    if (ts_node_is_null(value) || ts_node_is_null(field_name)) continue;
                    if (source_.text(member).starts_with("static")) continue;
                    Stmt s;
                    s.kind = StmtKind::Assign;
                    s.range = source_.range(member);
                    Expr target;
                    target.kind = ExprKind::Attribute;
                    target.range = source_.range(field_name);
                    target.text = std::string(source_.text(field_name));
                    Expr self;
                    self.kind = ExprKind::This;
                    self.range = target.range;
                    target.children.push_back(std::move(self));
                    s.targets.push_back(std::move(target));
                    s.value = expr(value, depth);
                    c.field_initializers.push_back(std::move(s));
                }
            }
        }
        if (!c.name.empty()) module_.classes.push_back(std::move(c));
    }

    Function function(TSNode node, int depth, bool is_method) {
        Function f;
        TSNode name = field(node, "name");
        f.name = ts_node_is_null(name) ? std::string() : std::string(source_.text(name));
        f.range = source_.range(node);
        f.is_method = is_method;
        TSNode params = field(node, "parameters");
        if (!ts_node_is_null(params)) {
            for (TSNode p : named_children(params)) {
                const std::string_view kind = type(p);
                if (kind != "required_parameter" && kind != "optional_parameter") continue;
                Parameter parameter;
                TSNode pattern = field(p, "pattern");
                if (ts_node_is_null(pattern)) pattern = field(p, "name");
                if (type(pattern) == "rest_pattern") {
                    parameter.rest = true;
                    pattern = ts_node_named_child(pattern, 0);
                }
                if (!ts_node_is_null(pattern) && type(pattern) == "identifier") {
                    parameter.name = std::string(source_.text(pattern));
                }
                TSNode value = field(p, "value");
                if (!ts_node_is_null(value)) {
                    parameter.has_default = true;
                    parameter.default_value = expr(value, depth);
                }
                f.params.push_back(std::move(parameter));
            }
        }
        f.body = block(field(node, "body"), depth);
        return f;
    }

    Expr expr(TSNode node, int depth) {
        if (ts_node_is_null(node)) return Expr{};
        if (depth > kMaxDepth) return other(node);
        const std::string_view kind = type(node);
        Expr e;
        e.range = source_.range(node);
        if (kind == "identifier" || kind == "shorthand_property_identifier") {
            e.kind = ExprKind::Name;
            e.text = std::string(source_.text(node));
            if (e.text == "undefined") e.kind = ExprKind::None;
        } else if (kind == "this") {
            e.kind = ExprKind::This;
        } else if (kind == "super") {
            e.kind = ExprKind::Super;
        } else if (kind == "member_expression") {
            e.kind = ExprKind::Attribute;
            e.children.push_back(expr(field(node, "object"), depth + 1));
            e.text = std::string(source_.text(field(node, "property")));
        } else if (kind == "subscript_expression") {
            e.kind = ExprKind::Subscript;
            e.children.push_back(expr(field(node, "object"), depth + 1));
            e.children.push_back(expr(field(node, "index"), depth + 1));
        } else if (kind == "call_expression" || kind == "new_expression") {
            TSNode callee = field(node, kind == "new_expression" ? "constructor" : "function");
            if (type(callee) == "super") {
                e.kind = ExprKind::Call;
                Expr super_call;
                super_call.kind = ExprKind::Super;
                super_call.range = e.range;
                e.children.push_back(std::move(super_call));
            } else {
                e.kind = ExprKind::Call;
                e.children.push_back(expr(callee, depth + 1));
            }
            e.is_new = kind == "new_expression";
            TSNode arguments = field(node, "arguments");
            if (!ts_node_is_null(arguments) && type(arguments) == "arguments") {
                for (TSNode a : named_children(arguments)) {
                    if (type(a) == "comment") continue;
                    Argument argument;
                    if (type(a) == "spread_element") {
                        argument.splat = true;
                        argument.value.push_back(expr(ts_node_named_child(a, 0), depth + 1));
                    } else {
                        argument.value.push_back(expr(a, depth + 1));
                    }
                    e.args.push_back(std::move(argument));
                }
            }
        } else if (kind == "string") {
            e.kind = ExprKind::String;
            e.text = string_value(node);
        } else if (kind == "template_string") {
            e.kind = ExprKind::Template;
            std::string current;
            for (TSNode child : named_children(node)) {
                const std::string_view k = type(child);
                if (k == "string_fragment") {
                    current += source_.text(child);
                } else if (k == "escape_sequence") {
                    current += unescape(source_.text(child));
                } else if (k == "template_substitution") {
                    if (!current.empty()) {
                        Expr literal;
                        literal.kind = ExprKind::String;
                        literal.range = e.range;
                        literal.text = std::move(current);
                        e.children.push_back(std::move(literal));
                        current.clear();
                    }
                    TSNode inner = ts_node_named_child(child, 0);
                    e.children.push_back(expr(inner, depth + 1));
                }
            }
            if (!current.empty() || e.children.empty()) {
                Expr literal;
                literal.kind = ExprKind::String;
                literal.range = e.range;
                literal.text = std::move(current);
                e.children.push_back(std::move(literal));
            }
        } else if (kind == "number") {
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
        } else if (kind == "null" || kind == "undefined") {
            e.kind = ExprKind::None;
        } else if (kind == "array") {
            e.kind = ExprKind::List;
            for (TSNode item : named_children(node)) {
                if (type(item) == "comment") continue;
                e.children.push_back(expr(item, depth + 1));
            }
        } else if (kind == "object") {
            e.kind = ExprKind::Dict;
            for (TSNode item : named_children(node)) {
                DictEntry entry;
                const std::string_view k = type(item);
                if (k == "pair") {
                    TSNode key = field(item, "key");
                    entry.key_range = source_.range(key);
                    const std::string_view key_kind = type(key);
                    if (key_kind == "property_identifier" || key_kind == "number") {
                        entry.key = std::string(source_.text(key));
                    } else if (key_kind == "string") {
                        entry.key = string_value(key);
                    }
                    entry.value.push_back(expr(field(item, "value"), depth + 1));
                } else if (k == "shorthand_property_identifier") {
                    entry.key = std::string(source_.text(item));
                    entry.key_range = source_.range(item);
                    entry.value.push_back(expr(item, depth + 1));
                } else if (k == "spread_element") {
                    entry.spread = true;
                    entry.value.push_back(expr(ts_node_named_child(item, 0), depth + 1));
                } else {
                    continue;
                }
                e.entries.push_back(std::move(entry));
            }
        } else if (kind == "parenthesized_expression" || kind == "as_expression" ||
                   kind == "satisfies_expression" || kind == "non_null_expression" ||
                   kind == "await_expression" || kind == "type_assertion") {
            // Types do not change values: `x as Foo`, `x!`, `<Foo>x`.
            for (TSNode child : named_children(node)) {
                const std::string_view k = type(child);
                if (k == "type_arguments" || k.ends_with("_type") || k == "type_identifier" ||
                    k == "predefined_type" || k == "comment") {
                    continue;
                }
                return expr(child, depth + 1);
            }
            return other(node);
        } else if (kind == "binary_expression") {
            e.kind = ExprKind::Binary;
            e.text = std::string(source_.text(field(node, "operator")));
            e.children.push_back(expr(field(node, "left"), depth + 1));
            e.children.push_back(expr(field(node, "right"), depth + 1));
        } else if (kind == "ternary_expression") {
            e.kind = ExprKind::Conditional;
            e.children.push_back(expr(field(node, "condition"), depth + 1));
            e.children.push_back(expr(field(node, "consequence"), depth + 1));
            e.children.push_back(expr(field(node, "alternative"), depth + 1));
        } else if (kind == "unary_expression") {
            const std::string_view op = source_.text(field(node, "operator"));
            Expr operand = expr(field(node, "argument"), depth + 1);
            if (op == "!") {
                e.kind = ExprKind::Not;
                e.children.push_back(std::move(operand));
                return e;
            }
            if (operand.kind == ExprKind::Number && (op == "-" || op == "+")) {
                operand.number = op == "-" ? -operand.number : operand.number;
                operand.range = e.range;
                return operand;
            }
            return other(node);
        } else if (kind == "arrow_function" || kind == "function_expression" ||
                   kind == "function") {
            e.kind = ExprKind::Function;
            e.text = ts::excerpt(source_.text(node));
        } else {
            return other(node);
        }
        return e;
    }

    ts::Source source_;
    Module module_;
};

}  // namespace

Module read_typescript(std::string_view text, FileId file) {
    return Reader(text, file).read();
}

}  // namespace bulwark::cdk::syntax
