#include "parsers/terraform/module/module_instance.h"

#include <algorithm>

#include "io/document_reader.h"
#include "util/numbers.h"
#include "util/paths.h"

namespace bulwark::terraform {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kResourceMetaArguments[] = {"count", "for_each", "provider",
                                                       "depends_on"};
constexpr std::string_view kResourceMetaBlocks[] = {"lifecycle", "provisioner", "connection"};
constexpr std::string_view kModuleMetaArguments[] = {"source",   "version",   "count",
                                                     "for_each", "providers", "depends_on"};

template <std::size_t N>
bool one_of(std::string_view name, const std::string_view (&set)[N]) {
    return std::find(std::begin(set), std::end(set), name) != std::end(set);
}

bool is_local_source(std::string_view source) {
    return source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
}

// A folder inside the root by name that a symbolic link takes outside it.
bool leaves_through_symlink(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(path, ec);
    if (ec) return false;  // does not exist: reported as a module without files
    const fs::path real_root = fs::weakly_canonical(root, ec);
    return !ec && !is_within(real, real_root);
}

}  // namespace

ModuleInstance::ModuleInstance(const ModuleConfig& config, std::string prefix,
                               std::string module_key, std::map<std::string, Value> inputs,
                               std::vector<fs::path> call_stack, const InstanceSettings& settings,
                               std::vector<Diagnostic>& diagnostics)
    : config_(config),
      prefix_(std::move(prefix)),
      module_key_(std::move(module_key)),
      inputs_(std::move(inputs)),
      call_stack_(std::move(call_stack)),
      settings_(settings),
      diagnostics_(diagnostics),
      evaluator_(*this, diagnostics, settings.root_dir.empty() ? config.dir : settings.root_dir,
                 settings.scan_root) {}

std::string ModuleInstance::quote_key(const Value& key) const {
    if (key.is_number()) return "[" + format_number(key.as_number()) + "]";
    if (key.is_string()) return "[\"" + key.as_string() + "\"]";
    return "";
}

void ModuleInstance::with_key(const InstanceKey& key, const std::function<void()>& action) {
    int pushed = 0;
    if (key.each) {
        evaluator_.push_binding("each", *key.each);
        ++pushed;
    }
    if (key.count) {
        evaluator_.push_binding("count", *key.count);
        ++pushed;
    }
    action();
    while (pushed-- > 0)
        evaluator_.pop_binding();
}

const std::vector<ModuleInstance::InstanceKey>& ModuleInstance::expand(const hcl::Block& block) {
    if (auto it = expansions_.find(&block); it != expansions_.end()) return it->second;
    std::vector<InstanceKey> keys;
    const hcl::Attribute* count = block.body.attribute("count");
    const hcl::Attribute* for_each = block.body.attribute("for_each");
    auto too_many = [&](std::size_t n, const SourceRange& at) {
        if (n <= settings_.max_instances) return false;
        diagnostics_.push_back(
            Diagnostic{at.file, at.begin, DiagnosticSeverity::Error, DiagnosticCode::ExpansionLimit,
                       "creates " + std::to_string(n) + " instances; the limit is " +
                           std::to_string(settings_.max_instances)});
        return true;
    };
    if (count) {
        const Value n = evaluator_.evaluate(count->value);
        if (n.is_number() && n.as_number() >= 0) {
            const auto total = saturating_cast<std::size_t>(n.as_number());
            if (!too_many(total, count->range)) {
                for (std::size_t i = 0; i < total; ++i) {
                    Value index = Value::map({}, count->value.range);
                    index.set("index", Value::number(static_cast<double>(i), count->value.range));
                    keys.push_back({"[" + std::to_string(i) + "]", std::nullopt, std::move(index)});
                }
            }
        } else {
            // Unknown before apply: one instance stands for all of them.
            Value index = Value::map({}, count->value.range);
            index.set("index", Value::unknown("count.index of a count known only after apply", {},
                                              count->value.range));
            keys.push_back({"", std::nullopt, std::move(index)});
        }
    } else if (for_each) {
        const Value collection = evaluator_.evaluate(for_each->value);
        auto add = [&](Value key, Value value) {
            std::string suffix = quote_key(key);
            Value each = Value::map({}, for_each->value.range);
            each.set("key", std::move(key));
            each.set("value", std::move(value));
            keys.push_back({std::move(suffix), std::move(each), std::nullopt});
        };
        if (collection.is_map()) {
            if (!too_many(collection.as_map().size(), for_each->range)) {
                for (const Value::Entry& entry : collection.as_map()) {
                    add(Value::string(entry.key, entry.key_range), entry.value);
                }
            }
        } else if (collection.is_list()) {
            if (!too_many(collection.as_list().size(), for_each->range)) {
                for (const Value& item : collection.as_list()) {
                    if (item.is_string()) {
                        add(item, item);
                    } else {
                        add(Value::unknown("for_each key known only after apply", {}, item.range()),
                            item);
                    }
                }
            }
        } else {
            add(Value::unknown("for_each known only after apply", {}, for_each->value.range),
                Value::unknown("for_each known only after apply", {}, for_each->value.range));
            keys.back().suffix = "";
        }
    } else {
        keys.push_back({"", std::nullopt, std::nullopt});
    }
    std::vector<InstanceKey>& cached = expansions_[&block];
    cached = std::move(keys);
    return cached;
}

