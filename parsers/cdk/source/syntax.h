#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_range.h"

// A small syntax tree shared by the Python and TypeScript readers: only what a CDK app needs to
// be read without running it (imports, classes, functions, assignments, calls and literals).
// The tree-sitter trees are converted into this right after parsing and freed.
namespace bulwark::cdk::syntax {

enum class Language : std::uint8_t { Python, TypeScript };

enum class ExprKind : std::uint8_t {
    Name,         // text: the identifier
    This,         // self / this
    Super,        // super() / super
    Attribute,    // children[0].text
    Subscript,    // children[0][children[1]]
    Call,         // children[0]: callee; args; is_new for `new X(...)`
    String,       // text: the decoded value
    Template,     // f-string / template literal: children are String parts and expressions
    Number,       // number
    Bool,         // boolean
    None,         // None / null / undefined
    List,         // children (list, tuple, array)
    Dict,         // entries (dictionary, object literal)
    Binary,       // text: the operator; children: left, right
    Conditional,  // children: condition, then, else
    Not,          // children: operand
    Function,     // a lambda or arrow function: not evaluated
    Other,        // anything else: text holds a short excerpt of the source
};

struct Expr;

struct Argument {
    std::string keyword;      // empty for a positional argument
    bool splat = false;       // *args, **kwargs, ...spread
    std::vector<Expr> value;  // exactly one element (a vector keeps Expr incomplete-type friendly)
};

struct DictEntry {
    std::string key;  // empty when the key is computed or a spread
    bool spread = false;
    SourceRange key_range;
    std::vector<Expr> value;  // exactly one element
};

struct Expr {
    ExprKind kind = ExprKind::Other;
    SourceRange range;
    std::string text;
    double number = 0;
    bool boolean = false;
    bool is_new = false;
    std::vector<Expr> children;
    std::vector<Argument> args;
    std::vector<DictEntry> entries;
};

enum class StmtKind : std::uint8_t {
    Expr,    // value
    Assign,  // targets = value (several targets: a, b = ...; they become unknown)
    Return,  // value (kind Other with empty text when bare)
    If,      // value: condition; body; orelse
    For,     // loop_var in value: body (orelse runs after it in Python)
    Block,   // try / with / while bodies: body and orelse run in order
};

struct Stmt {
    StmtKind kind = StmtKind::Expr;
    SourceRange range;
    std::vector<Expr> targets;
    Expr value;
    std::string loop_var;
    std::vector<Stmt> body;
    std::vector<Stmt> orelse;
};

struct Parameter {
    std::string name;
    bool has_default = false;
    Expr default_value;
    bool rest = false;    // *args / ...rest
    bool kwargs = false;  // **kwargs
};

struct Function {
    std::string name;
    SourceRange range;
    std::vector<Parameter> params;  // Python methods keep `self` as the first parameter
    std::vector<Stmt> body;
    bool is_method = false;
    bool is_static = false;
};

struct Class {
    std::string name;
    SourceRange range;
    std::vector<Expr> bases;
    std::vector<Function> methods;         // the constructor is __init__ / constructor
    std::vector<Stmt> field_initializers;  // TypeScript `x = new ...` fields: run before the body
};

struct Import {
    std::string module;  // as written: aws_cdk.aws_s3, aws-cdk-lib/aws-s3, ./lib/stack
    std::string name;    // the imported member; empty when the module itself is bound
    std::string alias;   // the local name
    SourceRange range;
};

struct Module {
    Language language = Language::Python;
    FileId file = kNoFile;
    std::vector<Import> imports;
    std::vector<Class> classes;
    std::vector<Function> functions;
    std::vector<Stmt> statements;  // top-level code, in order
    std::vector<Diagnostic> diagnostics;
};

// Reads one file. Syntax errors become diagnostics (line and column of the first error); whatever
// tree-sitter recovered is still returned.
Module read_python(std::string_view text, FileId file);
Module read_typescript(std::string_view text, FileId file);

}  // namespace bulwark::cdk::syntax
