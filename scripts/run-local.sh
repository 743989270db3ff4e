#!/usr/bin/env bash
# The main job on the embedded emulator, from a fresh clone:
#   1. install the pinned toolchain (scripts/setup.sh; cached outside the clone),
#   2. build the Java tools and the Lambda (mvn package),
#   3. platform local live/local: start moto on a free loopback port, bootstrap the hardened
#      state backend, apply every unit, plan each again, print the per-unit zero-diff table,
#      stop moto.
# Exit code 0 means every unit of live/local planned clean. Extra arguments go to
# `platform local` (see scripts/platform local --help).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

"${REPO_ROOT}/scripts/setup.sh" --no-lint-tools
load_toolchain_env
log "building the Java tools and the Lambda (mvn package)"
maven -q -f "${REPO_ROOT}/pom.xml" -DskipTests package
cd "${REPO_ROOT}"
exec "${REPO_ROOT}/scripts/platform" local live/local "$@"
