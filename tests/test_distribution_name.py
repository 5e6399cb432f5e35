"""The install story is true today: a free distribution name, no placeholder URLs or tags."""

from __future__ import annotations

import re
import subprocess
import sys

from seolint.config.files import tomllib
from tests.conftest import ROOT

PLACEHOLDERS = ("github.com/seolint/seolint", "seolint/seolint@", "pypi.org/project/seolint/")


def test_distribution_is_not_the_unrelated_pypi_seolint_but_the_command_is_seolint() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "seolint-drafts"
    assert set(project["scripts"]) == {"seolint"}


def test_no_placeholder_urls_in_docs_action_or_sarif() -> None:
    for name in ("README.md", "action.yml", "seolint/report/sarif.py"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert not [p for p in PLACEHOLDERS if p in text], name


def test_readme_installs_from_a_clone_and_pins_no_missing_tag() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install -e ." in readme
    assert not re.search(r"^\s*-?\s*pip install seolint\b", readme, re.MULTILINE)
    assert "seolint==" not in readme
    assert not re.search(r"rev:\s*v\d", readme)  # no release tag exists yet
    assert "repo: local" in readme


def test_readme_demo_is_short_and_shows_no_test_markers() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "seolint", "check", "--no-cache", "--no-color", "examples/first-draft.md"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 1, out.stderr
    lines = out.stdout.splitlines()
    assert 10 < len(lines) <= 50
    assert "expect:" not in out.stdout
    assert "seolint check examples/first-draft.md" in (ROOT / "README.md").read_text(encoding="utf-8")
