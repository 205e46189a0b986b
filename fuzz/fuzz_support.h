#pragma once

// What every fuzz target shares: run one front-end over one in-memory file the way a scan does
// (parse, then link the file on its own), under a scan root that does not exist, so that nothing
// on the fuzzing machine is ever read.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/frontend.h"

namespace bulwark::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline const std::filesystem::path& fuzz_root() {
    static const std::filesystem::path root = "/nonexistent/bulwark-fuzz-root";
    return root;
}

// Parses `content` as the file `path` and, when the front-end keeps an artifact, links it.
inline void parse_and_link(const Frontend& frontend, std::string path, std::string_view content) {
    SourceFile file{0, std::move(path), std::string(content)};
    FrontendOutput parsed = frontend.parse(file);
    if (!parsed.artifact) return;
    std::vector<LinkInput> inputs;
    inputs.push_back(LinkInput{0, file.path, fuzz_root() / file.path, std::move(parsed.artifact)});
    LinkContext context;
    context.root = fuzz_root();
    context.load = [](const std::filesystem::path&) -> std::optional<SourceFile> {
        return std::nullopt;
    };
    (void)frontend.link(inputs, context);
}

}  // namespace bulwark::fuzz
