// AWS::Serverless::SimpleTable -> AWS::DynamoDB::Table keyed by PrimaryKey (default `id`, a
// string), on demand unless ProvisionedThroughput is given.
#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {

void expand_simple_table(const SamResource& table, Expansion& expansion) {
    const SourceRange& at = table.at;
    Value name = text("id", at);
    Value type = text("S", at);
    if (const Value* key = table.property("PrimaryKey"); key && key->is_map()) {
        if (const Value* written = key->find("Name")) name = *written;
        if (const Value* written = key->find("Type")) {
            type = *written;
            if (written->is_string()) {
                const std::string& t = written->as_string();
                type = text(t == "Number" ? "N" : t == "Binary" ? "B" : "S", written->range());
            }
        }
    }
    Value attribute = object(at);
    attribute.set("AttributeName", name, name.range());
    attribute.set("AttributeType", type, type.range());
    Value key_schema = object(at);
    key_schema.set("AttributeName", name, name.range());
    key_schema.set("KeyType", text("HASH", at), at);
    Value properties = object(at);
    properties.set("AttributeDefinitions", list_of({std::move(attribute)}, at), at);
    properties.set("KeySchema", list_of({std::move(key_schema)}, at), at);
    if (const Value::Entry* throughput = table.entry("ProvisionedThroughput")) {
        properties.set("ProvisionedThroughput", throughput->value, throughput->key_range);
    } else {
        properties.set("BillingMode", text("PAY_PER_REQUEST", at), at);
    }
    copy(table, properties, "SSESpecification");
    copy(table, properties, "TableName");
    copy(table, properties, "PointInTimeRecoverySpecification");
    if (table.property("Tags"))
        properties.set("Tags", tag_list(table.property("Tags"), at, false), at);
    expansion.add(table, table.id, "AWS::DynamoDB::Table", std::move(properties), true);
}

}  // namespace bulwark::cloudformation::sam
