"""A hostile baseline file is one error line and exit 2: no traceback, no hang, no loose types."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seolint.lint.baseline import MAX_SIZE, BaselineError, read

DRAFT = "# A title\n\nSome prose.\n"


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real process, so a hang is caught by the timeout and a crash by the exit code."""
    command = [sys.executable, "-m", "seolint", "check", "--no-cache", "--format", "json", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("seolint: error: "), result.stderr
    assert all(fragment in lines[0] for fragment in fragments), lines[0]


def valid(**changes: object) -> str:
    document = {"version": 1, "findings": [{"path": "post.md", "code": "M003", "fingerprint": "f" * 32}]}
    return json.dumps({**document, **changes})


HOSTILE = {
    "deep.json": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "digits.json": ('{"version": ' + "9" * 5000 + ', "findings": []}', "too many digits"),
    "version-true.json": (valid(version=True), "not a seolint baseline (version 1)"),
    "version-float.json": (valid(version=1.0), "not a seolint baseline (version 1)"),
    "entry-types.json": (valid(findings=[{"path": ["a"], "code": 1, "fingerprint": None}]), "strings"),
    "entry-not-table.json": (valid(findings=["post.md"]), "strings"),
    "not-utf8.json": ('{"version": 1, "findings": ["\udcff"]}', "not a seolint baseline"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_baseline_is_one_error_line(tmp_path: Path, name: str) -> None:
    content, problem = HOSTILE[name]
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / name).write_bytes(content.encode("utf-8", "surrogateescape"))
    assert_one_error_line(cli(tmp_path, "post.md", "--baseline", name), name, problem)


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/null"])
def test_device_baseline_is_refused_not_read_forever(tmp_path: Path, target: str) -> None:
    if not os.path.exists(target):
        pytest.skip(f"no {target} here")
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    os.symlink(target, tmp_path / "link.json")
    for name in (target, "link.json"):
        assert_one_error_line(
            cli(tmp_path, "post.md", "--baseline", name), name, "not a regular file (a device)"
        )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_baseline_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.json")
    assert_one_error_line(cli(tmp_path, "post.md", "--baseline", "pipe.json"), "pipe.json", "a FIFO")


def test_baseline_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(MAX_SIZE + 1)  # sparse: costs no disk
    with pytest.raises(BaselineError, match=r"huge\.json: cannot read baseline: file too large"):
        read(huge)


def test_written_baseline_still_reads_back(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(DRAFT, encoding="utf-8")
    written = cli(tmp_path, "post.md", "--write-baseline", "b.json")
    assert written.returncode == 0, written.stderr
    assert read(tmp_path / "b.json")
    again = cli(tmp_path, "post.md", "--baseline", "b.json")
    assert again.returncode == 0 and json.loads(again.stdout)["findings"] == [], again.stderr
