#pragma once

// Each family of built-in checks lives in its own file and adds its entries here.

#include <vector>

#include "rules/builtins.h"

namespace bulwark {

void add_iam_policy_builtins(std::vector<Builtin>& out);
void add_network_builtins(std::vector<Builtin>& out);
void add_transport_policy_builtins(std::vector<Builtin>& out);
void add_upload_encryption_policy_builtins(std::vector<Builtin>& out);
void add_network_acl_builtins(std::vector<Builtin>& out);
void add_trail_alarm_builtins(std::vector<Builtin>& out);
void add_trail_data_event_builtins(std::vector<Builtin>& out);
void add_tag_builtins(std::vector<Builtin>& out);
void add_scan_query_builtins(std::vector<Builtin>& out);
void add_rule_option_builtins(std::vector<Builtin>& out);
void add_presence_builtins(std::vector<Builtin>& out);
void add_secret_builtins(std::vector<Builtin>& out);

}  // namespace bulwark
