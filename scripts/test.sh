#!/usr/bin/env bash
# The test suite, from a fresh clone: installs the pinned toolchain, runs the static checks,
# then `mvn verify`: unit tests (Surefire) and integration tests (Failsafe) against emulators
# the tests start and stop themselves. Extra arguments go to Maven.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

"${REPO_ROOT}/scripts/setup.sh"
load_toolchain_env
# live/local's units are applied and planned by the integration tests; lint validates the others.
"${REPO_ROOT}/scripts/lint.sh" staging prod
cd "${REPO_ROOT}"
maven verify "$@"
