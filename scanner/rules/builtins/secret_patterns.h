#pragma once

// Recognises hard-coded secrets in strings: token shapes that are secrets wherever they appear,
// secret-like names holding literal values, and high-entropy tokens. Used by the secret_in_value
// built-in; kept apart so that the heuristics can be tested on their own.

#include <optional>
#include <string>
#include <string_view>

namespace bulwark::secrets {

struct SecretMatch {
    std::string kind;    // what it looks like: "AWS access key ID", "password", ...
    std::string masked;  // at most the first four characters and ****; never the secret
    // "AWS access key ID (AKIA****)": safe to print in any report.
    std::string describe() const;
};

// Known token shapes (AWS access key IDs, private key blocks, GitHub / GitLab / Slack / Stripe /
// Google / npm / SendGrid tokens, passwords inside URLs) and `password=...`-style assignments in
// free text such as user data scripts.
std::optional<SecretMatch> find_in_text(std::string_view text);

// A value stored under a name (an environment variable, a map key): the token shapes above; a
// literal under a secret-like name (DB_PASSWORD, API_TOKEN) that is not a placeholder or a
// reference to where the secret really lives; or a high-entropy token under any name.
std::optional<SecretMatch> find_named(std::string_view name, std::string_view value);

// Text that is the base64 encoding of printable text (user data), decoded; nullopt otherwise.
std::optional<std::string> decode_base64_text(std::string_view text);

// Shannon entropy of the characters of `text`, in bits per character.
double shannon_entropy(std::string_view text);

// A name that says its value is a secret (password, secret, token, api key, private key,
// credentials) and not merely about one (SECRET_ARN, TOKEN_TTL, PASSWORD_LENGTH).
bool is_secret_name(std::string_view name);

// A value that stands for a secret kept elsewhere, or is obviously not one: empty, a reference
// or template (${...}, {{resolve:...}}, $VAR), an ARN or parameter path, a placeholder
// (EXAMPLE, <password>, xxxx), a boolean or a number.
bool is_placeholder_or_reference(std::string_view value);

// A line of source (or any short text) that may hold a secret: a known token shape, a
// `password = ...` assignment, or a long high-entropy token such as a line of a private key.
// Reports never quote such a line, whatever rules ran. Errs on the side of hiding.
bool may_hold_secret(std::string_view line);

// The first four characters and ****, or only **** for values shorter than 12 characters.
std::string mask(std::string_view secret);

}  // namespace bulwark::secrets
