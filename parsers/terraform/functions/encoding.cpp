// Encoding functions: base64encode, base64decode, urlencode, csvdecode, yamlencode,
// yamldecode. (jsonencode / jsondecode are in json.cpp; the YAML writer in yaml_encoder.cpp.)

#include "io/document_reader.h"
#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_digit(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Go's base64.StdEncoding.DecodeString: padding required, line breaks ignored.
std::optional<std::string> base64_decode(std::string_view text) {
    std::string clean;
    clean.reserve(text.size());
    for (char c : text) {
        if (c != '\r' && c != '\n') clean += c;
    }
    if (clean.size() % 4 != 0) return std::nullopt;
    std::string out;
    out.reserve(clean.size() / 4 * 3);
    for (std::size_t i = 0; i < clean.size(); i += 4) {
        const bool last = i + 4 == clean.size();
        int digits[4];
        int count = 4;
        for (int k = 0; k < 4; ++k) {
            const char c = clean[i + static_cast<std::size_t>(k)];
            if (c == '=' && last && k >= 2) {
                count = std::min(count, k);
                digits[k] = 0;
                continue;
            }
            if (count < 4) return std::nullopt;  // data after padding
            digits[k] = base64_digit(c);
            if (digits[k] < 0) return std::nullopt;
        }
        if (count == 2 && clean[i + 3] != '=') return std::nullopt;
        const unsigned n =
            (static_cast<unsigned>(digits[0]) << 18) | (static_cast<unsigned>(digits[1]) << 12) |
            (static_cast<unsigned>(digits[2]) << 6) | static_cast<unsigned>(digits[3]);
        out += static_cast<char>((n >> 16) & 0xFF);
        if (count > 2) out += static_cast<char>((n >> 8) & 0xFF);
        if (count > 3) out += static_cast<char>(n & 0xFF);
    }
    return out;
}

// Go's encoding/csv with its defaults; nullopt and `error` set on malformed input.
std::optional<std::vector<std::vector<std::string>>> parse_csv(std::string_view text,
                                                               std::string& error) {
    std::vector<std::vector<std::string>> records;
    std::size_t p = 0;
    std::size_t line = 1;
    while (p < text.size()) {
        // Empty lines are skipped.
        if (text[p] == '\n' || (text[p] == '\r' && p + 1 < text.size() && text[p + 1] == '\n')) {
            p += text[p] == '\r' ? 2 : 1;
            ++line;
            continue;
        }
        std::vector<std::string> fields;
        while (true) {
            std::string field;
            if (p < text.size() && text[p] == '"') {
                ++p;
                while (true) {
                    if (p >= text.size()) {
                        error = "line " + std::to_string(line) +
                                ": extraneous or missing \" in quoted-field";
                        return std::nullopt;
                    }
                    const char c = text[p];
                    if (c == '"') {
                        if (p + 1 < text.size() && text[p + 1] == '"') {
                            field += '"';
                            p += 2;
                            continue;
                        }
                        ++p;
                        break;
                    }
                    if (c == '\r' && p + 1 < text.size() && text[p + 1] == '\n') {
                        ++p;
                        continue;  // \r\n inside a quoted field reads as \n
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++p;
                }
                if (p < text.size() && text[p] != ',' && text[p] != '\n' &&
                    !(text[p] == '\r' && p + 1 < text.size() && text[p + 1] == '\n')) {
                    error = "line " + std::to_string(line) +
                            ": extraneous or missing \" in quoted-field";
                    return std::nullopt;
                }
            } else {
                while (p < text.size() && text[p] != ',' && text[p] != '\n') {
                    if (text[p] == '\r' && p + 1 < text.size() && text[p + 1] == '\n') break;
                    if (text[p] == '"') {
                        error = "line " + std::to_string(line) + ": bare \" in non-quoted-field";
                        return std::nullopt;
                    }
                    field += text[p++];
                }
                if (p == text.size() && !field.empty() && field.back() == '\r') field.pop_back();
            }
            fields.push_back(std::move(field));
            if (p < text.size() && text[p] == ',') {
                ++p;
                continue;
            }
            break;
        }
        if (p < text.size()) {
            p += text[p] == '\r' ? 2 : 1;
            ++line;
        }
        records.push_back(std::move(fields));
        if (records.size() > detail::kMaxElements) {
            error = "more than " + std::to_string(detail::kMaxElements) + " rows";
            return std::nullopt;
        }
    }
    return records;
}

}  // namespace

