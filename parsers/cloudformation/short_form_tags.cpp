#include "parsers/cloudformation/short_form_tags.h"

#include <array>
#include <string>

namespace bulwark::cloudformation {
namespace {

constexpr std::array<std::string_view, 17> kFunctionTags = {
    "Base64", "Cidr",   "FindInMap", "GetAtt", "GetAZs",    "ImportValue",
    "Join",   "Select", "Split",     "Sub",    "Transform", "And",
    "Equals", "If",     "Not",       "Or",     "Length",
};

}  // namespace

Value expand_short_form(std::string_view tag, Value node, std::vector<Diagnostic>& diagnostics) {
    const SourceRange range = node.range();
    const std::string_view name = tag.substr(1);  // drop the '!'
    std::string key;
    if (name == "Ref" || name == "Condition") {
        key = std::string(name);
    } else {
        for (std::string_view function : kFunctionTags) {
            if (function == name) key = "Fn::" + std::string(name);
        }
        if (name == "ToJsonString") key = "Fn::ToJsonString";
        // Directives of Rain, the CloudFormation CLI (!Rain::Module, !Rain::Embed, ...).
        if (name.starts_with("Rain::")) key = std::string(name);
        // Functions of the Rules section (parameter assertions).
        for (std::string_view rule_function :
             {"Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll"}) {
            if (rule_function == name) key = "Fn::" + std::string(name);
        }
    }
    if (key.empty()) {
        diagnostics.push_back(Diagnostic{
            range.file, range.begin, DiagnosticSeverity::Warning, DiagnosticCode::Unsupported,
            "unknown YAML tag " + std::string(tag) + "; the value is used as written"});
        return node;
    }
    Value wrapped = Value::map({}, range);
    wrapped.set(std::move(key), std::move(node), range);
    return wrapped;
}

}  // namespace bulwark::cloudformation
