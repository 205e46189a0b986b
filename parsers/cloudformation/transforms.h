#pragma once

#include <string_view>

#include "model/value.h"

namespace bulwark::cloudformation {

// Whether the template's top-level Transform (one name or a list) names `transform`.
inline bool declares_transform(const Value& root, std::string_view transform) {
    const Value* declared = root.find("Transform");
    if (declared == nullptr) return false;
    if (declared->is_string()) return declared->as_string() == transform;
    if (!declared->is_list()) return false;
    for (const Value& item : declared->as_list()) {
        if (item.is_string() && item.as_string() == transform) return true;
    }
    return false;
}

}  // namespace bulwark::cloudformation
