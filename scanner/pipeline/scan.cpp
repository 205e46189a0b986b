#include "pipeline/scan.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "rules/builtins/secret_patterns.h"
#include "rules/check_evaluator.h"
#include "util/parallel.h"
#include "util/paths.h"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

bool looks_binary(std::string_view content) {
    return content.substr(0, 8192).find('\0') != std::string_view::npos;
}

struct ParsedFile {
    bool recognized = false;
    std::size_t frontend = 0;
    std::vector<Resource> resources;
    std::vector<Diagnostic> diagnostics;
    std::unique_ptr<Artifact> artifact;
    std::vector<SuppressionComment> comments;
    std::string content;  // kept until the excerpts that reports quote are taken
};

bool read_file(const fs::path& path, std::size_t size, std::string& content) {
    std::ifstream in(path, std::ios::binary);
    content.assign(size, '\0');
    if (!in || !in.read(content.data(), static_cast<std::streamsize>(size))) return false;
    content.resize(static_cast<std::size_t>(in.gcount()));
    return true;
}

ParsedFile read_and_parse(const DiscoveredFile& file, FileId id, const ScanOptions& options,
                          std::span<const std::unique_ptr<Frontend>> frontends) {
    ParsedFile parsed;
    auto report = [&](DiagnosticCode code, DiagnosticSeverity severity, std::string message) {
        parsed.diagnostics.push_back(Diagnostic{id, {}, severity, code, std::move(message)});
    };
    std::error_code ec;
    const auto size = fs::file_size(file.absolute, ec);
    if (ec) {
        if (has_infrastructure_extension(file.relative)) {
            report(DiagnosticCode::UnreadableFile, DiagnosticSeverity::Error,
                   "cannot read the file: " + ec.message());
        }
        return parsed;
    }
    if (size > options.max_file_size) {
        if (has_infrastructure_extension(file.relative)) {
            report(DiagnosticCode::FileTooLarge, DiagnosticSeverity::Warning,
                   "file is " + std::to_string(size) + " bytes, over the limit of " +
                       std::to_string(options.max_file_size) + "; it is not scanned");
        }
        return parsed;
    }
    std::string content;
    if (!read_file(file.absolute, size, content)) {
        report(DiagnosticCode::UnreadableFile, DiagnosticSeverity::Error, "cannot read the file");
        return parsed;
    }
    if (looks_binary(content)) {
        if (has_infrastructure_extension(file.relative)) {
            report(DiagnosticCode::BinaryFile, DiagnosticSeverity::Warning,
                   "binary content (NUL bytes); the file is not scanned");
        }
        return parsed;
    }
    if (may_hold_suppressions(content)) parsed.comments = find_suppression_comments(content);
    SourceFile source{id, file.relative, std::move(content)};
    for (std::size_t f = 0; f < frontends.size(); ++f) {
        const auto& frontend = frontends[f];
        if (!frontend->claims(source.path, source.content)) continue;
        FrontendOutput output = frontend->parse(source);
        if (!output.recognized) continue;
        parsed.recognized = true;
        parsed.frontend = f;
        parsed.artifact = std::move(output.artifact);
        parsed.resources = std::move(output.resources);
        parsed.diagnostics.insert(parsed.diagnostics.end(), output.diagnostics.begin(),
                                  output.diagnostics.end());
        parsed.content = std::move(source.content);
        break;
    }
    return parsed;
}

bool touches(const Value& value, const std::function<bool(FileId)>& reported) {
    if (value.range().valid() && reported(value.range().file)) return true;
    if (value.is_map()) {
        for (const Value::Entry& entry : value.as_map()) {
            if (touches(entry.value, reported)) return true;
        }
    } else if (value.is_list()) {
        for (const Value& item : value.as_list()) {
            if (touches(item, reported)) return true;
        }
    }
    return false;
}

