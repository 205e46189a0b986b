// aws_dynamodb: Table (keys, billing, point-in-time recovery, encryption, streams) and TableV2
// (AWS::DynamoDB::GlobalTable).
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

// {name, type: AttributeType.STRING} as a key schema element and its attribute definition.
void key(Synth& s, const Sym* attribute, std::string_view key_type, Value& schema,
         Value& definitions) {
    if (attribute == nullptr) return;
    const SourceRange at = attribute->range;
    const Sym* name = nullptr;
    const Sym* type = nullptr;
    if (attribute->kind == SymKind::Dict) {
        for (const SymEntry& e : attribute->entries) {
            if (e.key == "name") name = &e.value;
            if (e.key == "type") type = &e.value;
        }
    } else if (const Object* o = object_of(attribute)) {
        if (const SymEntry* e = o->props.find("name")) name = &e->value;
        if (const SymEntry* e = o->props.find("type")) type = &e->value;
    }
    if (name == nullptr) {
        schema.as_list().push_back(Value::unknown("a key attribute", {}, at));
        return;
    }
    Value element = Value::map({}, at);
    Synth::set(element, "AttributeName", to_value(*name));
    Synth::set(element, "KeyType", Value::string(std::string(key_type), at));
    schema.as_list().push_back(std::move(element));
    Value definition = Value::map({}, at);
    Synth::set(definition, "AttributeName", to_value(*name));
    std::string letter;
    if (auto member = member_of(type, "AttributeType")) {
        letter = *member == "STRING"   ? "S"
                 : *member == "NUMBER" ? "N"
                 : *member == "BINARY" ? "B"
                                       : "";
    }
    Synth::set(
        definition, "AttributeType",
        letter.empty() ? Value::unknown("attribute type", {}, at) : Value::string(letter, at));
    definitions.as_list().push_back(std::move(definition));
    (void)s;
}

Value pitr(Synth& s) {
    // point_in_time_recovery=True, or point_in_time_recovery_specification={enabled: True}.
    if (const Sym* v = s.prop("point_in_time_recovery_specification")) {
        const Sym* enabled = nullptr;
        if (v->kind == SymKind::Dict) {
            for (const SymEntry& e : v->entries) {
                if (to_snake(e.key) == "point_in_time_recovery_enabled") enabled = &e.value;
            }
        }
        Value spec = Value::map({}, v->range);
        Synth::set(spec, "PointInTimeRecoveryEnabled",
                   enabled ? to_value(*enabled) : Value::unknown("recovery setting", {}, v->range));
        return spec;
    }
    if (const Sym* v = s.prop("point_in_time_recovery")) {
        Value spec = Value::map({}, v->range);
        Synth::set(spec, "PointInTimeRecoveryEnabled", to_value(*v));
        return spec;
    }
    return Value();
}

void sse(Synth& s, Value& p, bool global) {
    const Sym* encryption = s.prop("encryption");
    const Sym* key = s.prop(global ? "encryption_key" : "encryption_key");
    if (encryption == nullptr && key == nullptr) return;
    const SourceRange at = encryption ? encryption->range : key->range;
    Value spec = Value::map({}, at);
    std::optional<std::string> member = member_of(encryption, "TableEncryption");
    if (!member && encryption == nullptr && key != nullptr) member = "CUSTOMER_MANAGED";
    if (!member && encryption != nullptr) {
        // TableEncryptionV2.awsManagedKey() / customerManagedKey(key) for TableV2.
        if (const Object* o = object_of(encryption)) {
            if (o->cdk_class.ends_with("aws_managed_key")) member = "AWS_MANAGED";
            if (o->cdk_class.ends_with("dynamo_owned_key")) member = "DEFAULT";
            if (o->cdk_class.ends_with("customer_managed_key")) member = "CUSTOMER_MANAGED";
        }
    }
    if (!member) {
        Synth::set(p, "SSESpecification", Value::unknown("encryption", {}, at));
        return;
    }
    if (*member == "DEFAULT") return;
    Synth::set(spec, "SSEEnabled", Value::boolean(true, at));
    if (*member == "CUSTOMER_MANAGED") {
        Synth::set(spec, "SSEType", Value::string("KMS", at));
        if (!global) {
            if (const Object* k = object_of(key)) {
                Synth::set(spec, "KMSMasterKeyId", reference_to(*k, "Arn", key->range));
            } else if (key != nullptr) {
                Synth::set(spec, "KMSMasterKeyId", to_value(*key));
            } else {
                Object& auto_key = s.make_child("Key", "aws_kms.Key");
                SynthResource& r =
                    s.emit_at(auto_key.path, "AWS::KMS::Key", "aws_kms.Key", s.call());
                auto_key.primary = auto_key.path;
                auto_key.primary_type = "AWS::KMS::Key";
                Synth::set(r.properties, "EnableKeyRotation", s.fallback(Value::boolean(true)));
                Synth::set(spec, "KMSMasterKeyId", reference_to(auto_key, "Arn", s.call()));
            }
        }
    } else if (*member == "AWS_MANAGED") {
        Synth::set(spec, "SSEType", Value::string("KMS", at));
    }
    Synth::set(p, "SSESpecification", std::move(spec));
}

