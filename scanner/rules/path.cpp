#include "rules/path.h"

#include <charconv>

namespace bulwark {
namespace {

constexpr std::string_view kResourcePrefix = "$resource";

bool is_plain_key_char(char c) {
    return c != '.' && c != '[' && c != ']' && c != '"' && c != '\'';
}

void step(const Value& value, const PathSegment& segment, std::vector<const Value*>& out,
          const Value*& unknown_at) {
    if (value.is_unknown()) {
        if (unknown_at == nullptr) unknown_at = &value;
        return;
    }
    switch (segment.kind) {
        case PathSegment::Kind::Key:
            if (const Value* child = value.find(segment.key)) out.push_back(child);
            break;
        case PathSegment::Kind::Index:
            if (value.is_list() && segment.index < value.as_list().size()) {
                out.push_back(&value.as_list()[segment.index]);
            }
            break;
        case PathSegment::Kind::Wildcard:
            if (value.is_list()) {
                for (const Value& item : value.as_list())
                    out.push_back(&item);
            } else if (!value.is_null()) {
                out.push_back(&value);  // one value where a list is allowed
            }
            break;
    }
}

}  // namespace

ResourceView::ResourceView(const Resource& r)
    : resource(r),
      type(Value::string(r.type, r.range)),
      address(Value::string(r.address, r.range)) {}

std::variant<Path, std::string> parse_path(std::string_view text) {
    Path path;
    path.text = std::string(text);
    std::string_view rest = text;
    if (rest.starts_with(kResourcePrefix)) {
        path.root = Path::Root::Resource;
        rest.remove_prefix(kResourcePrefix.size());
        if (!rest.starts_with('.')) return std::string("$resource must be followed by .Name");
        rest.remove_prefix(1);
    } else if (rest.starts_with('$')) {
        return std::string("unknown path root; the only one is $resource");
    }
    bool expect_key = true;
    while (!rest.empty()) {
        if (rest.front() == '[') {
            const std::size_t close = rest.find(']');
            if (close == std::string_view::npos) return std::string("unclosed '['");
            std::string_view inside = rest.substr(1, close - 1);
            rest.remove_prefix(close + 1);
            PathSegment segment;
            if (inside == "*") {
                segment.kind = PathSegment::Kind::Wildcard;
            } else if (inside.size() >= 2 && (inside.front() == '"' || inside.front() == '\'') &&
                       inside.back() == inside.front()) {
                segment.kind = PathSegment::Kind::Key;
                segment.key = std::string(inside.substr(1, inside.size() - 2));
            } else {
                segment.kind = PathSegment::Kind::Index;
                auto [end, error] =
                    std::from_chars(inside.data(), inside.data() + inside.size(), segment.index);
                if (error != std::errc() || end != inside.data() + inside.size()) {
                    return "'[" + std::string(inside) +
                           "]' is not an index, [*] or a quoted key such as [\"aws:Key\"]";
                }
            }
            path.segments.push_back(std::move(segment));
            expect_key = false;
            continue;
        }
        if (rest.front() == '.') {
            if (expect_key) return std::string("empty name in path");
            rest.remove_prefix(1);
            expect_key = true;
            if (rest.empty()) return std::string("path ends with '.'");
            continue;
        }
        if (!expect_key) return std::string("expected '.' or '[' in path");
        std::size_t length = 0;
        while (length < rest.size() && is_plain_key_char(rest[length]))
            ++length;
        if (length == 0) return "unexpected '" + std::string(1, rest.front()) + "' in path";
        path.segments.push_back(
            PathSegment{PathSegment::Kind::Key, std::string(rest.substr(0, length)), 0});
        rest.remove_prefix(length);
        expect_key = false;
    }
    if (path.segments.empty() && path.root == Path::Root::Resource) {
        return std::string("$resource needs an attribute name");
    }
    if (path.segments.empty()) return std::string("empty path");
    return path;
}

Selection select(const Path& path, const Value& current, const ResourceView& resource) {
    Selection selection;
    std::vector<const Value*> frontier;
    std::size_t first = 0;
    if (path.root == Path::Root::Resource) {
        const std::string& name = path.segments.front().key;
        if (name == "Type") {
            frontier.push_back(&resource.type);
        } else if (name == "Address") {
            frontier.push_back(&resource.address);
        } else if (const Value* attribute = resource.resource.attributes.find(name)) {
            frontier.push_back(attribute);
        }
        first = 1;
    } else {
        frontier.push_back(&current);
    }
    std::vector<const Value*> next;
    for (std::size_t i = first; i < path.segments.size() && !frontier.empty(); ++i) {
        next.clear();
        for (const Value* value : frontier)
            step(*value, path.segments[i], next, selection.unknown_at);
        if (next.empty() && i > first) selection.deepest = frontier.front();
        frontier.swap(next);
    }
    for (const Value* value : frontier) {
        if (!value->is_null()) selection.values.push_back(value);
    }
    return selection;
}

}  // namespace bulwark