// The resources whose checks may be reported in changed-files mode: those of a reported file,
// those holding a value from one (a variable's default, a folded attached resource), and their
// neighbours (a rule may look one edge away). Checking only these keeps a one-file change in a
// large module fast.
std::vector<bool> reportable_resources(const Graph& graph,
                                       const std::function<bool(FileId)>& reported) {
    const auto& resources = graph.entries();
    std::vector<bool> direct(resources.size(), false);
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Resource& resource = resources[i];
        direct[i] = reported(resource.file) || touches(resource.properties, reported) ||
                    touches(resource.attributes, reported);
    }
    std::vector<bool> reportable = direct;
    for (const Edge& edge : graph.edges()) {
        if (direct[edge.from]) reportable[edge.to] = true;
        if (direct[edge.to]) reportable[edge.from] = true;
    }
    return reportable;
}

// Drops from `wanted` the lines of every string value in the graph that looks like a secret
// under its key (a password property fed by a variable's default, a token in an environment
// map): whatever rules ran, reports never quote them. Only values on wanted lines are judged.
void drop_secret_lines(const Value& value, std::string_view key,
                       std::map<FileId, std::set<std::uint32_t>>& wanted) {
    if (value.is_string()) {
        const SourceRange& range = value.range();
        if (!range.valid()) return;
        auto file = wanted.find(range.file);
        if (file == wanted.end()) return;
        std::set<std::uint32_t>& lines = file->second;
        const std::uint32_t last = std::max(range.end.line, range.begin.line);
        auto first_wanted = lines.lower_bound(range.begin.line);
        if (first_wanted == lines.end() || *first_wanted > last) return;
        if (!secrets::find_named(key, value.as_string())) return;
        lines.erase(first_wanted, lines.upper_bound(last));
    } else if (value.is_list()) {
        for (const Value& item : value.as_list())
            drop_secret_lines(item, key, wanted);
    } else if (value.is_map()) {
        for (const Value::Entry& entry : value.as_map())
            drop_secret_lines(entry.value, entry.key, wanted);
    }
}

// Keeps the lines that findings and diagnostics point at, so reports can quote them.
void take_excerpts(ScanResult& result, const std::vector<std::string>& contents,
                   std::uint32_t max_lines) {
    std::map<FileId, std::set<std::uint32_t>> wanted;
    for (const Finding& finding : result.findings) {
        const SourceRange& range = finding.range;
        if (!range.valid()) continue;
        const std::uint32_t last =
            std::min(std::max(range.end.line, range.begin.line), range.begin.line + max_lines - 1);
        for (std::uint32_t line = range.begin.line; line <= last; ++line)
            wanted[range.file].insert(line);
    }
    for (const Diagnostic& diagnostic : result.diagnostics) {
        if (diagnostic.file != kNoFile && diagnostic.position.line != 0)
            wanted[diagnostic.file].insert(diagnostic.position.line);
    }
    // A line that holds a detected secret is never quoted, by any report, whatever else points
    // at it.
    for (const Finding& finding : result.findings) {
        const SourceRange& range = finding.range;
        if (!finding.sensitive || !range.valid()) continue;
        auto& lines = wanted[range.file];
        for (std::uint32_t line = range.begin.line;
             line <= std::max(range.end.line, range.begin.line); ++line) {
            lines.erase(line);
        }
    }
    for (const Resource& resource : result.graph.resources())
        drop_secret_lines(resource.properties, {}, wanted);
    // An input's default is judged under the input's name (a DbPassword parameter's Default).
    for (const Resource& input : result.graph.inputs()) {
        const Value* name = input.attributes.find("Name");
        std::string_view key;
        if (name != nullptr && name->is_string()) key = name->as_string();
        if (!input.properties.is_map()) continue;
        for (const Value::Entry& entry : input.properties.as_map())
            drop_secret_lines(entry.value,
                              entry.key == "Default" || entry.key == "default" ? key : entry.key,
                              wanted);
    }
    for (const auto& [file, lines] : wanted) {
        if (file >= contents.size() || contents[file].empty()) continue;
        const std::string_view text = contents[file];
        std::uint32_t number = 1;
        std::size_t start = 0;
        auto next = lines.begin();
        while (next != lines.end() && start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            if (number == *next) {
                std::string_view line = text.substr(start, end - start);
                if (line.ends_with('\r')) line.remove_suffix(1);
                // Whatever rules ran, a line that looks like it holds a secret is not kept.
                if (!secrets::may_hold_secret(line)) {
                    result.excerpts.add(file, number, std::string(line));
                }
                ++next;
            }
            if (end == text.size()) break;
            start = end + 1;
            ++number;
        }
    }
}

}  // namespace

