#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <string>

#include "io/document_reader.h"
#include "io/scalar.h"

namespace bulwark {
namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

SourcePosition position_of(const yaml_mark_t& mark) {
    return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

// libyaml gives a byte offset, not a mark, for input it cannot decode (bytes that are not UTF-8).
SourcePosition position_at_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line_start =
        before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    return {static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1),
            static_cast<std::uint32_t>(offset - line_start + 1)};
}

std::string_view text_of(const yaml_char_t* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

struct Frame {
    bool is_map = false;
    Value value;
    std::string anchor;
    std::string tag;
    SourcePosition begin;
    bool have_key = false;
    std::string key;
    SourceRange key_range;
    bool key_is_merge = false;
};

class YamlBuilder {
  public:
    YamlBuilder(FileId file, const ReadLimits& limits, const TagHandler& tag_handler,
                std::vector<Diagnostic>& diagnostics)
        : file_(file), limits_(limits), tag_handler_(tag_handler), diagnostics_(diagnostics) {}

    // Returns false when reading must stop (a fatal problem was reported).
    bool handle(const yaml_event_t& event) {
        switch (event.type) {
            case YAML_SCALAR_EVENT:
                return on_scalar(event);
            case YAML_SEQUENCE_START_EVENT:
                return on_collection_start(false, text_of(event.data.sequence_start.anchor),
                                           text_of(event.data.sequence_start.tag), event);
            case YAML_MAPPING_START_EVENT:
                return on_collection_start(true, text_of(event.data.mapping_start.anchor),
                                           text_of(event.data.mapping_start.tag), event);
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                return on_collection_end(event);
            case YAML_ALIAS_EVENT:
                return on_alias(event);
            case YAML_DOCUMENT_END_EVENT:
                done_ = true;
                return true;
            default:
                return true;
        }
    }

    bool done() const { return done_; }
    std::optional<Value> take_root() { return std::move(root_); }

  private:
    SourceRange range(const yaml_event_t& event) const {
        return SourceRange{file_, position_of(event.start_mark), position_of(event.end_mark)};
    }

    void report(SourcePosition at, DiagnosticSeverity severity, DiagnosticCode code,
                std::string message) {
        diagnostics_.push_back(Diagnostic{file_, at, severity, code, std::move(message)});
    }

    bool count_nodes(std::size_t n, SourcePosition at) {
        nodes_ += n;
        if (nodes_ <= limits_.max_nodes) return true;
        report(at, DiagnosticSeverity::Error, DiagnosticCode::ExpansionLimit,
               "document expands to more than " + std::to_string(limits_.max_nodes) +
                   " nodes (YAML aliases?); the file is not scanned");
        return false;
    }

    Value apply_tag(std::string_view tag, Value node) {
        if (tag.empty() || tag == "!") return node;
        if (tag.starts_with(kCoreTagPrefix)) return node;  // resolved while reading the scalar
        if (tag_handler_) return tag_handler_(tag, std::move(node), diagnostics_);
        return node;
    }

    bool on_scalar(const yaml_event_t& event) {
        const auto& scalar = event.data.scalar;
        const std::string_view text(reinterpret_cast<const char*>(scalar.value), scalar.length);
        const std::string_view tag = text_of(scalar.tag);
        SourceRange where = range(event);
        if (!count_nodes(1, where.begin)) return false;

        // A key.
        if (!frames_.empty() && frames_.back().is_map && !frames_.back().have_key) {
            Frame& frame = frames_.back();
            frame.have_key = true;
            frame.key.assign(text);
            frame.key_range = where;
            frame.key_is_merge =
                text == "<<" && scalar.style == YAML_PLAIN_SCALAR_STYLE && tag.empty();
            return true;
        }

        Value value;
        const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
        if (tag.starts_with(kCoreTagPrefix)) {
            const std::string_view core = tag.substr(kCoreTagPrefix.size());
            value = core == "str" ? Value::string(std::string(text), where)
                                  : resolve_plain_scalar(text, where);
        } else if (plain && tag.empty()) {
            value = resolve_plain_scalar(text, where);
        } else {
            value = Value::string(std::string(text), where);
        }
        // An empty value (`Key:`) is reported by libyaml at the next token; the key's line is
        // where the reader looks.
        if (plain && text.empty() && !frames_.empty() && frames_.back().is_map) {
            value.set_range(frames_.back().key_range);
        }
        value = apply_tag(tag, std::move(value));
        remember_anchor(text_of(scalar.anchor), value);
        return add(std::move(value));
    }

    bool on_collection_start(bool is_map, std::string_view anchor, std::string_view tag,
                             const yaml_event_t& event) {
        if (!frames_.empty() && frames_.back().is_map && !frames_.back().have_key) {
            report(position_of(event.start_mark), DiagnosticSeverity::Error,
                   DiagnosticCode::ParseError, "a mapping key must be a scalar");
            return false;
        }
        if (frames_.size() >= limits_.max_depth) {
            report(position_of(event.start_mark), DiagnosticSeverity::Error,
                   DiagnosticCode::NestingTooDeep,
                   "nesting deeper than " + std::to_string(limits_.max_depth) +
                       " levels; the file is not scanned");
            return false;
        }
        if (!count_nodes(1, position_of(event.start_mark))) return false;
        Frame frame;
        frame.is_map = is_map;
        frame.value = is_map ? Value::map({}) : Value::list({});
        frame.anchor.assign(anchor);
        frame.tag.assign(tag);
        frame.begin = position_of(event.start_mark);
        frames_.push_back(std::move(frame));
        return true;
    }

    bool on_collection_end(const yaml_event_t& event) {
        Frame frame = std::move(frames_.back());
        frames_.pop_back();
        frame.value.set_range(SourceRange{file_, frame.begin, position_of(event.end_mark)});
        Value value = apply_tag(frame.tag, std::move(frame.value));
        remember_anchor(frame.anchor, value);
        return add(std::move(value));
    }

    bool on_alias(const yaml_event_t& event) {
        const std::string name(text_of(event.data.alias.anchor));
        auto it = anchors_.find(name);
        if (it == anchors_.end()) {
            report(position_of(event.start_mark), DiagnosticSeverity::Error,
                   DiagnosticCode::ParseError, "alias *" + name + " names no anchor");
            return false;
        }
        if (!frames_.empty() && frames_.back().is_map && !frames_.back().have_key) {
            report(position_of(event.start_mark), DiagnosticSeverity::Error,
                   DiagnosticCode::ParseError, "an alias used as a mapping key is not supported");
            return false;
        }
        alias_nodes_ += it->second.nodes;
        if (alias_nodes_ > limits_.max_alias_nodes) {
            report(position_of(event.start_mark), DiagnosticSeverity::Error,
                   DiagnosticCode::ExpansionLimit,
                   "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) +
                       " nodes (an alias bomb?); the file is not scanned");
            return false;
        }
        if (!count_nodes(it->second.nodes, position_of(event.start_mark))) return false;
        return add(it->second.value);
    }

    void remember_anchor(std::string_view anchor, const Value& value) {
        if (anchor.empty()) return;
        anchors_[std::string(anchor)] = Anchored{value, value.node_count()};
    }

    void merge_into(Value& map, const Value& source, SourcePosition at) {
        if (source.is_map()) {
            for (const Value::Entry& entry : source.as_map()) {
                if (map.find(entry.key) == nullptr) {
                    map.as_map().push_back(entry);
                }
            }
        } else if (source.is_list()) {
            for (const Value& item : source.as_list())
                merge_into(map, item, at);
        } else {
            report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
                   "merge key << needs a mapping or a list of mappings");
        }
    }

    bool add(Value value) {
        if (frames_.empty()) {
            if (!root_) root_ = std::move(value);
            return true;
        }
        Frame& frame = frames_.back();
        if (!frame.is_map) {
            frame.value.as_list().push_back(std::move(value));
            return true;
        }
        frame.have_key = false;
        // A block map or list under a key begins on the next line; point at the key instead,
        // as JSON's `"Key": {` does.
        if ((value.is_map() || value.is_list()) &&
            value.range().begin.line > frame.key_range.begin.line) {
            SourceRange range = value.range();
            range.begin = frame.key_range.begin;
            value.set_range(range);
        }
        if (frame.key_is_merge) {
            merge_into(frame.value, value, frame.key_range.begin);
            return true;
        }
        if (const Value::Entry* existing = frame.value.find_entry(frame.key)) {
            report(frame.key_range.begin, DiagnosticSeverity::Warning, DiagnosticCode::DuplicateKey,
                   "duplicate key '" + frame.key + "' (first at line " +
                       std::to_string(existing->key_range.begin.line) +
                       "); the later value is used");
        }
        frame.value.set(std::move(frame.key), std::move(value), frame.key_range);
        return true;
    }

    struct Anchored {
        Value value;
        std::size_t nodes = 0;
    };

    FileId file_;
    const ReadLimits& limits_;
    const TagHandler& tag_handler_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<Frame> frames_;
    std::map<std::string, Anchored> anchors_;
    std::optional<Value> root_;
    std::size_t nodes_ = 0;
    std::size_t alias_nodes_ = 0;
    bool done_ = false;
};

