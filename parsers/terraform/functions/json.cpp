// jsonencode / jsondecode. The encoder writes what Terraform writes (cty's JSON marshalling
// through Go's encoding/json): compact, object keys sorted, numbers in plain decimal, and
// strings with <, >, &, U+2028 and U+2029 escaped.

#include <algorithm>

#include "io/document_reader.h"
#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_escape(std::string& out, unsigned code) {
    out += "\\u";
    out += kHex[(code >> 12) & 0xF];
    out += kHex[(code >> 8) & 0xF];
    out += kHex[(code >> 4) & 0xF];
    out += kHex[code & 0xF];
}

void append_quoted(std::string& out, std::string_view text) {
    out += '"';
    while (!text.empty()) {
        const auto c = static_cast<unsigned char>(text[0]);
        if (c < 0x80) {
            switch (c) {
                case '"':
                    out += "\\\"";
                    break;
                case '\\':
                    out += "\\\\";
                    break;
                case '\b':
                    out += "\\b";
                    break;
                case '\f':
                    out += "\\f";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                case '<':
                case '>':
                case '&':
                    append_escape(out, c);
                    break;
                default:
                    if (c < 0x20) {
                        append_escape(out, c);
                    } else {
                        out += static_cast<char>(c);
                    }
            }
            text.remove_prefix(1);
            continue;
        }
        std::size_t length = 0;
        const char32_t code = detail::decode_utf8(text, length);
        if (code == 0xFFFD && length == 1) {
            out += "\\ufffd";  // invalid UTF-8, as Go writes it
        } else if (code == 0x2028 || code == 0x2029) {
            append_escape(out, code);
        } else {
            out += text.substr(0, length);
        }
        text.remove_prefix(length);
    }
    out += '"';
}

void append_json(std::string& out, const Value& value) {
    switch (value.kind()) {
        case ValueKind::Null:
        case ValueKind::Unknown:
            out += "null";
            break;
        case ValueKind::Bool:
            out += value.as_bool() ? "true" : "false";
            break;
        case ValueKind::Number:
            out += detail::number_text(value.as_number());
            break;
        case ValueKind::String:
            append_quoted(out, value.as_string());
            break;
        case ValueKind::List: {
            out += '[';
            bool first = true;
            for (const Value& item : value.as_list()) {
                if (!first) out += ',';
                first = false;
                append_json(out, item);
            }
            out += ']';
            break;
        }
        case ValueKind::Map: {
            std::vector<const Value::Entry*> entries;
            for (const Value::Entry& entry : value.as_map())
                entries.push_back(&entry);
            std::stable_sort(
                entries.begin(), entries.end(),
                [](const Value::Entry* a, const Value::Entry* b) { return a->key < b->key; });
            out += '{';
            bool first = true;
            for (const Value::Entry* entry : entries) {
                if (!first) out += ',';
                first = false;
                append_quoted(out, entry->key);
                out += ':';
                append_json(out, entry->value);
            }
            out += '}';
            break;
        }
    }
}

}  // namespace

std::string json_quote(std::string_view text) {
    std::string out;
    append_quoted(out, text);
    return out;
}

std::string json_encode(const Value& value) {
    std::string out;
    append_json(out, value);
    return out;
}

Value fn_jsonencode(std::vector<Value>& args, FunctionContext& context) {
    Call call("jsonencode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    return call.string_result(json_encode(call.arg(0)));
}

Value fn_jsondecode(std::vector<Value>& args, FunctionContext& context) {
    Call call("jsondecode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (!call.arg(0).is_string()) {
        return call.fail("argument must be a string, got " +
                         std::string(detail::kind_name(call.arg(0))));
    }
    ReadResult read = read_json(call.arg(0).as_string(), call.range().file);
    if (!read.value) {
        std::string message = "invalid JSON";
        for (const Diagnostic& diagnostic : read.diagnostics) {
            if (diagnostic.severity == DiagnosticSeverity::Error) {
                message += " (line " + std::to_string(diagnostic.position.line) + ", column " +
                           std::to_string(diagnostic.position.column) +
                           " of the string): " + diagnostic.message;
                break;
            }
        }
        return call.fail(message);
    }
    detail::point_at(*read.value, call.range());
    return std::move(*read.value);
}

}  // namespace bulwark::terraform::builtin
