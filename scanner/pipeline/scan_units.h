#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "discovery/discover.h"
#include "rules/rule.h"

namespace bulwark {

// Part `index` (1-based) of `count` for `scan --shard I/N`; count 1 is the whole scan.
struct ShardSpec {
    unsigned index = 1;
    unsigned count = 1;
};

// "I/N" with 1 <= I <= N; nullopt otherwise.
std::optional<ShardSpec> parse_shard(std::string_view text);

// Groups the discovered files into scan units, the pieces a scan can be split into without
// changing any result: the files of one folder always stay together (a Terraform module, the
// templates of a folder); a CDK app (the folder of a cdk.json, with its sources and cdk.out)
// or a cloud assembly (the folder of a manifest.json) is one unit; a Terraform module joins the
// local modules it calls (`source = "./…"` / `"../…"`), a template the local templates it names
// (nested stacks, includes, SAM applications), and CDK sources outside any app form one unit
// together, as the CDK front-end reads them as one app. The links are found by a quick read of
// the text that may over-join (never under-join). Returns, for each file, its unit number; units
// are numbered in the order of their first file.
// Account-level rules look across the whole scan (is there a trail anywhere that records data
// events; an alarm on some metric filter): every file that mentions one of `account_markers`
// (case-insensitive) joins one unit, so those rules see in each part what they see in the whole.
std::vector<std::size_t> scan_units(const std::vector<DiscoveredFile>& files,
                                    const std::filesystem::path& root,
                                    const std::vector<std::string>& account_markers = {});

// The markers of the resource types that account-level rules among `rules` anchor on or look for:
// for AWS::CloudTrail::Trail the service, "cloudtrail" (aws_cloudtrail, aws_cloudtrail in CDK);
// where the service name is too common (AWS::Logs::MetricFilter) the resource, "metricfilter" and
// "metric_filter".
std::vector<std::string> account_markers(const std::vector<const Rule*>& rules);

// Which files part `shard` scans: units go, largest first, to the part with the fewest files so
// far (ties to the lower part), so every part computes the same split from the same discovery.
std::vector<bool> files_in_shard(const std::vector<DiscoveredFile>& files,
                                 const std::filesystem::path& root, const ShardSpec& shard,
                                 const std::vector<std::string>& account_markers = {});

}  // namespace bulwark
