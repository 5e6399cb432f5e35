"""The code `re` compiles patterns into, kept per installation (seolint/registry/compiled_patterns.py):
a pattern handed back to `re` is the pattern it would compile, and a changed Python, a
damaged file or a pattern the file lacks is compiled as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seolint.registry import compiled_patterns
from seolint.registry.compiled_patterns import MAX_PATTERNS, PatternStore

NAMED = r"(?P<word>[a-z]+)-(\d+)(?i:x)?"
TEXT = "see ab-12X, cd-3 and EF-4"


@pytest.fixture
def new_process(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[type, str, int], re.Pattern[str]]:
    """re's cache emptied, as a new process starts with it (restored afterwards)."""
    emptied: dict[tuple[type, str, int], re.Pattern[str]] = {}
    monkeypatch.setattr(re, "_cache", emptied)
    return emptied


def run_compiling(folder: Path, *patterns: tuple[str, int]) -> bool:
    """One run: the store seeds `re`, the patterns are compiled, the store saves; whether
    it wrote the file."""
    store = PatternStore(folder)
    store.seed()
    for pattern, flags in patterns:
        re.compile(pattern, flags)
    return store.save()


def stored_file(folder: Path) -> Path:
    (found,) = folder.glob("re-codes-*.bin")
    return found


def test_a_kept_pattern_is_handed_to_re_and_matches_as_compiled(
    tmp_path: Path, new_process: dict[tuple[type, str, int], re.Pattern[str]]
) -> None:
    run_compiling(tmp_path, (NAMED, re.MULTILINE))
    new_process.clear()
    assert PatternStore(tmp_path).seed() == 1
    seeded = new_process[str, NAMED, re.MULTILINE]
    assert re.compile(NAMED, re.MULTILINE) is seeded
    fresh = re._compiler.compile(NAMED, re.MULTILINE)  # type: ignore[attr-defined]
    assert seeded == fresh
    assert (seeded.groups, seeded.groupindex, seeded.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
    assert [m.groups() for m in seeded.finditer(TEXT)] == [m.groups() for m in fresh.finditer(TEXT)]


def test_nothing_new_writes_nothing(
    tmp_path: Path, new_process: dict[tuple[type, str, int], re.Pattern[str]]
) -> None:
    assert run_compiling(tmp_path, (NAMED, 0))
    written = stored_file(tmp_path).stat().st_mtime_ns
    new_process.clear()
    assert not run_compiling(tmp_path, (NAMED, 0))
    assert stored_file(tmp_path).stat().st_mtime_ns == written


def test_a_changed_pattern_or_flag_is_compiled_and_kept(
    tmp_path: Path, new_process: dict[tuple[type, str, int], re.Pattern[str]]
) -> None:
    run_compiling(tmp_path, (NAMED, 0))
    new_process.clear()
    changed = NAMED.replace("a-z", "a-y")
    assert run_compiling(tmp_path, (changed, 0), (NAMED, re.IGNORECASE))
    new_process.clear()
    assert PatternStore(tmp_path).seed() == 3
    assert new_process[str, changed, 0] == re._compiler.compile(changed, 0)  # type: ignore[attr-defined]
    assert new_process[str, NAMED, re.IGNORECASE].search("AB-1") is not None


def test_another_python_does_not_read_the_file(
    tmp_path: Path, new_process: dict[tuple[type, str, int], re.Pattern[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_compiling(tmp_path, (NAMED, 0))
    new_process.clear()
    monkeypatch.setattr(compiled_patterns, "describe", lambda: b"another Python")
    assert PatternStore(tmp_path).seed() == 0
    assert new_process == {}


@pytest.mark.parametrize("damage", ["flip", "truncate", "magic"])
def test_a_damaged_file_is_ignored_then_replaced(
    tmp_path: Path, new_process: dict[tuple[type, str, int], re.Pattern[str]], damage: str
) -> None:
    run_compiling(tmp_path, (NAMED, 0))
    path = stored_file(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[-5] ^= 1
    elif damage == "truncate":
        del data[len(data) // 2 :]
    else:
        data[0:1] = b"X"
    path.write_bytes(bytes(data))
    new_process.clear()
    store = PatternStore(tmp_path)
    assert store.seed() == 0
    re.compile(NAMED)
    assert store.save()
    new_process.clear()
    assert PatternStore(tmp_path).seed() == 1


def test_the_file_holds_a_bounded_number_of_patterns(
    tmp_path: Path, new_process: dict[tuple[type, str, int], re.Pattern[str]]
) -> None:
    many = [(f"word{n}", 0) for n in range(MAX_PATTERNS + 20)]
    run_compiling(tmp_path, *many[:MAX_PATTERNS])
    new_process.clear()
    run_compiling(tmp_path, *many[MAX_PATTERNS:])
    new_process.clear()
    assert PatternStore(tmp_path).seed() == MAX_PATTERNS
    assert all((str, pattern, 0) in new_process for pattern, _ in many[MAX_PATTERNS:])


def test_without_a_folder_nothing_is_kept(new_process: dict[tuple[type, str, int], re.Pattern[str]]) -> None:
    store = PatternStore(None)
    assert store.seed() == 0
    re.compile(NAMED)
    assert not store.save()
