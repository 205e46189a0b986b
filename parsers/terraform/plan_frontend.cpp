#include "parsers/terraform/plan_frontend.h"

#include <algorithm>
#include <map>

#include "io/document_reader.h"
#include "parsers/terraform/adapters/adapter.h"

namespace bulwark::terraform {
namespace {

// after_unknown mirrors the values: `true` where a value is known only after apply.
void mark_unknown(Value& value, const Value& unknown, const std::vector<Reference>& references) {
    if (unknown.is_bool() && unknown.as_bool()) {
        value = Value::unknown("known after apply", references, value.range());
        return;
    }
    if (unknown.is_map() && value.is_map()) {
        for (const Value::Entry& entry : unknown.as_map()) {
            Value* child = value.find(entry.key);
            if (child == nullptr) {
                if (entry.value.is_bool() && entry.value.as_bool()) {
                    value.set(entry.key, Value::unknown("known after apply", {}, value.range()), value.range());
                }
                continue;
            }
            mark_unknown(*child, entry.value, {});
        }
    } else if (unknown.is_list() && value.is_list()) {
        for (std::size_t i = 0; i < unknown.as_list().size() && i < value.as_list().size(); ++i) {
            mark_unknown(value.as_list()[i], unknown.as_list()[i], {});
        }
    }
}

// The most specific resource a configuration reference names: of "aws_s3_bucket.b[0].id",
// "aws_s3_bucket.b[0]" and "aws_s3_bucket.b", the second.
// `instance_key` is the referring resource's own key ("[\"raw\"]"), which stands in for each.key
// and count.index: the plan's configuration keeps the expressions, not their values.
std::vector<Reference> references_of(const Value* expression, const std::string& module_prefix,
                                     const std::string& instance_key) {
    std::vector<Reference> out;
    const Value* references = expression ? expression->find("references") : nullptr;
    if (references == nullptr || !references->is_list() || references->as_list().empty()) return out;
    std::string best;
    bool uses_instance = false;
    for (const Value& reference : references->as_list()) {
        if (!reference.is_string()) continue;
        std::string text = reference.as_string();
        uses_instance = uses_instance || text.starts_with("each.") || text.starts_with("count.");
        if (text.starts_with("var.") || text.starts_with("local.") || text.starts_with("each.") ||
            text.starts_with("count.") || text.starts_with("data.") || text.starts_with("module.")) {
            continue;
        }
        for (std::string_view placeholder : {"[each.key]", "[count.index]"}) {
            if (const std::size_t at = text.find(placeholder); at != std::string::npos) {
                text.replace(at, placeholder.size(), instance_key);
            }
        }
        // Prefer "type.name[key]" over "type.name" and over "type.name[key].attr".
        const bool keyed = text.back() == ']';
        const bool best_keyed = !best.empty() && best.back() == ']';
        if (best.empty() || (keyed && !best_keyed) || (keyed == best_keyed && text.size() < best.size())) {
            best = text;
        }
    }
    if (best.empty()) return out;
    // `aws_s3_bucket.zone[each.key].id` is recorded as "aws_s3_bucket.zone" and "each.key".
    if (uses_instance && !instance_key.empty() && best.find('[') == std::string::npos &&
        std::count(best.begin(), best.end(), '.') == 1) {
        best += instance_key;
    }
    // Drop a trailing attribute after the resource name (type.name[.key].attr).
    std::size_t dots = 0;
    std::size_t cut = std::string::npos;
    for (std::size_t i = 0; i < best.size(); ++i) {
        if (best[i] == '[') {
            const std::size_t close = best.find(']', i);
            if (close == std::string::npos) break;
            i = close;
            continue;
        }
        if (best[i] == '.' && ++dots == 2) {
            cut = i;
            break;
        }
    }
    out.push_back(Reference{module_prefix + best.substr(0, cut), cut == std::string::npos ? "" : best.substr(cut + 1)});
    return out;
}

struct PlanReader {
    const SourceFile& file;
    std::map<std::string, const Value*> after_unknown;  // by resource address
    std::vector<NativeResource> natives;

