#include "io/value_codec.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace bulwark {
namespace {

// "BWV" and a format version: a binary written by another version of this code is rejected.
constexpr std::string_view kMagic = "BWV1";

class Writer {
  public:
    void varint(std::uint64_t n) {
        while (n >= 0x80) {
            out_.push_back(static_cast<char>((n & 0x7f) | 0x80));
            n >>= 7;
        }
        out_.push_back(static_cast<char>(n));
    }
    void text(std::string_view s) {
        varint(s.size());
        out_.append(s);
    }
    void range(const SourceRange& r) {
        varint(r.file == kNoFile ? 0 : std::uint64_t{r.file} + 1);
        varint(r.begin.line);
        varint(r.begin.column);
        varint(r.end.line);
        varint(r.end.column);
    }
    void value(const Value& v) {
        out_.push_back(static_cast<char>(v.kind()));
        range(v.range());
        switch (v.kind()) {
            case ValueKind::Null:
                break;
            case ValueKind::Bool:
                out_.push_back(v.as_bool() ? 1 : 0);
                break;
            case ValueKind::Number:
                varint(std::bit_cast<std::uint64_t>(v.as_number()));
                break;
            case ValueKind::String:
                text(v.as_string());
                break;
            case ValueKind::List:
                varint(v.as_list().size());
                for (const Value& item : v.as_list())
                    value(item);
                break;
            case ValueKind::Map:
                varint(v.as_map().size());
                for (const Value::Entry& entry : v.as_map()) {
                    text(entry.key);
                    range(entry.key_range);
                    value(entry.value);
                }
                break;
            case ValueKind::Unknown: {
                const Unknown& unknown = v.as_unknown();
                text(unknown.reason);
                text(unknown.partial);
                varint(unknown.references.size());
                for (const Reference& reference : unknown.references) {
                    text(reference.target);
                    text(reference.attribute);
                }
                break;
            }
        }
    }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

// Every read is bounds-checked; the first failure sets `ok_` false and reads return zeros.
class Reader {
  public:
    Reader(std::string_view bytes, std::size_t max_depth,
           std::span<const std::string_view> skipped_root_keys = {})
        : in_(bytes), max_depth_(max_depth), skipped_root_keys_(skipped_root_keys) {}

    bool ok() const { return ok_; }
    bool at_end() const { return in_.empty(); }

    bool expect(std::string_view prefix) {
        if (!in_.starts_with(prefix)) return fail();
        in_.remove_prefix(prefix.size());
        return true;
    }

    std::optional<Value> value(std::size_t depth = 0) {
        if (depth > max_depth_ || in_.empty()) return fail_value();
        const auto kind = static_cast<std::uint8_t>(in_.front());
        in_.remove_prefix(1);
        const SourceRange at = range();
        switch (static_cast<ValueKind>(kind)) {
            case ValueKind::Null:
                return ok_ ? std::optional(Value::null(at)) : std::nullopt;
            case ValueKind::Bool: {
                if (in_.empty()) return fail_value();
                const char flag = in_.front();
                in_.remove_prefix(1);
                if (flag != 0 && flag != 1) return fail_value();
                return ok_ ? std::optional(Value::boolean(flag == 1, at)) : std::nullopt;
            }
            case ValueKind::Number: {
                const double n = std::bit_cast<double>(varint());
                return ok_ ? std::optional(Value::number(n, at)) : std::nullopt;
            }
            case ValueKind::String: {
                std::string s = text();
                return ok_ ? std::optional(Value::string(std::move(s), at)) : std::nullopt;
            }
            case ValueKind::List: {
                const std::uint64_t count = varint();
                // Every item takes at least one byte: a count beyond what is left is corrupt.
                if (!ok_ || count > in_.size()) return fail_value();
                Value::List items;
                items.reserve(count);
                for (std::uint64_t i = 0; i < count; ++i) {
                    auto item = value(depth + 1);
                    if (!item) return std::nullopt;
                    items.push_back(std::move(*item));
                }
                return Value::list(std::move(items), at);
            }
            case ValueKind::Map: {
                const std::uint64_t count = varint();
                if (!ok_ || count > in_.size()) return fail_value();
                Value::Map entries;
                entries.reserve(count);
                for (std::uint64_t i = 0; i < count; ++i) {
                    std::string key = text();
                    const SourceRange key_range = range();
                    if (depth == 0 && skipped(key)) {
                        const SourceRange at_value = skip(depth + 1);
                        if (!ok_) return std::nullopt;
                        entries.push_back({std::move(key), key_range, Value::null(at_value)});
                        continue;
                    }
                    auto item = value(depth + 1);
                    if (!item) return std::nullopt;
                    entries.push_back({std::move(key), key_range, std::move(*item)});
                }
                return Value::map(std::move(entries), at);
            }
            case ValueKind::Unknown: {
                std::string reason = text();
                std::string partial = text();
                const std::uint64_t count = varint();
                if (!ok_ || count > in_.size()) return fail_value();
                std::vector<Reference> references;
                for (std::uint64_t i = 0; i < count && ok_; ++i) {
                    std::string target = text();
                    references.push_back({std::move(target), text()});
                }
                if (!ok_) return std::nullopt;
                return Value::unknown_text(std::move(partial), std::move(reason),
                                           std::move(references), at);
            }
        }
        return fail_value();
    }

