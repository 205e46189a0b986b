#include <doctest/doctest.h>

#include "discovery/glob.h"
#include "model/finding.h"
#include "util/sha256.h"

using namespace bulwark;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("fingerprints depend on rule, address and file, never on lines") {
    const std::string a = finding_fingerprint("rule-a", "Bucket", "infra/a.yaml");
    CHECK(a.size() == 32);
    CHECK(a == finding_fingerprint("rule-a", "Bucket", "infra/a.yaml"));
    CHECK(a != finding_fingerprint("rule-b", "Bucket", "infra/a.yaml"));
    CHECK(a != finding_fingerprint("rule-a", "Bucket2", "infra/a.yaml"));
    CHECK(a != finding_fingerprint("rule-a", "Bucket", "infra/b.yaml"));
    // The separator keeps "ab"+"c" apart from "a"+"bc".
    CHECK(finding_fingerprint("r", "ab", "c") != finding_fingerprint("r", "a", "bc"));
}

TEST_CASE("globs: segments, double stars and bare names anywhere") {
    CHECK(glob_match("*.json", "a/b/c.json"));
    CHECK_FALSE(glob_match("*.json", "a/b/c.yaml"));
    CHECK(glob_match("node_modules", "web/node_modules/x/y.yaml"));
    CHECK(glob_match("test/**", "test/a/b.yaml"));
    CHECK_FALSE(glob_match("test/**", "src/test.yaml"));
    CHECK(glob_match("**/fixtures/*.yaml", "a/b/fixtures/x.yaml"));
    CHECK(glob_match("**/fixtures/*.yaml", "fixtures/x.yaml"));
    CHECK_FALSE(glob_match("infra/*.yaml", "infra/sub/x.yaml"));
    CHECK(glob_match("infra", "infra/sub/x.yaml"));
    CHECK(glob_match("infra/sub", "infra/sub/x.yaml"));
    CHECK(glob_match("file?.yaml", "dir/file1.yaml"));
    CHECK_FALSE(glob_match("file?.yaml", "dir/file10.yaml"));
}

TEST_CASE("severities parse from their closed set and rank") {
    CHECK(parse_severity("high") == Severity::High);
    CHECK_FALSE(parse_severity("HIGH").has_value());
    CHECK_FALSE(parse_severity("severe").has_value());
    CHECK(at_least(Severity::Critical, Severity::High));
    CHECK(at_least(Severity::High, Severity::High));
    CHECK_FALSE(at_least(Severity::Medium, Severity::High));
}