Value ModuleInstance::variable(const std::string& name, const SourceRange& at) {
    if (auto it = variables_.find(name); it != variables_.end()) return it->second;
    auto declared = config_.variables.find(name);
    Value value;
    if (auto it = inputs_.find(name); it != inputs_.end()) {
        value = it->second;
    } else if (declared == config_.variables.end()) {
        return Value::unknown("variable " + name + " is not declared", {}, at);
    } else if (const hcl::Attribute* fallback = declared->second->body.attribute("default")) {
        value = evaluator_.evaluate(fallback->value);
    } else {
        return Value::unknown("variable " + name + " has no value", {}, at);
    }
    if (declared != config_.variables.end()) {
        if (const hcl::Attribute* type = declared->second->body.attribute("type")) {
            value = apply_type_defaults(type->value, std::move(value));
        }
    }
    variables_[name] = value;
    return value;
}

// Fills in the attributes an object type declares with optional(type, default) and the value
// leaves out, as Terraform does when it converts a value to the variable's type.
Value ModuleInstance::apply_type_defaults(const hcl::Expr& type, Value value) {
    if (type.kind != hcl::ExprKind::Call || type.children.empty() || value.is_unknown() ||
        value.is_null()) {
        return value;
    }
    const hcl::Expr& inner = type.children[0];
    if (type.name == "optional") return apply_type_defaults(inner, std::move(value));
    if ((type.name == "map" || type.name == "list" || type.name == "set")) {
        if (value.is_map()) {
            for (Value::Entry& entry : value.as_map())
                entry.value = apply_type_defaults(inner, std::move(entry.value));
        } else if (value.is_list()) {
            for (Value& item : value.as_list())
                item = apply_type_defaults(inner, std::move(item));
        }
        return value;
    }
    if (type.name != "object" || inner.kind != hcl::ExprKind::Object || !value.is_map())
        return value;
    for (const hcl::ObjectItem& item : inner.items) {
        if (item.key.kind != hcl::ExprKind::Variable) continue;
        const std::string& key = item.key.name;
        const hcl::Expr& attribute_type = item.value;
        Value* present = value.find(key);
        if (present != nullptr && !present->is_null()) {
            *present = apply_type_defaults(attribute_type, std::move(*present));
            continue;
        }
        if (attribute_type.kind == hcl::ExprKind::Call && attribute_type.name == "optional" &&
            attribute_type.children.size() == 2) {
            Value fallback = evaluator_.evaluate(attribute_type.children[1]);
            fallback = apply_type_defaults(attribute_type.children[0], std::move(fallback));
            value.set(key, std::move(fallback), attribute_type.children[1].range);
        } else if (present == nullptr) {
            value.set(key, Value::null(value.range()), value.range());
        }
    }
    return value;
}

