"""The files each generator's config lives in, without the generator's adapter.

seolint.site.detect asks here first whether a folder could be a site root, so a draft
outside any site imports none of the adapters (~30 ms). Each tuple equals the adapter's
own CONFIG_NAMES (tests/test_startup.py checks); hugo also reads the generic names and
its `config/_default/` folder.
"""

from __future__ import annotations

from pathlib import Path

DOCUSAURUS = tuple(f"docusaurus.config.{ext}" for ext in ("js", "mjs", "cjs", "ts", "mts"))
ASTRO = tuple(f"astro.config.{ext}" for ext in ("mjs", "js", "ts", "mts", "cjs"))
MKDOCS = ("mkdocs.yml", "mkdocs.yaml")
JEKYLL = ("_config.yml", "_config.yaml", "_config.toml")
HUGO = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
GENERIC = ("config.toml", "config.yaml", "config.yml", "config.json")  # Hugo's older names; Zola's
ZOLA = ("config.toml",)

_LOOKED_FOR: dict[str, tuple[str, ...]] = {
    "docusaurus": DOCUSAURUS,
    "astro": ASTRO,
    "mkdocs": MKDOCS,
    "jekyll": JEKYLL,
    "zola": ZOLA,
    "hugo": (*HUGO, *GENERIC, "config/_default"),
}


def may_be_root(generator: str, folder: Path) -> bool:
    """False when `folder` holds none of what `generator`'s detector reads (never a false False)."""
    return any((folder / name).exists() for name in _LOOKED_FOR[generator])


def names_looked_for() -> tuple[str, ...]:
    """Every name any generator's detector looks for in a folder."""
    return tuple(name for names in _LOOKED_FOR.values() for name in names)
