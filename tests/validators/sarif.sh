#!/usr/bin/env bash
# Runs the official SARIF validator (`sarif-multitool validate` from the npm package
# @microsoft/sarif-multitool, installed by `scripts/setup --test`) with its SARIF and GitHub
# (`Gh`) rule kinds over Bulwark's SARIF for the end-to-end fixtures, and fails on any error or
# warning about a log. Usage: sarif.sh BULWARK_BINARY SOURCE_DIR
# Without the validator: fails in CI (CI=true), skips elsewhere (exit 77, CTest's SKIP_RETURN_CODE).
set -uo pipefail
bulwark=$1
source_dir=$2
validator="$source_dir/tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

if [[ ! -x "$validator" ]]; then
  echo "sarif-multitool is not installed at $validator; run scripts/setup --test (scripts/test does)"
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir" || exit 1

# Scans from the repository root, so URIs are repository-relative as GitHub wants them.
logs=()
scan() {  # scan NAME PATH...
  local name=$1
  shift
  "$bulwark" scan "$@" --root . --fail-on none --format "sarif:$work/$name.sarif" || {
    echo "bulwark failed on $*"
    exit 1
  }
  logs+=("$work/$name.sarif")
}
scan demo fixtures/demo
# Against a baseline: every result carries baselineState (half the demo's findings accepted).
"$bulwark" baseline create fixtures/demo --root . -o "$work/demo-baseline.json" 2> /dev/null
python3 - "$work/demo-baseline.json" <<'PY'
import json, sys
path = sys.argv[1]
data = json.load(open(path))
data["findings"] = data["findings"][::2]
json.dump(data, open(path, "w"))
PY
scan demo-baselined fixtures/demo --baseline "$work/demo-baseline.json" --show-baselined
# Every rule's failing fixtures in one log (one log per rule took the validator minutes).
scan rule-fixtures fixtures/rules/*/fail
# Input problems become toolExecutionNotifications with locations; odd file names are URI-encoded.
mkdir -p "$work/odd/infra dir"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [\n' > "$work/odd/infra dir/broken é.yaml"
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Tablé:\n    Type: AWS::DynamoDB::Table\n    Properties: {KeySchema: [{AttributeName: "ïd", KeyType: HASH}]}\n' \
  > "$work/odd/infra dir/tables #1.yaml"
(cd "$work/odd" && "$bulwark" scan . --fail-on none --sarif-category "infra/odd" \
  --format "sarif:$work/odd.sarif") || exit 1
logs+=("$work/odd.sarif")
# The reporter's golden files (including suppressed results) are SARIF too.
for golden in tests/golden/expected/*.sarif; do
  [[ -f "$golden" ]] && logs+=("$golden")
done

output=$("$validator" validate --config "$source_dir/tests/validators/sarif-validator.xml" \
  --rule-kind "Sarif;Gh" --level "Error;Warning;Note" -o "$work/validation.sarif" "${logs[@]}" 2>&1)
status=$?
# Problems in a log are printed as `FILE(LINE,COL): LEVEL RULE: message`. The validator's own
# WRN999 (a rule disabled by our configuration: the one that fetches URIs over HTTP) is about the
# run, not a log.
problems=$(grep -E '\): (error|warning) ' <<< "$output")
notes=$(grep -cE '\): note ' <<< "$output")
echo "validated ${#logs[@]} SARIF logs with rule kinds Sarif and Gh: $(grep -cE '\): error ' <<< "$output") errors, $(grep -cE '\): warning ' <<< "$output") warnings, $notes notes"
if [[ $status -ne 0 || -n "$problems" ]] || ! grep -q "Analysis completed successfully" <<< "$output"; then
  echo "$output" | grep -vE '\): note ' | head -100
  exit 1
fi
