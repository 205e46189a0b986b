#include "parsers/cloudformation/file_access.h"
#include "util/paths.h"

#include <algorithm>

namespace bulwark::cloudformation {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool is_remote_location(std::string_view location) {
    return location.find("://") != std::string_view::npos || location.starts_with("https:") ||
           location.starts_with("http:") || location.starts_with("s3:");
}

std::variant<fs::path, std::string> resolve_local(const FileAccess& access, const fs::path& from,
                                                  std::string_view location) {
    std::string text(location);
    if (text.starts_with("file://")) text = text.substr(7);
    const fs::path named(text);
    const fs::path path =
        (named.is_absolute() ? named : from.parent_path() / named).lexically_normal();
    if (!is_within(path, access.root)) {
        return std::string("\"") + std::string(location) + "\" is outside the scan root; not read";
    }
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(path, ec);
    const fs::path real_root = fs::weakly_canonical(access.root, ec);
    if (!ec && !is_within(real, real_root)) {
        return std::string("\"") + std::string(location) +
               "\" leads outside the scan root through a symbolic link; not read";
    }
    return path;
}

}  // namespace bulwark::cloudformation
