#pragma once

// Every built-in function, by family (one .cpp per family), for the name table in
// registry.cpp, plus the few helpers one family lends another.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/terraform/functions/function_support.h"
#include "parsers/terraform/functions/functions.h"

namespace bulwark::terraform::builtin {

#define BULWARK_TF_FUNCTION(name) Value name(std::vector<Value>& args, FunctionContext& context)

// collection.cpp: lists and tuples
BULWARK_TF_FUNCTION(fn_alltrue);
BULWARK_TF_FUNCTION(fn_anytrue);
BULWARK_TF_FUNCTION(fn_chunklist);
BULWARK_TF_FUNCTION(fn_coalesce);
BULWARK_TF_FUNCTION(fn_coalescelist);
BULWARK_TF_FUNCTION(fn_compact);
BULWARK_TF_FUNCTION(fn_concat);
BULWARK_TF_FUNCTION(fn_contains);
BULWARK_TF_FUNCTION(fn_element);
BULWARK_TF_FUNCTION(fn_flatten);
BULWARK_TF_FUNCTION(fn_index);
BULWARK_TF_FUNCTION(fn_length);
BULWARK_TF_FUNCTION(fn_one);
BULWARK_TF_FUNCTION(fn_range);
BULWARK_TF_FUNCTION(fn_reverse);
BULWARK_TF_FUNCTION(fn_slice);
BULWARK_TF_FUNCTION(fn_sort);
BULWARK_TF_FUNCTION(fn_sum);

// map.cpp: maps and objects
BULWARK_TF_FUNCTION(fn_keys);
BULWARK_TF_FUNCTION(fn_lookup);
BULWARK_TF_FUNCTION(fn_matchkeys);
BULWARK_TF_FUNCTION(fn_merge);
BULWARK_TF_FUNCTION(fn_transpose);
BULWARK_TF_FUNCTION(fn_values);
BULWARK_TF_FUNCTION(fn_zipmap);

// set.cpp: sets
BULWARK_TF_FUNCTION(fn_distinct);
BULWARK_TF_FUNCTION(fn_setintersection);
BULWARK_TF_FUNCTION(fn_setproduct);
BULWARK_TF_FUNCTION(fn_setsubtract);
BULWARK_TF_FUNCTION(fn_setunion);

// string.cpp
BULWARK_TF_FUNCTION(fn_chomp);
BULWARK_TF_FUNCTION(fn_endswith);
BULWARK_TF_FUNCTION(fn_indent);
BULWARK_TF_FUNCTION(fn_join);
BULWARK_TF_FUNCTION(fn_lower);
BULWARK_TF_FUNCTION(fn_split);
BULWARK_TF_FUNCTION(fn_startswith);
BULWARK_TF_FUNCTION(fn_strcontains);
BULWARK_TF_FUNCTION(fn_strrev);
BULWARK_TF_FUNCTION(fn_substr);
BULWARK_TF_FUNCTION(fn_title);
BULWARK_TF_FUNCTION(fn_trim);
BULWARK_TF_FUNCTION(fn_trimprefix);
BULWARK_TF_FUNCTION(fn_trimspace);
BULWARK_TF_FUNCTION(fn_trimsuffix);
BULWARK_TF_FUNCTION(fn_upper);

// format.cpp
BULWARK_TF_FUNCTION(fn_format);
BULWARK_TF_FUNCTION(fn_formatlist);

// regex.cpp: RE2-backed
BULWARK_TF_FUNCTION(fn_regex);
BULWARK_TF_FUNCTION(fn_regexall);
BULWARK_TF_FUNCTION(fn_replace);

// numeric.cpp
BULWARK_TF_FUNCTION(fn_abs);
BULWARK_TF_FUNCTION(fn_ceil);
BULWARK_TF_FUNCTION(fn_floor);
BULWARK_TF_FUNCTION(fn_log);
BULWARK_TF_FUNCTION(fn_max);
BULWARK_TF_FUNCTION(fn_min);
BULWARK_TF_FUNCTION(fn_parseint);
BULWARK_TF_FUNCTION(fn_pow);
BULWARK_TF_FUNCTION(fn_signum);

// type_conversion.cpp
BULWARK_TF_FUNCTION(fn_nonsensitive);
BULWARK_TF_FUNCTION(fn_sensitive);
BULWARK_TF_FUNCTION(fn_tobool);
BULWARK_TF_FUNCTION(fn_tolist);
BULWARK_TF_FUNCTION(fn_tomap);
BULWARK_TF_FUNCTION(fn_tonumber);
BULWARK_TF_FUNCTION(fn_toset);
BULWARK_TF_FUNCTION(fn_tostring);

// json.cpp
BULWARK_TF_FUNCTION(fn_jsondecode);
BULWARK_TF_FUNCTION(fn_jsonencode);

// encoding.cpp
BULWARK_TF_FUNCTION(fn_base64decode);
BULWARK_TF_FUNCTION(fn_base64encode);
BULWARK_TF_FUNCTION(fn_csvdecode);
BULWARK_TF_FUNCTION(fn_urlencode);
BULWARK_TF_FUNCTION(fn_yamldecode);
BULWARK_TF_FUNCTION(fn_yamlencode);

// hash.cpp
BULWARK_TF_FUNCTION(fn_base64sha256);
BULWARK_TF_FUNCTION(fn_base64sha512);
BULWARK_TF_FUNCTION(fn_bcrypt);
BULWARK_TF_FUNCTION(fn_filebase64sha256);
BULWARK_TF_FUNCTION(fn_filebase64sha512);
BULWARK_TF_FUNCTION(fn_filemd5);
BULWARK_TF_FUNCTION(fn_filesha1);
BULWARK_TF_FUNCTION(fn_filesha256);
BULWARK_TF_FUNCTION(fn_filesha512);
BULWARK_TF_FUNCTION(fn_md5);
BULWARK_TF_FUNCTION(fn_plantimestamp);
BULWARK_TF_FUNCTION(fn_sha1);
BULWARK_TF_FUNCTION(fn_sha256);
BULWARK_TF_FUNCTION(fn_sha512);
BULWARK_TF_FUNCTION(fn_timestamp);
BULWARK_TF_FUNCTION(fn_uuid);
BULWARK_TF_FUNCTION(fn_uuidv5);

// network.cpp
BULWARK_TF_FUNCTION(fn_cidrhost);
BULWARK_TF_FUNCTION(fn_cidrnetmask);
BULWARK_TF_FUNCTION(fn_cidrsubnet);
BULWARK_TF_FUNCTION(fn_cidrsubnets);

// filesystem.cpp
BULWARK_TF_FUNCTION(fn_abspath);
BULWARK_TF_FUNCTION(fn_basename);
BULWARK_TF_FUNCTION(fn_dirname);
BULWARK_TF_FUNCTION(fn_file);
BULWARK_TF_FUNCTION(fn_filebase64);
BULWARK_TF_FUNCTION(fn_fileexists);
BULWARK_TF_FUNCTION(fn_fileset);
BULWARK_TF_FUNCTION(fn_pathexpand);

#undef BULWARK_TF_FUNCTION

// --- Helpers shared between families -------------------------------------------------------

// Terraform's JSON (json.cpp): compact, object keys sorted, <, >, & and U+2028/U+2029 escaped.
// Unknowns must have been ruled out by the caller (they are written as null).
std::string json_encode(const Value& value);
std::string json_quote(std::string_view text);

// Terraform's YAML (yaml_encoder.cpp): go-cty-yaml's block style, byte for byte.
std::string yaml_encode(const Value& value);

// RFC 4648 base64 with padding (encoding.cpp).
std::string base64_encode(std::string_view bytes);

// The bytes of the file named by argument 0 of `call` (filesystem.cpp): resolved against the
// module directory, refused outside the scan root, through symlinks that leave it, or above the
// size limit. nullopt after a failure recorded on `call`.
std::optional<std::string> read_contained_file(detail::Call& call);

}  // namespace bulwark::terraform::builtin
