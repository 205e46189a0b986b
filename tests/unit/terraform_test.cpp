#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

#include "parsers/terraform/hcl/syntax.h"
#include "parsers/terraform/terraform_frontend.h"
#include "pipeline/scan.h"
#include "support/helpers.h"

using namespace bulwark;
using test::TempDir;

namespace {

// Scans a temporary directory tree with the Terraform front-end only and no rules.
struct TerraformScan {
    ScanResult result;
    const Resource* find(const std::string& address) const {
        for (const Resource& r : result.graph.resources()) {
            if (r.address == address) return &r;
        }
        return nullptr;
    }
    std::vector<std::string> addresses() const {
        std::vector<std::string> out;
        for (const Resource& r : result.graph.resources())
            out.push_back(r.address);
        std::sort(out.begin(), out.end());
        return out;
    }
};

TerraformScan scan_terraform(const TempDir& dir, const std::string& path = "",
                             terraform::TerraformOptions options = {}) {
    return TerraformScan{test::scan_terraform_dir(dir.path(), path, std::move(options))};
}

const Value* at(const Value& root, std::initializer_list<std::string_view> path) {
    const Value* current = &root;
    for (std::string_view key : path) {
        if (current == nullptr) return nullptr;
        if (current->is_list())
            current = current->as_list().empty() ? nullptr : &current->as_list()[0];
        if (current == nullptr) return nullptr;
        current = current->find(key);
    }
    return current;
}

}  // namespace

TEST_CASE("hcl: blocks, attributes and every expression form keep their ranges") {
    hcl::File file = hcl::parse(R"(resource "aws_s3_bucket" "logs" {
  bucket = "logs-${var.env}"
  tags   = { Name = "x", "quoted" = 1 }
  list   = [for n in var.names : upper(n) if n != ""]
  cond   = var.enabled ? 1 : 0
  math   = -1 + 2 * 3
  splat  = aws_instance.web[*].id
  policy = <<-EOT
    {
      "a": "${var.x}"
    }
  EOT
  nested {
    value = true
  }
}
)",
                                3);
    CHECK(file.diagnostics.empty());
    REQUIRE(file.body.blocks.size() == 1);
    const hcl::Block& block = file.body.blocks[0];
    CHECK(block.type == "resource");
    CHECK(block.labels == std::vector<std::string>{"aws_s3_bucket", "logs"});
    CHECK(block.range.begin.line == 1);
    CHECK(block.range.file == 3);
    REQUIRE(block.body.attribute("bucket") != nullptr);
    CHECK(block.body.attribute("bucket")->value.kind == hcl::ExprKind::Template);
    CHECK(block.body.attribute("bucket")->name_range.begin.line == 2);
    CHECK(block.body.attribute("tags")->value.kind == hcl::ExprKind::Object);
    CHECK(block.body.attribute("list")->value.kind == hcl::ExprKind::ForTuple);
    CHECK(block.body.attribute("cond")->value.kind == hcl::ExprKind::Conditional);
    CHECK(block.body.attribute("math")->value.kind == hcl::ExprKind::Binary);
    CHECK(block.body.attribute("splat")->value.kind == hcl::ExprKind::Traversal);
    CHECK(block.body.attribute("policy")->value.kind == hcl::ExprKind::Template);
    REQUIRE(block.body.blocks.size() == 1);
    CHECK(block.body.blocks[0].type == "nested");
}

TEST_CASE("hcl: syntax errors are diagnostics with line and column, and the rest is kept") {
    hcl::File file = hcl::parse(
        "resource \"a\" \"b\" {\n  x = \"ok\"\n  y = 1 +\n}\n\nvariable \"v\" {\n  default = "
        "1\n}\n",
        0);
    REQUIRE_FALSE(file.diagnostics.empty());
    CHECK(file.diagnostics[0].code == DiagnosticCode::ParseError);
    CHECK(file.diagnostics[0].position.line >= 3);
    bool variable_kept = false;
    for (const hcl::Block& b : file.body.blocks)
        variable_kept |= b.type == "variable";
    CHECK(variable_kept);
    CHECK(file.body.blocks.at(0).body.attribute("x") != nullptr);
}

