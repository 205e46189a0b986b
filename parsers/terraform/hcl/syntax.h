#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

// Bulwark's own compact HCL syntax tree. The tree-sitter tree is converted into this right after
// parsing and freed (it costs ~75x the source); the evaluator only ever sees these types, so the
// parser behind them can be replaced.
namespace bulwark::hcl {

enum class ExprKind : std::uint8_t {
    Literal,      // literal: null, bool, number or string
    Template,     // children: the parts (Literal strings, interpolated expressions, directives)
    TemplateIf,   // children: condition, then-Template, else-Template
    TemplateFor,  // name (key or value), name2 (value, when two), children: collection, body
    Traversal,    // children[0]: the root (or Variable), steps: attributes, indexes, splats
    Variable,     // name: a root identifier such as var, local, aws_s3_bucket, each
    Call,         // name, children: arguments; expand_final: the last argument ends in ...
    Tuple,        // children
    Object,       // items
    Conditional,  // children: condition, then, else
    Binary,       // name: the operator; children: left, right
    Unary,        // name: "-" or "!"; children: operand
    ForTuple,     // name (key var or empty), name2 (value var); children: collection, value, [cond]
    ForObject,    // as ForTuple; children: collection, key, value, [cond]; expand_final: grouping
    Invalid,      // a part the grammar could not read (a diagnostic was reported)
};

struct Expr;
struct ObjectItem;

struct Step {
    enum class Kind : std::uint8_t { Attribute, Index, AttributeSplat, FullSplat };
    Kind kind = Kind::Attribute;
    std::string name;             // Attribute
    std::unique_ptr<Expr> index;  // Index
    std::vector<Step> inner;      // splats: the steps applied to every element
    SourceRange range;
};

struct Expr {
    ExprKind kind = ExprKind::Invalid;
    SourceRange range;
    Value literal;
    std::string name;
    std::string name2;
    std::vector<Expr> children;
    std::vector<Step> steps;
    std::vector<ObjectItem> items;
    bool expand_final = false;
    bool parenthesized = false;  // `(expr)`: an object key written so is evaluated, not a name
    // Template parts only: strip whitespace before / after this interpolation (`${~ x ~}`).
    bool strip_before = false;
    bool strip_after = false;
};

struct ObjectItem {
    Expr key;  // a bare identifier key is a Variable expression; its name is the key
    Expr value;
};

struct Attribute {
    std::string name;
    SourceRange name_range;
    Expr value;
    SourceRange range;  // the whole `name = value`
};

struct Block;

struct Body {
    std::vector<Attribute> attributes;
    std::vector<Block> blocks;

    const Attribute* attribute(std::string_view name) const;
};

struct Block {
    std::string type;
    std::vector<std::string> labels;
    SourceRange range;  // from the type to the closing brace
    Body body;
};

struct Comment {
    std::uint32_t line = 0;
    std::string text;  // including the comment marker
};

struct File {
    Body body;
    std::vector<Comment> comments;
    std::vector<Diagnostic> diagnostics;
};

// tree-sitter-hcl reads `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; HCL and Terraform group
// it as `a ? b : (c ? d : e)`. Both parsers call this on every conditional they build, so a
// chain of conditionals means what its author meant; a condition written in parentheses stays.
void regroup_conditional(Expr& conditional);

// Parses HCL (Terraform .tf, .tfvars) text. Syntax errors become diagnostics with line and
// column; whatever the grammar recovered is still returned.
File parse(std::string_view text, FileId file);

// The tree-sitter reader behind parse(), for the files the native parser (native_parser.h)
// rejects; tests and benchmarks call the two directly to compare them.
File parse_with_tree_sitter(std::string_view text, FileId file);

// Parses Terraform's JSON syntax (.tf.json; with `variables_file`, .tfvars.json) into the same
// tree.
File parse_json(std::string_view text, FileId file, bool variables_file = false);

}  // namespace bulwark::hcl
