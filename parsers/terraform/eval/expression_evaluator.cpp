#include "parsers/terraform/eval/expression_evaluator.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "parsers/terraform/functions/functions.h"

namespace bulwark::terraform {
Value unknown_of(std::string reason, std::initializer_list<const Value*> inputs, SourceRange at);

namespace {

std::optional<std::string> as_text(const Value& value) {
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

std::optional<double> as_number(const Value& value) {
    if (value.is_number()) return value.as_number();
    if (value.is_string()) {
        try {
            std::size_t used = 0;
            const double n = std::stod(value.as_string(), &used);
            if (used == value.as_string().size()) return n;
        } catch (...) {
        }
    }
    return std::nullopt;
}

std::optional<bool> as_bool(const Value& value) {
    if (value.is_bool()) return value.as_bool();
    if (value.is_string() && value.as_string() == "true") return true;
    if (value.is_string() && value.as_string() == "false") return false;
    return std::nullopt;
}

bool contains_unknown(const Value& value) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            return true;
        case ValueKind::List:
            return std::any_of(value.as_list().begin(), value.as_list().end(), contains_unknown);
        case ValueKind::Map:
            return std::any_of(value.as_map().begin(), value.as_map().end(),
                               [](const Value::Entry& e) { return contains_unknown(e.value); });
        default:
            return false;
    }
}

// Replaces `from` in every string of a document. With a replacement known only after apply, the
// strings that contain `from` become unknown and the others stay known.
void replace_in_strings(Value& value, const std::string& from, const Value& replacement) {
    if (value.is_string() && !replacement.is_string()) {
        if (value.as_string().find(from) != std::string::npos) {
            value = unknown_of("text replaced by a value known only after apply", {&replacement},
                               value.range());
        }
        return;
    }
    if (value.is_string()) {
        const std::string& to = replacement.as_string();
        std::string text = value.as_string();
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size())) {
            text.replace(at, from.size(), to);
        }
        value = Value::string(std::move(text), value.range());
    } else if (value.is_list()) {
        for (Value& item : value.as_list())
            replace_in_strings(item, from, replacement);
    } else if (value.is_map()) {
        for (Value::Entry& entry : value.as_map())
            replace_in_strings(entry.value, from, replacement);
    }
}

}  // namespace

void gather_references(const Value& value, std::vector<Reference>& out) {
    switch (value.kind()) {
        case ValueKind::Unknown:
            for (const Reference& reference : value.as_unknown().references) {
                if (std::find(out.begin(), out.end(), reference) == out.end())
                    out.push_back(reference);
            }
            break;
        case ValueKind::List:
            for (const Value& item : value.as_list())
                gather_references(item, out);
            break;
        case ValueKind::Map:
            for (const Value::Entry& entry : value.as_map())
                gather_references(entry.value, out);
            break;
        default:
            break;
    }
}

Value unknown_of(std::string reason, std::initializer_list<const Value*> inputs, SourceRange at) {
    std::vector<Reference> references;
    for (const Value* input : inputs) {
        if (input) gather_references(*input, references);
    }
    return Value::unknown(std::move(reason), std::move(references), at);
}

ExpressionEvaluator::ExpressionEvaluator(Scope& scope, std::vector<Diagnostic>& diagnostics,
                                         std::filesystem::path module_dir,
                                         std::filesystem::path scan_root, EvaluationLimits limits)
    : scope_(scope),
      diagnostics_(diagnostics),
      module_dir_(std::move(module_dir)),
      scan_root_(std::move(scan_root)),
      limits_(limits) {}

void ExpressionEvaluator::push_binding(std::string name, Value value) {
    bindings_.emplace_back(std::move(name), std::move(value));
}
void ExpressionEvaluator::pop_binding() {
    bindings_.pop_back();
}
const Value* ExpressionEvaluator::binding(std::string_view name) const {
    for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
        if (it->first == name) return &it->second;
    }
    return nullptr;
}