TEST_CASE("terraform: variables, locals, templates, heredocs and conditionals evaluate") {
    TempDir dir;
    dir.write("main.tf", R"(variable "env" { default = "prod" }
variable "names" { default = ["a", "b"] }
variable "unset" {}
locals {
  prefix  = "${var.env}-data"
  first   = local.names_upper[0]
  names_upper = [for n in var.names : upper(n)]
  enabled = var.env == "prod" ? true : false
}
resource "aws_thing" "x" {
  name    = local.prefix
  first   = local.first
  enabled = local.enabled
  unset   = var.unset
  doc     = <<-EOT
    line ${var.env}
      indented
  EOT
  raw = "a\tb $${literal}"
}
)");
    TerraformScan scan = scan_terraform(dir);
    CHECK(scan.result.diagnostics.empty());
    const Resource* x = scan.find("aws_thing.x");
    REQUIRE(x != nullptr);
    CHECK(x->properties.find("name")->as_string() == "prod-data");
    CHECK(x->properties.find("first")->as_string() == "A");
    CHECK(x->properties.find("enabled")->as_bool());
    CHECK(x->properties.find("unset")->is_unknown());
    CHECK(x->properties.find("doc")->as_string() == "line prod\n  indented\n");
    CHECK(x->properties.find("raw")->as_string() == "a\tb ${literal}");
    CHECK(x->format == SourceFormat::Terraform);
    CHECK(x->range.begin.line == 10);
    CHECK(x->properties.find("name")->range().begin.line == 5);
}

// Regression: tree-sitter-hcl groups `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; Terraform
// groups it as `a ? b : (c ? d : e)`, and so must Bulwark, from either parser.
TEST_CASE("terraform: chained conditionals group to the right, as in Terraform") {
    TempDir dir;
    dir.write("main.tf", R"(variable "tier" { default = "prod" }
locals {
  size     = var.tier == "prod" ? "large" : var.tier == "test" ? "medium" : "small"
  size_dev = "dev" == "prod" ? "large" : "dev" == "test" ? "medium" : "small"
  grouped  = (true ? false : true) ? "then" : "else"
  long     = 3 == 1 ? "one" : 3 == 2 ? "two" : 3 == 3 ? "three" : "many"
}
resource "aws_thing" "x" {
  size     = local.size
  size_dev = local.size_dev
  grouped  = local.grouped
  long     = local.long
}
)");
    for (const bool native : {true, false}) {
        CAPTURE(native);
        const std::string text = test::read_text(dir.path() / "main.tf");
        const hcl::File file = native ? hcl::parse(text, 0) : hcl::parse_with_tree_sitter(text, 0);
        REQUIRE(file.diagnostics.empty());
        const hcl::Expr& size = file.body.blocks.at(1).body.attribute("size")->value;
        REQUIRE(size.kind == hcl::ExprKind::Conditional);
        CHECK(size.children.at(0).kind == hcl::ExprKind::Binary);
        CHECK(size.children.at(2).kind == hcl::ExprKind::Conditional);
        CHECK(size.children.at(2).range.begin.line == 3);
    }
    TerraformScan scan = scan_terraform(dir);
    CHECK(scan.result.diagnostics.empty());
    const Resource* x = scan.find("aws_thing.x");
    REQUIRE(x != nullptr);
    CHECK(x->properties.find("size")->as_string() == "large");
    CHECK(x->properties.find("size_dev")->as_string() == "small");
    CHECK(x->properties.find("grouped")->as_string() == "else");
    CHECK(x->properties.find("long")->as_string() == "three");
}

