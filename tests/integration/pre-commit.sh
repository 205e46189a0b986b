#!/usr/bin/env bash
# The real pre-commit (Debian's `pre-commit`, installed by `scripts/setup --test`) with this
# repository's .pre-commit-hooks.yaml, offline: a temporary git repository installs the hook; a
# commit adding a violating resource is blocked with a readable message, a compliant commit and a
# commit of other files pass. Both hooks run: `bulwark` (bulwark on PATH) and `bulwark-source`
# (the script hook, with BULWARK_BINARY set so that it does not build).
# Usage: pre-commit.sh BULWARK_BINARY SOURCE_DIR
# Without pre-commit: fails in CI (CI=true), skips elsewhere (exit 77, CTest's SKIP_RETURN_CODE).
set -uo pipefail
bulwark=$(realpath "$1")
source_dir=$2

if ! command -v pre-commit > /dev/null || ! command -v git > /dev/null; then
  echo "pre-commit (or git) is not installed; run scripts/setup --test (scripts/test does)"
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private home, pre-commit cache and git identity: nothing of the user's leaks in or out.
export HOME="$work/home" PRE_COMMIT_HOME="$work/cache" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global commit.gpgsign false

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# The hook repository: this working tree's hook definitions and script, committed (pre-commit
# clones `repo:` at `rev:`, and a local path works offline).
hooks="$work/hooks"
mkdir -p "$hooks/scripts"
cp "$source_dir/.pre-commit-hooks.yaml" "$hooks/"
cp "$source_dir/scripts/pre-commit-hook" "$hooks/scripts/"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -q -m hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# `bulwark` on PATH for the system hook.
mkdir -p "$work/bin"
ln -s "$(cd "$(dirname "$bulwark")" && pwd)/$(basename "$bulwark")" "$work/bin/bulwark"
export PATH="$work/bin:$PATH"

compliant_tf='# A customer-managed key, rotated yearly.
resource "aws_kms_key" "data" {
  description         = "Encrypts the data bucket"
  enable_key_rotation = true
}
'
violating_tf='# SSH open to the whole internet.
resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion host"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'

run_project() {  # HOOK_ID: one project repository with that hook installed
  local hook=$1 project="$work/project-$1" out
  mkdir -p "$project/infra"
  git -C "$project" init -q
  cat > "$project/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: $hook
YAML
  (cd "$project" && pre-commit install > /dev/null) || { fail "$hook: pre-commit install"; return; }

  # A compliant commit passes (the hook really ran on the Terraform file).
  printf '%s' "$compliant_tf" > "$project/infra/kms.tf"
  git -C "$project" add -A
  if ! out=$(cd "$project" && git commit -m "compliant key" 2>&1); then
    fail "$hook: a compliant commit was blocked:"$'\n'"$out"
  elif ! grep -qE "bulwark.*Passed" <<< "$out"; then
    fail "$hook: the hook did not run on a compliant commit:"$'\n'"$out"
  fi

  # A commit adding a violating resource is blocked, and says which rule, file and line.
  printf '%s' "$violating_tf" > "$project/infra/network.tf"
  git -C "$project" add -A
  if out=$(cd "$project" && git commit -m "open ssh" 2>&1); then
    fail "$hook: a violating commit passed:"$'\n'"$out"
  else
    for expected in "bulwark.*Failed" "infra/network.tf:11" "aws-ec2-security-group-no-public-admin-ports" \
      "aws_security_group.bastion"; do
      grep -qE "$expected" <<< "$out" || fail "$hook: the message lacks '$expected':"$'\n'"$out"
    done
    # Only the staged file is reported, not the module's other file.
    grep -q "infra/kms.tf" <<< "$out" && fail "$hook: reported a file that was not staged:"$'\n'"$out"
  fi
  [[ -z "$(git -C "$project" log --format=%s | grep -x 'open ssh')" ]] || fail "$hook: the commit exists"

  # Fixed (SSH from the VPN range only): the same change now passes.
  sed -i 's|"0.0.0.0/0"|"10.20.0.0/16"|' "$project/infra/network.tf"
  git -C "$project" add -A
  out=$(cd "$project" && git commit -m "ssh from the vpn" 2>&1) ||
    fail "$hook: the fixed commit was blocked:"$'\n'"$out"

  # Deleting a file and committing documentation only: nothing to scan, the commit passes.
  git -C "$project" rm -q infra/kms.tf
  echo "# Infrastructure" > "$project/README.md"
  git -C "$project" add -A
  out=$(cd "$project" && git commit -m "docs" 2>&1) || fail "$hook: a docs commit was blocked:"$'\n'"$out"

  # `pre-commit run --all-files` sees the whole repository, a file deleted in the work tree too.
  rm "$project/infra/network.tf"
  out=$(cd "$project" && pre-commit run --all-files 2>&1) ||
    fail "$hook: run --all-files with a deleted file failed:"$'\n'"$out"
  echo "$hook: ok"
}

run_project bulwark
BULWARK_BINARY="$bulwark" run_project bulwark-source

if ((failures > 0)); then
  echo "$failures failure(s)"
  exit 1
fi
echo "pre-commit hooks: all checks passed"
