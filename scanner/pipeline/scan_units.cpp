#include "pipeline/scan_units.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <map>
#include <numeric>
#include <string>
#include <type_traits>
#include <variant>

#include "discovery/module_sources.h"
#include "rules/builtins.h"
#include "rules/check.h"
#include "util/paths.h"
#include "util/text.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

// Union-find over unit anchors (folders, and one key for loose CDK sources).
class Groups {
  public:
    std::size_t id(const std::string& key) {
        auto [it, added] = ids_.emplace(key, parent_.size());
        if (added) parent_.push_back(parent_.size());
        return it->second;
    }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

  private:
    std::map<std::string, std::size_t> ids_;
    std::vector<std::size_t> parent_;
};

// The folder that anchors a folder's unit: the nearest CDK app (cdk.json) or cloud assembly
// (manifest.json) at or above it inside the root, else the folder itself.
class Anchors {
  public:
    explicit Anchors(fs::path root) : root_(std::move(root)) {}
    std::string of(const fs::path& dir) {
        auto cached = cache_.find(dir);
        if (cached != cache_.end()) return cached->second;
        std::string anchor = dir.generic_string();
        std::error_code ec;
        for (fs::path at = dir; is_within(at, root_); at = at.parent_path()) {
            if (fs::exists(at / "cdk.json", ec) || fs::exists(at / "manifest.json", ec)) {
                anchor = at.generic_string();
                // An assembly inside an app belongs to the app.
                for (fs::path up = at; is_within(up, root_); up = up.parent_path()) {
                    if (fs::exists(up / "cdk.json", ec)) anchor = up.generic_string();
                    if (up == up.parent_path()) break;
                }
                break;
            }
            if (at == root_ || at == at.parent_path()) break;
        }
        cache_.emplace(dir, anchor);
        return anchor;
    }

  private:
    fs::path root_;
    std::map<fs::path, std::string> cache_;
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool path_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '/';
}

// CloudFormation: every token that looks like a relative template file name (nested stacks,
// AWS::Include, SAM applications); the caller keeps those that exist.
std::vector<std::string> template_names(std::string_view text) {
    std::vector<std::string> out;
    for (std::string_view extension : {".yaml", ".yml", ".json", ".template"}) {
        for (std::size_t at = text.find(extension); at != std::string_view::npos;
             at = text.find(extension, at + 1)) {
            const std::size_t end = at + extension.size();
            if (end < text.size() && path_char(text[end])) continue;
            std::size_t begin = at;
            while (begin > 0 && path_char(text[begin - 1]))
                --begin;
            std::string_view name = text.substr(begin, end - begin);
            while (name.starts_with('/'))
                name.remove_prefix(1);  // file:// and absolute paths
            if (name.size() > extension.size()) out.emplace_back(name);
        }
    }
    return out;
}

bool looks_like_cdk_source(std::string_view path, std::string_view text) {
    if (!path.ends_with(".py") && !path.ends_with(".ts")) return false;
    for (std::string_view marker : {"aws_cdk", "aws-cdk-lib", "@aws-cdk/"}) {
        if (text.find(marker) != std::string_view::npos) return true;
    }
    return false;
}

// Collects the types of the whole-scan builtins a condition calls.
void scan_wide_types(const Condition& condition, bool& whole_scan,
                     std::vector<std::string>& types) {
    std::visit(
        [&](const auto& node) {
            using Node = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<Node, BuiltinCall>) {
                if (node.builtin == nullptr || !node.builtin->scan_wide) return;
                whole_scan = true;
                for (std::string_view type : node.builtin->scan_wide_types)
                    types.emplace_back(type);
                if (const Value* listed = node.args.is_map() ? node.args.find("types") : nullptr;
                    listed && listed->is_list()) {
                    for (const Value& type : listed->as_list())
                        if (type.is_string()) types.push_back(type.as_string());
                }
            } else if constexpr (std::is_same_v<Node, Logic> || std::is_same_v<Node, Connected>) {
                for (const Condition& child : node.children)
                    scan_wide_types(child, whole_scan, types);
            } else if constexpr (std::is_same_v<Node, Negation>) {
                for (const Condition& child : node.child)
                    scan_wide_types(child, whole_scan, types);
            }
        },
        condition.node);
}

}  // namespace

std::optional<ShardSpec> parse_shard(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    ShardSpec shard;
    auto number = [](std::string_view digits, unsigned& value) {
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return ec == std::errc() && end == digits.data() + digits.size() && !digits.empty();
    };
    if (!number(text.substr(0, slash), shard.index) || !number(text.substr(slash + 1), shard.count))
        return std::nullopt;
    if (shard.count == 0 || shard.index == 0 || shard.index > shard.count) return std::nullopt;
    return shard;
}

