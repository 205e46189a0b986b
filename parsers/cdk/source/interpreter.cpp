#include "parsers/cdk/source/interpreter.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace bulwark::cdk {

using syntax::Expr;
using syntax::ExprKind;
using syntax::Stmt;
using syntax::StmtKind;

// A user module: its file, its names, and whether its top-level code has run.
struct ModuleEnv {
    const SourceModule* source = nullptr;
    std::unordered_map<std::string, Sym> globals;
    std::unordered_map<std::string, const syntax::Class*> classes;
    std::unordered_map<std::string, const syntax::Function*> functions;
    enum class State { NotRun, Running, Done } state = State::NotRun;
};

namespace {

constexpr int kMaxCallDepth = 24;
constexpr std::size_t kMaxSteps = 400000;
constexpr std::size_t kMaxLoop = 64;

// The CDK module an import names, normalised across languages and CDK versions: "core" for
// aws_cdk / aws-cdk-lib / @aws-cdk/core, "aws_s3" for aws_cdk.aws_s3 / aws-cdk-lib/aws-s3.
std::optional<std::string> cdk_module(std::string_view module) {
    auto normalise = [](std::string_view name) {
        std::string out(name);
        std::replace(out.begin(), out.end(), '-', '_');
        return out == "core" ? std::string("core") : out;
    };
    if (module == "aws_cdk" || module == "aws-cdk-lib" || module == "aws_cdk.core" ||
        module == "@aws-cdk/core") {
        return "core";
    }
    if (module == "constructs") return "constructs";
    if (module.starts_with("aws_cdk.")) return normalise(module.substr(8));
    if (module.starts_with("aws-cdk-lib/")) return normalise(module.substr(12));
    if (module.starts_with("@aws-cdk/")) return normalise(module.substr(9));
    return std::nullopt;
}

std::string join_path(const std::string& parent, const std::string& id) {
    return parent.empty() ? id : parent + "/" + id;
}

// A CDK name segment written in camelCase (a method) is normalised to snake_case.
std::string cdk_segment(std::string_view name) {
    if (!name.empty() && std::islower(static_cast<unsigned char>(name.front()))) {
        return to_snake(name);
    }
    return std::string(name);
}

std::string attribute_name(std::string_view name) {
    const std::string snake = to_snake(name);
    if (snake == "ref" || snake.ends_with("_name") || snake.ends_with("_id") ||
        snake.ends_with("_url")) {
        return "";
    }
    if (snake.ends_with("_arn")) return "Arn";
    if (snake.starts_with("attr_")) return to_pascal(snake.substr(5));
    return to_pascal(snake);
}

std::optional<bool> truthy(const Sym& sym) {
    switch (sym.kind) {
        case SymKind::Data:
            switch (sym.data.kind()) {
                case ValueKind::Null:
                    return false;
                case ValueKind::Bool:
                    return sym.data.as_bool();
                case ValueKind::Number:
                    return sym.data.as_number() != 0;
                case ValueKind::String:
                    return !sym.data.as_string().empty();
                case ValueKind::Unknown:
                    return std::nullopt;
                default:
                    return true;
            }
        case SymKind::List:
            return !sym.items.empty();
        case SymKind::Dict:
            if (sym.open) return std::nullopt;
            return !sym.entries.empty();
        default:
            return true;
    }
}

// References inside a value, so a string built from `bucket.bucket_arn` still links the bucket.
void collect_references(const Sym& sym, std::vector<Reference>& out) {
    if (sym.kind == SymKind::Data && sym.data.is_unknown()) {
        for (const Reference& r : sym.data.as_unknown().references)
            out.push_back(r);
    } else if (sym.kind == SymKind::Object && sym.object && !sym.object->primary.empty()) {
        out.push_back({sym.object->primary, ""});
    }
}

struct Arguments {
    std::vector<Sym> positional;
    Props props;
    bool open_positional = false;
};

struct Frame {
    ModuleEnv* env = nullptr;
    std::unordered_map<std::string, Sym> locals;
    std::unordered_map<std::string, Sym>* vars = nullptr;  // locals, or the module's globals
    Object* self = nullptr;
    const syntax::Class* cls = nullptr;
    const ModuleEnv* cls_env = nullptr;
    bool returned = false;
    bool has_return = false;
    Sym return_value;
    int uncertain = 0;  // inside a branch whose condition is unknown
};

class Interpreter {
  public:
    explicit Interpreter(const std::vector<const SourceModule*>& modules) {
        envs_.reserve(modules.size());
        for (const SourceModule* m : modules) {
            ModuleEnv env;
            env.source = m;
            for (const syntax::Class& c : m->module.classes)
                env.classes.emplace(c.name, &c);
            for (const syntax::Function& f : m->module.functions)
                env.functions.emplace(f.name, &f);
            envs_.push_back(std::move(env));
        }
        app_ = &store_.make_object();
        app_->kind = ObjectKind::App;
        app_->cdk_class = "core.App";
    }

    AppResult run() {
        for (ModuleEnv& env : envs_)
            run_module(env);
        instantiate_unreached_stacks();
        AppResult result;
        for (SynthResource& r : store_.resources)
            count_unknowns(r.properties);
        result.resources.assign(std::make_move_iterator(store_.resources.begin()),
                                std::make_move_iterator(store_.resources.end()));
        result.diagnostics = std::move(diagnostics_);
        result.stats = store_.stats;
        return result;
    }

  private:
    // ---- modules and imports ------------------------------------------------------------

    void run_module(ModuleEnv& env) {
        if (env.state != ModuleEnv::State::NotRun) return;
        env.state = ModuleEnv::State::Running;
        Frame frame;
        frame.env = &env;
        frame.vars = &env.globals;
        exec(env.source->module.statements, frame);
        env.state = ModuleEnv::State::Done;
    }

    ModuleEnv* find_env(const ModuleEnv& from, const std::string& module) {
        namespace fs = std::filesystem;
        std::vector<std::string> candidates;
        const fs::path here = fs::path(from.source->path).parent_path();
        if (from.source->module.language == syntax::Language::Python) {
            std::size_t dots = 0;
            while (dots < module.size() && module[dots] == '.')
                ++dots;
            std::string rest = module.substr(dots);
            std::replace(rest.begin(), rest.end(), '.', '/');
            if (dots > 0) {
                fs::path base = here;
                for (std::size_t i = 1; i < dots; ++i)
                    base = base.parent_path();
                candidates.push_back((base / (rest + ".py")).lexically_normal().generic_string());
                candidates.push_back(
                    (base / rest / "__init__.py").lexically_normal().generic_string());
            } else {
                candidates.push_back(rest + ".py");
                candidates.push_back(rest + "/__init__.py");
            }
        } else {
            if (!module.starts_with(".")) return nullptr;  // a package, not a file of the app
            const fs::path base = (here / module).lexically_normal();
            candidates.push_back(base.generic_string() + ".ts");
            candidates.push_back((base / "index.ts").generic_string());
        }
        for (const std::string& candidate : candidates) {
            for (ModuleEnv& env : envs_) {
                const std::string& path = env.source->path;
                if (path == candidate || path.ends_with("/" + candidate)) return &env;
            }
        }
        return nullptr;
    }

