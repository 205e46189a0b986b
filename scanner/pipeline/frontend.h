#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/resource.h"

namespace bulwark {

// One input file, read once.
struct SourceFile {
    FileId id = kNoFile;
    std::string path;  // relative to the scan root, with '/' separators
    std::string content;
};

struct FrontendOutput {
    bool recognized = false;  // the file is of this front-end's kind (a template, a module, ...)
    std::vector<Resource> resources;
    std::vector<Diagnostic> diagnostics;
};

// A reader for one infrastructure format. Front-ends take a buffer, not a path, so they can be
// fuzzed; they are stateless and called from several threads at once.
class Frontend {
  public:
    virtual ~Frontend() = default;
    virtual std::string_view name() const = 0;
    // A cheap test on the name and content: does this front-end read the file?
    virtual bool claims(std::string_view path, std::string_view content) const = 0;
    virtual FrontendOutput parse(const SourceFile& file) const = 0;
};

}  // namespace bulwark
