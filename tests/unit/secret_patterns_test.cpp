// Secret detection heuristics (scanner/rules/builtins/secret_patterns.cpp) and the
// secret_in_value built-in. Every secret below is made up for the test and matches only the
// shape of the real thing.
#include <doctest/doctest.h>

#include <string>

#include "rules/builtins.h"
#include "rules/builtins/secret_patterns.h"
#include "support/helpers.h"

using namespace bulwark;
using namespace bulwark::secrets;

namespace {

constexpr const char* kAccessKeyId = "AKIAQ3T7W2ZK5N8R4XPL";
constexpr const char* kSecretKey = "q9Zt4Lw2Xy7Rb3Nc8Vd1Pf6Gh0Jk5Mn2Sa4Ue7Wi";
constexpr const char* kGitHubToken = "ghp_8fK2mQ7xV4nT1rW9bL3cY6hJ0sD5gP2aE7uZ";

std::string kind_in_text(const std::string& text) {
    auto match = find_in_text(text);
    return match ? match->kind : "";
}

std::string kind_named(const std::string& name, const std::string& value) {
    auto match = find_named(name, value);
    return match ? match->kind : "";
}

}  // namespace

TEST_CASE("secrets: token shapes are found in free text") {
    CHECK(kind_in_text(std::string("export AWS_ACCESS_KEY_ID=") + kAccessKeyId) ==
          "AWS access key ID");
    CHECK(kind_in_text(std::string("aws_secret_access_key = ") + kSecretKey) ==
          "AWS secret access key");
    CHECK(kind_in_text("-----BEGIN RSA PRIVATE KEY-----\nMIIEow...\n") == "private key");
    CHECK(kind_in_text("-----BEGIN OPENSSH PRIVATE KEY-----") == "private key");
    CHECK(kind_in_text(std::string("git clone https://") + kGitHubToken + "@github.com/o/r") ==
          "GitHub token");
    CHECK(kind_in_text("curl -X POST https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/"
                       "Zx8Kq2Lm4Np6Rs8Tv0Wy2Ab4") == "Slack webhook URL");
    CHECK(kind_in_text("STRIPE=sk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ") == "Stripe live key");
    CHECK(kind_in_text("postgres://orders:Tr0ub4dor-3@db.internal:5432/orders") ==
          "password in a URL");
    CHECK(kind_in_text("DB_PASSWORD='hunter2hunter2'\nsystemctl start app") == "password");
}

TEST_CASE("secrets: placeholders, references and documentation examples are not secrets") {
    CHECK(kind_in_text("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE") == "");
    CHECK(kind_in_text("DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db)") == "");
    CHECK(kind_in_text("password: ${db_password}") == "");
    CHECK(kind_in_text("postgres://orders:${password}@db.internal/orders") == "");
    CHECK(kind_in_text("password_length = 32") == "");
    CHECK(kind_in_text("-----BEGIN PUBLIC KEY-----") == "");
    CHECK(kind_in_text("echo 'no secrets here'; yum install -y nginx") == "");
    CHECK(kind_named("DB_PASSWORD", "{{resolve:secretsmanager:orders/db:SecretString:password}}") ==
          "");
    CHECK(kind_named("DB_PASSWORD", "<your password>") == "");
    CHECK(kind_named("API_TOKEN", "REPLACE_ME_AT_DEPLOY") == "");
    CHECK(kind_named("DB_PASSWORD_SECRET_ARN",
                     "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db") == "");
    CHECK(kind_named("DB_PASSWORD", "") == "");
}

TEST_CASE("secrets: names decide how a literal is read") {
    CHECK(is_secret_name("DB_PASSWORD"));
    CHECK(is_secret_name("stripeApiKey"));
    CHECK(is_secret_name("client_secret"));
    CHECK(is_secret_name("GITHUB_TOKEN"));
    CHECK_FALSE(is_secret_name("SECRET_ARN"));
    // Settings about secrets (Terraform module inputs).
    CHECK_FALSE(is_secret_name("access_key_status"));
    CHECK_FALSE(is_secret_name("max_password_age"));
    CHECK_FALSE(is_secret_name("master_user_password_rotation_schedule_expression"));
    CHECK_FALSE(is_secret_name("external_secrets_secrets_manager_create_permission"));
    CHECK(is_secret_name("warehouse_password"));
    CHECK_FALSE(is_secret_name("secretArn"));
    CHECK_FALSE(is_secret_name("TOKEN_TTL"));
    CHECK_FALSE(is_secret_name("PASSWORD_LENGTH"));
    CHECK_FALSE(is_secret_name("LOG_LEVEL"));

    CHECK(kind_named("DB_PASSWORD", "Tr0ub4dor&3") == "password");
    CHECK(kind_named("MASTER_PASSWORD", "orders2024") == "password");
    CHECK(kind_named("PAYMENT_API_TOKEN", "tok_9fA2kQ8xL3mZ7vB1") == "secret");
    // A word or identifier under a token-like name is a setting, not a key.
    CHECK(kind_named("TOKEN_AUDIENCE_KEY", "orders-api") == "");
    CHECK(kind_named("SESSION_SECRET_ROTATION", "weekly") == "");
    // Known shapes are found whatever the name.
    CHECK(kind_named("DEPLOY_KEY_ID", kAccessKeyId) == "AWS access key ID");
    CHECK(kind_named("BOT", kGitHubToken) == "GitHub token");
}

