// Measures a whole scan in-process: discovery, reading, parsing, graph, all built-in rules and
// the JSON report, repeated to take a median. Prints one line per metric.
// Then the cost of a baseline comparison on that scan: a baseline of every finding is read back
// from its file and matched against the findings (what `scan --baseline` adds to a scan).
//   bulwark_bench [--iterations N] [--threads N] PATH...
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "baseline/apply_baseline.h"
#include "parsers/cloudformation/cloudformation_frontend.h"
#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "reporters/reporter.h"

using namespace bulwark;

int main(int argc, char** argv) {
    int iterations = 20;
    unsigned threads = 0;
    std::vector<std::filesystem::path> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--iterations" && i + 1 < argc)
            iterations = std::atoi(argv[++i]);
        else if (arg == "--threads" && i + 1 < argc)
            threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else
            paths.emplace_back(arg);
    }
    if (paths.empty() || iterations < 1) {
        std::fprintf(stderr, "usage: bulwark_bench [--iterations N] [--threads N] PATH...\n");
        return 2;
    }
    auto loaded = RuleCatalog::load({}, false);
    if (!std::holds_alternative<RuleCatalog>(loaded)) {
        std::fprintf(stderr, "built-in rules do not load\n");
        return 2;
    }
    const RuleCatalog catalog = std::get<RuleCatalog>(std::move(loaded));
    ScanOptions options;
    options.discovery.paths = paths;
    options.discovery.root = default_root(paths);
    options.threads = threads;
    for (const Rule& rule : catalog.rules())
        options.rules.push_back(&rule);
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<cloudformation::CloudFormationFrontend>());
    frontends.push_back(std::make_unique<terraform::TerraformFrontend>());

    std::uintmax_t bytes = 0;
    for (const auto& file : discover(options.discovery).files) {
        std::error_code ec;
        bytes += std::filesystem::file_size(file.absolute, ec);
    }

    std::vector<double> millis;
    std::size_t files = 0, resources = 0, findings = 0, output = 0;
    ScanResult result;
    for (int i = 0; i < iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        result = scan(options, frontends);
        const std::string json = render_json(ReportContext{result, "bench", false});
        const auto stop = std::chrono::steady_clock::now();
        millis.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        files = result.counts.files;
        resources = result.graph.resources().size();
        findings = result.findings.size();
        output = json.size();
    }
    std::sort(millis.begin(), millis.end());
    const double median = millis[millis.size() / 2];
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("input            %zu files read as IaC, %.1f KiB under the paths\n", files,
                bytes / 1024.0);
    std::printf("graph            %zu resources, %zu rules, %zu findings, %zu bytes of JSON\n",
                resources, catalog.rules().size(), findings, output);
    std::printf("scan median      %.3f ms (min %.3f, max %.3f, %d runs)\n", median, millis.front(),
                millis.back(), iterations);
    std::printf("throughput       %.1f MB/s, %.0f files/s\n", bytes / 1e6 / (median / 1000.0),
                files / (median / 1000.0));
    std::printf("peak RSS         %.1f MiB\n", usage.ru_maxrss / 1024.0);

    // Baseline comparison: parse the baseline file, then match it against the findings.
    const std::string baseline_text = render_baseline(baseline_of(result));
    std::vector<double> compare;
    std::size_t entries = 0, baselined = 0;
    for (int i = 0; i < iterations; ++i) {
        for (Finding& finding : result.findings) {  // undo the previous round
            if (finding.status == FindingStatus::Baselined) finding.status = FindingStatus::Failed;
        }
        result.counts.failed += result.counts.baselined;
        result.counts.baselined = 0;
        result.baseline.reset();
        const auto start = std::chrono::steady_clock::now();
        auto parsed = parse_baseline(baseline_text);
        if (!std::holds_alternative<Baseline>(parsed)) return 2;
        apply_baseline(result, std::get<Baseline>(parsed), "bench");
        const auto stop = std::chrono::steady_clock::now();
        compare.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        entries = result.baseline->entries;
        baselined = result.baseline->baselined;
    }
    std::sort(compare.begin(), compare.end());
    std::printf(
        "baseline compare %.3f ms median (%zu entries, %zu KiB file, %zu of %zu findings "
        "baselined; %.2f%% of the scan)\n",
        compare[compare.size() / 2], entries, baseline_text.size() / 1024, baselined,
        result.findings.size(), 100.0 * compare[compare.size() / 2] / median);
    return 0;
}
