#pragma once

#include <span>
#include <string_view>

#include "io/document_reader.h"

namespace bulwark {

// A file compiled into the binary: the built-in rule packs and framework catalogs.
struct EmbeddedFile {
    std::string_view path;  // relative to the repository root, e.g. rules/aws/s3/x.yaml
    std::string_view content;
    // The YAML document of `content` parsed at build time (io/value_codec.h); empty when its
    // YAML has diagnostics, which then come from reading `content` at run time.
    std::string_view preparsed;
};

// Generated at build time from rules/**.yaml (tools/embed_rules.cpp).
std::span<const EmbeddedFile> embedded_rule_files();

// The file's YAML document: the build-time parse when there is one, else read from its text
// (with file ID 0 either way). Equal to read_yaml(file.content, 0); a test checks every file.
// `skipped_root_keys`: values of the root mapping the caller does not read, which may come back
// as nulls (io/value_codec.h decode_value_without).
ReadResult read_embedded(const EmbeddedFile& file,
                         std::span<const std::string_view> skipped_root_keys = {});

}  // namespace bulwark
