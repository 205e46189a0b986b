#pragma once

#include <cstdint>
#include <limits>

namespace bulwark {

// Index into the scan's file table; values keep it so that a finding can point into another file
// than its resource's (a Terraform variable's default, a folded security group rule).
using FileId = std::uint32_t;
inline constexpr FileId kNoFile = std::numeric_limits<FileId>::max();

// 1-based line and column; line 0 means "no position".
struct SourcePosition {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

struct SourceRange {
    FileId file = kNoFile;
    SourcePosition begin;
    SourcePosition end;

    bool valid() const { return file != kNoFile && begin.line != 0; }
    friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace bulwark
