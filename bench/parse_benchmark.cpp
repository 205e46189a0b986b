// Parse-only throughput of the Terraform HCL files under PATH...: the time to read them, to
// parse them with tree-sitter (and convert to Bulwark's tree), with the native parser, and with
// hcl::parse (native first, tree-sitter for what it rejects), medians of N runs, in MB/s of
// source on one core. With --only MODE it runs just one of read|tree-sitter|native|parse once,
// for instruction counts under valgrind --tool=callgrind.
//   bulwark_parse_bench [--iterations N] [--only MODE] PATH...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/terraform/hcl/native_parser.h"

namespace fs = std::filesystem;
using namespace bulwark;

namespace {

std::vector<fs::path> hcl_files(const std::vector<fs::path>& roots) {
    std::vector<fs::path> files;
    for (const fs::path& root : roots) {
        if (fs::is_regular_file(root)) {
            files.push_back(root);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && (name.ends_with(".tf") || name.ends_with(".tfvars"))) {
                files.push_back(entry.path());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> read_all(const std::vector<fs::path>& files) {
    std::vector<std::string> texts;
    texts.reserve(files.size());
    for (const fs::path& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        texts.push_back(buffer.str());
    }
    return texts;
}

// Median wall time of `iterations` runs of `work`, in seconds.
double median_seconds(int iterations, const std::function<void()>& work) {
    std::vector<double> times;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int iterations = 5;
    std::string only;
    std::vector<fs::path> roots;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--iterations" && i + 1 < argc) {
            iterations = std::atoi(argv[++i]);
        } else if (arg == "--only" && i + 1 < argc) {
            only = argv[++i];
        } else {
            roots.emplace_back(arg);
        }
    }
    if (roots.empty() || iterations < 1) {
        std::fprintf(stderr,
                     "usage: bulwark_parse_bench [--iterations N] [--only "
                     "read|tree-sitter|native|parse] PATH...\n");
        return 2;
    }
    const std::vector<fs::path> files = hcl_files(roots);
    std::vector<std::string> texts = read_all(files);
    std::size_t bytes = 0;
    for (const std::string& text : texts)
        bytes += text.size();

    std::size_t sink = 0;  // keeps the parses from being optimised away
    const std::function<void()> read = [&] { texts = read_all(files); };
    const std::function<void()> tree_sitter = [&] {
        for (const std::string& text : texts)
            sink += hcl::parse_with_tree_sitter(text, 0).body.blocks.size();
    };
    std::size_t rejected = 0;
    const std::function<void()> native = [&] {
        rejected = 0;
        for (const std::string& text : texts) {
            if (auto file = hcl::parse_native(text, 0)) {
                sink += file->body.blocks.size();
            } else {
                ++rejected;
            }
        }
    };
    const std::function<void()> parse = [&] {
        for (const std::string& text : texts)
            sink += hcl::parse(text, 0).body.blocks.size();
    };
    if (!only.empty()) {
        const std::function<void()>* work = only == "read"          ? &read
                                            : only == "tree-sitter" ? &tree_sitter
                                            : only == "native"      ? &native
                                            : only == "parse"       ? &parse
                                                                    : nullptr;
        if (work == nullptr) return 2;
        (*work)();
        std::printf("%zu files, %zu bytes (%zu)\n", files.size(), bytes, sink % 2);
        return 0;
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("%zu HCL files, %.2f MB; one thread, median of %d\n", files.size(), mb, iterations);
    auto report = [&](const char* name, double seconds) {
        std::printf("%-26s %8.3f s %9.1f MB/s\n", name, seconds, mb / seconds);
        return seconds;
    };
    report("read", median_seconds(iterations, read));
    const double ts = report("parse-only (tree-sitter)", median_seconds(iterations, tree_sitter));
    const double nat = report("parse-only (native)", median_seconds(iterations, native));
    report("parse-only (hcl::parse)", median_seconds(iterations, parse));
    std::printf("native parser: %.1fx tree-sitter; %zu of %zu files left to tree-sitter (%zu)\n",
                ts / nat, rejected, files.size(), sink % 2);
    return 0;
}
