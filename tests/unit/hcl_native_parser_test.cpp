#include <doctest/doctest.h>

#include <string>

#include "parsers/terraform/hcl/native_parser.h"
#include "parsers/terraform/hcl/syntax_diff.h"

using namespace bulwark;

namespace {

// The native parser accepts `text` and builds exactly the tree the tree-sitter converter builds.
void check_agrees(const std::string& text) {
    INFO("source:\n" << text);
    const hcl::File reference = hcl::parse_with_tree_sitter(text, 3);
    REQUIRE(reference.diagnostics.empty());
    const std::optional<hcl::File> native = hcl::parse_native(text, 3);
    REQUIRE(native.has_value());
    const std::optional<std::string> difference = hcl::first_difference(reference, *native);
    CHECK_MESSAGE(!difference, difference.value_or(""));
}

// The native parser leaves `text` to tree-sitter.
void check_rejects(const std::string& text) {
    INFO("source:\n" << text);
    CHECK_FALSE(hcl::parse_native(text, 3).has_value());
}

}  // namespace

TEST_CASE("native HCL: blocks, labels, attributes and comments") {
    check_agrees("");
    check_agrees("# only a comment\n");
    check_agrees("resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n");
    check_agrees("locals {}\nterraform { required_version = \">= 1.5\" }\n");
    check_agrees("block label1 \"label\\t2\" { a = 1 b = 2 }\n");
    check_agrees(
        "# head\n// slashes\n/* block\n comment */\nresource \"a\" \"b\" { # after brace\n"
        "  # before attribute\n  x = 1 # after value\n  y = [ # inside a value: not kept\n 1, /* "
        "also */ 2]\n"
        "  nested { # in a nested block\n  }\n  # last\n}\n# tail");
    // A comment where the converter expects the value: the value is Invalid there.
    check_agrees(
        "a = # note\n  1\nb /* x */ = 2\nc = v[ # i\n 0]\nd = [for x in y : x if # c\n x]\n");
    check_agrees("a = 1\r\nb = \"two\"\r\n# crlf comment\r\n");
    check_agrees(
        "\xEF\xBB\xBF"
        "a = 1\nb = 2\n");  // a byte order mark
    check_agrees("a = \"caf\xC3\xA9 \xE2\x9C\x93\"\n");
}

TEST_CASE("native HCL: literals, numbers and escapes") {
    check_agrees("a = true\nb = false\nc = null\nd = 42\ne = 3.25\nf = 1.5e3\ng = 0x1F\nh = 007\n");
    check_agrees("a = \"tab\\t quote\\\" backslash\\\\ newline\\n cr\\r\"\n");
    check_agrees("a = \"\\u00e9\\U0001F600\"\n");
    check_agrees("a = \"$${literal} %%{also} $$ %% $ %\"\n");
    check_agrees("a = 1-2\nb = 3.5-x\nc = x.0-1\nd = x-1\n");  // x-1 is one identifier
    check_agrees("a = 10.11.10.12/32\nb = 1.5.0\n");  // a number with legacy index steps, as
                                                      // tree-sitter reads it
    check_agrees("a = \"\"\nb = \"${\"\"}\"\n");
}

TEST_CASE("native HCL: operators, precedence and conditionals") {
    check_agrees("a = 1 + 2 * 3 - 4 / 5 % 6\n");
    check_agrees("a = x == \"\" && y != \"\" || !z\nb = -1\nc = - -x\nd = !x.y\n");
    check_agrees("a = var.a.b + local.c[0]\nb = var.x.y * 2 + var.z.w\nc = (var.a).b > 3\n");
    check_agrees("a = x < 1 ? \"small\" : x >= 10 ? \"large\" : \"medium\"\n");
    check_agrees("a = x ? y ? 1 : 2 : 3\nb = (x ? 1 : 2) + 3\nc = x ? 1 : 2 + 3\n");
    check_agrees("a = ((x))\nb = (x + y) * z\nc = -(x)\nd = (x)\n");
}

TEST_CASE("native HCL: traversals, indexes and splats") {
    check_agrees(
        "a = aws_instance.web[0].id\nb = aws_instance.web.0.id\nc = var.list[count.index]\n");
    check_agrees("a = aws_instance.web.*.id\nb = aws_instance.web[*].id\nc = var.x[*].y[0].z\n");
    check_agrees(
        "a = var.x[*].y[*].z\nb = var.x.*.y.*.z\nc = var.m[\"key\"]\nd = var.a.*\ne = var.b[*]\n");
    check_agrees("a = provider::aws::arn_parse(var.arn).region\nb = my-name.attr\n");
}

TEST_CASE("native HCL: collections, calls and for expressions") {
    check_agrees(
        "a = []\nb = [1, 2,]\nc = {}\nd = { a = 1, \"b\" = 2, (var.k) = 3, c: 4 }\ne = {\n a = 1\n "
        "b = 2\n}\n");
    check_agrees(
        "a = f()\nb = concat(var.a, [1], )\nc = merge(var.maps...)\nd = f(1, g(2, h(3)))\n");
    check_agrees("a = [for x in var.list : upper(x)]\nb = [for i, x in var.list : x if i > 0]\n");
    check_agrees(
        "a = {for k, v in var.map : k => v.id}\nb = {for x in var.l : x.key => x... if x.on}\n");
}

