#include <doctest/doctest.h>

#include "rules/check_evaluator.h"
#include "rules/rule_loader.h"
#include "support/helpers.h"

using namespace bulwark;
using bulwark::test::parse_cfn;

namespace {

// Evaluates policy_denies_unencrypted_uploads on the PolicyDocument of bucket policy P.
Tri denies_unencrypted(const std::string& statements) {
    const std::string rule_text =
        "id: test-rule\ntitle: t\nseverity: low\ndescription: d\nremediation: r\n"
        "resource: [AWS::S3::BucketPolicy]\ncheck:\n  path: PolicyDocument\n"
        "  builtin: policy_denies_unencrypted_uploads\n";
    auto loaded = load_rule("test-rule.yaml", rule_text);
    if (auto* errors = std::get_if<std::vector<RuleFileError>>(&loaded)) {
        FAIL("rule did not load: " << format_error(errors->front()));
    }
    const Rule rule = std::get<Rule>(std::move(loaded));
    const std::string text =
        "Parameters:\n  Effect: {Type: String}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n"
        "  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref B\n"
        "      PolicyDocument:\n        Statement:\n" +
        statements;
    auto parsed = parse_cfn(text);
    return CheckEvaluator(parsed.graph).evaluate(rule.check, parsed.index_of("P")).value;
}

}  // namespace

TEST_CASE("policy_denies_unencrypted_uploads: the header absent or not an accepted value") {
    // Deny uploads that do not name an encryption algorithm.
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: '*', Action: 's3:PutObject', "
                             "Resource: !Sub '${B.Arn}/*', Condition: {StringNotEquals: "
                             "{'s3:x-amz-server-side-encryption': 'aws:kms'}}}\n") == Tri::True);
    // Deny uploads without the header at all, with s3:* and a literal object ARN.
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: {AWS: '*'}, Action: 's3:*', "
                             "Resource: 'arn:aws:s3:::records/*', Condition: {'Null': "
                             "{'s3:x-amz-server-side-encryption': 'true'}}}\n") == Tri::True);
}

TEST_CASE("policy_denies_unencrypted_uploads: statements that do not refuse unencrypted uploads") {
    // An Allow with the same condition refuses nothing.
    CHECK(denies_unencrypted("          - {Effect: Allow, Principal: '*', Action: 's3:PutObject', "
                             "Resource: '*', Condition: {StringNotEquals: "
                             "{'s3:x-amz-server-side-encryption': 'AES256'}}}\n") == Tri::False);
    // Null = false denies the uploads that DO ask for encryption.
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: '*', Action: 's3:PutObject', "
                             "Resource: '*', Condition: {'Null': "
                             "{'s3:x-amz-server-side-encryption': 'false'}}}\n") == Tri::False);
    // Denying only GetObject, only the bucket ARN, or only one principal does not cover uploads.
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: '*', Action: 's3:GetObject', "
                             "Resource: '*', Condition: {'Null': "
                             "{'s3:x-amz-server-side-encryption': 'true'}}}\n") == Tri::False);
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: '*', Action: 's3:PutObject', "
                             "Resource: 'arn:aws:s3:::records', Condition: {'Null': "
                             "{'s3:x-amz-server-side-encryption': 'true'}}}\n") == Tri::False);
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: {AWS: "
                             "'arn:aws:iam::111122223333:role/app'}, Action: 's3:PutObject', "
                             "Resource: '*', Condition: {'Null': "
                             "{'s3:x-amz-server-side-encryption': 'true'}}}\n") == Tri::False);
    // The TLS deny is a different control.
    CHECK(denies_unencrypted("          - {Effect: Deny, Principal: '*', Action: 's3:*', "
                             "Resource: '*', Condition: {Bool: {'aws:SecureTransport': "
                             "'false'}}}\n") == Tri::False);
}

TEST_CASE("policy_denies_unencrypted_uploads: an effect from a parameter stays undecided") {
    CHECK(denies_unencrypted("          - {Effect: !Ref Effect, Principal: '*', Action: "
                             "'s3:PutObject', Resource: '*', Condition: {'Null': "
                             "{'s3:x-amz-server-side-encryption': 'true'}}}\n") == Tri::Unknown);
}
