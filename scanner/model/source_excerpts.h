#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "model/source_range.h"

namespace bulwark {

// The source lines that reports quote (the lines findings and diagnostics point at), kept after
// the scan has released the file contents. Reporters stay pure functions of the scan result: they
// never read a file again.
class SourceExcerpts {
  public:
    // Lines longer than this are cut (a minified JSON template is one line).
    static constexpr std::size_t kMaxLineBytes = 2000;

    void add(FileId file, std::uint32_t line, std::string text) {
        if (text.size() > kMaxLineBytes) text.resize(kMaxLineBytes);
        lines_.insert_or_assign({file, line}, std::move(text));
    }
    // The text of a line (without its line break), or nullptr when it was not kept.
    const std::string* line(FileId file, std::uint32_t line) const {
        auto it = lines_.find({file, line});
        return it == lines_.end() ? nullptr : &it->second;
    }
    bool empty() const { return lines_.empty(); }

  private:
    std::map<std::pair<FileId, std::uint32_t>, std::string> lines_;
};

}  // namespace bulwark
