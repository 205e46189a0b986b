#pragma once

#include <condition_variable>
#include <mutex>
#include <ostream>
#include <stop_token>
#include <thread>

#include "pipeline/scan.h"

namespace bulwark {

// A one-line progress indicator on a terminal's standard error, shown only when the scan takes
// longer than a second, and erased when it ends (when the object is destroyed).
class ProgressIndicator {
  public:
    ProgressIndicator(std::ostream& err, const ScanProgress& progress);
    ~ProgressIndicator();
    ProgressIndicator(const ProgressIndicator&) = delete;
    ProgressIndicator& operator=(const ProgressIndicator&) = delete;

  private:
    void run(std::stop_token stop, std::ostream& err, const ScanProgress& progress);

    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;  // last: started once the members it uses exist
};

}  // namespace bulwark
