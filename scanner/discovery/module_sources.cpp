#include "discovery/module_sources.h"

namespace bulwark {

std::vector<std::string> local_module_sources(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = text.find("source"); at != std::string_view::npos;
         at = text.find("source", at + 6)) {
        std::size_t i = at + 6;
        if (i < text.size() && text[i] == '"') ++i;  // JSON key
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i >= text.size() || (text[i] != '=' && text[i] != ':')) continue;
        ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i >= text.size() || text[i] != '"') continue;
        const std::size_t end = text.find('"', i + 1);
        if (end == std::string_view::npos) break;
        const std::string_view value = text.substr(i + 1, end - i - 1);
        if (value.starts_with("./") || value.starts_with("../") || value == "." || value == "..")
            out.emplace_back(value);
    }
    return out;
}

}  // namespace bulwark
