#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "model/source_range.h"
#include "parsers/cdk/assembly/construct_metadata.h"
#include "pipeline/frontend.h"

namespace bulwark::cdk {

// Finds the app source file a creation-stack frame names. The frame holds the path on the machine
// that synthesized the assembly (/home/alice/app/lib/stack.ts), so the file is looked for by the
// longest suffix of that path that exists under the assembly's directory or one of its parents,
// never outside the scan root. A found file joins the scan's file table; a line past its end
// (a stale assembly) is not trusted.
class SourceLocator {
  public:
    explicit SourceLocator(const LinkContext& context) : context_(context) {}

    std::optional<SourceRange> locate(const CreationFrame& frame,
                                      const std::filesystem::path& assembly_dir);

  private:
    struct Found {
        FileId file = kNoFile;
        std::size_t lines = 0;
    };
    std::optional<Found> find(const std::string& frame_file,
                              const std::filesystem::path& assembly_dir);

    const LinkContext& context_;
    std::map<std::pair<std::string, std::string>, std::optional<Found>> cache_;
};

}  // namespace bulwark::cdk
