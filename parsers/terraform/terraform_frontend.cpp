#include "parsers/terraform/terraform_frontend.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>

#include "io/document_reader.h"
#include "parsers/terraform/adapters/adapter.h"
#include "parsers/terraform/module/module_instance.h"
#include "util/parallel.h"
#include "util/paths.h"

namespace bulwark::terraform {
namespace {

namespace fs = std::filesystem;

struct FileArtifact final : Artifact {
    std::shared_ptr<TerraformFile> file;
};

bool is_configuration(std::string_view path) {
    return path.ends_with(".tf") || path.ends_with(".tf.json");
}

bool is_automatic_tfvars(const fs::path& path) {
    const std::string name = path.filename().string();
    return name == "terraform.tfvars" || name.ends_with(".auto.tfvars") ||
           name == "terraform.tfvars.json" || name.ends_with(".auto.tfvars.json");
}

hcl::File parse_file(std::string_view path, std::string_view content, FileId id) {
    if (path.ends_with(".tf.json")) return hcl::parse_json(content, id);
    if (path.ends_with(".tfvars.json")) return hcl::parse_json(content, id, true);
    return hcl::parse(content, id);
}

bool is_local_source(std::string_view source) {
    return source.starts_with("./") || source.starts_with("../");
}

// The folder a `module` block in `dir` calls, when its source is a literal local path.
std::optional<fs::path> local_call_target(const fs::path& dir, const hcl::Block& block) {
    const hcl::Attribute* source = block.body.attribute("source");
    if (source == nullptr || source->value.kind != hcl::ExprKind::Literal ||
        !source->value.literal.is_string() || !is_local_source(source->value.literal.as_string())) {
        return std::nullopt;
    }
    fs::path target = (dir / source->value.literal.as_string()).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();  // "../x/" ends with a separator
    return target;
}

// A scope for evaluating tfvars and CLI values: literals only, no references.
class ConstantScope final : public Scope {
  public:
    Value resolve(const hcl::Expr& root, const std::vector<hcl::Step>&, std::size_t&,
                  ExpressionEvaluator&) override {
        return Value::unknown(root.name + " cannot be referenced here", {}, root.range);
    }
};

// Parses a raw variable value (--var, TF_VAR_) as an HCL expression when it is one ([..], {..},
// numbers, booleans), else as a string, as Terraform does.
Value raw_variable(const std::string& text, std::vector<Diagnostic>& diagnostics) {
    hcl::File parsed = hcl::parse("v = " + text + "\n", kNoFile);
    const hcl::Attribute* attribute = parsed.body.attribute("v");
    if (!parsed.diagnostics.empty() || attribute == nullptr ||
        attribute->value.kind == hcl::ExprKind::Variable ||
        attribute->value.kind == hcl::ExprKind::Traversal) {
        return Value::string(text);
    }
    ConstantScope scope;
    ExpressionEvaluator evaluator(scope, diagnostics, ".", ".");
    Value value = evaluator.evaluate(attribute->value);
    value.set_range({});
    return value;
}

// Modules `terraform init` installed for a root module, from .terraform/modules/modules.json.
std::map<std::string, fs::path> installed_modules(const fs::path& root_dir,
                                                  const LinkContext& context) {
    std::map<std::string, fs::path> installed;
    const fs::path manifest = root_dir / ".terraform" / "modules" / "modules.json";
    std::error_code ec;
    if (!fs::is_regular_file(manifest, ec)) return installed;
    std::ifstream in(manifest, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ReadResult read = read_json(text.str(), kNoFile);
    const Value* modules = read.value ? read.value->find("Modules") : nullptr;
    if (modules == nullptr || !modules->is_list()) return installed;
    for (const Value& module : modules->as_list()) {
        const Value* key = module.find("Key");
        const Value* dir = module.find("Dir");
        if (!key || !dir || !key->is_string() || !dir->is_string() || key->as_string().empty())
            continue;
        fs::path path = (root_dir / dir->as_string()).lexically_normal();
        if (path.filename().empty()) path = path.parent_path();
        if (!is_within(path, context.root)) continue;  // never read outside the scan root
        installed[key->as_string()] = path;
    }
    return installed;
}

// The configuration's settings that reach a root module in `relative_dir`: those of its folder
// and of the folders above it, shallower first so that the nearest folder wins.
std::vector<const DirectoryVariables*> layers_for(
    const std::vector<DirectoryVariables>& directories, const std::string& relative_dir) {
    std::vector<const DirectoryVariables*> layers;
    for (const DirectoryVariables& entry : directories) {
        const std::string& d = entry.directory;
        if (d.empty() || relative_dir == d ||
            (relative_dir.starts_with(d) && relative_dir[d.size()] == '/'))
            layers.push_back(&entry);
    }
    std::stable_sort(layers.begin(), layers.end(), [](const auto* a, const auto* b) {
        return std::count(a->directory.begin(), a->directory.end(), '/') + !a->directory.empty() <
               std::count(b->directory.begin(), b->directory.end(), '/') + !b->directory.empty();
    });
    return layers;
}

}  // namespace

bool TerraformFrontend::claims(std::string_view path, std::string_view) const {
    return path.ends_with(".tf") || path.ends_with(".tfvars") || path.ends_with(".tf.json") ||
           path.ends_with(".tfvars.json");
}

FrontendOutput TerraformFrontend::parse(const SourceFile& source) const {
    FrontendOutput out;
    out.recognized = true;
    auto file = std::make_shared<TerraformFile>();
    file->id = source.id;
    file->path = source.path;
    file->syntax = parse_file(source.path, source.content, source.id);
    out.diagnostics = file->syntax.diagnostics;
    auto artifact = std::make_unique<FileArtifact>();
    artifact->file = std::move(file);
    out.artifact = std::move(artifact);
    return out;
}

FrontendOutput TerraformFrontend::link(std::vector<LinkInput>& inputs,
                                       const LinkContext& context) const {
    FrontendOutput out;
    std::map<fs::path, std::unique_ptr<ModuleConfig>> modules;
    auto module_for = [&](const fs::path& dir) -> ModuleConfig& {
        auto& slot = modules[dir];
        if (!slot) {
            slot = std::make_unique<ModuleConfig>();
            slot->dir = dir;
            slot->relative_dir = dir.lexically_relative(context.root).generic_string();
            if (slot->relative_dir == ".") slot->relative_dir.clear();
        }
        return *slot;
    };
    for (LinkInput& input : inputs) {
        auto* artifact = dynamic_cast<FileArtifact*>(input.artifact.get());
        if (artifact == nullptr) continue;
        artifact->file->absolute = fs::absolute(input.absolute).lexically_normal();
        ModuleConfig& config = module_for(artifact->file->absolute.parent_path());
        if (is_configuration(input.path)) {
            config.files.push_back(artifact->file);
        } else if (is_automatic_tfvars(input.absolute)) {
            config.tfvars.push_back(artifact->file);
        }
    }
    std::set<fs::path> scanned;
    for (auto& [dir, config] : modules) {
        if (!config->files.empty()) scanned.insert(dir);
        std::sort(config->tfvars.begin(), config->tfvars.end(), [](const auto& a, const auto& b) {
            // terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json) by name.
            auto rank = [](const fs::path& p) {
                const std::string name = p.filename().string();
                return name == "terraform.tfvars" ? 0 : name == "terraform.tfvars.json" ? 1 : 2;
            };
            const bool a_main = rank(a->absolute) < rank(b->absolute);
            const bool b_main = rank(b->absolute) < rank(a->absolute);
            if (a_main != b_main) return a_main;
            return a->absolute.filename() < b->absolute.filename();
        });
        config->index();
    }

    // A scanned module that another scanned module calls is evaluated through the call (with its
    // inputs); every other one is a root module. Modules reached only through a cycle (a module
    // that calls itself, two that call each other and nothing else) become roots too, so that
    // they are evaluated and their cycle reported rather than silently dropped.
    std::map<fs::path, std::set<fs::path>> calls;
    std::set<fs::path> called;
    for (const auto& [dir, config] : modules) {
        for (const auto& [name, block] : config->module_calls) {
            if (auto target = local_call_target(dir, *block)) {
                called.insert(*target);
                calls[dir].insert(*target);
            }
        }
    }
    std::set<fs::path> roots;
    std::set<fs::path> reached;
    auto reach_from = [&](const fs::path& root) {
        roots.insert(root);
        std::vector<fs::path> pending{root};
        while (!pending.empty()) {
            const fs::path dir = std::move(pending.back());
            pending.pop_back();
            if (!reached.insert(dir).second) continue;
            if (auto it = calls.find(dir); it != calls.end()) {
                pending.insert(pending.end(), it->second.begin(), it->second.end());
            }
        }
    };
    for (const fs::path& dir : scanned) {
        if (!called.count(dir)) reach_from(dir);
    }
    for (const fs::path& dir : scanned) {
        if (!reached.count(dir)) reach_from(dir);
    }

    // Modules outside the scanned paths are read from disk once, on demand.
    ModuleLoader load = [&](const fs::path& dir) -> const ModuleConfig* {
        if (auto it = modules.find(dir);
            it != modules.end() && (!it->second->files.empty() || !it->second->unread.empty())) {
            return it->second.get();
        }
        ModuleConfig& config = module_for(dir);
        std::error_code ec;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && (name.ends_with(".tf") || name.ends_with(".tf.json"))) {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& path : files) {
            auto source = context.load(path);
            if (!source) {
                config.unread.push_back(path.lexically_relative(context.root).generic_string());
                continue;
            }
            auto file = std::make_shared<TerraformFile>();
            file->id = source->id;
            file->path = source->path;
            file->absolute = path;
            file->syntax = parse_file(source->path, source->content, source->id);
            out.diagnostics.insert(out.diagnostics.end(), file->syntax.diagnostics.begin(),
                                   file->syntax.diagnostics.end());
            config.files.push_back(std::move(file));
        }
        config.index();
        return config.files.empty() && config.unread.empty() ? nullptr : &config;
    };

