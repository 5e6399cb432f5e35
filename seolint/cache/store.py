"""A per-file result cache in `.seolint_cache/` (ruff's model), so unchanged drafts are not re-linted.

An entry is found by the draft's path and bytes, inside a folder named by the caller's
fingerprint (seolint.cache.fingerprint), so an entry is never stale; old ones are never read
again. A cache folder can arrive from anywhere (a committed `.seolint_cache/`, a CI
cache restored from another job), so nothing in it is trusted:

- every entry carries an HMAC made with a per-user secret kept outside the project, so
  an entry this user's seolint did not write is ignored (it could hide or invent findings);
- entries are opened without following symlinks or blocking (a FIFO, a link to
  /dev/zero), refused above a size bound, and checked field by field before use;
- the folder's `.gitignore` and `CACHEDIR.TAG` are created only when absent, never
  through a symlink, and a symlinked cache folder is not used at all.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar, get_args

from seolint.discover.reading import read_own_file
from seolint.discover.source import FileError
from seolint.discover.user_cache import user_cache_folder
from seolint.document.model import PAGE_KINDS, Comment, Span
from seolint.findings.facts import Fact, FileFacts, Reference, ReferenceKind
from seolint.findings.records import Edit, FileResult, Finding, Fix, Severity

CACHE_DIR = ".seolint_cache"
MAX_ENTRY_BYTES = 32 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# seolint cache; safe to delete.\n"


class Cache:
    """Results of one plan, one JSON file per draft, written atomically."""

    def __init__(self, root: Path, fingerprint: str, secret: bytes) -> None:
        self.base = root / CACHE_DIR
        self.folder = self.base / fingerprint[:32]
        self._secret = secret
        self._readable: bool | None = None  # neither folder a link: checked once, before the first read

    @classmethod
    def open(cls, root: Path, fingerprint: str) -> Cache | str:
        """The project's cache, or why there is none: no secret can be kept (then nothing is cached)."""
        secret = user_secret()
        return secret if isinstance(secret, str) else cls(root, fingerprint, secret)

    def key(self, path: str, data: bytes, salt: str = "") -> str:
        """The entry of a draft: its path, its bytes, and what else decides it (its site)."""
        named = path.encode("utf-8", "surrogateescape") + b"\0" + salt.encode() + b"\0"
        return hashlib.sha256(named + data).hexdigest()

    def get(self, key: str, path: str) -> FileResult | None:
        """The stored result for `path`, or None when absent, foreign, tampered or malformed."""
        data = self.read_signed(f"{key}.json")
        if data is None:
            return None
        try:
            result = result_from_json(data)
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        return result if belongs_to(result, path) else None

    def put(self, key: str, result: FileResult) -> None:
        self.write_signed(f"{key}.json", result_to_json(result))

    def read_signed(self, name: str) -> Any:
        """The JSON value of a file of this cache that this user's seolint wrote, else None."""
        if self._readable is None:
            self._readable = not self._linked()
        if not self._readable:
            return None
        raw = read_own_file(self.folder / name, MAX_ENTRY_BYTES)
        if raw is None:
            return None
        mac, _, body = raw.partition(b"\n")
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            return None

    def write_signed(self, name: str, value: Any) -> None:
        """Write via a temporary file and os.replace, so a reader never sees half a file."""
        body = json.dumps(value, ensure_ascii=True).encode("ascii")
        try:
            if not self._prepare():
                return
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "wb") as stream:
                stream.write(self._mac(body) + b"\n" + body)
            os.replace(temporary, self.folder / name)
        except OSError:  # a read-only checkout still lints, just without a cache
            return

    def sign(self, body: bytes) -> bytes:
        """The signature of `body` in this cache (an HMAC with the user's secret): for stores
        that keep many signed values in one file (the site tables)."""
        return self._mac(body)

    def trusted(self) -> bool:
        """Whether this cache may be read and written (neither folder a link planted)."""
        if self._readable is None:
            self._readable = not self._linked()
        return self._readable and self._prepare()

    def _mac(self, body: bytes) -> bytes:
        return hmac.new(self._secret, self.folder.name.encode() + b"\0" + body, "sha256").hexdigest().encode()

    def _linked(self) -> bool:
        return self.base.is_symlink() or self.folder.is_symlink()

    def _prepare(self) -> bool:
        """Create the folders and their marker files; False when the cache must not be used."""
        if self._linked():
            return False
        if self.folder.is_dir():
            return True
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._linked():  # lost a race against a link being planted
            return False
        _create_once(self.base / ".gitignore", "# Created by seolint.\n*\n")
        _create_once(self.base / "CACHEDIR.TAG", _TAG)
        return True


def user_secret() -> bytes | str:
    """A random key kept in the user's cache folder, created on first use (0600), or why
    there is none (one line). A key another user owns or could write is refused: whoever
    can write it can sign cache entries that hide or invent findings."""
    folder = user_cache_folder()
    if folder is None:
        return "no home folder to keep the cache key in (set HOME or an absolute XDG_CACHE_HOME)"
    path = folder / "cache-key"
    existing = read_own_file(path, 1024, private=True)
    if existing is not None and len(existing) >= 32:
        return existing
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_once(path, os.urandom(32).hex(), mode=0o600)
    except OSError as error:
        return f"cannot create the cache key {path}: {(error.strerror or str(error)).lower()}"
    found = read_own_file(path, 1024, private=True)
    if found is None or len(found) < 32:
        return f"the cache key {path} is refused: it must be a file of this user that no one else can write"
    return found