  private:
    bool skipped(std::string_view key) const {
        return std::find(skipped_root_keys_.begin(), skipped_root_keys_.end(), key) !=
               skipped_root_keys_.end();
    }

    // Reads past one value, checked as value() checks it, without building it; its range.
    SourceRange skip(std::size_t depth) {
        if (depth > max_depth_ || in_.empty()) {
            fail();
            return {};
        }
        const auto kind = static_cast<std::uint8_t>(in_.front());
        in_.remove_prefix(1);
        const SourceRange at = range();
        switch (static_cast<ValueKind>(kind)) {
            case ValueKind::Null:
                break;
            case ValueKind::Bool:
                if (in_.empty() || (in_.front() != 0 && in_.front() != 1)) {
                    fail();
                    break;
                }
                in_.remove_prefix(1);
                break;
            case ValueKind::Number:
                varint();
                break;
            case ValueKind::String:
                skip_text();
                break;
            case ValueKind::List: {
                const std::uint64_t count = varint();
                if (!ok_ || count > in_.size()) {
                    fail();
                    break;
                }
                for (std::uint64_t i = 0; i < count && ok_; ++i)
                    skip(depth + 1);
                break;
            }
            case ValueKind::Map: {
                const std::uint64_t count = varint();
                if (!ok_ || count > in_.size()) {
                    fail();
                    break;
                }
                for (std::uint64_t i = 0; i < count && ok_; ++i) {
                    skip_text();
                    range();
                    skip(depth + 1);
                }
                break;
            }
            case ValueKind::Unknown: {
                skip_text();
                skip_text();
                const std::uint64_t count = varint();
                if (!ok_ || count > in_.size()) {
                    fail();
                    break;
                }
                for (std::uint64_t i = 0; i < count && ok_; ++i) {
                    skip_text();
                    skip_text();
                }
                break;
            }
            default:
                fail();
        }
        return at;
    }

    void skip_text() {
        const std::uint64_t size = varint();
        if (!ok_ || size > in_.size()) {
            fail();
            return;
        }
        in_.remove_prefix(size);
    }

    bool fail() {
        ok_ = false;
        return false;
    }
    std::optional<Value> fail_value() {
        ok_ = false;
        return std::nullopt;
    }

    std::uint64_t varint() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (in_.empty()) break;
            const auto byte = static_cast<std::uint8_t>(in_.front());
            in_.remove_prefix(1);
            n |= std::uint64_t{byte & 0x7fu} << shift;
            if ((byte & 0x80) == 0) return n;
        }
        fail();
        return 0;
    }

    std::uint32_t small() {
        const std::uint64_t n = varint();
        if (n > UINT32_MAX) fail();
        return ok_ ? static_cast<std::uint32_t>(n) : 0;
    }

    std::string text() {
        const std::uint64_t size = varint();
        if (!ok_ || size > in_.size()) {
            fail();
            return {};
        }
        std::string s(in_.substr(0, size));
        in_.remove_prefix(size);
        return s;
    }

    SourceRange range() {
        SourceRange r;
        const std::uint32_t file = small();
        r.file = file == 0 ? kNoFile : file - 1;
        r.begin.line = small();
        r.begin.column = small();
        r.end.line = small();
        r.end.column = small();
        return r;
    }

    std::string_view in_;
    std::size_t max_depth_;
    std::span<const std::string_view> skipped_root_keys_;
    bool ok_ = true;
};

}  // namespace

std::string encode_value(const Value& value) {
    Writer writer;
    for (char c : kMagic)
        writer.varint(static_cast<unsigned char>(c));
    writer.value(value);
    return writer.take();
}

std::optional<Value> decode_value(std::string_view bytes, std::size_t max_depth) {
    return decode_value_without(bytes, {}, max_depth);
}

std::optional<Value> decode_value_without(std::string_view bytes,
                                          std::span<const std::string_view> skipped_root_keys,
                                          std::size_t max_depth) {
    Reader reader(bytes, max_depth, skipped_root_keys);
    if (!reader.expect(kMagic)) return std::nullopt;
    auto value = reader.value();
    if (!value || !reader.ok() || !reader.at_end()) return std::nullopt;
    return value;
}

}  // namespace bulwark