TEST_CASE("secrets: high-entropy tokens are secrets under any name; hashes and words are not") {
    CHECK(kind_named("SIGNING", "Jq8vX2mR7kT4wZ9pL3nB6cY1hF5sD0gA") == "high-entropy string");
    CHECK(shannon_entropy("aaaaaaaa") == doctest::Approx(0.0));
    CHECK(shannon_entropy("abcd") == doctest::Approx(2.0));
    CHECK(kind_named("IMAGE_DIGEST",
                     "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f") == "");
    CHECK(kind_named("REQUEST_ID", "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9f8a7b") == "");
    CHECK(kind_named("GREETING", "HelloWorldFromTheOrdersService") == "");
    CHECK(kind_named("QUEUE_URL",
                     "https://sqs.eu-west-1.amazonaws.com/111122223333/orders-Queue1") == "");
}

TEST_CASE("secrets: masks never show more than four characters") {
    CHECK(mask(kAccessKeyId) == "AKIA****");
    CHECK(mask("hunter2") == "****");
    auto match = find_named("AWS_SECRET_ACCESS_KEY", kSecretKey);
    REQUIRE(match);
    CHECK(match->describe() == "secret (q9Zt****)");
    CHECK(match->describe().find(kSecretKey) == std::string::npos);
}

TEST_CASE("secrets: base64 text is decoded, binary is not") {
    // "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAQ3T7W2ZK5N8R4XPL\n"
    const std::string encoded =
        "IyEvYmluL2Jhc2gKZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFRM1Q3VzJaSzVOOFI0WFBMCg==";
    auto decoded = decode_base64_text(encoded);
    REQUIRE(decoded);
    CHECK(decoded->starts_with("#!/bin/bash"));
    CHECK(kind_in_text(*decoded) == "AWS access key ID");
    CHECK_FALSE(decode_base64_text("not base64 at all!"));
    CHECK_FALSE(decode_base64_text("//////////////////////8="));  // decodes to 0xFF bytes
}

TEST_CASE("secrets: secret_in_value walks maps, lists and {Name, Value} entries") {
    const Builtin* builtin = find_builtin("secret_in_value");
    REQUIRE(builtin != nullptr);
    CHECK(builtin->sensitive);
    auto parsed = test::parse_cfn(std::string(R"(Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          STAGE: prod
          DB_PASSWORD: Tr0ub4dor&3
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      Environment:
        EnvironmentVariables:
          - Name: NPM_TOKEN
            Type: PARAMETER_STORE
            Value: /build/npm-token-value-long
          - Name: STAGE
            Value: prod
)"));
    const Resource* function = parsed.find("Fn");
    const Resource* build = parsed.find("Build");
    REQUIRE(function != nullptr);
    REQUIRE(build != nullptr);
    const BuiltinContext context{parsed.graph, *function};
    const Value* variables = test::value_at(function->properties, "Environment.Variables");
    REQUIRE(variables != nullptr);
    Outcome found = builtin->evaluate(*variables, Value::map({}), context);
    CHECK(found.value == Tri::True);
    REQUIRE(found.evidence);
    CHECK(found.evidence->begin.line == 8);  // the DB_PASSWORD value, not the map
    const Value* entries = test::value_at(build->properties, "Environment.EnvironmentVariables");
    REQUIRE(entries != nullptr);
    CHECK(builtin->evaluate(*entries, Value::map({}), context).value == Tri::False);
    // An unknown value is not a literal written in the code.
    CHECK(builtin->evaluate(Value::unknown("computed"), Value::map({}), context).value ==
          Tri::False);
}
