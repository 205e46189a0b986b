#pragma once

// Each family of built-in checks lives in its own file and adds its entries here.

#include <vector>

#include "rules/builtins.h"

namespace bulwark {

void add_network_builtins(std::vector<Builtin>& out);
void add_transport_policy_builtins(std::vector<Builtin>& out);
void add_secret_builtins(std::vector<Builtin>& out);

}  // namespace bulwark
