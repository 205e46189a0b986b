// Holds the native HCL parser to the tree-sitter one on real files: parses every .tf and
// .tfvars under the given paths with both and compares the trees field by field.
//   bulwark_hcl_agree [--require-all] PATH...
// Prints each disagreement (file and the first differing node) and a summary; exits 1 if any, or
// with --require-all if the native parser left a file without syntax errors to tree-sitter.
// BULWARK_AGREE_VERBOSE=1 lists those files.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/terraform/hcl/native_parser.h"
#include "parsers/terraform/hcl/syntax_diff.h"

namespace fs = std::filesystem;
using namespace bulwark;

namespace {

bool is_hcl(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.ends_with(".tf") || name.ends_with(".tfvars");
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    bool require_all = false;
    std::vector<fs::path> roots;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--require-all") {
            require_all = true;
        } else {
            roots.emplace_back(argv[i]);
        }
    }
    if (roots.empty()) {
        std::fprintf(stderr, "usage: bulwark_hcl_agree [--require-all] PATH...\n");
        return 2;
    }
    std::vector<fs::path> files;
    for (const fs::path& root : roots) {
        if (fs::is_regular_file(root)) {
            files.push_back(root);
            continue;
        }
        std::error_code error;
        for (auto it = fs::recursive_directory_iterator(
                 root, fs::directory_options::skip_permission_denied, error);
             it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (error) break;
            if (it->is_regular_file() && is_hcl(it->path())) files.push_back(it->path());
        }
    }
    std::size_t accepted = 0;
    std::size_t disagreements = 0;
    std::size_t with_errors = 0;
    std::size_t clean_rejected = 0;
    for (const fs::path& path : files) {
        const std::string text = read(path);
        const hcl::File reference = hcl::parse_with_tree_sitter(text, 0);
        if (!reference.diagnostics.empty()) ++with_errors;
        std::optional<hcl::File> native = hcl::parse_native(text, 0);
        if (!native) {
            if (reference.diagnostics.empty()) {
                ++clean_rejected;
                if (std::getenv("BULWARK_AGREE_VERBOSE"))
                    std::printf("rejected: %s\n", path.c_str());
            }
            continue;
        }
        ++accepted;
        if (std::optional<std::string> difference = hcl::first_difference(reference, *native)) {
            ++disagreements;
            std::printf("DISAGREE %s: %s\n", path.c_str(), difference->c_str());
        }
    }
    std::printf(
        "%zu files, %zu with tree-sitter syntax errors, %zu accepted by the native parser, %zu "
        "disagreements\n",
        files.size(), with_errors, accepted, disagreements);
    if (require_all && clean_rejected > 0) {
        std::printf("%zu files without syntax errors were left to tree-sitter\n", clean_rejected);
        return 1;
    }
    return disagreements == 0 ? 0 : 1;
}
