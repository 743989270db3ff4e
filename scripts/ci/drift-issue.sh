#!/usr/bin/env bash
# Keeps one GitHub issue per environment about its drift: finds the issue by its hidden marker
# (`<!-- platform-drift: ENV -->`, open or closed), asks `platform drift issue` what the run's
# report means for it, and carries that out with gh: open (or reopen), edit, comment only on
# news, close when clean again, or nothing. Needs gh, GH_TOKEN and GITHUB_REPOSITORY.
#
# Usage: scripts/ci/drift-issue.sh ENVIRONMENT REPORT.json [RUN_URL]
set -euo pipefail

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

(($# == 2 || $# == 3)) || die "usage: $0 ENVIRONMENT REPORT.json [RUN_URL]"
environment="$1" report="$2" run_url="${3:-}"
[[ -f "${report}" ]] || die "${report} does not exist"
platform="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/platform"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

# The newest issue that carries the marker, open or closed. Searched for by the marker and by
# the title this script gives the issue, as issue search may not index a body's HTML
# comments; the marker decides. Needs jq.
marker="<!-- platform-drift: ${environment} -->"
candidates() {
  gh issue list --state all --limit 100 --search "$1" --json number,state,body
}
found="$(
  {
    candidates "\"platform-drift: ${environment}\" in:body"
    candidates "\"Drift in ${environment}\" in:title"
  } | MARKER="${marker}" jq -rs '
    [.[][] | select(.body | contains($ENV.MARKER))] | unique_by(.number) | sort_by(.number) | last
    | select(. != null) | "\(.number) \(.state)"'
)"
args=(drift issue --environment "${environment}" --report "${report}" --out "${work}/decision")
[[ -z "${run_url}" ]] || args+=(--run-url "${run_url}")
number=""
if [[ -n "${found}" ]]; then
  number="${found%% *}"
  state="$(tr '[:upper:]' '[:lower:]' <<<"${found#* }")"
  gh issue view "${number}" --json body --jq .body >"${work}/body.md"
  args+=(--issue-body "${work}/body.md" --issue-state "${state}")
fi
action="$("${platform}" "${args[@]}")"
body="${work}/decision/body.md" comment="${work}/decision/comment.md"

case "${action}" in
  open)
    if [[ -n "${number}" ]]; then
      gh issue reopen "${number}"
      gh issue edit "${number}" --body-file "${body}"
      [[ ! -f "${comment}" ]] || gh issue comment "${number}" --body-file "${comment}"
    else
      gh issue create --title "Drift in ${environment}" --body-file "${body}"
    fi
    ;;
  update)
    gh issue edit "${number}" --body-file "${body}"
    [[ ! -f "${comment}" ]] || gh issue comment "${number}" --body-file "${comment}"
    ;;
  close)
    gh issue comment "${number}" --body-file "${comment}"
    gh issue close "${number}"
    ;;
  none) ;;
  *) die "platform drift issue decided '${action}', which this script does not know" ;;
esac
echo "drift issue of ${environment}: ${action}${number:+ (#${number})}"
