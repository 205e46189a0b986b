// Filesystem functions: file, filebase64, fileexists (and the reader behind the file* hash
// functions), basename, dirname, abspath, pathexpand.
//
// Files are read only inside the scan root: a relative path starts at the module directory,
// `..` is resolved, and a path that ends up outside the root, directly or through a symlink,
// is refused with a diagnostic (the result is Unknown). So is a file above 16 MiB. Refusals
// are UnreadableFile diagnostics (like a missing file): part of the configuration was not read.

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"
#include "parsers/terraform/functions/glob_match.h"

namespace bulwark::terraform::builtin {

namespace fs = std::filesystem;
using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

// Directory entries fileset() may look at before giving up.
constexpr std::size_t kMaxWalkEntries = 100'000;

// Go's path.Clean (lexical: ".", "..", repeated and trailing slashes).
std::string clean(std::string_view path) {
    if (path.empty()) return ".";
    const bool rooted = path.front() == '/';
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/')
            ++i;
        std::size_t j = i;
        while (j < path.size() && path[j] != '/')
            ++j;
        const std::string_view part = path.substr(i, j - i);
        i = j;
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (!parts.empty() && parts.back() != "..") {
                parts.pop_back();
            } else if (!rooted) {
                parts.push_back(part);
            }
            continue;
        }
        parts.push_back(part);
    }
    std::string out = rooted ? "/" : "";
    for (std::size_t k = 0; k < parts.size(); ++k) {
        if (k > 0) out += '/';
        out += parts[k];
    }
    if (out.empty()) return ".";
    return out;
}

bool inside(const fs::path& path, const fs::path& root) {
    const fs::path relative = path.lexically_relative(root);
    if (relative.empty() || relative.is_absolute()) return false;
    const auto first = relative.begin();
    return first == relative.end() || *first != "..";
}

enum class Resolution : std::uint8_t { Found, Missing, Refused };

struct Resolved {
    Resolution resolution = Resolution::Refused;
    fs::path path;  // the real path (symlinks resolved) when Found
    fs::path root;  // the real scan root
};

// Resolves argument 0 of `call` to a real path inside the scan root. Refusals are recorded
// on the call; a path that does not exist is Missing (no diagnostic yet).
Resolved resolve(Call& call) {
    auto text = call.string(0);
    if (!text) return {};
    const FunctionContext& context = call.context();
    if (text->find('\0') != std::string::npos) {
        call.fail("a path with a NUL character is not read", DiagnosticCode::UnreadableFile);
        return {};
    }
    if (text->starts_with('~')) {
        call.fail("\"" + *text + "\" is in a home directory, outside the scan root; not read",
                  DiagnosticCode::UnreadableFile);
        return {};
    }
    if (context.scan_root.empty()) {
        call.fail("no scan root is set; \"" + *text + "\" is not read",
                  DiagnosticCode::UnreadableFile);
        return {};
    }
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(fs::absolute(context.scan_root, ec), ec);
    if (ec) {
        call.fail("the scan root cannot be resolved; \"" + *text + "\" is not read",
                  DiagnosticCode::UnreadableFile);
        return {};
    }
    fs::path path(*text);
    if (path.is_relative()) path = context.module_dir / path;
    path = fs::absolute(path, ec).lexically_normal();
    if (ec || !inside(path, root)) {
        // The lexical path may still be inside through a symlinked root: compare real paths.
        const fs::path real = fs::weakly_canonical(path, ec);
        if (ec || !inside(real, root)) {
            call.fail("\"" + *text + "\" is outside the scan root; not read",
                      DiagnosticCode::UnreadableFile);
            return {};
        }
    }
    if (!fs::exists(fs::symlink_status(path, ec)) || !fs::exists(path, ec)) {
        return {Resolution::Missing, path, root};
    }
    const fs::path real = fs::canonical(path, ec);
    if (ec) return {Resolution::Missing, path, root};
    if (!inside(real, root)) {
        call.fail("\"" + *text + "\" leads outside the scan root through a symbolic link; not read",
                  DiagnosticCode::UnreadableFile);
        return {};
    }
    return {Resolution::Found, real, root};
}

}  // namespace

std::optional<std::string> read_contained_file(Call& call) {
    const Resolved resolved = resolve(call);
    if (resolved.resolution == Resolution::Refused) return std::nullopt;
    const std::string shown = detail::to_text(call.arg(0)).value_or("");
    if (resolved.resolution == Resolution::Missing) {
        call.fail("no file exists at \"" + shown +
                      "\"; this function works only with files that are part of the "
                      "configuration, not ones created by a resource",
                  DiagnosticCode::UnreadableFile);
        return std::nullopt;
    }
    std::error_code ec;
    if (!fs::is_regular_file(resolved.path, ec)) {
        call.fail("\"" + shown + "\" is not a regular file", DiagnosticCode::UnreadableFile);
        return std::nullopt;
    }
    const std::uintmax_t size = fs::file_size(resolved.path, ec);
    if (ec) {
        call.fail("cannot read \"" + shown + "\"", DiagnosticCode::UnreadableFile);
        return std::nullopt;
    }
    if (size > detail::kMaxFileBytes) {
        call.fail("\"" + shown + "\" is larger than 16 MiB; not read",
                  DiagnosticCode::FileTooLarge);
        return std::nullopt;
    }
    std::ifstream in(resolved.path, std::ios::binary);
    std::string contents(static_cast<std::size_t>(size), '\0');
    in.read(contents.data(), static_cast<std::streamsize>(size));
    if (!in || in.gcount() != static_cast<std::streamsize>(size)) {
        call.fail("cannot read \"" + shown + "\"", DiagnosticCode::UnreadableFile);
        return std::nullopt;
    }
    return contents;
}