TEST_CASE("terraform: count and for_each create addressed instances; references become edges") {
    TempDir dir;
    dir.write("main.tf", R"(variable "buckets" {
  default = { raw = "Suspended", curated = "Enabled" }
}
resource "aws_s3_bucket" "zone" {
  for_each = var.buckets
  bucket   = "lake-${each.key}"
}
resource "aws_s3_bucket_versioning" "zone" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.zone[each.key].id
  versioning_configuration {
    status = each.value
  }
}
resource "aws_kms_key" "k" {
  count = 2
  description = "key ${count.index}"
}
)");
    TerraformScan scan = scan_terraform(dir);
    CHECK(scan.result.diagnostics.empty());
    CHECK(scan.addresses() == std::vector<std::string>{"aws_kms_key.k[0]", "aws_kms_key.k[1]",
                                                       "aws_s3_bucket.zone[\"curated\"]",
                                                       "aws_s3_bucket.zone[\"raw\"]",
                                                       "aws_s3_bucket_versioning.zone[\"curated\"]",
                                                       "aws_s3_bucket_versioning.zone[\"raw\"]"});
    const Resource* raw = scan.find("aws_s3_bucket.zone[\"raw\"]");
    REQUIRE(raw != nullptr);
    CHECK(raw->type == "AWS::S3::Bucket");
    const Value* status = at(raw->properties, {"VersioningConfiguration", "Status"});
    REQUIRE(status != nullptr);
    CHECK(status->as_string() == "Suspended");
    CHECK(status->range().begin.line == 2);  // the map value that produced it
    CHECK(scan.find("aws_kms_key.k[1]")->properties.find("Description")->as_string() == "key 1");
    // The versioning resource stays as a native node that refers to its bucket.
    const Resource* versioning = scan.find("aws_s3_bucket_versioning.zone[\"raw\"]");
    CHECK(versioning->type == "aws_s3_bucket_versioning");
    const Graph& g = scan.result.graph;
    bool linked = false;
    for (auto e : g.out_edges(*g.find(versioning->scope, versioning->address))) {
        linked |= g.resource(g.edges()[e].to).address == "aws_s3_bucket.zone[\"raw\"]";
    }
    CHECK(linked);
}

TEST_CASE("terraform: local modules are evaluated with their inputs and prefixed addresses") {
    TempDir dir;
    dir.write("modules/store/main.tf", R"(variable "name" {}
variable "rotate" { default = false }
resource "aws_kms_key" "this" {
  description         = "key for ${var.name}"
  enable_key_rotation = var.rotate
}
output "key_id" { value = aws_kms_key.this.id }
)");
    dir.write("envs/prod/main.tf", R"(module "payments" {
  source = "../../modules/store"
  name   = "payments"
  rotate = true
}
module "per_team" {
  source   = "../../modules/store"
  for_each = toset(["a", "b"])
  name     = each.key
}
resource "aws_thing" "uses" {
  key = module.payments.key_id
}
)");
    TerraformScan scan = scan_terraform(dir, "envs");
    CHECK(scan.result.diagnostics.empty());
    const Resource* payments = scan.find("module.payments.aws_kms_key.this");
    REQUIRE(payments != nullptr);
    CHECK(payments->properties.find("EnableKeyRotation")->as_bool());
    CHECK(payments->properties.find("Description")->as_string() == "key for payments");
    const Resource* team = scan.find("module.per_team[\"a\"].aws_kms_key.this");
    REQUIRE(team != nullptr);
    CHECK_FALSE(team->properties.find("EnableKeyRotation")->as_bool());
    CHECK(scan.result.path_of(team->file) == "modules/store/main.tf");
    const Value* key = scan.find("aws_thing.uses")->properties.find("key");
    REQUIRE(key->is_unknown());
    CHECK(key->as_unknown().references.at(0).target == "module.payments.aws_kms_key.this");
}

TEST_CASE(
    "terraform: variable precedence is default < environment < tfvars < auto.tfvars < --var-file < "
    "--var") {
    TempDir dir;
    dir.write("main.tf", R"(variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
resource "aws_thing" "x" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
  e = var.e
}
)");
    dir.write("terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\n");
    dir.write("z.auto.tfvars", "c = \"auto\"\n");
    const auto var_file = dir.write("extra/custom.tfvars", "d = \"var-file\"\n");
    terraform::TerraformOptions options;
    options.environment_variables["a"] = "environment";
    options.environment_variables["b"] = "environment";
    options.var_files.push_back(var_file.string());
    options.variables["e"] = "cli";
    TerraformScan scan = scan_terraform(dir, "", options);
    const Value& p = scan.find("aws_thing.x")->properties;
    CHECK(p.find("a")->as_string() == "environment");
    CHECK(p.find("b")->as_string() == "tfvars");
    CHECK(p.find("c")->as_string() == "auto");
    CHECK(p.find("d")->as_string() == "var-file");
    CHECK(p.find("e")->as_string() == "cli");
}

