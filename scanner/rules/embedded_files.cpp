#include "rules/embedded_files.h"

#include "io/value_codec.h"

namespace bulwark {

ReadResult read_embedded(const EmbeddedFile& file,
                         std::span<const std::string_view> skipped_root_keys) {
    if (!file.preparsed.empty()) {
        if (auto value = decode_value_without(file.preparsed, skipped_root_keys))
            return {std::move(value), {}};
    }
    return read_yaml(file.content, 0);
}

}  // namespace bulwark
