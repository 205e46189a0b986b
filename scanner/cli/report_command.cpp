#include "cli/report_command.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <fstream>

#include "cli/cli_support.h"
#include "cli/git_state.h"
#include "cli/scan_inputs.h"
#include "reporters/compliance/compliance_report.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

struct ReportArgs {
    ScanInputArgs input;
    std::string framework;
    std::string format = "html";
    std::string output;
    bool timestamp = false;
};

std::string framework_names() {
    std::string names;
    for (std::string_view key : kFrameworkKeys)
        names += (names.empty() ? "" : ", ") + std::string(key);
    return names;
}

// A scanned path as the report names it: relative to the root when inside it, so the report does
// not depend on where the repository was checked out.
std::string display_path(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
    const fs::path base = fs::weakly_canonical(fs::absolute(root, ec), ec);
    const fs::path relative = absolute.lexically_relative(base);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    return path.generic_string();
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

int run_report(const ReportArgs& args, const CommandIo& io) {
    const auto format = compliance::parse_compliance_format(args.format);
    if (!format) {
        io.err << "bulwark: --format must be html, md, json or csv, not '" << args.format << "'\n";
        return kExitUsage;
    }
    std::optional<PreparedScan> prepared = prepare_scan(args.input, io.err, true);
    if (!prepared) return kExitUsage;
    const auto& frameworks = prepared->catalog->frameworks();
    const auto framework = frameworks.find(args.framework);
    if (framework == frameworks.end()) {
        io.err << "bulwark: unknown framework '" << args.framework
               << "' (known: " << framework_names() << ")\n";
        return kExitUsage;
    }
    const std::optional<ScanResult> result = run_prepared_scan(*prepared, io);
    if (!result) return kExitUsage;

    compliance::ReportMetadata metadata;
    metadata.tool_version = bulwark_version();
    metadata.rule_pack_hash = prepared->catalog->rule_pack_hash();
    const fs::path& root = prepared->options.discovery.root;
    for (const fs::path& path : prepared->options.discovery.paths)
        metadata.paths.push_back(display_path(path, root));
    metadata.git = git_state(root);
    for (const std::string& only : args.input.only)
        metadata.rule_options.push_back("--only " + only);
    for (const std::string& skip : args.input.skip)
        metadata.rule_options.push_back("--skip " + skip);
    for (const std::string& dir : args.input.rule_dirs)
        metadata.rule_options.push_back("--rules " + display_path(dir, root));
    for (const std::string& param : args.input.rule_params)
        metadata.rule_options.push_back("--rule-param " + param);
    if (args.timestamp) metadata.timestamp = utc_now();
    const compliance::FrameworkEvidence evidence =
        compliance::evaluate_framework(framework->second, *result);
    const std::string bytes = compliance::render_compliance(*format, {*result, evidence, metadata});
    if (args.output.empty() || args.output == "-") {
        io.out << bytes;
        return kExitClean;
    }
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        io.err << "bulwark: cannot write " << args.output << "\n";
        return kExitUsage;
    }
    return kExitClean;
}

}  // namespace

void register_report_command(CLI::App& app, CommandList& commands) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* report = app.add_subcommand(
        "report", "Scan, then report one framework's control evidence for auditors");
    add_scan_input_options(*report, args->input);
    report->add_option("--framework", args->framework, "Framework: " + framework_names())
        ->required();
    report->add_option("-f,--format", args->format,
                       "html (one self-contained page, the default), md, json or csv");
    report->add_option("-o,--output", args->output,
                       "Write the report here (default: standard output)");
    report->add_flag("--timestamp", args->timestamp,
                     "Date the report (otherwise two runs on the same input are byte-identical)");
    commands.push_back({report, [args](const CommandIo& io) { return run_report(*args, io); }});
}

}  // namespace bulwark
