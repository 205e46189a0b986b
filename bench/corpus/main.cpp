// bulwark_corpus: writes a deterministic, realistic infrastructure repository of a given size, for
// benchmarks. The same options give the same bytes on every machine.
//   bulwark_corpus --out DIR --files N [--seed S]
//                  [--formats terraform,cloudformation-yaml,cloudformation-json]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "generators.h"

namespace {

struct Format {
    const char* name;
    std::size_t weight;  // share of the files when several formats are asked for
};
constexpr Format kFormats[] = {
    {"terraform", 3}, {"cloudformation-yaml", 1}, {"cloudformation-json", 1}};

[[noreturn]] void usage(const char* problem) {  // problem: nullptr for --help
    if (problem) std::fprintf(stderr, "bulwark_corpus: %s\n", problem);
    std::fprintf(problem ? stderr : stdout,
                 "usage: bulwark_corpus --out DIR --files N [--seed S] [--formats LIST]\n"
                 "  --out DIR      directory to write; must not exist or be empty\n"
                 "  --files N      number of files to write, 1 to 1000000\n"
                 "  --seed S       seed of the generator (default 1); same seed, same bytes\n"
                 "  --formats LIST comma-separated: terraform, cloudformation-yaml, "
                 "cloudformation-json\n"
                 "                 (default: all three, files split 3:1:1)\n");
    std::exit(problem ? 2 : 0);
}

bool parse_number(const char* text, unsigned long long& out) {
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return *text != '\0' && *text != '-' && end && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
    std::string out;
    unsigned long long files = 0, seed = 1;
    std::vector<bool> wanted(std::size(kFormats), false);
    bool any_format = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") usage(nullptr);
        if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
        const char* value = argv[++i];
        if (arg == "--out") {
            out = value;
        } else if (arg == "--files") {
            if (!parse_number(value, files) || files < 1 || files > 1'000'000)
                usage("--files must be 1 to 1000000");
        } else if (arg == "--seed") {
            if (!parse_number(value, seed)) usage("--seed must be a non-negative integer");
        } else if (arg == "--formats") {
            std::string list = value;
            std::size_t start = 0;
            while (start <= list.size()) {
                std::size_t end = list.find(',', start);
                if (end == std::string::npos) end = list.size();
                const std::string name = list.substr(start, end - start);
                bool known = false;
                for (std::size_t f = 0; f < std::size(kFormats); ++f) {
                    if (name == kFormats[f].name) wanted[f] = known = any_format = true;
                }
                if (!known) usage(("unknown format '" + name + "'").c_str());
                start = end + 1;
            }
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (out.empty() || files == 0) usage("--out and --files are required");
    if (!any_format) wanted.assign(wanted.size(), true);

    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !std::filesystem::is_empty(out, ec)) {
        std::fprintf(stderr, "bulwark_corpus: %s is not empty; remove it first\n", out.c_str());
        return 1;
    }

    // Split the files by weight; the remainder goes to the first formats.
    std::size_t total_weight = 0;
    for (std::size_t f = 0; f < wanted.size(); ++f)
        total_weight += wanted[f] ? kFormats[f].weight : 0;
    std::vector<std::size_t> share(wanted.size(), 0);
    std::size_t assigned = 0;
    for (std::size_t f = 0; f < wanted.size(); ++f) {
        if (!wanted[f]) continue;
        share[f] = static_cast<std::size_t>(files) * kFormats[f].weight / total_weight;
        assigned += share[f];
    }
    for (std::size_t f = 0; assigned < files; f = (f + 1) % wanted.size()) {
        if (wanted[f]) ++share[f], ++assigned;
    }

    corpus::Writer writer(out);
    std::printf("%-20s %8s %10s %10s\n", "format", "files", "MB", "resources");
    for (std::size_t f = 0; f < wanted.size(); ++f) {
        if (share[f] == 0) continue;
        // Each format draws from its own stream, so asking for fewer formats leaves the others
        // alone.
        const corpus::Rng rng = corpus::Rng(seed).fork(f + 1);
        const corpus::FormatStats stats =
            f == 0 ? corpus::generate_terraform(writer, rng, share[f])
                   : corpus::generate_cloudformation(writer, rng, share[f], f == 2);
        std::printf("%-20s %8zu %10.1f %10zu\n", kFormats[f].name, stats.files,
                    static_cast<double>(stats.bytes) / 1e6, stats.resources);
    }
    std::printf("%-20s %8zu %10.1f\n", "total", writer.files(),
                static_cast<double>(writer.bytes()) / 1e6);
    return 0;
}
