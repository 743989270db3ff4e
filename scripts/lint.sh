#!/usr/bin/env bash
# Static checks of everything that is not Java: formatting of Terraform and Terragrunt files,
# shell scripts. Run by scripts/test.sh; needs the toolchain from scripts/setup.sh.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

load_toolchain_env
cd "${REPO_ROOT}"

log "terraform fmt -check (modules)"
terraform fmt -check -recursive -diff modules

log "terragrunt hcl fmt --check (live)"
terragrunt hcl fmt --check --working-dir live

log "shellcheck (scripts)"
mapfile -t shell_files < <(git ls-files -- 'scripts/*' '.ci/*' | while read -r f; do
  [[ "$(head -c 2 "${f}")" == "#!" || "${f}" == *.sh ]] && printf '%s\n' "${f}"
done)
shellcheck --external-sources --source-path=SCRIPTDIR "${shell_files[@]}"

log "actionlint (GitHub workflows)"
actionlint .github/workflows/*.yml

log "lint passed"
