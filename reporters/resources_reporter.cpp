// `--format resources`: the graph as Bulwark sees it, for writing rules and for asking "why".
#include <nlohmann/json.hpp>

#include "reporters/reporter.h"
#include "rules/builtins/secret_patterns.h"

namespace bulwark {
namespace {

using Json = nlohmann::ordered_json;

// A string that looks like a secret (under its key's name, in free text such as user data, or in
// base64 user data) is shown masked: this report dumps every property, and must not be a way
// around the masking of the others.
Json shown_string(std::string_view name, const std::string& text) {
    std::optional<secrets::SecretMatch> match = secrets::find_named(name, text);
    if (!match) match = secrets::find_in_text(text);
    if (!match) {
        if (auto decoded = secrets::decode_base64_text(text))
            match = secrets::find_in_text(*decoded);
    }
    if (!match && secrets::may_hold_secret(text)) match = secrets::SecretMatch{"secret", "****"};
    if (!match) return text;
    return "<masked: " + match->describe() + ">";
}

Json to_json(const Value& value, std::string_view name = {}) {
    switch (value.kind()) {
        case ValueKind::Null:
            return nullptr;
        case ValueKind::Bool:
            return value.as_bool();
        case ValueKind::Number:
            return value.as_number();
        case ValueKind::String:
            return shown_string(name, value.as_string());
        case ValueKind::List: {
            Json out = Json::array();
            for (const Value& item : value.as_list())
                out.push_back(to_json(item, name));
            return out;
        }
        case ValueKind::Map: {
            Json out = Json::object();
            for (const Value::Entry& entry : value.as_map())
                out[entry.key] = to_json(entry.value, entry.key);
            return out;
        }
        case ValueKind::Unknown: {
            Json references = Json::array();
            for (const Reference& reference : value.as_unknown().references) {
                references.push_back(reference.attribute.empty()
                                         ? reference.target
                                         : reference.target + "." + reference.attribute);
            }
            return Json{{"$unknown", value.as_unknown().reason}, {"$references", references}};
        }
    }
    return nullptr;
}

}  // namespace

std::string render_resources(const ReportContext& context) {
    const ScanResult& scan = context.scan;
    Json resources = Json::array();
    for (ResourceIndex i = 0; i < scan.graph.resources().size(); ++i) {
        const Resource& resource = scan.graph.resource(i);
        Json entry = {{"address", resource.address},
                      {"type", resource.type},
                      {"native_type", resource.native_type},
                      {"format", to_string(resource.format)},
                      {"file", scan.path_of(resource.file)},
                      {"line", resource.range.begin.line},
                      {"scope", resource.scope}};
        if (!resource.construct_path.empty()) {
            entry["construct"] = {{"path", resource.construct_path}};
            if (resource.construct_source.valid()) {
                entry["construct"]["file"] = scan.path_of(resource.construct_source.file);
                entry["construct"]["line"] = resource.construct_source.begin.line;
            }
        }
        if (auto owner = scan.graph.folded_into(i)) {
            entry["folded_into"] = scan.graph.resource(*owner).address;
        }
        entry["properties"] = to_json(resource.properties);
        Json edges = Json::array();
        for (std::uint32_t e : scan.graph.out_edges(i)) {
            const Edge& edge = scan.graph.edges()[e];
            edges.push_back(
                {{"to", scan.graph.resource(edge.to).address},
                 {"via", edge.via},
                 {"kind", edge.kind == EdgeKind::Reference ? "reference" : "depends_on"}});
        }
        entry["edges"] = std::move(edges);
        resources.push_back(std::move(entry));
    }
    return resources.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace bulwark
