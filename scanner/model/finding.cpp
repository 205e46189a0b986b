#include "model/finding.h"

#include "util/sha256.h"

namespace bulwark {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::Critical:
            return "critical";
        case Severity::High:
            return "high";
        case Severity::Medium:
            return "medium";
        case Severity::Low:
            return "low";
        case Severity::Info:
            return "info";
    }
    return "info";
}

std::optional<Severity> parse_severity(std::string_view text) {
    for (Severity s :
         {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
        if (to_string(s) == text) return s;
    }
    return std::nullopt;
}

std::string_view to_string(FindingStatus status) {
    switch (status) {
        case FindingStatus::Failed:
            return "failed";
        case FindingStatus::Suppressed:
            return "suppressed";
        case FindingStatus::Baselined:
            return "baselined";
    }
    return "failed";
}

std::string finding_fingerprint(std::string_view rule_id, std::string_view address,
                                std::string_view file_path, std::string_view scope) {
    std::string material;
    material.append(rule_id).push_back('\0');
    material.append(address).push_back('\0');
    material.append(file_path);
    if (!scope.empty() && scope != file_path) material.append(1, '\0').append(scope);
    return sha256_hex(material).substr(0, 32);
}

}  // namespace bulwark
