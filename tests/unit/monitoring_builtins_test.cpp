// Built-ins of the network and monitoring catalog (network ACL order, the CIS metric filter and
// alarm chain, trail data events, tags, scan queries, `configured`, `is_set`), the graph folds
// they rely on (flow logs into VPCs, ACL entries into ACLs, trails to their bucket by name) and
// integer_list rule parameters.
#include <doctest/doctest.h>

#include "io/document_reader.h"
#include "rules/check_evaluator.h"
#include "rules/rule_loader.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;

namespace {

Rule load(const std::string& resource, const std::string& check, const std::string& extra = "",
          const RuleParameterValues& overrides = {}) {
    std::string text =
        "id: test-rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
        "resource: [" +
        resource + "]\n" + extra + "check:\n";
    std::size_t start = 0;
    while (start < check.size()) {
        std::size_t end = check.find('\n', start);
        if (end == std::string::npos) end = check.size();
        text += "  " + check.substr(start, end - start) + "\n";
        start = end + 1;
    }
    auto loaded = load_rule("test-rule.yaml", text, overrides);
    if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
        FAIL("rule did not load: " << format_error(errors->front()));
    }
    return std::get<Rule>(std::move(loaded));
}

Tri decide(const Rule& rule, const std::string& template_text, const std::string& address) {
    auto parsed = parse_cfn(template_text);
    return CheckEvaluator(parsed.graph).evaluate(rule.check, parsed.index_of(address)).value;
}

std::string acl(const std::string& entries) {
    return "Resources:\n  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties:\n      VpcId: "
           "vpc-1\n" +
           entries;
}

std::string entry(const std::string& name, int number, const std::string& protocol,
                  const std::string& action, const std::string& cidr, int from = 0, int to = 0) {
    std::string text = "  " + name +
                       ":\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n"
                       "      NetworkAclId: !Ref Acl\n      RuleNumber: " +
                       std::to_string(number) + "\n      Protocol: " + protocol +
                       "\n      RuleAction: " + action + "\n      " + cidr + "\n";
    if (from != 0) {
        text += "      PortRange: {From: " + std::to_string(from) + ", To: " + std::to_string(to) +
                "}\n";
    }
    return text;
}

}  // namespace

TEST_CASE("network_acl_allows_public_ingress: the first matching public entry decides") {
    const Rule admin = load("AWS::EC2::NetworkAcl",
                            "path: Entries\nbuiltin: network_acl_allows_public_ingress\n"
                            "args: {ports: [22, 3389]}");
    const Rule all =
        load("AWS::EC2::NetworkAcl", "path: Entries\nbuiltin: network_acl_allows_public_ingress");
    const std::string deny_then_allow =
        acl("") + entry("DenySsh", 50, "6", "deny", "CidrBlock: 0.0.0.0/0", 22, 22) +
        entry("DenyRdp", 60, "6", "deny", "CidrBlock: 0.0.0.0/0", 3389, 3389) +
        entry("AllowAll", 100, "-1", "allow", "CidrBlock: 0.0.0.0/0");
    CHECK(decide(admin, deny_then_allow, "Acl") == Tri::False);
    CHECK(decide(all, deny_then_allow, "Acl") == Tri::True);  // other ports stay open

    const std::string allow_then_deny =
        acl("") + entry("AllowAll", 100, "-1", "allow", "CidrBlock: 0.0.0.0/0") +
        entry("DenySsh", 200, "6", "deny", "CidrBlock: 0.0.0.0/0", 22, 22);
    CHECK(decide(admin, allow_then_deny, "Acl") == Tri::True);

    // A deny for a private range does not stop the world; an allow for one range does not open it.
    const std::string narrow =
        acl("") + entry("DenyCorp", 10, "-1", "deny", "CidrBlock: 10.0.0.0/8") +
        entry("AllowOffice", 20, "6", "allow", "CidrBlock: 198.51.100.0/24", 22, 22) +
        entry("AllowIpv6Rdp", 30, "6", "allow", "Ipv6CidrBlock: \"::/0\"", 3389, 3389);
    CHECK(decide(admin, narrow, "Acl") == Tri::True);
    CHECK(decide(all, narrow, "Acl") == Tri::False);

    const std::string whole_world_deny =
        acl("") + entry("DenyAll", 1, "-1", "deny", "CidrBlock: 0.0.0.0/0") +
        entry("AllowAll", 100, "-1", "allow", "CidrBlock: 0.0.0.0/0");
    CHECK(decide(all, whole_world_deny, "Acl") == Tri::False);

    // An entry whose source is a parameter may be the first match: undecided, not false.
    const std::string unknown =
        "Parameters:\n  Source: {Type: String}\n" + acl("") +
        entry("AllowSource", 100, "6", "allow", "CidrBlock: !Ref Source", 22, 22);
    CHECK(decide(admin, unknown, "Acl") == Tri::Unknown);
}

