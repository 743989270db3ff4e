#!/usr/bin/env bash
# Static checks of everything that is not Java: formatting, tflint and checkov of the modules,
# terraform validate of every unit of every environment (or of the environments named as
# arguments), shell scripts, workflows. Run by scripts/test.sh; needs the toolchain from
# scripts/setup.sh. Writes nothing into the clone.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

load_toolchain_env
cd "${REPO_ROOT}"

log "terraform fmt -check (modules)"
terraform fmt -check -recursive -diff modules

log "terragrunt hcl fmt --check (live)"
terragrunt hcl fmt --check --working-dir live

log "tflint (modules and their examples)"
for dir in modules/*/ modules/*/examples/*/; do
  tflint --chdir "${dir}" --config "${REPO_ROOT}/.tflint.hcl" --format compact
done

log "checkov (modules)"
# A file checkov cannot parse is skipped with a count only: fail on it, or its checks never run.
checkov_out="$(checkov --directory modules --framework terraform --quiet --compact --skip-download)" || {
  printf '%s\n' "${checkov_out}"
  die "checkov found problems"
}
printf '%s\n' "${checkov_out}"
if grep -q 'Parsing errors: [1-9]' <<<"${checkov_out}"; then
  die "checkov could not parse some module files, so their checks did not run (checkov -o json lists them)"
fi

"${REPO_ROOT}/scripts/lib/validate-live.sh" "$@"

log "shellcheck (scripts)"
mapfile -t shell_files < <(git ls-files -- 'scripts/*' '.ci/*' | while read -r f; do
  [[ "$(head -c 2 "${f}")" == "#!" || "${f}" == *.sh ]] && printf '%s\n' "${f}"
done)
shellcheck --external-sources --source-path=SCRIPTDIR "${shell_files[@]}"

log "shellcheck (boot scripts rendered from the modules' templates)"
# In a template, $${ is an escaped shell expansion and ${name} a template value: the values
# become a placeholder, the escapes plain shell, and shellcheck reads what the instance runs.
while IFS= read -r template; do
  rendered="$(mktemp)"
  sed -e 's/\$\${/@@shell@@{/g' -e 's/\${[A-Za-z_][A-Za-z0-9_]*}/template-value/g' -e 's/@@shell@@{/${/g' \
    "${template}" >"${rendered}"
  shellcheck --shell=bash "${rendered}" || { rm -f "${rendered}"; die "shellcheck found problems in ${template}"; }
  rm -f "${rendered}"
done < <(git ls-files -- 'modules/*.sh.tftpl')

log "actionlint (GitHub workflows)"
actionlint .github/workflows/*.yml

log "lint passed"
