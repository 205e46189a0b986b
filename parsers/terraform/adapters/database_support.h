#pragma once

#include "model/value.h"
#include "parsers/terraform/native_resource.h"

// Helpers shared by the database adapters (RDS, DocumentDB, Neptune, Redshift).
namespace bulwark::terraform::database {

// `parameter { name, value }` blocks as CloudFormation's Parameters map {name: value}, the
// shape of AWS::RDS::DBParameterGroup, DocDB and Neptune parameter groups. A parameter whose
// name is known only after apply makes the whole map unknown (it could be any parameter).
void copy_parameter_map(Value& properties, const Value& body);

// `skip_final_snapshot` (default false) as the DeletionPolicy CloudFormation would need for the
// same behaviour on destroy: Snapshot when a final snapshot is taken, Delete when it is skipped.
void final_snapshot_policy(const NativeResource& native, Value& attributes);

}  // namespace bulwark::terraform::database
