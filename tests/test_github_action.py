"""The GitHub Action: action.yml's inputs reach the script, and the script works locally
(the runs of the script spawn bash and seolint: marked slow, run by .ci/run)."""

from __future__ import annotations

import json
import os
import re
import shutil
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


def action(
    tmp_path: Path, cwd: Path = ROOT, action_path: Path | None = None, **inputs: str
) -> subprocess.CompletedProcess[str]:
    if not SEOLINT.exists():
        pytest.skip("seolint is not installed next to this Python")
    github = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_"))}
    env = {
        **github,
        "SEOLINT": str(SEOLINT),
        "PYTHON": sys.executable,
        "GITHUB_OUTPUT": str(tmp_path / "github-output"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "step-summary.md"),
        **({"GITHUB_ACTION_PATH": str(action_path)} if action_path is not None else {}),
        **{f"INPUT_{key.upper()}": value for key, value in inputs.items()},
    }
    return subprocess.run(
        ["bash", str(SCRIPT)], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def outputs(tmp_path: Path) -> dict[str, str]:
    lines = (tmp_path / "github-output").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


def test_action_yml_passes_every_input_the_script_reads() -> None:
    spec = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert spec["runs"]["using"] == "composite"
    lint = next(step for step in spec["runs"]["steps"] if step.get("id") == "lint")
    assert "scripts/github-action.sh" in lint["run"]
    script = SCRIPT.read_text(encoding="utf-8")
    for name in ("INPUT_PATHS", "INPUT_DIFF_BASE", "INPUT_ARGS", "INPUT_SARIF_FILE", "INPUT_SUMMARY"):
        assert name in script and name in lint["env"]
        input_name = name.removeprefix("INPUT_").lower().replace("_", "-")
        assert lint["env"][name] == "${{ inputs." + input_name + " }}"
    assert set(spec["inputs"]) >= {"paths", "diff-base", "args", "sarif-file", "summary", "version"}
    assert spec["inputs"]["paths"]["default"] == ""  # the workspace, not the action's checkout
    for name in ("findings", "errors", "files", "sarif-file"):
        assert spec["outputs"][name]["value"] == "${{ steps.lint.outputs." + name + " }}"
        assert f"{name}=" in script


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
    assert outputs(tmp_path) == {"findings": "8", "errors": "8", "files": "2", "sarif-file": str(sarif)}
    summary = (tmp_path / "step-summary.md").read_text(encoding="utf-8")
    assert "**8 findings** (8 errors, 0 warnings, 0 info) in 2 files." in summary
    assert "| L001 `link-placeholder` | 8 |" in summary


@pytest.mark.slow
def test_clean_drafts_pass_without_annotations(tmp_path: Path) -> None:
    done = action(tmp_path, paths="fixtures/clean-post.md fixtures/clean-post.html")
    assert done.returncode == 0, done.stderr
    assert annotations(done.stdout) == []
    assert outputs(tmp_path) == {"findings": "0", "errors": "0", "files": "2"}


@pytest.mark.slow
def test_the_default_paths_leave_the_actions_own_checkout_out(tmp_path: Path) -> None:
    """The README's recipe checks seolint out inside the workspace: its drafts are not the user's."""
    workspace = tmp_path / "workspace"
    (workspace / "posts").mkdir(parents=True)
    (workspace / "posts" / "post.md").write_text("# Post\n\nSee [Link to article about caching](#).\n")
    checkout = workspace / ".seolint-action"
    shutil.copytree(ROOT / "fixtures", checkout / "fixtures")
    shutil.copy(ROOT / "README.md", checkout / "README.md")
    done = action(tmp_path, cwd=workspace, action_path=checkout, args="--select L001 --no-cache")
    assert done.returncode == 1, done.stderr
    files = {
        re.search(r"file=([^,]+)", line).group(1) for line in annotations(done.stdout) if "file=" in line
    }  # type: ignore[union-attr]
    assert files == {"posts/post.md"}
    assert outputs(tmp_path)["files"] == "1"


@pytest.mark.slow
def test_diff_base_reports_only_what_the_change_did(tmp_path: Path) -> None:
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    post = workspace / "post.md"
    post.write_text("# Post\n\nSee [Link to article about caching](#).\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run([*git, *command], cwd=workspace, check=True)
    post.write_text(post.read_text() + "\nAnd [Link to the docs](#).\n")
    done = action(tmp_path, cwd=workspace, diff_base="main", args="--select L001 --no-cache")
    assert done.returncode == 1, done.stderr
    assert [
        line.split("::")[1].split(",")[1] for line in annotations(done.stdout) if line.startswith("::error")
    ] == ["line=5"]
    assert outputs(tmp_path)["findings"] == "1"
    assert "from this change" in (tmp_path / "step-summary.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_args_reach_seolint(tmp_path: Path) -> None:
    done = action(tmp_path, paths="fixtures/rules/links-placeholder.md", args="--select L001 --exit-zero")
    assert done.returncode == 0 and "::error " in done.stdout


@pytest.mark.slow
def test_bad_usage_is_exit_2(tmp_path: Path) -> None:
    assert action(tmp_path, paths="no-such-draft.md").returncode == 2
