#include "rules/builtins/secret_patterns.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>
#include "util/text.h"

namespace bulwark::secrets {
namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// A token shape that is a secret wherever it appears; the pattern's first group is the secret.
// Every match contains one of `clues` (ignoring ASCII case when `any_case`): text without any is
// not searched, and a pattern is compiled only when some text has its clue (most scans have
// no secrets, and compiling all twelve would cost more than the rest of the screening).
struct TokenShape {
    const char* kind;
    const char* pattern;
    std::array<std::string_view, 4> clues;
    bool any_case = false;
};

constexpr std::array<TokenShape, 12> kTokenShapes = {{
    {"private key",
     R"((-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----))",
     {"PRIVATE KEY"}},
    // Long-term (AKIA) and temporary (ASIA) access key IDs, and the rarer prefixes of the same
    // family. The rest is base32 in practice; digits 0, 1, 8 and 9 are accepted all the same.
    {"AWS access key ID",
     R"(\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b)",
     {"AKIA", "ASIA", "ABIA", "ACCA"}},
    {"AWS secret access key",
     R"((?i)aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+]|$))",
     {"secret"},
     true},
    {"GitHub token", R"(\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}))", {"gh"}},
    {"GitHub token", R"(\b(github_pat_[A-Za-z0-9_]{50,}))", {"github_pat_"}},
    {"GitLab token", R"(\b(glpat-[A-Za-z0-9_\-]{20,}))", {"glpat-"}},
    {"Slack token", R"(\b(xox[abposr]-[A-Za-z0-9-]{10,}))", {"xox"}},
    {"Slack webhook URL",
     R"((https://hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]{16,}))",
     {"https://hooks.slack.com/services/"}},
    {"Stripe live key", R"(\b((?:sk|rk)_live_[A-Za-z0-9]{20,}))", {"_live_"}},
    {"Google API key", R"(\b(AIza[0-9A-Za-z_\-]{35}))", {"AIza"}},
    {"npm token", R"(\b(npm_[A-Za-z0-9]{36}))", {"npm_"}},
    {"SendGrid API key", R"(\b(SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}))", {"SG."}},
}};

bool has_clue(std::string_view text, const TokenShape& shape) {
    for (std::string_view clue : shape.clues) {
        if (clue.empty()) continue;
        if (!shape.any_case ? text.find(clue) != std::string_view::npos
                            : std::search(text.begin(), text.end(), clue.begin(), clue.end(),
                                          [](char a, char b) {
                                              return ascii_fold(a) == ascii_fold(b);
                                          }) != text.end()) {
            return true;
        }
    }
    return false;
}

const RE2& shape_regex(std::size_t index) {
    static std::array<std::once_flag, kTokenShapes.size()> compiled_once;
    static std::array<std::unique_ptr<const RE2>, kTokenShapes.size()> compiled;
    std::call_once(compiled_once[index], [index] {
        compiled[index] = std::make_unique<const RE2>(kTokenShapes[index].pattern);
    });
    return *compiled[index];
}

// user:password@ in a URL (postgres://app:s3cret@db:5432/orders).
const RE2& url_credentials() {
    static const RE2 kPattern(R"([A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@'"]+:([^/\s:@'"]+)@)");
    return kPattern;
}

// NAME = value or NAME: value in free text, where NAME says it holds a secret.
const RE2& assignment() {
    static const RE2 kPattern(
        R"((?i)([A-Za-z0-9_.\-]*(?:password|passwd|passphrase|secret|token|api[_\-]?key|access[_\-]?key|private[_\-]?key|credential)[A-Za-z0-9_.\-]*)["']?[ \t]*[:=][ \t]*["']?([^\s"'`;&|,)}\]]+))");
    return kPattern;
}

// Words that say a value is a stand-in for the real secret.
constexpr std::array<std::string_view, 12> kPlaceholderWords = {
    "example", "placeholder", "dummy",  "redacted", "xxxx",   "****",
    "your_",   "your-",       "insert", "replace",  "sample", "changethis",
};

// Name endings that describe a secret rather than hold one.
constexpr std::array<std::string_view, 54> kDescriptiveSuffixes = {
    "arn",     "arns",      "id",         "ids",        "name",        "names",      "path",
    "param",   "parameter", "file",       "url",        "uri",         "endpoint",   "header",
    "type",    "length",    "ttl",        "timeout",    "expiry",      "expiration", "expires",
    "enabled", "region",    "version",    "policy",     "location",    "prefix",     "suffix",
    "ref",     "source",    "store",      "mode",       "rotation",    "duration",   "seconds",
    "minutes", "days",      "count",      "size",       "format",      "algorithm",  "provider",
    "issuer",  "audience",  "scope",      "kms",        "bucket",      "key_id",     "status",
    "age",     "schedule",  "expression", "permission", "permissions",
};

bool password_name(std::string_view lowered) {
    return contains(lowered, "password") || contains(lowered, "passwd") ||
           contains(lowered, "passphrase") || lowered == "pwd" || lowered.ends_with("_pwd");
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isdigit(c) || c == '.' || c == '-';
    });
}

// A token of the base64 / URL-safe alphabet, with upper and lower case letters and digits, long
// enough and random enough to be a key rather than a word or an identifier.
bool high_entropy_token(std::string_view value) {
    if (value.size() < 24 || value.size() > 512) return false;
    bool upper = false, lower_case = false, digit = false;
    for (unsigned char c : value) {
        if (std::isupper(c)) {
            upper = true;
        } else if (std::islower(c)) {
            lower_case = true;
        } else if (std::isdigit(c)) {
            digit = true;
        } else if (c != '+' && c != '/' && c != '=' && c != '_' && c != '-') {
            return false;
        }
    }
    if (!(upper && lower_case && digit)) return false;
    const double threshold = std::min(4.0, 0.85 * std::log2(static_cast<double>(value.size())));
    return shannon_entropy(value) >= threshold;
}

// Well-formed UTF-8 (decoded user data is text; binary or gzip data is not).
bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80           ? 1
                                   : (c >> 5) == 0x6  ? 2
                                   : (c >> 4) == 0xE  ? 3
                                   : (c >> 3) == 0x1E ? 4
                                                      : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
        }
        i += length;
    }
    return true;
}

