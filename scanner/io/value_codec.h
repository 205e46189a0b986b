#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/value.h"

namespace bulwark {

// A compact binary form of a Value tree, source ranges and key ranges included, so that a
// document parsed at build time (the built-in rule packs) is rebuilt at start-up without
// parsing its text again. decode_value(encode_value(v)) equals v, ranges and all.
std::string encode_value(const Value& value);

// Nothing when `bytes` is not a complete encoding (truncated, corrupt, nested deeper than
// `max_depth`): the caller falls back to the text.
std::optional<Value> decode_value(std::string_view bytes, std::size_t max_depth = 256);

// The same without the values of these keys of the root mapping: each decodes as null (with its
// range), its bytes checked but not built, for readers that need only the rest of a large
// document (`bulwark rules list` reads no rule's check).
std::optional<Value> decode_value_without(std::string_view bytes,
                                          std::span<const std::string_view> skipped_root_keys,
                                          std::size_t max_depth = 256);

}  // namespace bulwark
