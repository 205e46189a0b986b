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

ParsedTemplate parse_cfn(const std::string& text) {
    FrontendOutput output = cloudformation::parse_template(text, 0, "t", {});
    GraphBuilder builder;
    builder.add(std::move(output.resources));
    return ParsedTemplate{std::move(builder).build(), std::move(output.diagnostics)};
}

CliRun run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_cli(args, out, err, false);
    return CliRun{code, out.str(), err.str()};
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace bulwark::test