std::vector<std::string> account_markers(const std::vector<const Rule*>& rules) {
    std::vector<std::string> types;
    for (const Rule* rule : rules) {
        bool whole_scan = false;
        std::vector<std::string> found;
        scan_wide_types(rule->check, whole_scan, found);
        if (rule->when) scan_wide_types(*rule->when, whole_scan, found);
        if (!whole_scan) continue;
        types.insert(types.end(), found.begin(), found.end());
        types.insert(types.end(), rule->resource_types.begin(), rule->resource_types.end());
    }
    // Services whose name alone would match nearly every file.
    constexpr std::string_view kCommon[] = {"logs",   "cloudwatch", "ec2", "iam", "s3",
                                            "lambda", "kms",        "sns", "sqs"};
    std::vector<std::string> markers;
    for (const std::string& type : types) {
        const std::size_t first = type.find("::");
        const std::size_t second =
            first == std::string::npos ? std::string::npos : type.find("::", first + 2);
        if (second == std::string::npos) {  // a native type such as aws_cloudtrail
            markers.push_back(ascii_lower(type));
            continue;
        }
        const std::string service = ascii_lower(type.substr(first + 2, second - first - 2));
        const std::string resource = type.substr(second + 2);
        if (std::find(std::begin(kCommon), std::end(kCommon), service) == std::end(kCommon)) {
            markers.push_back(service);
            continue;
        }
        markers.push_back(ascii_lower(resource));
        std::string snake;  // MetricFilter -> metric_filter
        for (char c : resource) {
            if (c >= 'A' && c <= 'Z' && !snake.empty()) snake += '_';
            snake += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        markers.push_back(snake);
    }
    std::sort(markers.begin(), markers.end());
    markers.erase(std::unique(markers.begin(), markers.end()), markers.end());
    return markers;
}

std::vector<std::size_t> scan_units(const std::vector<DiscoveredFile>& files,
                                    const fs::path& scan_root,
                                    const std::vector<std::string>& markers) {
    fs::path root = fs::absolute(scan_root).lexically_normal();
    if (root.filename().empty() && root.has_parent_path()) root = root.parent_path();
    Anchors anchors(root);
    Groups groups;
    std::vector<std::size_t> file_group(files.size());
    const std::size_t loose_cdk = groups.id("<CDK sources outside an app>");
    const std::size_t account = groups.id("<account-level resources>");
    for (std::size_t i = 0; i < files.size(); ++i) {
        const fs::path absolute = fs::absolute(files[i].absolute).lexically_normal();
        const fs::path dir = absolute.parent_path();
        const std::string anchor = anchors.of(dir);
        file_group[i] = groups.id(anchor);
        const std::string_view path = files[i].relative;
        const bool terraform = path.ends_with(".tf") || path.ends_with(".tf.json");
        const bool code = path.ends_with(".py") || path.ends_with(".ts");
        const bool document = path.ends_with(".yaml") || path.ends_with(".yml") ||
                              path.ends_with(".json") || path.ends_with(".template");
        if (!terraform && !code && !document) continue;
        const std::string text = read_all(absolute);
        if (!markers.empty()) {
            const std::string folded = ascii_lower(text);
            for (const std::string& marker : markers) {
                if (folded.find(marker) != std::string::npos) {
                    groups.join(file_group[i], account);
                    break;
                }
            }
        }
        if (terraform) {
            for (const std::string& source : local_module_sources(text)) {
                fs::path target = (dir / source).lexically_normal();
                if (target.filename().empty()) target = target.parent_path();
                groups.join(file_group[i], groups.id(anchors.of(target)));
            }
        }
        if (document) {
            for (const std::string& name : template_names(text)) {
                std::error_code ec;
                const fs::path target = (dir / name).lexically_normal();
                if (target != absolute && fs::is_regular_file(target, ec))
                    groups.join(file_group[i], groups.id(anchors.of(target.parent_path())));
            }
        }
        if (code && looks_like_cdk_source(path, text)) {
            std::error_code ec;
            bool in_app = false;
            for (fs::path at = dir; is_within(at, root); at = at.parent_path()) {
                if (fs::exists(at / "cdk.json", ec)) in_app = true;
                if (in_app || at == root || at == at.parent_path()) break;
            }
            if (!in_app) groups.join(file_group[i], loose_cdk);
        }
    }
    // Number the units by their first file, so the numbering follows the sorted discovery.
    std::map<std::size_t, std::size_t> numbers;
    std::vector<std::size_t> units(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto [it, added] = numbers.emplace(groups.find(file_group[i]), numbers.size());
        units[i] = it->second;
    }
    return units;
}

std::vector<bool> files_in_shard(const std::vector<DiscoveredFile>& files, const fs::path& root,
                                 const ShardSpec& shard, const std::vector<std::string>& markers) {
    if (shard.count <= 1) return std::vector<bool>(files.size(), true);
    const std::vector<std::size_t> units = scan_units(files, root, markers);
    const std::size_t unit_count =
        units.empty() ? 0 : *std::max_element(units.begin(), units.end()) + 1;
    std::vector<std::size_t> sizes(unit_count, 0);
    for (std::size_t unit : units)
        ++sizes[unit];
    std::vector<std::size_t> order(unit_count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::vector<std::size_t> load(shard.count, 0);
    std::vector<unsigned> part_of(unit_count, 0);
    for (std::size_t unit : order) {
        const auto lightest = std::min_element(load.begin(), load.end()) - load.begin();
        part_of[unit] = static_cast<unsigned>(lightest);
        load[static_cast<std::size_t>(lightest)] += sizes[unit];
    }
    std::vector<bool> in(files.size());
    for (std::size_t i = 0; i < files.size(); ++i)
        in[i] = part_of[units[i]] + 1 == shard.index;
    return in;
}

}  // namespace bulwark
