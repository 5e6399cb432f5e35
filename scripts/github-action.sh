#!/usr/bin/env bash
# The step action.yml runs: GitHub annotations for every finding, the outputs (findings,
# errors, files), a job summary, and an optional SARIF file. Inputs come from the environment
# (INPUT_PATHS, INPUT_DIFF_BASE, INPUT_ARGS, INPUT_SARIF_FILE, INPUT_SUMMARY); SEOLINT
# overrides the command and PYTHON the interpreter that reads the JSON report (tests point
# both at a venv). The exit code is seolint's: 0, 1 or 2.
set -euo pipefail

seolint=${SEOLINT:-seolint}
python=${PYTHON:-python3}
read -r -a paths <<< "${INPUT_PATHS:-}"   # split on spaces, never globbed
read -r -a extra <<< "${INPUT_ARGS:-}"
sarif=${INPUT_SARIF_FILE:-}
options=()

if [[ ${#paths[@]} -eq 0 ]]; then
  paths=(.)
  # The README's recipe checks seolint out into the workspace: that checkout's README,
  # fixtures and examples are not the workspace's content.
  if [[ -n "${GITHUB_ACTION_PATH:-}" && -d "$GITHUB_ACTION_PATH" ]]; then
    action=$(cd "$GITHUB_ACTION_PATH" && pwd -P)
    here=$(pwd -P)
    if [[ "$action" == "$here"/* ]]; then
      options+=(--extend-exclude "${action#"$here"/}")
    fi
  fi
fi
if [[ -n "${INPUT_DIFF_BASE:-}" ]]; then
  options+=(--diff-base "$INPUT_DIFF_BASE")
fi
run=(${extra[@]+"${extra[@]}"} ${options[@]+"${options[@]}"} -- "${paths[@]}")

# The first run writes the JSON the outputs come from (and fills the cache the later runs
# read); the log gets the report for people. Its findings must not fail this step yet.
report=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/seolint-XXXXXX")
trap 'rm -f "$report"' EXIT
"$seolint" check --format json --output-file "$report" --exit-zero --no-progress "${run[@]}" || true
if [[ -s "$report" ]]; then
  "$python" - "$report" >> "${GITHUB_OUTPUT:-/dev/null}" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1], encoding="utf-8"))["summary"]
print(f"findings={summary['findings']}\nerrors={summary['errors']}\nfiles={summary['files']}")
PY
fi

if [[ "${INPUT_SUMMARY:-true}" == "true" && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  "$seolint" check --format summary --exit-zero --no-progress "${run[@]}" >> "$GITHUB_STEP_SUMMARY" || true
fi

if [[ -n "$sarif" ]]; then
  mkdir -p "$(dirname "$sarif")"
  # The report is for upload only: its findings must not fail this step (the run below decides).
  "$seolint" check --format sarif --output-file "$sarif" --exit-zero --quiet --no-color --no-progress \
    "${run[@]}" > /dev/null || true
  echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
fi

"$seolint" check --format github "${run[@]}"
