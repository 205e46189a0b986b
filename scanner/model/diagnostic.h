#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/source_range.h"

namespace bulwark {

// The closed set of problems Bulwark reports about its inputs (never about the infrastructure).
enum class DiagnosticCode : std::uint8_t {
    ParseError,           // the file is not valid YAML / JSON / HCL
    InvalidTemplate,      // parses, but a section or resource has the wrong shape
    UnresolvedReference,  // Ref / GetAtt / Condition to a name that does not exist
    DuplicateKey,         // the same key twice in one mapping
    FileTooLarge,
    BinaryFile,
    UnreadableFile,
    NestingTooDeep,
    ExpansionLimit,      // YAML aliases or evaluation grew past the limit
    Unsupported,         // a construct Bulwark does not evaluate (reported once per site)
    InvalidSuppression,  // a suppression with a syntax mistake, an unknown rule, no reason
    StaleSuppression,    // a suppression that expired or no longer matches anything
};

enum class DiagnosticSeverity : std::uint8_t { Error, Warning, Note };

struct Diagnostic {
    FileId file = kNoFile;
    SourcePosition position;
    DiagnosticSeverity severity = DiagnosticSeverity::Error;
    DiagnosticCode code = DiagnosticCode::ParseError;
    std::string message;
};

std::string_view to_string(DiagnosticCode code);
std::string_view to_string(DiagnosticSeverity severity);

}  // namespace bulwark
