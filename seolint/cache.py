"""A per-file result cache in `.seolint_cache/` (ruff's model), so unchanged drafts are not re-linted.

An entry is found by the draft's path and bytes, inside a folder named by the run's
fingerprint: seolint's version and source, the effective plan, the config file and any
rule packs. Anything that could change a finding changes the folder or the key, so an
entry is never stale; old entries are simply never read again.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seolint import __version__
from seolint.document import Span
from seolint.findings import FileError, FileResult, Finding, Severity

if TYPE_CHECKING:
    from seolint.engine import Plan

CACHE_DIR = ".seolint_cache"
_SCHEMA = 2  # bump when the entry layout changes
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(plan: Plan, extra_files: Iterable[Path] = ()) -> str:
    """A hash of everything that decides findings, stable across processes and runs."""
    digest = hashlib.sha256(f"seolint {__version__} schema {_SCHEMA}\n".encode())
    digest.update(_stable(_plan_shape(plan)).encode())
    for path in sorted({*_source_files(), *(p for f in extra_files for p in _files_under(f))}):
        digest.update(b"\0" + str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def _plan_shape(plan: Plan) -> Any:
    rules = [
        (
            a.rule.code,
            a.rule.name,
            int(a.severity),
            a.rule.doc,
            f"{getattr(a.rule.check, '__module__', '')}.{getattr(a.rule.check, '__qualname__', '')}",
            a.options,
        )
        for a in plan.rules
    ]
    settings = (plan.content_selector, plan.encoding, plan.max_file_size, plan.report_unused_suppressions)
    # per-file-ignores change which rules run on a file; the root anchors their globs
    return (rules, settings, plan.per_file_ignores, str(plan.root))


def _stable(value: Any) -> str:
    """A repr that does not depend on hash seeds or object addresses."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name}={_stable(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__qualname__}({fields})"
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


def _files_under(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path.resolve()
    elif path.is_dir():
        for root, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            yield from (Path(root, n).resolve() for n in names if not n.endswith((".pyc", ".pyo")))


class Cache:
    """Results of one plan, one JSON file per draft, written atomically."""

    def __init__(self, root: Path, fingerprint: str) -> None:
        self.base = root / CACHE_DIR
        self.folder = self.base / fingerprint[:32]

    def key(self, path: str, data: bytes) -> str:
        return hashlib.sha256(path.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()

    def get(self, key: str) -> FileResult | None:
        try:
            with open(self.folder / f"{key}.json", encoding="utf-8") as handle:
                return _from_json(json.load(handle))
        except (OSError, ValueError, KeyError, TypeError):  # missing, half-written elsewhere or foreign
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Write via a temporary file and os.replace, so a reader never sees half an entry."""
        try:
            self._prepare()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(_to_json(result), stream, ensure_ascii=False)
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError:  # a read-only checkout still lints, just without a cache
            return

    def _prepare(self) -> None:
        if self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.base / ".gitignore").write_text("# Created by seolint.\n*\n", encoding="utf-8")
        (self.base / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# seolint cache; safe to delete.\n",
            encoding="utf-8",
        )


def _to_json(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "format": result.format,
        "findings": [
            [f.path, dataclasses.astuple(f.span), f.code, f.name, int(f.severity), f.message, f.source_line]
            for f in result.findings
        ],
        "stats": result.stats,
        "outline": [list(item) for item in result.outline],
        "errors": [[e.path, e.message, e.detail] for e in result.errors],
        "rules": list(result.rules),
    }


def _from_json(data: dict[str, Any]) -> FileResult:
    findings = tuple(
        Finding(path, Span(*span), code, name, Severity(level), message, line)
        for path, span, code, name, level, message, line in data["findings"]
    )
    return FileResult(
        data["path"],
        data["format"],
        findings,
        data["stats"],
        tuple((level, text, line) for level, text, line in data["outline"]),
        tuple(FileError(*error) for error in data["errors"]),
        tuple(data["rules"]),
    )
