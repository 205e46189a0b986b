#include "parsers/cloudformation/template_evaluator.h"

#include <algorithm>

#include "parsers/cloudformation/computed_intrinsics.h"

namespace bulwark::cloudformation {
namespace {

constexpr std::size_t kMaxDepth = 200;

constexpr std::string_view kPseudoParameters[] = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region",
    "AWS::StackId",   "AWS::StackName",        "AWS::URLSuffix",
};

bool is_pseudo_parameter(std::string_view name) {
    return std::find(std::begin(kPseudoParameters), std::end(kPseudoParameters), name) !=
           std::end(kPseudoParameters);
}

void add_reference(std::vector<Reference>& out, Reference reference) {
    if (std::find(out.begin(), out.end(), reference) == out.end()) {
        out.push_back(std::move(reference));
    }
}

// The single-key map `{Ref: ...}` / `{Fn::X: ...}` form of an intrinsic; empty otherwise.
std::string_view intrinsic_name(const Value& value) {
    if (!value.is_map() || value.as_map().size() != 1) return {};
    const std::string& key = value.as_map().front().key;
    if (key == "Ref" || key.starts_with("Fn::")) return key;
    return {};
}

Value unknown_from(std::string reason, const std::vector<const Value*>& inputs,
                   const SourceRange& at) {
    std::vector<Reference> references;
    for (const Value* input : inputs)
        collect_references(*input, references);
    return Value::unknown(std::move(reason), std::move(references), at);
}

std::string encode_base64(std::string_view input) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < input.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(input[i]) << 16) |
                           (static_cast<unsigned char>(input[i + 1]) << 8) |
                           static_cast<unsigned char>(input[i + 2]);
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63],
                kAlphabet[n & 63]};
    }
    if (i + 1 == input.size()) {
        const unsigned n = static_cast<unsigned char>(input[i]) << 16;
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == input.size()) {
        const unsigned n = (static_cast<unsigned char>(input[i]) << 16) |
                           (static_cast<unsigned char>(input[i + 1]) << 8);
        out += {kAlphabet[n >> 18], kAlphabet[(n >> 12) & 63], kAlphabet[(n >> 6) & 63], '='};
    }
    return out;
}

}  // namespace

void collect_references(const Value& value, std::vector<Reference>& out) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            for (const Reference& reference : value.as_unknown().references) {
                add_reference(out, reference);
            }
            break;
        case ValueKind::List:
            for (const Value& item : value.as_list())
                collect_references(item, out);
            break;
        case ValueKind::Map:
            for (const Value::Entry& entry : value.as_map())
                collect_references(entry.value, out);
            break;
        default:
            break;
    }
}

std::optional<std::string> scalar_text(const Value& value) {
    switch (value.kind()) {
        case ValueKind::String:
            return value.as_string();
        case ValueKind::Number:
            return format_number(value.as_number());
        case ValueKind::Bool:
            return std::string(value.as_bool() ? "true" : "false");
        default:
            return std::nullopt;
    }
}

TemplateEvaluator::TemplateEvaluator(const Value& root, const TemplateOptions& options,
                                     std::vector<Diagnostic>& diagnostics)
    : parameters_(root.find("Parameters")),
      conditions_(root.find("Conditions")),
      mappings_(root.find("Mappings")),
      resources_(root.find("Resources")),
      options_(options),
      diagnostics_(diagnostics) {}

void TemplateEvaluator::report(const SourceRange& at, DiagnosticSeverity severity,
                               DiagnosticCode code, std::string message) {
    diagnostics_.push_back(Diagnostic{at.file, at.begin, severity, code, std::move(message)});
}

bool TemplateEvaluator::is_resource(std::string_view logical_id) const {
    return resources_ != nullptr && resources_->find(logical_id) != nullptr;
}

// Rain (the CloudFormation CLI) expands a resource of type {Rain::Module: file} into resources
// named after it: Network becomes NetworkVPC, NetworkPublicSubnet1, ...
std::optional<std::string> TemplateEvaluator::rain_module_of(std::string_view name) const {
    if (resources_ == nullptr || !resources_->is_map()) return std::nullopt;
    for (const Value::Entry& entry : resources_->as_map()) {
        const Value* type = entry.value.find("Type");
        if (type && type->find("Rain::Module") && name.starts_with(entry.key)) return entry.key;
    }
    return std::nullopt;
}

