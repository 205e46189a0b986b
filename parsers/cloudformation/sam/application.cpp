// AWS::Serverless::Application -> AWS::CloudFormation::Stack. A local Location is a nested stack
// template (read like any other); a Serverless Application Repository application is remote.
#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {

void expand_application(const SamResource& application, Expansion& expansion) {
    const SourceRange& at = application.at;
    Value properties = object(at);
    if (const Value::Entry* location = application.entry("Location")) {
        if (location->value.is_string() || is_intrinsic(location->value)) {
            properties.set("TemplateURL", location->value, location->key_range);
        } else {
            properties.set("TemplateURL",
                           Value::unknown("a Serverless Application Repository application", {},
                                          location->value.range()),
                           location->key_range);
        }
    }
    for (std::string_view name : {"Parameters", "NotificationARNs", "TimeoutInMinutes"}) {
        copy(application, properties, name);
    }
    if (application.property("Tags")) {
        properties.set("Tags", tag_list(application.property("Tags"), at, false), at);
    }
    expansion.add(application, application.id, "AWS::CloudFormation::Stack", std::move(properties),
                  true);
}

}  // namespace bulwark::cloudformation::sam
