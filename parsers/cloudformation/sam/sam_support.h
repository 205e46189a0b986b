#pragma once

// Building blocks of the SAM transform: the resource being expanded, the generated resources, and
// small constructors for the CloudFormation values SAM writes (Ref, GetAtt, Sub, tag lists).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"
#include "parsers/cloudformation/sam/sam_transform.h"

namespace bulwark::cloudformation::sam {

// A SAM resource, its properties with Globals merged.
struct SamResource {
    std::string id;
    std::string type;
    SourceRange at;     // the logical ID: every generated resource points here
    const Value* body;  // Type, Properties, Condition, DependsOn, ...
    Value properties;   // a map

    const Value* property(std::string_view name) const { return properties.find(name); }
    const Value::Entry* entry(std::string_view name) const { return properties.find_entry(name); }
};

// An API that function events attach routes to (explicit or implicit).
struct Route {
    std::string function;  // logical ID
    std::string event;
    Value path;
    Value method;
    const Value* auth = nullptr;  // the event's Auth, if any
    SourceRange at;
};

// The generated resources of a template, in order, and what the expansion learned on the way.
class Expansion {
  public:
    Expansion(Origins& origins, std::vector<Diagnostic>& diagnostics)
        : origins_(origins), diagnostics_(diagnostics) {}

    // Adds a generated resource. `main` resources (the one that keeps the SAM logical ID) also
    // take DependsOn, Metadata, DeletionPolicy and UpdateReplacePolicy; every one takes Condition.
    Value& add(const SamResource& from, std::string id, std::string type, Value properties,
               bool main = false);
    // Resources added from now on belong to SAM resource `id` (they replace it in the template).
    void begin(std::string id) { current_ = std::move(id); }
    Value::Map take(std::string_view id);
    Value* find(std::string_view id);

    void note(const SourceRange& at, std::string message,
              DiagnosticSeverity severity = DiagnosticSeverity::Note);

    // Routes by API logical ID ("" = the implicit REST / HTTP API).
    std::vector<std::pair<std::string, Route>> rest_routes;
    std::vector<std::pair<std::string, Route>> http_routes;
    // SAM's referenceable properties: "MyFunction.Alias" -> the generated alias's logical ID.
    std::map<std::string, std::string, std::less<>> referenceable;
    // S3 events: bucket logical ID -> LambdaConfigurations entries SAM adds to that bucket.
    std::vector<std::pair<std::string, Value>> bucket_notifications;

  private:
    std::map<std::string, Value::Map, std::less<>> groups_;
    std::string current_;
    Origins& origins_;
    std::vector<Diagnostic>& diagnostics_;
};

Value text(std::string s, const SourceRange& at);
Value object(const SourceRange& at);
Value ref(std::string_view id, const SourceRange& at);
Value get_att(std::string_view id, std::string_view attribute, const SourceRange& at);
Value sub(std::string pattern, const SourceRange& at);
Value sub(std::string pattern, Value variables, const SourceRange& at);
// arn:${AWS::Partition}:iam::aws:policy/<name>
Value aws_managed_policy(std::string_view name, const SourceRange& at);
Value list_of(std::vector<Value> items, const SourceRange& at);

// `{Ref: X}` / `{Fn::...: ...}`: SAM passes these through instead of merging into them.
bool is_intrinsic(const Value& value);

// A SAM Tags map as a CloudFormation tag list; `created_by` adds SAM's lambda:createdBy tag.
Value tag_list(const Value* tags, const SourceRange& at, bool created_by);

// Copies property `from` of `source` into `target` as `to` (value and ranges as written).
void copy(const SamResource& source, Value& target, std::string_view from,
          std::string_view to = {});

// A trust policy letting `service` assume a role.
Value trust_policy(std::string_view service, const SourceRange& at);

// SAM's logical ID fragments keep letters and digits only ("Prod-1" -> "Prod1").
std::string alphanumeric(std::string_view text);

// The generated role's managed and inline policies from SAM `Policies` (names, ARNs, inline
// documents, statements and policy templates). Adds to `managed` / `inline_policies`.
void add_policies(const SamResource& resource, const Value* policies, Value& managed,
                  Value& inline_policies, Expansion& expansion);

// A policy template by name, instantiated with `parameters` (the SAM values, intrinsics kept);
// nullopt for a name Bulwark does not know.
std::optional<Value> policy_template(std::string_view name, const Value& parameters,
                                     const SourceRange& at);

// Per-kind expansions, one file each.
void expand_function(const SamResource& resource, Expansion& expansion);
void expand_api(const SamResource& resource, Expansion& expansion);
void expand_http_api(const SamResource& resource, Expansion& expansion);
void expand_simple_table(const SamResource& resource, Expansion& expansion);
void expand_state_machine(const SamResource& resource, Expansion& expansion);
void expand_layer_version(const SamResource& resource, Expansion& expansion);
void expand_application(const SamResource& resource, Expansion& expansion);
// Function event sources (Api, HttpApi, S3, SQS, SNS, Schedule, ...): permissions, event source
// mappings, subscriptions and rules; adds the managed policies the role needs to `managed`.
void expand_function_events(const SamResource& function, Value& managed, Expansion& expansion);
// The API body SAM writes for routes that attach to it (swagger 2.0 / OpenAPI 3 for HTTP APIs).
Value rest_api_body(const std::vector<const Route*>& routes, const SourceRange& at);
Value http_api_body(const std::vector<const Route*>& routes, const SourceRange& at);

}  // namespace bulwark::cloudformation::sam