Value ModuleInstance::local(const std::string& name, const SourceRange& at) {
    if (auto it = locals_.find(name); it != locals_.end()) return it->second;
    auto declared = config_.locals.find(name);
    if (declared == config_.locals.end())
        return Value::unknown("local " + name + " is not declared", {}, at);
    if (locals_in_progress_.count(name)) {
        diagnostics_.push_back(Diagnostic{
            declared->second->range.file, declared->second->range.begin, DiagnosticSeverity::Error,
            DiagnosticCode::InvalidTemplate, "local." + name + " depends on itself"});
        return Value::unknown("local." + name + " depends on itself", {}, at);
    }
    locals_in_progress_.insert(name);
    // Locals are evaluated outside any resource's each/count context.
    Value value = evaluator_.evaluate(declared->second->value);
    locals_in_progress_.erase(name);
    locals_[name] = value;
    return value;
}

Value ModuleInstance::resource_reference(const std::string& type,
                                         const std::vector<hcl::Step>& steps, std::size_t& consumed,
                                         const SourceRange& at, bool data) {
    const std::size_t name_step = data ? 1 : 0;
    if (data) {
        if (steps.empty() || steps[0].kind != hcl::Step::Kind::Attribute)
            return Value::unknown("invalid data reference", {}, at);
    }
    const std::string& kind = data ? steps[0].name : type;
    if (steps.size() <= name_step || steps[name_step].kind != hcl::Step::Kind::Attribute) {
        return Value::unknown("reference to " + kind, {}, at);
    }
    const std::string key = kind + "." + steps[name_step].name;
    const std::string base = prefix_ + (data ? "data." : "") + key;
    consumed = name_step + 1;
    const auto& declared = data ? config_.data : config_.resources;
    auto block = declared.find(key);
    // IAM policy documents are evaluated here, into the same shape as a JSON policy.
    if (data && kind == "aws_iam_policy_document" && block != declared.end()) {
        const hcl::Block& document = *block->second;
        const bool repeated =
            document.body.attribute("count") || document.body.attribute("for_each");
        std::size_t next = consumed;
        std::optional<InstanceKey> instance;
        if (repeated && next < steps.size() && steps[next].kind == hcl::Step::Kind::Index) {
            const Value index = evaluator_.evaluate(*steps[next].index);
            for (const InstanceKey& key : expand(document)) {
                if (!key.suffix.empty() && key.suffix == quote_key(index)) instance = key;
            }
            ++next;
        }
        if ((!repeated || instance) && next < steps.size() &&
            steps[next].kind == hcl::Step::Kind::Attribute &&
            (steps[next].name == "json" || steps[next].name == "minified_json")) {
            consumed = next + 1;
            Value result;
            with_key(instance.value_or(InstanceKey{}), [&] { result = policy_document(document); });
            return result;
        }
    }
    const bool expanded = block != declared.end() && (block->second->body.attribute("count") ||
                                                      block->second->body.attribute("for_each"));
    std::string target = base;
    if (expanded) {
        if (consumed < steps.size() && steps[consumed].kind == hcl::Step::Kind::Index) {
            const Value index = evaluator_.evaluate(*steps[consumed].index);
            ++consumed;
            if (index.is_unknown())
                return Value::unknown("instance key known only after apply", {{base, ""}}, at);
            target = base + quote_key(index);
        } else {
            // The whole collection of instances.
            const bool by_key = block->second->body.attribute("for_each") != nullptr;
            Value collection = by_key ? Value::map({}, at) : Value::list({}, at);
            const bool documents = data && kind == "aws_iam_policy_document";
            for (const InstanceKey& instance : expand(*block->second)) {
                Value reference = Value::unknown("resource " + base + instance.suffix,
                                                 {{base + instance.suffix, ""}}, at);
                if (documents) {  // each.value.json of a for_each over policy documents
                    Value document;
                    with_key(instance, [&] { document = policy_document(*block->second); });
                    reference = Value::map({}, at);
                    reference.set("json", document, at);
                    reference.set("minified_json", std::move(document), at);
                }
                if (by_key && instance.each) {
                    const Value* k = instance.each->find("key");
                    collection.set(k && k->is_string() ? k->as_string() : instance.suffix,
                                   std::move(reference));
                } else {
                    collection.as_list().push_back(std::move(reference));
                }
            }
            return collection;
        }
    }
    std::string attribute;
    if (consumed < steps.size() && steps[consumed].kind == hcl::Step::Kind::Attribute) {
        attribute = steps[consumed].name;
        ++consumed;
    }
    return Value::unknown((attribute.empty() ? "" : attribute + " of ") + target +
                              (data ? ", read at plan time" : ", known after apply"),
                          {{target, attribute}}, at);
}

