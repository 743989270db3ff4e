#!/usr/bin/env bash
# Writes the plan captures beside this script with the pinned engines (source env.sh first):
# capture.tf applied at phase 1, then `show -json` of a plan at phase 2 (every kind of change)
# and at phase 1 (nothing to do), with Terraform, and the phase-2 plan with OpenTofu. With
# Terraform, what `plan -json` streamed while planning each is kept too (.jsonl).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
capture() {
  local engine="$1" work
  work="$(mktemp -d)"
  cp "${here}/capture.tf" "${work}/main.tf"
  (
    cd "${work}"
    "${engine}" init -input=false >/dev/null
    "${engine}" apply -auto-approve -input=false -var phase=1 >/dev/null
    "${engine}" plan -input=false -var phase=2 -out=changes.tfplan -json >"${work}/changes.jsonl"
    "${engine}" show -json changes.tfplan >"${here}/${engine}-changes.json"
    if [[ "${engine}" == terraform ]]; then
      mv "${work}/changes.jsonl" "${here}/${engine}-changes.jsonl"
      "${engine}" plan -input=false -var phase=1 -out=clean.tfplan -json >"${here}/${engine}-clean.jsonl"
      "${engine}" show -json clean.tfplan >"${here}/${engine}-clean.json"
    fi
  )
  rm -rf "${work}"
}
capture terraform
capture tofu
