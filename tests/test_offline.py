"""seolint is offline and side-effect free: no sockets, no downloads (NLTK or other),
no writes outside what the user asked for, and drafts are never modified."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from seolint.discover.source import format_for
from seolint.site import find_site
from tests.conftest import FIXTURES, run_cli

ALLOWED_WRITES = (".seolint_cache",)  # the result cache, which --no-cache turns off


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def is_draft(path: Path) -> bool:
    """Not a site's template, include or config: the fixture sites hold those too."""
    site = find_site(path)
    return site is None or site.is_content(path)


def test_whole_cli_over_fixtures_without_network_or_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_network: None
) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NLTK_DATA", str(home / "nltk_data"))
    monkeypatch.chdir(work)
    before = snapshot(FIXTURES)
    result = run_cli(["check", str(FIXTURES), "--format", "json"])
    assert result.exit_code == 1, result.stderr
    drafts = [name for name in before if format_for(name) and is_draft(FIXTURES / name)]
    assert json.loads(result.stdout)["summary"]["files"] == len(drafts)
    rich = run_cli(["check", str(FIXTURES)])
    assert rich.exit_code == 1
    assert snapshot(FIXTURES) == before
    # The writes outside the project: the key that authenticates cache entries, and the
    # syllable data prepared once per installation (unless this process had it already).
    written = sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())
    assert written[0] == ".cache/seolint/cache-key"
    assert all(re.fullmatch(r"\.cache/seolint/syllables-[0-9a-f]{8}\.bin", path) for path in written[1:])
    written = [p for p in os.listdir(work) if p not in ALLOWED_WRITES]
    assert written == []