std::vector<std::pair<std::string, ModuleInstance*>> ModuleInstance::children(
    const std::string& name) {
    std::vector<std::pair<std::string, ModuleInstance*>> out;
    if (auto it = children_.find(name); it != children_.end()) {
        for (auto& [suffix, child] : it->second)
            out.emplace_back(suffix, child.get());
        return out;
    }
    auto call = config_.module_calls.find(name);
    if (call == config_.module_calls.end() || children_in_progress_.count(name)) return out;
    children_in_progress_.insert(name);
    auto& created = children_[name];
    const hcl::Block& block = *call->second;
    auto report = [&](DiagnosticSeverity severity, DiagnosticCode code, std::string message) {
        diagnostics_.push_back(
            Diagnostic{block.range.file, block.range.begin, severity, code, std::move(message)});
    };
    const hcl::Attribute* source_attribute = block.body.attribute("source");
    const Value source = source_attribute ? evaluator_.evaluate(source_attribute->value) : Value();
    if (!source.is_string()) {
        report(DiagnosticSeverity::Warning, DiagnosticCode::InvalidTemplate,
               "module " + name + " has no literal source");
    } else {
        const std::string key = module_key_.empty() ? name : module_key_ + "." + name;
        auto installed = settings_.installed_modules.find(key);
        const bool local = is_local_source(source.as_string());
        if (!local && installed == settings_.installed_modules.end()) {
            report(DiagnosticSeverity::Note, DiagnosticCode::Unsupported,
                   "module " + name + " comes from " + source.as_string() +
                       ", which is not available locally (run terraform init to install it); "
                       "its resources are not scanned");
            children_in_progress_.erase(name);
            return out;
        }
        fs::path dir = local ? (config_.dir / source.as_string()).lexically_normal()
                             : installed->second.lexically_normal();
        if (dir.filename().empty()) dir = dir.parent_path();  // "../../" ends with a separator
        const ModuleConfig* child = nullptr;
        if (!is_within(dir, settings_.scan_root)) {
            report(DiagnosticSeverity::Warning, DiagnosticCode::Unsupported,
                   "module " + name + " source " + source.as_string() +
                       " is outside the scan root; not read");
        } else if (leaves_through_symlink(dir, settings_.scan_root)) {
            report(DiagnosticSeverity::Warning, DiagnosticCode::Unsupported,
                   "module " + name + " source " + source.as_string() +
                       " leads outside the scan root through a symbolic link; not read");
        } else if (std::find(call_stack_.begin(), call_stack_.end(), dir) != call_stack_.end()) {
            report(DiagnosticSeverity::Error, DiagnosticCode::InvalidTemplate,
                   "module " + name + " calls " + source.as_string() +
                       ", which is already being evaluated (a module cycle)");
        } else if (call_stack_.size() >= settings_.max_module_depth) {
            report(DiagnosticSeverity::Error, DiagnosticCode::ExpansionLimit,
                   "modules nested deeper than " + std::to_string(settings_.max_module_depth));
        } else if ((child = settings_.load(dir)) == nullptr) {
            report(DiagnosticSeverity::Warning, DiagnosticCode::UnreadableFile,
                   "module " + name + " source " + source.as_string() + " has no .tf files");
        }
        if (child != nullptr) {
            for (const std::string& file : child->unread) {
                report(DiagnosticSeverity::Warning, DiagnosticCode::UnreadableFile,
                       "module " + name + ": " + file +
                           " was not read (a symbolic link out of the scan root, too large, or "
                           "binary)");
            }
            std::vector<fs::path> stack = call_stack_;
            stack.push_back(dir);
            for (const InstanceKey& key : expand(block)) {
                std::map<std::string, Value> inputs;
                with_key(key, [&] {
                    for (const hcl::Attribute& attribute : block.body.attributes) {
                        if (one_of(attribute.name, kModuleMetaArguments)) continue;
                        inputs[attribute.name] = evaluator_.evaluate(attribute.value);
                    }
                });
                created.emplace_back(key.suffix,
                                     std::make_unique<ModuleInstance>(
                                         *child, prefix_ + "module." + name + key.suffix + ".",
                                         module_key_.empty() ? name : module_key_ + "." + name,
                                         std::move(inputs), stack, settings_, diagnostics_));
            }
        }
    }
    children_in_progress_.erase(name);
    for (auto& [suffix, child] : created)
        out.emplace_back(suffix, child.get());
    return out;
}

