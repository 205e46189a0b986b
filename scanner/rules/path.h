#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/resource.h"
#include "model/value.h"

namespace bulwark {

struct PathSegment {
    enum class Kind { Key, Index, Wildcard };
    Kind kind = Kind::Key;
    std::string key;
    std::size_t index = 0;
};

// A compiled path such as `BucketEncryption.Rules[*].Algorithm` or `$resource.DeletionPolicy`.
struct Path {
    enum class Root { Current, Resource };
    Root root = Root::Current;
    std::vector<PathSegment> segments;
    std::string text;
};

// The path, or a message saying what is wrong with it.
std::variant<Path, std::string> parse_path(std::string_view text);

// What a path selects. Null values count as absent. When the walk runs into an Unknown before the
// path ends, `unknown_at` is that value and nothing else is known.
struct Selection {
    std::vector<const Value*> values;
    const Value* unknown_at = nullptr;
    // When nothing is selected: the deepest value the path did reach below its start (the block
    // that lacks the setting), so a finding can point there instead of at the resource.
    const Value* deepest = nullptr;
};

// Values for `$resource.Type` and `$resource.Address`, built once per resource when needed.
struct ResourceView {
    const Resource& resource;
    Value type;
    Value address;
    explicit ResourceView(const Resource& r);
};

Selection select(const Path& path, const Value& current, const ResourceView& resource);

}  // namespace bulwark
