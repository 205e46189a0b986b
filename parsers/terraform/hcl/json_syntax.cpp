// Terraform's JSON syntax (.tf.json, .tfvars.json) read into the same syntax tree as HCL, so the
// evaluator does not know which one it evaluates. Without provider schemas a nested object is an
// attribute holding an object; adapters read nested blocks either way.
#include <string>

#include "io/document_reader.h"
#include "parsers/terraform/hcl/syntax.h"

namespace bulwark::hcl {
namespace {

void point_all_at(Expr& e, const SourceRange& at) {
    e.range = at;
    e.literal.set_range(at);
    for (Expr& child : e.children) point_all_at(child, at);
    for (ObjectItem& item : e.items) {
        point_all_at(item.key, at);
        point_all_at(item.value, at);
    }
    for (Step& step : e.steps) {
        step.range = at;
        if (step.index) point_all_at(*step.index, at);
    }
}

// A string of the JSON syntax is a template ("${var.x}-logs") or, where the syntax says so, an
// expression (variable types, depends_on).
Expr string_expression(const Value& text, bool as_expression, FileId file) {
    std::string source = "v = ";
    if (as_expression) {
        source += text.as_string();
    } else {
        source += '"';
        for (char c : text.as_string()) {
            if (c == '"' || c == '\\') source += '\\';
            if (c == '\n') {
                source += "\\n";
                continue;
            }
            source += c;
        }
        source += '"';
    }
    File parsed = parse(source + "\n", file);
    Expr e;
    e.kind = ExprKind::Literal;
    e.literal = text;
    if (parsed.diagnostics.empty()) {
        for (Attribute& attribute : parsed.body.attributes) {
            if (attribute.name == "v") e = std::move(attribute.value);
        }
    }
    point_all_at(e, text.range());
    return e;
}

Expr expression(const Value& value, bool templates, FileId file) {
    Expr e;
    e.range = value.range();
    switch (value.kind()) {
        case ValueKind::String:
            if (templates) return string_expression(value, false, file);
            e.kind = ExprKind::Literal;
            e.literal = value;
            return e;
        case ValueKind::List:
            e.kind = ExprKind::Tuple;
            for (const Value& item : value.as_list()) e.children.push_back(expression(item, templates, file));
            return e;
        case ValueKind::Map:
            e.kind = ExprKind::Object;
            for (const Value::Entry& entry : value.as_map()) {
                Expr key;
                key.kind = ExprKind::Literal;
                key.range = entry.key_range;
                key.literal = Value::string(entry.key, entry.key_range);
                e.items.push_back(ObjectItem{std::move(key), expression(entry.value, templates, file)});
            }
            return e;
        default:
            e.kind = ExprKind::Literal;
            e.literal = value;
            return e;
    }
}

Body body_of(const Value& object, std::string_view block_type, FileId file) {
    Body body;
    if (!object.is_map()) return body;
    for (const Value::Entry& entry : object.as_map()) {
        if (entry.key == "//") continue;  // a comment
        Attribute attribute;
        attribute.name = entry.key;
        attribute.name_range = entry.key_range;
        attribute.range = {entry.key_range.file, entry.key_range.begin, entry.value.range().end};
        const bool is_expression = (block_type == "variable" && entry.key == "type") ||
                                   entry.key == "depends_on" || entry.key == "providers" ||
                                   entry.key == "provider";
        const bool literal_only = block_type == "variable" && entry.key == "default";
        if (is_expression && entry.value.is_string()) {
            attribute.value = string_expression(entry.value, true, file);
        } else if (is_expression && entry.value.is_list()) {
            attribute.value.kind = ExprKind::Tuple;
            attribute.value.range = entry.value.range();
            for (const Value& item : entry.value.as_list()) {
                attribute.value.children.push_back(item.is_string() ? string_expression(item, true, file)
                                                                    : expression(item, false, file));
            }
        } else {
            attribute.value = expression(entry.value, !literal_only, file);
        }
        body.attributes.push_back(std::move(attribute));
    }
    return body;
}

void add_blocks(const Value& value, const std::string& type, std::vector<std::string> labels,
                std::size_t depth, std::size_t label_count, Body& out, FileId file) {
    if (depth == label_count) {
        const std::vector<const Value*> bodies = value.is_list()
                                                     ? [&] {
                                                           std::vector<const Value*> v;
                                                           for (const Value& item : value.as_list()) v.push_back(&item);
                                                           return v;
                                                       }()
                                                     : std::vector<const Value*>{&value};
        for (const Value* body : bodies) {
            Block block;
            block.type = type;
            block.labels = labels;
            block.range = body->range();
            block.body = body_of(*body, type, file);
            out.blocks.push_back(std::move(block));
        }
        return;
    }
    if (!value.is_map()) return;
    for (const Value::Entry& entry : value.as_map()) {
        if (entry.key == "//") continue;
        std::vector<std::string> next = labels;
        next.push_back(entry.key);
        add_blocks(entry.value, type, std::move(next), depth + 1, label_count, out, file);
    }
}

}  // namespace

File parse_json(std::string_view text, FileId file, bool variables_file) {
    File out;
    ReadResult read = read_json(text, file);
    out.diagnostics = std::move(read.diagnostics);
    if (!read.value) return out;
    const Value& root = *read.value;
    if (!root.is_map()) {
        out.diagnostics.push_back(Diagnostic{file, root.range().begin, DiagnosticSeverity::Error,
                                             DiagnosticCode::InvalidTemplate,
                                             "a Terraform JSON file must hold an object"});
        return out;
    }
    if (variables_file) {
        out.body = body_of(root, "variable", file);  // values are literals
        for (Attribute& attribute : out.body.attributes) {
            for (const Value::Entry& entry : root.as_map()) {
                if (entry.key == attribute.name) attribute.value = expression(entry.value, false, file);
            }
        }
        return out;
    }
    for (const Value::Entry& entry : root.as_map()) {
        const std::string& type = entry.key;
        if (type == "resource" || type == "data") {
            add_blocks(entry.value, type, {}, 0, 2, out.body, file);
        } else if (type == "variable" || type == "output" || type == "module" || type == "provider") {
            add_blocks(entry.value, type, {}, 0, 1, out.body, file);
        } else if (type == "locals" || type == "terraform") {
            add_blocks(entry.value, type, {}, 0, 0, out.body, file);
        }
    }
    return out;
}

}  // namespace bulwark::hcl
