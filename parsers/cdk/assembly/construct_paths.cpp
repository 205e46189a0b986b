#include "parsers/cdk/assembly/construct_paths.h"

#include <set>

namespace bulwark::cdk {
namespace {

void rename_references(Value& value, const LogicalPaths& renamed) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            for (Reference& reference : value.as_unknown().references) {
                if (auto it = renamed.find(reference.target); it != renamed.end()) {
                    reference.target = it->second;
                }
            }
            break;
        case ValueKind::List:
            for (Value& item : value.as_list())
                rename_references(item, renamed);
            break;
        case ValueKind::Map:
            for (Value::Entry& entry : value.as_map())
                rename_references(entry.value, renamed);
            break;
        default:
            break;
    }
}

}  // namespace

std::string construct_address(std::string_view construct_path) {
    for (std::string_view suffix : {std::string_view("/Resource"), std::string_view("/Default")}) {
        if (construct_path.size() > suffix.size() && construct_path.ends_with(suffix)) {
            return std::string(construct_path.substr(0, construct_path.size() - suffix.size()));
        }
    }
    return std::string(construct_path);
}

std::string_view cdk_path_metadata(const Resource& resource) {
    const Value* metadata = resource.attributes.find("Metadata");
    const Value* path = metadata ? metadata->find("aws:cdk:path") : nullptr;
    return path && path->is_string() ? std::string_view(path->as_string()) : std::string_view();
}

void address_by_construct_path(std::vector<Resource>& resources, const LogicalPaths& fallback) {
    LogicalPaths renamed;  // logical ID -> new address
    std::set<std::string, std::less<>> taken;
    for (Resource& resource : resources) {
        std::string_view path = cdk_path_metadata(resource);
        if (path.empty()) {
            // A parameter (CfnParameter) has no Metadata; the manifest names it by logical ID.
            const Value* name = resource.attributes.find("Name");
            const std::string* logical_id = &resource.address;
            if (resource.kind == EntryKind::Input && name != nullptr && name->is_string())
                logical_id = &name->as_string();
            if (auto it = fallback.find(*logical_id); it != fallback.end()) path = it->second;
        }
        if (path.empty()) continue;
        // Two constructs `X` and `X/Resource` both being resources would share an address: the
        // second keeps its full path (logical IDs never contain '/', so they cannot collide).
        std::string address = construct_address(path);
        if (taken.contains(address)) address = std::string(path);
        if (taken.contains(address)) continue;
        taken.insert(address);
        renamed.emplace(resource.address, address);
        resource.construct_path = std::string(path);
    }
    for (Resource& resource : resources) {
        resource.format = SourceFormat::CdkAssembly;
        if (auto it = renamed.find(resource.address); it != renamed.end()) {
            resource.address = it->second;
        }
        rename_references(resource.properties, renamed);
        for (Reference& dependency : resource.depends_on) {
            if (auto it = renamed.find(dependency.target); it != renamed.end()) {
                dependency.target = it->second;
            }
        }
    }
}

}  // namespace bulwark::cdk
