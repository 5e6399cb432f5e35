"""Text files shipped inside seolint's packages (packs, word lists), read where they lie.

`importlib.resources` reads a package's files wherever it was installed from, a zip file
included, but importing it imports zipfile, tempfile, shutil, bz2, lzma and random, ~6 ms
of a one-post run. An installed package is a folder nearly always: its files are read
from there, and `importlib.resources` is asked only when the package is not one.
"""

from __future__ import annotations

import importlib
import os
from typing import Any


def package_files(package: str, suffix: str) -> list[tuple[str, str]]:
    """(name, text) of each file of `package` whose name ends in `suffix`, sorted by name."""
    folder = _folder(package)
    if folder is None:
        from importlib.resources import files

        shipped = [entry for entry in files(package).iterdir() if entry.name.endswith(suffix)]
        found = [(entry.name, entry.read_text(encoding="utf-8")) for entry in shipped]
    else:
        with os.scandir(folder) as listed:
            names = [entry.name for entry in listed if entry.name.endswith(suffix) and entry.is_file()]
        found = [(name, _read(os.path.join(folder, name))) for name in names]
    return sorted(found)


def package_text(package: str, name: str) -> str:
    """The text of the file `name` of `package`."""
    folder = _folder(package)
    if folder is None:
        from importlib.resources import files

        return files(package).joinpath(name).read_text(encoding="utf-8")
    return _read(os.path.join(folder, name))


def _folder(package: str) -> str | None:
    """The folder `package` was imported from, or None when it was not a folder (a zip)."""
    module = importlib.import_module(package)
    locations = list(getattr(module, "__path__", []))
    if len(locations) == 1 and os.path.isdir(locations[0]):
        return str(locations[0])
    return None


def _read(path: str) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


def package_toml(package: str, name: str) -> dict[str, Any]:
    """The TOML file `name` of `package`, parsed once per installation (shipped_toml)."""
    from seolint.registry.shipped_toml import parsed_toml

    return parsed_toml(f"{package}/{name}", package_text(package, name))
