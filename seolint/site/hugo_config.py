"""What a Hugo config says about where content comes from: languages and module mounts.

Rules implemented (gohugo.io "Configure languages", "Configure modules", "Multilingual
mode"; hugo `modules/config.go` ApplyProjectConfigDefaults):
- `defaultContentLanguage` (default "en") is published at the root unless
  `defaultContentLanguageInSubdir`; every other language under `/<key>/`. When any
  language sets `baseURL`, each language is its own host and no path carries its key.
  Disabled languages (`disabled`, `disableLanguages`) are not built.
- Content mounts: the project's `module.mounts` with a `content` target replace the default
  ones. Without them, each language's `contentDir` (else the root `contentDir`, default
  `content`) is mounted with that language, except a language whose folder is the root
  `contentDir`: that mount has no language, and its files take the default language or
  their `name.<lang>.md` suffix.
- A mount's `lang` (or `sites.matrix.languages`) gives its files' language; `includeFiles`,
  `excludeFiles` and `files` (`! ` negates) filter them by globs relative to the source,
  matched without case. A mount whose source is absent is skipped by Hugo: its target is
  content made at build time. Themes (`theme`) mount their own `content` and `static`
  folders; imported modules' mounts name folders outside the repository, so their content
  mounts below the content root are build-time content too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from seolint.discover.records import NamedTuple
from seolint.site.configs import dig, read_config, string_list, text_value


class Mount(NamedTuple):
    """A folder mounted into one of Hugo's component folders."""

    source: Path  # absolute
    component: str  # "content", "static", ...
    target: str  # the path below the component's root: "" or "docs/specs"
    language: str | None = None
    includes: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    origin: str = "project"
    declared: bool = False  # written in a `module.mounts` list (not one of Hugo's defaults)

    def admits(self, relative: str) -> bool:
        """Whether the filters let the file at `relative` (to the source, "/"-separated) in."""
        path = "/" + relative.lower()
        if self.excludes and any(hugo_glob(g).fullmatch(path) for g in self.excludes):
            return False
        return not self.includes or any(hugo_glob(g).fullmatch(path) for g in self.includes)


def lowered(mapping: Any) -> dict[str, Any]:
    """A config table with its keys lower-cased (Hugo reads keys without case)."""
    return {str(k).lower(): v for k, v in mapping.items()} if isinstance(mapping, dict) else {}


def language_tables(config: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The enabled languages' tables, by key, in the config's order."""
    disabled = {k.lower() for k in string_list(config.get("disablelanguages"))}
    tables = {
        str(key).lower(): lowered(table)
        for key, table in (config.get("languages") or {}).items()
        if isinstance(config.get("languages"), dict)
    }
    return {k: t for k, t in tables.items() if k not in disabled and t.get("disabled") is not True}


def content_mounts(root: Path, config: Mapping[str, Any]) -> list[Mount]:
    """The content mounts of the project and its themes, project first (it wins)."""
    project = [m for m in _project_mounts(root, config) if m.component == "content"]
    if not project:
        project = _language_mounts(root, config)
    return project + [m for m in _theme_mounts(root, config) if m.component == "content"]


def static_mounts(root: Path, config: Mapping[str, Any]) -> list[Mount]:
    project = [m for m in _project_mounts(root, config) if m.component == "static"]
    if not project:
        static = text_value(config, "staticdir") or "static"
        project = [Mount((root / static).absolute(), "static", "")]
    return project + [m for m in _theme_mounts(root, config) if m.component == "static"]


def module_content_targets(config: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(content target, module path) of imported modules' content mounts below the root."""
    found: list[tuple[str, str]] = []
    for entry in dig(config, "module", "imports") or []:
        module = lowered(entry)
        if module.get("disable") is True or not isinstance(module.get("path"), str):
            continue
        for mount in module.get("mounts") or []:
            target = (text_value(lowered(mount), "target") or "").strip("/")
            if target.startswith("content/"):
                found.append((target.removeprefix("content/"), module["path"]))
    return found


def _project_mounts(root: Path, config: Mapping[str, Any]) -> list[Mount]:
    mounts: list[Mount] = []
    for raw in dig(config, "module", "mounts") or []:
        mount = lowered(raw)
        source, target = text_value(mount, "source"), text_value(mount, "target")
        if not source or not target:
            continue
        component, _, below = target.strip("/").partition("/")
        includes, excludes = _filters(mount)
        language = _mount_language(mount)
        mounts.append(
            Mount((root / source).absolute(), component, below, language, includes, excludes, declared=True)
        )
    return mounts


def _language_mounts(root: Path, config: Mapping[str, Any]) -> list[Mount]:
    base = text_value(config, "contentdir") or "content"
    tables = language_tables(config)
    mounts: dict[str, Mount] = {}
    for key, table in tables.items() or [("", {})]:
        folder = text_value(table, "contentdir") or base
        language = None if folder.strip("/") == base.strip("/") or not key else key
        mounts.setdefault(folder, Mount((root / folder).absolute(), "content", "", language))
    return list(mounts.values())


def _theme_mounts(root: Path, config: Mapping[str, Any]) -> list[Mount]:
    themes_dir = root / (text_value(config, "themesdir") or "themes")
    mounts: list[Mount] = []
    for name in string_list(config.get("theme")):
        folder = themes_dir / name
        theme_config = next(
            (
                read_config(folder / n)
                for n in ("hugo.toml", "config.toml", "hugo.yaml", "config.yaml")
                if (folder / n).is_file()
            ),
            {},
        )
        declared = _project_mounts(folder, lowered(theme_config))
        if declared:
            mounts += [m._replace(origin=f"theme {name}") for m in declared]
            continue
        for component in ("content", "static"):
            if (folder / component).is_dir():
                mounts.append(Mount((folder / component).absolute(), component, "", origin=f"theme {name}"))
    return mounts


def _mount_language(mount: Mapping[str, Any]) -> str | None:
    language = text_value(mount, "lang")
    if language:
        return language.lower()
    matrix = string_list(dig(lowered(mount.get("sites")), "matrix", "languages"))
    plain = [m for m in matrix if not m.startswith("!") and not any(c in m for c in "*?[")]
    return plain[0].lower() if len(plain) == 1 else None


def _filters(mount: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    includes = string_list(mount.get("includefiles"))
    excludes = string_list(mount.get("excludefiles"))
    for item in string_list(mount.get("files")):
        if item.startswith("! "):
            excludes.append(item[2:].strip())
        else:
            includes.append(item)
    return tuple(g.lower() for g in includes), tuple(g.lower() for g in excludes)


@lru_cache(maxsize=128)
def hugo_glob(glob: str) -> re.Pattern[str]:
    """Hugo's mount filter glob (gobwas/glob with `/` as separator) over "/path/to/file"."""
    text = glob if glob.startswith("/") else "/" + glob
    out: list[str] = []
    index = 0
    while index < len(text):
        if text.startswith("**", index):
            out.append(".*")
            index += 2
        elif text[index] == "*":
            out.append("[^/]*")
            index += 1
        elif text[index] == "?":
            out.append("[^/]")
            index += 1
        elif text[index] == "{" and "}" in text[index:]:
            end = text.index("}", index)
            out.append("(?:" + "|".join(re.escape(o) for o in text[index + 1 : end].split(",")) + ")")
            index = end + 1
        else:
            out.append(re.escape(text[index]))
            index += 1
    return re.compile("".join(out))