std::optional<Value> TemplateEvaluator::resolve(const Value& value) {
    if (depth_ >= kMaxDepth) {
        report(value.range(), DiagnosticSeverity::Error, DiagnosticCode::NestingTooDeep,
               "intrinsic functions nested too deeply; the value is treated as unknown");
        return Value::unknown("nesting too deep", {}, value.range());
    }
    ++depth_;
    struct Leave {
        std::size_t& depth;
        ~Leave() { --depth; }
    } leave{depth_};

    if (std::string_view function = intrinsic_name(value); !function.empty()) {
        return resolve_intrinsic(function, value.as_map().front().value, value.range());
    }
    if (value.is_map() && value.as_map().size() == 1 &&
        value.as_map().front().key.starts_with("Rain::")) {
        // A Rain directive (Rain::Embed, Rain::S3, ...): `rain pkg` fills it in.
        return Value::unknown(value.as_map().front().key + " is filled in by rain pkg", {},
                              value.range());
    }
    if (value.is_map()) {
        Value out = Value::map({}, value.range());
        out.as_map().reserve(value.as_map().size());  // exact or over: entries are only dropped
        for (const Value::Entry& entry : value.as_map()) {
            if (auto resolved = resolve(entry.value)) {
                out.as_map().push_back(
                    Value::Entry{entry.key, entry.key_range, std::move(*resolved)});
            }
        }
        return out;
    }
    if (value.is_list()) {
        Value out = Value::list({}, value.range());
        out.as_list().reserve(value.as_list().size());
        for (const Value& item : value.as_list()) {
            if (auto resolved = resolve(item)) out.as_list().push_back(std::move(*resolved));
        }
        return out;
    }
    return value;
}

std::optional<Value> TemplateEvaluator::resolve_intrinsic(std::string_view function,
                                                          const Value& argument,
                                                          const SourceRange& at) {
    if (function == "Ref") return ref(argument, at);
    if (function == "Fn::GetAtt") return get_att(argument, at);
    if (function == "Fn::Sub") return sub(argument, at);
    if (function == "Fn::Join") return join(argument, at);
    if (function == "Fn::Select") return select(argument, at);
    if (function == "Fn::Split") return split(argument, at);
    if (function == "Fn::If") return if_(argument, at);
    if (function == "Fn::FindInMap") return find_in_map(argument, at);
    if (function == "Fn::Base64") return base64(argument, at);
    if (function == "Fn::Cidr") return cidr(argument, at);
    if (function == "Fn::ToJsonString") return to_json_string(argument, at);
    if (function == "Fn::Length") return length(argument, at);
    return deferred(function, argument, at);
}

