// The name table: every built-in function Bulwark evaluates, sorted by name.
//
// Terraform built-ins that are not here (the evaluator gives Unknown for them): try, can and
// templatefile (evaluator-side: they need unevaluated expressions or the template engine);
// templatestring, formatdate, timeadd, timecmp, textencodebase64, textdecodebase64,
// base64gzip, rsadecrypt, issensitive, ephemeralasnull, type and provider-defined functions.

#include <algorithm>
#include <array>

#include "parsers/terraform/functions/builtins.h"
#include "parsers/terraform/functions/functions.h"

namespace bulwark::terraform {
namespace {

using namespace builtin;

struct Entry {
    std::string_view name;
    Function function;
};

constexpr Entry kFunctions[] = {
    {"abs", fn_abs},
    {"abspath", fn_abspath},
    {"alltrue", fn_alltrue},
    {"anytrue", fn_anytrue},
    {"base64decode", fn_base64decode},
    {"base64encode", fn_base64encode},
    {"base64sha256", fn_base64sha256},
    {"base64sha512", fn_base64sha512},
    {"basename", fn_basename},
    {"bcrypt", fn_bcrypt},
    {"ceil", fn_ceil},
    {"chomp", fn_chomp},
    {"chunklist", fn_chunklist},
    {"cidrhost", fn_cidrhost},
    {"cidrnetmask", fn_cidrnetmask},
    {"cidrsubnet", fn_cidrsubnet},
    {"cidrsubnets", fn_cidrsubnets},
    {"coalesce", fn_coalesce},
    {"coalescelist", fn_coalescelist},
    {"compact", fn_compact},
    {"concat", fn_concat},
    {"contains", fn_contains},
    {"csvdecode", fn_csvdecode},
    {"dirname", fn_dirname},
    {"distinct", fn_distinct},
    {"element", fn_element},
    {"endswith", fn_endswith},
    {"file", fn_file},
    {"filebase64", fn_filebase64},
    {"filebase64sha256", fn_filebase64sha256},
    {"filebase64sha512", fn_filebase64sha512},
    {"fileexists", fn_fileexists},
    {"filemd5", fn_filemd5},
    {"fileset", fn_fileset},
    {"filesha1", fn_filesha1},
    {"filesha256", fn_filesha256},
    {"filesha512", fn_filesha512},
    {"flatten", fn_flatten},
    {"floor", fn_floor},
    {"format", fn_format},
    {"formatlist", fn_formatlist},
    {"indent", fn_indent},
    {"index", fn_index},
    {"join", fn_join},
    {"jsondecode", fn_jsondecode},
    {"jsonencode", fn_jsonencode},
    {"keys", fn_keys},
    {"length", fn_length},
    {"log", fn_log},
    {"lookup", fn_lookup},
    {"lower", fn_lower},
    {"matchkeys", fn_matchkeys},
    {"max", fn_max},
    {"md5", fn_md5},
    {"merge", fn_merge},
    {"min", fn_min},
    {"nonsensitive", fn_nonsensitive},
    {"one", fn_one},
    {"parseint", fn_parseint},
    {"pathexpand", fn_pathexpand},
    {"plantimestamp", fn_plantimestamp},
    {"pow", fn_pow},
    {"range", fn_range},
    {"regex", fn_regex},
    {"regexall", fn_regexall},
    {"replace", fn_replace},
    {"reverse", fn_reverse},
    {"sensitive", fn_sensitive},
    {"setintersection", fn_setintersection},
    {"setproduct", fn_setproduct},
    {"setsubtract", fn_setsubtract},
    {"setunion", fn_setunion},
    {"sha1", fn_sha1},
    {"sha256", fn_sha256},
    {"sha512", fn_sha512},
    {"signum", fn_signum},
    {"slice", fn_slice},
    {"sort", fn_sort},
    {"split", fn_split},
    {"startswith", fn_startswith},
    {"strcontains", fn_strcontains},
    {"strrev", fn_strrev},
    {"substr", fn_substr},
    {"sum", fn_sum},
    {"timestamp", fn_timestamp},
    {"title", fn_title},
    {"tobool", fn_tobool},
    {"tolist", fn_tolist},
    {"tomap", fn_tomap},
    {"tonumber", fn_tonumber},
    {"toset", fn_toset},
    {"tostring", fn_tostring},
    {"transpose", fn_transpose},
    {"trim", fn_trim},
    {"trimprefix", fn_trimprefix},
    {"trimspace", fn_trimspace},
    {"trimsuffix", fn_trimsuffix},
    {"upper", fn_upper},
    {"urlencode", fn_urlencode},
    {"uuid", fn_uuid},
    {"uuidv5", fn_uuidv5},
    {"values", fn_values},
    {"yamldecode", fn_yamldecode},
    {"yamlencode", fn_yamlencode},
    {"zipmap", fn_zipmap},
};

constexpr bool sorted_and_unique() {
    for (std::size_t i = 1; i < std::size(kFunctions); ++i) {
        if (!(kFunctions[i - 1].name < kFunctions[i].name)) return false;
    }
    return true;
}
static_assert(sorted_and_unique(), "kFunctions must be sorted by name, without duplicates");

}  // namespace

Function find_function(std::string_view name) {
    const auto* end = std::end(kFunctions);
    const auto* found = std::lower_bound(
        std::begin(kFunctions), end, name,
        [](const Entry& entry, std::string_view wanted) { return entry.name < wanted; });
    if (found == end || found->name != name) return nullptr;
    return found->function;
}

std::vector<std::string_view> function_names() {
    std::vector<std::string_view> names;
    names.reserve(std::size(kFunctions));
    for (const Entry& entry : kFunctions)
        names.push_back(entry.name);
    return names;
}

}  // namespace bulwark::terraform
