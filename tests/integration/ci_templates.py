#!/usr/bin/env python3
"""Runs the CI integrations as written, offline: the GitHub Actions composite action (action.yml)
and the GitLab CI template (ci/gitlab/bulwark.gitlab-ci.yml) are read as YAML, and their shell
steps run with bash against fixtures, with the action's ${{ }} expressions and the template's
variables filled in as the CI services would. So a renamed flag, a format or an output that a
template relies on breaks this test. What needs the services (the SARIF upload, GitLab's
artifact reports) is checked as far as its inputs: the files exist and parse.

Usage: ci_templates.py BULWARK_BINARY SOURCE_DIR
Without PyYAML: fails in CI (CI=true), skips elsewhere (exit 77, CTest's SKIP_RETURN_CODE)."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

try:
    import yaml
except ImportError:
    print("PyYAML (Debian: python3-yaml) is missing; run scripts/setup --test")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

BULWARK = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
FIXTURE = "fixtures/demo"  # has high findings
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                key, value = line.rstrip("\n").split("=", 1)
                outputs[key] = value
    return outputs


# ---- GitHub Actions ------------------------------------------------------------------------

def run_action(inputs, workspace):
    """Runs the composite action's shell steps in order, as the runner would; returns the step
    outputs, the exit status of the job and its combined output."""
    with open(os.path.join(SOURCE, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    check(action["runs"]["using"] == "composite", "action.yml is a composite action")
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name in inputs:
        check(name in values, f"action.yml has an input '{name}'")
    values.update(inputs)
    steps = {}

    def evaluate(text):
        def one(match):
            expression = match.group(1).strip()
            if expression.startswith("inputs."):
                return values[expression[len("inputs."):]]
            if expression == "github.action_path":
                return SOURCE
            found = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
            if found:
                return steps.get(found.group(1), {}).get(found.group(2), "")
            raise ValueError("the test does not know the expression " + expression)
        return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))

    def condition(text):
        # The conditions action.yml uses: always(), ==, != and && over what evaluate() knows.
        expression = re.fullmatch(r"\$\{\{(.*)\}\}", text.strip()).group(1)
        expression = expression.replace("always()", "True").replace("&&", " and ")
        expression = re.sub(r"(inputs|steps)\.[\w.-]+",
                            lambda m: repr(evaluate("${{ " + m.group(0) + " }}")), expression)
        return eval(expression, {"__builtins__": {}}, {"True": True})  # noqa: S307 (own file)

    log = ""
    status = 0
    for step in action["runs"]["steps"]:
        if "if" in step and not condition(step["if"]):
            continue
        if "uses" in step:
            # github/codeql-action/upload-sarif: what it would upload must exist and be SARIF.
            check(step["uses"].startswith("github/codeql-action/upload-sarif@"), "upload step")
            sarif = os.path.join(workspace, evaluate(step["with"]["sarif_file"]))
            check(os.path.isfile(sarif), "the SARIF file to upload exists")
            steps["upload"] = {"category": evaluate(step["with"]["category"]), "sarif": sarif}
            continue
        check(step["shell"] == "bash", "steps run in bash")
        output_file = os.path.join(workspace, ".github_output_" + step.get("id", "step"))
        open(output_file, "w").close()
        env = {"PATH": os.environ["PATH"], "GITHUB_OUTPUT": output_file, "HOME": workspace}
        env.update({key: evaluate(value) for key, value in step.get("env", {}).items()})
        result = subprocess.run(["bash", "-e", "-c", evaluate(step["run"])], cwd=workspace,
                                env=env, capture_output=True, text=True)
        log += result.stdout + result.stderr
        if "id" in step:
            steps[step["id"]] = read_outputs(output_file)
        if result.returncode != 0:
            status = result.returncode
            break
    return steps, status, log


def test_github_action():
    with tempfile.TemporaryDirectory() as workspace:
        # A copy, not a link: Bulwark refuses paths that lead out of the scan root.
        shutil.copytree(os.path.join(SOURCE, "fixtures", "demo"),
                        os.path.join(workspace, "fixtures", "demo"))
        # Findings at the threshold: SARIF written and uploaded, annotations printed, job fails.
        steps, status, log = run_action(
            {"paths": FIXTURE, "bulwark-binary": BULWARK, "sarif-category": "infra/demo",
             "outputs": "junit:bulwark-junit.xml json:bulwark.json"}, workspace)
        check(steps["scan"]["exit-code"] == "1", "the scan finds high findings in the demo")
        check(status == 1, "the job fails on findings at fail-on")
        check("::error file=fixtures/demo/" in log, "findings are annotated with their file")
        check(steps.get("upload", {}).get("category") == "infra/demo", "SARIF is uploaded")
        with open(os.path.join(workspace, "bulwark.sarif"), encoding="utf-8") as f:
            sarif = json.load(f)
        check(sarif["version"] == "2.1.0", "SARIF 2.1.0")
        check(sarif["runs"][0]["automationDetails"]["id"].startswith("infra/demo"),
              "the SARIF category is the input's")
        with open(os.path.join(workspace, "bulwark.json"), encoding="utf-8") as f:
            report = json.load(f)
        check(len(sarif["runs"][0]["results"]) == report["summary"]["failed"],
              "SARIF has every failed finding")
        ElementTree.parse(os.path.join(workspace, "bulwark-junit.xml"))

        # Under the threshold: clean exit, text instead of annotations, still uploaded.
        steps, status, log = run_action(
            {"paths": FIXTURE, "bulwark-binary": BULWARK, "fail-on": "none",
             "annotations": "false", "args": "--only aws-s3-bucket-versioning"}, workspace)
        check(steps["scan"]["exit-code"] == "0" and status == 0, "fail-on none passes the job")
        check("aws-s3-bucket-versioning" in log and "::warning" not in log, "text output, no annotations")
        check("upload" in steps, "SARIF is uploaded after a clean scan too")

        # A usage error stops the job before the upload and never passes silently.
        steps, status, log = run_action(
            {"paths": FIXTURE, "bulwark-binary": BULWARK, "fail-on": "severe"}, workspace)
        check(status == 2 and steps["scan"]["exit-code"] == "2", "a bad fail-on is an error")
        check("upload" not in steps, "nothing is uploaded after a usage error")


# ---- GitLab CI -----------------------------------------------------------------------------

def test_gitlab_template():
    with open(os.path.join(SOURCE, "ci/gitlab/bulwark.gitlab-ci.yml"), encoding="utf-8") as f:
        template = yaml.safe_load(f)
    job = template[".bulwark"]
    check(template["bulwark"]["extends"] == ".bulwark", "the bulwark job extends .bulwark")
    reports = job["artifacts"]["reports"]

    def run_job(variables, workspace):
        env = {"PATH": os.environ["PATH"], "HOME": workspace}
        env.update({key: str(value) for key, value in job["variables"].items()})
        env.update(variables)
        # GitLab runs before_script and script as one shell script; debian:12 has bash.
        script = "\n".join(job["before_script"] + job["script"])
        return subprocess.run(["bash", "-c", script], cwd=workspace, env=env,
                              capture_output=True, text=True)

    with tempfile.TemporaryDirectory() as workspace:
        # A copy, not a link: Bulwark refuses paths that lead out of the scan root.
        shutil.copytree(os.path.join(SOURCE, "fixtures", "demo"),
                        os.path.join(workspace, "fixtures", "demo"))
        result = run_job({"BULWARK_BINARY": BULWARK, "BULWARK_PATHS": FIXTURE}, workspace)
        check(result.returncode == 1, "the job fails on the demo's high findings")
        check("fixtures/demo/" in result.stdout, "the job log lists the findings as text")
        with open(os.path.join(workspace, reports["codequality"]), encoding="utf-8") as f:
            issues = json.load(f)
        check(len(issues) > 0 and all("fingerprint" in i and "location" in i for i in issues),
              "the code quality report has issues with fingerprints and locations")
        suites = ElementTree.parse(os.path.join(workspace, reports["junit"])).getroot()
        check(int(suites.get("failures", "0")) > 0 or any(
            int(s.get("failures", "0")) > 0 for s in suites.iter("testsuite")),
            "the JUnit report has failures")
        for path in job["artifacts"]["paths"]:
            check(os.path.isfile(os.path.join(workspace, path)), f"artifact {path} exists")

        # A threshold nothing reaches and extra arguments (a glob stays a glob): the job passes.
        result = run_job({"BULWARK_BINARY": BULWARK, "BULWARK_PATHS": FIXTURE,
                          "BULWARK_FAIL_ON": "critical",
                          "BULWARK_ARGS": "--exclude fixtures/demo/** --only aws-s3-bucket-versioning"},
                         workspace)
        check(result.returncode == 0, "nothing scanned under the exclude: the job passes\n" +
              result.stdout + result.stderr)

        # Without a binary, an image with bulwark or a source to build: a clear error.
        result = run_job({"BULWARK_PATHS": FIXTURE, "PATH": "/usr/bin:/bin"}, workspace)
        check(result.returncode == 2 and "set BULWARK_BINARY" in result.stderr,
              "a job without bulwark says how to provide it")


test_github_action()
test_gitlab_template()
if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("CI templates: the action and the GitLab template run as written")
