#include "parsers/cloudformation/includes.h"

#include <algorithm>

#include "parsers/cloudformation/template_reader.h"

namespace bulwark::cloudformation {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxIncludeDepth = 16;

// The Location of an AWS::Include transform argument, or nullptr when it is another transform.
const Value* include_location(const Value& transform) {
    const Value* name = transform.find("Name");
    if (name == nullptr || !name->is_string() || name->as_string() != "AWS::Include")
        return nullptr;
    const Value* parameters = transform.find("Parameters");
    const Value* location = parameters ? parameters->find("Location") : nullptr;
    static const Value kMissing = Value::null();
    return location ? location : &kMissing;
}

bool is_local_string(const Value* value) {
    return value && value->is_string() && !is_remote_location(value->as_string());
}

class Includer {
  public:
    Includer(const FileAccess* access, std::vector<Diagnostic>& diagnostics)
        : access_(access), diagnostics_(diagnostics) {}

    void expand(Value& node, const fs::path& file) {
        if (node.is_list()) {
            for (Value& item : node.as_list())
                expand(item, file);
            return;
        }
        if (!node.is_map()) return;
        Value::Map& entries = node.as_map();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].key != "Fn::Transform") continue;
            const Value* location = include_location(entries[i].value);
            if (location == nullptr) continue;  // a macro: Unknown at evaluation
            Value snippet = load(*location, entries[i].value.range(), file);
            if (entries.size() == 1) {      // the value itself
                node = std::move(snippet);  // its own includes are already expanded
                return;
            }
            // Among other keys: the snippet's keys join the mapping (written keys win).
            entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(i));
            if (snippet.is_map()) {
                for (Value::Entry& entry : snippet.as_map()) {
                    if (node.find(entry.key) == nullptr) entries.push_back(std::move(entry));
                }
            }
            --i;
        }
        for (Value::Entry& entry : entries)
            expand(entry.value, file);
    }

    void expand_top_level(Value& root, const fs::path& file) {
        Value* transform = root.find("Transform");
        if (transform == nullptr) return;
        std::vector<Value> transforms;
        if (transform->is_list()) {
            transforms = transform->as_list();
        } else {
            transforms.push_back(*transform);
        }
        for (const Value& item : transforms) {
            const Value* location = include_location(item);
            if (location == nullptr) continue;
            Value snippet = load(*location, item.range(), file);
            if (!snippet.is_map()) continue;
            for (Value::Entry& entry : snippet.as_map()) {
                Value* section = root.find(entry.key);
                if (section == nullptr) {
                    root.as_map().push_back(std::move(entry));
                } else if (section->is_map() && entry.value.is_map()) {
                    for (Value::Entry& inner : entry.value.as_map()) {
                        if (section->find(inner.key) == nullptr)
                            section->as_map().push_back(std::move(inner));
                    }
                }
            }
        }
    }

  private:
    void note(const SourceRange& at, std::string message,
              DiagnosticSeverity severity = DiagnosticSeverity::Note) {
        diagnostics_.push_back(Diagnostic{at.file, at.begin, severity, DiagnosticCode::Unsupported,
                                          std::move(message)});
    }

    // The snippet at `location`, includes inside it expanded; Unknown when it cannot be read.
    Value load(const Value& location, const SourceRange& at, const fs::path& from) {
        if (!location.is_string()) {
            note(at, "AWS::Include needs a Location string; the included content is unknown");
            return Value::unknown("AWS::Include with a Location known only at deployment", {}, at);
        }
        const std::string& text = location.as_string();
        if (is_remote_location(text)) {
            note(at, "AWS::Include of remote " + text +
                         " is not read; the included content is unknown");
            return Value::unknown("AWS::Include of remote " + text, {}, at);
        }
        if (access_ == nullptr) {
            note(at, "AWS::Include of " + text + " is read only in a directory scan");
            return Value::unknown("AWS::Include of " + text + " not read", {}, at);
        }
        auto resolved = resolve_local(*access_, from, text);
        if (auto* problem = std::get_if<std::string>(&resolved)) {
            note(at, "AWS::Include " + *problem, DiagnosticSeverity::Warning);
            return Value::unknown("AWS::Include outside the scan root", {}, at);
        }
        const fs::path path = std::get<fs::path>(resolved);
        if (std::find(chain_.begin(), chain_.end(), path) != chain_.end() ||
            chain_.size() >= kMaxIncludeDepth) {
            note(at, "AWS::Include of " + text + " includes itself; not expanded again",
                 DiagnosticSeverity::Warning);
            return Value::unknown("AWS::Include cycle", {}, at);
        }
        auto source = access_->load(path);
        if (!source) {
            note(at, "AWS::Include cannot read " + text, DiagnosticSeverity::Warning);
            return Value::unknown("AWS::Include of an unreadable file", {}, at);
        }
        auto snippet = read_fragment(source->content, source->id, diagnostics_);
        if (!snippet) return Value::unknown("AWS::Include of an unreadable file", {}, at);
        chain_.push_back(path);
        expand(*snippet, path);
        chain_.pop_back();
        return std::move(*snippet);
    }

    const FileAccess* access_;
    std::vector<Diagnostic>& diagnostics_;
    std::vector<fs::path> chain_;
};

bool names_local_include(const Value& node) {
    if (node.is_list()) {
        return std::any_of(node.as_list().begin(), node.as_list().end(), names_local_include);
    }
    if (!node.is_map()) return false;
    for (const Value::Entry& entry : node.as_map()) {
        if (entry.key == "Fn::Transform" && is_local_string(include_location(entry.value)))
            return true;
        if (names_local_include(entry.value)) return true;
    }
    return false;
}

}  // namespace

void expand_includes(Value& root, const fs::path& template_path, const FileAccess* access,
                     std::vector<Diagnostic>& diagnostics) {
    Includer includer(access, diagnostics);
    includer.expand_top_level(root, template_path);
    for (Value::Entry& entry : root.as_map()) {
        if (entry.key != "Transform" && entry.key != "Parameters")
            includer.expand(entry.value, template_path);
    }
}

bool names_local_files(const Value& root) {
    if (const Value* transform = root.find("Transform")) {
        if (transform->is_list()) {
            for (const Value& item : transform->as_list()) {
                if (is_local_string(include_location(item))) return true;
            }
        } else if (is_local_string(include_location(*transform))) {
            return true;
        }
    }
    if (const Value* resources = root.find("Resources"); resources && resources->is_map()) {
        for (const Value::Entry& entry : resources->as_map()) {
            const Value* type = entry.value.find("Type");
            const Value* properties = entry.value.find("Properties");
            if (!type || !type->is_string() || !properties) continue;
            if (type->as_string() == "AWS::CloudFormation::Stack" &&
                is_local_string(properties->find("TemplateURL"))) {
                return true;
            }
            if (type->as_string() == "AWS::Serverless::Application" &&
                is_local_string(properties->find("Location"))) {
                return true;
            }
        }
    }
    return names_local_include(root);
}

}  // namespace bulwark::cloudformation
