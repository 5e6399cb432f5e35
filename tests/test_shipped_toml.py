"""TOML shipped with seolint, parsed once per installation (seolint/registry/shipped_toml.py):
always what tomllib gives for the file's text now, whatever the stored copy holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seolint.discover.toml import tomllib
from seolint.registry.package_data import package_files, package_toml
from seolint.registry.shipped_toml import FILE_NAME, ParsedStore, parsed_toml

PACK = '[[rule]]\ncode = "X001"\npatterns = ["\\\\bTODO\\\\b", "a\\\\sb"]\nweight = 1.5\n'


def test_a_file_parses_as_tomllib_parses_it_and_is_kept(tmp_path: Path) -> None:
    assert ParsedStore(tmp_path).parsed("pack.toml", PACK) == tomllib.loads(PACK)
    stored = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert stored == {"pack.toml": [PACK, tomllib.loads(PACK)]}


def test_a_kept_file_is_read_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ParsedStore(tmp_path).parsed("pack.toml", PACK)
    monkeypatch.setattr(tomllib, "loads", lambda text: pytest.fail("parsed again"))
    assert ParsedStore(tmp_path).parsed("pack.toml", PACK) == {
        "rule": [{"code": "X001", "patterns": ["\\bTODO\\b", "a\\sb"], "weight": 1.5}]
    }


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    ParsedStore(tmp_path).parsed("pack.toml", PACK)
    changed = PACK.replace("X001", "X002")
    assert ParsedStore(tmp_path).parsed("pack.toml", changed) == tomllib.loads(changed)
    assert ParsedStore(tmp_path).parsed("pack.toml", changed)["rule"][0]["code"] == "X002"


@pytest.mark.parametrize("stored", ["not json", "[1, 2]", '{"pack.toml": [1]}', '{"pack.toml": ["x", {}]}'])
def test_a_damaged_or_foreign_store_is_parsed_around_and_replaced(tmp_path: Path, stored: str) -> None:
    (tmp_path / FILE_NAME).write_text(stored, encoding="utf-8")
    assert ParsedStore(tmp_path).parsed("pack.toml", PACK) == tomllib.loads(PACK)
    assert ParsedStore(tmp_path).parsed("pack.toml", PACK) == tomllib.loads(PACK)
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["pack.toml"][0] == PACK


def test_data_json_would_change_is_parsed_every_time(tmp_path: Path) -> None:
    dated = "released = 2024-03-21\n"
    assert ParsedStore(tmp_path).parsed("dated.toml", dated) == tomllib.loads(dated)
    assert not (tmp_path / FILE_NAME).exists()


def test_without_a_folder_every_file_is_parsed() -> None:
    assert ParsedStore(None).parsed("pack.toml", PACK) == tomllib.loads(PACK)


def test_a_folder_that_cannot_be_written_keeps_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert ParsedStore(blocked / "seolint").parsed("pack.toml", PACK) == tomllib.loads(PACK)
    assert list(tmp_path.iterdir()) == [blocked]


def test_bad_toml_raises_as_tomllib_does(tmp_path: Path) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        ParsedStore(tmp_path).parsed("bad.toml", "a = ")


def test_the_shipped_packs_and_word_lists_parse_as_tomllib_parses_them() -> None:
    for name, text in package_files("seolint.packs_data", ".toml"):
        assert parsed_toml(f"seolint.packs_data/{name}", text) == tomllib.loads(text), name
    for name, text in package_files("seolint.checks", ".toml"):
        assert package_toml("seolint.checks", name) == tomllib.loads(text), name