TEST_CASE("terraform: dynamic blocks expand, and security group rules fold into their group") {
    TempDir dir;
    dir.write("main.tf", R"(locals {
  ports = [22, 443]
}
resource "aws_security_group" "web" {
  name = "web"
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0", "10.0.0.0/8"]
    }
  }
}
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
)");
    TerraformScan scan = scan_terraform(dir);
    CHECK(scan.result.diagnostics.empty());
    const Resource* web = scan.find("aws_security_group.web");
    REQUIRE(web != nullptr);
    const Value* ingress = web->properties.find("SecurityGroupIngress");
    REQUIRE(ingress != nullptr);
    REQUIRE(ingress->as_list().size() == 5);  // 2 ports x 2 CIDRs + the standalone rule
    CHECK(ingress->as_list()[0].find("FromPort")->as_number() == 22);
    CHECK(ingress->as_list()[0].find("CidrIp")->as_string() == "0.0.0.0/0");
    CHECK(ingress->as_list()[4].find("FromPort")->as_number() == 3389);
    CHECK(ingress->as_list()[4].find("CidrIp")->range().begin.line == 22);
    CHECK(scan.find("aws_security_group_rule.rdp")->type == "aws_security_group_rule");
}

TEST_CASE(
    "terraform: module cycles, unknown counts and missing modules end with diagnostics, not "
    "hangs") {
    TempDir dir;
    dir.write("a/main.tf",
              "module \"b\" {\n  source = \"../b\"\n}\nresource \"aws_thing\" \"a\" {}\n");
    dir.write("b/main.tf",
              "module \"a\" {\n  source = \"../a\"\n}\nresource \"aws_thing\" \"b\" {}\n");
    dir.write(
        "root/main.tf",
        "module \"a\" {\n  source = \"../a\"\n}\nmodule \"gone\" {\n  source = \"./missing\"\n}\n"
        "module \"registry\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n");
    TerraformScan scan = scan_terraform(dir, "root");
    bool cycle = false, missing = false, registry = false;
    for (const Diagnostic& d : scan.result.diagnostics) {
        cycle |= d.message.find("module cycle") != std::string::npos;
        missing |= d.message.find("has no .tf files") != std::string::npos;
        registry |= d.message.find("not available locally") != std::string::npos;
    }
    CHECK(cycle);
    CHECK(missing);
    CHECK(registry);
    CHECK(scan.find("module.a.aws_thing.a") != nullptr);
    CHECK(scan.find("module.a.module.b.aws_thing.b") != nullptr);
}

