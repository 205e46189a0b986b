#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/resource.h"

namespace bulwark::cdk {

using LogicalPaths = std::map<std::string, std::string, std::less<>>;  // logical ID -> path

// The address of a construct path: the path without a trailing `/Resource` or `/Default`
// segment (`Stack/Logs/Resource` -> `Stack/Logs`), as the CDK source front-end names constructs.
std::string construct_address(std::string_view construct_path);

// The `aws:cdk:path` metadata of a parsed resource, or empty.
std::string_view cdk_path_metadata(const Resource& resource);

// Turns the resources of one synthesized template into CDK resources: each gets its construct
// path (from its `aws:cdk:path` metadata, else from `fallback`, the stack metadata's logical IDs)
// and the address derived from it; references and DependsOn between them follow the renaming.
// A resource without a known construct path keeps its logical ID.
void address_by_construct_path(std::vector<Resource>& resources, const LogicalPaths& fallback);

}  // namespace bulwark::cdk
