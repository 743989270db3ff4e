#!/usr/bin/env bash
# Keeps one comment per environment on a pull request: edits the comment that starts with the
# report's marker (its first line, `<!-- platform-verify: ENV -->`), or posts the report as a
# new comment when the pull request has none yet. Needs gh, GH_TOKEN and GITHUB_REPOSITORY.
#
# Usage: scripts/ci/sticky-comment.sh PR_NUMBER REPORT.md
set -euo pipefail

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

(($# == 2)) || die "usage: $0 PR_NUMBER REPORT.md"
pr="$1" report="$2"
[[ -f "${report}" ]] || die "${report} does not exist"
marker="$(head -n 1 "${report}")"
[[ "${marker}" == "<!-- platform-verify: "*" -->" ]] || die "${report} does not start with a platform-verify marker"
repo="${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is not set}"

# shellcheck disable=SC2016 # $ENV.MARKER is jq's, read from the environment
existing="$(MARKER="${marker}" gh api --paginate "repos/${repo}/issues/${pr}/comments" \
  --jq '.[] | select(.body | startswith($ENV.MARKER)) | .id' | head -n 1)"
if [[ -n "${existing}" ]]; then
  gh api --method PATCH "repos/${repo}/issues/comments/${existing}" -F "body=@${report}" >/dev/null
  echo "edited comment ${existing} on #${pr}"
else
  gh api --method POST "repos/${repo}/issues/${pr}/comments" -F "body=@${report}" >/dev/null
  echo "commented on #${pr}"
fi