void ExpressionEvaluator::report(const SourceRange& at, DiagnosticSeverity severity,
                                 DiagnosticCode code, std::string message) {
    diagnostics_.push_back(Diagnostic{at.file, at.begin, severity, code, std::move(message)});
}

Value ExpressionEvaluator::evaluate(const hcl::Expr& expression) {
    if (exhausted_) return Value::unknown("evaluation limit reached", {}, expression.range);
    if (++steps_ > limits_.max_steps || depth_ >= limits_.max_depth) {
        exhausted_ = true;
        report(expression.range, DiagnosticSeverity::Error, DiagnosticCode::ExpansionLimit,
               depth_ >= limits_.max_depth
                   ? "expressions nested deeper than " + std::to_string(limits_.max_depth) +
                         " levels; the rest is treated as unknown"
                   : "evaluation took more than " + std::to_string(limits_.max_steps) +
                         " steps; the rest is treated as unknown");
        return Value::unknown("evaluation limit reached", {}, expression.range);
    }
    ++depth_;
    Value result = evaluate_inner(expression);
    --depth_;
    return result;
}

Value ExpressionEvaluator::evaluate_inner(const hcl::Expr& e) {
    switch (e.kind) {
        case hcl::ExprKind::Literal:
            return e.literal;
        case hcl::ExprKind::Template:
        case hcl::ExprKind::TemplateIf:
        case hcl::ExprKind::TemplateFor:
            return template_value(e);
        case hcl::ExprKind::Variable:
        case hcl::ExprKind::Traversal:
            return traversal(e);
        case hcl::ExprKind::Call:
            return call(e);
        case hcl::ExprKind::Tuple: {
            Value::List items;
            for (const hcl::Expr& child : e.children)
                items.push_back(evaluate(child));
            return Value::list(std::move(items), e.range);
        }
        case hcl::ExprKind::Object:
            return object(e);
        case hcl::ExprKind::Conditional:
            return conditional(e);
        case hcl::ExprKind::Binary:
            return binary(e);
        case hcl::ExprKind::Unary:
            return unary(e);
        case hcl::ExprKind::ForTuple:
        case hcl::ExprKind::ForObject:
            return for_expression(e);
        case hcl::ExprKind::Invalid:
            break;
    }
    return Value::unknown("expression could not be parsed", {}, e.range);
}

void ExpressionEvaluator::render(const hcl::Expr& part, std::string& out,
                                 std::vector<Reference>& refs, std::string& unknown_reason) {
    if (part.kind == hcl::ExprKind::TemplateIf) {
        const Value condition = evaluate(part.children[0]);
        auto decided = as_bool(condition);
        if (!decided) {
            gather_references(condition, refs);
            if (unknown_reason.empty())
                unknown_reason = "template condition known only after apply";
            return;
        }
        for (const hcl::Expr& inner : part.children[*decided ? 1 : 2].children) {
            render(inner, out, refs, unknown_reason);
        }
        return;
    }
    if (part.kind == hcl::ExprKind::TemplateFor) {
        const Value collection = evaluate(part.children[0]);
        if (collection.is_unknown()) {
            out += kUnknownPart;
            gather_references(collection, refs);
            if (unknown_reason.empty())
                unknown_reason = "template loop over a value known only after apply";
            return;
        }
        auto body = [&](Value key, Value value) {
            if (!part.name.empty()) push_binding(part.name, std::move(key));
            push_binding(part.name2, std::move(value));
            for (const hcl::Expr& inner : part.children[1].children)
                render(inner, out, refs, unknown_reason);
            pop_binding();
            if (!part.name.empty()) pop_binding();
        };
        if (collection.is_list()) {
            for (std::size_t i = 0; i < collection.as_list().size(); ++i) {
                body(Value::number(static_cast<double>(i)), collection.as_list()[i]);
            }
        } else if (collection.is_map()) {
            for (const Value::Entry& entry : collection.as_map())
                body(Value::string(entry.key), entry.value);
        }
        return;
    }
    const Value value = evaluate(part);
    if (auto text = as_text(value)) {
        out += *text;
    } else if (value.is_null()) {
        out += kUnknownPart;
        if (unknown_reason.empty()) unknown_reason = "template interpolates a null value";
    } else {
        out += kUnknownPart;  // the text around it stays known (Unknown::partial)
        gather_references(value, refs);
        if (unknown_reason.empty()) {
            unknown_reason = value.is_unknown() ? value.as_unknown().reason
                                                : "template interpolates a " +
                                                      std::string(to_string(value.kind()));
        }
    }
    if (out.size() > limits_.max_string && unknown_reason.empty()) {
        unknown_reason = "string longer than the evaluation limit";
    }
}