TEST_CASE(
    "network_acl_allows_public_ingress: egress entries and ACLs without entries let nothing in") {
    const Rule admin = load("AWS::EC2::NetworkAcl",
                            "not:\n  path: Entries\n  builtin: network_acl_allows_public_ingress\n"
                            "  args: {ports: [22]}");
    std::string egress = acl("") + entry("Out", 100, "-1", "allow", "CidrBlock: 0.0.0.0/0");
    egress += "      Egress: true\n";
    CHECK(decide(admin, egress, "Acl") == Tri::True);
    CHECK(decide(admin, acl(""), "Acl") == Tri::True);
}

TEST_CASE("graph: flow logs fold into their VPC, and ACL entries into their ACL") {
    auto parsed = parse_cfn(R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  VpcFlowLog:
    Type: AWS::EC2::FlowLog
    Properties: {ResourceType: VPC, ResourceId: !Ref Vpc, TrafficType: ALL}
  SubnetFlowLog:
    Type: AWS::EC2::FlowLog
    Properties: {ResourceType: Subnet, ResourceId: !Ref Subnet, TrafficType: REJECT}
)");
    const Resource* vpc = parsed.find("Vpc");
    REQUIRE(vpc != nullptr);
    const Value* logs = vpc->properties.find("FlowLogs");
    REQUIRE(logs != nullptr);
    REQUIRE(logs->as_list().size() == 1);
    CHECK(logs->as_list()[0].find("TrafficType")->as_string() == "ALL");
    CHECK(logs->as_list()[0].find("ResourceId") == nullptr);
    // The subnet's flow log stays a resource of its own.
    CHECK(parsed.graph.of_type("AWS::EC2::FlowLog").size() == 1);
}

TEST_CASE(
    "trail_metric_alarm: a filter on the trail's group with every term, and an alarm that acts") {
    const Rule rule =
        load("AWS::CloudTrail::Trail",
             "path: CloudWatchLogsLogGroupArn\nbuiltin: trail_metric_alarm\n"
             "args:\n  events: ['$.eventName = \"StopLogging\"', '$.eventName = DeleteTrail']");
    const std::string base = R"(Parameters:
  GroupArn: {Type: String}
Resources:
  Group:
    Type: AWS::Logs::LogGroup
    Properties: {LogGroupName: trail-events}
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsMultiRegionTrail: true
      CloudWatchLogsLogGroupArn: !GetAtt Group.Arn
  ElsewhereTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      CloudWatchLogsLogGroupArn: !Ref GroupArn
  LiteralTrail:
    Type: AWS::CloudTrail::Trail
    Properties:
      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:trail-events:*
)";
    const std::string filter = R"(  Filter:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: trail-events
      FilterPattern: '{ ($.eventName=DeleteTrail) || ($.eventName = "StopLogging") || ($.eventName = UpdateTrail) }'
      MetricTransformations:
        - {MetricName: TrailChanges, MetricNamespace: Security, MetricValue: "1"}
)";
    const std::string alarm = R"(  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: TrailChanges
      Namespace: Security
      AlarmActions: [arn:aws:sns:eu-west-1:111122223333:security]
)";
    CHECK(decide(rule, base, "Trail") == Tri::False);
    CHECK(decide(rule, base + filter, "Trail") == Tri::False);  // nobody is told
    CHECK(decide(rule, base + filter + alarm, "Trail") == Tri::True);
    CHECK(decide(rule, base + filter + alarm, "LiteralTrail") == Tri::True);
    CHECK(decide(rule, base + filter + alarm, "ElsewhereTrail") == Tri::Unknown);

    std::string other_namespace = alarm;
    other_namespace.replace(other_namespace.find("Namespace: Security"), 19, "Namespace: Other");
    CHECK(decide(rule, base + filter + other_namespace, "Trail") == Tri::False);

    std::string missing_term = filter;
    missing_term.replace(missing_term.find("($.eventName=DeleteTrail) || "), 29, "");
    CHECK(decide(rule, base + missing_term + alarm, "Trail") == Tri::False);

    std::string other_group = filter;
    other_group.replace(other_group.find("LogGroupName: trail-events"), 26,
                        "LogGroupName: app-logs");
    CHECK(decide(rule, base + other_group + alarm, "Trail") == Tri::False);
}

