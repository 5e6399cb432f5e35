#!/usr/bin/env bash
# The step action.yml runs: GitHub annotations for every finding, plus an optional SARIF file.
# Inputs come from the environment (INPUT_PATHS, INPUT_ARGS, INPUT_SARIF_FILE); SEOLINT
# overrides the command (tests point it at a venv). The exit code is seolint's: 0, 1 or 2.
set -euo pipefail

seolint=${SEOLINT:-seolint}
read -r -a paths <<< "${INPUT_PATHS:-.}"   # split on spaces, never globbed
read -r -a extra <<< "${INPUT_ARGS:-}"
sarif=${INPUT_SARIF_FILE:-}

if [[ -n "$sarif" ]]; then
  mkdir -p "$(dirname "$sarif")"
  # The report is for upload only: its findings must not fail this step (the run below decides).
  "$seolint" check --format sarif --output-file "$sarif" --exit-zero --quiet --no-color \
    ${extra[@]+"${extra[@]}"} "${paths[@]}" > /dev/null || true
  echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
fi

exec "$seolint" check --format github ${extra[@]+"${extra[@]}"} "${paths[@]}"
