#include "model/graph.h"

#include <algorithm>

#include "model/resource_types.h"

namespace bulwark {
namespace {

std::string scoped_key(std::string_view scope, std::string_view address) {
    std::string key;
    key.reserve(scope.size() + address.size() + 1);
    key.append(scope).push_back('\0');
    key.append(address);
    return key;
}

// An attached resource whose content belongs in a list property of its owner.
struct FoldRule {
    std::string_view attached_type;
    std::string_view reference_property;  // the property of the attached resource naming the owner
    std::string_view owner_type;
    std::string_view owner_list_property;
};

constexpr FoldRule kFoldRules[] = {
    {types::kEc2SecurityGroupIngress, "GroupId", types::kEc2SecurityGroup, "SecurityGroupIngress"},
    {types::kEc2SecurityGroupEgress, "GroupId", types::kEc2SecurityGroup, "SecurityGroupEgress"},
    // A VPC's flow logs and an ACL's entries are the VPC's `FlowLogs` and the ACL's `Entries`, the
    // shape the Terraform adapters give them, so one rule reads them in every format.
    {types::kEc2FlowLog, "ResourceId", types::kEc2Vpc, "FlowLogs"},
    {types::kEc2NetworkAclEntry, "NetworkAclId", types::kEc2NetworkAcl, "Entries"},
};

// A resource that names its owner by a literal name rather than a reference (a bucket policy for
// "my-bucket"). Names of these types are unique account-wide, so matches cross scopes.
struct NameMatch {
    std::string_view attached_type;
    std::string_view name_property;
    std::string_view owner_type;
    std::string_view owner_name_property;
};

constexpr NameMatch kNameMatches[] = {
    {types::kS3BucketPolicy, "Bucket", types::kS3Bucket, "BucketName"},
    {types::kCloudTrailTrail, "S3BucketName", types::kS3Bucket, "BucketName"},
};

void add_name_matches(std::span<const Resource> resources, std::vector<Edge>& edges) {
    for (const NameMatch& match : kNameMatches) {
        std::unordered_map<std::string, std::vector<ResourceIndex>> owners;
        for (ResourceIndex i = 0; i < resources.size(); ++i) {
            if (resources[i].type != match.owner_type) continue;
            const Value* name = resources[i].properties.find(match.owner_name_property);
            if (name && name->is_string()) owners[name->as_string()].push_back(i);
        }
        for (ResourceIndex i = 0; i < resources.size(); ++i) {
            if (resources[i].type != match.attached_type) continue;
            const Value* name = resources[i].properties.find(match.name_property);
            if (name == nullptr || !name->is_string()) continue;
            auto found = owners.find(name->as_string());
            if (found == owners.end()) continue;
            for (ResourceIndex owner : found->second) {
                edges.push_back(
                    Edge{i, owner, EdgeKind::Reference, std::string(match.name_property)});
            }
        }
    }
}

void collect_references(const Value& value, std::string& path, ResourceIndex from,
                        const Graph& graph, const Resource& resource, std::vector<Edge>& edges) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            for (const Reference& reference : value.as_unknown().references) {
                if (auto target = graph.find(resource.scope, reference.target)) {
                    edges.push_back(Edge{from, *target, EdgeKind::Reference, path});
                }
            }
            break;
        case ValueKind::List: {
            const auto& items = value.as_list();
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::size_t mark = path.size();
                path += "[" + std::to_string(i) + "]";
                collect_references(items[i], path, from, graph, resource, edges);
                path.resize(mark);
            }
            break;
        }
        case ValueKind::Map:
            for (const Value::Entry& entry : value.as_map()) {
                const std::size_t mark = path.size();
                if (!path.empty()) path += '.';
                path += entry.key;
                collect_references(entry.value, path, from, graph, resource, edges);
                path.resize(mark);
            }
            break;
        default:
            break;
    }
}

// The owner named by a reference property: a Ref to it, or a GetAtt of its GroupId.
std::optional<ResourceIndex> referenced_owner(const Graph& graph, const Resource& attached,
                                              const FoldRule& rule) {
    const Value* reference = attached.properties.find(rule.reference_property);
    if (reference == nullptr || !reference->is_unknown()) return std::nullopt;
    const auto& references = reference->as_unknown().references;
    if (references.size() != 1) return std::nullopt;
    auto owner = graph.find(attached.scope, references.front().target);
    if (!owner || graph.resource(*owner).type != rule.owner_type) return std::nullopt;
    return owner;
}

}  // namespace

std::span<const ResourceIndex> Graph::of_type(std::string_view type) const {
    auto it = by_type_.find(std::string(type));
    if (it == by_type_.end()) return {};
    return it->second;
}

