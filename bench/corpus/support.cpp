#include "support.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace corpus {

void Writer::write(const std::string& relative, const std::string& content) {
    const std::filesystem::path path = root_ / relative;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (ec || !out) {
        std::fprintf(stderr, "bulwark_corpus: cannot write %s\n", path.string().c_str());
        std::exit(1);
    }
    ++files_;
    bytes_ += content.size();
}

const std::vector<std::string>& services() {
    static const std::vector<std::string> kServices = {
        "payments",  "ledger",   "billing",   "identity",  "catalog",   "search",     "orders",
        "inventory", "shipping", "notify",    "analytics", "reporting", "audit",      "fraud",
        "pricing",   "checkout", "customers", "media",     "messaging", "scheduler",  "loyalty",
        "refunds",   "payouts",  "invoicing", "kyc",       "risk",      "telemetry",  "gateway",
        "documents", "exports",  "webhooks",  "partners",  "support",   "onboarding", "settlement",
        "treasury",  "accounts", "cards",     "lending",   "insights"};
    return kServices;
}

const std::vector<std::string>& teams() {
    static const std::vector<std::string> kTeams = {"platform", "data",     "core",    "edge",
                                                    "growth",   "security", "finance", "ops"};
    return kTeams;
}

const std::vector<std::string>& stages() {
    static const std::vector<std::string> kStages = {"prod", "staging", "dev",
                                                     "qa",   "sandbox", "perf"};
    return kStages;
}

const std::vector<std::string>& regions() {
    static const std::vector<std::string> kRegions = {"eu-west-1", "eu-central-1",   "us-east-1",
                                                      "us-west-2", "ap-southeast-2", "eu-north-1"};
    return kRegions;
}

const std::vector<std::string>& data_nouns() {
    static const std::vector<std::string> kNouns = {
        "statements", "exports", "uploads",   "archive",   "reports",  "artifacts", "backups",
        "raw",        "curated", "snapshots", "documents", "invoices", "receipts",  "media",
        "logs",       "events",  "staging",   "ingest",    "audit",    "models"};
    return kNouns;
}

const std::vector<std::string>& entity_nouns() {
    static const std::vector<std::string> kNouns = {
        "orders",   "customers", "sessions", "payments", "accounts",  "transfers", "devices",
        "tokens",   "events",    "invoices", "products", "carts",     "refunds",   "mandates",
        "webhooks", "jobs",      "ledgers",  "limits",   "merchants", "disputes"};
    return kNouns;
}

std::string region_short(std::string_view region) {
    // eu-west-1 -> euw1, ap-southeast-2 -> aps2
    std::string out;
    std::size_t part = 0;
    for (std::size_t i = 0; i < region.size(); ++i) {
        if (region[i] == '-') {
            ++part;
            continue;
        }
        if (part == 0 || std::isdigit(static_cast<unsigned char>(region[i])) ||
            (part == 1 && (i == 0 || region[i - 1] == '-'))) {
            out += region[i];
        }
    }
    return out;
}

std::string pascal(std::string_view kebab) {
    std::string out;
    bool upper = true;
    for (char c : kebab) {
        if (c == '-' || c == '_' || c == '/' || c == '.') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

std::string snake(std::string_view kebab) {
    std::string out(kebab);
    for (char& c : out) {
        if (c == '-' || c == '/' || c == '.') c = '_';
    }
    return out;
}

std::string hex_id(Rng& rng, int digits) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < digits; ++i)
        out += kHex[rng.below(16)];
    return out;
}

std::string account_id(Rng& rng) {
    std::string out;
    out += static_cast<char>('1' + rng.below(9));
    for (int i = 0; i < 11; ++i)
        out += static_cast<char>('0' + rng.below(10));
    return out;
}

std::string with_suffix(const std::string& base, std::size_t n) {
    return n <= 1 ? base : base + "-" + std::to_string(n);
}

std::string fill(std::string_view text, std::initializer_list<Sub> values) {
    std::string out;
    out.reserve(text.size() + 256);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = text.find('@', i);
        const std::size_t end = at == std::string_view::npos ? at : text.find('@', at + 1);
        if (end == std::string_view::npos) break;
        const std::string_view name = text.substr(at + 1, end - at - 1);
        const bool placeholder = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return std::islower(static_cast<unsigned char>(c)) ||
                   std::isdigit(static_cast<unsigned char>(c)) || c == '_';
        });
        if (!placeholder) {  // a lone '@' in the text
            out.append(text.substr(i, at + 1 - i));
            i = at + 1;
            continue;
        }
        const Sub* value = nullptr;
        for (const Sub& candidate : values)
            if (candidate.name == name) value = &candidate;
        if (value == nullptr) {
            std::fprintf(stderr, "bulwark_corpus: template has no value for @%.*s@\n",
                         static_cast<int>(name.size()), name.data());
            std::abort();
        }
        out.append(text.substr(i, at - i));
        out += value->value;
        i = end + 1;
    }
    out.append(text.substr(i));
    return out;
}

}  // namespace corpus
