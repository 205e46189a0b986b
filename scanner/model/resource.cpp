#include "model/resource.h"

namespace bulwark {

std::string_view to_string(SourceFormat format) {
    switch (format) {
        case SourceFormat::CloudFormation:
            return "cloudformation";
        case SourceFormat::Sam:
            return "sam";
        case SourceFormat::Terraform:
            return "terraform";
        case SourceFormat::TerraformPlan:
            return "terraform-plan";
        case SourceFormat::CdkAssembly:
            return "cdk-assembly";
        case SourceFormat::CdkPython:
            return "cdk-python";
        case SourceFormat::CdkTypeScript:
            return "cdk-typescript";
    }
    return "unknown";
}

}  // namespace bulwark