    std::optional<Sym> resolve_import(ModuleEnv& env, const std::string& local, SourceRange at) {
        for (const syntax::Import& import : env.source->module.imports) {
            if (import.alias != local && import.alias != "*") continue;
            if (auto module = cdk_module(import.module)) {
                if (import.alias == "*") {
                    if (local.empty()) continue;
                    Sym s;  // from aws_cdk.aws_s3 import *
                    s.kind = SymKind::CdkName;
                    s.name = *module + "." + local;
                    s.range = at;
                    return s;
                }
                Sym s;
                s.range = at;
                if (import.name.empty()) {
                    s.kind = SymKind::Module;
                    s.name = *module;
                } else if (*module == "core" && import.name.starts_with("aws_")) {
                    s.kind = SymKind::Module;
                    s.name = import.name;
                } else {
                    s.kind = SymKind::CdkName;
                    s.name = *module + "." + cdk_segment(import.name);
                }
                return s;
            }
            if (import.alias == "*") continue;
            ModuleEnv* target = find_env(env, import.module);
            if (import.name.empty()) {
                if (target == nullptr) return Sym::unknown("module " + import.module, at);
                Sym s;
                s.kind = SymKind::Module;
                s.name = "user";
                s.env = target;
                s.range = at;
                return s;
            }
            if (target != nullptr) {
                run_module(*target);
                if (auto found = lookup_in(*target, import.name, at)) return found;
            }
            if (auto found = lookup_anywhere(import.name, at)) return found;
            return Sym::unknown(import.name + " from " + import.module, at);
        }
        return std::nullopt;
    }

    std::optional<Sym> lookup_in(ModuleEnv& env, const std::string& name, SourceRange at) {
        if (auto it = env.globals.find(name); it != env.globals.end()) return it->second;
        if (auto it = env.classes.find(name); it != env.classes.end()) {
            Sym s;
            s.kind = SymKind::UserClass;
            s.cls = it->second;
            s.env = &env;
            s.range = at;
            return s;
        }
        if (auto it = env.functions.find(name); it != env.functions.end()) {
            Sym s;
            s.kind = SymKind::UserFunction;
            s.function = it->second;
            s.env = &env;
            s.range = at;
            return s;
        }
        return std::nullopt;
    }

    // A class or function of the app by name, when its import path could not be followed.
    std::optional<Sym> lookup_anywhere(const std::string& name, SourceRange at) {
        for (ModuleEnv& env : envs_) {
            if (env.classes.count(name) || env.functions.count(name))
                return lookup_in(env, name, at);
        }
        return std::nullopt;
    }

    Sym lookup(const std::string& name, Frame& frame, SourceRange at) {
        if (auto it = frame.vars->find(name); it != frame.vars->end())
            return with_range(it->second, at);
        ModuleEnv& env = *frame.env;
        if (auto found = lookup_in(env, name, at)) return with_range(*found, at);
        if (auto found = resolve_import(env, name, at)) {
            env.globals[name] = *found;
            return *found;
        }
        return Sym::unknown("'" + name + "' is not known before deployment", at);
    }

    static Sym with_range(Sym sym, SourceRange at) {
        // Literals keep where they were written; names used elsewhere point at the use only when
        // they carry no position of their own.
        if (!sym.range.valid()) sym.range = at;
        if (sym.kind == SymKind::Data && !sym.data.range().valid()) sym.data.set_range(at);
        return sym;
    }

    // ---- statements ---------------------------------------------------------------------

    bool step() {
        if (++steps_ <= kMaxSteps) return true;
        if (!step_limit_reported_) {
            step_limit_reported_ = true;
            diagnostics_.push_back(Diagnostic{kNoFile,
                                              {},
                                              DiagnosticSeverity::Warning,
                                              DiagnosticCode::ExpansionLimit,
                                              "the CDK app needs more than " +
                                                  std::to_string(kMaxSteps) +
                                                  " evaluation steps; the rest is not read"});
        }
        return false;
    }

    void exec(const std::vector<Stmt>& statements, Frame& frame) {
        for (const Stmt& s : statements) {
            if (frame.returned || !step()) return;
            exec(s, frame);
        }
    }

    void exec(const Stmt& s, Frame& frame) {
        switch (s.kind) {
            case StmtKind::Expr:
                eval(s.value, frame);
                break;
            case StmtKind::Assign: {
                Sym value = eval(s.value, frame);
                if (s.targets.size() == 1) {
                    assign(s.targets.front(), std::move(value), frame);
                } else if (value.kind == SymKind::List && value.items.size() == s.targets.size()) {
                    for (std::size_t i = 0; i < s.targets.size(); ++i)
                        assign(s.targets[i], value.items[i], frame);
                } else {
                    for (const Expr& target : s.targets) {
                        assign(target, Sym::unknown("unpacked from an expression", target.range),
                               frame);
                    }
                }
                break;
            }
            case StmtKind::Return:
                if (!frame.has_return) {
                    frame.return_value = eval(s.value, frame);
                    frame.has_return = true;
                }
                if (frame.uncertain == 0) frame.returned = true;
                break;
            case StmtKind::If: {
                const auto condition = truthy(eval(s.value, frame));
                if (condition) {
                    exec(*condition ? s.body : s.orelse, frame);
                } else {
                    // Both branches: what either may create is scanned.
                    ++frame.uncertain;
                    exec(s.body, frame);
                    exec(s.orelse, frame);
                    --frame.uncertain;
                }
                break;
            }
            case StmtKind::For: {
                Sym iterable = eval(s.value, frame);
                std::vector<Sym> items;
                bool known = false;
                if (iterable.kind == SymKind::List && iterable.items.size() <= kMaxLoop) {
                    items = iterable.items;
                    known = true;
                } else if (iterable.kind == SymKind::Dict && !iterable.open &&
                           iterable.entries.size() <= kMaxLoop) {
                    for (const SymEntry& e : iterable.entries)
                        items.push_back(Sym::of(Value::string(e.key, e.key_range)));
                    known = true;
                }
                if (known) {
                    for (Sym& item : items) {
                        if (!s.loop_var.empty()) (*frame.vars)[s.loop_var] = item;
                        exec(s.body, frame);
                        if (frame.returned) return;
                    }
                } else {
                    if (!s.loop_var.empty()) {
                        (*frame.vars)[s.loop_var] =
                            Sym::unknown("loop variable over an unknown collection", s.range);
                    }
                    ++frame.uncertain;
                    exec(s.body, frame);
                    --frame.uncertain;
                }
                exec(s.orelse, frame);
                break;
            }
            case StmtKind::Block:
                exec(s.body, frame);
                exec(s.orelse, frame);
                break;
        }
    }