Value ModuleInstance::module_reference(const std::vector<hcl::Step>& steps, std::size_t& consumed,
                                       const SourceRange& at) {
    if (steps.empty() || steps[0].kind != hcl::Step::Kind::Attribute)
        return Value::unknown("invalid module reference", {}, at);
    const std::string& name = steps[0].name;
    consumed = 1;
    auto instances = children(name);
    ModuleInstance* chosen = nullptr;
    if (instances.size() == 1 && instances[0].first.empty()) {
        chosen = instances[0].second;
    } else if (consumed < steps.size() && steps[consumed].kind == hcl::Step::Kind::Index) {
        const Value index = evaluator_.evaluate(*steps[consumed].index);
        ++consumed;
        const std::string suffix = quote_key(index);
        for (auto& [key, instance] : instances) {
            if (key == suffix) chosen = instance;
        }
    }
    if (chosen == nullptr)
        return Value::unknown("outputs of module " + name + " are not known", {}, at);
    if (consumed < steps.size() && steps[consumed].kind == hcl::Step::Kind::Attribute) {
        const std::string output = steps[consumed].name;
        ++consumed;
        return chosen->output(output);
    }
    return Value::unknown("module " + name + " as a whole", {}, at);
}

Value ModuleInstance::output(const std::string& name) {
    auto declared = config_.outputs.find(name);
    if (declared == config_.outputs.end())
        return Value::unknown("module has no output " + name, {}, {});
    const hcl::Attribute* value = declared->second->body.attribute("value");
    if (value == nullptr)
        return Value::unknown("output " + name + " has no value", {}, declared->second->range);
    return evaluator_.evaluate(value->value);
}

