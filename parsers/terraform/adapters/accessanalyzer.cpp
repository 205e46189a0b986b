// IAM Access Analyzer: aws_accessanalyzer_analyzer (AWS::AccessAnalyzer::Analyzer).
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/adapters/adapter_support.h"

namespace bulwark::terraform {
namespace {

using namespace adapt;

void analyzer(const NativeResource& native, Value& properties) {
    const Value& body = native.body;
    copy(properties, "AnalyzerName", argument(body, "analyzer_name"));
    // The provider creates an account analyzer when type is omitted, as CloudFormation does.
    copy_or_default(properties, "Type", argument(body, "type"), Value::string("ACCOUNT"), native);
    copy_tags(properties, "Tags", body);
}

}  // namespace

void add_accessanalyzer_adapters(AdapterCatalog& catalog) {
    catalog.resources.push_back(
        {"aws_accessanalyzer_analyzer", "AWS::AccessAnalyzer::Analyzer", analyzer});
}

}  // namespace bulwark::terraform