Value TemplateEvaluator::parameter_value(std::string_view name, const SourceRange& at) {
    const Value* parameter = parameters_ ? parameters_->find(name) : nullptr;
    const Value* type = parameter ? parameter->find("Type") : nullptr;
    const bool is_list =
        type && type->is_string() &&
        (type->as_string() == "CommaDelimitedList" || type->as_string().starts_with("List<"));
    auto as_parameter = [&](Value value) {
        if (!is_list || !value.is_string()) return value;
        Value::List items;
        std::string_view rest = value.as_string();
        while (true) {
            const std::size_t comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            while (!item.empty() && item.front() == ' ')
                item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ')
                item.remove_suffix(1);
            items.push_back(Value::string(std::string(item), value.range()));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        return Value::list(std::move(items), value.range());
    };
    if (auto it = options_.stack_parameters.find(name); it != options_.stack_parameters.end()) {
        return as_parameter(it->second);
    }
    if (auto it = options_.parameters.find(name); it != options_.parameters.end()) {
        return as_parameter(Value::string(it->second, at));
    }
    if (const Value* fallback = parameter ? parameter->find("Default") : nullptr) {
        return as_parameter(*fallback);
    }
    return Value::unknown("parameter " + std::string(name) + " has no default value", {}, at);
}

std::optional<Value> TemplateEvaluator::pseudo_parameter(std::string_view name,
                                                         const SourceRange& at) {
    // Account, region and stack are known only when the user says so (`--parameter
    // AWS::Region=eu-west-1`). The partition and URL suffix follow from a given region, and are
    // otherwise those of the commercial cloud: they name the AWS cloud, not a deployment choice,
    // no rule decides on them, and Unknown would hide every ARN written with ${AWS::Partition}.
    if (auto given = options_.parameters.find(name); given != options_.parameters.end()) {
        return Value::string(given->second, at);
    }
    if (name == "AWS::Partition" || name == "AWS::URLSuffix") {
        auto region = options_.parameters.find("AWS::Region");
        const PartitionInfo info = partition_of_region(
            region != options_.parameters.end() ? std::string_view(region->second) : "us-east-1");
        return Value::string(name == "AWS::Partition" ? info.partition : info.url_suffix, at);
    }
    return Value::unknown(std::string(name) + " is known only at deployment", {}, at);
}

std::optional<Value> TemplateEvaluator::ref(const Value& argument, const SourceRange& at) {
    auto resolved = resolve(argument);
    if (!resolved || !resolved->is_string()) {
        if (resolved && resolved->is_unknown()) return *resolved;
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Ref needs the name of a parameter or resource");
        return Value::unknown("invalid Ref", {}, at);
    }
    const std::string& name = resolved->as_string();
    if (name == "AWS::NoValue") return std::nullopt;
    if (is_pseudo_parameter(name)) return pseudo_parameter(name, at);
    if (parameters_ && parameters_->find(name)) return parameter_value(name, at);
    if (is_resource(name)) return Value::unknown("reference to " + name, {{name, ""}}, at);
    if (auto module = rain_module_of(name)) {
        return Value::unknown("a resource of Rain module " + *module, {}, at);
    }
    report(at, DiagnosticSeverity::Warning, DiagnosticCode::UnresolvedReference,
           "Ref to '" + name + "', which is neither a parameter nor a resource of this template");
    return Value::unknown("Ref to undefined " + name, {}, at);
}

Value TemplateEvaluator::get_att(const Value& argument, const SourceRange& at) {
    std::string target;
    Value attribute = Value::string("");
    if (argument.is_string()) {
        const std::string& text = argument.as_string();
        const std::size_t dot = text.find('.');
        target = text.substr(0, dot);
        if (dot != std::string::npos) attribute = Value::string(text.substr(dot + 1));
    } else if (argument.is_list() && argument.as_list().size() == 2 &&
               argument.as_list()[0].is_string()) {
        target = argument.as_list()[0].as_string();
        attribute = resolve(argument.as_list()[1]).value_or(Value::string(""));
    } else {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::GetAtt needs [LogicalId, Attribute] or \"LogicalId.Attribute\"");
        return Value::unknown("invalid Fn::GetAtt", {}, at);
    }
    if (!is_resource(target)) {
        if (auto module = rain_module_of(target)) {
            return Value::unknown("an attribute of Rain module " + *module, {}, at);
        }
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::UnresolvedReference,
               "Fn::GetAtt of '" + target + "', which is not a resource of this template");
        return Value::unknown("Fn::GetAtt of undefined " + target, {}, at);
    }
    if (!attribute.is_string()) {
        return unknown_from("attribute of " + target + " named at deployment", {&attribute}, at);
    }
    const std::string& name = attribute.as_string();
    if (stack_outputs_ && name.starts_with("Outputs.")) {
        if (auto output = stack_outputs_(target, std::string_view(name).substr(8), at)) {
            return *output;
        }
    }
    return Value::unknown("attribute " + name + " of " + target, {{target, name}}, at);
}

Value TemplateEvaluator::sub(const Value& argument, const SourceRange& at) {
    const Value* text_value = &argument;
    std::optional<Value> variables;
    if (argument.is_list()) {
        if (argument.as_list().size() != 2) {
            report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
                   "Fn::Sub needs a string or [string, {variables}]");
            return Value::unknown("invalid Fn::Sub", {}, at);
        }
        text_value = &argument.as_list()[0];
        variables = resolve(argument.as_list()[1]);
    }
    if (!text_value->is_string()) {
        // The text may come from Rain (`Fn::Sub: {Rain::Embed: script.sh}`): unknown, not wrong.
        if (auto embedded = resolve(*text_value); embedded && embedded->is_unknown()) {
            return *embedded;
        }
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Sub needs a string");
        return Value::unknown("invalid Fn::Sub", {}, at);
    }
    const std::string& text = text_value->as_string();
    std::string out;
    std::vector<Reference> references;
    std::string unknown_reason;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        if (open == std::string::npos) {
            out.append(text, pos);
            break;
        }
        out.append(text, pos, open - pos);
        const std::size_t close = text.find('}', open + 2);
        if (close == std::string::npos) {
            out.append(text, open);
            break;
        }
        const std::string name = text.substr(open + 2, close - open - 2);
        pos = close + 1;
        if (name.starts_with("!")) {  // ${!Literal} writes ${Literal}
            out += "${" + name.substr(1) + "}";
            continue;
        }
        Value piece;
        if (variables && variables->find(name)) {
            piece = *variables->find(name);
        } else if (name.find('.') != std::string::npos &&
                   !(parameters_ && parameters_->find(name))) {
            piece = get_att(Value::string(name), at);
        } else {
            piece = ref(Value::string(name), at).value_or(Value::string(""));
        }
        if (auto piece_text = scalar_text(piece)) {
            out += *piece_text;
        } else {
            out += kUnknownPart;  // the text around it stays known (Unknown::partial)
            collect_references(piece, references);
            if (unknown_reason.empty()) {
                unknown_reason = "Fn::Sub uses ${" + name + "}, known only at deployment";
            }
        }
    }
    if (!unknown_reason.empty())
        return Value::unknown_text(std::move(out), unknown_reason, std::move(references), at);
    return Value::string(std::move(out), at);
}