Value ExpressionEvaluator::template_value(const hcl::Expr& e) {
    // "${x}" alone is x itself, not its string form.
    if (e.kind == hcl::ExprKind::Template && e.children.size() == 1 &&
        e.children[0].kind != hcl::ExprKind::Literal &&
        e.children[0].kind != hcl::ExprKind::TemplateIf &&
        e.children[0].kind != hcl::ExprKind::TemplateFor) {
        return evaluate(e.children[0]);
    }
    std::string out;
    std::vector<Reference> refs;
    std::string unknown_reason;
    if (e.kind == hcl::ExprKind::Template) {
        for (std::size_t i = 0; i < e.children.size(); ++i) {
            const hcl::Expr& part = e.children[i];
            if (part.strip_before) {
                while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
                    out.pop_back();
            }
            if (part.kind == hcl::ExprKind::Literal && i > 0 && e.children[i - 1].strip_after) {
                std::string text = part.literal.is_string() ? part.literal.as_string() : "";
                std::size_t skip = 0;
                while (skip < text.size() && std::isspace(static_cast<unsigned char>(text[skip])))
                    ++skip;
                out += text.substr(skip);
                continue;
            }
            render(part, out, refs, unknown_reason);
        }
    } else {
        render(e, out, refs, unknown_reason);
    }
    if (!unknown_reason.empty())
        return Value::unknown_text(std::move(out), unknown_reason, std::move(refs), e.range);
    return Value::string(std::move(out), e.range);
}

Value ExpressionEvaluator::apply_step(const Value& value, const hcl::Step& step) {
    Value scratch;
    const Value* result = step_from(value, step, scratch);
    return result == &scratch ? std::move(scratch) : *result;
}

// One traversal step. A step that selects part of `value` (an attribute, an element) points into
// it; any other result is built into `scratch`, which `value` may lie inside: every result is
// complete before it is assigned there.
const Value* ExpressionEvaluator::step_from(const Value& value, const hcl::Step& step,
                                            Value& scratch) {
    if (value.is_unknown()) {
        Value out = value;
        out.set_range(step.range);
        scratch = std::move(out);
        return &scratch;
    }
    switch (step.kind) {
        case hcl::Step::Kind::Attribute:
            if (const Value* found = value.find(step.name)) return found;
            if (value.is_null()) {
                scratch = Value::unknown("attribute " + step.name + " of null", {}, step.range);
            } else {
                scratch = Value::unknown("no attribute " + step.name, {}, step.range);
            }
            return &scratch;
        case hcl::Step::Kind::Index: {
            const Value key = evaluate(*step.index);
            if (key.is_unknown()) {
                scratch = unknown_of("index known only after apply", {&key, &value}, step.range);
            } else if (value.is_list()) {
                auto n = as_number(key);
                if (n && *n >= 0 && *n < static_cast<double>(value.as_list().size())) {
                    return &value.as_list()[static_cast<std::size_t>(*n)];
                }
                scratch = Value::unknown("index out of range", {}, step.range);
            } else if (value.is_map()) {
                if (auto name = as_text(key)) {
                    if (const Value* found = value.find(*name)) return found;
                }
                scratch = Value::unknown("no such key", {}, step.range);
            } else {
                scratch = Value::unknown("cannot index a " + std::string(to_string(value.kind())),
                                         {}, step.range);
            }
            return &scratch;
        }
        case hcl::Step::Kind::AttributeSplat:
        case hcl::Step::Kind::FullSplat: {
            Value::List elements;
            if (value.is_list()) {
                elements = value.as_list();
            } else if (value.is_map() && step.kind == hcl::Step::Kind::FullSplat) {
                for (const Value::Entry& entry : value.as_map())
                    elements.push_back(entry.value);
            } else if (!value.is_null()) {
                elements.push_back(value);
            }
            for (Value& element : elements) {
                for (const hcl::Step& inner : step.inner)
                    element = apply_step(element, inner);
            }
            scratch = Value::list(std::move(elements), step.range);
            return &scratch;
        }
    }
    scratch = Value::unknown("invalid traversal", {}, step.range);
    return &scratch;
}