Value ModuleInstance::resolve(const hcl::Expr& root, const std::vector<hcl::Step>& steps,
                              std::size_t& consumed, ExpressionEvaluator&) {
    const std::string& name = root.name;
    const SourceRange& at = root.range;
    auto attribute_name = [&]() -> const std::string* {
        if (steps.empty() || steps[0].kind != hcl::Step::Kind::Attribute) return nullptr;
        consumed = 1;
        return &steps[0].name;
    };
    if (name == "var") {
        const std::string* variable_name = attribute_name();
        return variable_name ? variable(*variable_name, at) : Value::unknown("var", {}, at);
    }
    if (name == "local") {
        const std::string* local_name = attribute_name();
        return local_name ? local(*local_name, at) : Value::unknown("local", {}, at);
    }
    if (name == "path") {
        const std::string* what = attribute_name();
        if (what && *what == "module") {
            const fs::path base = settings_.root_dir.empty() ? config_.dir : settings_.root_dir;
            const std::string relative = config_.dir.lexically_relative(base).generic_string();
            return Value::string(relative.empty() ? "." : relative, at);
        }
        if (what && (*what == "root" || *what == "cwd")) return Value::string(".", at);
        return Value::unknown("path", {}, at);
    }
    if (name == "terraform") {
        const std::string* what = attribute_name();
        if (what && *what == "workspace") return Value::string("default", at);
        return Value::unknown("terraform", {}, at);
    }
    if (name == "module") return module_reference(steps, consumed, at);
    if (name == "data") return resource_reference(name, steps, consumed, at, true);
    if (name == "each" || name == "count" || name == "self") {
        return Value::unknown(name + " used outside a repeated block", {}, at);
    }
    return resource_reference(name, steps, consumed, at, false);
}

const Value* ModuleInstance::resolve_in_place(const hcl::Expr& root,
                                              const std::vector<hcl::Step>& steps,
                                              std::size_t& consumed, ExpressionEvaluator& evaluator,
                                              Value& scratch) {
    // A variable or local, once evaluated, is kept: point there rather than copy it, so that
    // the steps after it copy only what they select.
    if ((root.name == "var" || root.name == "local") && !steps.empty() &&
        steps[0].kind == hcl::Step::Kind::Attribute) {
        const auto& cache = root.name == "var" ? variables_ : locals_;
        auto it = cache.find(steps[0].name);
        if (it == cache.end()) {
            scratch = resolve(root, steps, consumed, evaluator);  // evaluates and keeps it
            it = cache.find(steps[0].name);
            if (it == cache.end()) return &scratch;  // not kept: undeclared, or a cycle
            scratch = Value();
        }
        consumed = 1;
        return &it->second;
    }
    scratch = resolve(root, steps, consumed, evaluator);
    return &scratch;
}

Value ModuleInstance::body_value(const hcl::Body& body, const SourceRange& range, bool top_level) {
    Value out = Value::map({}, range);
    // At most one entry per attribute and per kind of block (repeated blocks share one list).
    std::size_t block_kinds = 0;
    for (std::size_t b = 0; b < body.blocks.size(); ++b) {
        const std::string& kind = body.blocks[b].type == "dynamic" && !body.blocks[b].labels.empty()
                                      ? body.blocks[b].labels[0]
                                      : body.blocks[b].type;
        bool seen = false;
        for (std::size_t earlier = 0; earlier < b && !seen; ++earlier) {
            const hcl::Block& other = body.blocks[earlier];
            seen = (other.type == "dynamic" && !other.labels.empty() ? other.labels[0]
                                                                     : other.type) == kind;
        }
        if (!seen) ++block_kinds;
    }
    out.as_map().reserve(body.attributes.size() + block_kinds);
    for (const hcl::Attribute& attribute : body.attributes) {
        if (top_level && one_of(attribute.name, kResourceMetaArguments)) continue;
        out.set(attribute.name, evaluator_.evaluate(attribute.value), attribute.name_range);
    }
    auto append = [&](const std::string& name, Value item, const SourceRange& at) {
        Value* list = out.find(name);
        if (list == nullptr || !list->is_list()) {
            out.set(name, Value::list({}, at), at);
            list = out.find(name);
        }
        list->as_list().push_back(std::move(item));
    };
    for (const hcl::Block& block : body.blocks) {
        if (top_level && one_of(block.type, kResourceMetaBlocks)) continue;
        if (block.type != "dynamic") {
            append(block.type, body_value(block.body, block.range, false), block.range);
            continue;
        }
        if (block.labels.empty()) continue;
        const std::string& label = block.labels[0];
        const hcl::Attribute* for_each = block.body.attribute("for_each");
        const hcl::Block* content = nullptr;
        for (const hcl::Block& inner : block.body.blocks) {
            if (inner.type == "content") content = &inner;
        }
        std::string iterator = label;
        if (const hcl::Attribute* named = block.body.attribute("iterator")) {
            if (named->value.kind == hcl::ExprKind::Variable) iterator = named->value.name;
        }
        if (for_each == nullptr || content == nullptr) continue;
        const Value collection = evaluator_.evaluate(for_each->value);
        auto expand_one = [&](Value key, Value value) {
            Value binding = Value::map({}, for_each->value.range);
            binding.set("key", std::move(key));
            binding.set("value", std::move(value));
            evaluator_.push_binding(iterator, std::move(binding));
            append(label, body_value(content->body, block.range, false), block.range);
            evaluator_.pop_binding();
        };
        if (collection.is_list()) {
            for (std::size_t i = 0; i < collection.as_list().size(); ++i) {
                expand_one(Value::number(static_cast<double>(i)), collection.as_list()[i]);
            }
        } else if (collection.is_map()) {
            for (const Value::Entry& entry : collection.as_map()) {
                expand_one(Value::string(entry.key, entry.key_range), entry.value);
            }
        } else if (collection.is_unknown()) {
            // How many blocks there will be is known only after apply.
            append(label, collection, block.range);
        }
    }
    return out;
}