Value TemplateEvaluator::join(const Value& argument, const SourceRange& at) {
    if (!argument.is_list() || argument.as_list().size() != 2) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Join needs [delimiter, [values]]");
        return Value::unknown("invalid Fn::Join", {}, at);
    }
    auto delimiter = resolve(argument.as_list()[0]);
    auto items = resolve(argument.as_list()[1]);
    if (!delimiter || !items || !delimiter->is_string() || !items->is_list()) {
        return unknown_from("Fn::Join of values known only at deployment",
                            {delimiter ? &*delimiter : &argument, items ? &*items : &argument}, at);
    }
    std::string out;
    bool first = true;
    for (const Value& item : items->as_list()) {
        auto text = scalar_text(item);
        if (!text) {
            return unknown_from("Fn::Join of values known only at deployment", {&*items}, at);
        }
        if (!first) out += delimiter->as_string();
        out += *text;
        first = false;
    }
    return Value::string(std::move(out), at);
}

Value TemplateEvaluator::select(const Value& argument, const SourceRange& at) {
    if (!argument.is_list() || argument.as_list().size() != 2) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Select needs [index, [values]]");
        return Value::unknown("invalid Fn::Select", {}, at);
    }
    auto index = resolve(argument.as_list()[0]);
    auto items = resolve(argument.as_list()[1]);
    if (!index || !items || !items->is_list()) {
        return unknown_from("Fn::Select from values known only at deployment",
                            {items ? &*items : &argument}, at);
    }
    std::optional<double> position;
    if (index->is_number()) position = index->as_number();
    if (index->is_string() && !index->as_string().empty() &&
        std::all_of(index->as_string().begin(), index->as_string().end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
        position = std::stod(index->as_string());
    }
    if (!position) {
        return unknown_from("Fn::Select with an index known only at deployment", {&*index}, at);
    }
    if (*position < 0 || *position >= static_cast<double>(items->as_list().size())) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Select index " + format_number(*position) + " is out of range");
        return Value::unknown("Fn::Select index out of range", {}, at);
    }
    return items->as_list()[static_cast<std::size_t>(*position)];
}

Value TemplateEvaluator::split(const Value& argument, const SourceRange& at) {
    if (!argument.is_list() || argument.as_list().size() != 2) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Split needs [delimiter, string]");
        return Value::unknown("invalid Fn::Split", {}, at);
    }
    auto delimiter = resolve(argument.as_list()[0]);
    auto source = resolve(argument.as_list()[1]);
    if (!delimiter || !source || !delimiter->is_string() || !source->is_string() ||
        delimiter->as_string().empty()) {
        return unknown_from("Fn::Split of a value known only at deployment",
                            {source ? &*source : &argument}, at);
    }
    Value::List parts;
    const std::string& text = source->as_string();
    const std::string& separator = delimiter->as_string();
    std::size_t pos = 0;
    while (true) {
        const std::size_t next = text.find(separator, pos);
        parts.push_back(Value::string(text.substr(pos, next - pos), at));
        if (next == std::string::npos) break;
        pos = next + separator.size();
    }
    return Value::list(std::move(parts), at);
}

std::optional<Value> TemplateEvaluator::if_(const Value& argument, const SourceRange& at) {
    if (!argument.is_list() || argument.as_list().size() != 3 ||
        !argument.as_list()[0].is_string()) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::If needs [ConditionName, value_if_true, value_if_false]");
        return Value::unknown("invalid Fn::If", {}, at);
    }
    const auto& parts = argument.as_list();
    const Tri decided = condition(parts[0].as_string(), parts[0].range());
    if (decided == Tri::True) return resolve(parts[1]);
    if (decided == Tri::False) return resolve(parts[2]);
    // Undecidable before deployment: only a value both branches agree on is known.
    auto when_true = resolve(parts[1]);
    auto when_false = resolve(parts[2]);
    if (when_true && when_false && when_true->same_as(*when_false)) return when_true;
    std::vector<const Value*> inputs;
    if (when_true) inputs.push_back(&*when_true);
    if (when_false) inputs.push_back(&*when_false);
    return unknown_from("Fn::If on condition " + parts[0].as_string() +
                            ", which depends on values known only at deployment",
                        inputs, at);
}

