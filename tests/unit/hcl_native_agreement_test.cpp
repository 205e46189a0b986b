// The native HCL parser against the tree-sitter one on every .tf and .tfvars under fixtures/
// (and, with BULWARK_HCL_AGREE_DIR=DIR, on a real-world directory too): wherever the native
// parser accepts a file, the two trees are the same field by field, ranges included.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/terraform/hcl/native_parser.h"
#include "parsers/terraform/hcl/syntax_diff.h"

using namespace bulwark;
namespace fs = std::filesystem;

namespace {

struct Agreement {
    std::size_t files = 0;
    std::size_t clean = 0;     // without tree-sitter syntax errors
    std::size_t accepted = 0;  // read by the native parser
};

Agreement compare_tree(const fs::path& root) {
    Agreement result;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file() || !(name.ends_with(".tf") || name.ends_with(".tfvars")))
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        ++result.files;
        const hcl::File reference = hcl::parse_with_tree_sitter(text, 1);
        if (reference.diagnostics.empty()) ++result.clean;
        const std::optional<hcl::File> native = hcl::parse_native(text, 1);
        if (!native) continue;
        ++result.accepted;
        const std::optional<std::string> difference = hcl::first_difference(reference, *native);
        INFO(entry.path().string());
        CHECK_MESSAGE(!difference, difference.value_or(""));
    }
    return result;
}

}  // namespace

TEST_CASE("native HCL parser agrees with tree-sitter on every fixture") {
    const Agreement result = compare_tree(fs::path(BULWARK_SOURCE_DIR) / "fixtures");
    MESSAGE(result.files << " files, " << result.accepted << " read by the native parser");
    CHECK(result.files > 300);
    // A fixture the native parser leaves to tree-sitter is one with an unusual construct; the
    // fast path must still cover nearly all of them.
    CHECK(result.accepted * 100 >= result.clean * 98);
}

TEST_CASE("native HCL parser agrees with tree-sitter on BULWARK_HCL_AGREE_DIR") {
    const char* dir = std::getenv("BULWARK_HCL_AGREE_DIR");
    if (dir == nullptr) return;
    const Agreement result = compare_tree(dir);
    MESSAGE(result.files << " files, " << result.clean << " without syntax errors, "
                         << result.accepted << " read by the native parser");
}
