# Shared helpers for the scripts under scripts/. Source it; do not run it.
# shellcheck shell=bash disable=SC2034 # the scripts that source this file use its variables

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PINS_FILE="${REPO_ROOT}/toolchain.properties"

# Everything downloaded or built lives here, outside the clone, keyed by version.
PLATFORM_CACHE_DIR="${PLATFORM_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/platform}"
PLATFORM_BIN_DIR="${PLATFORM_CACHE_DIR}/bin"
PLATFORM_ENV_FILE="${PLATFORM_CACHE_DIR}/env.sh"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# pin KEY -> the value pinned for KEY in toolchain.properties (empty when absent).
pin() {
  local key="$1"
  sed -n "s/^${key//./\\.}=//p" "${PINS_FILE}" | tail -n 1
}

# require_pin KEY -> like pin, but a missing key is an error.
require_pin() {
  local value
  value="$(pin "$1")"
  [[ -n "${value}" ]] || die "toolchain.properties has no '$1'"
  printf '%s' "${value}"
}

# os_arch -> the Terraform platform name of this machine, e.g. linux_amd64.
os_arch() {
  local os arch
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "unsupported CPU architecture: $(uname -m)" ;;
  esac
  printf '%s_%s' "${os}" "${arch}"
}

# load_toolchain_env: put the pinned tools on PATH for this shell (setup must have run).
load_toolchain_env() {
  [[ -f "${PLATFORM_ENV_FILE}" ]] || die "toolchain not installed; run scripts/setup.sh first"
  # shellcheck source=/dev/null
  source "${PLATFORM_ENV_FILE}"
}

# maven ARGS...: mvn in batch mode, without the colour escapes it writes even then where the
# output is not a terminal (a log file, CI). The exit code is Maven's.
maven() {
  if [[ -t 1 ]]; then
    mvn -B "$@"
  else
    mvn -B "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
  fi
}

# start_emulator WORK_DIR: a moto server of the calling script's own, stopped and WORK_DIR removed
# when the script exits; exports AWS_ENDPOINT_URL, the emulator's test credentials and region.
start_emulator() {
  EMULATOR_WORK_DIR="$1"
  trap '"${REPO_ROOT}/scripts/platform" emulator stop --state-file "${EMULATOR_WORK_DIR}/emulator.json" >/dev/null 2>&1 || true; rm -rf "${EMULATOR_WORK_DIR}"' EXIT
  eval "$("${REPO_ROOT}/scripts/platform" emulator start --state-file "${EMULATOR_WORK_DIR}/emulator.json" 2>/dev/null)"
}