TEST_CASE(
    "terraform: policy documents compose through source_policy_documents, count and replace()") {
    // Regression: a composed document crashed the evaluator, and replace() of placeholders with
    // a value known only after apply turned the whole policy unknown.
    TempDir dir;
    dir.write("main.tf", R"(resource "aws_s3_bucket" "this" {
  count  = 1
  bucket = "statements"
}
data "aws_iam_policy_document" "deny" {
  count = 1
  statement {
    sid       = "DenyPlainHttp"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.this[0].arn, "${aws_s3_bucket.this[0].arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
data "aws_iam_policy_document" "combined" {
  count                   = 1
  source_policy_documents = compact([true ? data.aws_iam_policy_document.deny[0].json : "", ""])
  statement {
    sid       = "ReadForAccount"
    actions   = ["s3:GetObject"]
    resources = ["_BUCKET_ARN_/*"]
  }
}
resource "aws_s3_bucket_policy" "this" {
  count  = 1
  bucket = aws_s3_bucket.this[0].id
  policy = replace(data.aws_iam_policy_document.combined[0].json, "_BUCKET_ARN_", aws_s3_bucket.this[0].arn)
}
)");
    TerraformScan scan = scan_terraform(dir);
    const Resource* policy = scan.find("aws_s3_bucket_policy.this[0]");
    REQUIRE(policy != nullptr);
    CHECK(policy->type == "AWS::S3::BucketPolicy");
    const Value* statements = at(policy->properties, {"PolicyDocument", "Statement"});
    REQUIRE(statements != nullptr);
    REQUIRE(statements->as_list().size() == 2);
    CHECK(statements->as_list()[0].find("Sid")->as_string() == "DenyPlainHttp");
    CHECK(statements->as_list()[0].find("Principal")->as_string() == "*");
    CHECK(statements->as_list()[1].find("Effect")->as_string() == "Allow");
    // The placeholder became the (unknown) bucket ARN; the rest of the document stayed known.
    CHECK(statements->as_list()[1].find("Resource")->as_list()[0].is_unknown());
    CHECK(statements->as_list()[1].find("Action")->as_list()[0].as_string() == "s3:GetObject");
}

TEST_CASE(
    "terraform: registry modules installed by terraform init are evaluated from "
    ".terraform/modules") {
    TempDir dir;
    dir.write("live/main.tf",
              "module \"store\" {\n  source  = \"example-org/store/aws\"\n  version = \"1.2.0\"\n  "
              "name    = \"ledger\"\n}\n"
              "module \"absent\" {\n  source = \"example-org/other/aws\"\n}\n");
    dir.write(
        "live/.terraform/modules/modules.json",
        R"({"Modules":[{"Key":"","Source":"","Dir":"."},)"
        R"({"Key":"store","Source":"registry.terraform.io/example-org/store/aws","Version":"1.2.0","Dir":".terraform/modules/store"},)"
        R"({"Key":"store.inner","Source":"./inner","Dir":".terraform/modules/store/inner"}]})");
    dir.write(
        "live/.terraform/modules/store/main.tf",
        "variable \"name\" {}\nresource \"aws_dynamodb_table\" \"this\" {\n  name = var.name\n}\n"
        "module \"inner\" {\n  source = \"./inner\"\n}\n");
    dir.write("live/.terraform/modules/store/inner/main.tf",
              "resource \"aws_kms_key\" \"this\" {}\n");
    TerraformScan scan = scan_terraform(dir, "live");
    const Resource* table = scan.find("module.store.aws_dynamodb_table.this");
    REQUIRE(table != nullptr);
    CHECK(table->properties.find("TableName")->as_string() == "ledger");
    CHECK(scan.result.path_of(table->file) == "live/.terraform/modules/store/main.tf");
    CHECK(scan.find("module.store.module.inner.aws_kms_key.this") != nullptr);
    bool absent_noted = false;
    for (const Diagnostic& d : scan.result.diagnostics) {
        absent_noted |= d.severity == DiagnosticSeverity::Note &&
                        d.message.find("module absent") != std::string::npos;
    }
    CHECK(absent_noted);
}

TEST_CASE("terraform: path.module is relative to the root module, where file() resolves paths") {
    // Regression: file("${path.module}/x") in a child module looked in the module's folder twice.
    TempDir dir;
    dir.write("modules/site/main.tf",
              "resource \"aws_thing\" \"page\" {\n  body = file(\"${path.module}/index.html\")\n  "
              "where = path.module\n}\n");
    dir.write("modules/site/index.html", "<h1>hello</h1>");
    dir.write("live/main.tf", "module \"site\" {\n  source = \"../modules/site\"\n}\n");
    TerraformScan scan = scan_terraform(dir, "live");
    const Resource* page = scan.find("module.site.aws_thing.page");
    REQUIRE(page != nullptr);
    CHECK(page->properties.find("where")->as_string() == "../modules/site");
    CHECK(page->properties.find("body")->as_string() == "<h1>hello</h1>");
    CHECK(scan.result.diagnostics.empty());
}

TEST_CASE("terraform: optional() attribute defaults in variable types are applied") {
    // Regression (found with the demo): an omitted optional attribute was unknown, not its default.
    TempDir dir;
    dir.write("main.tf", R"(variable "tables" {
  type = map(object({
    pitr  = optional(bool, false)
    class = optional(string)
    tags  = optional(object({ team = optional(string, "data") }), {})
  }))
  default = {
    orders   = {}
    payments = { pitr = true }
  }
}
resource "aws_dynamodb_table" "t" {
  for_each = var.tables
  name     = each.key
  team     = each.value.tags.team
  point_in_time_recovery {
    enabled = each.value.pitr
  }
}
)");
    TerraformScan scan = scan_terraform(dir);
    CHECK(scan.result.diagnostics.empty());
    const Resource* orders = scan.find("aws_dynamodb_table.t[\"orders\"]");
    REQUIRE(orders != nullptr);
    const Value* pitr =
        at(orders->properties, {"PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"});
    REQUIRE(pitr != nullptr);
    CHECK(pitr->is_bool());
    CHECK_FALSE(pitr->as_bool());
    CHECK(pitr->range().begin.line == 3);  // the default in the type
    CHECK(at(scan.find("aws_dynamodb_table.t[\"payments\"]")->properties,
             {"PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"})
              ->as_bool());
}

