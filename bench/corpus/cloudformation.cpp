// CloudFormation: templates of 20 to 200 resources built from units (a bucket with its policy, a
// key, a table, a database, a network, a function with its queue, a topic, a trail), as a small
// value tree rendered to YAML with short-form tags (!Ref, !GetAtt, !Sub, !If, ...) or to JSON.
// Some JSON templates are laid out the way `cdk synth` writes them (cdk.out/<Stack>.template.json:
// hashed logical IDs, aws:cdk:path metadata, the BootstrapVersion parameter and rule).
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "generators.h"

namespace corpus {
namespace {

// ---- the value tree -------------------------------------------------------------------------

struct Field;  // a key and its value; std::pair may not hold the incomplete Node (clang refuses)
struct Node {
    enum class Kind { Str, Num, Map, List, Fn } kind = Kind::Str;
    std::string text;           // Str; Num (also true/false); Fn: "Ref", "Fn::If", ...
    std::vector<Field> fields;  // Map
    std::vector<Node> items;    // List; Fn: its argument in items[0]
};
struct Field {
    Field(std::string key, Node value) : first(std::move(key)), second(std::move(value)) {}
    std::string first;
    Node second;
};
using Fields = std::vector<Field>;

Node S(std::string text) {
    return {Node::Kind::Str, std::move(text), {}, {}};
}
Node N(long long n) {
    return {Node::Kind::Num, std::to_string(n), {}, {}};
}
Node B(bool b) {
    return {Node::Kind::Num, b ? "true" : "false", {}, {}};
}
Node M(Fields fields) {
    return {Node::Kind::Map, {}, std::move(fields), {}};
}
Node L(std::vector<Node> items) {
    return {Node::Kind::List, {}, {}, std::move(items)};
}
Node Fn(std::string name, Node argument) {
    return {Node::Kind::Fn, std::move(name), {}, {std::move(argument)}};
}
Node Ref(const std::string& name) {
    return Fn("Ref", S(name));
}
Node GetAtt(const std::string& resource, const std::string& attribute) {
    return Fn("Fn::GetAtt", L({S(resource), S(attribute)}));
}
Node Sub(const std::string& text) {
    return Fn("Fn::Sub", S(text));
}
Node If(const std::string& condition, Node yes, Node no) {
    return Fn("Fn::If", L({S(condition), std::move(yes), std::move(no)}));
}
Node Select(int index, Node list) {
    return Fn("Fn::Select", L({N(index), std::move(list)}));
}
Node Equals(Node a, Node b) {
    return Fn("Fn::Equals", L({std::move(a), std::move(b)}));
}
Node FindInMap(const std::string& map, Node key, const std::string& name) {
    return Fn("Fn::FindInMap", L({S(map), std::move(key), S(name)}));
}
Node Strings(const std::vector<std::string>& items) {
    std::vector<Node> out;
    for (const std::string& item : items)
        out.push_back(S(item));
    return L(std::move(out));
}
Node Tags(const std::vector<std::pair<std::string, Node>>& tags) {
    std::vector<Node> out;
    for (const auto& [key, value] : tags)
        out.push_back(M({{"Key", S(key)}, {"Value", value}}));
    return L(std::move(out));
}

// ---- YAML -----------------------------------------------------------------------------------

bool plain_ok(const std::string& s) {
    static const std::vector<std::string> kReserved = {"true", "false", "yes", "no",   "on",
                                                       "off",  "y",     "n",   "null", "~"};
    if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') return false;
    if (!std::isalpha(static_cast<unsigned char>(s.front())) && s.front() != '/' &&
        s.front() != '_')
        return false;
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
    for (char c : s)
        if (std::string_view("{}[],&*!|>'\"%@`#\n\t\\").find(c) != std::string_view::npos)
            return false;
    std::string lower;
    for (char c : s)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(kReserved.begin(), kReserved.end(), lower) == kReserved.end();
}

std::string yaml_scalar(const std::string& s) {
    if (plain_ok(s)) return s;
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string yaml_key(const std::string& key) {
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
    return plain ? key : "'" + key + "'";  // keys never hold a quote
}

std::string tag(const Node& fn) {
    return "!" + (fn.text.starts_with("Fn::") ? fn.text.substr(4) : fn.text);
}

// The one-line (flow) form of a node, if it has one that reads well.
std::optional<std::string> yaml_inline(const Node& n) {
    switch (n.kind) {
        case Node::Kind::Str:
            if (n.text.find('\n') != std::string::npos) return std::nullopt;
            return yaml_scalar(n.text);
        case Node::Kind::Num:
            return n.text;
        case Node::Kind::Map:
            if (n.fields.empty()) return "{}";
            return std::nullopt;
        case Node::Kind::List: {
            std::string out = "[";
            for (const Node& item : n.items) {
                auto text = yaml_inline(item);
                if (!text) return std::nullopt;
                out += (out.size() > 1 ? ", " : "") + *text;
            }
            if (out.size() > 70) return std::nullopt;
            return out + "]";
        }
        case Node::Kind::Fn: {
            const Node& arg = n.items.front();
            if (n.text == "Fn::GetAtt")
                return tag(n) + " " + arg.items[0].text + "." + arg.items[1].text;
            auto text = yaml_inline(arg);
            if (!text) return std::nullopt;
            return tag(n) + " " + *text;
        }
    }
    return std::nullopt;
}

std::string yaml_block(const Node& n, int indent);

// What follows "key:" or "-": the inline form, a block scalar, or a nested block.
std::string yaml_after(const Node& n, int indent) {
    if (auto text = yaml_inline(n)) return " " + *text + "\n";
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    auto literal = [&](const std::string& head, const std::string& text) {
        std::string out = head + " |\n";
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            const std::string line = text.substr(start, end - start);
            out += line.empty() ? "\n" : pad + line + "\n";
            start = end + 1;
        }
        return out;
    };
    if (n.kind == Node::Kind::Str) return literal("", n.text);
    if (n.kind == Node::Kind::Fn) {
        const Node& arg = n.items.front();
        if (arg.kind == Node::Kind::Str) return literal(" " + tag(n), arg.text);
        return " " + tag(n) + "\n" + yaml_block(arg, indent);
    }
    return "\n" + yaml_block(n, indent);
}

// A map or list as lines indented by `indent`.
std::string yaml_block(const Node& n, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out;
    if (n.kind == Node::Kind::Map) {
        for (const auto& [key, value] : n.fields)
            out += pad + yaml_key(key) + ":" + yaml_after(value, indent + 2);
    } else if (n.kind == Node::Kind::List) {
        for (const Node& item : n.items) {
            if (item.kind == Node::Kind::Map && !item.fields.empty()) {
                std::string lines =
                    yaml_block(item, indent + 2);  // "- " takes the first line's indent
                out += pad + "- " + lines.substr(static_cast<std::size_t>(indent) + 2);
            } else {
                out += pad + "-" + yaml_after(item, indent + 4);
            }
        }
    } else {
        out += pad + *yaml_inline(n) + "\n";
    }
    return out;
}

// ---- JSON -----------------------------------------------------------------------------------

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

void json(const Node& n, int indent, int step, std::string& out) {
    const std::string pad(static_cast<std::size_t>(indent + step), ' ');
    const std::string close(static_cast<std::size_t>(indent), ' ');
    switch (n.kind) {
        case Node::Kind::Str:
            out += json_string(n.text);
            return;
        case Node::Kind::Num:
            out += n.text;
            return;
        case Node::Kind::Fn:
            json(M({{n.text, n.items.front()}}), indent, step, out);
            return;
        case Node::Kind::Map:
            if (n.fields.empty()) {
                out += "{}";
                return;
            }
            out += "{\n";
            for (std::size_t i = 0; i < n.fields.size(); ++i) {
                out += pad + json_string(n.fields[i].first) + ": ";
                json(n.fields[i].second, indent + step, step, out);
                out += i + 1 < n.fields.size() ? ",\n" : "\n";
            }
            out += close + "}";
            return;
        case Node::Kind::List:
            if (n.items.empty()) {
                out += "[]";
                return;
            }
            out += "[\n";
            for (std::size_t i = 0; i < n.items.size(); ++i) {
                out += pad;
                json(n.items[i], indent + step, step, out);
                out += i + 1 < n.items.size() ? ",\n" : "\n";
            }
            out += close + "]";
            return;
    }
}

// ---- templates ------------------------------------------------------------------------------

constexpr const char* kHandler = R"PY(import json
import os

import boto3

TABLE_NAME = os.environ.get("TABLE_NAME", "")
dynamodb = boto3.resource("dynamodb")


def handler(event, context):
    table = dynamodb.Table(TABLE_NAME)
    records = event.get("Records", [])
    for record in records:
        body = json.loads(record["body"])
        table.put_item(Item=body)
    return {"processed": len(records)}
)PY";

class Template {
  public:
    Template(Rng& random, std::string stack, std::string stage, bool cdk)
        : rng(random), stack_(std::move(stack)), stage_(std::move(stage)), cdk_(cdk) {}

