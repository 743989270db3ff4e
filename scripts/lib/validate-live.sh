#!/usr/bin/env bash
# `terragrunt hcl validate --inputs --strict` of every unit of every environment, and
# `terraform validate` of every unit of the environments named as arguments (all of them when
# none is), on a copy of the tree (nothing is written into the clone) and without any
# backend or cloud access: init runs with -backend=false, so dependencies read as unapplied and
# their mock outputs stand in (they are allowed for validate only). Account ids and the
# emulator endpoint get placeholders; nothing here talks to AWS.
#
# Units whose providers cannot be installed on this machine (the Cloudflare provider where
# its registry is unreachable and no mirror holds it) are reported and left out; where
# PLATFORM_PROVIDER_MIRROR names a mirror, that is an error instead.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
load_toolchain_env

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
cp -R "${REPO_ROOT}/live" "${REPO_ROOT}/modules" "${REPO_ROOT}/toolchain.properties" "${work}/"
find "${work}" \( -name .terragrunt-cache -o -name .terraform \) -type d -prune -exec rm -rf {} +

export PLATFORM_STAGING_ACCOUNT_ID=111111111111 PLATFORM_PROD_ACCOUNT_ID=222222222222
export AWS_ENDPOINT_URL=http://127.0.0.1:9
export AWS_ACCESS_KEY_ID=validate AWS_SECRET_ACCESS_KEY=validate
for env in STAGING PROD; do
  export "PLATFORM_${env}_CLOUDFLARE_ACCOUNT_ID=0123456789abcdef0123456789abcdef"
  export "PLATFORM_${env}_CLOUDFLARE_ZONE_ID=fedcba9876543210fedcba9876543210"
  export "PLATFORM_${env}_CLOUDFLARE_ZONE_NAME=example.com"
  export "PLATFORM_${env}_CLOUDFLARE_IDP_ID=00000000-0000-4000-8000-000000000000"
  export "PLATFORM_${env}_CLOUDFLARE_TEAM_NAME=example"
  export "PLATFORM_${env}_CLOUDFLARED_AMI_ID=ami-0123456789abcdef0"
  export "PLATFORM_${env}_ALB_CERTIFICATE_ARN=arn:aws:acm:eu-west-1:111111111111:certificate/00000000-0000-4000-8000-000000000000"
done
export TF_CLI_ARGS_init=-backend=false TG_NON_INTERACTIVE=true TG_NO_COLOR=true

# provider_installable SOURCE CONSTRAINT: can `terraform init` get this provider here?
provider_installable() {
  local probe="${work}/probe-${1//\//-}" out
  mkdir -p "${probe}"
  printf 'terraform {\n  required_providers {\n    p = { source = "%s", version = "%s" }\n  }\n}\n' "$1" "$2" >"${probe}/main.tf"
  out="$(cd "${probe}" && terraform init -input=false 2>&1)" && return 0
  # Only an unreachable or refusing registry counts as "not installable"; anything else fails.
  grep -qE 'Failed to query available provider packages|could not connect to registry|no available releases|Failed to install provider' <<<"${out}" || {
    printf '%s\n' "${out}" >&2
    die "provider probe for $1 failed for another reason"
  }
  return 1
}

exclude=()
constraint="$(pin cloudflare-provider.constraint)"
if [[ -n "${constraint}" ]] && ! provider_installable cloudflare/cloudflare "${constraint}"; then
  # A mirror that was given must serve it: skipping would hide a broken mirror.
  [[ -z "${PLATFORM_PROVIDER_MIRROR:-}" ]] ||
    die "cloudflare provider ${constraint} is in none of the mirrors in PLATFORM_PROVIDER_MIRROR (${PLATFORM_PROVIDER_MIRROR}) and not on its registry; rerun scripts/setup.sh after fixing the mirror"
  log "cloudflare provider ${constraint} cannot be installed here: cloudflare-tunnel units not validated (set PLATFORM_PROVIDER_MIRROR to a mirror holding it)"
  exclude+=(--filter '!name=cloudflare-tunnel')
fi

cd "${work}/live"
log "terragrunt hcl validate --inputs --strict (every environment)"
terragrunt hcl validate --inputs --strict --log-level warn "${exclude[@]}"

environments=()
for env in "$@"; do
  environments+=("${env%/}")
done
if ((${#environments[@]} == 0)); then
  for found in */env.hcl; do
    [[ -e "${found}" ]] && environments+=("${found%/env.hcl}")
  done
  ((${#environments[@]} > 0)) || die "no environment (live/*/env.hcl) to validate"
fi
for env in "${environments[@]}"; do
  [[ -f "${env}/env.hcl" ]] || die "no environment ${env} under live/"
  log "terraform validate (every unit of ${env})"
  (cd "${env}" && terragrunt run --all "${exclude[@]}" -- validate -no-color) >"${work}/validate-${env}.log" 2>&1 || {
    grep -E 'Error|error' "${work}/validate-${env}.log" >&2 || cat "${work}/validate-${env}.log" >&2
    die "terraform validate failed in ${env}"
  }
  log "every unit of ${env} validates: $(grep -c 'The configuration is valid' "${work}/validate-${env}.log") units"
done
