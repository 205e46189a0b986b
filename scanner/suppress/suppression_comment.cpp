#include "suppress/suppression_comment.h"

#include <algorithm>
#include <array>
#include <cctype>
#include "util/text.h"

namespace bulwark {
namespace {

constexpr std::array<std::string_view, 6> kMarkers = {
    "bulwark:ignore", "checkov:skip=", "tfsec:ignore:", "trivy:ignore:", "kics-scan ", "ts:skip="};
constexpr std::size_t kMaxComments = 100'000;

bool is_code(std::string_view line) {
    line = trim(line);
    if (line.empty()) return false;
    return !(line.starts_with("#") || line.starts_with("//") || line.starts_with("/*") ||
             line.starts_with("*"));
}

std::vector<std::string> split_ids(std::string_view text) {
    std::vector<std::string> ids;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        std::string_view id = trim(text.substr(start, comma - start));
        if (!id.empty()) ids.emplace_back(id);
        start = comma + 1;
    }
    return ids;
}

std::string_view until_space(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])))
        ++end;
    return text.substr(0, end);
}

bool is_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

// `bulwark:ignore id[,id...] reason="..." expires=YYYY-MM-DD owner=name`
void parse_bulwark(std::string_view rest, SuppressionComment& comment) {
    rest = trim(rest);
    // The IDs run up to the first key=value pair.
    std::size_t ids_end = 0;
    while (ids_end < rest.size()) {
        std::string_view word = until_space(rest.substr(ids_end));
        if (word.find('=') != std::string_view::npos) break;
        ids_end += word.size();
        while (ids_end < rest.size() && std::isspace(static_cast<unsigned char>(rest[ids_end])))
            ++ids_end;
    }
    comment.rule_ids = split_ids(rest.substr(0, ids_end));
    if (comment.rule_ids.empty()) comment.problem = "bulwark:ignore names no rule";
    rest = trim(rest.substr(ids_end));
    while (!rest.empty()) {
        const std::size_t equals = rest.find('=');
        if (equals == std::string_view::npos) {
            comment.problem = "expected key=value after the rule IDs, found '" +
                              std::string(until_space(rest)) + "'";
            return;
        }
        const std::string_view key = trim(rest.substr(0, equals));
        rest.remove_prefix(equals + 1);
        std::string_view value;
        if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
            const char quote = rest.front();
            const std::size_t close = rest.find(quote, 1);
            if (close == std::string_view::npos) {
                comment.problem = "unterminated quoted " + std::string(key);
                value = rest.substr(1);
                rest = {};
            } else {
                value = rest.substr(1, close - 1);
                rest.remove_prefix(close + 1);
            }
        } else {
            value = until_space(rest);
            rest.remove_prefix(value.size());
        }
        rest = trim(rest);
        if (key == "reason") {
            comment.reason = std::string(value);
        } else if (key == "expires") {
            if (!is_date(value)) {
                comment.problem =
                    "expires must be a date YYYY-MM-DD, not '" + std::string(value) + "'";
            }
            comment.expires = std::string(value);
        } else if (key == "owner") {
            comment.owner = std::string(value);
        } else {
            comment.problem = "unknown suppression field '" + std::string(key) +
                              "' (expected reason, expires, owner)";
        }
    }
}

// `tfsec:ignore:aws-s3-enable-bucket-encryption:exp:2025-01-31` (and trivy:ignore:).
void parse_trivy_style(std::string_view rest, SuppressionComment& comment) {
    std::string_view word = until_space(rest);
    const std::size_t exp = word.find(":exp:");
    if (exp != std::string_view::npos) {
        comment.expires = std::string(word.substr(exp + 5, 10));
        word = word.substr(0, exp);
    }
    // Trivy allows attribute filters: trivy:ignore:AVD-AWS-0089[bucket=logs]; the ID is enough.
    word = word.substr(0, word.find('['));
    if (!word.empty()) comment.rule_ids.emplace_back(word);
}