    std::size_t resources() const { return resources_.size(); }
    bool cdk() const { return cdk_; }

    // A new logical ID (CDK appends a hash of the construct path).
    std::string id(const std::string& base) {
        std::string name = base;
        for (std::size_t n = 2; std::find(ids_.begin(), ids_.end(), name) != ids_.end(); ++n)
            name = base + std::to_string(n);
        ids_.push_back(name);
        if (!cdk_) return name;
        std::string hash = hex_id(rng, 8);
        for (char& c : hash)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return name + hash;
    }

    void add(const std::string& logical_id, const std::string& type, Fields properties,
             Fields extra = {}) {
        Fields body = {{"Type", S(type)}};
        for (auto& f : extra)
            body.push_back(std::move(f));
        body.emplace_back("Properties", M(std::move(properties)));
        if (cdk_)
            body.emplace_back(
                "Metadata",
                M({{"aws:cdk:path",
                    S(stack_ + "/" + logical_id.substr(0, logical_id.size() - 8) + "/Resource")}}));
        resources_.emplace_back(logical_id, M(std::move(body)));
    }
    void output(const std::string& name, Node value) {
        Fields body = {{"Description", S("Exported for the stacks that build on " + stack_)},
                       {"Value", std::move(value)}};
        if (!cdk_) body.emplace_back("Export", M({{"Name", Sub("${AWS::StackName}-" + name)}}));
        outputs_.emplace_back(name, M(std::move(body)));
    }

    // A name not used yet by a unit of this kind in this template: orders, orders-2, ...
    std::string unique(const std::string& kind, const std::string& noun) {
        std::string name = noun;
        for (std::size_t n = 2; !nouns_.insert(kind + "/" + name).second; ++n)
            name = noun + "-" + std::to_string(n);
        return name;
    }

    // Environment-dependent values: parameters, conditions and mappings (only those used are
    // declared), or literal values in CDK output.
    Node param(const std::string& name, Node cdk_value) {
        if (cdk_) return cdk_value;
        used_.insert(name);
        return Ref(name);
    }
    void use(const std::string& name) { used_.insert(name); }  // a parameter named in a !Sub
    Node env() { return param("Environment", S(stage_)); }
    Node if_prod(Node yes, Node no) {
        if (cdk_) return stage_ == "prod" ? yes : no;
        used_.insert("IsProduction");
        return If("IsProduction", std::move(yes), std::move(no));
    }
    Node setting(const std::string& name, const std::string& prod, const std::string& other) {
        if (cdk_) return S(stage_ == "prod" ? prod : other);
        used_.insert("EnvironmentSettings");
        return FindInMap("EnvironmentSettings", env(), name);
    }
    Node alarm_actions() {
        if (cdk_) return L({});
        used_.insert("HasAlarmTopic");
        return If("HasAlarmTopic", L({param("AlarmTopicArn", S(""))}), Ref("AWS::NoValue"));
    }
    Node name(const std::string& suffix) {
        if (!cdk_) return Sub("${AWS::StackName}-" + suffix);
        std::string lower = stack_ + "-" + suffix;
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return S(lower);
    }
    Node tags(const std::string& purpose) {
        return Tags({{"Environment", env()},
                     {"Purpose", S(purpose)},
                     {"ManagedBy", S(cdk_ ? "cdk" : "cloudformation")}});
    }