    // Root modules are evaluated in parallel, each into its own diagnostics and resources, joined
    // in root order afterwards so the result never depends on thread timing. The local modules
    // they call are read first, in a fixed order, so that file numbering is deterministic too;
    // anything still missing is read under a lock.
    std::vector<fs::path> root_dirs;
    for (const fs::path& dir : scanned) {
        if (roots.count(dir)) root_dirs.push_back(dir);
    }
    std::vector<std::map<std::string, fs::path>> installed(root_dirs.size());
    {
        std::set<fs::path> visited;
        std::vector<const ModuleConfig*> pending;
        auto visit = [&](const fs::path& dir) {
            if (!is_within(dir, context.root) || !visited.insert(dir).second) return;
            if (const ModuleConfig* config = load(dir)) pending.push_back(config);
        };
        for (std::size_t r = 0; r < root_dirs.size(); ++r) {
            installed[r] = installed_modules(root_dirs[r], context);
            visit(root_dirs[r]);
            for (const auto& [key, dir] : installed[r])
                visit(dir.lexically_normal());
            while (!pending.empty()) {
                const ModuleConfig* config = pending.back();
                pending.pop_back();
                for (const auto& [name, block] : config->module_calls) {
                    if (auto target = local_call_target(config->dir, *block)) visit(*target);
                }
            }
        }
    }
    std::mutex load_mutex;
    ModuleLoader locked_load = [&](const fs::path& dir) -> const ModuleConfig* {
        const std::lock_guard lock(load_mutex);
        return load(dir);
    };

