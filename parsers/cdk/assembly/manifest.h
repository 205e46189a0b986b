#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace bulwark::cdk {

// A stack of a cloud assembly (artifact type `aws:cloudformation:stack`).
struct StackArtifact {
    std::string id;             // artifact ID, e.g. ProdData90A795AA
    std::string display_name;   // e.g. Prod/Data; the ID when absent
    std::string template_file;  // relative to the manifest's directory
    SourceRange template_at;    // where the manifest names it
    std::string metadata_file;  // `additionalMetadataFile` (CDK >= 2.170ish), or empty
    SourceRange metadata_at;
    Value metadata;  // inline `metadata` (older CDK): construct path -> entries; null when absent
};

// A nested cloud assembly (artifact type `cdk:cloud-assembly`): what a CDK Stage synthesizes to.
struct NestedAssembly {
    std::string id;
    std::string directory;  // relative to the manifest's directory
    SourceRange at;
};

struct Manifest {
    std::vector<StackArtifact> stacks;
    std::vector<NestedAssembly> assemblies;
};

struct ManifestRead {
    bool recognized = false;  // the file is a cloud assembly manifest (possibly a broken one)
    Manifest manifest;
    std::vector<Diagnostic> diagnostics;
};

// Cheap test on the text of a file named manifest.json.
bool looks_like_manifest(std::string_view content);

// Reads `manifest.json`. Asset manifests, trees and other artifact types are ignored; artifacts
// of a known type with the wrong shape are reported with their position.
ManifestRead read_manifest(std::string_view content, FileId file);

}  // namespace bulwark::cdk