Value ModuleInstance::policy_document(const hcl::Block& block) {
    const Value body = body_value(block.body, block.range, true);
    auto strings = [](const Value& value) {
        // Terraform sorts and deduplicates these sets; keep them as lists with their ranges.
        return value;
    };
    Value document = Value::map({}, block.range);
    document.set("Version", body.find("version") ? *body.find("version")
                                                 : Value::string("2012-10-17", block.range));
    Value statements = Value::list({}, block.range);
    if (const Value* list = body.find("statement"); list && list->is_list()) {
        for (const Value& statement : list->as_list()) {
            if (!statement.is_map()) {
                statements.as_list().push_back(statement);
                continue;
            }
            Value out = Value::map({}, statement.range());
            auto copy = [&](std::string_view from, std::string_view to) {
                if (const Value* value = statement.find(from); value && !value->is_null()) {
                    out.set(std::string(to), strings(*value), value->range());
                }
            };
            copy("sid", "Sid");
            if (const Value* effect = statement.find("effect")) {
                out.set("Effect", *effect, effect->range());
            } else {
                out.set("Effect", Value::string("Allow", statement.range()), statement.range());
            }
            copy("actions", "Action");
            copy("not_actions", "NotAction");
            copy("resources", "Resource");
            copy("not_resources", "NotResource");
            for (auto [from, to] : {std::pair{"principals", "Principal"},
                                    std::pair{"not_principals", "NotPrincipal"}}) {
                const Value* blocks = statement.find(from);
                if (blocks == nullptr || !blocks->is_list()) continue;
                Value principal = Value::map({}, blocks->range());
                for (const Value& entry : blocks->as_list()) {
                    const Value* type = entry.find("type");
                    const Value* identifiers = entry.find("identifiers");
                    if (type == nullptr || identifiers == nullptr || !type->is_string()) continue;
                    if (type->as_string() == "*") {
                        principal = Value::string("*", entry.range());
                        break;
                    }
                    // Two blocks of one type (two AWS accounts written apart) add up.
                    Value* existing =
                        principal.is_map() ? principal.find(type->as_string()) : nullptr;
                    if (existing != nullptr && existing->is_list() && identifiers->is_list()) {
                        for (const Value& id : identifiers->as_list())
                            existing->as_list().push_back(id);
                    } else {
                        principal.set(type->as_string(), *identifiers, entry.range());
                    }
                }
                out.set(to, std::move(principal), blocks->range());
            }
            if (const Value* conditions = statement.find("condition");
                conditions && conditions->is_list()) {
                Value condition = Value::map({}, conditions->range());
                for (const Value& entry : conditions->as_list()) {
                    const Value* test = entry.find("test");
                    const Value* variable = entry.find("variable");
                    const Value* values = entry.find("values");
                    if (!test || !variable || !values) continue;
                    // A key built around an unknown ("${provider}:sub") keeps its known text; a
                    // test or key Bulwark cannot read makes the whole condition unknown: dropping
                    // it would make the statement look unconditioned.
                    std::string key;
                    if (variable->is_string()) {
                        key = variable->as_string();
                    } else if (variable->is_unknown() && !variable->as_unknown().partial.empty()) {
                        key = variable->as_unknown().partial;
                    }
                    if (!test->is_string() || key.empty()) {
                        condition = unknown_of("a condition known only after apply",
                                               {test, variable}, conditions->range());
                        break;
                    }
                    Value* operator_map = condition.find(test->as_string());
                    if (operator_map == nullptr) {
                        condition.set(test->as_string(), Value::map({}, entry.range()),
                                      entry.range());
                        operator_map = condition.find(test->as_string());
                    }
                    operator_map->set(key, *values, entry.range());
                }
                out.set("Condition", std::move(condition), conditions->range());
            }
            statements.as_list().push_back(std::move(out));
        }
    }
    document.set("Statement", std::move(statements), block.range);
    // source_policy_documents come first; override_policy_documents replace statements with
    // the same Sid (approximated: appended). A document Bulwark cannot see makes the whole unknown.
    for (std::string_view argument : {"source_policy_documents", "override_policy_documents"}) {
        const Value* sources = body.find(argument);
        if (sources == nullptr || sources->is_null()) continue;
        if (!sources->is_list())
            return unknown_of("policy built from documents known only after apply", {sources},
                              block.range);
        Value::List merged;
        for (const Value& source : sources->as_list()) {
            Value parsed = source;
            if (source.is_string()) {
                if (source.as_string().empty()) continue;
                ReadResult read = read_json(source.as_string(), source.range().file);
                if (!read.value) continue;
                parsed = std::move(*read.value);
            }
            const Value* statement = parsed.find("Statement");
            if (parsed.is_unknown() || statement == nullptr || statement->is_unknown()) {
                return unknown_of("policy built from documents known only after apply", {&parsed},
                                  block.range);
            }
            if (statement->is_list()) {
                for (const Value& s : statement->as_list())
                    merged.push_back(s);
            } else {
                merged.push_back(*statement);
            }
        }
        Value& own = *document.find("Statement");
        if (argument == "source_policy_documents") {
            for (Value& s : own.as_list())
                merged.push_back(std::move(s));
            own.as_list() = std::move(merged);
        } else {
            for (Value& s : merged)
                own.as_list().push_back(std::move(s));
        }
    }
    return document;
}