Value TemplateEvaluator::find_in_map(const Value& argument, const SourceRange& at) {
    if (!argument.is_list() || argument.as_list().size() < 3) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]");
        return Value::unknown("invalid Fn::FindInMap", {}, at);
    }
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < 3; ++i) {
        auto key = resolve(argument.as_list()[i]);
        auto text = key ? scalar_text(*key) : std::nullopt;
        if (!text) {
            return unknown_from("Fn::FindInMap with a key known only at deployment",
                                {key ? &*key : &argument}, at);
        }
        keys.push_back(*text);
    }
    const Value* found = mappings_;
    for (const std::string& key : keys) {
        found = found ? found->find(key) : nullptr;
    }
    if (found == nullptr && argument.as_list().size() == 4) {  // AWS::LanguageExtensions
        if (const Value* fallback = argument.as_list()[3].find("DefaultValue")) {
            return resolve(*fallback).value_or(Value::null(at));
        }
    }
    if (found == nullptr) {
        report(
            at, DiagnosticSeverity::Warning, DiagnosticCode::UnresolvedReference,
            "Fn::FindInMap finds no " + keys[0] + "/" + keys[1] + "/" + keys[2] + " in Mappings");
        return Value::unknown("Fn::FindInMap of a missing key", {}, at);
    }
    return resolve(*found).value_or(Value::null(at));
}

Value TemplateEvaluator::base64(const Value& argument, const SourceRange& at) {
    auto input = resolve(argument);
    if (input && input->is_string()) return Value::string(encode_base64(input->as_string()), at);
    return unknown_from("Fn::Base64 of a value known only at deployment",
                        {input ? &*input : &argument}, at);
}

Value TemplateEvaluator::cidr(const Value& argument, const SourceRange& at) {
    if (!argument.is_list() || argument.as_list().size() != 3) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Cidr needs [ipBlock, count, cidrBits]");
        return Value::unknown("invalid Fn::Cidr", {}, at);
    }
    std::vector<Value> parts;
    for (const Value& part : argument.as_list()) {
        auto resolved = resolve(part);
        if (!resolved || !scalar_text(*resolved)) {
            return unknown_from("Fn::Cidr of values known only at deployment",
                                {resolved ? &*resolved : &part}, at);
        }
        parts.push_back(std::move(*resolved));
    }
    auto whole_number = [](const Value& value) -> std::optional<long long> {
        const std::string text = *scalar_text(value);
        if (text.empty() || text.size() > 9 ||
            text.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        return std::stoll(text);
    };
    const auto count = whole_number(parts[1]);
    const auto bits = whole_number(parts[2]);
    if (!count || !bits) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Cidr count and cidrBits must be whole numbers");
        return Value::unknown("invalid Fn::Cidr", {}, at);
    }
    auto subnets = cidr_subnets(*scalar_text(parts[0]), *count, *bits);
    if (auto* problem = std::get_if<std::string>(&subnets)) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::Cidr: " + *problem);
        return Value::unknown("invalid Fn::Cidr", {}, at);
    }
    Value::List items;
    for (std::string& subnet : std::get<std::vector<std::string>>(subnets)) {
        items.push_back(Value::string(std::move(subnet), at));
    }
    return Value::list(std::move(items), at);
}

Value TemplateEvaluator::to_json_string(const Value& argument, const SourceRange& at) {
    auto resolved = resolve(argument);
    if (!resolved || (!resolved->is_map() && !resolved->is_list())) {
        report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "Fn::ToJsonString needs a mapping or a list");
        return Value::unknown("invalid Fn::ToJsonString", {}, at);
    }
    if (auto text = cloudformation::to_json_string(*resolved)) return Value::string(*text, at);
    return unknown_from("Fn::ToJsonString of values known only at deployment", {&*resolved}, at);
}

