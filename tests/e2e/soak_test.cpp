// Soak: the whole fixture tree (every format, the hostile fixtures included) scanned many times in
// one process gives byte-identical reports, and memory stays flat: nothing accumulates between
// scans (caches, interned strings, leaked graphs).
#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/scan_inputs.h"
#include "reporters/reporter.h"
#include "support/helpers.h"

using namespace bulwark;

namespace {

// Resident set size in bytes, from /proc/self/statm (second field, in pages).
std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

TEST_CASE("soak: repeated scans of every fixture give identical reports in flat memory") {
    ScanInputArgs args;
    args.paths = {(test::source_dir() / "fixtures").string()};
    args.root = test::source_dir().string();
    args.threads = 2;
    std::ostringstream errors;
    std::optional<PreparedScan> prepared = prepare_scan(args, errors);
    REQUIRE_MESSAGE(prepared.has_value(), errors.str());

    constexpr int kScans = 8;
    constexpr int kWarmUp = 3;  // allocator arenas and thread pools settle
    std::string first_report;
    std::vector<std::size_t> resident;
    for (int i = 0; i < kScans; ++i) {
        std::string report;
        {
            const ScanResult result = scan(prepared->options, prepared->frontends);
            REQUIRE(result.counts.files > 100);
            const ReportContext context{result, "soak", false};
            report = render(OutputFormat::Json, context);
        }
        if (i == 0) {
            first_report = std::move(report);
        } else {
            INFO("scan " << i);
            REQUIRE(report == first_report);
        }
        resident.push_back(resident_bytes());
    }
    // After the warm-up, resident memory may wobble with the allocator but must not grow with
    // every scan: the last scan ends within a few MB (or 10%) of the first settled one.
    const std::size_t settled = resident[kWarmUp - 1];
    const std::size_t last = resident.back();
    std::string trace;
    for (std::size_t bytes : resident)
        trace += std::to_string(bytes / 1024) + " ";
    INFO("resident KB per scan: " << trace);
    CHECK(last <= settled + std::max<std::size_t>(8 * 1024 * 1024, settled / 10));
}
