#pragma once

// The normalized form of an IAM policy document, whatever it was written as: a CloudFormation
// object, a JSON string (heredoc, jsonencode), an aws_iam_policy_document. Single values and
// lists are both lists here; every element keeps the source range it came from; parts Bulwark
// cannot know before deployment are marked unknown instead of guessed.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/source_range.h"
#include "model/tri.h"
#include "model/value.h"

namespace bulwark::iam {

enum class Effect { Allow, Deny, Unknown };

// One string of an Action, Resource, Principal or condition-value list.
struct Item {
    std::string text;  // empty when unknown
    bool unknown = false;
    // An unknown that refers to a resource (aws_iam_role.x.arn, !GetAtt Role.Arn): certainly
    // one specific ARN, never a wildcard.
    bool names_resource = false;
    // The known text around the unknown parts (Unknown::partial), e.g. arn:aws:s3:::<?>/*.
    std::string partial;
    SourceRange range;
};

// Action / NotAction, Resource / NotResource.
struct ItemList {
    bool present = false;
    bool negated = false;  // the Not- form
    bool unknown = false;  // the whole list is unknown
    std::vector<Item> items;
    SourceRange range;
};

struct PrincipalEntry {
    std::string kind;  // "*" (the bare wildcard), AWS, Service, Federated, CanonicalUser
    Item value;
};

struct Principals {
    bool present = false;
    bool negated = false;  // NotPrincipal
    bool unknown = false;
    std::vector<PrincipalEntry> entries;
    SourceRange range;
};

// One operator/key pair of a Condition block: {"StringEquals": {"aws:SourceAccount": [...]}}.
struct ConditionTest {
    std::string op;   // as written, e.g. ForAnyValue:StringLike
    std::string key;  // as written, e.g. aws:SourceArn
    bool values_unknown = false;
    std::vector<Item> values;
    SourceRange range;
};

struct Conditions {
    bool present = false;
    bool unknown = false;  // the block (or an operator's map) is unknown
    std::vector<ConditionTest> tests;
    SourceRange range;
};

struct Statement {
    std::size_t index = 0;  // 1-based position in the document
    std::string sid;
    bool unknown = false;  // the statement itself is unknown (a dynamic block, a variable)
    Effect effect = Effect::Unknown;
    ItemList actions;
    ItemList resources;
    Principals principals;
    Conditions conditions;
    SourceRange range;

    // "statement 'ReadLogs' (#2)" or "statement #2", for messages.
    std::string label() const;
};

struct Policy {
    bool unknown = false;  // the document (or its Statement list) is unknown
    bool malformed = false;
    std::string problem;  // why it is unknown or malformed
    std::vector<Statement> statements;
    SourceRange range;
};

// Normalizes a policy document: a map with Statement (one statement object or a list), or a JSON
// string holding one (its values point at the string). Returns an unknown policy for unknown
// input and a malformed one for text that is not a policy.
Policy normalize_policy(const Value& document);

// A JSON string parsed into a document. When the string spans as many source lines as its text
// (a Terraform heredoc, a YAML block scalar: the text starts on the line after the string's first
// line), values point at their own lines; otherwise every value points at the string. Nullopt
// when the text is not JSON.
std::optional<Value> parse_json_string(const Value& text);

// True when `value` looks like a policy document: a map with a Statement, a JSON string, or an
// unknown (which may well be one).
bool looks_like_policy(const Value& value);

}  // namespace bulwark::iam
