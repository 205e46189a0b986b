#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/resource.h"

namespace bulwark {

using ResourceIndex = std::uint32_t;

enum class EdgeKind : std::uint8_t {
    Reference,  // a property refers to the target (Ref, GetAtt, a Terraform expression)
    DependsOn,  // an explicit ordering dependency
};

struct Edge {
    ResourceIndex from = 0;
    ResourceIndex to = 0;
    EdgeKind kind = EdgeKind::Reference;
    std::string via;  // property path at `from` where the reference is written, e.g. "Bucket"
};

// The resources of one scan and the references between them, and the inputs (parameters,
// variables) they are written with. Immutable once built, so rules evaluate over it from several
// threads without locks.
//
// Entries are indexed resources first, inputs after them: `resources()` are what a scan counts
// and lists; `entries()` is everything a rule may target and a finding may point at.
class Graph {
  public:
    std::span<const Resource> resources() const {
        return std::span<const Resource>(entries_).first(resource_count_);
    }
    std::span<const Resource> inputs() const {
        return std::span<const Resource>(entries_).subspan(resource_count_);
    }
    const std::vector<Resource>& entries() const { return entries_; }
    // Any entry, a resource or an input.
    const Resource& resource(ResourceIndex index) const { return entries_[index]; }
    const std::vector<Edge>& edges() const { return edges_; }

    // Resources of one type that rules evaluate (attached resources folded into an owner are not
    // listed: their content is part of the owner).
    std::span<const ResourceIndex> of_type(std::string_view type) const;
    std::span<const std::uint32_t> out_edges(ResourceIndex index) const;
    std::span<const std::uint32_t> in_edges(ResourceIndex index) const;
    // The resource (never an input) at an address of a scope.
    std::optional<ResourceIndex> find(std::string_view scope, std::string_view address) const;

    // The owner an attached resource was folded into, if any.
    std::optional<ResourceIndex> folded_into(ResourceIndex index) const;

  private:
    friend class GraphBuilder;

    std::vector<Resource> entries_;
    std::size_t resource_count_ = 0;
    std::vector<Edge> edges_;
    std::vector<std::vector<std::uint32_t>> out_;
    std::vector<std::vector<std::uint32_t>> in_;
    std::vector<std::optional<ResourceIndex>> folded_into_;
    std::unordered_map<std::string, std::vector<ResourceIndex>> by_type_;
    std::unordered_map<std::string, ResourceIndex> by_scoped_address_;
};

// Builds the graph: indexes resources, turns references inside values into edges and folds
// attached resources (security group rules, ...) into their owners.
class GraphBuilder {
  public:
    void add(Resource resource);
    void add(std::vector<Resource> resources);
    Graph build() &&;

  private:
    // Kept as the front-ends gave them and joined once in build(), into a vector of exactly the
    // right size: growing one vector would leave up to half of it unused (Resource is large).
    std::vector<std::vector<Resource>> batches_;
};

}  // namespace bulwark
