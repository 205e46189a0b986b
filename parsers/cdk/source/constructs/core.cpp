// aws_cdk core: CfnResource, the generic L1 construct whose type is a string.
#include "parsers/cdk/source/synth.h"

namespace bulwark::cdk {
namespace {

void cfn_resource(Synth& s) {
    const Sym* type = s.prop("type");
    if (type == nullptr || !type->is_data() || !type->data.is_string()) return;
    Value& p = s.emit(type->data.as_string());
    if (const Sym* properties = s.prop("properties")) {
        Value converted = to_value(*properties);
        if (converted.is_map()) {
            p = std::move(converted);
        } else {
            p = Value::unknown("properties known only at deployment", {}, properties->range);
        }
    }
}

}  // namespace

void add_core_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"core.CfnResource", cfn_resource});
}

}  // namespace bulwark::cdk
