// AWS::Serverless::HttpApi (and the implicit ServerlessHttpApi) -> AWS::ApiGatewayV2::Api and
// its stage: <Id>ApiGatewayDefaultStage ($default, auto-deployed) or <Id><StageName>Stage.
#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {

void expand_http_api(const SamResource& api, Expansion& expansion) {
    const SourceRange& at = api.at;
    Value properties = object(at);
    if (const Value::Entry* body = api.entry("DefinitionBody")) {
        properties.set("Body", body->value, body->key_range);
    } else if (const Value::Entry* uri = api.entry("DefinitionUri")) {
        if (uri->value.is_map()) {
            properties.set("BodyS3Location", uri->value, uri->key_range);
        } else {
            properties.set("Body",
                           Value::unknown("API definition in a file", {}, uri->value.range()),
                           uri->key_range);
        }
    } else {
        std::vector<const Route*> routes;
        const std::string key = api.id == "ServerlessHttpApi" ? "" : api.id;
        for (const auto& [target, route] : expansion.http_routes) {
            if (target == key) routes.push_back(&route);
        }
        properties.set("Body", http_api_body(routes, at), at);
    }
    for (std::string_view name : {"Name", "Description", "DisableExecuteApiEndpoint",
                                  "FailOnWarnings", "CorsConfiguration"}) {
        copy(api, properties, name);
    }
    Value tags = object(at);
    tags.set("httpapi:createdBy", text("SAM", at), at);
    if (const Value* written = api.property("Tags");
        written && written->is_map() && !is_intrinsic(*written)) {
        for (const Value::Entry& entry : written->as_map())
            tags.set(entry.key, entry.value, entry.key_range);
    }
    properties.set("Tags", tags, at);
    if (api.property("Domain")) {
        expansion.note(api.property("Domain")->range(),
                       "the custom domain SAM builds from Domain is not expanded");
    }
    expansion.add(api, api.id, "AWS::ApiGatewayV2::Api", std::move(properties), true);

    Value stage = object(at);
    stage.set("ApiId", ref(api.id, at), at);
    const Value::Entry* stage_name = api.entry("StageName");
    std::string stage_id = api.id + "ApiGatewayDefaultStage";
    if (stage_name) {
        stage.set("StageName", stage_name->value, stage_name->key_range);
        if (stage_name->value.is_string() && stage_name->value.as_string() != "$default") {
            stage_id = api.id + alphanumeric(stage_name->value.as_string()) + "Stage";
        }
    } else {
        stage.set("StageName", text("$default", at), at);
    }
    stage.set("AutoDeploy", Value::boolean(true, at), at);
    for (std::string_view name : {"AccessLogSettings", "DefaultRouteSettings", "RouteSettings"}) {
        copy(api, stage, name);
    }
    copy(api, stage, "StageVariables");
    stage.set("Tags", tags, at);
    expansion.add(api, stage_id, "AWS::ApiGatewayV2::Stage", std::move(stage));
    expansion.referenceable[api.id + ".Stage"] = stage_id;
}

}  // namespace bulwark::cloudformation::sam
