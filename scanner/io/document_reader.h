#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace bulwark {

// Bounds that keep hostile documents from exhausting time or memory.
struct ReadLimits {
    std::size_t max_depth = 256;        // nesting of maps and lists
    std::size_t max_nodes = 4'000'000;  // nodes built, aliases expanded included
    // Nodes copied by YAML aliases: legitimate templates copy a few hundred; a "billion laughs"
    // document reaches this in about a second instead of max_nodes in several.
    std::size_t max_alias_nodes = 500'000;
};

// Called for each node written with a local tag (`!Ref Name`); returns the value to use instead.
using TagHandler =
    std::function<Value(std::string_view tag, Value node, std::vector<Diagnostic>& diagnostics)>;

// The document, or nothing when it could not be read at all; diagnostics either way.
struct ReadResult {
    std::optional<Value> value;
    std::vector<Diagnostic> diagnostics;
};

// YAML 1.2 (core schema) through libyaml, keeping line and column for every node and key.
// Only the first document of a stream is read. Anchors and aliases are expanded within
// `limits.max_nodes`; merge keys (`<<`) are applied.
ReadResult read_yaml(std::string_view text, FileId file, const ReadLimits& limits = {},
                     const TagHandler& tag_handler = {});

// RFC 8259 JSON, keeping line and column for every node and key.
ReadResult read_json(std::string_view text, FileId file, const ReadLimits& limits = {});

}  // namespace bulwark
