#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace bulwark {

// SHA-256 (FIPS 180-4), for content fingerprints that must be stable across runs and machines.
class Sha256 {
  public:
    Sha256();
    void update(std::string_view data);
    std::array<std::uint8_t, 32> finish();
    std::string finish_hex();  // the digest in lower-case hex

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

std::string sha256_hex(std::string_view data);

}  // namespace bulwark