void parse_marker(std::string_view marker, std::string_view rest, SuppressionComment& comment) {
    if (marker == "bulwark:ignore") {
        comment.syntax = "bulwark";
        parse_bulwark(rest, comment);
    } else if (marker == "checkov:skip=") {
        // checkov:skip=CKV_AWS_20:The reason
        comment.syntax = "checkov";
        comment.scope = CommentScope::Block;
        std::string_view id = until_space(rest);
        const std::size_t colon = rest.find(':');
        if (colon != std::string_view::npos && colon < id.size()) {
            comment.reason = std::string(trim(rest.substr(colon + 1)));
            id = rest.substr(0, colon);
        }
        comment.rule_ids = split_ids(id);
    } else if (marker == "tfsec:ignore:" || marker == "trivy:ignore:") {
        comment.syntax = marker == "tfsec:ignore:" ? "tfsec" : "trivy";
        parse_trivy_style(rest, comment);
    } else if (marker == "kics-scan ") {
        comment.syntax = "kics";
        rest = trim(rest);
        if (rest.starts_with("ignore-line")) {
            comment.scope = CommentScope::Line;
            comment.rule_ids = {"*"};
        } else if (rest.starts_with("ignore-block")) {
            comment.rule_ids = {"*"};
        } else if (rest.starts_with("disable=")) {
            comment.scope = CommentScope::File;
            comment.rule_ids = split_ids(until_space(rest.substr(8)));
        } else if (rest == "ignore" || rest.starts_with("ignore ")) {
            comment.scope = CommentScope::File;
            comment.rule_ids = {"*"};
        }
    } else if (marker == "ts:skip=") {
        // ts:skip=AC_AWS_0214 reason text
        comment.syntax = "terrascan";
        comment.scope = CommentScope::Block;
        const std::string_view id = until_space(rest);
        comment.rule_ids = split_ids(id);
        comment.reason = std::string(trim(rest.substr(id.size())));
    }
}

}  // namespace

bool may_hold_suppressions(std::string_view content) {
    return std::any_of(kMarkers.begin(), kMarkers.end(), [&](std::string_view marker) {
        return content.find(marker) != std::string_view::npos;
    });
}

std::vector<SuppressionComment> find_suppression_comments(std::string_view content) {
    std::vector<SuppressionComment> found;
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= content.size();) {
        std::size_t end = content.find('\n', start);
        if (end == std::string_view::npos) end = content.size();
        std::string_view line = content.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    unsigned previous_code = 0;
    for (std::size_t index = 0; index < lines.size() && found.size() < kMaxComments; ++index) {
        const std::string_view line = lines[index];
        const unsigned code_before = previous_code;
        if (is_code(line)) previous_code = static_cast<unsigned>(index + 1);
        for (std::string_view marker : kMarkers) {
            for (std::size_t at = line.find(marker); at != std::string_view::npos;
                 at = line.find(marker, at + marker.size())) {
                // Only inside a comment: a '#' or '//' must come before the marker.
                const std::size_t hash = line.rfind('#', at);
                const std::size_t slashes = at >= 2 ? line.rfind("//", at) : std::string_view::npos;
                std::size_t opener = std::string_view::npos;
                if (hash != std::string_view::npos) opener = hash;
                if (slashes != std::string_view::npos &&
                    (opener == std::string_view::npos || slashes < opener)) {
                    opener = slashes;
                }
                if (opener == std::string_view::npos) continue;
                SuppressionComment comment;
                comment.line = static_cast<unsigned>(index + 1);
                comment.trailing = !trim(line.substr(0, opener)).empty();
                comment.previous_code = comment.trailing ? comment.line : code_before;
                parse_marker(marker, line.substr(at + marker.size()), comment);
                if (comment.syntax.empty() ||
                    (comment.rule_ids.empty() && comment.problem.empty())) {
                    continue;
                }
                if (comment.scope == CommentScope::File) {
                    comment.target = 0;
                } else if (comment.trailing) {
                    comment.target = comment.line;
                } else {
                    for (std::size_t next = index + 1; next < lines.size(); ++next) {
                        if (is_code(lines[next])) {
                            comment.target = static_cast<unsigned>(next + 1);
                            break;
                        }
                    }
                }
                found.push_back(std::move(comment));
            }
        }
    }
    std::stable_sort(
        found.begin(), found.end(),
        [](const SuppressionComment& a, const SuppressionComment& b) { return a.line < b.line; });
    return found;
}

}  // namespace bulwark