struct ParserDeleter {
    void operator()(yaml_parser_t* parser) const {
        yaml_parser_delete(parser);
        delete parser;
    }
};

}  // namespace

ReadResult read_yaml(std::string_view text, FileId file, const ReadLimits& limits,
                     const TagHandler& tag_handler) {
    ReadResult result;
    std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
    if (!yaml_parser_initialize(parser.get())) {
        result.diagnostics.push_back(Diagnostic{file,
                                                {},
                                                DiagnosticSeverity::Error,
                                                DiagnosticCode::ParseError,
                                                "could not initialise the YAML parser"});
        return result;
    }
    yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    YamlBuilder builder(file, limits, tag_handler, result.diagnostics);
    while (!builder.done()) {
        yaml_event_t event;
        if (!yaml_parser_parse(parser.get(), &event)) {
            const yaml_parser_t& p = *parser;
            std::string message = p.problem ? p.problem : "invalid YAML";
            if (p.context) message = std::string(p.context) + ": " + message;
            const SourcePosition at = p.error == YAML_READER_ERROR
                                          ? position_at_offset(text, p.problem_offset)
                                          : position_of(p.problem_mark);
            result.diagnostics.push_back(Diagnostic{file, at, DiagnosticSeverity::Error,
                                                    DiagnosticCode::ParseError, message});
            return result;
        }
        const bool stream_end = event.type == YAML_STREAM_END_EVENT;
        const bool keep_going = builder.handle(event);
        yaml_event_delete(&event);
        if (!keep_going) return result;
        if (stream_end) break;
    }
    result.value = builder.take_root();
    if (!result.value) result.value = Value::null(SourceRange{file, {1, 1}, {1, 1}});
    return result;
}

}  // namespace bulwark
