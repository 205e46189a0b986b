#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/value.h"

namespace bulwark::cloudformation {

// The pure computations behind intrinsics whose inputs are all known: no template access here.

// Fn::Cidr: the first `count` subnets of `block` with `host_bits` host bits each (IPv4 or IPv6),
// or a message saying why the arguments are invalid.
std::variant<std::vector<std::string>, std::string> cidr_subnets(std::string_view block,
                                                                 long long count,
                                                                 long long host_bits);

// Fn::ToJsonString: compact JSON of a fully known value; nullopt when any part is Unknown.
std::optional<std::string> to_json_string(const Value& value);

// AWS::Partition and AWS::URLSuffix of a region (`cn-north-1` -> aws-cn, amazonaws.com.cn).
struct PartitionInfo {
    std::string partition;
    std::string url_suffix;
};
PartitionInfo partition_of_region(std::string_view region);

}  // namespace bulwark::cloudformation