// Follows steps from `value` without copying what they pass through: only the result is copied
// (or moved, when it was built into `scratch`).
Value ExpressionEvaluator::walk(const Value* value, const std::vector<hcl::Step>& steps,
                                std::size_t first, Value& scratch) {
    for (std::size_t i = first; i < steps.size(); ++i)
        value = step_from(*value, steps[i], scratch);
    return value == &scratch ? std::move(scratch) : *value;
}

Value ExpressionEvaluator::apply_steps(Value value, const std::vector<hcl::Step>& steps,
                                       std::size_t first) {
    return walk(&value, steps, first, value);
}

Value ExpressionEvaluator::traversal(const hcl::Expr& e) {
    static const std::vector<hcl::Step> kNoSteps;
    const hcl::Expr& root = e.kind == hcl::ExprKind::Variable ? e : e.children[0];
    const std::vector<hcl::Step>& steps = e.kind == hcl::ExprKind::Variable ? kNoSteps : e.steps;
    Value scratch;
    if (root.kind == hcl::ExprKind::Variable) {
        if (const Value* bound = binding(root.name)) return walk(bound, steps, 0, scratch);
        std::size_t consumed = 0;
        const Value* value = scope_.resolve_in_place(root, steps, consumed, *this, scratch);
        return walk(value, steps, consumed, scratch);
    }
    scratch = evaluate(root);
    return walk(&scratch, steps, 0, scratch);
}