TEST_CASE("native HCL: templates and heredocs") {
    check_agrees("a = \"hello ${var.name}!\"\nb = \"${var.a}${var.b}\"\nc = \"${x}\"\n");
    check_agrees("a = \"x ${~ var.a ~} y ${~b} z ${c~}\"\n");
    check_agrees(
        "a = \"%{ if var.on }yes%{ else }no%{ endif }\"\nb = \"%{ for x in var.l }${x},%{ endfor "
        "}\"\n");
    check_agrees(
        "a = \"%{~ if var.on ~}yes%{~ endif ~}\"\nb = \"%{ for k, v in var.m }${k}=${v}%{ endfor "
        "}\"\n");
    check_agrees("a = <<EOF\nline one\n  ${var.two}\nEOF\nb = 1\n");
    check_agrees(
        "a = <<-EOT\n    indented\n      more ${var.x} after\n    %{ if var.on }on%{ endif }\n    "
        "EOT\n");
    check_agrees("a = <<EOF\nEOF\nb = <<-X\n\tX\n");
    check_agrees(
        "policy = jsonencode(<<JSON\n{\"a\": \"${var.b}\"}\nJSON\n)\nc = trimspace(<<EOF\n  x\n  "
        "EOF\n)\n");
    check_agrees("a = <<EOF\nEOFX ${var.not_an_interpolation}\nEOF  \nb = 2\n");
    check_agrees("a = <<-EOF\n  one\n\n  two ${x} three\n    four\n  EOF\n");
    check_agrees("a = <<EOF\r\nwindows ${x}\r\nEOF\r\n");
    // Inside a directive, a line with the identifier does not close the heredoc.
    check_agrees("a = <<EOF\n%{ if x }\nEOF${y}\nEOF\n%{ endif }\nEOF\n");
    check_agrees("a = <<EOF\n%{ if x }\nEOF${y}\n%{ endif }\nEOF\n");
}

TEST_CASE("native HCL: what it leaves to tree-sitter") {
    check_rejects("a = \n");                         // a syntax error
    check_rejects("resource \"a\" {\n");             // unterminated block
    check_rejects("a = \"unterminated\n");           // a newline in a quoted string
    check_rejects("a = \"bad \\x escape\"\n");       // an escape HCL does not have
    check_rejects("a = <<EOF # comment\nx\nEOF\n");  // text after a heredoc's opening
    check_rejects("a = <<EOF\nx\nEOF");              // closing identifier without a newline
    check_rejects("\xCF\x80 = 3.14\n");              // an identifier outside ASCII
    check_rejects("a = 1e5\n");
    check_rejects("{ \"a\" = 1 }\n");
    check_rejects("a = \"${}\"\n");
    check_rejects("resource \"a_${x}\" \"b\" {}\n");
    check_rejects("a = [for = 1]\n");
    check_rejects(
        "a = <<-EOF\n  ${\"${x}\"}\n  EOF\n");  // a template nested in an indented heredoc

    // What the native parser rejects still parses, with tree-sitter's diagnostics.
    const hcl::File file = hcl::parse("a = \nb = 2\n", 0);
    CHECK_FALSE(file.diagnostics.empty());
}

TEST_CASE("native HCL: deep nesting is left to tree-sitter's cap") {
    std::string deep = "a = ";
    for (int i = 0; i < 400; ++i)
        deep += "[";
    for (int i = 0; i < 400; ++i)
        deep += "]";
    check_rejects(deep + "\n");
    std::string shallow = "a = ";
    for (int i = 0; i < 40; ++i)
        shallow += "[";
    for (int i = 0; i < 40; ++i)
        shallow += "]";
    check_agrees(shallow + "\n");
}

TEST_CASE("native HCL: the tree-sitter readings it mirrors") {
    // A chain of conditionals nests to the right, as in Terraform (tree-sitter-hcl reads it to
    // the left; both parsers regroup it the same way).
    std::optional<hcl::File> file = hcl::parse_native("a = x ? 1 : y ? 2 : 3\n", 0);
    REQUIRE(file);
    const hcl::Expr& outer = file->body.attributes[0].value;
    REQUIRE(outer.kind == hcl::ExprKind::Conditional);
    CHECK(outer.children[0].kind == hcl::ExprKind::Variable);
    CHECK(outer.children[2].kind == hcl::ExprKind::Conditional);

    // An indented heredoc loses the common indentation of its lines.
    file = hcl::parse_native("a = <<-EOT\n    one\n      two\n    EOT\n", 0);
    REQUIRE(file);
    CHECK(file->body.attributes[0].value.literal.as_string() == "one\n  two\n");

    // Comments inside an attribute's value are not kept (tree-sitter nests them in the value).
    file = hcl::parse_native("# kept\na = [ # dropped\n 1]\n# kept too\n", 0);
    REQUIRE(file);
    REQUIRE(file->comments.size() == 2);
    CHECK(file->comments[1].line == 4);
}