TEST_CASE("terraform: JSON syntax (.tf.json, .tfvars.json) evaluates like HCL") {
    TempDir dir;
    dir.write("main.tf.json", R"({
  "variable": {"env": {"type": "string", "default": "dev"}, "rotate": {"default": false}},
  "locals": {"prefix": "${var.env}-data"},
  "resource": {
    "aws_kms_key": {"data": {"description": "${local.prefix}", "enable_key_rotation": "${var.rotate}"}},
    "aws_dynamodb_table": {"events": [{"name": "events", "point_in_time_recovery": {"enabled": true}}]}
  }
})");
    dir.write("terraform.tfvars.json", R"({"env": "prod"})");
    TerraformScan scan = scan_terraform(dir);
    CHECK(scan.result.diagnostics.empty());
    const Resource* key = scan.find("aws_kms_key.data");
    REQUIRE(key != nullptr);
    CHECK(key->properties.find("Description")->as_string() == "prod-data");
    CHECK_FALSE(key->properties.find("EnableKeyRotation")->as_bool());
    CHECK(key->properties.find("Description")->range().begin.line ==
          3);  // where the value was made
    const Resource* table = scan.find("aws_dynamodb_table.events");
    REQUIRE(table != nullptr);
    CHECK(at(table->properties, {"PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"})
              ->as_bool());
}

TEST_CASE(
    "terraform: templatefile() renders a template file with its variables, inside the scan root "
    "only") {
    TempDir dir;
    dir.write(
        "policy.json.tftpl",
        "{\"Bucket\": \"${bucket}\", \"Ids\": [%{ for id in ids }\"${id}\",%{ endfor }\"end\"]}");
    dir.write("main.tf", R"(resource "aws_thing" "t" {
  doc     = templatefile("${path.module}/policy.json.tftpl", { bucket = "logs", ids = ["a", "b"] })
  escaped = templatefile("../outside.tftpl", {})
}
)");
    TerraformScan scan = scan_terraform(dir);
    const Resource* t = scan.find("aws_thing.t");
    REQUIRE(t != nullptr);
    CHECK(t->properties.find("doc")->as_string() ==
          "{\"Bucket\": \"logs\", \"Ids\": [\"a\",\"b\",\"end\"]}");
    CHECK(t->properties.find("doc")->range().begin.line == 2);
    CHECK(t->properties.find("escaped")->is_unknown());
    REQUIRE_FALSE(scan.result.diagnostics.empty());
    CHECK(scan.result.diagnostics[0].code == DiagnosticCode::UnreadableFile);
}

TEST_CASE("terraform: for_each over policy documents keeps each document") {
    // Regression (found by the benchmark corpus): each.value.json of a data source collection
    // was an unknown resource reference, so the TLS-only rule stayed undecided.
    TempDir dir;
    dir.write("main.tf", R"(resource "aws_s3_bucket" "this" {
  for_each = toset(["logs"])
  bucket   = "example-${each.key}"
}
data "aws_iam_policy_document" "tls" {
  for_each = aws_s3_bucket.this
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [each.value.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
resource "aws_s3_bucket_policy" "this" {
  for_each = data.aws_iam_policy_document.tls
  bucket   = aws_s3_bucket.this[each.key].id
  policy   = each.value.json
}
)");
    TerraformScan scan = scan_terraform(dir);
    const Resource* policy = scan.find("aws_s3_bucket_policy.this[\"logs\"]");
    REQUIRE(policy != nullptr);
    const Value* effect = at(policy->properties, {"PolicyDocument", "Statement", "Effect"});
    REQUIRE(effect != nullptr);
    CHECK(effect->as_string() == "Deny");
}
