#include "parsers/terraform/hcl/syntax_diff.h"

#include <string_view>

namespace bulwark::hcl {
namespace {

std::string show(const SourceRange& r) {
    return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" +
           std::to_string(r.end.line) + ":" + std::to_string(r.end.column) +
           (r.file == kNoFile ? " (no file)" : "");
}

std::string show(ExprKind kind) {
    static constexpr std::string_view kNames[] = {
        "Literal",  "Template", "TemplateIf", "TemplateFor", "Traversal",
        "Variable", "Call",     "Tuple",      "Object",      "Conditional",
        "Binary",   "Unary",    "ForTuple",   "ForObject",   "Invalid"};
    return std::string(kNames[static_cast<std::size_t>(kind)]);
}

// Walks two trees together; the first mismatch is kept with the path that led to it.
class Differ {
  public:
    std::optional<std::string> found;

    void file(const File& a, const File& b) {
        body(a.body, b.body, "");
        count(a.comments.size(), b.comments.size(), "comments");
        for (std::size_t i = 0; !found && i < a.comments.size(); ++i) {
            const std::string at = "comments[" + std::to_string(i) + "]";
            if (a.comments[i].line != b.comments[i].line) {
                fail(at, "line " + std::to_string(a.comments[i].line) + " vs " +
                             std::to_string(b.comments[i].line));
            }
            text(a.comments[i].text, b.comments[i].text, at);
        }
        count(a.diagnostics.size(), b.diagnostics.size(), "diagnostics");
        for (std::size_t i = 0; !found && i < a.diagnostics.size(); ++i) {
            text(a.diagnostics[i].message, b.diagnostics[i].message,
                 "diagnostics[" + std::to_string(i) + "]");
        }
    }

  private:
    void fail(const std::string& path, const std::string& what) {
        if (!found) found = (path.empty() ? "file" : path) + ": " + what;
    }
    void count(std::size_t a, std::size_t b, const std::string& path) {
        if (a != b) fail(path, "count " + std::to_string(a) + " vs " + std::to_string(b));
    }
    void text(const std::string& a, const std::string& b, const std::string& path) {
        if (a != b) fail(path, "'" + a + "' vs '" + b + "'");
    }
    void where(const SourceRange& a, const SourceRange& b, const std::string& path) {
        if (!(a == b)) fail(path, "range " + show(a) + " vs " + show(b));
    }

    void body(const Body& a, const Body& b, const std::string& path) {
        count(a.attributes.size(), b.attributes.size(), path + ".attributes");
        for (std::size_t i = 0; !found && i < a.attributes.size(); ++i) {
            const Attribute& x = a.attributes[i];
            const Attribute& y = b.attributes[i];
            const std::string at = path + "." + x.name;
            text(x.name, y.name, at + "(name)");
            where(x.name_range, y.name_range, at + "(name)");
            where(x.range, y.range, at);
            expr(x.value, y.value, at + "=");
        }
        count(a.blocks.size(), b.blocks.size(), path + ".blocks");
        for (std::size_t i = 0; !found && i < a.blocks.size(); ++i) {
            const Block& x = a.blocks[i];
            const Block& y = b.blocks[i];
            std::string at = path + "." + x.type;
            for (const std::string& label : x.labels)
                at += "[" + label + "]";
            text(x.type, y.type, at + "(type)");
            count(x.labels.size(), y.labels.size(), at + "(labels)");
            for (std::size_t l = 0; !found && l < x.labels.size(); ++l)
                text(x.labels[l], y.labels[l], at + "(label)");
            where(x.range, y.range, at);
            body(x.body, y.body, at);
        }
    }

    void expr(const Expr& a, const Expr& b, const std::string& path) {
        if (found) return;
        if (a.kind != b.kind) return fail(path, "kind " + show(a.kind) + " vs " + show(b.kind));
        const std::string at = path + show(a.kind);
        where(a.range, b.range, at);
        text(a.name, b.name, at + "(name)");
        text(a.name2, b.name2, at + "(name2)");
        if (a.expand_final != b.expand_final) fail(at, "expand_final differs");
        if (a.parenthesized != b.parenthesized) fail(at, "parenthesized differs");
        if (a.strip_before != b.strip_before || a.strip_after != b.strip_after)
            fail(at, "strip markers differ");
        if (!a.literal.same_as(b.literal))
            fail(at, "literal '" + describe(a.literal) + "' vs '" + describe(b.literal) + "'");
        where(a.literal.range(), b.literal.range(), at + "(literal)");
        count(a.children.size(), b.children.size(), at + "(children)");
        for (std::size_t i = 0; !found && i < a.children.size(); ++i) {
            expr(a.children[i], b.children[i], at + "/" + std::to_string(i) + ":");
        }
        count(a.items.size(), b.items.size(), at + "(items)");
        for (std::size_t i = 0; !found && i < a.items.size(); ++i) {
            expr(a.items[i].key, b.items[i].key, at + "{" + std::to_string(i) + "}key:");
            expr(a.items[i].value, b.items[i].value, at + "{" + std::to_string(i) + "}value:");
        }
        steps(a.steps, b.steps, at);
    }

    void steps(const std::vector<Step>& a, const std::vector<Step>& b, const std::string& path) {
        count(a.size(), b.size(), path + "(steps)");
        for (std::size_t i = 0; !found && i < a.size(); ++i) {
            const std::string at = path + "(step " + std::to_string(i) + ")";
            if (a[i].kind != b[i].kind) fail(at, "step kind differs");
            text(a[i].name, b[i].name, at);
            where(a[i].range, b[i].range, at);
            if (bool(a[i].index) != bool(b[i].index)) fail(at, "index presence differs");
            if (a[i].index && b[i].index) expr(*a[i].index, *b[i].index, at + "[");
            steps(a[i].inner, b[i].inner, at + "(inner)");
        }
    }
};

}  // namespace

std::optional<std::string> first_difference(const File& expected, const File& actual) {
    Differ differ;
    differ.file(expected, actual);
    return differ.found;
}

}  // namespace bulwark::hcl
