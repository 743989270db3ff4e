#!/usr/bin/env bash
# Benchmark: on an applied live/local in a Git repository, after a change to one leaf unit
# (live/local/rds, which nothing depends on), `platform verify --affected` against
# `terragrunt run --all plan`, side by side in one run, both over the caches the apply left
# (what a PR run meets after the first): once a change of its inputs (the unit then plans a
# change, which verify also renders with `terraform show -json` to report it), once a comment
# in its file (the unit plans clean). Also prints what a change under modules/vpc/ selects.
# Prints Markdown for docs/benchmarks.md.
#
# Usage: scripts/bench-affected.sh   (needs scripts/setup.sh and mvn -DskipTests package first)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
load_toolchain_env

work="$(mktemp -d)"
# A moto of this script's own, stopped (and the work folder removed) on exit.
start_emulator "${work}"

cd "${REPO_ROOT}"
repo="${work}/repo"
mkdir -p "${repo}/lambdas/kill-switch"
cp -R live modules toolchain.properties pom.xml "${repo}/"
cp -R lambdas/kill-switch/target lambdas/kill-switch/pom.xml "${repo}/lambdas/kill-switch/"
find "${repo}" \( -name .terragrunt-cache -o -name .terraform \) -type d -prune -exec rm -rf {} +
tree="${repo}/live/local"
git_() { git -C "${repo}" -c user.email=bench@example.com -c user.name=bench "$@"; }
printf '.terragrunt-cache/\ntarget/\n' >"${repo}/.gitignore"
git_ init -q -b main
git_ add -A
git_ commit -q -m "live/local as applied"

log "applying ${tree}"
scripts/platform bootstrap "${tree}" >/dev/null
(cd "${tree}" && terragrunt run --all --non-interactive -- apply -input=false -auto-approve >/dev/null 2>&1)
units="$(find "${tree}" -name terragrunt.hcl -not -path '*/.terragrunt-cache/*' | wc -l | tr -d ' ')"

# seconds CMD...: wall time of CMD; exit 0 (clean) and 2 (changes) are both results here.
seconds() {
  local start end rc=0
  start="$(date +%s.%N)"
  "$@" >"${work}/last-run.log" 2>&1 || rc=$?
  ((rc == 0 || rc == 2)) || { tail -n 40 "${work}/last-run.log" >&2; die "$* failed (exit ${rc})"; }
  end="$(date +%s.%N)"
  awk -v s="${start}" -v e="${end}" 'BEGIN { printf "%.1f", e - s }'
}
baseline() { (cd "${tree}" && terragrunt run --all --non-interactive -- plan -input=false); }
ours() { scripts/platform verify "${tree}" --affected --base main --json "${work}/affected.json"; }
# side_by_side LABEL: two rounds of both, after one warm-up each, as table rows.
side_by_side() {
  local round b o rows=""
  seconds baseline >/dev/null
  seconds ours >/dev/null
  for round in 1 2; do
    log "$1, round ${round}: terragrunt run --all plan"
    b="$(seconds baseline)"
    log "$1, round ${round}: platform verify --affected"
    o="$(seconds ours)"
    rows+="| $1, round ${round} | ${b} s | ${o} s | $(awk -v a="${b}" -v c="${o}" 'BEGIN { printf "%.1fx", a / c }') |"$'\n'
  done
  printf '%s' "${rows}"
}

git_ checkout -q -b inputs
sed -i 's/backup_retention_period         = 1/backup_retention_period         = 3/' "${tree}/rds/terragrunt.hcl"
git_ commit -q -am "rds: keep backups for three days"
rows="$(side_by_side "rds's inputs changed")"$'\n'
inputs_verdict="$(sed -n 's/.*"verdict" *: *"\([a-z-]*\)".*/\1/p' "${work}/affected.json" | paste -sd, -)"
selected="$(grep -c '"verdict"' "${work}/affected.json")"

git_ checkout -q main
git_ checkout -q -b comment
printf '\n# Reviewed for the backup policy.\n' >>"${tree}/rds/terragrunt.hcl"
git_ commit -q -am "rds: a comment"
rows+="$(side_by_side "a comment in rds's file")"
comment_verdict="$(sed -n 's/.*"verdict" *: *"\([a-z-]*\)".*/\1/p' "${work}/affected.json" | paste -sd, -)"

# What a change under modules/vpc/ selects (nothing is planned for this line).
git_ checkout -q main
git_ checkout -q -b vpc-change
printf '\n# a comment\n' >>"${repo}/modules/vpc/main.tf"
git_ commit -q -am "vpc: a comment"
scripts/platform verify "${tree}" --affected --base main --shard 1/1 --timings "${work}/affected.json" \
  --json "${work}/vpc.json" >"${work}/vpc.log" 2>&1 || true
vpc_selected="$(sed -n 's/^selected: \(.*\)$/\1/p' "${work}/vpc.log")"
vpc_units="$(sed -n 's/^  \([a-z0-9-]*\)  .*/\1/p' "${work}/vpc.log" | paste -sd, -)"

cat <<MD
| ${units} units of live/local on moto | terragrunt run --all plan (${units} units) | platform verify --affected (${selected} unit: ${inputs_verdict}, then ${comment_verdict}) | speed-up |
| --- | ---: | ---: | ---: |
${rows}

A change under modules/vpc/: ${vpc_selected} (${vpc_units}).
MD
