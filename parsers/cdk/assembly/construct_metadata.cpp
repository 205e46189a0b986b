#include "parsers/cdk/assembly/construct_metadata.h"

#include <charconv>
#include "util/text.h"

namespace bulwark::cdk {
namespace {

constexpr std::string_view kLogicalId = "aws:cdk:logicalId";
constexpr std::string_view kCreationStack = "aws:cdk:creationStack";
constexpr std::string_view kTemplateFile = "aws:cdk:templateFile";

std::optional<std::uint32_t> number(std::string_view text) {
    std::uint32_t n = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return n;
}

// The jsii runtime that runs aws-cdk-lib for Python, Java, .NET and Go apps: its bundle is
// unpacked into a temporary folder (.../Temp/tmpo_3vr0bw/lib/program.js, .../jsii-kernel-*/).
bool is_jsii_runtime(std::string_view file) {
    if (file.find("jsii-kernel-") != std::string_view::npos) return true;
    const bool bundle = file.ends_with("/lib/program.js") || file.ends_with("\\lib\\program.js");
    return bundle && (file.find("tmp") != std::string_view::npos ||
                      file.find("Temp") != std::string_view::npos);
}

// Frames of installed packages and of the runtime say nothing about the app's own code.
bool is_dependency_or_runtime(std::string_view file) {
    return is_jsii_runtime(file) || file.find("/node_modules/") != std::string_view::npos ||
           file.find("\\node_modules\\") != std::string_view::npos ||
           file.find("/site-packages/") != std::string_view::npos ||
           file.find("\\site-packages\\") != std::string_view::npos || file.starts_with("node:") ||
           file.starts_with("internal/") || file == "native" || file == "<anonymous>";
}

std::optional<CreationFrame> first_user_frame(const Value& frames) {
    if (!frames.is_list()) return std::nullopt;
    for (const Value& frame : frames.as_list()) {
        if (!frame.is_string()) continue;
        if (auto parsed = parse_user_frame(frame.as_string())) return parsed;
    }
    return std::nullopt;
}

}  // namespace

std::optional<CreationFrame> parse_user_frame(std::string_view text) {
    text = trim(text);
    if (text.starts_with("...") || text.starts_with("(")) return std::nullopt;  // CDK's summaries
    if (text.starts_with("at ")) text = trim(text.substr(3));
    // "function (location)" or a bare location.
    if (text.ends_with(')')) {
        const auto open = text.rfind('(');
        if (open == std::string_view::npos) return std::nullopt;
        text = text.substr(open + 1, text.size() - open - 2);
    }
    if (text.starts_with("file://")) text = text.substr(7);
    // location = file:line[:column]; the file itself may contain ':' (C:\...).
    CreationFrame frame;
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto last = number(text.substr(colon + 1));
    if (!last) return std::nullopt;
    std::string_view rest = text.substr(0, colon);
    frame.line = *last;
    if (const auto before = rest.rfind(':'); before != std::string_view::npos) {
        if (auto line = number(rest.substr(before + 1))) {
            frame.line = *line;
            frame.column = *last;
            rest = rest.substr(0, before);
        }
    }
    if (rest.empty() || frame.line == 0 || is_dependency_or_runtime(rest)) return std::nullopt;
    frame.file = std::string(rest);
    return frame;
}

void StackMetadata::add(const Value& metadata) {
    if (!metadata.is_map()) return;
    for (const Value::Entry& construct : metadata.as_map()) {
        if (!construct.value.is_list()) continue;
        std::string_view path = construct.key;
        if (path.starts_with('/')) path.remove_prefix(1);
        for (const Value& entry : construct.value.as_list()) {
            const Value* type = entry.find("type");
            const Value* data = entry.find("data");
            if (type == nullptr || !type->is_string() || data == nullptr) continue;
            if (type->as_string() == kTemplateFile && data->is_string()) {
                templates_[std::string(path)] = data->as_string();
                continue;
            }
            if (type->as_string() == kLogicalId && data->is_string()) {
                ConstructRecord& record = constructs_[std::string(path)];
                record.logical_id = data->as_string();
                // Synthesized with debugging on, CDK records the stack trace on the entry.
                if (const Value* trace = entry.find("trace"); trace && !record.created_at) {
                    record.created_at = first_user_frame(*trace);
                }
            } else if (type->as_string() == kCreationStack) {
                if (auto frame = first_user_frame(*data)) {
                    constructs_[std::string(path)].created_at = std::move(frame);
                }
            }
        }
    }
}

const ConstructRecord* StackMetadata::find(std::string_view construct_path) const {
    auto it = constructs_.find(construct_path);
    return it == constructs_.end() ? nullptr : &it->second;
}

std::map<std::string, std::string, std::less<>> StackMetadata::paths_in(
    std::string_view template_file) const {
    std::map<std::string, std::string, std::less<>> paths;
    for (const auto& [path, record] : constructs_) {
        if (record.logical_id.empty()) continue;
        // The innermost stack holding the construct decides its template.
        const std::string* owner_template = nullptr;
        std::size_t owner_length = 0;
        for (const auto& [stack, file] : templates_) {
            if (path.size() > stack.size() && path.starts_with(stack) &&
                path[stack.size()] == '/' && stack.size() >= owner_length) {
                owner_template = &file;
                owner_length = stack.size();
            }
        }
        // Metadata without template files (older CDK) lists one template's constructs.
        if (owner_template != nullptr && *owner_template != template_file) continue;
        paths.emplace(record.logical_id, path);
    }
    return paths;
}

}  // namespace bulwark::cdk
