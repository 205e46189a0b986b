#include "cli/baseline_options.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

#include <stdlib.h>

#include "baseline/apply_baseline.h"
#include "cli/cli_support.h"
#include "cli/git_revision.h"
#include "discovery/discover.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

// A fresh private folder under the system's temporary folder, removed with the object.
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern = (fs::temp_directory_path() / "bulwark-diff-base-XXXXXX").string();
        if (::mkdtemp(pattern.data()) != nullptr) path_ = fs::canonical(pattern);
    }
    ~ScratchDir() {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const fs::path& path() const { return path_; }

  private:
    fs::path path_;
};

// `path` relative to `base` when inside it; nullopt when it lies outside.
std::optional<fs::path> inside(const fs::path& path, const fs::path& base) {
    std::error_code ec;
    const fs::path relative = fs::weakly_canonical(fs::absolute(path), ec).lexically_relative(base);
    if (ec || relative.empty()) return std::nullopt;
    if (relative.begin() != relative.end() && *relative.begin() == "..") return std::nullopt;
    return relative;
}

}  // namespace

void add_baseline_options(CLI::App& command, BaselineArgs& args) {
    command
        .add_option("--baseline", args.files,
                    "Accept the findings of this baseline file (`bulwark baseline create`): "
                    "they are reported only with --show-baselined and never fail the scan")
        ->allow_extra_args(false);
    command.add_option("--diff-base", args.diff_base,
                       "Report only findings that are new since this git revision (its tree is "
                       "read from git objects and scanned with the same options)");
    command.add_flag("--show-baselined", args.show,
                     "Also list the findings a baseline or --diff-base accepted, and stale "
                     "baseline entries");
}

std::optional<Baseline> read_baseline_file(const std::string& path, std::ostream& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "bulwark: --baseline " << path << ": cannot read the file\n";
        return std::nullopt;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = parse_baseline(text);
    if (auto* problem = std::get_if<std::string>(&parsed)) {
        err << "bulwark: --baseline " << path << ": " << *problem << "\n";
        return std::nullopt;
    }
    return std::get<Baseline>(std::move(parsed));
}

std::optional<std::vector<std::pair<std::string, Baseline>>> load_baselines(
    const BaselineArgs& args, std::ostream& err) {
    std::vector<std::pair<std::string, Baseline>> baselines;
    for (const std::string& path : args.files) {
        auto baseline = read_baseline_file(path, err);
        if (!baseline) return std::nullopt;
        baselines.emplace_back(path, std::move(*baseline));
    }
    return baselines;
}

bool apply_diff_base(const BaselineArgs& args, const ScanInputArgs& input, ScanResult& result,
                     const CommandIo& io) {
    if (args.diff_base.empty()) return true;
    ScratchDir scratch;
    if (scratch.path().empty()) {
        io.err << "bulwark: --diff-base: cannot create a temporary folder\n";
        return false;
    }
    std::vector<fs::path> paths = as_paths(input.paths);
    if (paths.empty()) paths.push_back(".");
    const fs::path root = input.root.empty() ? default_root(paths) : fs::path(input.root);
    auto exported = export_revision(root.empty() ? fs::path(".") : root, args.diff_base,
                                    scratch.path(), input.max_file_size);
    if (auto* problem = std::get_if<std::string>(&exported)) {
        io.err << "bulwark: --diff-base " << args.diff_base << ": " << *problem << "\n";
        return false;
    }
    const fs::path toplevel = fs::weakly_canonical(std::get<ExportedRevision>(exported).toplevel);

    // The same scan, moved into the exported tree: same paths and root relative to the repository,
    // so findings keep their file names and fingerprints.
    ScanInputArgs old_input = input;
    old_input.paths.clear();
    for (const fs::path& path : paths) {
        auto relative = inside(path, toplevel);
        if (!relative) {
            io.err << "bulwark: --diff-base: " << path.string() << " is outside the repository "
                   << toplevel.string() << "\n";
            return false;
        }
        old_input.paths.push_back((scratch.path() / *relative).lexically_normal().string());
    }
    auto relative_root = inside(root.empty() ? fs::path(".") : root, toplevel);
    if (!relative_root) {
        io.err << "bulwark: --diff-base: the scan root " << fs::absolute(root).string()
               << " is outside the repository " << toplevel.string()
               << "; scan from inside it or pass --root\n";
        return false;
    }
    old_input.root = (scratch.path() / *relative_root).lexically_normal().string();
    // A path the revision does not have yet scans as empty.
    for (const std::string& path : old_input.paths) {
        std::error_code ec;
        if (!fs::exists(path, ec)) fs::create_directories(path, ec);
    }
    std::error_code ec;
    fs::create_directories(old_input.root, ec);

    std::ostringstream quiet;
    std::optional<PreparedScan> prepared = prepare_scan(old_input, io.err);
    if (!prepared) return false;
    const CommandIo old_io{quiet, io.err, Terminal{false, false}};
    std::optional<ScanResult> old_result = run_prepared_scan(*prepared, old_io);
    if (!old_result) return false;
    // Every finding the revision had, whatever its status then: only new ones are reported.
    Baseline known;
    for (const Finding& finding : old_result->findings) {
        const Resource& resource = old_result->graph.resource(finding.resource);
        known.entries.push_back(BaselineEntry{finding.fingerprint, finding.rule_id,
                                              resource.address,
                                              old_result->path_of(resource.file)});
    }
    normalize(known);
    apply_baseline(result, known, "git:" + args.diff_base);
    return true;
}

}  // namespace bulwark
