#!/usr/bin/env bash
# Benchmark: on an applied live/local in a Git repository, after a change to one leaf unit's
# inputs (live/local/rds), `platform verify --affected` against `terragrunt run --all plan`,
# side by side in one run, both over the caches the apply left (what a PR run meets after the
# first). Also prints what a change under modules/vpc/ selects. Prints Markdown for
# docs/benchmarks.md.
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

# One leaf unit's inputs change: a longer backup retention for rds, which nothing depends on.
git_ checkout -q -b change
sed -i 's/backup_retention_period         = 1/backup_retention_period         = 3/' "${tree}/rds/terragrunt.hcl"
git_ commit -q -am "rds: keep backups for three days"

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

log "warming both up"
seconds baseline >/dev/null
seconds ours >/dev/null
rows=""
for round in 1 2; do
  log "round ${round}: terragrunt run --all plan"
  b="$(seconds baseline)"
  log "round ${round}: platform verify --affected"
  o="$(seconds ours)"
  rows+="| ${round} | ${b} s | ${o} s | $(awk -v a="${b}" -v c="${o}" 'BEGIN { printf "%.1fx", a / c }') |"$'\n'
done
selected="$(grep -c '"verdict"' "${work}/affected.json")"

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
| ${units} units of live/local on moto, rds's inputs changed | terragrunt run --all plan | platform verify --affected (${selected} unit) | speed-up |
| --- | ---: | ---: | ---: |
${rows}
A change under modules/vpc/: ${vpc_selected} (${vpc_units}).
MD
