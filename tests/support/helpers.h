#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/graph.h"
#include "parsers/cloudformation/template_evaluator.h"
#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"

namespace bulwark::test {

// The repository root (tests run there).
std::filesystem::path source_dir();

// A fresh temporary directory, removed when the object goes out of scope.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to `relative` (creating folders) and returns its full path.
    std::filesystem::path write(const std::string& relative, const std::string& content) const;

  private:
    std::filesystem::path path_;
};

// Parses one CloudFormation template (file id 0, scope "t") into a graph.
struct ParsedTemplate {
    Graph graph;
    std::vector<Diagnostic> diagnostics;
    const Resource* find(const std::string& address) const;
    ResourceIndex index_of(const std::string& address) const;
};
ParsedTemplate parse_cfn(const std::string& text,
                         const cloudformation::TemplateOptions& options = {});

struct CliRun {
    int exit_code = 0;
    std::string out;
    std::string err;
};
CliRun run(const std::vector<std::string>& args);

std::string read_text(const std::filesystem::path& path);

// Scans `dir` (also the scan root) with the Terraform front-end only, no rules, one thread.
ScanResult scan_terraform_dir(const std::filesystem::path& dir, const std::string& path = "",
                              terraform::TerraformOptions options = {});
// Scans `dir` (also the scan root) with the CloudFormation front-end only, no rules, one thread.
ScanResult scan_cloudformation_dir(const std::filesystem::path& dir, const std::string& path = "",
                                   cloudformation::TemplateOptions options = {});
const Resource* find_resource(const ScanResult& result, std::string_view address);
// A property by path: keys separated by dots; list elements by a numeric segment ("Rules.0.Id")
// or an index ("Rules[0].Id").
const Value* value_at(const Value& root, std::string_view path);

}  // namespace bulwark::test
