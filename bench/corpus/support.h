// Shared pieces of the corpus generator: a portable PRNG, the file writer, name vocabularies and
// small text helpers. Everything here is deterministic: the same seed gives the same bytes on
// every platform and standard library (no std::random_device, no std:: distributions, no
// floating point in choices, no iteration over unordered containers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and identical everywhere.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0. The modulo bias is irrelevant here and the result is portable.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    // Uniform in [lo, hi].
    int range(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    // True with probability percent / 100.
    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    // An independent stream for a sub-generator, so adding draws in one place does not shift
    // every file after it.
    Rng fork(std::uint64_t salt) { return Rng(next() ^ (salt * 0xD1B54A32D192ED03ull)); }

  private:
    std::uint64_t state_;
};

// Picks k distinct items (k <= items.size()), in a deterministic shuffled order.
template <class T>
std::vector<T> sample(Rng& rng, const std::vector<T>& items, std::size_t k) {
    std::vector<T> pool = items;
    std::vector<T> out;
    for (std::size_t i = 0; i < k && !pool.empty(); ++i) {
        const std::size_t at = rng.below(pool.size());
        out.push_back(pool[at]);
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(at));
    }
    return out;
}

// Writes the files of the corpus and counts them.
class Writer {
  public:
    explicit Writer(std::filesystem::path root) : root_(std::move(root)) {}
    // `relative` uses '/' separators. Fails the program on an I/O error.
    void write(const std::string& relative, const std::string& content);
    std::size_t files() const { return files_; }
    std::uint64_t bytes() const { return bytes_; }

  private:
    std::filesystem::path root_;
    std::size_t files_ = 0;
    std::uint64_t bytes_ = 0;
};

// Counts what one format produced, for the summary line.
struct FormatStats {
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    std::size_t resources = 0;  // resource blocks / template resources written (before expansion)
};

// Vocabularies of a plausible company estate.
const std::vector<std::string>& services();      // payments, ledger, ...
const std::vector<std::string>& teams();         // platform, data, ...
const std::vector<std::string>& stages();        // prod, staging, dev, ...
const std::vector<std::string>& regions();       // eu-west-1, ...
const std::vector<std::string>& data_nouns();    // statements, exports, ...
const std::vector<std::string>& entity_nouns();  // orders, customers, ...

std::string region_short(std::string_view region);  // eu-west-1 -> euw1
std::string pascal(std::string_view kebab);         // ledger-exports -> LedgerExports
std::string snake(std::string_view kebab);          // ledger-exports -> ledger_exports
std::string hex_id(Rng& rng, int digits);           // lowercase hex
std::string account_id(Rng& rng);                   // 12 digits
std::string with_suffix(const std::string& base, std::size_t n);  // base, base-2, base-3, ...

// Replaces each @name@ in `text` with its value. Templates are written in the target language
// (HCL, YAML) with @placeholders@, which none of those languages use. An @name@ without a value
// is a bug in the generator and stops the program.
struct Sub {
    std::string_view name;
    std::string value;
};
std::string fill(std::string_view text, std::initializer_list<Sub> values);

}  // namespace corpus