    void assign(const Expr& target, Sym value, Frame& frame) {
        if (target.kind == ExprKind::Name) {
            (*frame.vars)[target.text] = std::move(value);
        } else if (target.kind == ExprKind::Attribute && !target.children.empty()) {
            const Expr& owner = target.children.front();
            Object* object = nullptr;
            if (owner.kind == ExprKind::This) {
                object = frame.self;
            } else {
                Sym o = eval(owner, frame);
                if (o.kind == SymKind::Object) object = o.object;
            }
            if (object != nullptr) object->fields[target.text] = std::move(value);
        }
    }

    // ---- expressions --------------------------------------------------------------------

    Sym eval(const Expr& e, Frame& frame) {
        switch (e.kind) {
            case ExprKind::Name:
                return lookup(e.text, frame, e.range);
            case ExprKind::This:
                if (frame.self != nullptr) return object_sym(frame.self, e.range);
                return Sym::unknown("self outside a class", e.range);
            case ExprKind::Super:
                return Sym::unknown("super", e.range);
            case ExprKind::Attribute:
                return attribute(eval(e.children.front(), frame), e.text, e.range, frame);
            case ExprKind::Subscript:
                return subscript(eval(e.children[0], frame), eval(e.children[1], frame), e.range);
            case ExprKind::Call:
                return call(e, frame);
            case ExprKind::String:
                return Sym::of(Value::string(e.text, e.range));
            case ExprKind::Template:
                return concatenate(e, frame);
            case ExprKind::Number:
                return Sym::of(Value::number(e.number, e.range));
            case ExprKind::Bool:
                return Sym::of(Value::boolean(e.boolean, e.range));
            case ExprKind::None:
                return Sym::of(Value::null(e.range));
            case ExprKind::List: {
                Sym s;
                s.kind = SymKind::List;
                s.range = e.range;
                for (const Expr& item : e.children)
                    s.items.push_back(eval(item, frame));
                return s;
            }
            case ExprKind::Dict:
                return dict(e, frame);
            case ExprKind::Binary:
                return binary(e, frame);
            case ExprKind::Conditional: {
                const auto condition = truthy(eval(e.children[0], frame));
                if (condition) return eval(e.children[*condition ? 1 : 2], frame);
                Sym a = eval(e.children[1], frame);
                Sym b = eval(e.children[2], frame);
                if (a.is_data() && b.is_data() && a.data.same_as(b.data)) return a;
                std::vector<Reference> refs;
                collect_references(a, refs);
                collect_references(b, refs);
                return Sym::unknown("depends on a condition known only at deployment", e.range,
                                    std::move(refs));
            }
            case ExprKind::Not: {
                const auto value = truthy(eval(e.children[0], frame));
                if (value) return Sym::of(Value::boolean(!*value, e.range));
                return Sym::unknown("negation of an unknown value", e.range);
            }
            case ExprKind::Function:
                return Sym::unknown("a function", e.range);
            case ExprKind::Other:
                break;
        }
        return Sym::unknown(e.text.empty() ? "an expression Bulwark does not evaluate"
                                           : "'" + e.text + "' is not evaluated",
                            e.range);
    }

    static Sym object_sym(Object* object, SourceRange at) {
        Sym s;
        s.kind = SymKind::Object;
        s.object = object;
        s.range = at;
        return s;
    }

    Sym dict(const Expr& e, Frame& frame) {
        Sym s;
        s.kind = SymKind::Dict;
        s.range = e.range;
        for (const syntax::DictEntry& entry : e.entries) {
            Sym value = entry.spread
                            ? eval(entry.value.front(), frame)
                            : at_use(eval(entry.value.front(), frame), entry.value.front());
            if (entry.spread) {
                if (value.kind == SymKind::Dict) {
                    for (SymEntry& inner : value.entries)
                        put(s.entries, std::move(inner));
                    if (value.open) {
                        s.open = true;
                        s.open_reason = value.open_reason;
                    }
                } else if (!value.is_none()) {
                    s.open = true;
                    s.open_reason = "a spread of values not known before deployment";
                }
                continue;
            }
            if (entry.key.empty()) {
                s.open = true;
                s.open_reason = "a computed key";
                continue;
            }
            put(s.entries, SymEntry{entry.key, entry.key_range, std::move(value)});
        }
        return s;
    }

    // A value reached through a name (`key`, `self.bucket`, a constant) points at where it is
    // used as an argument, so findings land on the construct's own line.
    static Sym at_use(Sym value, const Expr& e) {
        if (e.kind != ExprKind::Name && e.kind != ExprKind::Attribute &&
            e.kind != ExprKind::Subscript) {
            return value;
        }
        value.range = e.range;
        if (value.kind == SymKind::Data) value.data.set_range(e.range);
        return value;
    }

    static void put(std::vector<SymEntry>& entries, SymEntry entry) {
        for (SymEntry& existing : entries) {
            if (existing.key == entry.key) {
                existing = std::move(entry);
                return;
            }
        }
        entries.push_back(std::move(entry));
    }

    Sym concatenate(const Expr& e, Frame& frame) {
        std::string text;
        std::vector<Reference> refs;
        bool known = true;
        for (const Expr& part : e.children) {
            Sym value = eval(part, frame);
            if (value.is_data() && value.data.is_string()) {
                text += value.data.as_string();
            } else if (value.is_data() && value.data.is_number()) {
                text += format_number(value.data.as_number());
            } else {
                known = false;
                collect_references(value, refs);
            }
        }
        if (known) return Sym::of(Value::string(std::move(text), e.range));
        return Sym::unknown("a string built from values known only at deployment", e.range,
                            std::move(refs));
    }