Value ExpressionEvaluator::call(const hcl::Expr& e) {
    // try() and can() look at unevaluated arguments: an argument that cannot be evaluated
    // (unknown because of an error, not because of a resource) falls through.
    if (e.name == "try") {
        Value last = Value::unknown("try() with no arguments", {}, e.range);
        for (const hcl::Expr& argument : e.children) {
            last = evaluate(argument);
            if (!last.is_unknown() || !last.as_unknown().references.empty()) return last;
        }
        return last;
    }
    if (e.name == "can") {
        if (e.children.size() != 1) return Value::unknown("can() takes one argument", {}, e.range);
        const Value value = evaluate(e.children[0]);
        if (value.is_unknown() && !value.as_unknown().references.empty()) {
            return unknown_of("can() of a value known only after apply", {&value}, e.range);
        }
        return Value::boolean(!value.is_unknown(), e.range);
    }
    if (e.name == "templatefile") return template_file(e);
    std::vector<Value> arguments;
    for (std::size_t i = 0; i < e.children.size(); ++i) {
        Value argument = evaluate(e.children[i]);
        if (e.expand_final && i + 1 == e.children.size() && argument.is_list()) {
            for (const Value& item : argument.as_list())
                arguments.push_back(item);
        } else {
            arguments.push_back(std::move(argument));
        }
    }
    // A document with values known only after apply (a bucket ARN in a policy) cannot become a
    // JSON string yet; its structure is what rules need, so it is kept as the value.
    if (e.name == "jsonencode" && arguments.size() == 1 &&
        (arguments[0].is_map() || arguments[0].is_list()) && contains_unknown(arguments[0])) {
        return arguments[0];
    }
    // So is an IAM policy document (a map with a Statement), known or not: its statements keep
    // the lines they are written on, which is where policy findings point.
    if (e.name == "jsonencode" && arguments.size() == 1 && arguments[0].is_map() &&
        arguments[0].find("Statement") != nullptr) {
        return arguments[0];
    }
    // compact() over a list that holds such documents keeps them (they are not empty strings).
    if (e.name == "compact" && arguments.size() == 1 && arguments[0].is_list() &&
        std::any_of(arguments[0].as_list().begin(), arguments[0].as_list().end(),
                    [](const Value& v) { return v.is_map(); })) {
        Value::List kept;
        for (const Value& item : arguments[0].as_list()) {
            if (!item.is_null() && !(item.is_string() && item.as_string().empty()))
                kept.push_back(item);
        }
        return Value::list(std::move(kept), e.range);
    }
    // replace() of placeholders in such a document applies to its strings, as it would to the JSON.
    if (e.name == "replace" && arguments.size() == 3 &&
        (arguments[0].is_map() || arguments[0].is_list()) && arguments[1].is_string() &&
        (arguments[2].is_string() || arguments[2].is_unknown()) &&
        !arguments[1].as_string().empty() &&
        !(arguments[1].as_string().size() > 1 && arguments[1].as_string().front() == '/' &&
          arguments[1].as_string().back() == '/')) {
        Value document = arguments[0];
        replace_in_strings(document, arguments[1].as_string(), arguments[2]);
        return document;
    }
    // Documents kept as structure (above, and aws_iam_policy_document) decode to themselves.
    if (e.name == "jsondecode" && arguments.size() == 1 &&
        (arguments[0].is_map() || arguments[0].is_list())) {
        return arguments[0];
    }
    Function function = find_function(e.name);
    if (function == nullptr) {
        std::vector<Reference> refs;
        for (const Value& argument : arguments)
            gather_references(argument, refs);
        return Value::unknown("function " + e.name + "() is not evaluated by Bulwark",
                              std::move(refs), e.range);
    }
    // A call Terraform would reject (a wrong argument type) yields Unknown without a diagnostic:
    // such calls are often in branches that are never taken (both branches of a conditional on
    // an unknown are evaluated), and `terraform validate` is the tool for them. Diagnostics about
    // files and limits are kept: they mean part of the configuration was not read.
    std::vector<Diagnostic> raised;
    FunctionContext context{module_dir_, scan_root_, e.range, &raised};
    Value result = function(arguments, context);
    for (Diagnostic& diagnostic : raised) {
        if (diagnostic.code != DiagnosticCode::InvalidTemplate &&
            diagnostic.code != DiagnosticCode::Unsupported) {
            diagnostics_.push_back(std::move(diagnostic));
        }
    }
    return result;
}

// templatefile(path, vars): the file is read as file() reads it (contained in the scan root),
// parsed as a template, and evaluated with `vars` as its only names.
Value ExpressionEvaluator::template_file(const hcl::Expr& e) {
    if (e.children.size() != 2)
        return Value::unknown("templatefile() takes a path and a map", {}, e.range);
    const Value path = evaluate(e.children[0]);
    const Value variables = evaluate(e.children[1]);
    std::vector<Value> arguments{path};
    std::vector<Diagnostic> raised;
    FunctionContext context{module_dir_, scan_root_, e.range, &raised};
    const Value text = find_function("file")(arguments, context);
    for (Diagnostic& diagnostic : raised) {
        if (diagnostic.code != DiagnosticCode::InvalidTemplate &&
            diagnostic.code != DiagnosticCode::Unsupported) {
            diagnostics_.push_back(std::move(diagnostic));
        }
    }
    if (!text.is_string() || !variables.is_map()) {
        return unknown_of("templatefile() of a file or variables not known", {&text, &variables},
                          e.range);
    }
    static constexpr std::string_view kEnd = "BULWARK_TEMPLATE_END_7f3a";
    const std::string& body = text.as_string();
    const bool newline = body.empty() || body.back() == '\n';
    const std::string source = "v = <<" + std::string(kEnd) + "\n" + body + (newline ? "" : "\n") +
                               std::string(kEnd) + "\n";
    hcl::File parsed = hcl::parse(source, e.range.file);
    const hcl::Attribute* attribute = parsed.body.attribute("v");
    if (attribute == nullptr || !parsed.diagnostics.empty()) {
        return Value::unknown("templatefile(): the template does not parse", {}, e.range);
    }
    for (const Value::Entry& entry : variables.as_map())
        push_binding(entry.key, entry.value);
    Value result = evaluate(attribute->value);
    for (std::size_t i = 0; i < variables.as_map().size(); ++i)
        pop_binding();
    if (result.is_string()) {
        std::string rendered = result.as_string();
        if (!newline && !rendered.empty() && rendered.back() == '\n') rendered.pop_back();
        return Value::string(std::move(rendered), e.range);
    }
    result.set_range(e.range);
    return result;
}

