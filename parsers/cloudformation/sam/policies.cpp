// SAM `Policies` on a function or state machine: AWS managed policy names, policy ARNs, inline
// policy documents and policy templates, as the generated role's ManagedPolicyArns and Policies.
#include <array>

#include "parsers/cloudformation/sam/sam_support.h"

namespace bulwark::cloudformation::sam {
namespace {

// AWS managed policies that live under the service-role/ path.
constexpr std::array<std::string_view, 8> kServiceRolePolicies = {
    "AWSLambdaBasicExecutionRole",    "AWSLambdaVPCAccessExecutionRole",
    "AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole",
    "AWSLambdaDynamoDBExecutionRole", "AWSLambdaRole",
    "AWSLambdaENIManagementAccess",   "AWSLambdaMSKExecutionRole",
};

Value managed_policy(const Value& name) {
    const std::string& written = name.as_string();
    if (written.starts_with("arn:")) return name;
    for (std::string_view service_role : kServiceRolePolicies) {
        if (written == service_role) {
            Value arn = aws_managed_policy("service-role/" + written, name.range());
            return arn;
        }
    }
    return aws_managed_policy(written, name.range());
}

}  // namespace

void add_policies(const SamResource& resource, const Value* policies, Value& managed,
                  Value& inline_policies, Expansion& expansion) {
    if (policies == nullptr) return;
    std::vector<const Value*> items;
    if (policies->is_list()) {
        for (const Value& item : policies->as_list())
            items.push_back(&item);
    } else {
        items.push_back(policies);
    }
    for (std::size_t index = 0; index < items.size(); ++index) {
        const Value& item = *items[index];
        const SourceRange& at = item.range();
        auto add_inline = [&](Value document) {
            Value policy = object(at);
            policy.set("PolicyName", text(resource.id + "RolePolicy" + std::to_string(index), at),
                       at);
            policy.set("PolicyDocument", std::move(document), at);
            inline_policies.as_list().push_back(std::move(policy));
        };
        if (item.is_string()) {
            managed.as_list().push_back(managed_policy(item));
        } else if (is_intrinsic(item) && item.as_map().front().key != "Fn::Transform") {
            managed.as_list().push_back(item);  // an ARN computed at deployment
        } else if (item.is_map() && item.find("Statement") != nullptr) {
            add_inline(item);
        } else if (item.is_map() && item.as_map().size() == 1) {
            const Value::Entry& named = item.as_map().front();
            const Value parameters = named.value.is_map() ? named.value : object(at);
            if (auto document = policy_template(named.key, parameters, at)) {
                add_inline(std::move(*document));
            } else {
                expansion.note(at, "SAM policy template " + named.key +
                                       " is not known to Bulwark; its statements are unknown");
                add_inline(Value::unknown("SAM policy template " + named.key, {}, at));
            }
        } else {
            expansion.note(at,
                           "SAM Policies entry is neither a policy name, an ARN, a policy "
                           "document nor a policy template; its statements are unknown",
                           DiagnosticSeverity::Warning);
            add_inline(Value::unknown("SAM Policies entry of an unknown shape", {}, at));
        }
    }
}

}  // namespace bulwark::cloudformation::sam
