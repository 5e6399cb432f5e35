"""The cache key needs a home and must be private (issue 24, item 9): without a home folder
the cache is switched off with one line, a relative XDG_CACHE_HOME is ignored, and a key
another user owns or could write is refused for signing."""

from __future__ import annotations

import os
import pwd
import stat
import sys
from pathlib import Path

import pytest

from seolint.cache.store import CACHE_DIR, user_secret
from seolint.discover.user_cache import user_cache_folder
from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX homes and modes")

DRAFT = "# A title\n\nSome prose.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "post.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(folder)
    for variable in ("XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return folder


def test_no_home_folder_switches_the_cache_off_with_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME")
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert user_cache_folder() is None
    result = run_cli(["check", "--format", "text", "post.md"])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr.strip().splitlines() == [
        "seolint: no home folder to keep the cache key in (set HOME or an absolute XDG_CACHE_HOME);"
        " running without the result cache"
    ]
    assert not (project / CACHE_DIR).exists()


def test_a_relative_xdg_cache_home_is_ignored(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    result = run_cli(["check", "post.md"])
    assert result.exit_code in (0, 1) and result.stderr == ""
    assert not (project / "relative-cache").exists()
    assert (project.parent / "home" / ".cache" / "seolint" / "cache-key").is_file()


def test_an_absolute_xdg_cache_home_is_used(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(project.parent / "xdg"))
    assert user_cache_folder() == project.parent / "xdg" / "seolint"


def _planted_key(project: Path) -> Path:
    key = project.parent / "home" / ".cache" / "seolint" / "cache-key"
    key.parent.mkdir(parents=True)
    key.write_text("k" * 64, encoding="utf-8")
    return key


@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602])
def test_a_key_others_can_write_is_refused(project: Path, mode: int) -> None:
    key = _planted_key(project)
    key.chmod(mode)
    assert isinstance(user_secret(), str)
    result = run_cli(["check", "post.md"])
    assert result.exit_code in (0, 1)
    assert result.stderr.strip().splitlines() == [
        f"seolint: the cache key {key} is refused: it must be a file of this user that no one else can write;"
        " running without the result cache"
    ]
    assert not (project / CACHE_DIR).exists()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_key_another_user_owns_is_refused(project: Path) -> None:
    key = _planted_key(project)
    key.chmod(
        stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH
    )  # readable, so only the owner refuses
    os.chown(key, 54321, 54321)
    assert isinstance(user_secret(), str)


def test_a_private_key_of_this_user_is_used(project: Path) -> None:
    key = _planted_key(project)
    key.chmod(0o600)
    assert user_secret() == b"k" * 64
