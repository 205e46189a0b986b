#include "support/helpers.h"

#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>

#include "cli/cli.h"
#include "parsers/cloudformation/cloudformation_frontend.h"

namespace bulwark::test {

std::filesystem::path source_dir() {
    return BULWARK_SOURCE_DIR;
}

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("bulwark-test-" + std::to_string(random()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(const std::string& relative,
                                     const std::string& content) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
}

const Resource* ParsedTemplate::find(const std::string& address) const {
    auto index = graph.find("t", address);
    return index ? &graph.resource(*index) : nullptr;
}

ResourceIndex ParsedTemplate::index_of(const std::string& address) const {
    auto index = graph.find("t", address);
    REQUIRE_MESSAGE(index.has_value(), "no resource " << address);
    return *index;
}

ParsedTemplate parse_cfn(const std::string& text, const cloudformation::TemplateOptions& options) {
    FrontendOutput output = cloudformation::parse_template(text, 0, "t", options);
    GraphBuilder builder;
    builder.add(std::move(output.resources));
    return ParsedTemplate{std::move(builder).build(), std::move(output.diagnostics)};
}

CliRun run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_cli(args, out, err);
    return CliRun{code, out.str(), err.str()};
}

ScanResult scan_terraform_dir(const std::filesystem::path& dir, const std::string& path,
                              terraform::TerraformOptions options) {
    ScanOptions scan_options;
    scan_options.discovery.paths = {dir / path};
    scan_options.discovery.root = dir;
    scan_options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(std::make_unique<terraform::TerraformFrontend>(std::move(options)));
    return scan(scan_options, frontends);
}

ScanResult scan_cloudformation_dir(const std::filesystem::path& dir, const std::string& path,
                                   cloudformation::TemplateOptions options) {
    ScanOptions scan_options;
    scan_options.discovery.paths = {dir / path};
    scan_options.discovery.root = dir;
    scan_options.threads = 1;
    std::vector<std::unique_ptr<Frontend>> frontends;
    frontends.push_back(
        std::make_unique<cloudformation::CloudFormationFrontend>(std::move(options)));
    return scan(scan_options, frontends);
}

const Resource* find_resource(const ScanResult& result, std::string_view address) {
    for (const Resource& resource : result.graph.resources()) {
        if (resource.address == address) return &resource;
    }
    return nullptr;
}

const Value* value_at(const Value& root, std::string_view path) {
    const Value* current = &root;
    auto index_into = [&](std::string_view digits) {
        std::size_t index = 0;
        for (char digit : digits)
            index = index * 10 + static_cast<std::size_t>(digit - '0');
        current = current->is_list() && index < current->as_list().size()
                      ? &current->as_list()[index]
                      : nullptr;
    };
    while (!path.empty() && current != nullptr) {
        const std::size_t dot = path.find('.');
        std::string_view step = path.substr(0, dot);
        path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
        if (current->is_list() && !step.empty() &&
            step.find_first_not_of("0123456789") == std::string_view::npos) {
            index_into(step);
            continue;
        }
        const std::size_t bracket = step.find('[');
        current = current->find(step.substr(0, bracket));
        std::string_view indices = bracket == std::string_view::npos ? "" : step.substr(bracket);
        while (current != nullptr && !indices.empty()) {  // "[0][1]"
            const std::size_t close = indices.find(']');
            index_into(indices.substr(1, close - 1));
            indices = indices.substr(close + 1);
        }
    }
    return current;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace bulwark::test
