#include "cli/progress_indicator.h"

#include <chrono>
#include <string>
#include <string_view>

namespace bulwark {

ProgressIndicator::ProgressIndicator(std::ostream& err, const ScanProgress& progress)
    : thread_([this, &err, &progress](std::stop_token stop) { run(stop, err, progress); }) {}

ProgressIndicator::~ProgressIndicator() {
    thread_.request_stop();
    wake_.notify_all();
}

void ProgressIndicator::run(std::stop_token stop, std::ostream& err, const ScanProgress& progress) {
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; })) return;
    bool shown = false;
    static constexpr std::string_view kSpinner = "|/-\\";
    for (std::size_t tick = 0; !stop.stop_requested(); ++tick) {
        const std::size_t rules_total = progress.rules_total;
        const std::size_t files_total = progress.files_total;
        std::string line = "\r";
        line += kSpinner[tick % kSpinner.size()];
        line += " scanning: " + std::to_string(progress.files_read.load()) + "/" +
                std::to_string(files_total) + " files read";
        if (progress.rules_done > 0) {
            line += ", " + std::to_string(progress.rules_done.load()) + "/" +
                    std::to_string(rules_total) + " rules evaluated";
        }
        err << line << "\x1b[K" << std::flush;
        shown = true;
        wake_.wait_for(lock, stop, std::chrono::milliseconds(100), [] { return false; });
    }
    if (shown) err << "\r\x1b[K" << std::flush;
}

}  // namespace bulwark
