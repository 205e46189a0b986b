#include "suppress/resource_glob.h"

#include <vector>

namespace bulwark {
namespace {

// Splits at `separator` outside `[...]` (and outside quotes inside brackets, where a Terraform
// instance key may hold dots or brackets). nullopt when a bracket is left open.
std::optional<std::vector<std::string_view>> split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    int depth = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
        } else if (depth > 0 && c == '"') {
            quoted = true;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']' && depth > 0) {
            --depth;
        } else if (c == separator && depth == 0) {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    if (depth > 0 || quoted) return std::nullopt;
    out.push_back(text.substr(start));
    return out;
}

// `*` matches any run of characters; the text is one segment already.
bool segment_match(std::string_view pattern, std::string_view text) {
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

// A pattern segment without an instance key also matches the segment's name alone.
bool segment_matches(std::string_view pattern, std::string_view text, char separator) {
    if (segment_match(pattern, text)) return true;
    if (separator != '.' || pattern.find('[') != std::string_view::npos) return false;
    const std::size_t key = text.find('[');
    return key != std::string_view::npos && segment_match(pattern, text.substr(0, key));
}

bool match_segments(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& text, std::size_t t, char separator) {
    if (p == pattern.size()) return t == text.size();
    if (pattern[p] == "**") {
        for (std::size_t next = t; next <= text.size(); ++next) {
            if (match_segments(pattern, p + 1, text, next, separator)) return true;
        }
        return false;
    }
    return t < text.size() && segment_matches(pattern[p], text[t], separator) &&
           match_segments(pattern, p + 1, text, t + 1, separator);
}

}  // namespace

std::optional<std::string> resource_glob_problem(std::string_view glob) {
    if (glob.empty()) return "an empty resource glob";
    // A glob with '/' is a construct path or CloudFormation address; without, it may be a
    // Terraform address, whose segments are judged.
    const char separator = glob.find('/') != std::string_view::npos ? '/' : '.';
    const auto segments = split(glob, separator);
    if (!segments) return "an unclosed '[' (an instance key needs its ']')";
    for (std::string_view segment : *segments) {
        if (segment.empty()) {
            return std::string("an empty segment (a doubled '") + separator +
                   "', or one at the start or end)";
        }
        if (segment != "**" && segment.find("**") != std::string_view::npos)
            return "'**' must be a whole segment (like a/**/b); '*' matches inside one";
    }
    return std::nullopt;
}

bool resource_glob_match(std::string_view glob, std::string_view name, char separator) {
    const auto pattern = split(glob, separator);
    const auto text = split(name, separator);
    if (!pattern || !text) return false;
    return match_segments(*pattern, 0, *text, 0, separator);
}

bool resource_glob_matches(std::string_view glob, const Resource& resource) {
    if (resource.format == SourceFormat::Terraform ||
        resource.format == SourceFormat::TerraformPlan) {
        return resource_glob_match(glob, resource.address, '.');
    }
    return resource_glob_match(glob, resource.address, '/') ||
           (!resource.construct_path.empty() &&
            resource_glob_match(glob, resource.construct_path, '/'));
}

}  // namespace bulwark
