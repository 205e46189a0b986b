#include "discovery/discover.h"

#include <algorithm>
#include <set>

#include "discovery/context.h"
#include "discovery/glob.h"
#include "util/paths.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSkippedDirectories[] = {
    ".git",        ".hg",         ".svn",          ".terraform", "node_modules", ".venv",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".tox",       ".idea",        ".vscode",
};

std::string relative_to(const fs::path& path, const fs::path& root) {
    fs::path relative = path.lexically_relative(root);
    if (relative.empty()) relative = path.filename();
    return relative.generic_string();
}

bool excluded(const std::string& relative, const DiscoveryOptions& options) {
    return std::any_of(options.exclude.begin(), options.exclude.end(),
                       [&](const std::string& glob) { return glob_match(glob, relative); });
}

// True when `path`, lexically inside `root`, leads outside it through a symbolic link (the path
// itself or one of its folders). Such a path is never read: a repository could otherwise make
// Bulwark quote /etc/passwd or a CI secret in its reports.
bool escapes_through_symlink(const fs::path& path, const fs::path& root) {
    if (!is_within(path, root)) return false;  // named outside the root on purpose by the user
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(path, ec);
    if (ec) return true;
    const fs::path real_root = fs::weakly_canonical(root, ec);
    return ec || !is_within(real, real_root);
}

bool included(const std::string& relative, const DiscoveryOptions& options) {
    if (options.include.empty()) return true;
    return std::any_of(options.include.begin(), options.include.end(),
                       [&](const std::string& glob) { return glob_match(glob, relative); });
}

}  // namespace

bool has_infrastructure_extension(std::string_view path) {
    static constexpr std::string_view kExtensions[] = {
        ".yaml", ".yml", ".json", ".template", ".tf", ".tfvars", ".py", ".ts",
    };
    return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                       [&](std::string_view extension) { return path.ends_with(extension); });
}

bool is_skipped_directory(std::string_view name) {
    return std::find(std::begin(kSkippedDirectories), std::end(kSkippedDirectories), name) !=
           std::end(kSkippedDirectories);
}

fs::path default_root(const std::vector<fs::path>& paths) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec).lexically_normal();
    std::vector<fs::path> absolute;
    for (const fs::path& p : paths)
        absolute.push_back(fs::absolute(p, ec).lexically_normal());
    if (std::all_of(absolute.begin(), absolute.end(),
                    [&](const fs::path& p) { return is_within(p, cwd); })) {
        return cwd;
    }
    fs::path common = absolute.empty() ? cwd : absolute.front();
    if (fs::is_regular_file(common, ec)) common = common.parent_path();
    for (const fs::path& p : absolute) {
        while (!is_within(p, common) && common.has_parent_path() && common != common.root_path()) {
            common = common.parent_path();
        }
    }
    return common;
}

DiscoveryResult discover(const DiscoveryOptions& options) {
    DiscoveryResult result;
    std::set<std::string> seen;
    fs::path root = fs::absolute(options.root).lexically_normal();
    if (root.filename().empty() && root.has_parent_path()) root = root.parent_path();  // "dir/"
    auto take = [&](const fs::path& path) {
        std::string relative = relative_to(path, root);
        if (excluded(relative, options) || !included(relative, options)) return;
        if (seen.insert(relative).second) result.files.push_back({path, std::move(relative)});
    };
    std::vector<fs::path> named;  // files named explicitly, whose context is read after

    std::vector<fs::path> paths = options.paths;
    if (paths.empty()) paths.push_back(".");
    for (const fs::path& given : paths) {
        std::error_code ec;
        const fs::path path = fs::absolute(given, ec).lexically_normal();
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            if (!options.ignore_missing)
                result.errors.push_back(given.string() + ": no such file or directory");
            continue;
        }
        if (escapes_through_symlink(path, root)) {
            result.errors.push_back(given.string() +
                                    ": a symbolic link that leads outside the scan root; not read");
            continue;
        }
        if (fs::is_regular_file(status)) {
            take(path);
            named.push_back(path);
            continue;
        }
        if (!fs::is_directory(status)) continue;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec);
        if (ec) {
            result.errors.push_back(given.string() + ": " + ec.message());
            continue;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) {
                result.errors.push_back(it->path().string() + ": " + ec.message());
                break;
            }
            const fs::directory_entry& entry = *it;
            const std::string name = entry.path().filename().string();
            if (entry.is_symlink(ec)) {
                // Links to folders are never followed: they could loop or leave the root.
                if (entry.is_directory(ec)) {
                    it.disable_recursion_pending();
                } else if (entry.is_regular_file(ec)) {
                    if (!escapes_through_symlink(entry.path(), root)) {
                        take(entry.path());
                    } else {
                        std::string relative = relative_to(entry.path(), root);
                        if (!excluded(relative, options) && included(relative, options)) {
                            result.refused_links.push_back({entry.path(), std::move(relative)});
                        }
                    }
                }
                continue;
            }
            if (entry.is_directory(ec)) {
                if (is_skipped_directory(name) ||
                    excluded(relative_to(entry.path(), root), options)) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (entry.is_regular_file(ec)) take(entry.path());
        }
    }
    // Context comes after every named path, so a file both named and context is reported. It is
    // read whatever --include says (that chooses what is reported), but never when excluded.
    if (options.named_file_context) {
        result.partial = !named.empty();
        // Files of one kind in one folder share their context (pre-commit passes them together).
        std::set<std::pair<fs::path, fs::path>> done;
        for (const fs::path& file : named) {
            const std::string name = file.filename().string();
            const bool terraform = name.ends_with(".tf") || name.ends_with(".tf.json") ||
                                   name.ends_with(".tfvars") || name.ends_with(".tfvars.json");
            const fs::path kind = terraform ? fs::path(".tf") : file.extension();
            if (!done.emplace(file.parent_path(), kind).second) continue;
            for (const fs::path& path : context_files(file, root)) {
                std::string relative = relative_to(path, root);
                if (excluded(relative, options)) continue;
                if (seen.insert(relative).second)
                    result.files.push_back({path, std::move(relative), true});
            }
        }
    }
    std::sort(
        result.files.begin(), result.files.end(),
        [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.relative < b.relative; });
    return result;
}

}  // namespace bulwark
