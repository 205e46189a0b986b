#include "parsers/cdk/assembly/source_locator.h"
#include "util/paths.h"

#include <algorithm>
#include <vector>

namespace bulwark::cdk {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxSegments = 16;

std::vector<std::string> segments_of(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view segment = path.substr(start, end - start);
        // Drive letters and "." say nothing about where the file is relative to the app.
        if (!segment.empty() && segment != "." && !(segment.size() == 2 && segment[1] == ':')) {
            segments.emplace_back(segment);
        }
        start = end + 1;
    }
    if (segments.size() > kMaxSegments) {
        segments.erase(segments.begin(), segments.end() - kMaxSegments);
    }
    return segments;
}

}  // namespace

std::optional<SourceLocator::Found> SourceLocator::find(const std::string& frame_file,
                                                        const fs::path& assembly_dir) {
    const auto key = std::make_pair(frame_file, assembly_dir.generic_string());
    if (auto cached = cache_.find(key); cached != cache_.end()) return cached->second;
    std::optional<Found> found;
    const std::vector<std::string> segments = segments_of(frame_file);
    const fs::path root = context_.root;
    std::vector<fs::path> ancestors;
    for (fs::path dir = assembly_dir; is_within(dir, root); dir = dir.parent_path()) {
        ancestors.push_back(dir);
        if (dir == root || !dir.has_parent_path() || dir.parent_path() == dir) break;
    }
    // Longest suffix first: the most specific match wins over a nearer directory.
    for (std::size_t first = 0; first < segments.size() && !found; ++first) {
        if (std::find(segments.begin() + static_cast<std::ptrdiff_t>(first), segments.end(),
                      "..") != segments.end()) {
            continue;
        }
        fs::path suffix;
        for (std::size_t i = first; i < segments.size(); ++i)
            suffix /= segments[i];
        for (const fs::path& dir : ancestors) {
            std::error_code ec;
            const fs::path candidate = dir / suffix;
            if (!fs::is_regular_file(candidate, ec)) continue;
            std::optional<SourceFile> loaded =
                context_.load ? context_.load(candidate) : std::nullopt;
            if (!loaded || loaded->path.starts_with("..")) continue;
            found = Found{loaded->id, static_cast<std::size_t>(std::count(
                                          loaded->content.begin(), loaded->content.end(), '\n')) +
                                          1};
            break;
        }
    }
    cache_.emplace(key, found);
    return found;
}

std::optional<SourceRange> SourceLocator::locate(const CreationFrame& frame,
                                                 const fs::path& assembly_dir) {
    auto found = find(frame.file, assembly_dir);
    if (!found || frame.line == 0 || frame.line > found->lines) return std::nullopt;
    const SourcePosition at{frame.line, std::max<std::uint32_t>(frame.column, 1)};
    return SourceRange{found->file, at, at};
}

}  // namespace bulwark::cdk
