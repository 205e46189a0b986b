#include "rules/rule_loader.h"

#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <set>

#include "io/document_reader.h"
#include "rules/builtins.h"
#include "util/numbers.h"

namespace bulwark {
namespace {

constexpr std::string_view kRuleKeys[] = {
    "id",         "title",   "severity",   "description", "remediation",     "resource",
    "check",      "message", "frameworks", "crossrefs",   "references",      "aliases",
    "deprecated", "when",    "parameters", "pack",        "default_enabled",
};
constexpr std::string_view kParameterKeys[] = {"type", "default", "description"};

struct ParameterTypeName {
    std::string_view name;
    ParameterType type;
};
constexpr ParameterTypeName kParameterTypes[] = {
    {"integer", ParameterType::Integer},        {"number", ParameterType::Number},
    {"string", ParameterType::String},          {"boolean", ParameterType::Boolean},
    {"string_list", ParameterType::StringList}, {"integer_list", ParameterType::IntegerList},
};

bool is_integer(const Value& value) {
    return value.is_number() && is_whole_number(value.as_number());
}

bool has_type(const Value& value, ParameterType type) {
    switch (type) {
        case ParameterType::Integer:
            return is_integer(value);
        case ParameterType::Number:
            return value.is_number();
        case ParameterType::String:
            return value.is_string();
        case ParameterType::Boolean:
            return value.is_bool();
        case ParameterType::StringList:
            if (!value.is_list()) return false;
            return std::all_of(value.as_list().begin(), value.as_list().end(),
                               [](const Value& item) { return item.is_string(); });
        case ParameterType::IntegerList:
            if (!value.is_list()) return false;
            return std::all_of(value.as_list().begin(), value.as_list().end(), is_integer);
    }
    return false;
}
constexpr std::string_view kRemediationKeys[] = {"cloudformation", "terraform", "cdk", "default"};

struct OperatorSpec {
    std::string_view name;
    CompareOp op;
    bool negate;
};

constexpr OperatorSpec kOperators[] = {
    {"exists", CompareOp::Exists, false},
    {"equals", CompareOp::Equals, false},
    {"not_equals", CompareOp::Equals, true},
    {"in", CompareOp::In, false},
    {"not_in", CompareOp::In, true},
    {"matches", CompareOp::Matches, false},
    {"not_matches", CompareOp::Matches, true},
    {"gt", CompareOp::Gt, false},
    {"gte", CompareOp::Gte, false},
    {"lt", CompareOp::Lt, false},
    {"lte", CompareOp::Lte, false},
    {"contains", CompareOp::Contains, false},
    {"length_gte", CompareOp::LengthGte, false},
    {"length_lte", CompareOp::LengthLte, false},
};

template <std::size_t N>
bool one_of(std::string_view key, const std::string_view (&set)[N]) {
    return std::find(std::begin(set), std::end(set), key) != std::end(set);
}

template <std::size_t N>
std::string list_of(const std::string_view (&set)[N]) {
    std::string out;
    for (std::string_view item : set) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

bool is_kebab_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}

std::string_view file_stem(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.find_last_of('.');
    return dot == std::string_view::npos ? name : name.substr(0, dot);
}

class RuleReader {
  public:
    RuleReader(std::string_view path, const RuleParameterValues& overrides,
               RegexCompilation regexes = RegexCompilation::Now,
               RuleDetail detail = RuleDetail::Full)
        : path_(path), overrides_(overrides), regexes_(regexes), detail_(detail) {}

