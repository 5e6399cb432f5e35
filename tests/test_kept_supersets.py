"""RE2 supersets kept per installation (seolint/registry/packs/kept_supersets.py): always what
regex_superset translates, and translated again when regex_superset.py changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from seolint.registry.packs import kept_supersets, regex_superset
from seolint.registry.packs.kept_supersets import SupersetStore

GRAMMAR = r"\b(?:would you (?:like|prefer)|shall i)\b"
UNTRANSLATABLE = r"(a)\1"  # a backreference: no superset


def translate_all(folder: Path) -> list[str | None]:
    store = SupersetStore(folder)
    found = [
        store.re2_superset(GRAMMAR),
        store.re2_superset(GRAMMAR, lowered=True),
        store.re2_superset(UNTRANSLATABLE),
    ]
    store.save()
    return found


def test_a_kept_translation_is_what_regex_superset_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = translate_all(tmp_path)
    direct = regex_superset.re2_superset
    assert first == [direct(GRAMMAR), direct(GRAMMAR, lowered=True), None]
    monkeypatch.setattr(regex_superset, "re2_superset", lambda *args: pytest.fail("translated again"))
    assert translate_all(tmp_path) == first


def test_nothing_new_writes_nothing(tmp_path: Path) -> None:
    translate_all(tmp_path)
    store = SupersetStore(tmp_path)
    store.re2_superset(GRAMMAR)
    assert not store.save()


def test_a_changed_translator_translates_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    translate_all(tmp_path)
    monkeypatch.setattr(kept_supersets, "describe", lambda: b"regex_superset.py, edited")
    translated = []
    real = regex_superset.re2_superset

    def counting(source: str, lowered: bool = False) -> str | None:
        translated.append(source)
        return real(source, lowered)

    monkeypatch.setattr(regex_superset, "re2_superset", counting)
    translate_all(tmp_path)
    assert translated == [GRAMMAR, GRAMMAR, UNTRANSLATABLE]


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_a_damaged_file_is_ignored_then_replaced(tmp_path: Path, damage: str) -> None:
    good = translate_all(tmp_path)
    (path,) = tmp_path.glob("supersets-*.bin")
    data = path.read_bytes()
    damaged = {"flip": data[:-3] + bytes([data[-3] ^ 1]) + data[-2:], "truncate": data[:40], "empty": b""}[
        damage
    ]
    path.write_bytes(damaged)
    assert translate_all(tmp_path) == good
    assert path.read_bytes() != damaged


def test_without_a_folder_every_pattern_is_translated() -> None:
    store = SupersetStore(None)
    assert store.re2_superset(GRAMMAR) == regex_superset.re2_superset(GRAMMAR)
    assert not store.save()
