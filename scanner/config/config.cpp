#include "config/config.h"

#include <algorithm>

namespace bulwark {

bool Config::requires_suppression_field(std::string_view field) const {
    return std::any_of(required_suppression_fields.begin(), required_suppression_fields.end(),
                       [&](const Setting& setting) { return setting.value == field; });
}

std::string format_error(const ConfigError& error) {
    std::string text = error.file;
    if (error.at.line != 0)
        text += ":" + std::to_string(error.at.line) + ":" + std::to_string(error.at.column);
    return text + ": " + error.message;
}

}  // namespace bulwark