    std::variant<Rule, std::vector<RuleFileError>> read(const ReadResult& document) {
        for (const Diagnostic& diagnostic : document.diagnostics) {
            if (diagnostic.severity != DiagnosticSeverity::Note) {
                errors_.push_back({std::string(path_), diagnostic.position, diagnostic.message});
            }
        }
        if (!document.value) return errors_;
        const Value& root = *document.value;
        if (!root.is_map()) {
            error(root, "a rule file must be a mapping of rule fields");
            return errors_;
        }
        Rule rule;
        rule.source = std::string(path_);
        for (const Value::Entry& entry : root.as_map()) {
            if (!one_of(entry.key, kRuleKeys)) {
                error(entry.key_range.begin, "unknown field '" + entry.key + "' (expected one of " +
                                                 list_of(kRuleKeys) + ")");
            }
        }
        rule.id = required_string(root, "id");
        if (!rule.id.empty()) {
            if (!is_kebab_id(rule.id)) {
                error(*root.find("id"), "id must be kebab-case (lower-case letters, digits, '-')");
            } else if (file_stem(path_) != rule.id) {
                error(*root.find("id"), "id '" + rule.id + "' must match the file name '" +
                                            std::string(file_stem(path_)) + "'");
            }
        }
        rule.title = required_string(root, "title");
        const bool full = detail_ == RuleDetail::Full;
        if (full) {
            rule.description = required_string(root, "description");
            rule.message = optional_string(root, "message").value_or(rule.title);
        }
        rule.pack = optional_string(root, "pack").value_or("");
        if (!rule.pack.empty() && !one_of(rule.pack, kPackKeys)) {
            error(*root.find("pack"),
                  "pack '" + rule.pack + "' is not one of " + list_of(kPackKeys));
        }
        const std::string severity = required_string(root, "severity");
        if (auto parsed = parse_severity(severity)) {
            rule.severity = *parsed;
        } else if (!severity.empty()) {
            error(*root.find("severity"),
                  "severity '" + severity + "' is not one of critical, high, medium, low, info");
        }
        if (full) read_remediation(root, rule);
        rule.resource_types = string_list(root, "resource", true);
        read_keyed_lists(root, "frameworks", kFrameworkKeys, rule.frameworks);
        if (const Value* frameworks = root.find("frameworks"); frameworks && frameworks->is_map()) {
            for (const Value::Entry& entry : frameworks->as_map()) {
                rule.framework_positions[entry.key] = entry.value.range().begin;
            }
        }
        read_keyed_lists(root, "crossrefs", kCrossrefKeys, rule.crossrefs);
        if (full) rule.references = string_list(root, "references", false);
        // Judged on the written values: `references` may be one string rather than a list, and
        // a list may hold non-strings (already reported), so indexes into the list do not line up.
        if (const Value* written = root.find("references"); written && full) {
            auto check = [&](const Value& item) {
                if (item.is_string() && !item.as_string().starts_with("https://"))
                    error(item, "references must be https:// URLs");
            };
            if (written->is_list()) {
                for (const Value& item : written->as_list())
                    check(item);
            } else {
                check(*written);
            }
        }
        rule.aliases = string_list(root, "aliases", false);
        if (const Value* deprecated = root.find("deprecated")) {
            const Value* by = deprecated->find("by");
            if (by == nullptr || !by->is_string() || deprecated->as_map().size() != 1) {
                error(*deprecated, "deprecated must be {by: <rule-id>}");
            } else {
                rule.deprecated_by = by->as_string();
            }
        }
        read_parameters(root, rule);
        if (const Value* enabled = root.find("default_enabled")) {
            if (!enabled->is_bool()) {
                error(*enabled, "default_enabled must be true or false");
            } else {
                rule.default_enabled = enabled->as_bool();
            }
        }
        if (const Value* when = root.find("when"); when && full) {
            if (auto compiled = compile_with_parameters(*when, rule)) {
                rule.when = std::move(*compiled);
            }
        }
        if (const Value* check = root.find("check"); check == nullptr) {
            error(root, "missing required field 'check'");
        } else if (full) {
            if (auto compiled = compile_with_parameters(*check, rule)) {
                rule.check = std::move(*compiled);
            }
        }
        rule.sensitive = calls_sensitive_builtin_;
        for (const RuleParameter& parameter : rule.parameters) {
            if (full && !used_parameters_.contains(parameter.name)) {
                error(parameter.default_value,
                      "parameter '" + parameter.name + "' is declared but never used");
            }
        }
        if (!errors_.empty()) return errors_;
        return rule;
    }

