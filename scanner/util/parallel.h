#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace bulwark {

// The number of worker threads to use: `requested`, or the machine's cores when 0.
inline unsigned worker_count(unsigned requested) {
    if (requested != 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

// Runs body(i) for i in [0, count) on up to `threads` threads; items are handed out one at a time
// so uneven work (one huge file) does not stall the rest.
template <typename Body>
void parallel_for(std::size_t count, unsigned threads, Body&& body) {
    const unsigned workers = static_cast<unsigned>(
        std::min<std::size_t>(worker_count(threads), std::max<std::size_t>(count, 1)));
    if (workers <= 1) {
        for (std::size_t i = 0; i < count; ++i)
            body(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            body(i);
    };
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (unsigned t = 1; t < workers; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& thread : pool)
        thread.join();
}

}  // namespace bulwark