TEST_CASE("trail_records_data_events: this trail or another one of the scan") {
    const Rule rule = load("AWS::CloudTrail::Trail",
                           "builtin: trail_records_data_events\nargs: {type: AWS::S3::Object}");
    const std::string management = R"(Resources:
  Management:
    Type: AWS::CloudTrail::Trail
    Properties: {IsMultiRegionTrail: true}
)";
    CHECK(decide(rule, management, "Management") == Tri::False);
    const std::string advanced = management + R"(  Data:
    Type: AWS::CloudTrail::Trail
    Properties:
      AdvancedEventSelectors:
        - FieldSelectors:
            - {Field: eventCategory, Equals: [Data]}
            - {Field: resources.type, Equals: [AWS::S3::Object]}
)";
    CHECK(decide(rule, advanced, "Management") == Tri::True);
    const std::string lambda_only = management + R"(  Data:
    Type: AWS::CloudTrail::Trail
    Properties:
      EventSelectors:
        - DataResources: [{Type: AWS::Lambda::Function, Values: [arn:aws:lambda]}]
)";
    CHECK(decide(rule, lambda_only, "Management") == Tri::False);
}

TEST_CASE("has_tag_keys, configured, declared_in_scan and is_set") {
    const Rule tags = load("AWS::S3::Bucket",
                           "path: Tags\nbuiltin: has_tag_keys\nargs: {keys: [owner, cost-center]}");
    const std::string buckets = R"(Parameters:
  Owner: {Type: String}
Resources:
  Tagged:
    Type: AWS::S3::Bucket
    Properties:
      Tags: [{Key: owner, Value: data}, {Key: cost-center, Value: "4711"}]
  Blank:
    Type: AWS::S3::Bucket
    Properties:
      Tags: [{Key: owner, Value: ""}, {Key: cost-center, Value: "4711"}]
  Untagged:
    Type: AWS::S3::Bucket
  FromParameter:
    Type: AWS::S3::Bucket
    Properties:
      Tags: [{Key: owner, Value: !Ref Owner}, {Key: cost-center, Value: "4711"}]
  MapShaped:
    Type: AWS::SSM::Parameter
    Properties:
      Tags: {owner: data, cost-center: "4711"}
)";
    CHECK(decide(tags, buckets, "Tagged") == Tri::True);
    CHECK(decide(tags, buckets, "Blank") == Tri::False);
    CHECK(decide(tags, buckets, "Untagged") == Tri::False);
    CHECK(decide(tags, buckets, "FromParameter") == Tri::True);
    CHECK(decide(tags, buckets, "MapShaped") == Tri::True);

    const std::string parameter =
        "parameters:\n  keys:\n    type: string_list\n    default: []\n    description: d\n"
        "when:\n  builtin: configured\n  args: {value: {param: keys}}\n";
    const Rule off =
        load("AWS::S3::Bucket", "path: Tags\nbuiltin: has_tag_keys\nargs: {keys: {param: keys}}",
             parameter);
    auto parsed = parse_cfn(buckets);
    CheckEvaluator evaluator(parsed.graph);
    CHECK(evaluator.evaluate(*off.when, parsed.index_of("Untagged")).value == Tri::False);
    ReadResult keys = read_yaml("[owner]", kNoFile);
    const Rule on =
        load("AWS::S3::Bucket", "path: Tags\nbuiltin: has_tag_keys\nargs: {keys: {param: keys}}",
             parameter, {{"keys", *keys.value}});
    CHECK(evaluator.evaluate(*on.when, parsed.index_of("Untagged")).value == Tri::True);

    const Rule analyzer =
        load("AWS::S3::Bucket",
             "builtin: declared_in_scan\nargs: {types: [AWS::AccessAnalyzer::Analyzer]}");
    CHECK(decide(analyzer, buckets, "Tagged") == Tri::False);
    CHECK(decide(analyzer,
                 buckets + "  Analyzer:\n    Type: AWS::AccessAnalyzer::Analyzer\n    Properties: "
                           "{Type: ACCOUNT}\n",
                 "Tagged") == Tri::True);

    const Rule key = load("AWS::Logs::LogGroup", "path: KmsKeyId\nbuiltin: is_set");
    const std::string groups = R"(Parameters:
  KeyArn: {Type: String}