  private:
    // `parameters: {name: {type, default, description}}`; configured overrides replace defaults.
    void read_parameters(const Value& root, Rule& rule) {
        const Value* declared = root.find("parameters");
        if (declared != nullptr && !declared->is_map()) {
            error(*declared, "parameters must map names to {type, default, description}");
            declared = nullptr;
        }
        if (declared != nullptr) {
            for (const Value::Entry& entry : declared->as_map()) {
                if (auto parameter = read_parameter(entry)) {
                    rule.parameters.push_back(std::move(*parameter));
                }
            }
        }
        for (const auto& [name, value] : overrides_) {
            // Named, not captured: clang 14 (the fuzz build) cannot capture structured bindings.
            const std::string& wanted = name;
            auto parameter = std::find_if(rule.parameters.begin(), rule.parameters.end(),
                                          [&](const RuleParameter& p) { return p.name == wanted; });
            if (parameter == rule.parameters.end()) {
                error(value, "rule " + rule.id + " has no parameter '" + name + "'");
            } else if (!has_type(value, parameter->type)) {
                error(value, "parameter " + rule.id + "." + name + " takes a value of type " +
                                 std::string(parameter_type_name(parameter->type)));
            } else {
                parameter->value = value;
            }
        }
    }

    std::optional<RuleParameter> read_parameter(const Value::Entry& entry) {
        const bool snake_case =
            !entry.key.empty() && entry.key.front() >= 'a' && entry.key.front() <= 'z' &&
            entry.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") ==
                std::string::npos;
        if (!snake_case) {
            error(entry.key_range.begin, "parameter names are lower-case snake_case");
            return std::nullopt;
        }
        const Value& spec = entry.value;
        if (!spec.is_map()) {
            error(spec, "parameter '" + entry.key + "' must be {type, default, description}");
            return std::nullopt;
        }
        for (const Value::Entry& key : spec.as_map()) {
            if (!one_of(key.key, kParameterKeys)) {
                error(key.key_range.begin, "unknown parameter field '" + key.key +
                                               "' (expected one of " + list_of(kParameterKeys) +
                                               ")");
            }
        }
        RuleParameter parameter;
        parameter.name = entry.key;
        const Value* type = spec.find("type");
        const ParameterTypeName* known = nullptr;
        for (const ParameterTypeName& candidate : kParameterTypes) {
            if (type != nullptr && type->is_string() && type->as_string() == candidate.name) {
                known = &candidate;
            }
        }
        if (known == nullptr) {
            error(type ? *type : spec,
                  "parameter type must be integer, number, string, boolean, string_list or "
                  "integer_list");
            return std::nullopt;
        }
        parameter.type = known->type;
        parameter.description = required_string(spec, "description");
        const Value* fallback = spec.find("default");
        if (fallback == nullptr || !has_type(*fallback, parameter.type)) {
            error(fallback ? *fallback : spec, "parameter '" + entry.key +
                                                   "' needs a default of type " +
                                                   std::string(known->name));
            return std::nullopt;
        }
        parameter.default_value = *fallback;
        parameter.value = *fallback;
        return parameter;
    }

    // Does the condition name a parameter anywhere (`{param: name}`)?
    static bool names_parameter(const Value& condition) {
        if (condition.is_list()) {
            return std::any_of(condition.as_list().begin(), condition.as_list().end(),
                               names_parameter);
        }
        if (!condition.is_map()) return false;
        for (const Value::Entry& entry : condition.as_map()) {
            if (entry.key == "param" || names_parameter(entry.value)) return true;
        }
        return false;
    }

    // Compiles a condition with every `{param: name}` replaced by the parameter's value; most
    // rules have none and are compiled without copying their condition.
    std::optional<Condition> compile_with_parameters(const Value& condition, const Rule& rule) {
        if (!names_parameter(condition)) return compile(condition);
        return compile(with_parameters(condition, rule));
    }