std::span<const std::uint32_t> Graph::out_edges(ResourceIndex index) const {
    return out_[index];
}
std::span<const std::uint32_t> Graph::in_edges(ResourceIndex index) const {
    return in_[index];
}

std::optional<ResourceIndex> Graph::find(std::string_view scope, std::string_view address) const {
    auto it = by_scoped_address_.find(scoped_key(scope, address));
    if (it == by_scoped_address_.end()) return std::nullopt;
    return it->second;
}

std::optional<ResourceIndex> Graph::folded_into(ResourceIndex index) const {
    return folded_into_[index];
}

void GraphBuilder::add(Resource resource) {
    std::vector<Resource> batch;
    batch.push_back(std::move(resource));
    batches_.push_back(std::move(batch));
}

void GraphBuilder::add(std::vector<Resource> resources) {
    if (!resources.empty()) batches_.push_back(std::move(resources));
}

Graph GraphBuilder::build() && {
    Graph graph;
    // Resources first, in the order front-ends gave them, then inputs: resource indices do not
    // depend on whether inputs were declared. Each batch is freed as soon as it is moved.
    std::size_t total = 0;
    for (const std::vector<Resource>& batch : batches_)
        total += batch.size();
    graph.entries_.reserve(total);
    std::vector<Resource> inputs;
    for (std::vector<Resource>& batch : batches_) {
        for (Resource& resource : batch) {
            if (resource.kind == EntryKind::Resource) {
                graph.entries_.push_back(std::move(resource));
            } else {
                inputs.push_back(std::move(resource));
            }
        }
        std::vector<Resource>().swap(batch);
    }
    batches_.clear();
    for (Resource& input : inputs)
        graph.entries_.push_back(std::move(input));
    graph.resource_count_ = static_cast<std::size_t>(
        std::count_if(graph.entries_.begin(), graph.entries_.end(),
                      [](const Resource& r) { return r.kind == EntryKind::Resource; }));
    const auto count = static_cast<ResourceIndex>(graph.entries_.size());
    const auto resource_count = static_cast<ResourceIndex>(graph.resource_count_);
    for (ResourceIndex i = 0; i < resource_count; ++i) {
        const Resource& resource = graph.entries_[i];
        // The first definition of a scoped address wins; front-ends report duplicates.
        graph.by_scoped_address_.emplace(scoped_key(resource.scope, resource.address), i);
    }

    graph.folded_into_.assign(count, std::nullopt);
    for (ResourceIndex i = 0; i < resource_count; ++i) {
        for (const FoldRule& rule : kFoldRules) {
            const Resource& attached = graph.entries_[i];
            if (attached.type != rule.attached_type) continue;
            auto owner = referenced_owner(graph, attached, rule);
            if (!owner) continue;
            Value entry = attached.properties;
            entry.set_range(attached.range);
            std::erase_if(entry.as_map(), [&](const Value::Entry& e) {
                return e.key == rule.reference_property;  // the owner itself, now implied
            });
            Value& owner_properties = graph.entries_[*owner].properties;
            Value* list = owner_properties.find(rule.owner_list_property);
            if (list == nullptr || !list->is_list()) {
                owner_properties.set(std::string(rule.owner_list_property),
                                     Value::list({}, attached.range));
                list = owner_properties.find(rule.owner_list_property);
            }
            list->as_list().push_back(std::move(entry));
            graph.folded_into_[i] = owner;
        }
    }

    std::vector<Edge> edges;
    std::string path;
    for (ResourceIndex i = 0; i < resource_count; ++i) {
        const Resource& resource = graph.entries_[i];
        collect_references(resource.properties, path, i, graph, resource, edges);
        for (const Reference& dependency : resource.depends_on) {
            if (auto target = graph.find(resource.scope, dependency.target)) {
                edges.push_back(Edge{i, *target, EdgeKind::DependsOn, {}});
            }
        }
    }
    add_name_matches(graph.resources(), edges);
    graph.edges_ = std::move(edges);
    graph.out_.assign(count, {});
    graph.in_.assign(count, {});
    for (std::uint32_t e = 0; e < graph.edges_.size(); ++e) {
        graph.out_[graph.edges_[e].from].push_back(e);
        graph.in_[graph.edges_[e].to].push_back(e);
    }

    for (ResourceIndex i = 0; i < count; ++i) {
        if (graph.folded_into_[i]) continue;
        const Resource& entry = graph.entries_[i];
        graph.by_type_[entry.type].push_back(i);
        if (entry.native_type != entry.type) graph.by_type_[entry.native_type].push_back(i);
    }
    return graph;
}

}  // namespace bulwark
