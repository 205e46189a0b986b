#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "parsers/cdk/source/syntax.h"
#include "parsers/cdk/source/synth.h"

namespace bulwark::cdk {

// One parsed file of a CDK app.
struct SourceModule {
    std::string path;  // relative to the scan root, '/'-separated
    syntax::Module module;
};

struct AppResult {
    std::vector<SynthResource> resources;
    std::vector<Diagnostic> diagnostics;
    SynthStats stats;
};

// Reads the files of one CDK app together, without running anything: evaluates top-level code
// (the app file's `MyStack(app, "Id")`), the stacks and constructs it instantiates, and stack
// classes nothing instantiates (under their class name), and maps every construct call to the
// resources CDK would synthesize. Bounded in depth and steps.
AppResult interpret(const std::vector<const SourceModule*>& modules);

}  // namespace bulwark::cdk