    // A copy of a condition in which every `{param: name}` is replaced by the parameter's value.
    Value with_parameters(const Value& condition, const Rule& rule) {
        if (condition.is_list()) {
            Value::List items;
            for (const Value& item : condition.as_list())
                items.push_back(with_parameters(item, rule));
            return Value::list(std::move(items), condition.range());
        }
        if (!condition.is_map()) return condition;
        const Value* name = condition.find("param");
        if (name != nullptr && condition.as_map().size() == 1) {
            for (const RuleParameter& parameter : rule.parameters) {
                if (name->is_string() && parameter.name == name->as_string()) {
                    used_parameters_.insert(parameter.name);
                    Value value = parameter.value;
                    value.set_range(condition.range());
                    return value;
                }
            }
            error(*name, "unknown parameter '" + describe(*name) + "'");
            return condition;
        }
        Value::Map entries;
        for (const Value::Entry& entry : condition.as_map()) {
            Value::Entry copy = entry;
            copy.value = with_parameters(entry.value, rule);
            entries.push_back(std::move(copy));
        }
        return Value::map(std::move(entries), condition.range());
    }

    void error(SourcePosition at, std::string message) {
        errors_.push_back({std::string(path_), at, std::move(message)});
    }
    void error(const Value& at, std::string message) {
        error(at.range().begin, std::move(message));
    }

    std::string required_string(const Value& root, std::string_view key) {
        const Value* value = root.find(key);
        if (value == nullptr) {
            error(root, "missing required field '" + std::string(key) + "'");
            return {};
        }
        if (!value->is_string() || value->as_string().empty()) {
            error(*value, "'" + std::string(key) + "' must be a non-empty string");
            return {};
        }
        return value->as_string();
    }

    std::optional<std::string> optional_string(const Value& root, std::string_view key) {
        const Value* value = root.find(key);
        if (value == nullptr) return std::nullopt;
        if (!value->is_string()) {
            error(*value, "'" + std::string(key) + "' must be a string");
            return std::nullopt;
        }
        return value->as_string();
    }

    std::vector<std::string> strings_of(const Value& value, std::string_view what) {
        std::vector<std::string> out;
        if (value.is_string()) {
            out.push_back(value.as_string());
            return out;
        }
        if (!value.is_list()) {
            error(value, std::string(what) + " must be a list of strings");
            return out;
        }
        for (const Value& item : value.as_list()) {
            if (!item.is_string()) {
                error(item, std::string(what) + " must contain strings (quote numbers such as \"" +
                                describe(item) + "\")");
                continue;
            }
            out.push_back(item.as_string());
        }
        return out;
    }

    std::vector<std::string> string_list(const Value& root, std::string_view key, bool required) {
        const Value* value = root.find(key);
        if (value == nullptr) {
            if (required) error(root, "missing required field '" + std::string(key) + "'");
            return {};
        }
        auto out = strings_of(*value, "'" + std::string(key) + "'");
        if (required && out.empty() && value->is_list()) {
            error(*value, "'" + std::string(key) + "' must not be empty");
        }
        return out;
    }

    template <std::size_t N>
    void read_keyed_lists(const Value& root, std::string_view key,
                          const std::string_view (&allowed)[N],
                          std::map<std::string, std::vector<std::string>>& out) {
        const Value* value = root.find(key);
        if (value == nullptr) return;
        if (!value->is_map()) {
            error(*value, "'" + std::string(key) + "' must be a mapping");
            return;
        }
        for (const Value::Entry& entry : value->as_map()) {
            if (!one_of(entry.key, allowed)) {
                error(entry.key_range.begin, "unknown " + std::string(key) + " key '" + entry.key +
                                                 "' (expected one of " + list_of(allowed) + ")");
                continue;
            }
            auto ids = strings_of(entry.value, std::string(key) + "." + entry.key);
            std::vector<std::string> unique;
            for (std::string& id : ids) {
                if (std::find(unique.begin(), unique.end(), id) != unique.end()) {
                    error(entry.value,
                          "duplicate ID '" + id + "' in " + std::string(key) + "." + entry.key);
                    continue;
                }
                unique.push_back(std::move(id));
            }
            out[entry.key] = std::move(unique);
        }
    }