    std::vector<const ModuleConfig*> root_configs;  // looked up now: load() inserts into `modules`
    for (const fs::path& dir : root_dirs)
        root_configs.push_back(modules.at(dir).get());
    std::vector<std::vector<Diagnostic>> root_diagnostics(root_dirs.size());
    std::vector<std::vector<NativeResource>> root_natives(root_dirs.size());
    std::vector<std::vector<Resource>> root_declarations(root_dirs.size());
    parallel_for(root_dirs.size(), context.threads, [&](std::size_t r) {
        const fs::path& dir = root_dirs[r];
        std::vector<Diagnostic>& diagnostics = root_diagnostics[r];
        const ModuleConfig& config = *root_configs[r];
        diagnostics.insert(diagnostics.end(), config.diagnostics.begin(), config.diagnostics.end());
        // Variable values, lowest precedence first: environment, tfvars files, --var-file, --var.
        std::map<std::string, Value> inputs;
        for (const auto& [name, text] : options_.environment_variables) {
            inputs[name] = raw_variable(text, diagnostics);
        }
        ConstantScope constants;
        for (const auto& tfvars : config.tfvars) {
            ExpressionEvaluator evaluator(constants, diagnostics, dir, context.root);
            for (const hcl::Attribute& attribute : tfvars->syntax.body.attributes) {
                inputs[attribute.name] = evaluator.evaluate(attribute.value);
            }
        }
        auto read_var_file = [&](const std::string& path) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            hcl::File parsed = hcl::parse(text.str(), kNoFile);
            ExpressionEvaluator evaluator(constants, diagnostics, dir, context.root);
            for (const hcl::Attribute& attribute : parsed.body.attributes) {
                inputs[attribute.name] = evaluator.evaluate(attribute.value);
            }
        };
        for (const DirectoryVariables* layer :
             layers_for(options_.directories, config.relative_dir)) {
            for (const std::string& path : layer->var_files)
                read_var_file(path);
            for (const auto& [name, value] : layer->variables)
                inputs[name] = value;
        }
        for (const std::string& path : options_.var_files)
            read_var_file(path);
        for (const auto& [name, text] : options_.variables)
            inputs[name] = raw_variable(text, diagnostics);

        InstanceSettings settings;
        settings.scan_root = context.root;
        settings.root_dir = dir;
        settings.scope =
            "terraform:" + (config.relative_dir.empty() ? std::string(".") : config.relative_dir);
        settings.load = locked_load;
        settings.installed_modules = std::move(installed[r]);
        ModuleInstance root(config, "", "", std::move(inputs), {dir}, settings, diagnostics);
        root.collect(root_natives[r]);
        root.collect_inputs(root_declarations[r]);
    });
    // Evaluated values own their text: nothing needs the syntax trees any more. Releasing them
    // before adapting (the step where natives and their adapted copies coexist) lowers the peak.
    root_configs.clear();
    modules.clear();
    for (LinkInput& input : inputs)
        input.artifact.reset();

