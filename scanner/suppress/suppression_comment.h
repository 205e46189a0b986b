#pragma once

// Suppression comments as written in infrastructure code, by Bulwark's own syntax and by the
// peers' (so that a team migrating keeps its accepted risks). Parsing is pure and bounded: it
// takes a buffer, so it can be fuzzed.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark {

enum class CommentScope : std::uint8_t {
    Next,   // the code line after the comment (or the line it trails): a resource, block or value
    Block,  // anywhere inside the enclosing resource (checkov's skip comments)
    Line,   // exactly the next code line, never the block it opens (kics ignore-line)
    File,   // the whole file (kics disable=)
};

struct SuppressionComment {
    std::string syntax;                 // bulwark, checkov, tfsec, trivy, kics, terrascan
    std::vector<std::string> rule_ids;  // as written; empty with kics ignore-line/ignore-block
    std::string reason;
    std::string expires;  // YYYY-MM-DD or empty
    std::string owner;
    CommentScope scope = CommentScope::Next;
    unsigned line = 0;           // 1-based line of the comment
    unsigned target = 0;         // the code line it applies to (0 for file scope, or none follows)
    unsigned previous_code = 0;  // the last code line before the comment (0: none)
    bool trailing = false;       // written after code on the same line
    std::string problem;         // a syntax mistake worth a diagnostic (bulwark syntax only)
};

// True when `content` may hold a suppression comment (a cheap test before parsing).
bool may_hold_suppressions(std::string_view content);

// Every suppression comment in a file, in line order. Lines longer than a limit and files with
// an absurd number of comments are cut off, never crash.
std::vector<SuppressionComment> find_suppression_comments(std::string_view content);

}  // namespace bulwark