std::string base64_encode(std::string_view input) {
    std::string out;
    out.reserve((input.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < input.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(input[i]) << 16) |
                           (static_cast<unsigned char>(input[i + 1]) << 8) |
                           static_cast<unsigned char>(input[i + 2]);
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63],
                kAlphabet[n & 63]};
    }
    if (i + 1 == input.size()) {
        const unsigned n = static_cast<unsigned char>(input[i]) << 16;
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == input.size()) {
        const unsigned n = (static_cast<unsigned char>(input[i]) << 16) |
                           (static_cast<unsigned char>(input[i + 1]) << 8);
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
    }
    return out;
}

Value fn_base64encode(std::vector<Value>& args, FunctionContext& context) {
    Call call("base64encode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    return call.string_result(base64_encode(*text));
}

Value fn_base64decode(std::vector<Value>& args, FunctionContext& context) {
    Call call("base64decode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    auto decoded = base64_decode(*text);
    if (!decoded) return call.fail("failed to decode base64 data");
    if (!detail::valid_utf8(*decoded)) {
        return call.fail("the result of decoding the provided string is not valid UTF-8");
    }
    return call.string_result(std::move(*decoded));
}

// Go's url.QueryEscape.
Value fn_urlencode(std::vector<Value>& args, FunctionContext& context) {
    Call call("urlencode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text->size());
    for (char c : *text) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
            b == '-' || b == '_' || b == '.' || b == '~') {
            out += c;
        } else if (b == ' ') {
            out += '+';
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        }
    }
    return call.string_result(std::move(out));
}

Value fn_csvdecode(std::vector<Value>& args, FunctionContext& context) {
    Call call("csvdecode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    std::string error;
    auto records = parse_csv(*text, error);
    if (!records) return call.fail(error);
    if (records->empty()) return call.fail("missing header line");
    const std::vector<std::string>& headers = records->front();
    for (std::size_t i = 0; i < headers.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            if (headers[k] == headers[i])
                return call.fail("duplicate column name \"" + headers[i] + "\"");
        }
    }
    Value::List rows;
    for (std::size_t r = 1; r < records->size(); ++r) {
        std::vector<std::string>& fields = (*records)[r];
        if (fields.size() != headers.size()) {
            return call.fail("record " + std::to_string(r) + " has " +
                             std::to_string(fields.size()) + " fields, but the header has " +
                             std::to_string(headers.size()));
        }
        Value::Map row;  // header names are unique (checked above)
        for (std::size_t f = 0; f < fields.size(); ++f) {
            row.push_back(
                Value::Entry{headers[f], call.range(), call.string_result(std::move(fields[f]))});
        }
        rows.push_back(call.map_result(std::move(row)));
    }
    return call.list_result(std::move(rows));
}

Value fn_yamlencode(std::vector<Value>& args, FunctionContext& context) {
    Call call("yamlencode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    return call.string_result(yaml_encode(call.arg(0)));
}

Value fn_yamldecode(std::vector<Value>& args, FunctionContext& context) {
    Call call("yamldecode", args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    if (!call.arg(0).is_string()) {
        return call.fail("argument must be a string, got " +
                         std::string(detail::kind_name(call.arg(0))));
    }
    ReadResult read = read_yaml(call.arg(0).as_string(), call.range().file);
    if (!read.value) {
        std::string message = "invalid YAML";
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
