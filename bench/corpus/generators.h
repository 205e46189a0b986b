#pragma once

#include <cstddef>

#include "support.h"

namespace corpus {

// Writes exactly `files` files of Terraform under terraform/<project>/: root modules in
// envs/<stage>/ that call the project's local child modules in modules/<name>/.
FormatStats generate_terraform(Writer& writer, Rng rng, std::size_t files);

// Writes exactly `files` CloudFormation templates of 20 to 200 resources: YAML with short-form
// tags under cloudformation/, or JSON, about a third of it as `cdk synth` writes it under
// cdk/<service>/cdk.out/.
FormatStats generate_cloudformation(Writer& writer, Rng rng, std::size_t files, bool json);

}  // namespace corpus