    std::vector<NativeResource> natives;
    std::vector<Resource> declarations;  // variable declarations, as input entries
    std::size_t native_count = 0;
    std::size_t declaration_count = 0;
    for (std::size_t r = 0; r < root_dirs.size(); ++r) {
        native_count += root_natives[r].size();
        declaration_count += root_declarations[r].size();
    }
    natives.reserve(native_count);
    declarations.reserve(declaration_count);
    for (std::size_t r = 0; r < root_dirs.size(); ++r) {
        out.diagnostics.insert(out.diagnostics.end(),
                               std::make_move_iterator(root_diagnostics[r].begin()),
                               std::make_move_iterator(root_diagnostics[r].end()));
        natives.insert(natives.end(), std::make_move_iterator(root_natives[r].begin()),
                       std::make_move_iterator(root_natives[r].end()));
        declarations.insert(declarations.end(),
                            std::make_move_iterator(root_declarations[r].begin()),
                            std::make_move_iterator(root_declarations[r].end()));
        std::vector<NativeResource>().swap(root_natives[r]);
        std::vector<Resource>().swap(root_declarations[r]);
    }
    out.resources = adapt_resources(std::move(natives), out.diagnostics, context.threads);
    out.resources.reserve(out.resources.size() + declarations.size());
    for (Resource& declaration : declarations)
        out.resources.push_back(std::move(declaration));
    return out;
}

}  // namespace bulwark::terraform
