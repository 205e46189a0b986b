// aws_rds: DatabaseInstance and DatabaseCluster with their subnet group, security group and
// generated credentials, as aws-cdk-lib v2 writes them.
#include "parsers/cdk/source/constructs/ec2_support.h"
#include "util/numbers.h"

namespace bulwark::cdk {
namespace {

// DatabaseInstanceEngine.postgres(version=...) / DatabaseInstanceEngine.POSTGRES -> "postgres".
std::pair<Value, Value> engine(const Sym* sym, bool cluster) {
    if (sym == nullptr) return {Value::unknown("engine", {}), Value()};
    const SourceRange at = sym->range;
    std::string method;
    const Object* o = object_of(sym);
    if (o != nullptr) method = o->cdk_class.substr(o->cdk_class.rfind('.') + 1);
    if (auto member =
            member_of(sym, cluster ? "DatabaseClusterEngine" : "DatabaseInstanceEngine")) {
        method = to_snake(*member);
    }
    struct Name {
        std::string_view method;
        std::string_view engine;
    };
    constexpr Name kNames[] = {{"postgres", "postgres"},
                               {"mysql", "mysql"},
                               {"mariadb", "mariadb"},
                               {"oracle_ee", "oracle-ee"},
                               {"oracle_se2", "oracle-se2"},
                               {"sql_server_ee", "sqlserver-ee"},
                               {"sql_server_se", "sqlserver-se"},
                               {"sql_server_ex", "sqlserver-ex"},
                               {"sql_server_web", "sqlserver-web"},
                               {"aurora_postgres", "aurora-postgresql"},
                               {"aurora_mysql", "aurora-mysql"},
                               {"aurora", "aurora"}};
    Value name = Value::unknown("engine", {}, at);
    for (const Name& n : kNames) {
        if (n.method == method) name = Value::string(std::string(n.engine), at);
    }
    Value version;
    if (o != nullptr) {
        if (const SymEntry* v = o->props.find("version")) {
            std::string member;
            if (v->value.kind == SymKind::CdkName)
                member = v->value.name.substr(v->value.name.rfind('.') + 1);
            if (member.starts_with("VER_")) {
                member = member.substr(4);
                std::replace(member.begin(), member.end(), '_', '.');
                version = Value::string(member, v->value.range);
            }
        }
    }
    return {name, version};
}

std::string instance_class_name(const std::string& member) {
    struct Alias {
        std::string_view long_name;
        std::string_view short_name;
    };
    constexpr Alias kAliases[] = {
        {"BURSTABLE2", "t2"},       {"BURSTABLE3", "t3"},
        {"BURSTABLE3_AMD", "t3a"},  {"BURSTABLE4_GRAVITON", "t4g"},
        {"STANDARD4", "m4"},        {"STANDARD5", "m5"},
        {"STANDARD6_INTEL", "m6i"}, {"STANDARD6_GRAVITON", "m6g"},
        {"STANDARD7_INTEL", "m7i"}, {"MEMORY4", "r4"},
        {"MEMORY5", "r5"},          {"MEMORY6_GRAVITON", "r6g"},
        {"MEMORY6_INTEL", "r6i"},   {"MEMORY7_GRAVITON", "r7g"},
    };
    for (const Alias& a : kAliases) {
        if (a.long_name == member) return std::string(a.short_name);
    }
    std::string lower = member;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::string instance_size_name(const std::string& member) {
    std::string lower = member;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.starts_with("xlarge") && lower.size() > 6) return lower.substr(6) + "xlarge";
    return lower;
}

Value instance_class(const Sym* sym, SourceRange fallback) {
    if (sym == nullptr) return Value::string("db.m5.large", fallback);
    const Object* o = object_of(sym);
    if (o && is_class(o, "InstanceType.of") && o->args.size() == 2) {
        auto cls = member_of(&o->args[0], "InstanceClass");
        auto size = member_of(&o->args[1], "InstanceSize");
        if (cls && size) {
            return Value::string(
                "db." + instance_class_name(*cls) + "." + instance_size_name(*size), sym->range);
        }
    }
    if (o && is_class(o, "InstanceType") && !o->args.empty() && o->args[0].is_data() &&
        o->args[0].data.is_string()) {
        return Value::string("db." + o->args[0].data.as_string(), sym->range);
    }
    return Value::unknown("instance type", {}, sym->range);
}

Value subnet_group(Synth& s, std::string_view id, std::string_view description) {
    const std::string address = s.self().path + "/" + std::string(id);
    SynthResource& r =
        s.emit_at(address, "AWS::RDS::DBSubnetGroup", "aws_rds.SubnetGroup", s.call());
    Synth::set(r.properties, "DBSubnetGroupDescription",
               s.fallback(Value::string(std::string(description))));
    Synth::set(r.properties, "SubnetIds", Value::unknown("subnets of the VPC", {}, s.call()));
    return Value::unknown("reference to " + address, {{address, ""}}, s.call());
}

Value security_groups(Synth& s, std::string_view id) {
    if (const Sym* v = s.prop("security_groups")) {
        if (v->kind == SymKind::List) {
            Value::List out;
            for (const Sym& item : v->items) {
                const Object* g = object_of(&item);
                out.push_back(g ? reference_to(*g, "GroupId", item.range) : to_value(item));
            }
            return Value::list(std::move(out), v->range);
        }
        return to_value(*v);
    }
    Object& group = ec2::make_security_group(
        s, "SecurityGroup",
        s.fallback(Value::string("Security group for " + std::string(id) + " database")), true);
    return Value::list({reference_to(group, "GroupId", s.call())}, s.call());
}

void credentials(Synth& s, Value& p) {
    const Sym* credentials = s.prop("credentials");
    if (credentials != nullptr) {
        Synth::set(p, "MasterUsername", Value::unknown("credentials", {}, credentials->range));
        return;
    }
    const std::string address = s.self().path + "/Secret";
    SynthResource& secret =
        s.emit_at(address, "AWS::SecretsManager::Secret", "aws_rds.DatabaseSecret", s.call());
    Synth::set(secret.properties, "GenerateSecretString", s.fallback(Value::map({})));
    Synth::set(p, "MasterUsername",
               Value::unknown("username from " + address, {{address, ""}}, s.call()));
    Synth::set(p, "MasterUserPassword",
               Value::unknown("password from " + address, {{address, ""}}, s.call()));
}

std::string last_id(const Object& o) {
    return o.path.substr(o.path.rfind('/') + 1);
}

void common(Synth& s, Value& p) {
    if (const Sym* key = s.prop("storage_encryption_key")) {
        const Object* k = object_of(key);
        Synth::set(p, "KmsKeyId", k ? reference_to(*k, "Arn", key->range) : to_value(*key));
        Synth::set(p, "StorageEncrypted", Value::boolean(true, key->range));
    } else if (const Sym* v = s.prop("storage_encrypted")) {
        Synth::set(p, "StorageEncrypted", to_value(*v));
    }
    if (const Sym* v = s.prop("deletion_protection"))
        Synth::set(p, "DeletionProtection", to_value(*v));
    if (const Sym* v = s.prop("iam_authentication")) {
        Synth::set(p, "EnableIAMDatabaseAuthentication", to_value(*v));
    }
    if (const Sym* v = s.prop("port")) Synth::set(p, "Port", to_value(*v));
    if (const Sym* v = s.prop("cloudwatch_logs_exports")) {
        Synth::set(p, "EnableCloudwatchLogsExports", to_value(*v));
    }
}

void instance(Synth& s) {
    Value& p = s.emit("AWS::RDS::DBInstance");
    auto [name, version] = engine(s.prop("engine"), false);
    if (!name.range().valid()) name.set_range(s.call());
    Synth::set(p, "Engine", name);
    if (!version.is_null()) Synth::set(p, "EngineVersion", version);
    Synth::set(p, "DBInstanceClass", instance_class(s.prop("instance_type"), s.call()));
    const Sym* storage = s.prop("allocated_storage");
    Synth::set(p, "AllocatedStorage",
               storage ? to_value(*storage) : s.fallback(Value::string("100")));
    const Sym* copy_tags = s.prop("copy_tags_to_snapshot");
    Synth::set(p, "CopyTagsToSnapshot",
               copy_tags ? to_value(*copy_tags) : s.fallback(Value::boolean(true)));
    common(s, p);
    if (const Sym* v = s.prop("multi_az")) Synth::set(p, "MultiAZ", to_value(*v));
    if (const Sym* v = s.prop("auto_minor_version_upgrade"))
        Synth::set(p, "AutoMinorVersionUpgrade", to_value(*v));
    // Enhanced Monitoring: CDK also creates <instance>/MonitoringRole, not modelled here.
    if (const Sym* v = s.prop("monitoring_interval")) {
        if (auto seconds = duration_seconds(v)) {
            Synth::set(p, "MonitoringInterval", *seconds);
            Synth::set(p, "MonitoringRoleArn", Value::unknown("a role CDK creates", {}, v->range));
        }
    }
    if (const Sym* v = s.prop("backup_retention")) {
        if (auto seconds = duration_seconds(v); seconds && seconds->is_number()) {
            Synth::set(p, "BackupRetentionPeriod",
                       Value::number(seconds->as_number() / 86400, v->range));
        }
    }
    if (const Sym* v = s.prop("database_name")) Synth::set(p, "DBName", to_value(*v));
    const std::string id = last_id(s.self());
    if (s.prop("vpc") != nullptr) {
        Synth::set(p, "DBSubnetGroupName",
                   subnet_group(s, "SubnetGroup", "Subnet group for " + id + " database"));
        Synth::set(p, "VPCSecurityGroups", security_groups(s, id));
    }
    if (const Sym* v = s.prop("publicly_accessible")) {
        Synth::set(p, "PubliclyAccessible", to_value(*v));
    } else {
        Value public_subnets = ec2::selects_public_subnets(s.prop("vpc_subnets"), s.call());
        if (!public_subnets.range().valid()) public_subnets.set_range(s.call());
        Synth::set(p, "PubliclyAccessible", std::move(public_subnets));
    }
    credentials(s, p);
    apply_removal_policy(s, *s.primary_of(s.self()), "Snapshot");
}

// A cluster member: ClusterInstance.provisioned("writer", {...}) / serverless_v2(...).
void cluster_member(Synth& s, const Sym& member, const Value& publicly, const Value& engine_name) {
    const Object* o = object_of(&member);
    if (o == nullptr || o->args.empty() || !o->args[0].is_data() || !o->args[0].data.is_string())
        return;
    const std::string address = s.self().path + "/" + o->args[0].data.as_string();
    SynthResource& r = s.emit_at(address, "AWS::RDS::DBInstance", o->cdk_class, member.range);
    Synth::set(r.properties, "DBClusterIdentifier", reference_to(s.self(), "", member.range));
    Synth::set(r.properties, "Engine", engine_name);
    if (const SymEntry* p = o->props.find("publicly_accessible")) {
        Synth::set(r.properties, "PubliclyAccessible", to_value(p->value));
    } else {
        Synth::set(r.properties, "PubliclyAccessible", publicly);
    }
    if (o->cdk_class.ends_with("serverless_v2")) {
        Synth::set(r.properties, "DBInstanceClass", Value::string("db.serverless", member.range));
    } else if (const SymEntry* t = o->props.find("instance_type")) {
        Synth::set(r.properties, "DBInstanceClass", instance_class(&t->value, member.range));
    }
}

void cluster(Synth& s) {
    Value& p = s.emit("AWS::RDS::DBCluster");
    auto [name, version] = engine(s.prop("engine"), true);
    if (!name.range().valid()) name.set_range(s.call());
    Synth::set(p, "Engine", name);
    if (!version.is_null()) Synth::set(p, "EngineVersion", version);
    common(s, p);
    if (const Sym* v = s.prop("default_database_name")) Synth::set(p, "DatabaseName", to_value(*v));
    const std::string id = last_id(s.self());
    const Sym* vpc_subnets = s.prop("vpc_subnets");
    const Sym* instance_props = s.prop("instance_props");
    if (s.prop("vpc") != nullptr || instance_props != nullptr) {
        Synth::set(p, "DBSubnetGroupName",
                   subnet_group(s, "Subnets", "Subnets for " + id + " database"));
        Synth::set(p, "VpcSecurityGroupIds", security_groups(s, id));
    }
    credentials(s, p);
    apply_removal_policy(s, *s.primary_of(s.self()), "Snapshot");

    Value publicly = ec2::selects_public_subnets(vpc_subnets, s.call());
    if (!publicly.range().valid()) publicly.set_range(s.call());
    if (const Sym* writer = s.prop("writer")) cluster_member(s, *writer, publicly, name);
    if (const Sym* readers = s.prop("readers"); readers && readers->kind == SymKind::List) {
        for (const Sym& reader : readers->items)
            cluster_member(s, reader, publicly, name);
    }
    if (s.prop("writer") == nullptr && instance_props != nullptr) {
        // The older instance_props form: `instances` copies (2 by default) named Instance<n>.
        int count = 2;
        if (const Sym* n = s.prop("instances"); n && n->is_data() && n->data.is_number()) {
            count = std::clamp(saturating_cast<int>(n->data.as_number(), 2), 1, 16);
        }
        const Sym* subnets = nullptr;
        const Sym* accessible = nullptr;
        auto read = [&](const std::vector<SymEntry>& entries) {
            for (const SymEntry& e : entries) {
                if (to_snake(e.key) == "vpc_subnets") subnets = &e.value;
                if (to_snake(e.key) == "publicly_accessible") accessible = &e.value;
            }
        };
        if (instance_props->kind == SymKind::Dict) read(instance_props->entries);
        if (const Object* o = object_of(instance_props)) read(o->props.entries);
        Value instance_public = accessible
                                    ? to_value(*accessible)
                                    : ec2::selects_public_subnets(subnets, instance_props->range);
        for (int i = 1; i <= count; ++i) {
            const std::string address = s.self().path + "/Instance" + std::to_string(i);
            SynthResource& r =
                s.emit_at(address, "AWS::RDS::DBInstance", "aws_rds.DatabaseCluster", s.call());
            Synth::set(r.properties, "DBClusterIdentifier", reference_to(s.self(), "", s.call()));
            Synth::set(r.properties, "Engine", name);
            Synth::set(r.properties, "PubliclyAccessible", instance_public);
        }
    }
}

}  // namespace

void add_rds_constructs(Catalog& catalog) {
    catalog.constructs.push_back({"aws_rds.DatabaseInstance", instance});
    catalog.constructs.push_back({"aws_rds.DatabaseCluster", cluster});
}

}  // namespace bulwark::cdk
