#pragma once

#include <span>
#include <string_view>

namespace bulwark {

// A file compiled into the binary: the built-in rule packs and framework catalogs.
struct EmbeddedFile {
    std::string_view path;  // relative to the repository root, e.g. rules/aws/s3/x.yaml
    std::string_view content;
};

// Generated at build time from rules/**.yaml (cmake/EmbedFiles.cmake).
std::span<const EmbeddedFile> embedded_rule_files();

}  // namespace bulwark
