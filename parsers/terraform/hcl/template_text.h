#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// How template literal text becomes string values, shared by both HCL parsers (tree-sitter and
// native) so that the two cannot drift apart on escapes or heredoc indentation.
namespace bulwark::hcl {

void append_utf8(std::string& out, std::uint32_t code);

// Literal text of a template: quoted strings have backslash escapes; both kinds double `$${`
// and `%%{` to write `${` and `%{` literally.
std::string literal_text(std::string_view raw, bool quoted);

// The indentation an indented heredoc (`<<-`) removes: the fewest leading spaces and tabs of
// any line of `body` that has other text.
std::size_t heredoc_indent(std::string_view body);

// Removes heredoc indentation from literal pieces in source order. The count of indentation
// still to remove carries over from one piece to the next, so a line split by an interpolation
// is dedented once.
class Dedenter {
  public:
    void reset(std::size_t indent) { left_ = indent; }
    // The text of source bytes [begin, end) with indentation removed; `at_line_start` says
    // whether `begin` starts a line.
    std::string apply(std::string_view raw, bool at_line_start, std::size_t indent);

  private:
    std::size_t left_ = 0;
};

}  // namespace bulwark::hcl