void ModuleInstance::collect(std::vector<NativeResource>& out) {
    for (const hcl::Block* block : config_.resource_order) {
        for (const InstanceKey& key : expand(*block)) {
            with_key(key, [&] {
                NativeResource resource;
                resource.type = block->labels[0];
                resource.address = prefix_ + block->labels[0] + "." + block->labels[1] + key.suffix;
                resource.file = block->range.file;
                resource.range = block->range;
                resource.scope = settings_.scope;
                resource.body = body_value(block->body, block->range, true);
                for (const hcl::Block& meta : block->body.blocks) {
                    if (meta.type == "lifecycle") {
                        resource.lifecycle = body_value(meta.body, meta.range, false);
                    }
                }
                if (const hcl::Attribute* depends = block->body.attribute("depends_on")) {
                    const Value targets = evaluator_.evaluate(depends->value);
                    gather_references(targets, resource.depends_on);
                }
                out.push_back(std::move(resource));
            });
        }
    }
    for (const auto& [name, block] : config_.module_calls) {
        for (auto& [suffix, child] : children(name)) {
            const std::size_t first = out.size();
            child->collect(out);
            for (std::size_t i = first; i < out.size(); ++i) {
                out[i].module_calls.insert(out[i].module_calls.begin(), block->range);
            }
        }
    }
}

}  // namespace bulwark::terraform
