#pragma once

// One-shot message digests for md5(), sha1(), sha256(), sha512() and their file and base64
// variants. Each returns the raw digest bytes.

#include <string>
#include <string_view>

namespace bulwark::terraform::detail {

std::string md5_digest(std::string_view data);     // RFC 1321, 16 bytes
std::string sha1_digest(std::string_view data);    // FIPS 180-4, 20 bytes
std::string sha256_digest(std::string_view data);  // FIPS 180-4, 32 bytes (bulwark::Sha256)
std::string sha512_digest(std::string_view data);  // FIPS 180-4, 64 bytes

std::string hex(std::string_view bytes);  // lower case

}  // namespace bulwark::terraform::detail
