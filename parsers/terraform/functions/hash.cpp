// Hash and crypto functions. The digests (md5, sha1, sha256, sha512, base64sha256,
// base64sha512, their file* forms) and uuidv5 are computed: they are reproducible. uuid,
// bcrypt (random salt), timestamp and plantimestamp are not: they give an Unknown without a
// diagnostic.

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/digest.h"
#include "parsers/terraform/functions/function_support.h"

namespace bulwark::terraform::builtin {

using detail::Call;
using Unknowns = detail::Call::Unknowns;

namespace {

using Digest = std::string (*)(std::string_view);

Value string_digest(std::string_view name, std::vector<Value>& args, FunctionContext& context,
                    Digest digest, bool base64) {
    Call call(name, args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto text = call.string(0);
    if (!text) return call.failure();
    const std::string bytes = digest(*text);
    return call.string_result(base64 ? base64_encode(bytes) : detail::hex(bytes));
}

Value file_digest(std::string_view name, std::vector<Value>& args, FunctionContext& context,
                  Digest digest, bool base64) {
    Call call(name, args, context);
    if (auto early = call.start(1, 1, Unknowns::Deep)) return *early;
    auto contents = read_contained_file(call);
    if (!contents) return call.failure();
    const std::string bytes = digest(*contents);
    return call.string_result(base64 ? base64_encode(bytes) : detail::hex(bytes));
}

Value unknowable(std::string_view name, std::vector<Value>& args, FunctionContext& context,
                 std::size_t min, std::size_t max, std::string_view why) {
    Call call(name, args, context);
    if (auto early = call.start(min, max, Unknowns::Manual)) return *early;
    return detail::not_reproducible(name, why, context);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// google/uuid's Parse: 36-character form, "urn:uuid:" prefix, braces, or 32 hex digits.
std::optional<std::string> parse_uuid(std::string_view text) {
    if (text.size() == 45 && text.starts_with("urn:uuid:")) text.remove_prefix(9);
    if (text.size() == 38 && text.front() == '{' && text.back() == '}') {
        text = text.substr(1, 36);
    }
    std::string digits;
    if (text.size() == 36) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash != (text[i] == '-')) return std::nullopt;
            if (!dash) digits += text[i];
        }
    } else if (text.size() == 32) {
        digits = text;
    } else {
        return std::nullopt;
    }
    std::string bytes;
    for (std::size_t i = 0; i < digits.size(); i += 2) {
        const int high = hex_digit(digits[i]);
        const int low = hex_digit(digits[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        bytes += static_cast<char>(high * 16 + low);
    }
    return bytes;
}

}  // namespace

Value fn_md5(std::vector<Value>& args, FunctionContext& context) {
    return string_digest("md5", args, context, detail::md5_digest, false);
}
Value fn_sha1(std::vector<Value>& args, FunctionContext& context) {
    return string_digest("sha1", args, context, detail::sha1_digest, false);
}
Value fn_sha256(std::vector<Value>& args, FunctionContext& context) {
    return string_digest("sha256", args, context, detail::sha256_digest, false);
}
Value fn_sha512(std::vector<Value>& args, FunctionContext& context) {
    return string_digest("sha512", args, context, detail::sha512_digest, false);
}
Value fn_base64sha256(std::vector<Value>& args, FunctionContext& context) {
    return string_digest("base64sha256", args, context, detail::sha256_digest, true);
}
Value fn_base64sha512(std::vector<Value>& args, FunctionContext& context) {
    return string_digest("base64sha512", args, context, detail::sha512_digest, true);
}

Value fn_filemd5(std::vector<Value>& args, FunctionContext& context) {
    return file_digest("filemd5", args, context, detail::md5_digest, false);
}
Value fn_filesha1(std::vector<Value>& args, FunctionContext& context) {
    return file_digest("filesha1", args, context, detail::sha1_digest, false);
}
Value fn_filesha256(std::vector<Value>& args, FunctionContext& context) {
    return file_digest("filesha256", args, context, detail::sha256_digest, false);
}
Value fn_filesha512(std::vector<Value>& args, FunctionContext& context) {
    return file_digest("filesha512", args, context, detail::sha512_digest, false);
}
Value fn_filebase64sha256(std::vector<Value>& args, FunctionContext& context) {
    return file_digest("filebase64sha256", args, context, detail::sha256_digest, true);
}
Value fn_filebase64sha512(std::vector<Value>& args, FunctionContext& context) {
    return file_digest("filebase64sha512", args, context, detail::sha512_digest, true);
}

Value fn_uuid(std::vector<Value>& args, FunctionContext& context) {
    return unknowable("uuid", args, context, 0, 0, "a random UUID is known only after apply");
}
Value fn_bcrypt(std::vector<Value>& args, FunctionContext& context) {
    return unknowable("bcrypt", args, context, 1, 2, "a bcrypt hash uses a random salt");
}
Value fn_timestamp(std::vector<Value>& args, FunctionContext& context) {
    return unknowable("timestamp", args, context, 0, 0, "the current time is known only at apply");
}
Value fn_plantimestamp(std::vector<Value>& args, FunctionContext& context) {
    return unknowable("plantimestamp", args, context, 0, 0,
                      "the current time is known only at plan");
}

Value fn_uuidv5(std::vector<Value>& args, FunctionContext& context) {
    Call call("uuidv5", args, context);
    if (auto early = call.start(2, 2, Unknowns::Deep)) return *early;
    auto space = call.string(0);
    if (!space) return call.failure();
    auto name = call.string(1);
    if (!name) return call.failure();
    std::optional<std::string> namespace_bytes;
    if (*space == "dns") {
        namespace_bytes = parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    } else if (*space == "url") {
        namespace_bytes = parse_uuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    } else if (*space == "oid") {
        namespace_bytes = parse_uuid("6ba7b812-9dad-11d1-80b4-00c04fd430c8");
    } else if (*space == "x500") {
        namespace_bytes = parse_uuid("6ba7b814-9dad-11d1-80b4-00c04fd430c8");
    } else {
        namespace_bytes = parse_uuid(*space);
    }
    if (!namespace_bytes) return call.fail("uuidv5() doesn't support namespace " + *space);
    std::string uuid = detail::sha1_digest(*namespace_bytes + *name).substr(0, 16);
    uuid[6] = static_cast<char>((static_cast<unsigned char>(uuid[6]) & 0x0F) | 0x50);
    uuid[8] = static_cast<char>((static_cast<unsigned char>(uuid[8]) & 0x3F) | 0x80);
    const std::string digits = detail::hex(uuid);
    return call.string_result(digits.substr(0, 8) + "-" + digits.substr(8, 4) + "-" +
                              digits.substr(12, 4) + "-" + digits.substr(16, 4) + "-" +
                              digits.substr(20));
}

}  // namespace bulwark::terraform::builtin