    void read_remediation(const Value& root, Rule& rule) {
        const Value* value = root.find("remediation");
        if (value == nullptr) {
            error(root, "missing required field 'remediation'");
            return;
        }
        if (value->is_string()) {
            rule.remediation["default"] = value->as_string();
            return;
        }
        if (!value->is_map() || value->as_map().empty()) {
            error(*value, "remediation must be a string or a mapping of format to text");
            return;
        }
        for (const Value::Entry& entry : value->as_map()) {
            if (!one_of(entry.key, kRemediationKeys)) {
                error(entry.key_range.begin, "unknown remediation format '" + entry.key +
                                                 "' (expected one of " + list_of(kRemediationKeys) +
                                                 ")");
            } else if (!entry.value.is_string()) {
                error(entry.value, "remediation." + entry.key + " must be a string");
            } else {
                rule.remediation[entry.key] = entry.value.as_string();
            }
        }
    }

    std::optional<Path> compile_path(const Value& value) {
        if (!value.is_string()) {
            error(value, "path must be a string");
            return std::nullopt;
        }
        auto parsed = parse_path(value.as_string());
        if (auto* message = std::get_if<std::string>(&parsed)) {
            error(value, "invalid path '" + value.as_string() + "': " + *message);
            return std::nullopt;
        }
        return std::get<Path>(std::move(parsed));
    }

    std::optional<std::vector<Condition>> compile_children(const Value& value) {
        std::vector<Condition> children;
        if (value.is_list()) {
            if (value.as_list().empty()) {
                error(value, "needs at least one condition");
                return std::nullopt;
            }
            for (const Value& item : value.as_list()) {
                auto child = compile(item);
                if (!child) return std::nullopt;
                children.push_back(std::move(*child));
            }
        } else {
            auto child = compile(value);
            if (!child) return std::nullopt;
            children.push_back(std::move(*child));
        }
        return children;
    }

    bool only_keys(const Value& value, std::initializer_list<std::string_view> allowed,
                   std::string_view form) {
        bool ok = true;
        for (const Value::Entry& entry : value.as_map()) {
            if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end()) {
                std::string expected;
                for (std::string_view a : allowed)
                    expected += (expected.empty() ? "" : ", ") + std::string(a);
                error(entry.key_range.begin, "'" + entry.key + "' cannot be used in " +
                                                 std::string(form) + " (allowed: " + expected +
                                                 ")");
                ok = false;
            }
        }
        return ok;
    }

