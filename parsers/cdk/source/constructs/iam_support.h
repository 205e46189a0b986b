#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/cdk/source/synth.h"

// IAM pieces other services reuse: policy statements, principals, grants and resource policies.
namespace bulwark::cdk::iam {

// An iam.PolicyStatement object as a statement {Sid, Effect, Action, Resource, Principal,
// Condition}; anything else is Unknown.
Value statement(const Sym& sym);
// A principal object (ServicePrincipal, AnyPrincipal, ArnPrincipal, a role) as {Service: ...},
// {AWS: ...}; Unknown when it cannot be told.
Value principal(const Sym& sym);
// An iam.PolicyDocument object (or a list of statements) as {Version, Statement}.
Value document(const Sym& sym);
Value document_of(Value::List statements, SourceRange at);

// The role a grantee acts with: an iam.Role itself, or the role a construct keeps in its `role`
// field (a Lambda function's service role); nullptr for imported or unknown grantees.
Object* role_of(const Sym* grantee);
// Adds a statement to the role's DefaultPolicy (AWS::IAM::Policy at <role>/DefaultPolicy),
// created on first use, as CDK does for grants and add_to_policy.
void add_to_role_policy(Synth& synth, Object& role, Value statement);
// grantee gets `actions` on `resources` (a Value: one ARN or a list).
void grant(Synth& synth, const Sym* grantee, const std::vector<std::string_view>& actions,
           Value resources);
// A statement added to the resource policy of `owner` (<owner>/Policy), created on first use:
// AWS::S3::BucketPolicy (Bucket), AWS::SQS::QueuePolicy (Queues), AWS::SNS::TopicPolicy (Topics).
void add_to_resource_policy(Synth& synth, Object& owner, std::string_view policy_type,
                            Value statement);
// The statement that denies requests without TLS (enforce_ssl), with `resources`.
Value deny_insecure_transport(std::string_view action, Value resources, SourceRange at);
// A list holding `values` (one ARN and ARN/* for buckets).
Value list_of(std::vector<Value> values, SourceRange at);

}  // namespace bulwark::cdk::iam
