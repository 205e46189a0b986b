// aws_lambda: Function (and the NodejsFunction / PythonFunction wrappers) with the service role
// CDK creates, VPC settings, tracing and environment encryption.
#include "parsers/cdk/source/constructs/iam_support.h"

namespace bulwark::cdk {
namespace {

// lambda.Runtime.PYTHON_3_12 -> python3.12, NODEJS_20_X -> nodejs20.x, JAVA_21 -> java21.
std::optional<std::string> runtime_name(const std::string& member) {
    struct Family {
        std::string_view prefix;
        std::string_view name;
    };
    constexpr Family kFamilies[] = {{"PYTHON_", "python"},     {"NODEJS_", "nodejs"},
                                    {"JAVA_", "java"},         {"DOTNET_", "dotnet"},
                                    {"RUBY_", "ruby"},         {"GO_", "go"},
                                    {"PROVIDED_", "provided."}};
    if (member == "PROVIDED") return "provided";
    for (const Family& f : kFamilies) {
        if (!member.starts_with(f.prefix)) continue;
        std::string version = member.substr(f.prefix.size());
        std::replace(version.begin(), version.end(), '_', '.');
        for (char& c : version)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return std::string(f.name) + version;
    }
    return std::nullopt;
}

void function(Synth& s) {
    Value& p = s.emit("AWS::Lambda::Function");
    Object& self = s.self();
    if (const Sym* role = s.prop("role")) {
        const Object* r = object_of(role);
        Synth::set(p, "Role", r ? reference_to(*r, "Arn", role->range) : to_value(*role));
        self.fields["role"] = *role;
    } else {
        // CDK creates <function>/ServiceRole with the basic execution policy (and VPC access
        // when the function is in a VPC).
        Object& service_role = s.make_child("ServiceRole", "aws_iam.Role");
        SynthResource& r = s.emit_at(service_role.path, "AWS::IAM::Role", "aws_iam.Role", s.call());
        service_role.primary = service_role.path;
        service_role.primary_type = "AWS::IAM::Role";
        const SourceRange at = s.call();
        Value statement = Value::map({}, at);
        Synth::set(statement, "Action", Value::string("sts:AssumeRole", at));
        Synth::set(statement, "Effect", Value::string("Allow", at));
        Value principal = Value::map({}, at);
        principal.set("Service", Value::string("lambda.amazonaws.com", at), at);
        Synth::set(statement, "Principal", std::move(principal));
        Synth::set(r.properties, "AssumeRolePolicyDocument",
                   iam::document_of({std::move(statement)}, at));
        Value::List managed{
            Value::string("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", at)};
        if (s.prop("vpc") != nullptr) {
            managed.push_back(Value::string(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole", at));
        }
        Synth::set(r.properties, "ManagedPolicyArns", Value::list(std::move(managed), at));
        Synth::set(p, "Role", reference_to(service_role, "Arn", at));
        Sym role_ref;
        role_ref.kind = SymKind::Object;
        role_ref.object = &service_role;
        role_ref.range = at;
        self.fields["role"] = role_ref;
        if (const Sym* statements = s.prop("initial_policy");
            statements && statements->kind == SymKind::List) {
            for (const Sym& st : statements->items)
                iam::add_to_role_policy(s, service_role, iam::statement(st));
        }
    }
    if (const Sym* v = s.prop("handler")) Synth::set(p, "Handler", to_value(*v));
    if (const Sym* v = s.prop("runtime")) {
        const auto member = member_of(v, "Runtime");
        const auto name = member ? runtime_name(*member) : std::nullopt;
        Synth::set(p, "Runtime", name ? Value::string(*name, v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("function_name")) Synth::set(p, "FunctionName", to_value(*v));
    if (const Sym* v = s.prop("description")) Synth::set(p, "Description", to_value(*v));
    if (const Sym* v = s.prop("memory_size")) Synth::set(p, "MemorySize", to_value(*v));
    if (const Sym* v = s.prop("timeout")) {
        if (auto seconds = duration_seconds(v)) Synth::set(p, "Timeout", *seconds);
    }
    if (const Sym* v = s.prop("reserved_concurrent_executions")) {
        Synth::set(p, "ReservedConcurrentExecutions", to_value(*v));
    }
    if (const Sym* v = s.prop("environment")) {
        Value environment = Value::map({}, v->range);
        Synth::set(environment, "Variables", to_value(*v));
        Synth::set(p, "Environment", std::move(environment));
    }
    if (const Sym* v = s.prop("environment_encryption")) {
        const Object* k = object_of(v);
        Synth::set(p, "KmsKeyArn", k ? reference_to(*k, "Arn", v->range) : to_value(*v));
    }
    if (const Sym* v = s.prop("tracing")) {
        Value tracing = Value::map({}, v->range);
        const auto member = member_of(v, "Tracing");
        if (member && *member == "ACTIVE")
            Synth::set(tracing, "Mode", Value::string("Active", v->range));
        else if (member && *member == "PASS_THROUGH")
            Synth::set(tracing, "Mode", Value::string("PassThrough", v->range));
        else if (!member)
            tracing = to_value(*v);
        if (!member || *member != "DISABLED") Synth::set(p, "TracingConfig", std::move(tracing));
    }
    if (const Sym* v = s.prop("vpc")) {
        Value config = Value::map({}, v->range);
        Synth::set(config, "SubnetIds", Value::unknown("subnets of the VPC", {}, v->range));
        Synth::set(config, "SecurityGroupIds", Value::unknown("security groups", {}, v->range));
        Synth::set(p, "VpcConfig", std::move(config));
    }
    if (const Sym* v = s.prop("dead_letter_queue")) {
        Value config = Value::map({}, v->range);
        const Object* q = object_of(v);
        Synth::set(config, "TargetArn", q ? reference_to(*q, "Arn", v->range) : to_value(*v));
        Synth::set(p, "DeadLetterConfig", std::move(config));
    }
    Synth::set(p, "Code", s.fallback(Value::unknown("code assets are built by cdk synth", {})));
}

Sym add_to_role_policy(Synth& s) {
    Sym self;
    self.kind = SymKind::Object;
    self.object = &s.self();
    Object* role = iam::role_of(&self);
    if (role != nullptr && s.arg(0) != nullptr)
        iam::add_to_role_policy(s, *role, iam::statement(*s.arg(0)));
    return Sym::of(Value::null(s.call()));
}

Sym grant_invoke(Synth& s) {
    iam::grant(s, s.param(0, "grantee"), {"lambda:InvokeFunction"},
               reference_to(s.self(), "Arn", s.call()));
    return Sym::of(Value::null(s.call()));
}

}  // namespace

void add_lambda_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_lambda.Function", function});
    catalog.methods.push_back({"aws_lambda.Function", "add_to_role_policy", add_to_role_policy});
    catalog.methods.push_back({"aws_lambda.Function", "grant_invoke", grant_invoke});
}

}  // namespace bulwark::cdk
