"""The wheel carries its data (the built-in rule packs, C001's word lists, the HTML report's
style and script): they work without the source tree."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

RUN_INSTALLED = """
import json, sys
sys.path.insert(0, sys.argv[1])
import seolint
from seolint.config.files import Config
from seolint.registry.catalog import known_rules
from seolint.config.plan import make_plan
from seolint.lint.pipeline import lint_source
from seolint.discover.source import Source
rules = [r.code for r in known_rules().rules]
plan = make_plan(Config(select=("S",)))
found = lint_source(Source("Internal Links:\\n\\nTODO\\n", "d.txt", "text"), plan).findings
from seolint.checks.cta import lexicon
from seolint.report import html
data = {"verbs": len(lexicon().imperative_verbs), "css": html.CSS[:6], "script": html.SCRIPT[:13]}
print(json.dumps({"file": seolint.__file__, "rules": rules, "found": [f.code for f in found], **data}))
"""


@pytest.mark.slow
def test_built_wheel_installs_packs_and_runs_them(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("seolint", "rules"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(wheels), str(source)],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("seolint_drafts-*.whl")
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)], check=True
    )
    shutil.rmtree(source)  # nothing may be read from the source tree any more
    out = subprocess.run(
        [sys.executable, "-c", RUN_INSTALLED, str(site)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    report = json.loads(out.stdout)
    assert Path(report["file"]).is_relative_to(site)
    assert {"S001", "S002", "S003", "S004"} <= set(report["rules"])
    assert report["found"] == ["S001", "S002"]
    assert report["verbs"] > 50 and report["css"] == ":root{" and report["script"] == "(function () "
    cli = "import sys; sys.path.insert(0, sys.argv.pop(1)); from seolint.cli.main import main; main()"
    listed = subprocess.run(
        [sys.executable, "-c", cli, str(site), "rules", "--format", "markdown"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert "| S001 | `template-scaffolding` | error |" in listed.stdout
