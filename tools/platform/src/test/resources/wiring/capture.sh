#!/usr/bin/env bash
# Writes configuration.json beside this script with the pinned Terraform (source env.sh first):
# the `configuration` section of `terraform show -json` on a plan of config/, whose modules are
# those of the migrate wiring fixture (tools/terratest/src/test/resources/migrate/wiring).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
cp -r "${here}/config/." "${work}/"
cp -r "${here}/../../../../../terratest/src/test/resources/migrate/wiring/modules" "${work}/modules"
(
  cd "${work}"
  terraform init -input=false >/dev/null
  terraform plan -input=false -out=config.tfplan >/dev/null
  terraform show -json config.tfplan | python3 -c 'import json, sys; json.dump(json.load(sys.stdin)["configuration"], sys.stdout, indent=1)' >"${here}/configuration.json"
)
rm -rf "${work}"
