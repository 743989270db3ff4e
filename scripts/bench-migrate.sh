#!/usr/bin/env bash
# Benchmark: slicing a monolith state with `platform migrate` against the per-resource
# `terraform state mv -state -state-out` loop, on the same real monolith, side by side.
#
# For each size N, a monolith of N terraform_data instances across 13 component modules
# (module.client_stage.module.<group>.module.<component>) is applied with real Terraform, then
# sliced both ways into one state per component; the unit states are compared for equality of
# resources (type, name, keys, attributes, provider) and the times printed as Markdown rows
# for docs/benchmarks.md. The state mv loop logs its progress (and rate) to
# <work>/seed-N.progress, so a run cut short still yields a measured rate.
#
# Usage: scripts/bench-migrate.sh [N ...]     (default: 100 1000 5000; needs setup and
#        mvn -DskipTests package first). BENCH_WORK=DIR keeps the work files there.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
load_toolchain_env

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100 1000 5000)
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "${work}"
platform="${REPO_ROOT}/scripts/platform"
components=(vpc eks alb cloudflared_ec2 rds athena kill_switch queue cache search mail dns audit)
groups=(network compute data ops)

now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }'; }

# monolith DIR N: a root module nesting 13 components in 4 groups, N instances in all.
monolith() {
  local dir="$1" n="$2" i c g per extra count
  mkdir -p "${dir}/stage/component"
  for g in "${groups[@]}"; do mkdir -p "${dir}/stage/${g}"; done
  printf 'module "client_stage" {\n  source = "./stage"\n}\n' >"${dir}/main.tf"
  : >"${dir}/stage/main.tf"
  for g in "${groups[@]}"; do
    printf 'module "%s" {\n  source = "./%s"\n}\n' "${g}" "${g}" >>"${dir}/stage/main.tf"
    : >"${dir}/stage/${g}/main.tf"
  done
  cat >"${dir}/stage/component/main.tf" <<'HCL'
variable "name" {
  type = string
}

variable "instances" {
  type = number
}

resource "terraform_data" "item" {
  for_each = toset([for i in range(var.instances) : format("%s-%05d", var.name, i)])
  input    = { name = each.key, size = length(each.key) }
}
HCL
  per=$((n / ${#components[@]}))
  extra=$((n % ${#components[@]}))
  for i in "${!components[@]}"; do
    c="${components[$i]}"
    g="${groups[$((i % ${#groups[@]}))]}"
    count=$((per + (i < extra ? 1 : 0)))
    printf 'module "%s" {\n  source    = "../component"\n  name      = "%s"\n  instances = %d\n}\n' \
      "${c}" "${c}" "${count}" >>"${dir}/stage/${g}/main.tf"
  done
  (cd "${dir}" && terraform init -input=false >/dev/null && terraform apply -input=false -auto-approve -parallelism=20 >/dev/null)
}

# seed_slice STATE OUT LOG: one `terraform state mv` per instance, as the seed did it.
seed_slice() {
  local state="$1" out="$2" progress="$3" address rest unit target done=0 total start
  mapfile -t addresses < <(terraform state list -state="${state}")
  total="${#addresses[@]}"
  start="$(now)"
  mkdir -p "${out}"
  for address in "${addresses[@]}"; do
    # module.client_stage.module.<group>.module.<component>.<resource address>
    rest="${address#module.client_stage.module.*.module.}"
    unit="${rest%%.*}"
    target="${rest#*.}"
    mkdir -p "${out}/${unit//_/-}"
    terraform state mv -lock=false -state="${state}" -state-out="${out}/${unit//_/-}/terraform.tfstate" \
      "${address}" "${target}" >/dev/null
    done=$((done + 1))
    if ((done % 50 == 0 || done == total)); then
      printf '%s %d/%d moves in %s s\n' "$(date +%H:%M:%S)" "${done}" "${total}" "$(since "${start}")" >>"${progress}"
    fi
  done
}

# resources DIR: every unit's resources, normalised for comparison (lineage, serial and
# dependencies aside, which each method sets its own way).
resources() {
  local dir="$1" file
  for file in $(find "${dir}" -name terraform.tfstate | sort); do
    printf '%s\n' "${file#"${dir}"/}"
    jq -S '[.resources[] | {module: .module, mode: .mode, type: .type, name: .name, each: .each, provider: .provider,
      instances: ([.instances[] | del(.dependencies)] | sort_by(.index_key))}] | sort_by(.module, .mode, .type, .name)' "${file}"
  done
}

printf '| instances | platform migrate (plan + apply) | terraform state mv loop | speed-up | unit states equal |\n'
printf '| ---: | ---: | ---: | ---: | --- |\n'
for n in "${sizes[@]}"; do
  dir="${work}/monolith-${n}"
  log "size ${n}: applying the monolith in ${dir}"
  rm -rf "${dir}" "${work}/ours-${n}" "${work}/seed-${n}" "${work}/seed-${n}.progress"
  monolith "${dir}" "${n}"

  log "size ${n}: platform migrate"
  start="$(now)"
  "${platform}" migrate plan --source "${dir}/terraform.tfstate" --to-dir "${work}/ours-${n}" \
    --prefix 'module.client_stage.module.*' --out "${work}/plan-${n}.json" >/dev/null 2>&1
  "${platform}" migrate apply "${work}/plan-${n}.json" >/dev/null 2>&1
  ours="$(since "${start}")"
  log "size ${n}: platform migrate took ${ours} s"

  log "size ${n}: terraform state mv loop (progress in ${work}/seed-${n}.progress)"
  cp "${dir}/terraform.tfstate" "${work}/seed-${n}.tfstate"
  start="$(now)"
  seed_slice "${work}/seed-${n}.tfstate" "${work}/seed-${n}" "${work}/seed-${n}.progress"
  seed="$(since "${start}")"
  log "size ${n}: the state mv loop took ${seed} s"

  resources "${work}/ours-${n}" >"${work}/ours-${n}.json"
  resources "${work}/seed-${n}" >"${work}/seed-${n}.json"
  if [[ -s "${work}/ours-${n}.json" ]] && diff "${work}/ours-${n}.json" "${work}/seed-${n}.json" >"${work}/diff-${n}.txt"; then
    equal="yes"
  else
    equal="NO (see ${work}/diff-${n}.txt)"
  fi
  speedup="$(awk -v a="${seed}" -v b="${ours}" 'BEGIN { printf "%.0fx", a / b }')"
  printf '| %d | %s s | %s s | %s | %s |\n' "${n}" "${ours}" "${seed}" "${speedup}" "${equal}"
done