void table(Synth& s) {
    Value& p = s.emit("AWS::DynamoDB::Table");
    Value schema = Value::list({}, s.call());
    Value definitions = Value::list({}, s.call());
    key(s, s.prop("partition_key"), "HASH", schema, definitions);
    key(s, s.prop("sort_key"), "RANGE", schema, definitions);
    Synth::set(p, "AttributeDefinitions", std::move(definitions));
    Synth::set(p, "KeySchema", std::move(schema));
    const Sym* billing = s.prop("billing_mode");
    const auto mode = member_of(billing, "BillingMode");
    if (billing != nullptr && !mode) {
        Synth::set(p, "BillingMode", to_value(*billing));
    } else if (mode && *mode == "PAY_PER_REQUEST") {
        Synth::set(p, "BillingMode", Value::string("PAY_PER_REQUEST", billing->range));
    } else {
        Value throughput = Value::map({}, s.call());
        const Sym* read = s.prop("read_capacity");
        const Sym* write = s.prop("write_capacity");
        Synth::set(throughput, "ReadCapacityUnits",
                   read ? to_value(*read) : s.fallback(Value::number(5)));
        Synth::set(throughput, "WriteCapacityUnits",
                   write ? to_value(*write) : s.fallback(Value::number(5)));
        Synth::set(p, "ProvisionedThroughput", std::move(throughput));
    }
    if (Value spec = pitr(s); spec.is_map())
        Synth::set(p, "PointInTimeRecoverySpecification", std::move(spec));
    sse(s, p, false);
    if (const Sym* v = s.prop("table_name")) Synth::set(p, "TableName", to_value(*v));
    if (const Sym* v = s.prop("deletion_protection"))
        Synth::set(p, "DeletionProtectionEnabled", to_value(*v));
    if (const Sym* v = s.prop("time_to_live_attribute")) {
        Value ttl = Value::map({}, v->range);
        Synth::set(ttl, "AttributeName", to_value(*v));
        Synth::set(ttl, "Enabled", Value::boolean(true, v->range));
        Synth::set(p, "TimeToLiveSpecification", std::move(ttl));
    }
    if (const Sym* v = s.prop("stream")) {
        Value stream = Value::map({}, v->range);
        auto member = member_of(v, "StreamViewType");
        Synth::set(stream, "StreamViewType",
                   member ? Value::string(*member, v->range) : to_value(*v));
        Synth::set(p, "StreamSpecification", std::move(stream));
    }
    apply_removal_policy(s, *s.primary_of(s.self()), "Retain");
}

void table_v2(Synth& s) {
    Value& p = s.emit("AWS::DynamoDB::GlobalTable");
    Value schema = Value::list({}, s.call());
    Value definitions = Value::list({}, s.call());
    key(s, s.prop("partition_key"), "HASH", schema, definitions);
    key(s, s.prop("sort_key"), "RANGE", schema, definitions);
    Synth::set(p, "AttributeDefinitions", std::move(definitions));
    Synth::set(p, "KeySchema", std::move(schema));
    if (const Sym* v = s.prop("table_name")) Synth::set(p, "TableName", to_value(*v));
    Synth::set(p, "BillingMode", s.fallback(Value::string("PAY_PER_REQUEST")));
    sse(s, p, true);
    // The replica in the stack's region carries the per-replica settings.
    Value replica = Value::map({}, s.call());
    Synth::set(replica, "Region", Value::unknown("the stack's region", {}, s.call()));
    if (Value spec = pitr(s); spec.is_map())
        Synth::set(replica, "PointInTimeRecoverySpecification", std::move(spec));
    if (const Sym* v = s.prop("deletion_protection"))
        Synth::set(replica, "DeletionProtectionEnabled", to_value(*v));
    Synth::set(p, "Replicas", Value::list({std::move(replica)}, s.call()));
    apply_removal_policy(s, *s.primary_of(s.self()), "Retain");
}

Sym grant(Synth& s, std::vector<std::string_view> actions) {
    iam::grant(s, s.param(0, "grantee"), actions, reference_to(s.self(), "Arn", s.call()));
    return Sym::of(Value::null(s.call()));
}

constexpr std::string_view kRead[] = {"dynamodb:BatchGetItem",
                                      "dynamodb:GetRecords",
                                      "dynamodb:GetShardIterator",
                                      "dynamodb:Query",
                                      "dynamodb:GetItem",
                                      "dynamodb:Scan",
                                      "dynamodb:ConditionCheckItem",
                                      "dynamodb:DescribeTable"};
constexpr std::string_view kWrite[] = {"dynamodb:BatchWriteItem", "dynamodb:PutItem",
                                       "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                                       "dynamodb:DescribeTable"};

}  // namespace

void add_dynamodb_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_dynamodb.Table", table});
    catalog.constructs.push_back({"aws_dynamodb.TableV2", table_v2});
    for (std::string_view cls : {"aws_dynamodb.Table", "aws_dynamodb.TableV2"}) {
        catalog.methods.push_back({cls, "grant_read_data", [](Synth& s) {
                                       return grant(s, {std::begin(kRead), std::end(kRead)});
                                   }});
        catalog.methods.push_back({cls, "grant_write_data", [](Synth& s) {
                                       return grant(s, {std::begin(kWrite), std::end(kWrite)});
                                   }});
        catalog.methods.push_back(
            {cls, "grant_read_write_data", [](Synth& s) {
                 std::vector<std::string_view> all(std::begin(kRead), std::end(kRead));
                 all.insert(all.end(), std::begin(kWrite), std::end(kWrite) - 1);
                 return grant(s, all);
             }});
        catalog.methods.push_back(
            {cls, "grant_full_access", [](Synth& s) { return grant(s, {"dynamodb:*"}); }});
    }
}

}  // namespace bulwark::cdk