std::optional<SecretMatch> known_token(std::string_view text) {
    for (std::size_t i = 0; i < kTokenShapes.size(); ++i) {
        const TokenShape& shape = kTokenShapes[i];
        if (!has_clue(text, shape)) continue;
        re2::StringPiece captured;
        if (!RE2::PartialMatch(text, shape_regex(i), &captured)) continue;
        const std::string_view token(captured.data(), captured.size());
        if (!is_placeholder_or_reference(token)) {
            // The header of a PEM block is not secret, and names what was found.
            if (token.starts_with("-----")) return SecretMatch{shape.kind, "****"};
            return SecretMatch{shape.kind, mask(token)};
        }
    }
    re2::StringPiece password;
    if (contains(text, "://") && contains(text, "@") &&
        RE2::PartialMatch(text, url_credentials(), &password) &&
        !is_placeholder_or_reference(std::string_view(password.data(), password.size()))) {
        return SecretMatch{"password in a URL",
                           mask(std::string_view(password.data(), password.size()))};
    }
    return std::nullopt;
}

}  // namespace

std::string SecretMatch::describe() const {
    return kind + " (" + masked + ")";
}

std::string mask(std::string_view secret) {
    if (secret.size() < 12) return "****";
    return std::string(secret.substr(0, 4)) + "****";
}

double shannon_entropy(std::string_view text) {
    if (text.empty()) return 0;
    std::array<std::size_t, 256> counts{};
    for (unsigned char c : text)
        ++counts[c];
    double entropy = 0;
    const double size = static_cast<double>(text.size());
    for (std::size_t count : counts) {
        if (count == 0) continue;
        const double p = static_cast<double>(count) / size;
        entropy -= p * std::log2(p);
    }
    return entropy;
}

bool is_secret_name(std::string_view name) {
    const std::string lowered = ascii_lower(name);
    static constexpr std::array<std::string_view, 13> kSecretWords = {
        "password",   "passwd",     "passphrase",  "secret",     "token",
        "apikey",     "api_key",    "api-key",     "privatekey", "private_key",
        "access_key", "credential", "signing_key",
    };
    const bool secret_word = password_name(lowered) ||
                             std::any_of(kSecretWords.begin(), kSecretWords.end(),
                                         [&](std::string_view w) { return contains(lowered, w); });
    if (!secret_word) return false;
    for (std::string_view suffix : kDescriptiveSuffixes) {
        if (lowered.size() > suffix.size() && lowered.ends_with(suffix)) {
            const char before = lowered[lowered.size() - suffix.size() - 1];
            if (before == '_' || before == '-' || before == '.') return false;
        }
        // camelCase: secretArn, tokenUrl.
        if (name.size() > suffix.size()) {
            const std::string_view tail = name.substr(name.size() - suffix.size());
            if (std::isupper(static_cast<unsigned char>(tail.front())) &&
                ascii_lower(tail) == suffix &&
                std::islower(static_cast<unsigned char>(name[name.size() - suffix.size() - 1]))) {
                return false;
            }
        }
    }
    return true;
}