Value ExpressionEvaluator::object(const hcl::Expr& e) {
    Value out = Value::map({}, e.range);
    for (const hcl::ObjectItem& item : e.items) {
        std::string key;
        if (item.key.kind == hcl::ExprKind::Variable && !item.key.parenthesized) {
            key = item.key.name;
        } else {
            const Value evaluated = evaluate(item.key);
            auto text = as_text(evaluated);
            if (!text)
                return unknown_of("object key known only after apply", {&evaluated}, e.range);
            key = *text;
        }
        out.set(std::move(key), evaluate(item.value), item.key.range);
    }
    return out;
}

Value ExpressionEvaluator::conditional(const hcl::Expr& e) {
    const Value condition = evaluate(e.children[0]);
    if (auto decided = as_bool(condition)) return evaluate(e.children[*decided ? 1 : 2]);
    Value when_true = evaluate(e.children[1]);
    Value when_false = evaluate(e.children[2]);
    if (when_true.same_as(when_false)) return when_true;
    return unknown_of("condition known only after apply", {&condition, &when_true, &when_false},
                      e.range);
}

Value ExpressionEvaluator::binary(const hcl::Expr& e) {
    const std::string& op = e.name;
    Value left = evaluate(e.children[0]);
    if (op == "&&" || op == "||") {
        auto l = as_bool(left);
        if (l && *l == (op == "||")) return Value::boolean(*l, e.range);
        Value right = evaluate(e.children[1]);
        auto r = as_bool(right);
        if (r && *r == (op == "||")) return Value::boolean(*r, e.range);
        if (l && r) return Value::boolean(op == "&&" ? (*l && *r) : (*l || *r), e.range);
        return unknown_of("logic on values known only after apply", {&left, &right}, e.range);
    }
    Value right = evaluate(e.children[1]);
    if (op == "==" || op == "!=") {
        if (contains_unknown(left) || contains_unknown(right)) {
            return unknown_of("comparison of values known only after apply", {&left, &right},
                              e.range);
        }
        bool equal = left.same_as(right);
        if (!equal && left.is_number() != right.is_number()) equal = false;
        return Value::boolean(op == "==" ? equal : !equal, e.range);
    }
    if (left.is_unknown() || right.is_unknown()) {
        return unknown_of("arithmetic on values known only after apply", {&left, &right}, e.range);
    }
    auto l = as_number(left);
    auto r = as_number(right);
    if (!l || !r) {
        report(e.range, DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "operator " + op + " needs numbers");
        return Value::unknown("operator " + op + " on non-numbers", {}, e.range);
    }
    if (op == "+") return Value::number(*l + *r, e.range);
    if (op == "-") return Value::number(*l - *r, e.range);
    if (op == "*") return Value::number(*l * *r, e.range);
    if (op == "/") {
        if (*r == 0) return Value::unknown("division by zero", {}, e.range);
        return Value::number(*l / *r, e.range);
    }
    if (op == "%") {
        if (*r == 0) return Value::unknown("modulo by zero", {}, e.range);
        return Value::number(std::fmod(*l, *r), e.range);
    }
    if (op == "<") return Value::boolean(*l < *r, e.range);
    if (op == "<=") return Value::boolean(*l <= *r, e.range);
    if (op == ">") return Value::boolean(*l > *r, e.range);
    if (op == ">=") return Value::boolean(*l >= *r, e.range);
    return Value::unknown("unknown operator " + op, {}, e.range);
}

