#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bulwark {

// The local module sources a Terraform file names (`source = "./x"`, `"source": "../y"` in
// .tf.json), as written. A textual scan, for grouping files before anything is parsed: a false
// match only adds a folder to the group.
std::vector<std::string> local_module_sources(std::string_view text);

}  // namespace bulwark
