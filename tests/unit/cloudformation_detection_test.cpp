// Telling templates from other YAML and JSON by content: other files are left alone, silently.
#include <doctest/doctest.h>

#include "support/helpers.h"

using namespace bulwark;

TEST_CASE(
    "detection: Kubernetes, CI, compose, package, tsconfig, OpenAPI and Helm files are not "
    "templates") {
    test::TempDir dir;
    dir.write("k8s/deployment.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    note: "Resources are created by AWS::CloudFormation elsewhere; Type is irrelevant"
spec:
  template:
    spec:
      containers:
        - name: web
          resources:
            limits: {cpu: 500m}
---
apiVersion: v1
kind: Service
metadata: {name: web}
)");
    dir.write(".github/workflows/deploy.yml", R"(name: deploy
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: aws cloudformation deploy --template-file template.yaml  # Resources: AWS::S3 Type
)");
    dir.write(".gitlab-ci.yml", R"(stages: [test]
test:
  script: ["echo Resources AWS::Lambda Type"]
)");
    dir.write("docker-compose.yml", R"(services:
  app:
    image: app
    deploy:
      resources:
        limits: {memory: 512M}
    environment: {TYPE: "AWS::S3::Bucket", Resources: "none"}
)");
    dir.write("package.json", R"({"name": "app", "description": "Resources of type AWS::S3::Bucket",
 "scripts": {"deploy": "cdk deploy"}})");
    dir.write("tsconfig.json", R"({
  // comments make this invalid JSON; it mentions Resources, AWS:: and Type
  "compilerOptions": {"target": "ES2020"},
})");
    dir.write("openapi.yaml", R"(openapi: 3.0.1
info: {title: api, version: "1"}
paths:
  /items:
    get:
      x-amazon-apigateway-integration:
        type: aws_proxy
        uri: arn:aws:apigateway:eu-west-1:lambda:path/functions/AWS::Lambda/invocations
components:
  schemas:
    Resources: {type: object}
)");
    dir.write("chart/values.yaml", R"(# Resources for AWS:: controllers; Type below
resources:
  limits: {cpu: 100m}
aws:
  Type: AWS::S3::Bucket
)");
    dir.write("chart/templates/bucket.yaml", R"(apiVersion: s3.services.k8s.aws/v1alpha1
kind: Bucket
metadata:
  name: {{ .Values.name }}
spec:
  Resources: {{ toYaml .Values.resources | nindent 4 }}
  Type: AWS::S3::Bucket
)");
    dir.write("serverless.yml", R"(service: app
provider: {name: aws}
resources:
  Resources:
    Table:
      Type: AWS::DynamoDB::Table
)");
    dir.write("infra/template.yaml", R"(Resources:
  Queue: {Type: AWS::SQS::Queue}
)");
    ScanResult result = test::scan_cloudformation_dir(dir.path());
    CHECK(result.diagnostics.empty());
    CHECK(result.counts.files == 1);
    REQUIRE(result.graph.resources().size() == 1);
    CHECK(result.graph.resources()[0].address == "Queue");
}

TEST_CASE("detection: a broken template is still recognised and reported") {
    test::TempDir dir;
    dir.write("sam.yaml", R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: [unclosed
)");
    dir.write("plain.yaml", R"(Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      - a
     bad: indentation
)");
    ScanResult result = test::scan_cloudformation_dir(dir.path());
    CHECK(result.counts.files == 2);
    REQUIRE(result.diagnostics.size() == 2);
    for (const Diagnostic& diagnostic : result.diagnostics) {
        CHECK(diagnostic.code == DiagnosticCode::ParseError);
        CHECK(diagnostic.position.line > 0);
    }
}
