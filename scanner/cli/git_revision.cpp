#include "cli/git_revision.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <vector>

#include "cli/subprocess.h"
#include "discovery/discover.h"
#include "util/text.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

// A relative path from git that stays inside the target folder.
bool safe_relative(std::string_view path) {
    if (path.empty() || path.front() == '/') return false;
    for (const fs::path& part : fs::path(path)) {
        if (part == "..") return false;
    }
    return true;
}

std::string git_problem(const ProcessResult& run, const std::string& what) {
    if (!run.started) return "cannot run git (is it installed and on PATH?)";
    std::string message = std::string(trim(run.err));
    if (const std::size_t newline = message.find('\n'); newline != std::string::npos)
        message = message.substr(0, newline);
    return what + (message.empty() ? std::string() : ": " + message);
}

struct TreeEntry {
    std::string object;
    std::string path;
};

}  // namespace

std::variant<ExportedRevision, std::string> export_revision(const fs::path& inside,
                                                            const std::string& revision,
                                                            const fs::path& target,
                                                            std::size_t max_file_size) {
    if (revision.empty() || revision.front() == '-')
        return "'" + revision + "' is not a revision";  // never let it read as an option
    const std::string dir = inside.string();
    ExportedRevision exported_revision;

    ProcessResult top = run_process({"git", "-C", dir, "rev-parse", "--show-toplevel"});
    if (top.exit_code != 0) return git_problem(top, "not inside a git repository");
    exported_revision.toplevel = std::string(trim(top.out));

    ProcessResult commit = run_process({"git", "-C", dir, "rev-parse", "--verify", "--quiet",
                                        "--end-of-options", revision + "^{commit}"});
    if (commit.exit_code != 0 || trim(commit.out).empty())
        return git_problem(commit, "unknown revision '" + revision + "'");
    exported_revision.commit = std::string(trim(commit.out));

    // Every blob of the commit's tree, with its size: "<mode> blob <object> <size>\t<path>\0".
    ProcessResult tree = run_process({"git", "-C", exported_revision.toplevel.string(), "ls-tree",
                                      "-r", "-l", "-z", "--full-tree", exported_revision.commit});
    if (tree.exit_code != 0) return git_problem(tree, "cannot list the tree of " + revision);
    std::vector<TreeEntry> entries;
    std::size_t start = 0;
    while (start < tree.out.size()) {
        std::size_t end = tree.out.find('\0', start);
        if (end == std::string::npos) end = tree.out.size();
        const std::string_view line(tree.out.data() + start, end - start);
        start = end + 1;
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        const std::string_view path = line.substr(tab + 1);
        std::vector<std::string_view> fields;
        for (std::size_t at = 0; at < tab;) {
            const std::size_t space = line.find_first_not_of(' ', at);
            if (space >= tab) break;
            std::size_t stop = line.find(' ', space);
            if (stop == std::string_view::npos || stop > tab) stop = tab;
            fields.push_back(line.substr(space, stop - space));
            at = stop;
        }
        // Regular files only (100644, 100755): no symbolic links, no submodules.
        if (fields.size() != 4 || fields[1] != "blob" || !fields[0].starts_with("100")) continue;
        std::size_t size = 0;
        std::from_chars(fields[3].data(), fields[3].data() + fields[3].size(), size);
        if (size > max_file_size || !has_infrastructure_extension(path) || !safe_relative(path))
            continue;
        entries.push_back({std::string(fields[2]), std::string(path)});
    }

    // All contents in one process: "<object> blob <size>\n<content>\n" for each requested object.
    std::string request;
    for (const TreeEntry& entry : entries)
        request += entry.object + "\n";
    ProcessResult blobs = run_process(
        {"git", "-C", exported_revision.toplevel.string(), "cat-file", "--batch"}, request);
    if (blobs.exit_code != 0) return git_problem(blobs, "cannot read the files of " + revision);
    std::size_t at = 0;
    for (const TreeEntry& entry : entries) {
        const std::size_t header_end = blobs.out.find('\n', at);
        if (header_end == std::string::npos) return "git cat-file ended early";
        const std::string_view header(blobs.out.data() + at, header_end - at);
        const std::size_t last_space = header.rfind(' ');
        std::size_t size = 0;
        if (!header.starts_with(entry.object) || last_space == std::string_view::npos ||
            std::from_chars(header.data() + last_space + 1, header.data() + header.size(), size)
                    .ec != std::errc()) {
            return "unexpected git cat-file output for " + entry.path;
        }
        const std::size_t content = header_end + 1;
        if (content + size > blobs.out.size()) return "git cat-file ended early";
        const fs::path file = target / fs::path(entry.path);
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        std::ofstream stream(file, std::ios::binary | std::ios::trunc);
        if (!stream.write(blobs.out.data() + content, static_cast<std::streamsize>(size)))
            return "cannot write " + file.string();
        ++exported_revision.files;
        at = content + size + 1;  // the content is followed by a newline
    }
    return exported_revision;
}

}  // namespace bulwark