def _create_once(path: Path, text: str, mode: int = 0o644) -> None:
    """Write a new file; leave an existing file or link (a planted `.gitignore` link) alone."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode)
    except FileExistsError:
        return
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)


def belongs_to(result: FileResult, path: str) -> bool:
    """An entry answers for exactly one draft: its own path, findings inside it, known codes."""
    ran = set(result.rules)
    return result.path == path and all(
        f.path == path and f.code in ran and 1 <= f.span.line <= f.span.end_line for f in result.findings
    )


def result_to_json(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "format": result.format,
        "findings": _findings_to_json(result.findings),
        "stats": result.stats,
        "outline": [list(item) for item in result.outline],
        "errors": [[e.path, e.message, e.detail] for e in result.errors],
        "rules": list(result.rules),
        "title": result.title,
        "facts": facts_to_json(result.facts) if result.facts is not None else None,
    }


def facts_to_json(facts: FileFacts) -> dict[str, Any]:
    def fact(value: Fact | None) -> list[Any] | None:
        return None if value is None else [value.text, tuple(value.span)]

    return {
        "urls": list(facts.urls),
        "kind": facts.kind,
        "title": fact(facts.title),
        "description": fact(facts.description),
        "keyphrase": fact(facts.keyphrase),
        "ids": list(facts.ids),
        "references": [  # by column: a warm run inside a large site reads ~100,000 of them
            [r.kind for r in facts.references],
            [r.target for r in facts.references],
            [r.syntax for r in facts.references],
            [number for r in facts.references for number in r.span],
        ],
        "line_count": facts.line_count,
        "first_line": facts.first_line,
        "directives": [[d.text, tuple(d.span)] for d in facts.directives],
        "ignore": list(facts.ignore) if facts.ignore is not None else None,
        "dated": facts.dated,
        "authored": facts.authored,
        "section": facts.section,
        "page": [
            facts.language,
            facts.translation,
            facts.withheld,
            facts.publish_date,
            facts.expiry_date,
            facts.listed,
        ],
        "contexts": [[line, text] for line, text in facts.contexts.items()],
    }


def result_from_json(data: dict[str, Any]) -> FileResult:
    path = _str(data["path"])
    findings = _findings_from_json(path, data["findings"])
    stats = data["stats"]
    if not isinstance(stats, dict):
        raise TypeError("stats")
    return FileResult(
        path,
        _str(data["format"]),
        findings,
        stats,
        tuple((_int(level), _str(text), _int(line)) for level, text, line in data["outline"]),
        tuple(FileError(*map(_str, error)) for error in data["errors"]),
        _strings(data["rules"]),
        None if data["title"] is None else _str(data["title"]),
        facts_from_json(data["facts"]) if data["facts"] is not None else None,
    )


_SEVERITIES = {int(level): level for level in Severity}


def _findings_to_json(findings: tuple[Finding, ...]) -> list[list[Any]]:
    """A file's findings by column (their path is the file's): a warm run reads ~6,500, and
    a column's types are checked in C in one pass, not field by field in Python."""
    return [
        [f.code for f in findings],
        [f.name for f in findings],
        [int(f.severity) for f in findings],
        [f.message for f in findings],
        [f.source_line for f in findings],
        [number for f in findings for number in f.span],
        [_fix_to_json(f.fix) for f in findings],
        [f.whole_post for f in findings],
    ]


def _findings_from_json(path: str, data: object) -> tuple[Finding, ...]:
    if type(data) is not list or len(data) != 8:
        raise TypeError("expected the columns of findings")
    codes, names, levels, messages, lines, spans, fixes, whole = data
    codes, names, messages, lines = map(_strings, (codes, names, messages, lines))
    count = len(codes)
    if any(type(column) is not list or len(column) != count for column in (levels, fixes, whole)):
        raise TypeError("expected a column per field")
    if not set(map(type, levels)) <= {int} or not set(levels) <= _SEVERITIES.keys():
        raise TypeError("expected severities")
    if not set(map(type, whole)) <= {bool} or not len(names) == len(messages) == len(lines) == count:
        raise TypeError("expected true or false")
    return tuple(
        map(
            Finding,
            repeat(path, count),
            _spans(spans, count),
            codes,
            names,
            map(_SEVERITIES.__getitem__, levels),
            messages,
            lines,
            map(_fix_from_json, fixes),
            whole,
        )
    )


def _fix_to_json(fix: Fix | None) -> list[Any] | None:
    if fix is None:
        return None
    edits = [[e.start, e.end, e.text, *(e.start_point or ()), *(e.end_point or ())] for e in fix.edits]
    return [fix.applicability, fix.title, edits]