    Sym binary(const Expr& e, Frame& frame) {
        const std::string& op = e.text;
        Sym left = eval(e.children[0], frame);
        if (op == "and" || op == "&&") {
            const auto l = truthy(left);
            if (l && !*l) return left;
            if (l && *l) return eval(e.children[1], frame);
            return Sym::unknown("depends on a value known only at deployment", e.range);
        }
        if (op == "or" || op == "||") {
            const auto l = truthy(left);
            if (l && *l) return left;
            if (l && !*l) return eval(e.children[1], frame);
            return Sym::unknown("depends on a value known only at deployment", e.range);
        }
        if (op == "??") {
            if (left.is_none()) return eval(e.children[1], frame);
            if (left.is_unknown())
                return Sym::unknown("depends on a value known only at deployment", e.range);
            return left;
        }
        Sym right = eval(e.children[1], frame);
        if (left.is_data() && right.is_data() && !left.data.is_unknown() &&
            !right.data.is_unknown()) {
            const Value& a = left.data;
            const Value& b = right.data;
            if (op == "+" && a.is_string() && b.is_string()) {
                return Sym::of(Value::string(a.as_string() + b.as_string(), e.range));
            }
            if (a.is_number() && b.is_number()) {
                const double x = a.as_number();
                const double y = b.as_number();
                if (op == "+") return Sym::of(Value::number(x + y, e.range));
                if (op == "-") return Sym::of(Value::number(x - y, e.range));
                if (op == "*") return Sym::of(Value::number(x * y, e.range));
                if (op == "<") return Sym::of(Value::boolean(x < y, e.range));
                if (op == ">") return Sym::of(Value::boolean(x > y, e.range));
                if (op == "<=") return Sym::of(Value::boolean(x <= y, e.range));
                if (op == ">=") return Sym::of(Value::boolean(x >= y, e.range));
            }
            if (op == "==" || op == "===") return Sym::of(Value::boolean(a.same_as(b), e.range));
            if (op == "!=" || op == "!==") return Sym::of(Value::boolean(!a.same_as(b), e.range));
        }
        if ((op == "==" || op == "===" || op == "!=" || op == "!==") &&
            left.kind == SymKind::CdkName && right.kind == SymKind::CdkName) {
            const bool same = left.name == right.name;
            return Sym::of(Value::boolean(op.front() == '=' ? same : !same, e.range));
        }
        std::vector<Reference> refs;
        collect_references(left, refs);
        collect_references(right, refs);
        return Sym::unknown("computed from values known only at deployment", e.range,
                            std::move(refs));
    }

    Sym subscript(const Sym& base, const Sym& index, SourceRange at) {
        if (base.kind == SymKind::Dict && index.is_data() && index.data.is_string()) {
            for (const SymEntry& entry : base.entries) {
                if (entry.key == index.data.as_string()) return entry.value;
            }
            return Sym::unknown("key " + index.data.as_string() + " not set", at);
        }
        if (base.kind == SymKind::List && index.is_data() && index.data.is_number()) {
            const double i = index.data.as_number();
            const auto size = static_cast<double>(base.items.size());
            if (i >= 0 && i < size) return base.items[static_cast<std::size_t>(i)];
            if (i < 0 && -i <= size) return base.items[static_cast<std::size_t>(size + i)];
        }
        return Sym::unknown("an element known only at deployment", at);
    }

    Sym attribute(const Sym& base, const std::string& name, SourceRange at, Frame& frame) {
        switch (base.kind) {
            case SymKind::Module: {
                if (base.name == "user") {
                    ModuleEnv* env = const_cast<ModuleEnv*>(base.env);
                    run_module(*env);
                    if (auto found = lookup_in(*env, name, at)) return *found;
                    return Sym::unknown(name + " of a module", at);
                }
                Sym s;
                s.range = at;
                if (base.name == "core" && name.starts_with("aws_")) {
                    s.kind = SymKind::Module;
                    s.name = name;
                } else {
                    s.kind = SymKind::CdkName;
                    s.name = base.name + "." + cdk_segment(name);
                }
                return s;
            }
            case SymKind::CdkName: {
                Sym s;
                s.kind = SymKind::CdkName;
                s.name = base.name + "." + cdk_segment(name);
                s.range = at;
                return s;
            }
            case SymKind::Object: {
                Object* object = base.object;
                if (auto it = object->fields.find(name); it != object->fields.end()) {
                    return with_range(it->second, at);
                }
                const std::string snake = to_snake(name);
                if (auto it = object->fields.find(snake); it != object->fields.end()) {
                    return with_range(it->second, at);
                }
                if (object->kind == ObjectKind::Value) {
                    if (auto entry = object->props.find(snake)) return entry->value;
                    return Sym::unknown(name + " of a " + object->cdk_class, at);
                }
                if (object->user_class != nullptr && find_method(*object, name) != nullptr) {
                    Sym s;
                    s.kind = SymKind::BoundMethod;
                    s.object = object;
                    s.name = name;
                    s.range = at;
                    return s;
                }
                if (object->kind == ObjectKind::Construct) {
                    return Sym::of(reference_to(*object, attribute_name(name), at));
                }
                (void)frame;
                return Sym::unknown(
                    name + " of " + (object->path.empty() ? "the app" : object->path), at);
            }
            case SymKind::Dict:
                for (const SymEntry& entry : base.entries) {
                    if (entry.key == name || to_snake(entry.key) == to_snake(name)) {
                        return entry.value;
                    }
                }
                if (base.open) return Sym::unknown(name + " may be set by " + base.open_reason, at);
                return Sym::of(Value::null(at));
            case SymKind::Data:
                if (base.data.is_unknown()) {
                    return Sym::unknown(base.data.as_unknown().reason, at,
                                        base.data.as_unknown().references);
                }
                return Sym::unknown(name + " of a literal", at);
            default:
                return Sym::unknown(name + " is not known before deployment", at);
        }
    }

    // ---- calls --------------------------------------------------------------------------

