#include "parsers/cdk/source/tree_sitter_support.h"

#include <algorithm>
#include <cstring>

namespace bulwark::cdk::ts {

Tree parse(const TSLanguage* language, std::string_view text) {
    TSParser* parser = ts_parser_new();
    Tree tree;
    if (ts_parser_set_language(parser, language)) {
        tree.reset(ts_parser_parse_string(parser, nullptr, text.data(),
                                          static_cast<std::uint32_t>(text.size())));
    }
    ts_parser_delete(parser);
    return tree;
}

std::string_view Source::text(TSNode node) const {
    const std::uint32_t begin = ts_node_start_byte(node);
    const std::uint32_t end = ts_node_end_byte(node);
    if (begin > end || end > text_.size()) return {};
    return text_.substr(begin, end - begin);
}

SourceRange Source::range(TSNode node) const {
    const TSPoint begin = ts_node_start_point(node);
    const TSPoint end = ts_node_end_point(node);
    return SourceRange{file_, {begin.row + 1, begin.column + 1}, {end.row + 1, end.column + 1}};
}

TSNode field(TSNode node, const char* name) {
    return ts_node_child_by_field_name(node, name, static_cast<std::uint32_t>(std::strlen(name)));
}

std::vector<TSNode> named_children(TSNode node) {
    std::vector<TSNode> out;
    const std::uint32_t count = ts_node_named_child_count(node);
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i)
        out.push_back(ts_node_named_child(node, i));
    return out;
}

std::vector<TSNode> fields(TSNode node, const char* name) {
    std::vector<TSNode> out;
    const std::uint32_t count = ts_node_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) {
        const char* field_name = ts_node_field_name_for_child(node, i);
        if (field_name != nullptr && std::string_view(field_name) == name) {
            out.push_back(ts_node_child(node, i));
        }
    }
    return out;
}

namespace {

bool find_error(TSNode node, TSNode& found) {
    if (ts_node_is_error(node) || ts_node_is_missing(node)) {
        found = node;
        return true;
    }
    if (!ts_node_has_error(node)) return false;
    const std::uint32_t count = ts_node_child_count(node);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (find_error(ts_node_child(node, i), found)) return true;
    }
    return false;
}

}  // namespace

void report_syntax_error(TSNode root, const Source& source, std::vector<Diagnostic>& out) {
    if (!ts_node_has_error(root)) return;
    TSNode error = root;
    find_error(root, error);
    const SourceRange at = source.range(error);
    std::string message = "syntax error";
    if (ts_node_is_missing(error)) {
        message = "syntax error: missing " + std::string(ts_node_type(error));
    } else if (std::string_view snippet = source.text(error); !snippet.empty()) {
        message += " near '" + excerpt(snippet) + "'";
    }
    out.push_back(Diagnostic{source.file(), at.begin, DiagnosticSeverity::Error,
                             DiagnosticCode::ParseError,
                             message + "; the rest of the file is read as far as it parses"});
}

std::string excerpt(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 60)) {
        if (c == '\n' || c == '\r') break;
        out.push_back(c);
    }
    if (out.size() < text.size()) out += "...";
    return out;
}

}  // namespace bulwark::cdk::ts