Value fn_file(std::vector<Value>& args, FunctionContext& context) {
    Call call("file", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto contents = read_contained_file(call);
    if (!contents) return call.failure();
    if (!detail::valid_utf8(*contents)) {
        return call.fail("contents of \"" + detail::to_text(call.arg(0)).value_or("") +
                             "\" are not valid UTF-8; use the filebase64 function to obtain the "
                             "Base64 encoded contents",
                         DiagnosticCode::BinaryFile);
    }
    return call.string_result(std::move(*contents));
}

Value fn_filebase64(std::vector<Value>& args, FunctionContext& context) {
    Call call("filebase64", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto contents = read_contained_file(call);
    if (!contents) return call.failure();
    return call.string_result(base64_encode(*contents));
}

Value fn_fileexists(std::vector<Value>& args, FunctionContext& context) {
    Call call("fileexists", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    const Resolved resolved = resolve(call);
    if (resolved.resolution == Resolution::Refused) return call.failure();
    if (resolved.resolution == Resolution::Missing) return call.bool_result(false);
    std::error_code ec;
    if (!fs::is_regular_file(resolved.path, ec)) {
        return call.fail(
            "\"" + detail::to_text(call.arg(0)).value_or("") + "\" is not a regular file",
            DiagnosticCode::UnreadableFile);
    }
    return call.bool_result(true);
}

// fileset(path, pattern): the regular files under `path` whose relative name matches the
// pattern, sorted. Directory symlinks are not followed; a file symlink counts only when it
// stays inside the scan root.
Value fn_fileset(std::vector<Value>& args, FunctionContext& context) {
    Call call("fileset", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto raw_pattern = call.string(1);
    if (!raw_pattern) return call.failure();
    const Resolved resolved = resolve(call);
    if (resolved.resolution == Resolution::Refused) return call.failure();
    std::error_code ec;
    if (resolved.resolution == Resolution::Missing || !fs::is_directory(resolved.path, ec)) {
        return call.list_result({});
    }
    const std::string pattern = clean(*raw_pattern);
    if (pattern == ".." || pattern.starts_with("../") || pattern.starts_with('/')) {
        return call.fail(
            "a pattern that leaves the directory (\"" + *raw_pattern + "\") is not evaluated",
            DiagnosticCode::Unsupported);
    }
    // Without "**" (or a brace that may hide a '/'), nothing deeper than the pattern can match.
    const bool deep =
        pattern.find("**") != std::string::npos || pattern.find('{') != std::string::npos;
    const auto segments =
        static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '/')) + 1;
    std::vector<std::string> names;
    std::size_t visited = 0;
    fs::recursive_directory_iterator it(resolved.path,
                                        fs::directory_options::skip_permission_denied, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
        if (++visited > kMaxWalkEntries) {
            return call.fail("more than " + std::to_string(kMaxWalkEntries) +
                                 " directory entries under \"" + call.arg(0).as_string() + "\"",
                             DiagnosticCode::ExpansionLimit);
        }
        const fs::directory_entry& entry = *it;
        if (!deep && entry.is_directory(ec) &&
            static_cast<std::size_t>(it.depth()) + 1 >= segments) {
            it.disable_recursion_pending();
        }
        if (!entry.is_regular_file(ec)) continue;  // follows a file symlink
        const std::string relative =
            entry.path().lexically_relative(resolved.path).generic_string();
        if (!detail::doublestar_match(pattern, relative)) continue;
        if (entry.is_symlink(ec)) {
            const fs::path real = fs::canonical(entry.path(), ec);
            if (ec || !inside(real, resolved.root)) {
                ec.clear();
                continue;
            }
        }
        names.push_back(relative);
    }
    std::sort(names.begin(), names.end());
    Value::List out;
    for (std::string& name : names)
        out.push_back(call.string_result(std::move(name)));
    return call.list_result(std::move(out));
}

Value fn_basename(std::vector<Value>& args, FunctionContext& context) {
    Call call("basename", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto path = call.string(0);
    if (!path) return call.failure();
    // Go's filepath.Base.
    std::string_view rest = *path;
    if (rest.empty()) return call.string_result(".");
    while (rest.size() > 0 && rest.back() == '/')
        rest.remove_suffix(1);
    if (rest.empty()) return call.string_result("/");
    const std::size_t slash = rest.rfind('/');
    if (slash != std::string_view::npos) rest.remove_prefix(slash + 1);
    return call.string_result(std::string(rest));
}

Value fn_dirname(std::vector<Value>& args, FunctionContext& context) {
    Call call("dirname", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto path = call.string(0);
    if (!path) return call.failure();
    // Go's filepath.Dir: everything up to the last separator, cleaned.
    const std::size_t slash = path->rfind('/');
    const std::string_view head = slash == std::string::npos
                                      ? std::string_view()
                                      : std::string_view(*path).substr(0, slash + 1);
    return call.string_result(clean(head));
}

Value fn_abspath(std::vector<Value>& args, FunctionContext& context) {
    Call call("abspath", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto path = call.string(0);
    if (!path) return call.failure();
    if (path->starts_with('/')) return call.string_result(clean(*path));
    return detail::not_reproducible(
        "abspath", "a relative path's absolute form depends on where Terraform runs", context);
}

Value fn_pathexpand(std::vector<Value>& args, FunctionContext& context) {
    Call call("pathexpand", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto path = call.string(0);
    if (!path) return call.failure();
    if (!path->starts_with('~')) return call.string_result(std::move(*path));
    return detail::not_reproducible(
        "pathexpand", "the home directory depends on the machine running Terraform", context);
}

}  // namespace bulwark::terraform::builtin
