// aws_iam: Role, Policy, ManagedPolicy, PolicyStatement, PolicyDocument and principals.
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace iam {
namespace {

constexpr std::string_view kVersion = "2012-10-17";

// CDK renders a single action / resource as a string and several as a list.
Value one_or_many(Value::List items, SourceRange at) {
    if (items.size() == 1) return std::move(items.front());
    return Value::list(std::move(items), at);
}

Value strings(const Sym* sym) {
    if (sym == nullptr) return Value::list({});
    if (sym->kind != SymKind::List) return to_value(*sym);
    Value::List items;
    for (const Sym& item : sym->items)
        items.push_back(to_value(item));
    return one_or_many(std::move(items), sym->range);
}

void merge_principal(Value& into, const Value& principal) {
    if (!principal.is_map() || !into.is_map()) {
        into = principal;
        return;
    }
    for (const Value::Entry& e : principal.as_map()) {
        Value* existing = into.find(e.key);
        if (existing == nullptr) {
            into.set(e.key, e.value, e.key_range);
        } else if (existing->is_list()) {
            existing->as_list().push_back(e.value);
        } else {
            Value both = Value::list({*existing, e.value}, existing->range());
            into.set(e.key, std::move(both), e.key_range);
        }
    }
}

const Sym* entry(const Object& object, std::string_view key) {
    const SymEntry* e = object.props.find(key);
    return e ? &e->value : nullptr;
}

}  // namespace

Value list_of(std::vector<Value> values, SourceRange at) {
    return Value::list(
        Value::List(std::make_move_iterator(values.begin()), std::make_move_iterator(values.end())),
        at);
}

Value principal(const Sym& sym) {
    const Object* object = object_of(&sym);
    if (object == nullptr) return Value::unknown("a principal Bulwark cannot tell", {}, sym.range);
    const std::string& c = object->cdk_class;
    const Sym* first = object->args.empty() ? nullptr : &object->args.front();
    auto with = [&](std::string_view key, Value v) {
        Value m = Value::map({}, sym.range);
        m.set(std::string(key), std::move(v), sym.range);
        return m;
    };
    if (is_class(object, "ServicePrincipal") && first) return with("Service", to_value(*first));
    if (is_class(object, "AnyPrincipal")) return with("AWS", Value::string("*", sym.range));
    if (is_class(object, "StarPrincipal")) return Value::string("*", sym.range);
    if (is_class(object, "ArnPrincipal") && first) return with("AWS", to_value(*first));
    if (is_class(object, "FederatedPrincipal") && first) return with("Federated", to_value(*first));
    if (is_class(object, "AccountRootPrincipal")) {
        return with("AWS", Value::unknown("the account's root principal", {}, sym.range));
    }
    if (is_class(object, "AccountPrincipal")) {
        // CDK writes arn:${AWS::Partition}:iam::<account>:root; the partition reads as `aws`, as
        // the CloudFormation front-end reads it in the synthesized template.
        if (first && first->is_data() && first->data.is_string()) {
            return with("AWS", Value::string("arn:aws:iam::" + first->data.as_string() + ":root",
                                             first->range));
        }
        return with("AWS", Value::unknown("an account's root principal", {}, sym.range));
    }
    if (is_class(object, "CompositePrincipal")) {
        Value merged = Value::map({}, sym.range);
        for (const Sym& p : object->args)
            merge_principal(merged, principal(p));
        return merged;
    }
    if (object->kind == ObjectKind::Construct && !object->primary.empty()) {
        return with("AWS", reference_to(*object, "Arn", sym.range));
    }
    return Value::unknown("principal " + c, {}, sym.range);
}

Value statement(const Sym& sym) {
    const Object* object = object_of(&sym);
    if (object == nullptr || !is_class(object, "PolicyStatement")) {
        if (sym.kind == SymKind::Dict) return to_value(sym);
        return Value::unknown("a policy statement Bulwark cannot read", {}, sym.range);
    }
    if (object->props.open) {
        return Value::unknown("a statement with properties known only at deployment", {},
                              sym.range);
    }
    Value out = Value::map({}, sym.range);
    if (const Sym* sid = entry(*object, "sid")) Synth::set(out, "Sid", to_value(*sid));
    const Sym* effect = entry(*object, "effect");
    if (effect == nullptr) {
        Synth::set(out, "Effect", Value::string("Allow", sym.range));
    } else if (auto member = member_of(effect, "Effect")) {
        Synth::set(out, "Effect",
                   Value::string(*member == "DENY" ? "Deny" : "Allow", effect->range));
    } else {
        Synth::set(out, "Effect", to_value(*effect));
    }
    if (const Sym* actions = entry(*object, "actions")) Synth::set(out, "Action", strings(actions));
    if (const Sym* actions = entry(*object, "not_actions")) {
        Synth::set(out, "NotAction", strings(actions));
    }
    if (const Sym* resources = entry(*object, "resources")) {
        Synth::set(out, "Resource", strings(resources));
    }
    if (const Sym* resources = entry(*object, "not_resources")) {
        Synth::set(out, "NotResource", strings(resources));
    }
    if (const Sym* principals = entry(*object, "principals")) {
        Value merged = Value::map({}, principals->range);
        if (principals->kind == SymKind::List) {
            for (const Sym& p : principals->items)
                merge_principal(merged, principal(p));
        } else {
            merged = Value::unknown("principals known only at deployment", {}, principals->range);
        }
        Synth::set(out, "Principal", std::move(merged));
    }
    if (const Sym* conditions = entry(*object, "conditions")) {
        Synth::set(out, "Condition", to_value(*conditions));
    }
    return out;
}

Value document_of(Value::List statements, SourceRange at) {
    Value doc = Value::map({}, at);
    doc.set("Statement", Value::list(std::move(statements), at), at);
    doc.set("Version", Value::string(std::string(kVersion), at), at);
    return doc;
}

Value document(const Sym& sym) {
    if (sym.kind == SymKind::List) {
        Value::List statements;
        for (const Sym& s : sym.items)
            statements.push_back(statement(s));
        return document_of(std::move(statements), sym.range);
    }
    const Object* object = object_of(&sym);
    if (object != nullptr && is_class(object, "PolicyDocument")) {
        const Sym* statements = entry(*object, "statements");
        if (statements == nullptr) return document_of({}, sym.range);
        if (statements->kind == SymKind::List) return document(*statements);
    }
    if (object != nullptr && is_class(object, "PolicyDocument.from_json") &&
        !object->args.empty()) {
        return to_value(object->args.front());
    }
    return Value::unknown("a policy document Bulwark cannot read", {}, sym.range);
}

Object* role_of(const Sym* grantee) {
    if (grantee == nullptr || grantee->kind != SymKind::Object) return nullptr;
    Object* object = grantee->object;
    if (object->primary_type == "AWS::IAM::Role") return object;
    if (auto it = object->fields.find("role"); it != object->fields.end()) {
        if (it->second.kind == SymKind::Object &&
            it->second.object->primary_type == "AWS::IAM::Role") {
            return it->second.object;
        }
    }
    return nullptr;
}

void add_to_role_policy(Synth& synth, Object& role, Value statement) {
    if (role.primary.empty()) return;
    const std::string address = role.path + "/DefaultPolicy";
    SynthResource* policy = synth.store().find(address);
    if (policy == nullptr) {
        SynthResource& created =
            synth.emit_at(address, "AWS::IAM::Policy", "aws_iam.Policy", role.range);
        Synth::set(created.properties, "PolicyDocument", document_of({}, role.range));
        Synth::set(created.properties, "PolicyName",
                   Value::unknown("a name CDK generates", {}, role.range));
        Synth::set(created.properties, "Roles",
                   list_of({reference_to(role, "", role.range)}, role.range));
        policy = synth.store().find(address);
    }
    Value* statements = policy->properties.find("PolicyDocument")->find("Statement");
    statements->as_list().push_back(std::move(statement));
}

void grant(Synth& synth, const Sym* grantee, const std::vector<std::string_view>& actions,
           Value resources) {
    Object* role = role_of(grantee);
    if (role == nullptr) return;
    const SourceRange at = synth.call();
    Value s = Value::map({}, at);
    Value::List action_values;
    for (std::string_view a : actions)
        action_values.push_back(Value::string(std::string(a), at));
    Synth::set(s, "Action", one_or_many(std::move(action_values), at));
    Synth::set(s, "Effect", Value::string("Allow", at));
    Synth::set(s, "Resource", std::move(resources));
    add_to_role_policy(synth, *role, std::move(s));
}

void add_to_resource_policy(Synth& synth, Object& owner, std::string_view policy_type,
                            Value statement) {
    if (owner.primary.empty()) return;
    const std::string address = owner.path + "/Policy";
    const std::string_view document_key =
        policy_type == "AWS::SecretsManager::ResourcePolicy" ? "ResourcePolicy" : "PolicyDocument";
    SynthResource* policy = synth.store().find(address);
    if (policy == nullptr) {
        SynthResource& created = synth.emit_at(address, policy_type, owner.cdk_class, owner.range);
        const Value ref = reference_to(owner, "", owner.range);
        if (policy_type == "AWS::S3::BucketPolicy") Synth::set(created.properties, "Bucket", ref);
        if (policy_type == "AWS::SQS::QueuePolicy") {
            Synth::set(created.properties, "Queues", list_of({ref}, owner.range));
        }
        if (policy_type == "AWS::SNS::TopicPolicy") {
            Synth::set(created.properties, "Topics", list_of({ref}, owner.range));
        }
        if (policy_type == "AWS::SecretsManager::ResourcePolicy") {
            Synth::set(created.properties, "SecretId", ref);
        }
        Synth::set(created.properties, document_key, document_of({}, owner.range));
        policy = synth.store().find(address);
    }
    Value* statements = policy->properties.find(document_key)->find("Statement");
    statements->as_list().push_back(std::move(statement));
}

Value deny_insecure_transport(std::string_view action, Value resources, SourceRange at) {
    Value s = Value::map({}, at);
    Synth::set(s, "Action", Value::string(std::string(action), at));
    Value condition = Value::map({}, at);
    Value test = Value::map({}, at);
    test.set("aws:SecureTransport", Value::string("false", at), at);
    condition.set("Bool", std::move(test), at);
    Synth::set(s, "Condition", std::move(condition));
    Synth::set(s, "Effect", Value::string("Deny", at));
    Value principal = Value::map({}, at);
    principal.set("AWS", Value::string("*", at), at);
    Synth::set(s, "Principal", std::move(principal));
    Synth::set(s, "Resource", std::move(resources));
    return s;
}

}  // namespace iam

