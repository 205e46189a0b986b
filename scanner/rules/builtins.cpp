#include "rules/builtins.h"

#include <vector>

#include "rules/builtins/families.h"

namespace bulwark {
namespace {

std::vector<Builtin> collect_builtins() {
    std::vector<Builtin> all;
    add_iam_policy_builtins(all);
    add_network_builtins(all);
    add_transport_policy_builtins(all);
    add_upload_encryption_policy_builtins(all);
    add_network_acl_builtins(all);
    add_trail_alarm_builtins(all);
    add_trail_data_event_builtins(all);
    add_tag_builtins(all);
    add_scan_query_builtins(all);
    add_rule_option_builtins(all);
    add_presence_builtins(all);
    add_secret_builtins(all);
    return all;
}

}  // namespace

std::span<const Builtin> builtins() {
    static const std::vector<Builtin> kBuiltins = collect_builtins();
    return kBuiltins;
}

const Builtin* find_builtin(std::string_view name) {
    for (const Builtin& builtin : builtins()) {
        if (builtin.name == name) return &builtin;
    }
    return nullptr;
}

}  // namespace bulwark
