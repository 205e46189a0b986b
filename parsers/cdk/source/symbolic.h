#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"
#include "parsers/cdk/source/syntax.h"

// What the CDK source interpreter computes with: symbolic values. A value is either data (a
// literal, or Unknown with a reason and the resources it refers to), a container of symbolic
// values, a name inside a CDK module (`aws_s3.BucketEncryption.KMS`), or an object: a construct,
// a CDK helper value (`Duration.days(7)`, `PolicyStatement(...)`) or an instance of a user class.
namespace bulwark::cdk {

struct ModuleEnv;
struct Object;
struct SymEntry;

enum class SymKind : std::uint8_t {
    Data,          // data: a literal or Unknown
    List,          // items
    Dict,          // entries
    Module,        // name: a CDK module ("core", "aws_s3", "constructs") or "user:<file>"
    CdkName,       // name: "aws_s3.Bucket", "aws_s3.BucketEncryption.KMS", "core.Duration.days"
    Object,        // object
    UserClass,     // cls, env
    UserFunction,  // function, env
    BoundMethod,   // object (receiver), name: the method in snake_case
};

struct Sym {
    SymKind kind = SymKind::Data;
    Value data;
    std::vector<Sym> items;
    std::vector<SymEntry> entries;
    std::string name;
    Object* object = nullptr;
    const syntax::Class* cls = nullptr;
    const syntax::Function* function = nullptr;
    const ModuleEnv* env = nullptr;
    SourceRange range;  // where the value was written
    bool open = false;  // Dict: an unknown spread (`**rest`, `...rest`) may add entries
    std::string open_reason;

    // Defined after SymEntry: building a Sym needs the complete entry type (clang insists).
    static Sym of(Value value);
    static Sym unknown(std::string reason, SourceRange range, std::vector<Reference> refs = {});
    bool is_data() const { return kind == SymKind::Data; }
    bool is_unknown() const { return kind == SymKind::Data && data.is_unknown(); }
    bool is_none() const { return kind == SymKind::Data && data.is_null(); }
};

struct SymEntry {
    std::string key;
    SourceRange key_range;
    Sym value;
};

inline Sym Sym::of(Value value) {
    Sym s;
    s.range = value.range();
    s.data = std::move(value);
    return s;
}

inline Sym Sym::unknown(std::string reason, SourceRange range, std::vector<Reference> refs) {
    return of(Value::unknown(std::move(reason), std::move(refs), range));
}

// Keyword properties of a call (Python keyword arguments, or the TypeScript props object), keys in
// snake_case. `open` is set when some properties came from an unknown `**kwargs` / `...spread`:
// then a property that is not listed may still be set, and is Unknown rather than absent.
struct Props {
    std::vector<SymEntry> entries;
    bool open = false;
    std::string open_reason;

    const SymEntry* find(std::string_view snake) const;
};

enum class ObjectKind : std::uint8_t {
    App,        // cdk.App()
    Stage,      // cdk.Stage
    Stack,      // cdk.Stack or a user class deriving from it
    Construct,  // an L1 / L2 construct or a user construct class
    Value,      // a CDK helper value: Duration.days(7), ec2.Port.tcp(22), iam.PolicyStatement(...)
    User,       // an instance of a user class that is not a construct
};

struct Object {
    ObjectKind kind = ObjectKind::Value;
    std::string cdk_class;  // aws_s3.Bucket, core.Duration.days; empty for user classes
    const syntax::Class* user_class = nullptr;
    const ModuleEnv* env = nullptr;
    std::string path;       // construct path (empty for the app and for values)
    std::vector<Sym> args;  // positional arguments (after scope and id for constructs)
    Props props;
    SourceRange range;                  // the call that made the object
    std::map<std::string, Sym> fields;  // attributes: self.x = ..., or set by a construct mapper
    std::string primary;  // address of the resource that stands for the construct, if any
    std::string primary_type;
    std::vector<std::string> children;  // ids of child constructs already created (deduplication)
};

// snake_case of a camelCase or PascalCase name (jsii's rule): enforceSSL -> enforce_ssl.
std::string to_snake(std::string_view name);
// PascalCase of a snake_case or camelCase name: bucket_encryption -> BucketEncryption.
std::string to_pascal(std::string_view name);

}  // namespace bulwark::cdk