namespace {

Value assume_role_document(const Sym* assumed_by, const Sym* external_ids, SourceRange at) {
    Value s = Value::map({}, at);
    Synth::set(s, "Action", Value::string("sts:AssumeRole", at));
    // external_ids: CDK adds StringEquals sts:ExternalId (one id as a string, several as a list).
    if (external_ids != nullptr) {
        const SourceRange ids_at = external_ids->range;
        Value ids = to_value(*external_ids);
        if (ids.is_list() && ids.as_list().size() == 1) {
            Value only = ids.as_list().front();
            ids = std::move(only);
        }
        Value equals = Value::map({}, ids_at);
        equals.set("sts:ExternalId", std::move(ids), ids_at);
        Value condition = Value::map({}, ids_at);
        condition.set("StringEquals", std::move(equals), ids_at);
        Synth::set(s, "Condition", std::move(condition));
    }
    Synth::set(s, "Effect", Value::string("Allow", at));
    Synth::set(s, "Principal",
               assumed_by ? iam::principal(*assumed_by) : Value::unknown("no principal", {}, at));
    return iam::document_of({std::move(s)}, at);
}

Value managed_policy_arn(const Sym& sym) {
    const Object* object = object_of(&sym);
    if (object != nullptr && is_class(object, "ManagedPolicy.from_aws_managed_policy_name") &&
        !object->args.empty() && object->args.front().is_data() &&
        object->args.front().data.is_string()) {
        return Value::string("arn:aws:iam::aws:policy/" + object->args.front().data.as_string(),
                             sym.range);
    }
    // (scope, id, arn): an imported construct keeps only the arguments after scope and id.
    if (object != nullptr && is_class(object, "ManagedPolicy.from_managed_policy_arn") &&
        !object->args.empty()) {
        return to_value(object->args.front());
    }
    if (object != nullptr && object->kind == ObjectKind::Construct && !object->primary.empty()) {
        return reference_to(*object, "", sym.range);
    }
    return Value::unknown("a managed policy", {}, sym.range);
}

void role(Synth& s) {
    Value& p = s.emit("AWS::IAM::Role");
    Synth::set(p, "AssumeRolePolicyDocument",
               assume_role_document(s.prop("assumed_by"), s.prop("external_ids"), s.call()));
    if (const Sym* m = s.prop("managed_policies")) {
        if (m->kind == SymKind::List) {
            Value::List arns;
            for (const Sym& item : m->items)
                arns.push_back(managed_policy_arn(item));
            Synth::set(p, "ManagedPolicyArns", Value::list(std::move(arns), m->range));
        } else {
            Synth::set(p, "ManagedPolicyArns", to_value(*m));
        }
    }
    if (const Sym* inline_policies = s.prop("inline_policies")) {
        if (inline_policies->kind == SymKind::Dict) {
            Value::List policies;
            for (const SymEntry& e : inline_policies->entries) {
                Value policy = Value::map({}, e.key_range);
                Synth::set(policy, "PolicyDocument", iam::document(e.value));
                policy.set("PolicyName", Value::string(e.key, e.key_range), e.key_range);
                policies.push_back(std::move(policy));
            }
            Synth::set(p, "Policies", Value::list(std::move(policies), inline_policies->range));
        } else {
            Synth::set(p, "Policies", to_value(*inline_policies));
        }
    }
    if (const Sym* v = s.prop("role_name")) Synth::set(p, "RoleName", to_value(*v));
    if (const Sym* v = s.prop("description")) Synth::set(p, "Description", to_value(*v));
    if (const Sym* v = s.prop("path")) Synth::set(p, "Path", to_value(*v));
    if (const Sym* v = s.prop("permissions_boundary")) {
        Synth::set(p, "PermissionsBoundary", managed_policy_arn(*v));
    }
    if (const Sym* v = s.prop("max_session_duration")) {
        if (auto seconds = duration_seconds(v)) Synth::set(p, "MaxSessionDuration", *seconds);
    }
}

void attach(Synth& s, Value& p) {
    for (auto [prop, cfn] :
         {std::pair{"roles", "Roles"}, {"users", "Users"}, {"groups", "Groups"}}) {
        if (const Sym* v = s.prop(prop)) {
            Synth::set(p, cfn, to_value(*v));
        }
    }
}

Value statements_document(Synth& s) {
    if (const Sym* doc = s.prop("document")) return iam::document(*doc);
    if (const Sym* statements = s.prop("statements")) return iam::document(*statements);
    return iam::document_of({}, s.call());
}

void policy(Synth& s) {
    Value& p = s.emit("AWS::IAM::Policy");
    Synth::set(p, "PolicyDocument", statements_document(s));
    if (const Sym* v = s.prop("policy_name")) {
        Synth::set(p, "PolicyName", to_value(*v));
    } else {
        Synth::set(p, "PolicyName", Value::unknown("a name CDK generates", {}, s.call()));
    }
    attach(s, p);
}

void managed_policy(Synth& s) {
    Value& p = s.emit("AWS::IAM::ManagedPolicy");
    Synth::set(p, "PolicyDocument", statements_document(s));
    if (const Sym* v = s.prop("managed_policy_name"))
        Synth::set(p, "ManagedPolicyName", to_value(*v));
    if (const Sym* v = s.prop("description")) Synth::set(p, "Description", to_value(*v));
    attach(s, p);
}

void user(Synth& s) {
    Value& p = s.emit("AWS::IAM::User");
    if (const Sym* v = s.prop("user_name")) Synth::set(p, "UserName", to_value(*v));
    if (const Sym* m = s.prop("managed_policies")) {
        if (m->kind == SymKind::List) {
            Value::List arns;
            for (const Sym& item : m->items)
                arns.push_back(managed_policy_arn(item));
            Synth::set(p, "ManagedPolicyArns", Value::list(std::move(arns), m->range));
        } else {
            Synth::set(p, "ManagedPolicyArns", to_value(*m));
        }
    }
    if (const Sym* v = s.prop("groups")) Synth::set(p, "Groups", to_value(*v));
    // A password (a SecretValue) gives the user a console login profile.
    if (const Sym* v = s.prop("password")) {
        Value profile = Value::map({}, v->range);
        Synth::set(profile, "Password", Value::unknown("a secret value", {}, v->range));
        const Sym* reset = s.prop("password_reset_required");
        Synth::set(profile, "PasswordResetRequired",
                   reset ? to_value(*reset) : Value::boolean(false, v->range));
        Synth::set(p, "LoginProfile", std::move(profile));
    }
}

void group(Synth& s) {
    Value& p = s.emit("AWS::IAM::Group");
    if (const Sym* v = s.prop("group_name")) Synth::set(p, "GroupName", to_value(*v));
}

Sym add_to_policy(Synth& s) {
    if (const Sym* statement = s.arg(0)) {
        iam::add_to_role_policy(s, s.self(), iam::statement(*statement));
    }
    return Sym::of(Value::null(s.call()));
}

Sym add_managed_policy(Synth& s) {
    Value* p = s.properties_of(s.self());
    const Sym* policy = s.arg(0);
    if (p == nullptr || policy == nullptr) return Sym::of(Value::null(s.call()));
    Value* arns = p->find("ManagedPolicyArns");
    if (arns == nullptr || !arns->is_list()) {
        Synth::set(*p, "ManagedPolicyArns", Value::list({}, s.call()));
        arns = p->find("ManagedPolicyArns");
    }
    arns->as_list().push_back(managed_policy_arn(*policy));
    return Sym::of(Value::null(s.call()));
}

// Document-level edits on a PolicyStatement value: add_actions("s3:*") and friends.
void append(Object& statement, std::string_view key, const std::vector<Sym>& values,
            SourceRange at) {
    for (SymEntry& e : statement.props.entries) {
        if (e.key == key && e.value.kind == SymKind::List) {
            for (const Sym& v : values)
                e.value.items.push_back(v);
            return;
        }
    }
    Sym list;
    list.kind = SymKind::List;
    list.range = at;
    list.items = values;
    statement.props.entries.push_back(SymEntry{std::string(key), at, std::move(list)});
}

std::vector<Sym> all_args(Synth& s) {
    std::vector<Sym> out;
    for (std::size_t i = 0; s.arg(i) != nullptr; ++i)
        out.push_back(*s.arg(i));
    return out;
}

Sym add_actions(Synth& s) {
    append(s.self(), "actions", all_args(s), s.call());
    return Sym::of(Value::null(s.call()));
}
Sym add_resources(Synth& s) {
    append(s.self(), "resources", all_args(s), s.call());
    return Sym::of(Value::null(s.call()));
}
Sym add_principals(Synth& s) {
    append(s.self(), "principals", all_args(s), s.call());
    return Sym::of(Value::null(s.call()));
}
Sym add_any_principal(Synth& s) {
    Object& any = s.store().make_object();
    any.kind = ObjectKind::Value;
    any.cdk_class = "aws_iam.AnyPrincipal";
    any.range = s.call();
    Sym p;
    p.kind = SymKind::Object;
    p.object = &any;
    p.range = s.call();
    append(s.self(), "principals", {p}, s.call());
    return Sym::of(Value::null(s.call()));
}
Sym add_condition(Synth& s) {
    const Sym* key = s.arg(0);
    const Sym* value = s.arg(1);
    if (key == nullptr || value == nullptr || !key->is_data() || !key->data.is_string()) {
        s.self().props.open = true;
        s.self().props.open_reason = "a condition added from unknown values";
        return Sym::of(Value::null(s.call()));
    }
    for (SymEntry& e : s.self().props.entries) {
        if (e.key == "conditions" && e.value.kind == SymKind::Dict) {
            e.value.entries.push_back(SymEntry{key->data.as_string(), key->range, *value});
            return Sym::of(Value::null(s.call()));
        }
    }
    Sym conditions;
    conditions.kind = SymKind::Dict;
    conditions.range = s.call();
    conditions.entries.push_back(SymEntry{key->data.as_string(), key->range, *value});
    s.self().props.entries.push_back(SymEntry{"conditions", s.call(), std::move(conditions)});
    return Sym::of(Value::null(s.call()));
}

Sym add_statements(Synth& s) {
    // Policy / ManagedPolicy: statements go into their document.
    Value* p = s.properties_of(s.self());
    if (p == nullptr) return Sym::of(Value::null(s.call()));
    Value* doc = p->find("PolicyDocument");
    Value* statements = doc ? doc->find("Statement") : nullptr;
    if (statements == nullptr || !statements->is_list()) return Sym::of(Value::null(s.call()));
    for (std::size_t i = 0; s.arg(i) != nullptr; ++i)
        statements->as_list().push_back(iam::statement(*s.arg(i)));
    return Sym::of(Value::null(s.call()));
}

Sym attach_to_role(Synth& s) {
    Value* p = s.properties_of(s.self());
    const Sym* role = s.arg(0);
    if (p == nullptr || role == nullptr) return Sym::of(Value::null(s.call()));
    Value* roles = p->find("Roles");
    if (roles == nullptr || !roles->is_list()) {
        Synth::set(*p, "Roles", Value::list({}, s.call()));
        roles = p->find("Roles");
    }
    roles->as_list().push_back(to_value(*role));
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_iam_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_iam.Role", role});
    catalog.constructs.push_back({"aws_iam.Policy", policy});
    catalog.constructs.push_back({"aws_iam.ManagedPolicy", managed_policy});
    catalog.constructs.push_back({"aws_iam.User", user});
    catalog.constructs.push_back({"aws_iam.Group", group});
    for (std::string_view method : {"add_to_policy", "add_to_principal_policy"}) {
        catalog.methods.push_back({"aws_iam.Role", method, add_to_policy});
    }
    catalog.methods.push_back({"aws_iam.Role", "add_managed_policy", add_managed_policy});
    catalog.methods.push_back({"aws_iam.Policy", "add_statements", add_statements});
    catalog.methods.push_back({"aws_iam.ManagedPolicy", "add_statements", add_statements});
    catalog.methods.push_back({"aws_iam.Policy", "attach_to_role", attach_to_role});
    catalog.methods.push_back({"aws_iam.ManagedPolicy", "attach_to_role", attach_to_role});
    catalog.methods.push_back({"aws_iam.PolicyStatement", "add_actions", add_actions});
    catalog.methods.push_back({"aws_iam.PolicyStatement", "add_resources", add_resources});
    catalog.methods.push_back({"aws_iam.PolicyStatement", "add_principals", add_principals});
    catalog.methods.push_back({"aws_iam.PolicyStatement", "add_any_principal", add_any_principal});
    catalog.methods.push_back({"aws_iam.PolicyStatement", "add_condition", add_condition});
    catalog.methods.push_back({"aws_iam.PolicyStatement", "add_all_resources", [](Synth& s) {
                                   append(s.self(), "resources",
                                          {Sym::of(Value::string("*", s.call()))}, s.call());
                                   return Sym::of(Value::null(s.call()));
                               }});
}

}  // namespace bulwark::cdk
