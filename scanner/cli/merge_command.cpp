#include "cli/merge_command.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iterator>

#include "cli/report_merge.h"

namespace bulwark {
namespace {

struct MergeArgs {
    std::vector<std::string> files;
    std::string format;  // json or sarif; empty: from the first file
    std::string output;  // empty or "-": standard output
};

// Bulwark's SARIF starts with its "$schema"; its JSON report with "tool".
std::string format_of(const std::string& text) {
    const std::string_view head = std::string_view(text).substr(0, 64);
    return head.find("\"$schema\"") != std::string_view::npos ? "sarif" : "json";
}

int run_merge(const MergeArgs& args, const CommandIo& io) {
    std::vector<std::string> texts;
    for (const std::string& path : args.files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            io.err << "bulwark: merge: cannot read " << path << "\n";
            return kExitUsage;
        }
        texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const std::string format = args.format.empty() ? format_of(texts.front()) : args.format;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (format_of(texts[i]) != format) {
            io.err << "bulwark: merge: " << args.files[i] << " is not a " << format
                   << " report; merge reports of one format\n";
            return kExitUsage;
        }
    }
    const MergedReport merged =
        format == "sarif" ? merge_sarif_reports(texts) : merge_json_reports(texts);
    if (!merged.problem.empty()) {
        io.err << "bulwark: merge: " << merged.problem << "\n";
        return kExitUsage;
    }
    if (args.output.empty() || args.output == "-") {
        io.out << merged.text;
        return kExitClean;
    }
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    if (!file ||
        !file.write(merged.text.data(), static_cast<std::streamsize>(merged.text.size()))) {
        io.err << "bulwark: cannot write " << args.output << "\n";
        return kExitUsage;
    }
    return kExitClean;
}

}  // namespace

void register_merge_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<MergeArgs>();
    CLI::App* merge = app.add_subcommand(
        "merge", "Combine the JSON or SARIF reports of the parts of a sharded scan (--shard I/N)");
    merge->add_option("files", args->files, "The reports of every part")->required();
    merge->add_option("-f,--format", args->format, "json or sarif (default: from the first file)")
        ->check(CLI::IsMember({"json", "sarif"}));
    merge->add_option("-o,--output", args->output, "Where to write (default: standard output)");
    commands.push_back({merge, [args](const CommandIo& io) { return run_merge(*args, io); }});
}

}  // namespace bulwark