const std::string& ScanResult::path_of(FileId file) const {
    static const std::string kNone;
    return file < files.size() ? files[file] : kNone;
}

ScanResult scan(const ScanOptions& options, std::span<const std::unique_ptr<Frontend>> frontends) {
    ScanResult result;
    result.root = options.discovery.root;
    DiscoveryResult discovered = discover(options.discovery);
    if (options.shard.count > 1) {
        const std::vector<bool> in = files_in_shard(discovered.files, options.discovery.root,
                                                    options.shard, account_markers(options.rules));
        std::vector<DiscoveredFile> kept;
        for (std::size_t i = 0; i < discovered.files.size(); ++i)
            if (in[i]) kept.push_back(std::move(discovered.files[i]));
        discovered.files = std::move(kept);
    }
    for (const std::string& error : discovered.errors) {
        result.diagnostics.push_back(Diagnostic{
            kNoFile, {}, DiagnosticSeverity::Error, DiagnosticCode::UnreadableFile, error});
    }
    // Changed-files mode: the context of named files is read, but only the named files are
    // reported. A file read later (a module outside the scanned paths) is context too.
    std::vector<bool> reported;
    for (const DiscoveredFile& file : discovered.files) {
        result.files.push_back(file.relative);
        reported.push_back(!file.context);
    }
    const bool everything_reported =
        std::find(reported.begin(), reported.end(), false) == reported.end();
    auto is_reported = [&](FileId file) {
        return file < reported.size() ? bool(reported[file]) : everything_reported;
    };
    for (const DiscoveredFile& link : discovered.refused_links) {
        if (!has_infrastructure_extension(link.relative)) continue;
        result.diagnostics.push_back(
            Diagnostic{static_cast<FileId>(result.files.size()),
                       {},
                       DiagnosticSeverity::Warning,
                       DiagnosticCode::UnreadableFile,
                       "a symbolic link that leads outside the scan root; not read"});
        result.files.push_back(link.relative);
    }
    // The configuration file, when it declares suppressions: diagnostics and suppressed
    // findings point at its entries, so it has a place in the file table (it is not scanned).
    FileId config_file = kNoFile;
    if (!options.suppressions.scoped.empty()) {
        config_file = static_cast<FileId>(result.files.size());
        result.files.push_back(options.suppressions.scoped_file);
        result.config_file = config_file;
    }
    if (options.progress) {
        options.progress->files_total = discovered.files.size();
        options.progress->rules_total = options.rules.size();
    }

    // Parse every file once, in parallel; results land in their file's slot, so the order of the
    // graph does not depend on thread timing.
    std::vector<ParsedFile> parsed(discovered.files.size());
    parallel_for(discovered.files.size(), options.threads, [&](std::size_t i) {
        parsed[i] = read_and_parse(discovered.files[i], static_cast<FileId>(i), options, frontends);
        if (options.progress) ++options.progress->files_read;
    });

    GraphBuilder builder;
    std::vector<std::vector<LinkInput>> link_inputs(frontends.size());
    std::vector<std::vector<SuppressionComment>> comments(result.files.size());
    std::vector<std::string> contents(result.files.size());  // FileId -> text, for excerpts
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        ParsedFile& file = parsed[i];
        if (file.recognized) comments[i] = std::move(file.comments);
        if (file.recognized && reported[i]) ++result.counts.files;
        contents[i] = std::move(file.content);
        builder.add(std::move(file.resources));
        result.diagnostics.insert(result.diagnostics.end(), file.diagnostics.begin(),
                                  file.diagnostics.end());
        if (file.artifact) {
            link_inputs[file.frontend].push_back(
                LinkInput{static_cast<FileId>(i), discovered.files[i].relative,
                          discovered.files[i].absolute, std::move(file.artifact)});
        }
    }
    // Link what spans files. A file read only now (a module outside the scanned paths) joins the
    // file table, so findings in it have a path like any other.
    fs::path root = fs::absolute(options.discovery.root).lexically_normal();
    if (root.filename().empty() && root.has_parent_path()) root = root.parent_path();  // "dir/"
    LinkContext context;
    context.root = root;
    context.threads = options.threads;
    std::error_code root_ec;
    const fs::path real_root = fs::weakly_canonical(root, root_ec);
    context.load = [&](const fs::path& path) -> std::optional<SourceFile> {
        std::error_code ec;
        const fs::path absolute = fs::weakly_canonical(path, ec);
        // Front-ends check the paths they name; this is the last line: nothing outside the scan
        // root is read, whatever symbolic links lead there.
        if (ec || root_ec || !is_within(absolute, real_root)) return std::nullopt;
        const auto size = fs::file_size(absolute, ec);
        if (ec || size > options.max_file_size) return std::nullopt;
        std::string content;
        if (!read_file(absolute, size, content) || looks_binary(content)) return std::nullopt;
        std::string relative = absolute.lexically_relative(real_root).generic_string();
        for (FileId id = 0; id < result.files.size(); ++id) {
            if (result.files[id] == relative) {
                if (contents[id].empty()) contents[id] = content;
                return SourceFile{id, relative, std::move(content)};
            }
        }
        result.files.push_back(relative);
        comments.resize(result.files.size());
        if (may_hold_suppressions(content)) comments.back() = find_suppression_comments(content);
        contents.push_back(content);
        return SourceFile{static_cast<FileId>(result.files.size() - 1), relative,
                          std::move(content)};
    };
    for (std::size_t f = 0; f < frontends.size(); ++f) {
        if (link_inputs[f].empty()) continue;
        FrontendOutput linked = frontends[f]->link(link_inputs[f], context);
        // What a front-end kept between parsing and linking (syntax trees) is needed no more.
        std::vector<LinkInput>().swap(link_inputs[f]);
        builder.add(std::move(linked.resources));
        result.diagnostics.insert(result.diagnostics.end(), linked.diagnostics.begin(),
                                  linked.diagnostics.end());
    }
    result.graph = std::move(builder).build();
    result.rules = options.rules;
    const std::vector<bool> reportable =
        everything_reported ? std::vector<bool>(result.graph.entries().size(), true)
                            : reportable_resources(result.graph, is_reported);

    // Evaluate the rules in parallel over the immutable graph.
    const CheckEvaluator evaluator(result.graph, discovered.partial);
    struct RuleResults {
        std::vector<Finding> findings;
        std::vector<CheckRecord> checks;
        ScanCounts counts;
    };
    std::vector<RuleResults> per_rule(result.rules.size());
    parallel_for(result.rules.size(), options.threads, [&](std::size_t r) {
        const Rule& rule = *result.rules[r];
        RuleResults& out = per_rule[r];
        std::vector<ResourceIndex> targets;
        for (const std::string& type : rule.resource_types) {
            for (ResourceIndex index : result.graph.of_type(type))
                targets.push_back(index);
        }
        std::sort(targets.begin(), targets.end());
        targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
        for (ResourceIndex index : targets) {
            if (!reportable[index]) continue;
            const Resource& resource = result.graph.resource(index);
            const bool resource_reported = is_reported(resource.file);
            const Tri applies = rule.when ? evaluator.evaluate(*rule.when, index).value : Tri::True;
            if (applies == Tri::False) {
                if (resource_reported) ++out.counts.not_applicable;
                continue;
            }
            Outcome outcome = evaluator.evaluate(rule.check, index);
            // A check of a context resource counts only when its offending value lies in a
            // reported file (an attached resource folded into its owner, say).
            if (!resource_reported &&
                (outcome.value != Tri::False || !outcome.evidence || !outcome.evidence->valid() ||
                 !is_reported(outcome.evidence->file))) {
                continue;
            }
            // When applicability itself is undecided, only a pass is certain.
            if (applies == Tri::Unknown && outcome.value == Tri::False)
                outcome.value = Tri::Unknown;
            ++out.counts.checks;
            const CheckStatus status = outcome.value == Tri::True      ? CheckStatus::Passed
                                       : outcome.value == Tri::Unknown ? CheckStatus::Undecided
                                                                       : CheckStatus::Failed;
            out.checks.push_back(CheckRecord{static_cast<std::uint32_t>(r), index, status});
            if (outcome.value == Tri::True) {
                ++out.counts.passed;
            } else if (outcome.value == Tri::Unknown) {
                ++out.counts.undecided;
            } else {
                ++out.counts.failed;
                Finding finding;
                finding.rule_id = rule.id;
                finding.severity = rule.severity;
                finding.sensitive = rule.sensitive;
                finding.resource = index;
                finding.range = outcome.evidence && outcome.evidence->valid() ? *outcome.evidence
                                                                              : resource.range;
                finding.message = rule.message;
                finding.detail = outcome.detail;
                finding.fingerprint = finding_fingerprint(
                    rule.id, resource.address, result.path_of(resource.file), resource.scope);
                out.findings.push_back(std::move(finding));
            }
        }
        if (options.progress) ++options.progress->rules_done;
    });
    for (RuleResults& rule_results : per_rule) {
        result.counts.checks += rule_results.counts.checks;
        result.counts.passed += rule_results.counts.passed;
        result.counts.failed += rule_results.counts.failed;
        result.counts.undecided += rule_results.counts.undecided;
        result.counts.not_applicable += rule_results.counts.not_applicable;
        for (Finding& finding : rule_results.findings)
            result.findings.push_back(std::move(finding));
        result.checks.insert(result.checks.end(), rule_results.checks.begin(),
                             rule_results.checks.end());
    }

    // Accepted risks: the findings stay, marked with who accepted them and why.
    SuppressionInput suppression_input{
        result.graph, comments, result.rules,
        options.known_rules.empty() ? result.rules : options.known_rules};
    suppression_input.scoped_file = config_file;
    suppression_input.paths = result.files;
    // An entry that matched nothing is stale only when every scanned file is reported; a
    // changed-files scan does not see the resources the entry may be about.
    suppression_input.judge_scoped_stale =
        options.suppressions.judge_scoped_stale && everything_reported;
    std::vector<Diagnostic> suppression_problems =
        apply_suppressions(result.findings, suppression_input, options.suppressions);
    result.diagnostics.insert(result.diagnostics.end(), suppression_problems.begin(),
                              suppression_problems.end());
    for (const Finding& finding : result.findings) {
        if (finding.status == FindingStatus::Suppressed) {
            ++result.counts.suppressed;
            --result.counts.failed;
        }
    }

    if (!everything_reported) {
        std::erase_if(result.diagnostics, [&](const Diagnostic& diagnostic) {
            return diagnostic.file != kNoFile && diagnostic.file != config_file &&
                   !is_reported(diagnostic.file);
        });
    }

    auto finding_key = [&](const Finding& f) {
        const Resource& resource = result.graph.resource(f.resource);
        // The fingerprint last, so that no two findings tie (the same module resource reached
        // from two roots) and the order never depends on how the work was split.
        return std::make_tuple(std::cref(result.path_of(f.range.file)), f.range.begin.line,
                               std::cref(f.rule_id), std::cref(resource.address),
                               f.range.begin.column, std::cref(f.fingerprint));
    };
    std::sort(result.findings.begin(), result.findings.end(),
              [&](const Finding& a, const Finding& b) { return finding_key(a) < finding_key(b); });
    auto diagnostic_key = [&](const Diagnostic& d) {
        return std::make_tuple(std::cref(result.path_of(d.file)), d.position.line,
                               d.position.column, std::cref(d.message), to_string(d.severity),
                               to_string(d.code));  // names, as `bulwark merge` sees them
    };
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) {
                         return diagnostic_key(a) < diagnostic_key(b);
                     });
    take_excerpts(result, contents, std::max<std::uint32_t>(options.max_excerpt_lines, 1));
    return result;
}

}  // namespace bulwark