    std::optional<Condition> compile(const Value& value) {
        if (!value.is_map() || value.as_map().empty()) {
            error(value, "a condition must be a mapping such as {path: X, equals: Y}");
            return std::nullopt;
        }
        Condition condition;
        condition.range = value.range();
        const Value* path = value.find("path");
        std::optional<Path> compiled_path;
        if (path) {
            compiled_path = compile_path(*path);
            if (!compiled_path) return std::nullopt;
        }

        int quantifiers = 0;
        Quantifier quantifier = Quantifier::All;
        const Value* body = nullptr;
        for (auto [key, q] : {std::pair{"all", Quantifier::All}, std::pair{"any", Quantifier::Any},
                              std::pair{"none", Quantifier::None}}) {
            if (const Value* found = value.find(key)) {
                ++quantifiers;
                quantifier = q;
                body = found;
            }
        }
        if (quantifiers > 1) {
            error(value, "use only one of all, any, none in a condition");
            return std::nullopt;
        }
        if (quantifiers == 1) {
            if (!only_keys(value, {"path", "all", "any", "none"}, "all/any/none"))
                return std::nullopt;
            auto children = compile_children(*body);
            if (!children) return std::nullopt;
            condition.node = Logic{quantifier, std::move(compiled_path), std::move(*children)};
            return condition;
        }
        if (const Value* negated = value.find("not")) {
            if (!only_keys(value, {"not"}, "not")) return std::nullopt;
            auto child = compile(*negated);
            if (!child) return std::nullopt;
            Negation negation;
            negation.child.push_back(std::move(*child));
            condition.node = std::move(negation);
            return condition;
        }
        if (const Value* name = value.find("builtin")) {
            if (!only_keys(value, {"builtin", "args", "path"}, "a builtin call"))
                return std::nullopt;
            const Builtin* builtin = name->is_string() ? find_builtin(name->as_string()) : nullptr;
            if (builtin == nullptr) {
                std::string known;
                for (const Builtin& b : builtins())
                    known += (known.empty() ? "" : ", ") + std::string(b.name);
                error(*name, "unknown builtin '" + describe(*name) + "' (known: " + known + ")");
                return std::nullopt;
            }
            Value args = value.find("args") ? *value.find("args") : Value::map({});
            if (auto problem = builtin->validate(args)) {
                error(value.find("args") ? *value.find("args") : *name,
                      "builtin " + std::string(builtin->name) + " " + *problem);
                return std::nullopt;
            }
            if (builtin->sensitive) calls_sensitive_builtin_ = true;
            condition.node = BuiltinCall{std::move(compiled_path), builtin, std::move(args)};
            return condition;
        }
        if (const Value* connected = value.find("connected")) {
            if (!only_keys(value, {"connected"}, "connected")) return std::nullopt;
            return compile_connected(*connected, condition);
        }
        return compile_comparison(value, std::move(compiled_path), condition);
    }

    std::optional<Condition> compile_connected(const Value& spec, Condition& condition) {
        if (!spec.is_map()) {
            error(spec, "connected must be a mapping with type and any/all/none");
            return std::nullopt;
        }
        if (!only_keys(spec, {"type", "direction", "via", "any", "all", "none"}, "connected")) {
            return std::nullopt;
        }
        Connected connected;
        const Value* type = spec.find("type");
        if (type == nullptr) {
            error(spec, "connected needs a resource type");
            return std::nullopt;
        }
        connected.types = strings_of(*type, "connected.type");
        if (const Value* direction = spec.find("direction")) {
            const std::string text = direction->is_string() ? direction->as_string() : "";
            if (text == "in")
                connected.direction = Direction::In;
            else if (text == "out")
                connected.direction = Direction::Out;
            else if (text == "any")
                connected.direction = Direction::Any;
            else {
                error(*direction, "direction must be in, out or any");
                return std::nullopt;
            }
        }
        if (const Value* via = spec.find("via")) {
            connected.via = compile_path(*via);
            if (!connected.via) return std::nullopt;
        }
        int quantifiers = 0;
        for (auto [key, q] : {std::pair{"all", Quantifier::All}, std::pair{"any", Quantifier::Any},
                              std::pair{"none", Quantifier::None}}) {
            if (const Value* body = spec.find(key)) {
                ++quantifiers;
                connected.quantifier = q;
                auto children = compile_children(*body);
                if (!children) return std::nullopt;
                connected.children = std::move(*children);
            }
        }
        if (quantifiers != 1) {
            error(spec, "connected needs exactly one of any, all, none");
            return std::nullopt;
        }
        condition.node = std::move(connected);
        return condition;
    }

