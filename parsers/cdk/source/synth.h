#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/value.h"
#include "parsers/cdk/source/symbolic.h"

// The interface between the interpreter and the construct mappers (one file per CDK service
// module under constructs/): what a construct call or a method call on a construct turns into,
// as CloudFormation-shaped resources whose values keep the source ranges they came from.
namespace bulwark::cdk {

struct SynthResource {
    std::string address;      // construct path without the trailing /Resource
    std::string type;         // AWS::S3::Bucket
    std::string native_type;  // the CDK class that made it: aws_s3.Bucket
    SourceRange range;        // the construct call
    Value properties = Value::map({});
    Value attributes = Value::map({});  // DeletionPolicy, UpdateReplacePolicy
};

// How many constructs the interpreter met, for the real-world report and the tests.
struct SynthStats {
    std::size_t mapped = 0;       // L1 or L2 constructs with a mapping
    std::size_t unsupported = 0;  // CDK constructs without a mapping (no resources)
    std::size_t user = 0;         // instances of the app's own construct and stack classes
    // Unknown property values in the resources (counted at the end).
    std::size_t unknown_values = 0;
    std::map<std::string, std::size_t> unsupported_classes;  // which CDK classes had no mapping
};

// Resources and objects of one app, owned by the interpreter.
struct Store {
    std::deque<SynthResource> resources;  // a deque: references stay valid as it grows
    std::unordered_map<std::string, std::size_t> by_address;
    std::vector<std::unique_ptr<Object>> objects;
    SynthStats stats;

    Object& make_object();
    SynthResource* find(std::string_view address);
};

// The call a mapper or method handler works on: `self` is the new construct (mappers) or the
// receiver (methods); args / props are that call's arguments.
class Synth {
  public:
    Synth(Store& store, Object& self, const std::vector<Sym>& args, const Props& props,
          SourceRange call)
        : store_(store), self_(self), args_(args), props_(props), call_(call) {}

    Object& self() { return self_; }
    const SourceRange& call() const { return call_; }
    Store& store() { return store_; }

    // A property by its snake_case name: nullptr when certainly not given; an Unknown symbol when
    // the call passes unknown **kwargs / ...spread and does not name it.
    const Sym* prop(std::string_view snake);
    const SymEntry* prop_entry(std::string_view snake) const { return props_.find(snake); }
    const Props& props() const { return props_; }
    // Positional argument i (methods), or nullptr.
    const Sym* arg(std::size_t i) const { return i < args_.size() ? &args_[i] : nullptr; }
    // A method argument given either positionally (index) or by keyword.
    const Sym* param(std::size_t index, std::string_view keyword);

    // Emits a resource for `self` (child empty: the primary resource, at the construct path) or
    // for a generated child (`Policy`, `ServiceRole`). Returns its properties.
    Value& emit(std::string_view type, std::string_view child = {});
    SynthResource* primary_of(const Object& object);
    Value* properties_of(const Object& object);
    // A child construct of `self` (an automatically created key or role), without resources.
    Object& make_child(std::string_view id, std::string_view cdk_class);
    // A resource for an arbitrary construct path (a policy attached to another construct).
    SynthResource& emit_at(std::string_view address, std::string_view type, std::string_view native,
                           SourceRange range);

    // A value pointing at the call, for what CDK fills in when the code says nothing.
    Value fallback(Value value) const {
        value.set_range(call_);
        return value;
    }

    // Sets a property on `properties` keeping the value's range.
    static void set(Value& properties, std::string_view key, Value value);

  private:
    Store& store_;
    Object& self_;
    const std::vector<Sym>& args_;
    const Props& props_;
    SourceRange call_;
    std::vector<std::unique_ptr<Sym>> unknowns_;  // stable storage for open-props unknowns
};

// ---- conversions shared by the mappers ----------------------------------------------------

// A reference to a construct's resource (Ref when attribute is empty, else Fn::GetAtt), as an
// Unknown that becomes a graph edge; objects without resources are plain Unknowns.
Value reference_to(const Object& object, std::string_view attribute, SourceRange at);
// A symbolic value as data: literals as they are, references to constructs as references,
// containers recursively (keys as written), anything else Unknown.
Value to_value(const Sym& sym);
// The member name when `sym` is a member of the CDK enum or class `owner` (BucketEncryption.KMS
// for owner "BucketEncryption" gives "KMS"); nullopt otherwise.
std::optional<std::string> member_of(const Sym* sym, std::string_view owner);
// The object's class is `cdk_class` or ends with `.suffix` (aws_ec2.Peer.any_ipv4 ~ Peer.any_ipv4).
bool is_class(const Object* object, std::string_view suffix);
const Object* object_of(const Sym* sym);
// Booleans, numbers and strings: a Value when the symbol is that literal or Unknown, else nullopt.
std::optional<Value> bool_value(const Sym* sym);
std::optional<Value> number_value(const Sym* sym);
std::optional<Value> string_value(const Sym* sym);
// A Duration (Duration.days(7), Duration.minutes(5)) in seconds (or Unknown).
std::optional<Value> duration_seconds(const Sym* sym);
// Sets DeletionPolicy / UpdateReplacePolicy from `removal_policy`, or the construct's default.
void apply_removal_policy(Synth& synth, SynthResource& resource, std::string_view fallback);
// The removal policy a prop names: Delete, Retain, Snapshot; nullopt when not a policy member.
std::optional<std::string> removal_policy_name(const Sym* sym);

// ---- catalog --------------------------------------------------------------------------------

using ConstructMapper = void (*)(Synth&);
using MethodHandler = Sym (*)(Synth&);

struct ConstructEntry {
    std::string_view cdk_class;  // aws_s3.Bucket
    ConstructMapper map;
};

struct MethodEntry {
    std::string_view cdk_class;  // aws_s3.Bucket
    std::string_view method;     // grant_read (snake_case)
    MethodHandler handle;
};

struct Catalog {
    std::vector<ConstructEntry> constructs;
    std::vector<MethodEntry> methods;

    const ConstructEntry* construct(std::string_view cdk_class) const;
    const MethodEntry* method(std::string_view cdk_class, std::string_view method) const;
};
const Catalog& catalog();

// L1 constructs (aws_s3.CfnBucket): the CloudFormation type, and the properties converted.
std::optional<std::string> l1_type(std::string_view cdk_class);
void map_l1(Synth& synth, std::string_view type);
// An L1 property name (snake_case or camelCase) as CloudFormation spells it for `type`.
std::string cfn_property_name(std::string_view type, std::string_view name);

// Each service file adds its constructs and methods.
void add_core_constructs(Catalog& catalog);
void add_s3_constructs(Catalog& catalog);
void add_kms_constructs(Catalog& catalog);
void add_dynamodb_constructs(Catalog& catalog);
void add_kinesis_constructs(Catalog& catalog);
void add_lambda_constructs(Catalog& catalog);
void add_iam_constructs(Catalog& catalog);
void add_secretsmanager_constructs(Catalog& catalog);
void add_sqs_constructs(Catalog& catalog);
void add_sns_constructs(Catalog& catalog);
void add_logs_constructs(Catalog& catalog);
void add_ec2_constructs(Catalog& catalog);
void add_rds_constructs(Catalog& catalog);
void add_cloudtrail_constructs(Catalog& catalog);
void add_ecr_constructs(Catalog& catalog);
void add_efs_constructs(Catalog& catalog);
void add_elbv2_constructs(Catalog& catalog);
void add_apigateway_constructs(Catalog& catalog);

}  // namespace bulwark::cdk
