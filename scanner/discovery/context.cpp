#include "discovery/context.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "discovery/discover.h"
#include "discovery/module_sources.h"
#include "util/paths.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> suffixes) {
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](std::string_view suffix) { return name.ends_with(suffix); });
}

bool is_terraform(std::string_view name) {
    return ends_with_any(name, {".tf", ".tf.json", ".tfvars", ".tfvars.json"});
}

bool is_configuration(std::string_view name) {
    return ends_with_any(name, {".tf", ".tf.json"});
}

bool is_automatic_tfvars(std::string_view name) {
    return name == "terraform.tfvars" || name == "terraform.tfvars.json" ||
           ends_with_any(name, {".auto.tfvars", ".auto.tfvars.json"});
}

bool is_cdk_source(std::string_view name) {
    return name.ends_with(".py") || (name.ends_with(".ts") && !name.ends_with(".d.ts"));
}

// The regular files directly in `dir` (not symbolic links), sorted.
std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_symlink(ec) && it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The regular files under `dir` that `wanted` accepts, skipping the directories Bulwark never
// enters and those `enter` refuses; symbolic links are not followed.
template <typename Wanted, typename Enter>
void walk(const fs::path& dir, Wanted wanted, Enter enter, std::vector<fs::path>& out) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        const std::string name = entry.path().filename().string();
        if (entry.is_symlink(ec)) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (entry.is_directory(ec)) {
            if (is_skipped_directory(name) || !enter(name)) it.disable_recursion_pending();
            continue;
        }
        if (entry.is_regular_file(ec) && wanted(name)) out.push_back(entry.path());
    }
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The folders of the local modules a configuration file calls.
std::vector<fs::path> called_module_folders(const fs::path& file) {
    std::vector<fs::path> folders;
    for (const std::string& source : local_module_sources(read_all(file))) {
        fs::path target = (file.parent_path() / fs::path(source)).lexically_normal();
        if (target.filename().empty()) target = target.parent_path();
        folders.push_back(std::move(target));
    }
    return folders;
}

void add_module_folder(const fs::path& dir, std::vector<fs::path>& out) {
    for (const fs::path& path : files_in(dir)) {
        const std::string name = path.filename().string();
        if (is_configuration(name) || is_automatic_tfvars(name)) out.push_back(path);
    }
}

void terraform_context(const fs::path& file, const fs::path& root, std::vector<fs::path>& out) {
    fs::path module = file.parent_path();
    add_module_folder(module, out);
    // Callers above the module, each evaluated with its own callers in turn.
    for (fs::path dir = module; dir != root && dir.has_parent_path() && dir != dir.parent_path();) {
        dir = dir.parent_path();
        if (!is_within(dir, root)) break;
        bool calls = false;
        for (const fs::path& path : files_in(dir)) {
            if (!is_configuration(path.filename().string())) continue;
            for (const fs::path& source : called_module_folders(path))
                calls = calls || source == module;
        }
        if (calls) {
            add_module_folder(dir, out);
            module = dir;
        }
    }
}

// The outermost folder holding a manifest.json at or above `file` (a cloud assembly; stage
// assemblies nest inside their parent's), or empty.
fs::path assembly_of(const fs::path& file, const fs::path& root) {
    fs::path assembly;
    std::error_code ec;
    for (fs::path dir = file.parent_path(); is_within(dir, root); dir = dir.parent_path()) {
        if (!fs::is_regular_file(dir / "manifest.json", ec)) break;
        assembly = dir;
        if (dir == root || dir == dir.parent_path()) break;
    }
    return assembly;
}

// The folder of the nearest cdk.json at or above `file`, up to `root`, or empty.
fs::path cdk_app_of(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    for (fs::path dir = file.parent_path(); is_within(dir, root); dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "cdk.json", ec)) return dir;
        if (dir == root || dir == dir.parent_path()) break;
    }
    return {};
}

}  // namespace

std::vector<fs::path> context_files(const fs::path& file, const fs::path& root) {
    std::vector<fs::path> out;
    const std::string name = file.filename().string();
    if (!is_within(file, root)) return out;
    if (is_terraform(name)) {
        terraform_context(file, root, out);
    } else if (name.ends_with(".json") && !assembly_of(file, root).empty()) {
        walk(
            assembly_of(file, root), [](std::string_view n) { return n.ends_with(".json"); },
            [](std::string_view dir) { return !dir.starts_with("asset."); }, out);
    } else if (is_cdk_source(name)) {
        if (const fs::path app = cdk_app_of(file, root); !app.empty()) {
            walk(
                app, [](std::string_view n) { return is_cdk_source(n); },
                [](std::string_view dir) { return dir != "cdk.out"; }, out);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), file), out.end());
    return out;
}

}  // namespace bulwark
