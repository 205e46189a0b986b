#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "model/value.h"

namespace bulwark::cdk {

// One frame of a construct's creation stack: a source file as the synthesizing machine saw it.
struct CreationFrame {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct ConstructRecord {
    std::string logical_id;                   // for constructs that are CloudFormation elements
    std::optional<CreationFrame> created_at;  // the first frame of the app's own code
};

// What a stack's metadata (the manifest's `metadata` or the `<stack>.metadata.json` file of newer
// CDK versions) says about its constructs, nested stacks included: construct path -> logical ID
// (`aws:cdk:logicalId`) and the creation stack (`aws:cdk:creationStack`, or the `trace` CDK
// records on entries when synthesized with debugging on).
class StackMetadata {
  public:
    // `metadata` maps construct paths ("/Stack/Logs/Resource") to lists of {type, data, trace};
    // entries of any other shape are skipped (the metadata only adds information).
    void add(const Value& metadata);

    // By construct path, without the leading '/'.
    const ConstructRecord* find(std::string_view construct_path) const;

    // Logical ID -> construct path for the resources of one template of the stack (the stack's
    // own, or a nested stack's), for templates synthesized without `aws:cdk:path` metadata.
    std::map<std::string, std::string, std::less<>> paths_in(std::string_view template_file) const;

  private:
    std::map<std::string, ConstructRecord, std::less<>> constructs_;
    // Stack (or nested stack) construct path -> its template file (`aws:cdk:templateFile`).
    std::map<std::string, std::string, std::less<>> templates_;
};

// Reads one rendered frame: "new Stack (/src/app.ts:12:5)", "    at /src/app.js:3:1",
// "<anonymous> (C:\app\bin\app.ts:7:1)", "handler (app.py:20)". nullopt for CDK's summaries
// ("...new Bucket2 in aws-cdk-lib...") and for frames of dependencies or the runtime.
std::optional<CreationFrame> parse_user_frame(std::string_view text);

}  // namespace bulwark::cdk
