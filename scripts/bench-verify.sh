#!/usr/bin/env bash
# Benchmark: `platform verify live/local` against `terragrunt run --all plan` as users run it
# without a provider cache, on the same applied units, same machine, same run; cold (no
# .terragrunt-cache) and warm (second run). Prints a Markdown table for docs/benchmarks.md.
#
# The baseline installs the AWS provider the way a registry download does: from a packed
# (zip) mirror, extracted into every unit's .terraform. `platform verify` uses setup's
# unpacked mirror, which Terraform links instead of copying.
#
# Usage: scripts/bench-verify.sh   (needs scripts/setup.sh and mvn -DskipTests package first)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
load_toolchain_env

work="$(mktemp -d)"
state="${work}/emulator.json"
cleanup() {
  "${REPO_ROOT}/scripts/platform" emulator stop --state-file "${state}" >/dev/null 2>&1 || true
  rm -rf "${work}"
}
trap cleanup EXIT

cd "${REPO_ROOT}"
mkdir -p "${work}/repo"
cp -R live modules toolchain.properties "${work}/repo/"
if [[ -d lambdas/kill-switch/target ]]; then
  mkdir -p "${work}/repo/lambdas/kill-switch"
  cp -R lambdas/kill-switch/target "${work}/repo/lambdas/kill-switch/"
fi
find "${work}/repo" -name .terragrunt-cache -type d -prune -exec rm -rf {} +
tree="${work}/repo/live/local"

# A packed mirror of the same provider build, made once and cached.
version="$(pin aws-provider.version)"
platform_name="$(os_arch)"
packed="${PLATFORM_CACHE_DIR}/bench/packed-mirror"
zip_dir="${packed}/registry.terraform.io/hashicorp/aws"
if [[ ! -f "${zip_dir}/terraform-provider-aws_${version}_${platform_name}.zip" ]]; then
  log "making a packed provider mirror (once)"
  # The mirror block whose include names the AWS provider (setup may write others before it).
  unpacked="$(awk '/path *=/ { gsub(/.*= *"|"$/, ""); path = $0 } /include *=.*hashicorp\/aws/ { print path; exit }' "${TF_CLI_CONFIG_FILE}")"
  mkdir -p "${zip_dir}"
  (cd "${unpacked}/registry.terraform.io/hashicorp/aws/${version}/${platform_name}" &&
    zip -q -r "${zip_dir}/terraform-provider-aws_${version}_${platform_name}.zip" .)
fi
baseline_rc="${work}/baseline.tfrc"
printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "${packed}" >"${baseline_rc}"

log "starting the emulator and applying ${tree}"
eval "$(scripts/platform emulator start --state-file "${state}")"
scripts/platform bootstrap "${tree}" >/dev/null
(cd "${tree}" && terragrunt run --all --non-interactive -- apply -input=false -auto-approve >/dev/null 2>&1)
units="$(find "${tree}" -name terragrunt.hcl -not -path '*/.terragrunt-cache/*' | wc -l | tr -d ' ')"

clear_caches() { find "${tree}" -name .terragrunt-cache -type d -prune -exec rm -rf {} +; }
cache_bytes() { find "${tree}" -name .terragrunt-cache -type d -prune -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1; }
# seconds CMD...: wall time of CMD, which must succeed (a failed plan is not a figure).
seconds() {
  local start end
  start="$(date +%s.%N)"
  "$@" >"${work}/last-run.log" 2>&1 || { tail -n 40 "${work}/last-run.log" >&2; die "$* failed"; }
  end="$(date +%s.%N)"
  awk -v s="${start}" -v e="${end}" 'BEGIN { printf "%.1f", e - s }'
}
baseline() { (cd "${tree}" && TF_CLI_CONFIG_FILE="${baseline_rc}" terragrunt run --all --non-interactive -- plan -input=false); }
ours() { scripts/platform verify "${tree}"; }

clear_caches
log "baseline, cold"
baseline_cold="$(seconds baseline)"
baseline_disk="$(cache_bytes)"
log "baseline, warm"
baseline_warm="$(seconds baseline)"

clear_caches
log "platform verify, cold"
ours_cold="$(seconds ours)"
ours_disk="$(cache_bytes)"
log "platform verify, warm"
ours_warm="$(seconds ours)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

cat <<EOF
| ${units} units of live/local on moto | terragrunt run --all plan | platform verify | speed-up |
| --- | ---: | ---: | ---: |
| cold (no .terragrunt-cache) | ${baseline_cold} s | ${ours_cold} s | $(ratio "${baseline_cold}" "${ours_cold}") |
| warm (second run) | ${baseline_warm} s | ${ours_warm} s | $(ratio "${baseline_warm}" "${ours_warm}") |
| bytes in .terragrunt-cache after the run | $(mib "${baseline_disk}") | $(mib "${ours_disk}") | |
EOF
