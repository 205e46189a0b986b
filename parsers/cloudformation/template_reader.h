#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace bulwark::cloudformation {

// True when the text may be a CloudFormation template: it names AWSTemplateFormatVersion, or
// it has a Resources section with an AWS:: type. Cheap: no parsing.
bool looks_like_template(std::string_view content);

struct TemplateDocument {
    bool recognized = false;    // a template (perhaps a broken one), not YAML/JSON of another kind
    std::optional<Value> root;  // set when recognized and readable
};

// Reads YAML (short-form tags expanded to the long form) or JSON and decides whether it is a
// template. Files of other kinds (Kubernetes manifests, CI files, package.json, ...) are not
// recognized and leave no diagnostics.
TemplateDocument read_template(std::string_view content, FileId file,
                               std::vector<Diagnostic>& diagnostics);

// Reads a YAML or JSON fragment (an AWS::Include snippet): no recognition, diagnostics kept.
std::optional<Value> read_fragment(std::string_view content, FileId file,
                                   std::vector<Diagnostic>& diagnostics);

}  // namespace bulwark::cloudformation
