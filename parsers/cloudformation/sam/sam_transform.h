#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/value.h"

namespace bulwark::cloudformation::sam {

// Logical ID of a generated resource -> the SAM type it came from.
using Origins = std::map<std::string, std::string, std::less<>>;

// True when the template declares `Transform: AWS::Serverless-2016-10-31` (alone or in a list).
bool is_sam_template(const Value& root);

// Applies the SAM transform to the raw template, before intrinsics are evaluated (as SAM does):
// Globals merged, every AWS::Serverless::* resource replaced by the CloudFormation resources SAM
// generates under SAM's documented logical IDs. Generated resources point at the SAM resource's
// line and carry the values of the SAM properties they came from (with those ranges).
void transform(Value& root, Origins& origins, std::vector<Diagnostic>& diagnostics);

}  // namespace bulwark::cloudformation::sam