Value ExpressionEvaluator::unary(const hcl::Expr& e) {
    const Value operand = evaluate(e.children[0]);
    if (operand.is_unknown())
        return unknown_of("operand known only after apply", {&operand}, e.range);
    if (e.name == "!") {
        if (auto b = as_bool(operand)) return Value::boolean(!*b, e.range);
    } else if (auto n = as_number(operand)) {
        return Value::number(-*n, e.range);
    }
    return Value::unknown("invalid operand for " + e.name, {}, e.range);
}

Value ExpressionEvaluator::for_expression(const hcl::Expr& e) {
    const Value collection = evaluate(e.children[0]);
    if (collection.is_unknown())
        return unknown_of("for expression over a value known only after apply", {&collection},
                          e.range);
    const bool to_object = e.kind == hcl::ExprKind::ForObject;
    const std::size_t condition_index = to_object ? 3 : 2;
    const hcl::Expr* condition =
        e.children.size() > condition_index ? &e.children[condition_index] : nullptr;

    std::vector<std::pair<Value, Value>> elements;  // key, value
    if (collection.is_list()) {
        for (std::size_t i = 0; i < collection.as_list().size(); ++i) {
            elements.emplace_back(Value::number(static_cast<double>(i)), collection.as_list()[i]);
        }
    } else if (collection.is_map()) {
        for (const Value::Entry& entry : collection.as_map()) {
            elements.emplace_back(Value::string(entry.key, entry.key_range), entry.value);
        }
    } else if (!collection.is_null()) {
        return Value::unknown("for expression over a " + std::string(to_string(collection.kind())),
                              {}, e.range);
    }
    if (elements.size() > limits_.max_collection) {
        report(e.range, DiagnosticSeverity::Error, DiagnosticCode::ExpansionLimit,
               "for expression over " + std::to_string(elements.size()) +
                   " elements; the limit is " + std::to_string(limits_.max_collection));
        return Value::unknown("collection too large", {}, e.range);
    }
    Value::List items;
    Value object = Value::map({}, e.range);
    std::vector<Reference> unknown_refs;
    bool unknown = false;
    for (auto& [key, value] : elements) {
        if (!e.name.empty()) push_binding(e.name, key);
        push_binding(e.name2, value);
        bool keep = true;
        if (condition) {
            const Value test = evaluate(*condition);
            auto decided = as_bool(test);
            if (!decided) {
                unknown = true;
                gather_references(test, unknown_refs);
            }
            keep = decided.value_or(false);
        }
        if (keep) {
            if (to_object) {
                const Value k = evaluate(e.children[1]);
                auto name = as_text(k);
                if (!name) {
                    unknown = true;
                    gather_references(k, unknown_refs);
                } else if (e.expand_final) {
                    Value* group = object.find(*name);
                    if (group == nullptr) {
                        object.set(*name, Value::list({}, e.range), k.range());
                        group = object.find(*name);
                    }
                    group->as_list().push_back(evaluate(e.children[2]));
                } else {
                    object.set(*name, evaluate(e.children[2]), k.range());
                }
            } else {
                items.push_back(evaluate(e.children[1]));
            }
        }
        pop_binding();
        if (!e.name.empty()) pop_binding();
    }
    if (unknown)
        return Value::unknown("for expression filtered by values known only after apply",
                              std::move(unknown_refs), e.range);
    if (to_object) return object;
    return Value::list(std::move(items), e.range);
}

}  // namespace bulwark::terraform