bool is_placeholder_or_reference(std::string_view value) {
    // Surrounding whitespace and quotes are not part of the value.
    while (!value.empty() && (std::isspace(static_cast<unsigned char>(value.front())) ||
                              value.front() == '"' || value.front() == '\'')) {
        value.remove_prefix(1);
    }
    while (!value.empty() && (std::isspace(static_cast<unsigned char>(value.back())) ||
                              value.back() == '"' || value.back() == '\'')) {
        value.remove_suffix(1);
    }
    if (value.empty()) return true;
    const std::string lowered = ascii_lower(value);
    if (lowered == "true" || lowered == "false" || lowered == "yes" || lowered == "no" ||
        lowered == "null" || lowered == "none" || all_digits(lowered)) {
        return true;
    }
    if (value.front() == '$' || value.front() == '%' || contains(value, "${") ||
        contains(value, "{{") || contains(value, "%{") || contains(value, "#{") ||
        (value.front() == '<' && value.back() == '>')) {
        return true;
    }
    for (std::string_view prefix :
         {"arn:", "/", "ssm:", "secretsmanager:", "vault:", "s3://", "file:", "alias/"}) {
        if (lowered.starts_with(prefix)) return true;
    }
    return std::any_of(kPlaceholderWords.begin(), kPlaceholderWords.end(),
                       [&](std::string_view word) { return contains(lowered, word); });
}

std::optional<SecretMatch> find_in_text(std::string_view text) {
    if (auto token = known_token(text)) return token;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece name_piece, value_piece;
    while (RE2::FindAndConsume(&input, assignment(), &name_piece, &value_piece)) {
        const std::string_view name(name_piece.data(), name_piece.size());
        const std::string_view value(value_piece.data(), value_piece.size());
        if (!is_secret_name(name) || is_placeholder_or_reference(value)) continue;
        // In free text only passwords are taken at face value; other names need a random value.
        if (password_name(ascii_lower(name)) ? value.size() >= 6 : high_entropy_token(value)) {
            return SecretMatch{password_name(ascii_lower(name)) ? "password" : "secret",
                               mask(value)};
        }
    }
    return std::nullopt;
}

std::optional<SecretMatch> find_named(std::string_view name, std::string_view value) {
    if (auto token = known_token(value)) return token;
    if (is_placeholder_or_reference(value)) return std::nullopt;
    const bool multiline = contains(value, "\n");
    if (multiline) return find_in_text(value);  // a script or a document under this name
    if (is_secret_name(name)) {
        const std::string lowered = ascii_lower(name);
        if (password_name(lowered)) {
            if (value.size() >= 6) return SecretMatch{"password", mask(value)};
            return std::nullopt;
        }
        // Tokens and keys: long enough, and not a plain word or identifier (my-api-token).
        static const RE2 kIdentifier(R"([a-z][a-z._\-]*)");
        if (value.size() >= 12 && !RE2::FullMatch(value, kIdentifier) &&
            shannon_entropy(value) >= 3.0) {
            return SecretMatch{"secret", mask(value)};
        }
        return std::nullopt;
    }
    if (high_entropy_token(value)) return SecretMatch{"high-entropy string", mask(value)};
    return std::nullopt;
}

bool may_hold_secret(std::string_view line) {
    if (find_in_text(line)) return true;
    // Tokens between quotes, blanks and separators, each judged on its own shape.
    static constexpr std::string_view kSeparators = " \t\r\"'`=:,;()[]{}<>";
    std::size_t start = 0;
    while (start < line.size()) {
        const std::size_t end = std::min(line.find_first_of(kSeparators, start), line.size());
        if (end - start >= 20 && find_named("", line.substr(start, end - start))) return true;
        start = end + 1;
    }
    return false;
}

std::optional<std::string> decode_base64_text(std::string_view text) {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string compact;
    compact.reserve(text.size());
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t') continue;
        compact.push_back(c);
    }
    if (compact.size() < 16 || compact.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(compact.size() / 4 * 3);
    unsigned buffer = 0;
    int bits = 0;
    std::size_t padding = 0;
    for (char c : compact) {
        if (c == '=') {
            ++padding;
            continue;
        }
        if (padding > 0) return std::nullopt;  // '=' only at the end
        const std::size_t index = kAlphabet.find(c);
        if (index == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 6) | static_cast<unsigned>(index);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    if (padding > 2) return std::nullopt;
    if (out.empty() || !valid_utf8(out)) return std::nullopt;
    std::size_t printable = 0;
    for (unsigned char c : out) {
        if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0x7F)) ++printable;
    }
    if (printable * 100 < out.size() * 95) return std::nullopt;
    return out;
}

}  // namespace bulwark::secrets
