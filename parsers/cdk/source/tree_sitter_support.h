#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_range.h"

// Small helpers over the tree-sitter C API shared by the Python and TypeScript readers.
namespace bulwark::cdk::ts {

struct TreeDeleter {
    void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// Parses `text` with `language`; nullptr when tree-sitter gives up (time-out, bad language).
Tree parse(const TSLanguage* language, std::string_view text);

class Source {
  public:
    Source(std::string_view text, FileId file) : text_(text), file_(file) {}

    std::string_view text(TSNode node) const;
    SourceRange range(TSNode node) const;
    FileId file() const { return file_; }
    std::string_view text_of_all() const { return text_; }

  private:
    std::string_view text_;
    FileId file_;
};

// "" for a null node (a field the parser left out while recovering from a syntax error):
// tree-sitter's own ts_node_type() dereferences it.
inline std::string_view type(TSNode node) {
    return ts_node_is_null(node) ? std::string_view() : ts_node_type(node);
}
TSNode field(TSNode node, const char* name);
std::vector<TSNode> named_children(TSNode node);
// Every child carrying field `name` (Python's `name` field of import_from_statement repeats).
std::vector<TSNode> fields(TSNode node, const char* name);

// The first ERROR or MISSING node as a diagnostic, when the tree has one.
void report_syntax_error(TSNode root, const Source& source, std::vector<Diagnostic>& out);

// A short single-line excerpt of a node's text (for unevaluated expressions).
std::string excerpt(std::string_view text);

}  // namespace bulwark::cdk::ts
