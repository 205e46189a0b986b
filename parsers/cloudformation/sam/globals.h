#pragma once

#include "model/value.h"

namespace bulwark::cloudformation::sam {

// SAM's documented Globals rules: a resource's primitive value replaces the global one, maps are
// merged key by key (the resource wins), lists are the global items followed by the resource's,
// and an intrinsic function on either side is taken from the resource as written.
Value merge_global(const Value& global, const Value& local);

// `properties` with the Globals section for `section` ("Function", "Api", ...) applied.
Value with_globals(const Value* globals, std::string_view section, const Value& properties);

}  // namespace bulwark::cloudformation::sam
