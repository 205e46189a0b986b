#include "model/diagnostic.h"

namespace bulwark {

std::string_view to_string(DiagnosticCode code) {
    switch (code) {
        case DiagnosticCode::ParseError:
            return "parse-error";
        case DiagnosticCode::InvalidTemplate:
            return "invalid-template";
        case DiagnosticCode::UnresolvedReference:
            return "unresolved-reference";
        case DiagnosticCode::DuplicateKey:
            return "duplicate-key";
        case DiagnosticCode::FileTooLarge:
            return "file-too-large";
        case DiagnosticCode::BinaryFile:
            return "binary-file";
        case DiagnosticCode::UnreadableFile:
            return "unreadable-file";
        case DiagnosticCode::NestingTooDeep:
            return "nesting-too-deep";
        case DiagnosticCode::ExpansionLimit:
            return "expansion-limit";
        case DiagnosticCode::Unsupported:
            return "unsupported";
        case DiagnosticCode::InvalidSuppression:
            return "invalid-suppression";
        case DiagnosticCode::StaleSuppression:
            return "stale-suppression";
    }
    return "unknown";
}

std::string_view to_string(DiagnosticSeverity severity) {
    switch (severity) {
        case DiagnosticSeverity::Error:
            return "error";
        case DiagnosticSeverity::Warning:
            return "warning";
        case DiagnosticSeverity::Note:
            return "note";
    }
    return "error";
}

}  // namespace bulwark
