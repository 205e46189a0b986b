#pragma once

#include <filesystem>
#include <vector>

namespace bulwark {

// The files Bulwark reads to evaluate a named file correctly, although it reports only on the
// named file (changed-files mode, as a pre-commit hook passes staged files):
// - Terraform (.tf, .tf.json, .tfvars): the configuration files and automatic variable files of
//   its module folder, and those of every folder above it (up to `root`) whose configuration
//   calls that folder as a local module, so the module is evaluated with its caller's inputs.
//   Modules it calls are read on demand by the Terraform front-end itself.
// - A file of a CDK cloud assembly (cdk.out): the assembly's JSON files (manifest, templates).
// - CDK source (.py, .ts): every .py / .ts file of the app (the folder of the nearest cdk.json).
// - CloudFormation: nothing more (nested stacks it names are read on demand).
// `file` and `root` are absolute and normal; the result excludes `file`, holds only files
// under `root` and never enters skipped directories (see is_skipped_directory).
std::vector<std::filesystem::path> context_files(const std::filesystem::path& file,
                                                 const std::filesystem::path& root);

}  // namespace bulwark
