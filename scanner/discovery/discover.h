#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace bulwark {

struct DiscoveryOptions {
    std::vector<std::filesystem::path> paths;  // files or directories; default "."
    std::filesystem::path root;                // scan root: displayed paths are relative to it
    std::vector<std::string> include;          // globs; when given, only matching files
    std::vector<std::string> exclude;          // globs
    // Files named explicitly are reported with their context (their Terraform module, CDK app;
    // see context_files): the context is read, but nothing in it is reported.
    bool named_file_context = true;
    bool ignore_missing = false;  // a path that does not exist is skipped, not an error
};

struct DiscoveredFile {
    std::filesystem::path absolute;
    std::string relative;  // to the root, '/'-separated; the file's name in every output
    bool context = false;  // read only as context of a named file: nothing in it is reported
};

struct DiscoveryResult {
    std::vector<DiscoveredFile> files;  // sorted by relative path, each once
    std::vector<std::string> errors;    // paths that do not exist or cannot be walked
    // Files were named (changed-files mode): the scan covers part of a repository, so questions
    // about the whole of it (is there a trail anywhere?) cannot be answered "no".
    bool partial = false;
    // File links met in a folder walk that lead outside the scan root: never read, but reported.
    std::vector<DiscoveredFile> refused_links;
};

// Directories Bulwark never descends into: version control, tool caches, dependencies.
bool is_skipped_directory(std::string_view name);

// Whether a file name has an extension some front-end reads (templates, Terraform files and
// variables, CDK sources, cloud-assembly JSON): what is worth reporting as left out, or copying
// from another revision.
bool has_infrastructure_extension(std::string_view path);

// Walks the paths: files named explicitly are always taken (unless excluded), then their
// context; in directories, regular files are taken, skipped directories are not entered, links
// to folders are not followed (loops), links to files are taken when they stay inside the root
// (a shared providers.tf linked into every environment) and refused otherwise.
DiscoveryResult discover(const DiscoveryOptions& options);

// The scan root for `paths`: the current directory when every path lies inside it, else their
// deepest common directory.
std::filesystem::path default_root(const std::vector<std::filesystem::path>& paths);

}  // namespace bulwark
