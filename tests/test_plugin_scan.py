"""Plugin rules (`seolint.rules` entry points) still load when start-up skips importlib.metadata."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PLUGIN = '''
from seolint.findings.records import Severity
from seolint.registry.rule import rule


@rule("X901", "plugin-rule", Severity.INFO)
def plugin_rule(doc, opts):
    """A rule from a plugin."""
    return []
'''


def run(statement: str, *extra_path: Path) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *map(str, extra_path)])}
    return subprocess.run(
        [sys.executable, "-c", statement], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    ).stdout.strip()


LOAD = (
    "import sys; from seolint.registry.catalog import load_builtin_rules\n"
    "codes = {r.code for r in load_builtin_rules()}\n"
    "print('X901' in codes, 'importlib.metadata' in sys.modules)"
)


def test_a_plugin_declared_in_dist_info_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "seolint_plugin_demo.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "seolint_plugin_demo-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-plugin-demo\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[seolint.rules]\ndemo = seolint_plugin_demo\n")
    assert run(LOAD, tmp_path) == "True True"


def test_without_plugins_importlib_metadata_is_not_imported(tmp_path: Path) -> None:
    (tmp_path / "other-1.0.dist-info").mkdir()
    (tmp_path / "other-1.0.dist-info" / "entry_points.txt").write_text("[console_scripts]\nx = y:z\n")
    assert run(LOAD, tmp_path) == "False False"


def test_a_zip_on_the_path_is_left_to_importlib_metadata(tmp_path: Path) -> None:
    (tmp_path / "bundle.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    assert run(LOAD, tmp_path / "bundle.zip") == "False True"