Value TemplateEvaluator::length(const Value& argument, const SourceRange& at) {
    auto resolved = resolve(argument);
    if (resolved && resolved->is_list()) {
        return Value::number(static_cast<double>(resolved->as_list().size()), at);
    }
    if (resolved && resolved->is_unknown()) {
        return unknown_from("Fn::Length of a list known only at deployment", {&*resolved}, at);
    }
    report(at, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
           "Fn::Length needs a list");
    return Value::unknown("invalid Fn::Length", {}, at);
}

Value TemplateEvaluator::deferred(std::string_view function, const Value& argument,
                                  const SourceRange& at) {
    // Fn::GetAZs (the account's zones), Fn::ImportValue (another stack's export) and Fn::Transform
    // (a macro; AWS::Include is inlined before evaluation) are decided by CloudFormation at
    // deployment; their arguments may still refer to resources.
    auto resolved = resolve(argument);
    return unknown_from(std::string(function) + " is evaluated only at deployment",
                        {resolved ? &*resolved : &argument}, at);
}

Tri TemplateEvaluator::condition(std::string_view name, const SourceRange& used_at) {
    if (auto cached = condition_cache_.find(name); cached != condition_cache_.end()) {
        return cached->second;
    }
    const Value* expression = conditions_ ? conditions_->find(name) : nullptr;
    if (expression == nullptr) {
        report(used_at, DiagnosticSeverity::Warning, DiagnosticCode::UnresolvedReference,
               "condition '" + std::string(name) + "' is not defined in Conditions");
        return Tri::Unknown;
    }
    if (conditions_in_progress_.count(name)) {
        report(expression->range(), DiagnosticSeverity::Error, DiagnosticCode::InvalidTemplate,
               "condition '" + std::string(name) + "' depends on itself");
        return Tri::Unknown;
    }
    conditions_in_progress_.emplace(name);
    const Tri result = evaluate_condition(*expression);
    conditions_in_progress_.erase(conditions_in_progress_.find(name));
    condition_cache_.emplace(std::string(name), result);
    return result;
}

Tri TemplateEvaluator::evaluate_condition(const Value& expression) {
    if (expression.is_bool()) return tri(expression.as_bool());
    if (!expression.is_map() || expression.as_map().size() != 1) {
        report(expression.range(), DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition");
        return Tri::Unknown;
    }
    const std::string& function = expression.as_map().front().key;
    const Value& argument = expression.as_map().front().value;
    if (function == "Condition" && argument.is_string()) {
        return condition(argument.as_string(), argument.range());
    }
    if (function == "Fn::Equals" && argument.is_list() && argument.as_list().size() == 2) {
        auto left = resolve(argument.as_list()[0]);
        auto right = resolve(argument.as_list()[1]);
        auto left_text = left ? scalar_text(*left) : std::nullopt;
        auto right_text = right ? scalar_text(*right) : std::nullopt;
        if (left_text && right_text) return tri(*left_text == *right_text);
        if (left && right && left->is_list() && right->is_list()) {
            return tri(left->same_as(*right));
        }
        return Tri::Unknown;
    }
    if (function == "Fn::Not" && argument.is_list() && argument.as_list().size() == 1) {
        return tri_not(evaluate_condition(argument.as_list()[0]));
    }
    if ((function == "Fn::And" || function == "Fn::Or") && argument.is_list()) {
        const bool conjunction = function == "Fn::And";
        Tri result = conjunction ? Tri::True : Tri::False;
        for (const Value& operand : argument.as_list()) {
            const Tri value = evaluate_condition(operand);
            result = conjunction ? tri_and(result, value) : tri_or(result, value);
        }
        return result;
    }
    report(expression.range(), DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
           "unsupported condition function " + function);
    return Tri::Unknown;
}

TemplateOptions options_for(const TemplateOptions& options, std::string_view path) {
    if (options.directories.empty()) return options;
    std::vector<const DirectoryParameters*> layers;
    for (const DirectoryParameters& entry : options.directories) {
        const std::string& dir = entry.directory;
        if (dir.empty() ||
            (path.starts_with(dir) && path.size() > dir.size() && path[dir.size()] == '/'))
            layers.push_back(&entry);
    }
    std::stable_sort(layers.begin(), layers.end(), [](const auto* a, const auto* b) {
        return a->directory.size() < b->directory.size();  // a folder is longer than its parent
    });
    TemplateOptions out = options;
    out.parameters.clear();
    for (const DirectoryParameters* layer : layers) {
        for (const auto& [name, value] : layer->parameters)
            out.parameters[name] = value;
    }
    for (const auto& [name, value] : options.parameters)
        out.parameters[name] = value;
    return out;
}

}  // namespace bulwark::cloudformation
