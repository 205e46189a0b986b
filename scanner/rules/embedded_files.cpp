#include "rules/embedded_files.h"

#include "io/value_codec.h"

namespace bulwark {

ReadResult read_embedded(const EmbeddedFile& file) {
    if (!file.preparsed.empty()) {
        if (auto value = decode_value(file.preparsed)) return {std::move(value), {}};
    }
    return read_yaml(file.content, 0);
}

}  // namespace bulwark
