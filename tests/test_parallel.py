"""--jobs: the same output, in the same order, whatever the number of worker processes."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest

from seolint.discover.source import FileError
from seolint.discover.walk import discover
from seolint.lint import parallel, runner
from seolint.lint.settings import Overrides, Settings
from tests.conftest import FIXTURES, run_cli


@pytest.fixture
def many_drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Many times more files than the serial limit (every fixture once), in all formats, some broken."""
    monkeypatch.chdir(tmp_path)
    drafts = tmp_path / "drafts"
    fixtures = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    for index, fixture in enumerate(fixtures):
        folder = drafts / f"part{index % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixture, folder / f"{index:02d}-{fixture.name}")
    (drafts / "broken.md").write_bytes(b"# Caf\xc3(\n")
    (drafts / "binary.html").write_bytes(b"\x00\x01\x02")
    assert sum(1 for p in drafts.rglob("*") if p.is_file()) > parallel.SERIAL_LIMIT * 16
    return drafts


def check(*args: str) -> tuple[int, str, str]:
    result = run_cli(["check", "--no-cache", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("output", ["json", "text"])
def test_output_is_identical_for_any_jobs(many_drafts: Path, output: str) -> None:
    runs = [check("drafts", "--format", output, "--jobs", str(jobs)) for jobs in (1, 2, 3)]
    if output == "json":
        for index, (code, stdout, stderr) in enumerate(runs):
            data = json.loads(stdout)
            del data["summary"]["elapsed_seconds"]
            runs[index] = (code, json.dumps(data), stderr)
    assert runs[0][0] == 2  # the broken files are errors
    assert "broken.md: error:" in runs[0][2] and "binary.html: error:" in runs[0][2]
    assert runs[1] == runs[0] and runs[2] == runs[0]


def test_pool_returns_outcomes_in_input_order(many_drafts: Path) -> None:
    settings = Settings(Overrides(), use_cache=False)
    files, _ = discover(["drafts"], settings.config_for)
    task = functools.partial(runner.lint_file, settings)
    serial = parallel.map_ordered(task, files, 1)
    pooled = parallel.map_ordered(task, files[::-1], 2)
    assert pooled == serial[::-1]
    assert [o.path for o in serial] == [f.path for f in files]
    assert any(isinstance(o, FileError) for o in serial)


def test_chunks_shrink_to_one_item_as_the_run_ends() -> None:
    waiting, sizes = 200, []
    while waiting:
        sizes.append(parallel.chunk_size(waiting, 2, 16))
        waiting -= sizes[-1]
    assert sizes[0] == 16 and sizes[-8:] == [1] * 8
    assert sizes == sorted(sizes, reverse=True)


def test_workers_never_outnumber_cpus_or_items() -> None:
    assert parallel.worker_count(147, 1000) == parallel.available_cpus()
    assert parallel.worker_count(147, 3) == min(3, parallel.available_cpus())
    assert parallel.worker_count(1, 1000) == 1


def test_jobs_must_be_positive(many_drafts: Path) -> None:
    code, _, _ = check("drafts", "--jobs", "0")
    assert code == 2
