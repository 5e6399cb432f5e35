"""Files shipped inside packages, read where they lie (seolint/registry/package_data.py): the
same text importlib.resources gives, from a folder and from a zip file."""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from seolint.registry.package_data import package_files, package_text


def test_the_built_in_packs_read_as_importlib_resources_reads_them() -> None:
    expected = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in files("seolint.packs_data").iterdir()
        if entry.name.endswith(".toml")
    )
    assert expected and package_files("seolint.packs_data", ".toml") == expected


def test_a_word_list_reads_as_importlib_resources_reads_it() -> None:
    expected = files("seolint.checks").joinpath("cta_words.toml").read_text(encoding="utf-8")
    assert package_text("seolint.checks", "cta_words.toml") == expected


@pytest.fixture
def zipped_package(tmp_path: Path) -> Iterator[str]:
    archive = tmp_path / "shipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_words/__init__.py", "")
        zipped.writestr("zipped_words/b.toml", "second = 2\n")
        zipped.writestr("zipped_words/a.toml", "first = 1\n")
        zipped.writestr("zipped_words/notes.txt", "not a pack\n")
    sys.path.insert(0, str(archive))
    try:
        yield "zipped_words"
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("zipped_words", None)


def test_a_package_in_a_zip_file_is_read_through_importlib_resources(zipped_package: str) -> None:
    assert package_files(zipped_package, ".toml") == [("a.toml", "first = 1\n"), ("b.toml", "second = 2\n")]
    assert package_text(zipped_package, "notes.txt") == "not a pack\n"
