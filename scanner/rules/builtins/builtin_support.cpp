#include "rules/builtins/builtin_support.h"

#include <algorithm>
#include <cctype>

#include "io/scalar.h"
#include "util/text.h"

namespace bulwark::builtin_support {

std::optional<SourceRange> evidence_of(const Value& value) {
    if (value.range().valid()) return value.range();
    return std::nullopt;
}

std::optional<double> numeric(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (value.is_string()) return parse_decimal(value.as_string());
    return std::nullopt;
}

std::optional<std::string> no_args(const Value& args) {
    if (args.is_null() || (args.is_map() && args.as_map().empty())) return std::nullopt;
    return std::string("takes no args");
}

std::string service_of(std::string_view type) {
    if (!type.starts_with("AWS::")) return {};
    type.remove_prefix(5);
    return ascii_lower(type.substr(0, type.find("::")));
}

}  // namespace bulwark::builtin_support