Resources:
  Key:
    Type: AWS::KMS::Key
  ByReference:
    Type: AWS::Logs::LogGroup
    Properties: {KmsKeyId: !GetAtt Key.Arn}
  Empty:
    Type: AWS::Logs::LogGroup
    Properties: {KmsKeyId: ""}
  FromParameter:
    Type: AWS::Logs::LogGroup
    Properties: {KmsKeyId: !Ref KeyArn}
  Missing:
    Type: AWS::Logs::LogGroup
)";
    CHECK(decide(key, groups, "ByReference") == Tri::True);
    CHECK(decide(key, groups, "Empty") == Tri::False);
    CHECK(decide(key, groups, "FromParameter") == Tri::Unknown);
    CHECK(decide(key, groups, "Missing") == Tri::False);
}

TEST_CASE("trails reach their bucket by reference or by its literal name") {
    auto parsed = parse_cfn(R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties: {BucketName: example-trail-logs}
  ByName:
    Type: AWS::CloudTrail::Trail
    Properties: {S3BucketName: example-trail-logs}
  ByReference:
    Type: AWS::CloudTrail::Trail
    Properties: {S3BucketName: !Ref Bucket}
)");
    const ResourceIndex bucket = parsed.index_of("Bucket");
    for (const char* trail : {"ByName", "ByReference"}) {
        CAPTURE(trail);
        bool linked = false;
        for (std::uint32_t e : parsed.graph.out_edges(parsed.index_of(trail))) {
            const Edge& edge = parsed.graph.edges()[e];
            linked = linked || (edge.to == bucket && edge.via == "S3BucketName");
        }
        CHECK(linked);
    }
}

TEST_CASE("rule parameters: integer lists substitute into builtin args and reject other types") {
    const std::string extra =
        "parameters:\n  ports:\n    type: integer_list\n    default: [5432]\n    description: d\n";
    const std::string check =
        "path: SecurityGroupIngress[*]\nnone:\n  builtin: ingress_port_open\n"
        "  args: {ports: {param: ports}}";
    const std::string group = R"(Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 6379, ToPort: 6379, CidrIp: 0.0.0.0/0}
)";
    CHECK(decide(load("AWS::EC2::SecurityGroup", check, extra), group, "Group") == Tri::True);
    ReadResult redis = read_yaml("[6379, 11211]", kNoFile);
    CHECK(decide(load("AWS::EC2::SecurityGroup", check, extra, {{"ports", *redis.value}}), group,
                 "Group") == Tri::False);

    std::string text =
        "id: test-rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
        "resource: [AWS::EC2::SecurityGroup]\n" +
        extra +
        "check:\n  path: SecurityGroupIngress[*]\n  none:\n    builtin: ingress_port_open\n"
        "    args: {ports: {param: ports}}\n";
    ReadResult words = read_yaml("[postgres]", kNoFile);
    auto rejected = load_rule("test-rule.yaml", text, {{"ports", *words.value}});
    REQUIRE(std::holds_alternative<std::vector<RuleFileError>>(rejected));
    CHECK(std::get<std::vector<RuleFileError>>(rejected).front().message.find("integer_list") !=
          std::string::npos);
}