    Arguments arguments(const Expr& call, Frame& frame) {
        Arguments out;
        for (const syntax::Argument& argument : call.args) {
            Sym value = argument.splat
                            ? eval(argument.value.front(), frame)
                            : at_use(eval(argument.value.front(), frame), argument.value.front());
            if (argument.splat && argument.keyword == "**") {
                if (value.kind == SymKind::Dict) {
                    for (SymEntry& e : value.entries)
                        put(out.props.entries,
                            SymEntry{to_snake(e.key), e.key_range, std::move(e.value)});
                    if (value.open) {
                        out.props.open = true;
                        out.props.open_reason = value.open_reason;
                    }
                } else {
                    out.props.open = true;
                    out.props.open_reason = "**keyword arguments known only at deployment";
                }
            } else if (argument.splat) {
                if (value.kind == SymKind::List) {
                    for (Sym& item : value.items)
                        out.positional.push_back(std::move(item));
                } else {
                    out.open_positional = true;
                }
            } else if (!argument.keyword.empty()) {
                put(out.props.entries, SymEntry{to_snake(argument.keyword),
                                                argument.value.front().range, std::move(value)});
            } else {
                out.positional.push_back(std::move(value));
            }
        }
        return out;
    }

    // TypeScript passes props as a trailing object literal: it becomes the keyword properties.
    static void props_from_object(Arguments& args, std::size_t index) {
        if (args.positional.size() <= index) return;
        Sym& last = args.positional[index];
        if (last.kind == SymKind::Dict) {
            for (SymEntry& e : last.entries)
                put(args.props.entries, SymEntry{to_snake(e.key), e.key_range, std::move(e.value)});
            if (last.open) {
                args.props.open = true;
                args.props.open_reason = last.open_reason;
            }
            args.positional.erase(args.positional.begin() + static_cast<std::ptrdiff_t>(index));
        } else if (last.is_unknown()) {
            args.props.open = true;
            args.props.open_reason = "properties known only at deployment";
            args.positional.erase(args.positional.begin() + static_cast<std::ptrdiff_t>(index));
        }
    }

    Sym call(const Expr& e, Frame& frame) {
        if (++depth_ > kMaxCallDepth) {
            --depth_;
            return Sym::unknown("calls nested too deeply", e.range);
        }
        Sym result = call_inner(e, frame);
        --depth_;
        return result;
    }

    Sym call_inner(const Expr& e, Frame& frame) {
        const Expr& callee = e.children.front();
        // super().__init__(scope, id) / super(scope, id): a user base class's constructor runs on
        // the same object; a CDK base has nothing more to do.
        const bool super_init =
            callee.kind == ExprKind::Super ||
            (callee.kind == ExprKind::Attribute &&
             callee.children.front().kind == ExprKind::Super && callee.text == "__init__");
        if (super_init) {
            Arguments args = arguments(e, frame);
            if (frame.self != nullptr && frame.cls != nullptr) {
                if (auto base = user_base(*frame.cls, frame.cls_env)) {
                    run_constructor(*frame.self, base->first, base->second, args);
                }
            }
            return Sym::of(Value::null(e.range));
        }
        if (callee.kind == ExprKind::Attribute) {
            if (callee.children.front().kind == ExprKind::Super) {
                arguments(e, frame);
                return Sym::unknown("result of a base class method", e.range);
            }
            Sym receiver = eval(callee.children.front(), frame);
            return call_method(receiver, callee.text, e, frame);
        }
        if (callee.kind == ExprKind::Name) {
            auto it = frame.vars->find(callee.text);
            const bool bound = it != frame.vars->end() || frame.env->classes.count(callee.text) ||
                               frame.env->functions.count(callee.text);
            if (!bound) {
                if (auto builtin = call_builtin(callee.text, e, frame)) return *builtin;
            }
        }
        Sym target = eval(callee, frame);
        return call_value(target, e, frame);
    }

    std::optional<Sym> call_builtin(const std::string& name, const Expr& e, Frame& frame) {
        if (frame.env->source->module.language != syntax::Language::Python) return std::nullopt;
        if (name == "dict") {
            Arguments args = arguments(e, frame);
            Sym s;
            s.kind = SymKind::Dict;
            s.range = e.range;
            if (!args.positional.empty() && args.positional.front().kind == SymKind::Dict) {
                s = args.positional.front();
            }
            for (SymEntry& entry : args.props.entries)
                put(s.entries, std::move(entry));
            s.open = s.open || args.props.open;
            return s;
        }
        if (name == "range") {
            Arguments args = arguments(e, frame);
            std::vector<double> bounds;
            for (const Sym& a : args.positional) {
                if (!a.is_data() || !a.data.is_number()) return Sym::unknown("range", e.range);
                bounds.push_back(a.data.as_number());
            }
            double begin = 0, end = 0;
            if (bounds.size() == 1)
                end = bounds[0];
            else if (bounds.size() >= 2)
                begin = bounds[0], end = bounds[1];
            if (end - begin > static_cast<double>(kMaxLoop)) return Sym::unknown("range", e.range);
            Sym s;
            s.kind = SymKind::List;
            s.range = e.range;
            for (double i = begin; i < end; ++i)
                s.items.push_back(Sym::of(Value::number(i, e.range)));
            return s;
        }
        if (name == "str") {
            Arguments args = arguments(e, frame);
            if (args.positional.size() == 1 && args.positional[0].is_data()) {
                const Value& v = args.positional[0].data;
                if (v.is_string()) return args.positional[0];
                if (v.is_number())
                    return Sym::of(Value::string(format_number(v.as_number()), e.range));
            }
            return Sym::unknown("str() of an unknown value", e.range);
        }
        if (name == "list" || name == "tuple") {
            Arguments args = arguments(e, frame);
            if (args.positional.size() == 1) return args.positional[0];
            return Sym::unknown(name, e.range);
        }
        return std::nullopt;
    }

    Sym call_value(const Sym& target, const Expr& e, Frame& frame) {
        switch (target.kind) {
            case SymKind::CdkName: {
                Arguments args = arguments(e, frame);
                return cdk_call(target.name, args, e.range);
            }
            case SymKind::UserClass: {
                Arguments args = arguments(e, frame);
                return instantiate(*target.cls, target.env, args, e.range);
            }
            case SymKind::UserFunction: {
                Arguments args = arguments(e, frame);
                return call_function(*target.function, target.env, nullptr, nullptr, nullptr, args,
                                     e.range);
            }
            case SymKind::BoundMethod: {
                Arguments args = arguments(e, frame);
                return call_user_method(*target.object, target.name, args, e.range);
            }
            default: {
                Arguments args = arguments(e, frame);
                (void)args;
                std::vector<Reference> refs;
                collect_references(target, refs);
                return Sym::unknown("result of a call Bulwark does not follow", e.range);
            }
        }
    }

