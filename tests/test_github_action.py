"""The GitHub Action: action.yml's inputs reach the script, and the script works locally
(the runs of the script spawn bash and seolint: marked slow, run by .ci/run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "github-action.sh"
SEOLINT = Path(sys.executable).parent / "seolint"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def action(tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    if not SEOLINT.exists():
        pytest.skip("seolint is not installed next to this Python")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INPUT_")},
        "SEOLINT": str(SEOLINT),
        "GITHUB_OUTPUT": str(tmp_path / "github-output"),
        **{f"INPUT_{key.upper()}": value for key, value in inputs.items()},
    }
    return subprocess.run(
        ["bash", str(SCRIPT)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_action_yml_passes_every_input_the_script_reads() -> None:
    spec = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert spec["runs"]["using"] == "composite"
    lint = next(step for step in spec["runs"]["steps"] if step.get("id") == "lint")
    assert "scripts/github-action.sh" in lint["run"]
    script = SCRIPT.read_text(encoding="utf-8")
    for name in ("INPUT_PATHS", "INPUT_ARGS", "INPUT_SARIF_FILE"):
        assert name in script and name in lint["env"]
        input_name = name.removeprefix("INPUT_").lower().replace("_", "-")
        assert lint["env"][name] == "${{ inputs." + input_name + " }}"
    assert set(spec["inputs"]) >= {"paths", "args", "sarif-file", "version"}


@pytest.mark.slow
def test_findings_become_annotations_and_fail_the_step(tmp_path: Path) -> None:
    sarif = tmp_path / "out" / "seolint.sarif"
    done = action(
        tmp_path,
        paths="fixtures/rules/links-placeholder.md fixtures/clean-post.md",
        args="--select L001",
        sarif_file=str(sarif),
    )
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 8 and all("file=fixtures/rules/links-placeholder.md" in e for e in errors)
    assert "::group::fixtures/rules/links-placeholder.md" in done.stdout
    document = json.loads(sarif.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(document)
    assert len(document["runs"][0]["results"]) == 8
    assert f"sarif-file={sarif}" in (tmp_path / "github-output").read_text(encoding="utf-8")


@pytest.mark.slow
def test_clean_drafts_pass_without_annotations(tmp_path: Path) -> None:
    done = action(tmp_path, paths="fixtures/clean-post.md fixtures/clean-post.html")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert not (tmp_path / "github-output").exists()


@pytest.mark.slow
def test_args_reach_seolint(tmp_path: Path) -> None:
    done = action(tmp_path, paths="fixtures/rules/links-placeholder.md", args="--select L001 --exit-zero")
    assert done.returncode == 0 and "::error " in done.stdout


@pytest.mark.slow
def test_bad_usage_is_exit_2(tmp_path: Path) -> None:
    assert action(tmp_path, paths="no-such-draft.md").returncode == 2