    // configuration: the module's configuration block (resources with expressions).
    void read_module(const Value& module, const Value* configuration, const std::string& prefix) {
        std::map<std::string, const Value*> expressions;  // "type.name" -> expressions
        if (configuration) {
            if (const Value* resources = configuration->find("resources"); resources && resources->is_list()) {
                for (const Value& resource : resources->as_list()) {
                    const Value* address = resource.find("address");
                    const Value* exprs = resource.find("expressions");
                    if (address && address->is_string() && exprs) expressions[address->as_string()] = exprs;
                }
            }
        }
        if (const Value* resources = module.find("resources"); resources && resources->is_list()) {
            for (const Value& resource : resources->as_list()) {
                const Value* mode = resource.find("mode");
                const Value* address = resource.find("address");
                const Value* type = resource.find("type");
                const Value* name = resource.find("name");
                if (!address || !type || !address->is_string() || !type->is_string() ||
                    (mode && mode->is_string() && mode->as_string() != "managed")) {
                    continue;
                }
                NativeResource native;
                native.address = address->as_string();
                native.type = type->as_string();
                native.file = file.id;
                native.range = resource.range();
                native.scope = file.path;
                if (const Value* values = resource.find("values"); values && values->is_map()) native.body = *values;
                const Value* exprs = nullptr;
                if (name && name->is_string()) {
                    auto found = expressions.find(native.type + "." + name->as_string());
                    if (found != expressions.end()) exprs = found->second;
                }
                if (auto unknown = after_unknown.find(native.address); unknown != after_unknown.end() && unknown->second->is_map()) {
                    for (const Value::Entry& entry : unknown->second->as_map()) {
                        Value* value = native.body.find(entry.key);
                        const std::size_t key_at = native.address.back() == ']' ? native.address.rfind('[') : std::string::npos;
                        const std::string instance_key = key_at == std::string::npos ? "" : native.address.substr(key_at);
                        const auto refs = references_of(exprs ? exprs->find(entry.key) : nullptr, prefix, instance_key);
                        if (value == nullptr) {
                            if (entry.value.is_bool() && entry.value.as_bool()) {
                                native.body.set(entry.key, Value::unknown("known after apply", refs, native.range), native.range);
                            }
                        } else {
                            mark_unknown(*value, entry.value, refs);
                        }
                    }
                }
                natives.push_back(std::move(native));
            }
        }
        if (const Value* children = module.find("child_modules"); children && children->is_list()) {
            for (const Value& child : children->as_list()) {
                const Value* address = child.find("address");  // module.a or module.a["k"]
                std::string child_prefix = address && address->is_string() ? address->as_string() + "." : prefix;
                const Value* child_configuration = nullptr;
                if (configuration && address && address->is_string()) {
                    // module.a["k"].module.b -> the call name is the last module segment
                    std::string call = address->as_string();
                    const std::size_t last = call.rfind("module.");
                    call = call.substr(last + 7);
                    call = call.substr(0, call.find('['));
                    const Value* calls = configuration->find("module_calls");
                    const Value* called = calls ? calls->find(call) : nullptr;
                    child_configuration = called ? called->find("module") : nullptr;
                }
                read_module(child, child_configuration, child_prefix);
            }
        }
    }
};

}  // namespace

bool TerraformPlanFrontend::claims(std::string_view path, std::string_view content) const {
    if (!path.ends_with(".json")) return false;
    const std::string_view head = content.substr(0, 4096);
    return head.find("\"format_version\"") != std::string_view::npos &&
           (content.find("\"planned_values\"") != std::string_view::npos ||
            (head.find("\"terraform_version\"") != std::string_view::npos &&
             content.find("\"root_module\"") != std::string_view::npos));
}

FrontendOutput TerraformPlanFrontend::parse(const SourceFile& file) const {
    FrontendOutput out;
    ReadResult read = read_json(file.content, file.id);
    out.diagnostics = std::move(read.diagnostics);
    out.recognized = true;
    if (!read.value) return out;
    const Value& root = *read.value;
    const Value* values = root.find("planned_values");
    if (values == nullptr) values = root.find("values");
    const Value* module = values ? values->find("root_module") : nullptr;
    if (module == nullptr) {
        out.recognized = false;
        return out;
    }
    PlanReader reader{file, {}, {}};
    if (const Value* changes = root.find("resource_changes"); changes && changes->is_list()) {
        for (const Value& change : changes->as_list()) {
            const Value* address = change.find("address");
            const Value* body = change.find("change");
            const Value* unknown = body ? body->find("after_unknown") : nullptr;
            if (address && address->is_string() && unknown) reader.after_unknown[address->as_string()] = unknown;
        }
    }
    const Value* configuration = root.find("configuration");
    reader.read_module(*module, configuration ? configuration->find("root_module") : nullptr, "");
    out.resources = adapt_resources(std::move(reader.natives), out.diagnostics);
    for (Resource& resource : out.resources) resource.format = SourceFormat::TerraformPlan;
    return out;
}

}  // namespace bulwark::terraform
