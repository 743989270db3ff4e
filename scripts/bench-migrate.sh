#!/usr/bin/env bash
# Benchmark: slicing a monolith state into unit states with `platform migrate`, against the two
# ways without it, on the same monolith in the same run:
#   - module-level `terraform state mv -state -state-out`, one call per unit (what a user who
#     knows Terraform does), timed whole;
#   - the seed's loop, one `state mv` per resource instance, sampled: the first BENCH_LOOP_SAMPLE
#     moves timed one by one, the total estimated from their mean (the full loop is quadratic).
#
# The monolith: BENCH_UNITS component modules (module.client_stage.module.<group>.module.<c>, in 4
# groups), each a for_each of terraform_data, applied with real Terraform at one instance per
# component and grown to N instances by bench-migrate-monolith.py (copies of the applied
# instances under new keys and ids). Our unit states are compared with the module-level ones
# resource by resource (type, name, keys, attributes, provider; the module-level call leaves
# them under module.<c>, ours at the root, so the module is set aside). Prints Markdown rows for
# docs/benchmarks.md: wall, user + sys CPU, and peak RSS (the larger of the two JVMs).
#
# Usage: scripts/bench-migrate.sh [N ...]   (default: 5000 20000 50000; needs setup and
#        mvn -B -q -DskipTests package first). BENCH_WORK=DIR keeps the work files there.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
load_toolchain_env

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(5000 20000 50000)
units="${BENCH_UNITS:-30}"
sample="${BENCH_LOOP_SAMPLE:-20}"
work="${BENCH_WORK:-$(mktemp -d)}"
mkdir -p "${work}"
platform="${REPO_ROOT}/scripts/platform"
groups=(network compute data ops)

now() { date +%s.%N; }
since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.2f", e - s }'; }
component() { printf 'c%02d' "$1"; }
group() { printf '%s' "${groups[$(($1 % ${#groups[@]}))]}"; }

# seed DIR: the monolith applied with one instance per component.
seed() {
  local dir="$1" i g
  rm -rf "${dir}"
  mkdir -p "${dir}/stage/component"
  printf 'module "client_stage" {\n  source = "./stage"\n}\n' >"${dir}/main.tf"
  : >"${dir}/stage/main.tf"
  for g in "${groups[@]}"; do
    mkdir -p "${dir}/stage/${g}"
    printf 'module "%s" {\n  source = "./%s"\n}\n' "${g}" "${g}" >>"${dir}/stage/main.tf"
    : >"${dir}/stage/${g}/main.tf"
  done
  cat >"${dir}/stage/component/main.tf" <<'HCL'
variable "name" {
  type = string
}

resource "terraform_data" "item" {
  for_each = toset([format("%s-%05d", var.name, 0)])
  input    = { name = each.key, size = length(each.key) }
}
HCL
  for ((i = 0; i < units; i++)); do
    printf 'module "%s" {\n  source = "../component"\n  name   = "%s"\n}\n' \
      "$(component "${i}")" "$(component "${i}")" >>"${dir}/stage/$(group "${i}")/main.tf"
  done
  (cd "${dir}" && terraform init -input=false >/dev/null && terraform apply -input=false -auto-approve >/dev/null)
}

# timed LOG CMD...: runs CMD under /usr/bin/time, appending "wall user sys maxrss_kb" to LOG.
timed() {
  local log="$1"
  shift
  /usr/bin/time -a -o "${log}" -f '%e %U %S %M' "$@" >/dev/null 2>>"${log}.err"
}

# module_level STATE OUT: one module-level state mv per component.
module_level() {
  local state="$1" out="$2" i c
  for ((i = 0; i < units; i++)); do
    c="$(component "${i}")"
    mkdir -p "${out}/${c}"
    terraform state mv -lock=false -state="${state}" -state-out="${out}/${c}/terraform.tfstate" \
      "module.client_stage.module.$(group "${i}").module.${c}" "module.${c}" >/dev/null
  done
}

