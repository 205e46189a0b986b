// Runs a fuzz target over files instead of under libFuzzer: every file named, and every file under
// a folder named, is one input. Built with the normal compiler when BULWARK_FUZZ is off, so that
// the test suite (and the sanitizer build) replays the seed inputs and every crash ever found
// (fuzz/regressions/<target>/) on every run.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

void replay(const fs::path& path, std::size_t& count) {
    std::ifstream in(path, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(content.data()), content.size());
    ++count;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path given(argv[i]);
        std::error_code ec;
        if (fs::is_regular_file(given, ec)) {
            replay(given, count);
            continue;
        }
        if (!fs::is_directory(given, ec)) {
            std::cerr << argv[0] << ": " << given.string() << ": no such file or folder\n";
            return 2;
        }
        std::vector<fs::path> files;
        for (const auto& entry : fs::recursive_directory_iterator(given, ec)) {
            if (entry.is_regular_file() && !entry.is_symlink()) files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files)
            replay(file, count);
    }
    std::cout << argv[0] << ": " << count << " inputs replayed\n";
    return 0;
}