    std::string render(bool yaml, const std::string& description) {
        Fields top;
        if (!cdk_) top.emplace_back("AWSTemplateFormatVersion", S("2010-09-09"));
        top.emplace_back("Description", S(description));
        if (cdk_) {
            top.emplace_back(
                "Parameters",
                M({{"BootstrapVersion",
                    M({{"Type", S("AWS::SSM::Parameter::Value<String>")},
                       {"Default", S("/cdk-bootstrap/hnb659fds/version")},
                       {"Description",
                        S("Version of the CDK Bootstrap resources in this environment, "
                          "automatically retrieved from SSM Parameter Store. [cdk:skip]")}})}}));
            std::vector<Node> regions;
            for (const char* region :
                 {"af-south-1", "ap-east-1", "ap-northeast-1", "ap-south-1", "ap-southeast-1",
                  "ap-southeast-2", "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1",
                  "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-2"})
                regions.push_back(Equals(Ref("AWS::Region"), S(region)));
            top.emplace_back(
                "Conditions",
                M({{"CDKMetadataAvailable",
                    Fn("Fn::Or",
                       L({Fn("Fn::Or", L(std::vector<Node>(regions.begin(), regions.begin() + 8))),
                          Fn("Fn::Or",
                             L(std::vector<Node>(regions.begin() + 8, regions.end())))}))}}));
            add_cdk_metadata();
        } else {
            Fields conditions;
            if (used_.count("IsProduction") || used_.count("HasAlarmTopic")) {
                used_.insert("Environment");
                conditions.emplace_back("IsProduction", Equals(Ref("Environment"), S("prod")));
            }
            if (used_.count(
                    "HasAlarmTopic"))  // alarms notify only in production, when given a topic
                conditions.emplace_back(
                    "HasAlarmTopic",
                    Fn("Fn::And", L({Fn("Condition", S("IsProduction")),
                                     Fn("Fn::Not", L({Equals(Ref("AlarmTopicArn"), S(""))}))})));
            top.emplace_back("Parameters", parameters());
            if (used_.count("EnvironmentSettings"))
                top.emplace_back(
                    "Mappings",
                    M({{"EnvironmentSettings",
                        M({{"prod",
                            M({{"InstanceClass", S("db.r6g.large")}, {"BackupDays", N(35)}})},
                           {"staging",
                            M({{"InstanceClass", S("db.t4g.large")}, {"BackupDays", N(7)}})},
                           {"dev",
                            M({{"InstanceClass", S("db.t4g.medium")}, {"BackupDays", N(1)}})}})}}));
            if (!conditions.empty()) top.emplace_back("Conditions", M(std::move(conditions)));
        }
        top.emplace_back("Resources", M(resources_));
        if (!outputs_.empty()) top.emplace_back("Outputs", M(outputs_));
        if (cdk_) top.emplace_back("Rules", cdk_rules());
        if (yaml) return yaml_block(M(std::move(top)), 0);
        std::string out;
        json(M(std::move(top)), 0, cdk_ ? 1 : 2, out);
        return out + "\n";
    }

    Rng& rng;
    std::string key;  // logical ID of the template's main key

  private:
    Node parameters() {
        auto p = [](const std::string& type, const std::string& description, Node value,
                    Fields extra = {}) {
            Fields f = {
                {"Type", S(type)}, {"Description", S(description)}, {"Default", std::move(value)}};
            for (auto& e : extra)
                f.push_back(std::move(e));
            return M(std::move(f));
        };
        Fields all = {
            {"Environment", p("String", "Environment the stack runs in.", S(stage_),
                              {{"AllowedValues", Strings({"prod", "staging", "dev"})}})},
            {"VpcId",
             p("AWS::EC2::VPC::Id", "VPC of the workloads.", S("vpc-0" + hex_id(rng, 16)))},
            {"SubnetIds", p("List<AWS::EC2::Subnet::Id>", "Private subnets of the workloads.",
                            S("subnet-0" + hex_id(rng, 16) + ",subnet-0" + hex_id(rng, 16)))},
            {"VpcCidr", p("String", "Address range of the VPC.",
                          S("10." + std::to_string(rng.range(0, 255)) + ".0.0/16"),
                          {{"AllowedPattern", S("^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$")}})},
            {"AdminCidr", p("String", "Network the administrators connect from.",
                            S(rng.chance(4) ? "0.0.0.0/0" : "10.250.0.0/16"))},
            {"AppCidr", p("String", "Address range of the application tier.",
                          S("10." + std::to_string(rng.range(0, 255)) + ".16.0/20"))},
            {"ArtifactBucket", p("String", "Bucket the build pipeline publishes code to.",
                                 S(stage_ + "-artifacts-" + account_id(rng)))},
            {"LogRetentionDays",
             p("Number", "How long log groups keep events.", N(365),
               {{"AllowedValues", L({N(7), N(14), N(30), N(90), N(365), N(731)})}})},
            {"AlarmTopicArn", p("String", "Topic that receives alarms; empty for none.", S(""))},
        };
        Fields used;
        for (auto& [name, parameter] : all)
            if (used_.count(name)) used.emplace_back(name, std::move(parameter));
        return M(std::move(used));
    }
    void add_cdk_metadata() {
        resources_.emplace_back(
            "CDKMetadata",
            M({{"Type", S("AWS::CDK::Metadata")},
               {"Properties",
                M({{"Analytics", S("v2:deflate64:H4sIAAAAAAAA/" + hex_id(rng, 48))}})},
               {"Metadata", M({{"aws:cdk:path", S(stack_ + "/CDKMetadata/Default")}})},
               {"Condition", S("CDKMetadataAvailable")}}));
    }
    Node cdk_rules() {
        return M(
            {{"CheckBootstrapVersion",
              M({{"Assertions",
                  L({M({{"Assert",
                         Fn("Fn::Not", L({Fn("Fn::Contains", L({Strings({"1", "2", "3", "4", "5"}),
                                                                Ref("BootstrapVersion")}))}))},
                        {"AssertDescription",
                         S("CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' "
                           "with a recent version of the CDK CLI.")}})})}})}});
    }

