#include "discovery/glob.h"

namespace bulwark {
namespace {

bool match_here(std::string_view pattern, std::string_view text) {
    while (!pattern.empty()) {
        if (pattern.starts_with("**")) {
            pattern.remove_prefix(2);
            if (pattern.starts_with('/')) pattern.remove_prefix(1);
            if (pattern.empty()) return true;
            for (std::size_t i = 0; i <= text.size(); ++i) {
                if ((i == 0 || text[i - 1] == '/') && match_here(pattern, text.substr(i))) {
                    return true;
                }
            }
            return false;
        }
        const char p = pattern.front();
        if (p == '*') {
            pattern.remove_prefix(1);
            for (std::size_t i = 0; i <= text.size(); ++i) {
                if (match_here(pattern, text.substr(i))) return true;
                if (i < text.size() && text[i] == '/') break;
            }
            return false;
        }
        if (text.empty()) return false;
        if (p == '?' ? text.front() == '/' : p != text.front()) return false;
        pattern.remove_prefix(1);
        text.remove_prefix(1);
    }
    return text.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    if (pattern.starts_with("./")) pattern.remove_prefix(2);
    if (pattern.ends_with('/')) pattern.remove_suffix(1);
    if (pattern.find('/') != std::string_view::npos) {
        if (pattern.starts_with('/')) pattern.remove_prefix(1);
        // A directory pattern also covers everything below it.
        return match_here(pattern, path) || (path.size() > pattern.size() && [&] {
                   for (std::size_t i = 0; i < path.size(); ++i) {
                       if (path[i] == '/' && match_here(pattern, path.substr(0, i))) return true;
                   }
                   return false;
               }());
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = path.find('/', start);
        const std::string_view segment = path.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (match_here(pattern, segment)) return true;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return false;
}

}  // namespace bulwark