    std::optional<Condition> compile_comparison(const Value& value, std::optional<Path> path,
                                                Condition& condition) {
        const OperatorSpec* spec = nullptr;
        const Value* operand = nullptr;
        for (const Value::Entry& entry : value.as_map()) {
            if (entry.key == "path") continue;
            const OperatorSpec* found = nullptr;
            for (const OperatorSpec& candidate : kOperators) {
                if (candidate.name == entry.key) found = &candidate;
            }
            if (found == nullptr) {
                error(entry.key_range.begin,
                      "unknown operator '" + entry.key +
                          "' (expected a comparison such as equals, in, exists, matches, gt, or "
                          "all/any/none/not/builtin/connected)");
                return std::nullopt;
            }
            if (spec != nullptr) {
                error(entry.key_range.begin, "a comparison takes exactly one operator");
                return std::nullopt;
            }
            spec = found;
            operand = &entry.value;
        }
        if (spec == nullptr) {
            error(value, "a comparison needs an operator such as equals or exists");
            return std::nullopt;
        }
        Comparison comparison;
        comparison.path = std::move(path);
        comparison.op = spec->op;
        comparison.negate = spec->negate;
        comparison.operand = *operand;
        switch (spec->op) {
            case CompareOp::Exists:
                if (!operand->is_bool()) {
                    error(*operand, "exists takes true or false");
                    return std::nullopt;
                }
                comparison.negate = !operand->as_bool();
                break;
            case CompareOp::In:
                if (!operand->is_list()) {
                    error(*operand, std::string(spec->name) + " takes a list of values");
                    return std::nullopt;
                }
                break;
            case CompareOp::Matches: {
                if (!operand->is_string()) {
                    error(*operand, std::string(spec->name) + " takes a regular expression string");
                    return std::nullopt;
                }
                if (regexes_ == RegexCompilation::OnFirstUse) {
                    comparison.regex = std::make_shared<const LazyRegex>(operand->as_string());
                    break;
                }
                auto regex = compile_rule_regex(operand->as_string());
                if (!regex->ok()) {
                    error(*operand, "invalid regular expression: " + regex->error());
                    return std::nullopt;
                }
                comparison.regex = std::make_shared<const LazyRegex>(std::move(regex));
                break;
            }
            case CompareOp::Gt:
            case CompareOp::Gte:
            case CompareOp::Lt:
            case CompareOp::Lte:
            case CompareOp::LengthGte:
            case CompareOp::LengthLte:
                if (!operand->is_number()) {
                    error(*operand, std::string(spec->name) + " takes a number");
                    return std::nullopt;
                }
                break;
            case CompareOp::Equals:
            case CompareOp::Contains:
                if (operand->is_unknown()) {
                    error(*operand, std::string(spec->name) + " needs a value");
                    return std::nullopt;
                }
                break;
        }
        condition.node = std::move(comparison);
        return condition;
    }

    std::string_view path_;
    const RuleParameterValues& overrides_;
    RegexCompilation regexes_;
    RuleDetail detail_;
    std::set<std::string> used_parameters_;
    bool calls_sensitive_builtin_ = false;  // the rule's findings point at secrets
    std::vector<RuleFileError> errors_;
};

}  // namespace

std::string format_error(const RuleFileError& error) {
    std::string out = error.file;
    if (error.position.line != 0) {
        out +=
            ":" + std::to_string(error.position.line) + ":" + std::to_string(error.position.column);
    }
    return out + ": " + error.message;
}

std::string_view parameter_type_name(ParameterType type) {
    for (const ParameterTypeName& candidate : kParameterTypes) {
        if (candidate.type == type) return candidate.name;
    }
    return "string";
}

std::variant<Rule, std::vector<RuleFileError>> load_rule(std::string_view path,
                                                         std::string_view content,
                                                         const RuleParameterValues& overrides) {
    return RuleReader(path, overrides).read(read_yaml(content, 0));
}

std::variant<Rule, std::vector<RuleFileError>> load_rule(std::string_view path,
                                                         const ReadResult& document,
                                                         const RuleParameterValues& overrides,
                                                         RegexCompilation regexes,
                                                         RuleDetail detail) {
    return RuleReader(path, overrides, regexes, detail).read(document);
}

bool has_parameter_type(const Value& value, ParameterType type) {
    return has_type(value, type);
}

}  // namespace bulwark