    std::string stack_, stage_;
    bool cdk_;
    std::vector<std::string> ids_;
    std::set<std::string> nouns_, used_;  // used_: parameters, conditions and mappings referred to
    Fields resources_, outputs_;
};

// ---- units ----------------------------------------------------------------------------------

Node deny_insecure(const std::string& bucket) {
    return M({{"Sid", S("DenyInsecureTransport")},
              {"Effect", S("Deny")},
              {"Principal", S("*")},
              {"Action", S("s3:*")},
              {"Resource", L({GetAtt(bucket, "Arn"), Sub("${" + bucket + ".Arn}/*")})},
              {"Condition", M({{"Bool", M({{"aws:SecureTransport", S("false")}})}})}});
}

void key(Template& t, const std::string& base) {
    const std::string noun = t.unique("key", base);
    const std::string k = t.id(pascal(noun) + "Key");
    t.add(
        k, "AWS::KMS::Key",
        {{"Description", S("Customer managed key for " + noun)},
         {"EnableKeyRotation", B(!t.rng.chance(12))},
         {"PendingWindowInDays", N(t.rng.chance(50) ? 30 : 7)},
         {"KeyPolicy",
          M({{"Version", S("2012-10-17")},
             {"Statement",
              L({M({{"Sid", S("AccountAdministration")},
                    {"Effect", S("Allow")},
                    {"Principal",
                     M({{"AWS", Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")}})},
                    {"Action", S("kms:*")},
                    {"Resource", S("*")}}),
                 M({{"Sid", S("ServiceUse")},
                    {"Effect", S("Allow")},
                    {"Principal", M({{"Service", Strings({"logs.amazonaws.com", "sqs.amazonaws.com",
                                                          "sns.amazonaws.com"})}})},
                    {"Action", Strings({"kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"})},
                    {"Resource", S("*")},
                    {"Condition", M({{"StringEquals",
                                      M({{"aws:SourceAccount", Ref("AWS::AccountId")}})}})}})})}})},
         {"Tags", t.tags(noun)}},
        {{"DeletionPolicy", S("Retain")}, {"UpdateReplacePolicy", S("Retain")}});
    t.add(t.id(pascal(noun) + "KeyAlias"), "AWS::KMS::Alias",
          {{"AliasName", t.cdk() ? S("alias/" + noun + "-" + hex_id(t.rng, 6))
                                 : Sub("alias/${AWS::StackName}/" + noun)},
           {"TargetKeyId", Ref(k)}});
    if (t.key.empty()) t.key = k;
}

void bucket(Template& t, const std::string& base) {
    const std::string noun = t.unique("bucket", base);
    Rng& r = t.rng;
    const std::string b = t.id(pascal(noun) + "Bucket");
    const bool good = r.chance(75);
    Node versioning = good || r.chance(50) ? S("Enabled")
                      : r.chance(50)       ? t.if_prod(S("Enabled"), S("Suspended"))
                                           : S("Suspended");
    Node sse = good || r.chance(50)
                   ? M({{"SSEAlgorithm", S("aws:kms")}, {"KMSMasterKeyID", GetAtt(t.key, "Arn")}})
                   : M({{"SSEAlgorithm", S("AES256")}});
    std::vector<Node> rules = {
        M({{"Id", S("expire-noncurrent")},
           {"Status", S("Enabled")},
           {"NoncurrentVersionExpiration", M({{"NoncurrentDays", N(r.range(1, 12) * 30)}})}})};
    if (r.chance(50))
        rules.push_back(M({{"Id", S("archive")},
                           {"Status", S("Enabled")},
                           {"Transitions",
                            L({M({{"StorageClass", S("STANDARD_IA")}, {"TransitionInDays", N(30)}}),
                               M({{"StorageClass", S("GLACIER")},
                                  {"TransitionInDays", N(r.range(3, 12) * 30)}})})}}));
    Fields props = {
        {"BucketName", t.name(noun + "-" + hex_id(r, 6))},
        {"BucketEncryption",
         M({{"ServerSideEncryptionConfiguration",
             L({M({{"ServerSideEncryptionByDefault", sse}, {"BucketKeyEnabled", B(true)}})})}})},
        {"VersioningConfiguration", M({{"Status", versioning}})},
        {"PublicAccessBlockConfiguration", M({{"BlockPublicAcls", B(true)},
                                              {"BlockPublicPolicy", B(good || r.chance(70))},
                                              {"IgnorePublicAcls", B(true)},
                                              {"RestrictPublicBuckets", B(true)}})},
        {"LifecycleConfiguration", M({{"Rules", L(std::move(rules))}})},
        {"Tags", t.tags(noun)}};
    if (!t.cdk() && r.chance(40))
        t.use("Environment"),
            props.emplace_back(
                "LoggingConfiguration",
                M({{"DestinationBucketName", Sub("${Environment}-access-logs-${AWS::AccountId}")},
                   {"LogFilePrefix", S(noun + "/")}}));
    t.add(b, "AWS::S3::Bucket", std::move(props),
          {{"DeletionPolicy", S("Retain")}, {"UpdateReplacePolicy", S("Retain")}});
    if (good || r.chance(40)) {
        std::vector<Node> statements = {deny_insecure(b)};
        if (r.chance(40))
            statements.push_back(
                M({{"Sid", S("ReadFromAccount")},
                   {"Effect", S("Allow")},
                   {"Principal",
                    M({{"AWS", Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")}})},
                   {"Action", Strings({"s3:GetObject", "s3:ListBucket"})},
                   {"Resource", L({GetAtt(b, "Arn"), Sub("${" + b + ".Arn}/*")})}}));
        t.add(t.id(pascal(noun) + "BucketPolicy"), "AWS::S3::BucketPolicy",
              {{"Bucket", Ref(b)},
               {"PolicyDocument",
                M({{"Version", S("2012-10-17")}, {"Statement", L(std::move(statements))}})}});
    }
    if (r.chance(30)) t.output(b + "Name", Ref(b));
}

void table(Template& t, const std::string& base) {
    const std::string noun = t.unique("table", base);
    Rng& r = t.rng;
    const std::string tb = t.id(pascal(noun) + "Table");
    const std::string pk = base.substr(0, base.size() - 1) + "_id";
    std::vector<Node> attributes = {M({{"AttributeName", S(pk)}, {"AttributeType", S("S")}})};
    std::vector<Node> schema = {M({{"AttributeName", S(pk)}, {"KeyType", S("HASH")}})};
    if (r.chance(60)) {
        attributes.push_back(M({{"AttributeName", S("created_at")}, {"AttributeType", S("N")}}));
        schema.push_back(M({{"AttributeName", S("created_at")}, {"KeyType", S("RANGE")}}));
    }
    Fields props = {{"TableName", t.name(noun)}, {"BillingMode", S("PAY_PER_REQUEST")}};
    const bool index = r.chance(40);
    if (index) attributes.push_back(M({{"AttributeName", S("status")}, {"AttributeType", S("S")}}));
    props.emplace_back("AttributeDefinitions", L(std::move(attributes)));
    props.emplace_back("KeySchema", L(std::move(schema)));
    if (index)
        props.emplace_back(
            "GlobalSecondaryIndexes",
            L({M({{"IndexName", S("by-status")},
                  {"KeySchema", L({M({{"AttributeName", S("status")}, {"KeyType", S("HASH")}})})},
                  {"Projection", M({{"ProjectionType", S("ALL")}})}})}));
    const int pitr = r.range(0, 9);
    if (pitr < 6)
        props.emplace_back("PointInTimeRecoverySpecification",
                           M({{"PointInTimeRecoveryEnabled", B(true)}}));
    else if (pitr < 8)
        props.emplace_back("PointInTimeRecoverySpecification",
                           M({{"PointInTimeRecoveryEnabled", t.if_prod(B(true), B(false))}}));
    props.emplace_back(
        "SSESpecification",
        M({{"SSEEnabled", B(true)}, {"SSEType", S("KMS")}, {"KMSMasterKeyId", Ref(t.key)}}));
    if (r.chance(40))
        props.emplace_back("TimeToLiveSpecification",
                           M({{"AttributeName", S("expires_at")}, {"Enabled", B(true)}}));
    if (r.chance(40))
        props.emplace_back("StreamSpecification", M({{"StreamViewType", S("NEW_AND_OLD_IMAGES")}}));
    props.emplace_back("Tags", t.tags(noun));
    t.add(tb, "AWS::DynamoDB::Table", std::move(props),
          {{"DeletionPolicy", S("Retain")}, {"UpdateReplacePolicy", S("Retain")}});
    if (r.chance(50)) {
        t.add(t.id(pascal(noun) + "ThrottleAlarm"), "AWS::CloudWatch::Alarm",
              {{"AlarmDescription", S("Requests to the " + noun + " table are throttled")},
               {"Namespace", S("AWS/DynamoDB")},
               {"MetricName", S("ThrottledRequests")},
               {"Dimensions", L({M({{"Name", S("TableName")}, {"Value", Ref(tb)}})})},
               {"Statistic", S("Sum")},
               {"Period", N(300)},
               {"EvaluationPeriods", N(2)},
               {"Threshold", N(1)},
               {"ComparisonOperator", S("GreaterThanOrEqualToThreshold")},
               {"AlarmActions", t.alarm_actions()}});
    }
    if (r.chance(30)) t.output(tb + "Arn", GetAtt(tb, "Arn"));
}

void database(Template& t, const std::string& base) {
    const std::string noun = t.unique("database", base);
    Rng& r = t.rng;
    const std::string p = pascal(noun);
    const bool postgres = r.chance(70);
    const int port = postgres ? 5432 : 3306;
    const std::string group = t.id(p + "DbSubnetGroup"), sg = t.id(p + "DbSecurityGroup"),
                      params = t.id(p + "DbParameters");
    t.add(group, "AWS::RDS::DBSubnetGroup",
          {{"DBSubnetGroupDescription", S("Private subnets of the " + noun + " database")},
           {"SubnetIds", t.param("SubnetIds", Strings({"subnet-0" + hex_id(r, 16),
                                                       "subnet-0" + hex_id(r, 16)}))}});
    t.add(sg, "AWS::EC2::SecurityGroup",
          {{"GroupDescription", S("Database of " + noun)},
           {"VpcId", t.param("VpcId", S("vpc-0" + hex_id(r, 16)))},
           {"SecurityGroupIngress",
            L({M({{"Description", S("Database port from the application tier")},
                  {"IpProtocol", S("tcp")},
                  {"FromPort", N(port)},
                  {"ToPort", N(port)},
                  {"CidrIp", t.param("AppCidr", S("10.20.16.0/20"))}})})},
           {"Tags", t.tags(noun)}});
    t.add(params, "AWS::RDS::DBParameterGroup",
          {{"Description", S("Parameters of the " + noun + " database")},
           {"Family", S(postgres ? "postgres16" : "mysql8.0")},
           {"Parameters",
            postgres ? M({{"rds.force_ssl", S("1")},
                          {"log_min_duration_statement", S(std::to_string(r.range(1, 10) * 100))}})
                     : M({{"require_secure_transport", S("ON")}, {"slow_query_log", S("1")}})}});
    const bool good = r.chance(80);
    const bool encrypted = good || r.chance(50);
    Fields props = {
        {"DBInstanceIdentifier", t.name(noun + "-db")},
        {"Engine", S(postgres ? "postgres" : "mysql")},
        {"EngineVersion", S(postgres ? "16.9" : "8.0.43")},
        {"DBInstanceClass", t.setting("InstanceClass", "db.r6g.large", "db.t4g.medium")},
        {"AllocatedStorage", S(std::to_string(r.range(2, 40) * 25))},
        {"StorageType", S("gp3")},
        {"StorageEncrypted", B(encrypted)}};
    if (encrypted) props.emplace_back("KmsKeyId", Ref(t.key));
    props.insert(props.end(),
                 {{"MasterUsername", S("app_admin")},
                  {"ManageMasterUserPassword", B(true)},
                  {"DBSubnetGroupName", Ref(group)},
                  {"DBParameterGroupName", Ref(params)},
                  {"VPCSecurityGroups", L({GetAtt(sg, "GroupId")})},
                  {"PubliclyAccessible", B(!(good || r.chance(50)))},
                  {"MultiAZ", t.if_prod(B(true), B(false))},
                  {"BackupRetentionPeriod", t.setting("BackupDays", "35", "1")},
                  {"DeletionProtection", t.if_prod(B(true), B(false))},
                  {"CopyTagsToSnapshot", B(true)},
                  {"EnablePerformanceInsights", B(true)},
                  {"EnableIAMDatabaseAuthentication", B(true)},
                  {"EnableCloudwatchLogsExports",
                   postgres ? Strings({"postgresql", "upgrade"}) : Strings({"error", "slowquery"})},
                  {"Tags", t.tags(noun)}});
    const std::string db = t.id(p + "Database");
    t.add(db, "AWS::RDS::DBInstance", std::move(props),
          {{"DeletionPolicy", S("Snapshot")}, {"UpdateReplacePolicy", S("Snapshot")}});
    if (r.chance(40)) {
        Fields extra = {{"DeletionPolicy", S("Delete")}};
        if (!t.cdk()) t.use("IsProduction"), extra.emplace_back("Condition", S("IsProduction"));
        t.add(t.id(p + "DatabaseReplica"), "AWS::RDS::DBInstance",
              {// Encryption is the source's: CloudFormation rejects StorageEncrypted on a replica.
               {"SourceDBInstanceIdentifier", Ref(db)},
               {"DBInstanceClass", t.setting("InstanceClass", "db.r6g.large", "db.t4g.medium")},
               {"PubliclyAccessible", B(false)},
               {"Tags", t.tags(noun)}},
              std::move(extra));
    }
    t.output(db + "Endpoint", GetAtt(db, "Endpoint.Address"));
}

void network(Template& t) {
    Rng& r = t.rng;
    const std::string vpc = t.id("Vpc"), igw = t.id("InternetGateway"),
                      attach = t.id("GatewayAttachment"), routes = t.id("PublicRouteTable");
    t.add(vpc, "AWS::EC2::VPC",
          {{"CidrBlock", t.param("VpcCidr", S("10.40.0.0/16"))},
           {"EnableDnsSupport", B(true)},
           {"EnableDnsHostnames", B(true)},
           {"Tags", t.tags("network")}});
    t.add(igw, "AWS::EC2::InternetGateway", {{"Tags", t.tags("network")}});
    t.add(attach, "AWS::EC2::VPCGatewayAttachment",
          {{"VpcId", Ref(vpc)}, {"InternetGatewayId", Ref(igw)}});
    t.add(routes, "AWS::EC2::RouteTable", {{"VpcId", Ref(vpc)}, {"Tags", t.tags("network")}});
    t.add(t.id("PublicDefaultRoute"), "AWS::EC2::Route",
          {{"RouteTableId", Ref(routes)},
           {"DestinationCidrBlock", S("0.0.0.0/0")},
           {"GatewayId", Ref(igw)}},
          {{"DependsOn", S(attach)}});
    const int zones = r.range(2, 3);
    for (int z = 0; z < zones; ++z) {
        for (const char* tier : {"Public", "Private"}) {
            const std::string subnet =
                t.id(std::string(tier) + "Subnet" + std::string(1, static_cast<char>('A' + z)));
            t.add(subnet, "AWS::EC2::Subnet",
                  {{"VpcId", Ref(vpc)},
                   {"CidrBlock", Select(z + (tier[1] == 'u' ? 0 : 3),
                                        Fn("Fn::Cidr", L({GetAtt(vpc, "CidrBlock"), N(6), N(8)})))},
                   {"AvailabilityZone", Select(z, Fn("Fn::GetAZs", S("")))},
                   {"MapPublicIpOnLaunch", B(false)},
                   {"Tags", t.tags(std::string(tier) + " subnet")}});
            if (tier[1] == 'u')
                t.add(t.id(subnet + "Routes"), "AWS::EC2::SubnetRouteTableAssociation",
                      {{"SubnetId", Ref(subnet)}, {"RouteTableId", Ref(routes)}});
        }
    }
    auto ingress = [](const std::string& description, int port, Node cidr) {
        return M({{"Description", S(description)},
                  {"IpProtocol", S("tcp")},
                  {"FromPort", N(port)},
                  {"ToPort", N(port)},
                  {"CidrIp", std::move(cidr)}});
    };
    t.add(t.id("WebSecurityGroup"), "AWS::EC2::SecurityGroup",
          {{"GroupDescription", S("Load balancer")},
           {"VpcId", Ref(vpc)},
           {"SecurityGroupIngress", L({ingress("HTTPS from the internet", 443, S("0.0.0.0/0")),
                                       ingress("HTTP redirect", 80, S("0.0.0.0/0"))})},
           {"Tags", t.tags("web")}});
    const std::string bastion = t.id("BastionSecurityGroup");
    t.add(bastion, "AWS::EC2::SecurityGroup",
          {{"GroupDescription", S("Bastion host")},
           {"VpcId", Ref(vpc)},
           {"SecurityGroupIngress",
            L({ingress("SSH from the administrators", 22,
                       r.chance(10) ? S("0.0.0.0/0") : t.param("AdminCidr", S("10.250.0.0/16")))})},
           {"SecurityGroupEgress", L({M({{"IpProtocol", S("tcp")},
                                         {"FromPort", N(443)},
                                         {"ToPort", N(443)},
                                         {"CidrIp", S("0.0.0.0/0")}})})},
           {"Tags", t.tags("bastion")}});
    if (r.chance(30))
        t.add(t.id("LegacyRdpIngress"), "AWS::EC2::SecurityGroupIngress",
              {{"GroupId", GetAtt(bastion, "GroupId")},
               {"Description", S("RDP for the legacy jump host")},
               {"IpProtocol", S("tcp")},
               {"FromPort", N(3389)},
               {"ToPort", N(3389)},
               {"CidrIp", r.chance(50) ? S("0.0.0.0/0") : S("10.250.0.0/16")}});
    const std::string logs = t.id("FlowLogGroup"), role = t.id("FlowLogRole");
    t.add(logs, "AWS::Logs::LogGroup",
          {{"RetentionInDays", t.param("LogRetentionDays", N(365))},
           {"KmsKeyId", GetAtt(t.key, "Arn")}});
    t.add(
        role, "AWS::IAM::Role",
        {{"AssumeRolePolicyDocument",
          M({{"Version", S("2012-10-17")},
             {"Statement", L({M({{"Effect", S("Allow")},
                                 {"Principal", M({{"Service", S("vpc-flow-logs.amazonaws.com")}})},
                                 {"Action", S("sts:AssumeRole")}})})}})},
         {"Policies",
          L({M({{"PolicyName", S("write-flow-logs")},
                {"PolicyDocument",
                 M({{"Version", S("2012-10-17")},
                    {"Statement",
                     L({M({{"Effect", S("Allow")},
                           {"Action", Strings({"logs:CreateLogStream", "logs:PutLogEvents",
                                               "logs:DescribeLogStreams"})},
                           {"Resource", GetAtt(logs, "Arn")}})})}})}})})}});
    t.add(t.id("FlowLog"), "AWS::EC2::FlowLog",
          {{"ResourceId", Ref(vpc)},
           {"ResourceType", S("VPC")},
           {"TrafficType", S("ALL")},
           {"LogDestinationType", S("cloud-watch-logs")},
           {"LogGroupName", Ref(logs)},
           {"DeliverLogsPermissionArn", GetAtt(role, "Arn")}});
    t.output("VpcId", Ref(vpc));
}

void function(Template& t, const std::string& base) {
    const std::string noun = t.unique("function", base);
    Rng& r = t.rng;
    const int timeout = r.range(1, 10) * 10;
    const std::string p = pascal(noun);
    const std::string dlq = t.id(p + "DeadLetterQueue"), queue = t.id(p + "Queue"),
                      role = t.id(p + "FunctionRole"), logs = t.id(p + "FunctionLogs"),
                      fn = t.id(p + "Function");
    t.add(dlq, "AWS::SQS::Queue",
          {{"MessageRetentionPeriod", N(1209600)}, {"KmsMasterKeyId", Ref(t.key)}});
    t.add(queue, "AWS::SQS::Queue",
          {{"VisibilityTimeout", N(timeout * 6)},
           {"KmsMasterKeyId", Ref(t.key)},
           {"RedrivePolicy", M({{"deadLetterTargetArn", GetAtt(dlq, "Arn")},
                                {"maxReceiveCount", N(r.range(3, 10))}})}});
    t.add(
        role, "AWS::IAM::Role",
        {{"AssumeRolePolicyDocument",
          M({{"Version", S("2012-10-17")},
             {"Statement", L({M({{"Effect", S("Allow")},
                                 {"Principal", M({{"Service", S("lambda.amazonaws.com")}})},
                                 {"Action", S("sts:AssumeRole")}})})}})},
         {"ManagedPolicyArns",
          L({Sub(
              "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")})},
         {"Policies",
          L({M({{"PolicyName", S("consume")},
                {"PolicyDocument",
                 M({{"Version", S("2012-10-17")},
                    {"Statement",
                     L({M({{"Effect", S("Allow")},
                           {"Action", Strings({"sqs:ReceiveMessage", "sqs:DeleteMessage",
                                               "sqs:GetQueueAttributes"})},
                           {"Resource", GetAtt(queue, "Arn")}}),
                        M({{"Effect", S("Allow")},
                           {"Action", Strings({"kms:Decrypt"})},
                           {"Resource", GetAtt(t.key, "Arn")}})})}})}})})},
         {"Tags", t.tags(noun)}});
    t.add(logs, "AWS::Logs::LogGroup",
          {{"LogGroupName", t.cdk() ? S("/aws/lambda/" + noun + "-" + hex_id(r, 6))
                                    : Sub("/aws/lambda/${AWS::StackName}-" + noun)},
           {"RetentionInDays", N(r.pick(std::vector<int>{14, 30, 90, 365}))}});
    Fields props = {{"Description", S("Consumes the " + noun + " queue")},
                    {"Role", GetAtt(role, "Arn")},
                    {"MemorySize", N(r.range(1, 8) * 128)},
                    {"Timeout", N(timeout)},
                    {"Architectures", Strings({"arm64"})},
                    {"TracingConfig", M({{"Mode", S("Active")}})},
                    {"KmsKeyArn", GetAtt(t.key, "Arn")}};
    if (r.chance(50)) {
        props.emplace_back("Runtime", S("python3.12"));
        props.emplace_back("Handler", S("index.handler"));
        props.emplace_back("Code", M({{"ZipFile", S(kHandler)}}));
    } else {
        props.emplace_back("Runtime", S(r.chance(50) ? "nodejs22.x" : "java21"));
        props.emplace_back("Handler", S("handler." + noun));
        props.emplace_back(
            "Code", M({{"S3Bucket", t.param("ArtifactBucket", S("artifacts-" + hex_id(r, 8)))},
                       {"S3Key", S(noun + "/function.zip")}}));
    }
    props.emplace_back("Environment",
                       M({{"Variables", M({{"ENVIRONMENT", t.env()},
                                           {"QUEUE_URL", Ref(queue)},
                                           {"LOG_LEVEL", t.if_prod(S("INFO"), S("DEBUG"))}})}}));
    props.emplace_back("Tags", t.tags(noun));
    t.add(fn, "AWS::Lambda::Function", std::move(props), {{"DependsOn", L({S(logs)})}});
    t.add(t.id(p + "EventSource"), "AWS::Lambda::EventSourceMapping",
          {{"EventSourceArn", GetAtt(queue, "Arn")},
           {"FunctionName", Ref(fn)},
           {"BatchSize", N(r.range(1, 10))}});
    if (r.chance(40)) {
        const std::string rule = t.id(p + "Schedule");
        t.add(rule, "AWS::Events::Rule",
              {{"ScheduleExpression", S("rate(" + std::to_string(r.range(5, 60)) + " minutes)")},
               {"State", S("ENABLED")},
               {"Targets", L({M({{"Arn", GetAtt(fn, "Arn")}, {"Id", S("function")}})})}});
        t.add(t.id(p + "SchedulePermission"), "AWS::Lambda::Permission",
              {{"FunctionName", Ref(fn)},
               {"Action", S("lambda:InvokeFunction")},
               {"Principal", S("events.amazonaws.com")},
               {"SourceArn", GetAtt(rule, "Arn")}});
    }
}

void topic(Template& t, const std::string& base) {
    const std::string noun = t.unique("topic", base);
    Rng& r = t.rng;
    const std::string p = pascal(noun);
    const std::string topic = t.id(p + "Topic"), queue = t.id(p + "SubscriberQueue");
    t.add(topic, "AWS::SNS::Topic",
          {{"TopicName", t.name(noun + "-events")},
           {"KmsMasterKeyId", Ref(t.key)},
           {"Tags", t.tags(noun)}});
    t.add(queue, "AWS::SQS::Queue",
          {{"KmsMasterKeyId", Ref(t.key)}, {"MessageRetentionPeriod", N(r.range(1, 14) * 86400)}});
    t.add(t.id(p + "Subscription"), "AWS::SNS::Subscription",
          {{"TopicArn", Ref(topic)},
           {"Protocol", S("sqs")},
           {"Endpoint", GetAtt(queue, "Arn")},
           {"RawMessageDelivery", B(true)}});
    t.add(
        t.id(p + "SubscriberQueuePolicy"), "AWS::SQS::QueuePolicy",
        {{"Queues", L({Ref(queue)})},
         {"PolicyDocument",
          M({{"Version", S("2012-10-17")},
             {"Statement",
              L({M({{"Sid", S("FromTopic")},
                    {"Effect", S("Allow")},
                    {"Principal", M({{"Service", S("sns.amazonaws.com")}})},
                    {"Action", S("sqs:SendMessage")},
                    {"Resource", GetAtt(queue, "Arn")},
                    {"Condition", M({{"ArnEquals", M({{"aws:SourceArn", Ref(topic)}})}})}})})}})}});
    if (r.chance(50))
        t.add(t.id(p + "TopicParameter"), "AWS::SSM::Parameter",
              {{"Name",
                t.cdk() ? S("/" + noun + "/topic-arn")
                        : (t.use("Environment"), Sub("/${Environment}/" + noun + "/topic-arn"))},
               {"Type", S("String")},
               {"Value", Ref(topic)},
               {"Description", S("Where " + noun + " events are published")}});
}

void trail(Template& t) {
    Rng& r = t.rng;
    const std::string b = t.id("TrailBucket"), policy = t.id("TrailBucketPolicy"),
                      logs = t.id("TrailLogs"), role = t.id("TrailLogsRole"), trail = t.id("Trail");
    t.add(b, "AWS::S3::Bucket",
          {{"BucketEncryption", M({{"ServerSideEncryptionConfiguration",
                                    L({M({{"ServerSideEncryptionByDefault",
                                           M({{"SSEAlgorithm", S("aws:kms")},
                                              {"KMSMasterKeyID", GetAtt(t.key, "Arn")}})}})})}})},
           {"VersioningConfiguration", M({{"Status", S("Enabled")}})},
           {"PublicAccessBlockConfiguration", M({{"BlockPublicAcls", B(true)},
                                                 {"BlockPublicPolicy", B(true)},
                                                 {"IgnorePublicAcls", B(true)},
                                                 {"RestrictPublicBuckets", B(true)}})}},
          {{"DeletionPolicy", S("Retain")}, {"UpdateReplacePolicy", S("Retain")}});
    t.add(policy, "AWS::S3::BucketPolicy",
          {{"Bucket", Ref(b)},
           {"PolicyDocument",
            M({{"Version", S("2012-10-17")},
               {"Statement",
                L({M({{"Sid", S("AclCheck")},
                      {"Effect", S("Allow")},
                      {"Principal", M({{"Service", S("cloudtrail.amazonaws.com")}})},
                      {"Action", S("s3:GetBucketAcl")},
                      {"Resource", GetAtt(b, "Arn")}}),
                   M({{"Sid", S("Write")},
                      {"Effect", S("Allow")},
                      {"Principal", M({{"Service", S("cloudtrail.amazonaws.com")}})},
                      {"Action", S("s3:PutObject")},
                      {"Resource", Sub("${" + b + ".Arn}/AWSLogs/${AWS::AccountId}/*")},
                      {"Condition", M({{"StringEquals",
                                        M({{"s3:x-amz-acl", S("bucket-owner-full-control")}})}})}}),
                   deny_insecure(b)})}})}});
    t.add(logs, "AWS::Logs::LogGroup",
          {{"RetentionInDays", N(365)}, {"KmsKeyId", GetAtt(t.key, "Arn")}});
    t.add(role, "AWS::IAM::Role",
          {{"AssumeRolePolicyDocument",
            M({{"Version", S("2012-10-17")},
               {"Statement", L({M({{"Effect", S("Allow")},
                                   {"Principal", M({{"Service", S("cloudtrail.amazonaws.com")}})},
                                   {"Action", S("sts:AssumeRole")}})})}})},
           {"Policies",
            L({M({{"PolicyName", S("deliver")},
                  {"PolicyDocument",
                   M({{"Version", S("2012-10-17")},
                      {"Statement",
                       L({M({{"Effect", S("Allow")},
                             {"Action", Strings({"logs:CreateLogStream", "logs:PutLogEvents"})},
                             {"Resource", GetAtt(logs, "Arn")}})})}})}})})}});
    Fields props = {{"IsLogging", B(true)},
                    {"S3BucketName", Ref(b)},
                    {"KMSKeyId", Ref(t.key)},
                    {"IsMultiRegionTrail", t.if_prod(B(true), B(false))},
                    {"IncludeGlobalServiceEvents", B(true)},
                    {"CloudWatchLogsLogGroupArn", GetAtt(logs, "Arn")},
                    {"CloudWatchLogsRoleArn", GetAtt(role, "Arn")}};
    const int validation = r.range(0, 9);
    if (validation < 7)
        props.emplace_back("EnableLogFileValidation", B(true));
    else if (validation < 9)
        props.emplace_back("EnableLogFileValidation", B(false));
    if (r.chance(50))
        props.emplace_back(
            "EventSelectors",
            L({M({{"ReadWriteType", S("All")},
                  {"IncludeManagementEvents", B(true)},
                  {"DataResources",
                   L({M({{"Type", S("AWS::S3::Object")},
                         {"Values", L({Sub("arn:${AWS::Partition}:s3:::${" + b + "}/")})}})})}})}));
    t.add(trail, "AWS::CloudTrail::Trail", std::move(props), {{"DependsOn", L({S(policy)})}});
    t.output("TrailArn", GetAtt(trail, "Arn"));
}

// Resources in a template: 20 to 200, most of them small.
std::size_t template_size(Rng& rng) {
    const std::size_t a = rng.below(181), b = rng.below(181);
    return 20 + a * b / 180;
}

std::string write_template(Rng& rng, const std::string& stack, const std::string& stage, bool json,
                           bool cdk, std::size_t& resources) {
    Template t(rng, stack, stage, cdk);
    const std::size_t target = template_size(rng);
    key(t, "data");
    bool network_done = false, trail_done = false;
    while (t.resources() < target) {
        const std::string& noun = rng.pick(rng.chance(50) ? data_nouns() : entity_nouns());
        switch (rng.below(8)) {
            case 0:
                if (!network_done) {
                    network(t);
                    network_done = true;
                    break;
                }
                [[fallthrough]];
            case 1:
                bucket(t, noun);
                break;
            case 2:
                table(t, noun);
                break;
            case 3:
                database(t, noun);
                break;
            case 4:
                function(t, noun);
                break;
            case 5:
                topic(t, noun);
                break;
            case 6:
                if (!trail_done) {
                    trail(t);
                    trail_done = true;
                    break;
                }
                [[fallthrough]];
            default:
                key(t, noun);
                bucket(t, noun);
                break;
        }
    }
    resources += t.resources();
    return t.render(!json, "The " + stack + " stack (" + stage +
                               "): " + std::to_string(t.resources()) + " resources.");
}

}  // namespace

FormatStats generate_cloudformation(Writer& writer, Rng rng, std::size_t files, bool json) {
    FormatStats stats;
    static const std::vector<std::string> kStacks = {"storage", "data",  "api",    "workers",
                                                     "network", "audit", "events", "platform"};
    for (std::size_t i = 0; i < files; ++i) {
        Rng trng = rng.fork(i);
        const std::string service =
            with_suffix(services()[i / 6 % services().size()], i / 6 / services().size() + 1);
        const std::string stage = trng.pick(std::vector<std::string>{"prod", "staging", "dev"});
        const std::string stack =
            service + "-" + trng.pick(kStacks) + "-" + std::to_string(i % 6 + 1);
        const bool cdk = json && trng.chance(35);
        std::string path;
        if (cdk)
            path = "cdk/" + service + "/cdk.out/" + pascal(stack) + "Stack.template.json";
        else
            path = "cloudformation/" + service + "/" + stack + (json ? ".json" : ".yaml");
        const std::string text = write_template(trng, cdk ? pascal(stack) + "Stack" : stack, stage,
                                                json, cdk, stats.resources);
        writer.write(path, text);
        stats.bytes += text.size();
        ++stats.files;
    }
    return stats;
}

}  // namespace corpus
