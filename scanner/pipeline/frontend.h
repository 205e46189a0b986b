#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
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

// What a front-end keeps of a file between parsing and linking (a Terraform file's syntax tree).
struct Artifact {
    virtual ~Artifact() = default;
};

struct FrontendOutput {
    bool recognized = false;  // the file is of this front-end's kind (a template, a module, ...)
    std::vector<Resource> resources;
    std::vector<Diagnostic> diagnostics;
    std::unique_ptr<Artifact> artifact;  // handed to link() when set
};

// A parsed file waiting to be linked with the others of its front-end.
struct LinkInput {
    FileId file = kNoFile;
    std::string path;  // relative to the scan root
    std::filesystem::path absolute;
    std::unique_ptr<Artifact> artifact;
};

// What link() may use: the scan root, and a way to read a file that was not among the scanned
// paths (a local module's source) once: it gets a FileId and appears in every output.
struct LinkContext {
    std::filesystem::path root;
    std::function<std::optional<SourceFile>(const std::filesystem::path&)> load;
    unsigned threads = 1;  // for front-ends whose linking splits into independent parts
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
    // After every file is parsed (on one thread): combines the artifacts of this front-end's files
    // into resources, for formats whose meaning spans files (Terraform modules).
    virtual FrontendOutput link(std::vector<LinkInput>& inputs, const LinkContext& context) const {
        (void)inputs;
        (void)context;
        return {};
    }
};

}  // namespace bulwark