def _fix_from_json(data: object) -> Fix | None:
    """A stored fix, checked like everything else: a bad one drops the whole entry."""
    if data is None:
        return None
    if not isinstance(data, list):
        raise TypeError("fix")
    applicability, title, edits = data
    if applicability not in ("safe", "unsafe") or not isinstance(edits, list) or not edits:
        raise ValueError("fix")
    parsed = []
    for start, end, text, *points in edits:
        first, last, line, column, end_line, end_column = map(_int, (start, end, *points))
        if not 0 <= first <= last or min(line, column, end_line, end_column) < 1:
            raise ValueError("edit")
        parsed.append(Edit(first, last, _str(text), (line, column), (end_line, end_column)))
    return Fix(tuple(parsed), "safe" if applicability == "safe" else "unsafe", _str(title))


def facts_from_json(data: dict[str, Any], references: bool | Callable[[str], bool] = True) -> FileFacts:
    """FileFacts from their JSON (TypeError, ValueError or KeyError when malformed); without
    `references`, their references are left out (neither decoded nor checked); with a test
    of a target, only the references whose target passes it are made (all are checked)."""

    def fact(value: Any) -> Fact | None:
        if value is None:
            return None
        text, span = value
        return Fact(_str(text), _span(span))

    kinds, targets, syntaxes, spans = data["references"] if references else ([], [], [], [])
    kinds, targets, syntaxes = _strings(kinds), _strings(targets), _strings(syntaxes)
    if not set(kinds) <= set(get_args(ReferenceKind)) or not len(kinds) == len(targets) == len(syntaxes):
        raise ValueError("references")
    ignore = data["ignore"]
    kind = data["kind"]
    if kind not in PAGE_KINDS:
        raise ValueError("page kind")
    return FileFacts(
        urls=_strings(data["urls"]),
        kind=kind,
        title=fact(data["title"]),
        description=fact(data["description"]),
        keyphrase=fact(data["keyphrase"]),
        ids=_strings(data["ids"]),
        references=_references(kinds, targets, syntaxes, spans, references),
        line_count=_int(data["line_count"]),
        first_line=_str(data["first_line"]),
        directives=tuple(Comment(_str(text), _span(span)) for text, span in data["directives"]),
        ignore=_strings(ignore) if ignore is not None else None,
        dated=_bool(data["dated"]),
        authored=_bool(data["authored"]),
        section=None if data["section"] is None else _str(data["section"]),
        **dict(zip(_PAGE_FACTS, map(_optional_str, data["page"]), strict=True)),
        contexts={_int(line): _str(text) for line, text in data["contexts"]},
    )


_Record = TypeVar("_Record", bound=tuple[Any, ...])
_PAGE_FACTS = ("language", "translation", "withheld", "publish_date", "expiry_date", "listed")


def _optional_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _bool(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError("expected true or false")
    return value


def _span(value: object) -> Span:
    if type(value) is not list or len(value) != 4 or not set(map(type, value)) <= {int}:
        raise TypeError("expected a span of four integers")
    return Span(*value)


def _references(
    kinds: tuple[str, ...],
    targets: tuple[str, ...],
    syntaxes: tuple[str, ...],
    spans: object,
    wanted: bool | Callable[[str], bool],
) -> tuple[Reference, ...]:
    """The references of checked columns, all of them or those whose target is `wanted`
    (a one-file run inside a site resolves only the links of other pages that may lead to
    the page: 169 of the 6,705 references of the 164 pages it reads at 20,000 pages)."""
    if not callable(wanted):
        return _records(Reference, zip(kinds, targets, syntaxes, _spans(spans, len(kinds)), strict=True))
    if type(spans) is not list or len(spans) != 4 * len(kinds) or not set(map(type, spans)) <= {int}:
        raise TypeError("expected spans of four integers")
    kept = [at for at, target in enumerate(targets) if wanted(target)]
    return _records(
        Reference,
        ((kinds[at], targets[at], syntaxes[at], Span(*spans[4 * at : 4 * at + 4])) for at in kept),
    )


def _spans(numbers: object, count: int) -> tuple[Span, ...]:
    """`count` spans from a flat list of integers, four each (types checked in C)."""
    if type(numbers) is not list or len(numbers) != 4 * count or not set(map(type, numbers)) <= {int}:
        raise TypeError("expected spans of four integers")
    return _records(Span, zip(numbers[0::4], numbers[1::4], numbers[2::4], numbers[3::4], strict=True))


def _records(kind: type[_Record], fields: Iterable[tuple[Any, ...]]) -> tuple[_Record, ...]:
    """Named tuples made from tuples of their fields, already checked, in C: what
    `kind._make` does less its length check in Python (a warm run inside a 5,000-page site
    makes ~230,000 spans and references, a quarter of its time through `_make`)."""
    return tuple(map(tuple.__new__, repeat(kind), fields))


def _strings(values: Any) -> tuple[str, ...]:
    """`values` if it is a list or tuple of strings (types checked in C: a warm run checks ~70,000)."""
    if type(values) not in (list, tuple) or not set(map(type, values)) <= {str}:
        raise TypeError("expected a list of strings")
    return tuple(values)


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value
