#pragma once

#include <string_view>

#include "parsers/cdk/source/synth.h"

// Security groups that other services create (database, file system, load balancer groups) and
// the rules added to them.
namespace bulwark::cdk::ec2 {

// A security group child of the current construct (<construct>/<id>) with CDK's default egress.
Object& make_security_group(Synth& synth, std::string_view id, Value description,
                            bool allow_all_outbound);
// sg.add_ingress_rule(peer, port, description): CIDR peers are written inline into
// SecurityGroupIngress, other peers as AWS::EC2::SecurityGroupIngress resources.
void add_ingress(Synth& synth, Object& group, const Sym* peer, const Sym* port,
                 const Sym* description, SourceRange at);
// Whether a vpc_subnets selection picks public subnets: true / false / Unknown.
Value selects_public_subnets(const Sym* selection, SourceRange fallback);

}  // namespace bulwark::cdk::ec2
