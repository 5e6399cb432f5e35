"""The code `re` compiles patterns into, kept per installation (seolint/registry/compiled_patterns.py):
a pattern handed back to `re` is the pattern it would compile, built only when asked for,
and a changed Python, a damaged file or a pattern the file lacks is compiled as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from seolint.registry import compiled_patterns
from seolint.registry.compiled_patterns import MAX_PATTERNS, PatternStore

NAMED = r"(?P<word>[a-z]+)-(\d+)(?i:x)?"
TEXT = "see ab-12X, cd-3 and EF-4"


class NewProcess:
    """re's cache emptied, as a new process starts with it (restored after the test)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.name = "_cache2" if hasattr(re, "_cache2") else "_cache"
        self.start()

    def start(self) -> None:
        self._monkeypatch.setattr(re, "_cache", {})
        if hasattr(re, "_cache2"):
            self._monkeypatch.setattr(re, "_cache2", {})

    def holds(self, pattern: str, flags: int) -> bool:
        """Whether `re` has the pattern compiled, without asking the store to build it."""
        return (str, pattern, flags) in dict.keys(getattr(re, self.name))


@pytest.fixture
def new_process(monkeypatch: pytest.MonkeyPatch) -> NewProcess:
    return NewProcess(monkeypatch)


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


def test_a_kept_pattern_is_built_when_asked_for_and_matches_as_compiled(
    tmp_path: Path, new_process: NewProcess
) -> None:
    assert run_compiling(tmp_path, (NAMED, re.MULTILINE), ("unused", 0))
    new_process.start()
    assert PatternStore(tmp_path).seed() == 2
    assert not new_process.holds(NAMED, re.MULTILINE)
    seeded = re.compile(NAMED, re.MULTILINE)
    assert new_process.holds(NAMED, re.MULTILINE) and not new_process.holds("unused", 0)
    assert re.compile(NAMED, re.MULTILINE) is seeded
    fresh = re._compiler.compile(NAMED, re.MULTILINE)  # type: ignore[attr-defined]
    assert seeded == fresh
    assert (seeded.groups, seeded.groupindex, seeded.flags) == (fresh.groups, fresh.groupindex, fresh.flags)
    assert [m.groups() for m in seeded.finditer(TEXT)] == [m.groups() for m in fresh.finditer(TEXT)]


def test_a_bytes_pattern_is_kept_apart_from_the_same_text(tmp_path: Path, new_process: NewProcess) -> None:
    """json and the Markdown walk compile bytes patterns: kept too, never handed out for a str one."""
    store = PatternStore(tmp_path)
    store.seed()
    re.compile(NAMED.encode())
    assert store.save()
    new_process.start()
    assert PatternStore(tmp_path).seed() == 1
    seeded = re.compile(NAMED.encode())
    assert (bytes, NAMED.encode(), 0) in dict.keys(getattr(re, new_process.name))
    assert seeded.search(TEXT.encode()) is not None and seeded == re._compiler.compile(NAMED.encode(), 0)  # type: ignore[attr-defined]
    assert not new_process.holds(NAMED, 0)
    assert re.compile(NAMED).search(TEXT) is not None


def test_nothing_new_writes_nothing(tmp_path: Path, new_process: NewProcess) -> None:
    assert run_compiling(tmp_path, (NAMED, 0))
    written = stored_file(tmp_path).stat().st_mtime_ns
    new_process.start()
    assert not run_compiling(tmp_path, (NAMED, 0))
    assert stored_file(tmp_path).stat().st_mtime_ns == written


def test_a_changed_pattern_or_flag_is_compiled_and_kept(tmp_path: Path, new_process: NewProcess) -> None:
    run_compiling(tmp_path, (NAMED, 0))
    new_process.start()
    changed = NAMED.replace("a-z", "a-y")
    assert run_compiling(tmp_path, (changed, 0), (NAMED, re.IGNORECASE))
    new_process.start()
    assert PatternStore(tmp_path).seed() == 3
    assert re.compile(changed) == re._compiler.compile(changed, 0)  # type: ignore[attr-defined]
    assert re.compile(NAMED, re.IGNORECASE).search("AB-1") is not None


def test_another_python_does_not_read_the_file(
    tmp_path: Path, new_process: NewProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_compiling(tmp_path, (NAMED, 0))
    new_process.start()
    monkeypatch.setattr(compiled_patterns, "describe", lambda: b"another Python")
    assert PatternStore(tmp_path).seed() == 0


@pytest.mark.parametrize("damage", ["flip", "truncate", "magic"])
def test_a_damaged_file_is_ignored_then_replaced(
    tmp_path: Path, new_process: NewProcess, damage: str
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
    new_process.start()
    assert not new_process.holds(NAMED, 0)
    assert PatternStore(tmp_path).seed() == 0
    assert run_compiling(tmp_path, (NAMED, 0))
    new_process.start()
    assert PatternStore(tmp_path).seed() == 1


def test_the_patterns_a_run_used_are_kept_first(tmp_path: Path, new_process: NewProcess) -> None:
    many = [(f"word{n}", 0) for n in range(MAX_PATTERNS)]
    run_compiling(tmp_path, *many)
    new_process.start()
    assert run_compiling(tmp_path, many[-1], ("one more", 0))  # the last one kept, but used
    new_process.start()
    store = PatternStore(tmp_path)
    assert store.seed() == MAX_PATTERNS
    for pattern, flags in [("one more", 0), many[-1], many[-3]]:
        re.compile(pattern, flags)
    assert not store.save()  # all three came from the file
    re.compile(*many[-2])
    assert store.save()  # the least recently used one made way


def test_one_store_seeds_once(tmp_path: Path, new_process: NewProcess) -> None:
    run_compiling(tmp_path, (NAMED, 0))
    new_process.start()
    store = PatternStore(tmp_path)
    assert store.seed() == 1
    assert store.seed() == 0
    assert PatternStore(tmp_path).seed() == 0


def test_without_a_folder_nothing_is_kept(new_process: NewProcess) -> None:
    store = PatternStore(None)
    assert store.seed() == 0
    re.compile(NAMED)
    assert not store.save()
