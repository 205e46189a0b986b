#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "pipeline/frontend.h"

namespace bulwark::cloudformation {

// What nested stacks and AWS::Include may read: files under the scan root, each read once by the
// pipeline (it gets a FileId and appears in every output).
struct FileAccess {
    std::filesystem::path root;  // absolute, normal
    std::function<std::optional<SourceFile>(const std::filesystem::path&)> load;
};

// A local path named by a template (TemplateURL, AWS::Include Location): remote ones are not.
bool is_remote_location(std::string_view location);

// `location` relative to the folder of `from`, normalised; or a message when it leads outside the
// scan root (lexically or through a symbolic link).
std::variant<std::filesystem::path, std::string> resolve_local(const FileAccess& access,
                                                               const std::filesystem::path& from,
                                                               std::string_view location);

}  // namespace bulwark::cloudformation