# loop_sample STATE OUT: the first $sample per-instance moves; prints seconds per move.
loop_sample() {
  local state="$1" out="$2" address rest c start
  mapfile -t addresses < <(terraform state list -state="${state}" | head -n "${sample}")
  start="$(now)"
  for address in "${addresses[@]}"; do
    rest="${address#module.client_stage.module.*.module.}"
    c="${rest%%.*}"
    mkdir -p "${out}/${c}"
    terraform state mv -lock=false -state="${state}" -state-out="${out}/${c}/terraform.tfstate" \
      "${address}" "${rest#*.}" >/dev/null
  done
  awk -v s="${start}" -v e="$(now)" -v n="${#addresses[@]}" 'BEGIN { printf "%.3f", (e - s) / n }'
}

# resources DIR: every unit's resources, normalised for comparison.
resources() {
  local dir="$1" file
  for file in $(find "${dir}" -name terraform.tfstate | sort); do
    printf '%s\n' "${file#"${dir}"/}"
    jq -S '[.resources[] | {mode: .mode, type: .type, name: .name, each: .each, provider: .provider,
      instances: ([.instances[] | del(.dependencies)] | sort_by(.index_key))}] | sort_by(.mode, .type, .name)' "${file}"
  done
}

log "applying the seed monolith (${units} components) in ${work}/seed"
seed "${work}/seed"

printf '| instances | units | state size | platform migrate (plan + apply): wall, CPU, peak RSS | module-level state mv (%d calls) | speed-up | per-instance loop (estimated) | speed-up | unit states equal |\n' "${units}"
printf '| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |\n'
for n in "${sizes[@]}"; do
  mono="${work}/monolith-${n}.tfstate"
  rm -rf "${work}/ours-${n}" "${work}/module-${n}" "${work}/loop-${n}" "${work}/ours-${n}.time"
  python3 "${REPO_ROOT}/scripts/bench-migrate-monolith.py" "${work}/seed/terraform.tfstate" "${n}" "${mono}"
  size="$(du -h "${mono}" | cut -f1)"

  log "size ${n}: platform migrate"
  timed "${work}/ours-${n}.time" "${platform}" migrate plan --source "${mono}" --to-dir "${work}/ours-${n}" \
    --prefix 'module.client_stage.module.*' --out "${work}/plan-${n}.json"
  timed "${work}/ours-${n}.time" "${platform}" migrate apply "${work}/plan-${n}.json"
  read -r ours cpu rss < <(awk '{ w += $1; c += $2 + $3; if ($4 > m) m = $4 } END { printf "%.2f %.2f %d\n", w, c, m / 1024 }' "${work}/ours-${n}.time")
  log "size ${n}: platform migrate took ${ours} s"

  log "size ${n}: module-level state mv, ${units} calls"
  cp "${mono}" "${work}/module-${n}.tfstate"
  start="$(now)"
  module_level "${work}/module-${n}.tfstate" "${work}/module-${n}"
  module="$(since "${start}")"
  log "size ${n}: module-level state mv took ${module} s"

  log "size ${n}: per-instance state mv, ${sample} moves"
  cp "${mono}" "${work}/loop-${n}.tfstate"
  per_move="$(loop_sample "${work}/loop-${n}.tfstate" "${work}/loop-${n}")"
  loop="$(awk -v p="${per_move}" -v n="${n}" 'BEGIN { printf "%.0f", p * n }')"

  resources "${work}/ours-${n}" >"${work}/ours-${n}.json"
  resources "${work}/module-${n}" >"${work}/module-${n}.json"
  if [[ -s "${work}/ours-${n}.json" ]] && diff "${work}/ours-${n}.json" "${work}/module-${n}.json" >"${work}/diff-${n}.txt"; then
    equal="yes"
  else
    equal="NO (see ${work}/diff-${n}.txt)"
  fi
  printf '| %d | %d | %s | %s s, %s s, %d MiB | %s s | %s | %s s (%s s per move) | %s | %s |\n' \
    "${n}" "${units}" "${size}" "${ours}" "${cpu}" "${rss}" "${module}" \
    "$(awk -v a="${module}" -v b="${ours}" 'BEGIN { printf "%.1fx", a / b }')" \
    "${loop}" "${per_move}" "$(awk -v a="${loop}" -v b="${ours}" 'BEGIN { printf "%.0fx", a / b }')" "${equal}"
done