    Sym call_method(const Sym& receiver, const std::string& name, const Expr& e, Frame& frame) {
        switch (receiver.kind) {
            case SymKind::Module:
            case SymKind::CdkName:
                return call_value(attribute(receiver, name, e.children.front().range, frame), e,
                                  frame);
            case SymKind::Object: {
                Object& object = *receiver.object;
                if (auto it = object.fields.find(name); it != object.fields.end()) {
                    return call_value(it->second, e, frame);
                }
                Arguments args = arguments(e, frame);
                if (object.user_class != nullptr && find_method(object, name) != nullptr) {
                    return call_user_method(object, name, args, e.range);
                }
                return cdk_method(object, name, args, e.range);
            }
            case SymKind::Dict: {
                Arguments args = arguments(e, frame);
                if ((name == "get" || name == "pop") && !args.positional.empty() &&
                    args.positional[0].is_data() && args.positional[0].data.is_string()) {
                    for (const SymEntry& entry : receiver.entries) {
                        if (entry.key == args.positional[0].data.as_string()) return entry.value;
                    }
                    if (receiver.open)
                        return Sym::unknown("may be set by " + receiver.open_reason, e.range);
                    if (args.positional.size() > 1) return args.positional[1];
                    return Sym::of(Value::null(e.range));
                }
                return Sym::unknown(name + " of a dictionary", e.range);
            }
            default: {
                arguments(e, frame);
                if (receiver.is_data() && receiver.data.is_string() &&
                    (name == "lower" || name == "upper" || name == "strip")) {
                    std::string text = receiver.data.as_string();
                    if (name == "lower") {
                        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
                            return static_cast<char>(std::tolower(c));
                        });
                    } else if (name == "upper") {
                        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
                            return static_cast<char>(std::toupper(c));
                        });
                    }
                    return Sym::of(Value::string(text, e.range));
                }
                std::vector<Reference> refs;
                collect_references(receiver, refs);
                return Sym::unknown("result of " + name + "()", e.range, std::move(refs));
            }
        }
    }

    Sym cdk_method(Object& object, const std::string& name, Arguments& args, SourceRange at) {
        const std::string method = to_snake(name);
        if (object.kind == ObjectKind::App) return Sym::of(Value::null(at));
        if (language_of(at) == syntax::Language::TypeScript && !args.positional.empty() &&
            args.positional.back().kind == SymKind::Dict) {
            props_from_object(args, args.positional.size() - 1);
        }
        // A method declared on the class, or on a class it is mapped like (aws_lambda_nodejs
        // functions behave as aws_lambda.Function).
        const MethodEntry* entry = catalog().method(object.cdk_class, method);
        if (entry == nullptr) {
            if (auto it = kind_of_.find(object.cdk_class); it != kind_of_.end()) {
                entry = catalog().method(it->second, method);
            }
        }
        if (entry == nullptr && !object.primary_type.empty()) {
            entry = catalog().method("*", method);
        }
        if (entry != nullptr) {
            Synth synth(store_, object, args.positional, args.props, at);
            Sym result = entry->handle(synth);
            if (!result.range.valid()) result.range = at;
            return result;
        }
        if (method == "apply_removal_policy" && !object.primary.empty()) {
            if (SynthResource* resource = store_.find(object.primary)) {
                const Sym* policy = args.positional.empty() ? nullptr : &args.positional[0];
                Value value = Value::unknown("removal policy not known", {}, at);
                if (auto p = removal_policy_name(policy)) value = Value::string(*p, policy->range);
                Synth::set(resource->attributes, "DeletionPolicy", value);
                Synth::set(resource->attributes, "UpdateReplacePolicy", value);
            }
            return Sym::of(Value::null(at));
        }
        if (object.kind == ObjectKind::Construct && !object.primary.empty()) {
            return Sym::of(reference_to(object, "", at));
        }
        return Sym::unknown("result of " + method + "()", at);
    }

    // ---- CDK classes --------------------------------------------------------------------

    static bool is_scope(const Sym& sym) {
        if (sym.kind != SymKind::Object) return false;
        const ObjectKind k = sym.object->kind;
        return k == ObjectKind::App || k == ObjectKind::Stage || k == ObjectKind::Stack ||
               k == ObjectKind::Construct;
    }

    std::string construct_id(const std::vector<Sym>& positional, std::size_t index,
                             SourceRange at) {
        if (index < positional.size() && positional[index].is_data() &&
            positional[index].data.is_string()) {
            return positional[index].data.as_string();
        }
        return "${unknown-id:" + std::to_string(at.begin.line) + "}";
    }

    Sym cdk_call(const std::string& name, Arguments& args, SourceRange at) {
        const std::string last = name.substr(name.rfind('.') + 1);
        if (name == "core.App") {
            return object_sym(app_, at);
        }
        const bool ts = language_of(at) == syntax::Language::TypeScript;
        // `s3.Bucket(self, id="Logs")`: the id given by keyword.
        if (args.positional.size() == 1 && is_scope(args.positional.front())) {
            for (const char* key : {"id", "construct_id"}) {
                auto it = std::find_if(args.props.entries.begin(), args.props.entries.end(),
                                       [&](const SymEntry& e) { return e.key == key; });
                if (it == args.props.entries.end()) continue;
                args.positional.push_back(std::move(it->value));
                args.props.entries.erase(it);
                break;
            }
        }
        // A construct is called with (scope, id, ...); helpers that take a construct as their
        // only argument (LambdaIntegration(fn), targets.SqsQueue(queue)) are plain values.
        const bool construct_call =
            args.positional.size() >= 2 && is_scope(args.positional.front()) &&
            args.positional[1].is_data() &&
            (args.positional[1].data.is_string() || args.positional[1].data.is_unknown());
        if (construct_call) {
            if (ts) props_from_object(args, 2);
            Object& scope = *args.positional.front().object;
            const std::string id = construct_id(args.positional, 1, at);
            std::string path = join_path(scope.path, id);
            if (auto existing = by_path_.find(path); existing != by_path_.end()) {
                return object_sym(existing->second, at);
            }
            Object& object = store_.make_object();
            object.cdk_class = name;
            object.path = path;
            object.range = at;
            object.props = std::move(args.props);
            if (args.positional.size() > 2) {
                object.args.assign(args.positional.begin() + 2, args.positional.end());
            }
            by_path_.emplace(path, &object);
            if (name == "core.Stack" || name == "core.NestedStack") {
                object.kind = ObjectKind::Stack;
                if (scope.kind == ObjectKind::App) object.path = id;
                return object_sym(&object, at);
            }
            if (name == "core.Stage") {
                object.kind = ObjectKind::Stage;
                return object_sym(&object, at);
            }
            object.kind = ObjectKind::Construct;
            if (!last.empty() && std::islower(static_cast<unsigned char>(last.front()))) {
                return object_sym(&object, at);  // Bucket.from_bucket_name(self, ...): imported
            }
            map_construct(object, name);
            return object_sym(&object, at);
        }
        if (ts && !name.ends_with("from_json")) props_from_object(args, 0);
        Object& value = store_.make_object();
        value.kind = ObjectKind::Value;
        value.cdk_class = name;
        value.range = at;
        value.args = std::move(args.positional);
        value.props = std::move(args.props);
        return object_sym(&value, at);
    }

    void map_construct(Object& object, const std::string& name) {
        std::string mapped_as = name;
        if (auto it = kind_of_.find(name); it != kind_of_.end()) mapped_as = it->second;
        const ConstructEntry* entry = catalog().construct(mapped_as);
        Synth synth(store_, object, object.args, object.props, object.range);
        if (entry != nullptr) {
            entry->map(synth);
            ++store_.stats.mapped;
        } else if (auto type = l1_type(name)) {
            map_l1(synth, *type);
            ++store_.stats.mapped;
        } else if (!name.starts_with("core.") && !name.starts_with("constructs.")) {
            ++store_.stats.unsupported;
            ++store_.stats.unsupported_classes[name];
        }
    }

    syntax::Language language_of(SourceRange at) const {
        for (const ModuleEnv& env : envs_) {
            if (env.source->module.file == at.file) return env.source->module.language;
        }
        return syntax::Language::Python;
    }

    // ---- user classes and functions -----------------------------------------------------

    // The first base of `cls` that is a class of the app, with the module it lives in.
    std::optional<std::pair<const syntax::Class*, const ModuleEnv*>> user_base(
        const syntax::Class& cls, const ModuleEnv* env) {
        if (env == nullptr) return std::nullopt;
        for (const Expr& base : cls.bases) {
            Sym b = eval_in(base, env);
            if (b.kind == SymKind::UserClass && b.cls != &cls) return std::make_pair(b.cls, b.env);
        }
        return std::nullopt;
    }

    Sym eval_in(const Expr& e, const ModuleEnv* env) {
        Frame frame;
        frame.env = const_cast<ModuleEnv*>(env);
        frame.vars = &frame.env->globals;
        return eval(e, frame);
    }

    // What a user class is: a stack, a stage, a construct, or a plain class.
    ObjectKind classify(const syntax::Class& cls, const ModuleEnv* env, int depth = 0) {
        if (depth > 16 || env == nullptr) return ObjectKind::User;
        for (const Expr& base : cls.bases) {
            Sym b = eval_in(base, env);
            if (b.kind == SymKind::CdkName) {
                if (b.name == "core.Stack" || b.name == "core.NestedStack")
                    return ObjectKind::Stack;
                if (b.name == "core.Stage") return ObjectKind::Stage;
                const std::string last = b.name.substr(b.name.rfind('.') + 1);
                if (!last.empty() && std::isupper(static_cast<unsigned char>(last.front()))) {
                    return ObjectKind::Construct;
                }
            } else if (b.kind == SymKind::UserClass && b.cls != &cls) {
                const ObjectKind k = classify(*b.cls, b.env, depth + 1);
                if (k != ObjectKind::User) return k;
            }
        }
        return ObjectKind::User;
    }

    const syntax::Function* constructor_of(const syntax::Class& cls) {
        for (const syntax::Function& f : cls.methods) {
            if (f.name == "__init__" || f.name == "constructor") return &f;
        }
        return nullptr;
    }

    Sym instantiate(const syntax::Class& cls, const ModuleEnv* env, Arguments& args,
                    SourceRange at) {
        const ObjectKind kind = classify(cls, env);
        instantiated_.insert(&cls);
        Object* scope = nullptr;
        if (!args.positional.empty() && is_scope(args.positional.front())) {
            scope = args.positional.front().object;
        } else if (const SymEntry* s = args.props.find("scope"); s && is_scope(s->value)) {
            scope = s->value.object;
        }
        Object& object = store_.make_object();
        object.kind = kind;
        object.user_class = &cls;
        object.env = env;
        object.range = at;
        if (kind != ObjectKind::User) {
            // The id is the second parameter, positional or by its name.
            std::string id = construct_id(args.positional, 1, at);
            if (args.positional.size() < 2) {
                const syntax::Function* ctor = constructor_of(cls);
                if (ctor != nullptr) {
                    const std::size_t offset =
                        ctor->is_method && language_of(at) == syntax::Language::Python ? 1 : 0;
                    if (ctor->params.size() > offset + 1) {
                        const SymEntry* named =
                            args.props.find(to_snake(ctor->params[offset + 1].name));
                        if (named && named->value.is_data() && named->value.data.is_string()) {
                            id = named->value.data.as_string();
                        }
                    }
                }
            }
            if (scope == nullptr || scope->kind == ObjectKind::App ||
                (kind == ObjectKind::Stack && scope->kind != ObjectKind::Stage &&
                 scope->kind != ObjectKind::Stack && scope->kind != ObjectKind::Construct)) {
                object.path = id;
            } else {
                object.path = join_path(scope->path, id);
            }
            if (auto existing = by_path_.find(object.path); existing != by_path_.end()) {
                return object_sym(existing->second, at);
            }
            by_path_.emplace(object.path, &object);
            ++store_.stats.user;
        }
        run_constructor(object, &cls, env, args);
        return object_sym(&object, at);
    }

    void run_constructor(Object& object, const syntax::Class* cls, const ModuleEnv* env,
                         Arguments& args) {
        if (++depth_ > kMaxCallDepth) {
            --depth_;
            return;
        }
        // Field initialisers of TypeScript classes run before the constructor body.
        Frame fields;
        fields.env = const_cast<ModuleEnv*>(env);
        fields.vars = &fields.locals;
        fields.self = &object;
        fields.cls = cls;
        fields.cls_env = env;
        exec(cls->field_initializers, fields);
        if (const syntax::Function* ctor = constructor_of(*cls)) {
            call_function(*ctor, env, &object, cls, env, args, object.range);
        } else if (auto base = user_base(*cls, env)) {
            run_constructor(object, base->first, base->second, args);
        }
        --depth_;
    }

    const syntax::Function* find_method(const Object& object, const std::string& name,
                                        const ModuleEnv** env_out = nullptr,
                                        const syntax::Class** cls_out = nullptr) {
        const syntax::Class* cls = object.user_class;
        const ModuleEnv* env = object.env;
        for (int depth = 0; cls != nullptr && depth < 16; ++depth) {
            for (const syntax::Function& f : cls->methods) {
                if (f.name == name) {
                    if (env_out) *env_out = env;
                    if (cls_out) *cls_out = cls;
                    return &f;
                }
            }
            auto base = user_base(*cls, env);
            if (!base) break;
            cls = base->first;
            env = base->second;
        }
        return nullptr;
    }

    Sym call_user_method(Object& object, const std::string& name, Arguments& args, SourceRange at) {
        const ModuleEnv* env = nullptr;
        const syntax::Class* cls = nullptr;
        const syntax::Function* method = find_method(object, name, &env, &cls);
        if (method == nullptr) return Sym::unknown("result of " + name + "()", at);
        return call_function(*method, env, method->is_static ? nullptr : &object, cls, env, args,
                             at);
    }

    Sym call_function(const syntax::Function& function, const ModuleEnv* env, Object* self,
                      const syntax::Class* cls, const ModuleEnv* cls_env, Arguments& args,
                      SourceRange at) {
        if (++depth_ > kMaxCallDepth) {
            --depth_;
            return Sym::unknown("calls nested too deeply", at);
        }
        Frame frame;
        frame.env = const_cast<ModuleEnv*>(env);
        frame.vars = &frame.locals;
        frame.self = self;
        frame.cls = cls;
        frame.cls_env = cls_env;
        std::size_t first = 0;
        const bool python = env->source->module.language == syntax::Language::Python;
        if (python && function.is_method && !function.is_static && !function.params.empty()) {
            first = 1;  // self
        }
        std::size_t next = 0;
        std::set<std::string> used;
        for (std::size_t i = first; i < function.params.size(); ++i) {
            const syntax::Parameter& p = function.params[i];
            if (p.name.empty()) continue;
            if (p.rest) {
                Sym rest;
                rest.kind = SymKind::List;
                rest.range = at;
                while (next < args.positional.size())
                    rest.items.push_back(args.positional[next++]);
                frame.locals[p.name] = rest;
                continue;
            }
            if (p.kwargs) {
                Sym rest;
                rest.kind = SymKind::Dict;
                rest.range = at;
                for (const SymEntry& e : args.props.entries) {
                    if (!used.count(e.key)) rest.entries.push_back(e);
                }
                rest.open = args.props.open;
                rest.open_reason = args.props.open_reason;
                frame.locals[p.name] = rest;
                continue;
            }
            if (next < args.positional.size()) {
                frame.locals[p.name] = args.positional[next++];
            } else if (const SymEntry* e = args.props.find(to_snake(p.name))) {
                frame.locals[p.name] = e->value;
                used.insert(e->key);
            } else if (p.has_default) {
                Frame defaults;
                defaults.env = frame.env;
                defaults.vars = &defaults.env->globals;
                frame.locals[p.name] = eval(p.default_value, defaults);
            } else if (args.open_positional || args.props.open) {
                frame.locals[p.name] = Sym::unknown(p.name + " is passed on unknown arguments", at);
            } else if (!python && !args.props.entries.empty() && i + 1 == function.params.size()) {
                // TypeScript: the trailing props object went to `props`; give it back.
                Sym props;
                props.kind = SymKind::Dict;
                props.range = at;
                props.entries = args.props.entries;
                props.open = args.props.open;
                frame.locals[p.name] = props;
            } else {
                frame.locals[p.name] = Sym::unknown(p.name + " is not given", at);
            }
        }
        exec(function.body, frame);
        --depth_;
        if (frame.has_return) return frame.return_value;
        return Sym::of(Value::null(at));
    }

    // Stack classes that no scanned code instantiates are read on their own, under their class
    // name, so a stack file scanned without its app still yields its resources.
    void instantiate_unreached_stacks() {
        std::unordered_set<const syntax::Class*> bases;
        for (ModuleEnv& env : envs_) {
            for (const auto& [name, cls] : env.classes) {
                if (auto base = user_base(*cls, &env)) bases.insert(base->first);
            }
        }
        for (ModuleEnv& env : envs_) {
            std::vector<const syntax::Class*> classes;
            for (const auto& [name, cls] : env.classes)
                classes.push_back(cls);
            std::sort(classes.begin(), classes.end(),
                      [](const syntax::Class* a, const syntax::Class* b) {
                          return a->range.begin.line < b->range.begin.line;
                      });
            for (const syntax::Class* cls : classes) {
                if (instantiated_.count(cls) || bases.count(cls)) continue;
                if (classify(*cls, &env) != ObjectKind::Stack) continue;
                Arguments args;
                args.positional.push_back(object_sym(app_, cls->range));
                args.positional.push_back(Sym::of(Value::string(cls->name, cls->range)));
                args.props.open = true;
                args.props.open_reason = "the stack's properties (no code instantiates it)";
                instantiate(*cls, &env, args, cls->range);
            }
        }
    }

    void count_unknowns(const Value& value) {
        switch (value.kind()) {
            case ValueKind::Unknown:
                if (value.as_unknown().references.empty()) ++store_.stats.unknown_values;
                break;
            case ValueKind::List:
                for (const Value& item : value.as_list())
                    count_unknowns(item);
                break;
            case ValueKind::Map:
                for (const Value::Entry& e : value.as_map())
                    count_unknowns(e.value);
                break;
            default:
                break;
        }
    }

    Store store_;
    std::vector<ModuleEnv> envs_;
    Object* app_ = nullptr;
    std::unordered_map<std::string, Object*> by_path_;
    std::unordered_set<const syntax::Class*> instantiated_;
    std::vector<Diagnostic> diagnostics_;
    std::size_t steps_ = 0;
    bool step_limit_reported_ = false;
    int depth_ = 0;
    // CDK classes mapped like another (construct libraries that wrap a core construct).
    const std::unordered_map<std::string, std::string> kind_of_ = {
        {"aws_lambda_nodejs.NodejsFunction", "aws_lambda.Function"},
        {"aws_lambda_python_alpha.PythonFunction", "aws_lambda.Function"},
        {"aws_lambda.SingletonFunction", "aws_lambda.Function"},
        {"aws_lambda.DockerImageFunction", "aws_lambda.Function"},
        {"aws_apigateway.LambdaRestApi", "aws_apigateway.RestApi"},
        {"aws_apigateway.SpecRestApi", "aws_apigateway.RestApi"},
    };
};

}  // namespace

AppResult interpret(const std::vector<const SourceModule*>& modules) {
    return Interpreter(modules).run();
}

}  // namespace bulwark::cdk
