#pragma once

// Small text helpers shared by readers, rules and reporters. ASCII only: the identifiers they
// compare (AWS actions, condition keys, rule IDs, protocol names) are ASCII by definition.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace bulwark {

// One character to lower case without a locale lookup (these sit in inner loops: IAM wildcard
// matching, secret-pattern clues).
constexpr char ascii_fold(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = ascii_fold(c);
    return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_fold(x) == ascii_fold(y);
           });
}

inline std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

}  // namespace bulwark
