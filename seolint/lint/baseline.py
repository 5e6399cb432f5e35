"""The baseline ratchet: record today's findings, then fail only on new ones.

A finding is known by its path, rule code and the normalised text of its line, plus an
occurrence index among identical keys: never by line number, so inserting or deleting
lines elsewhere in a post does not turn old findings into new ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import typing
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seolint import __version__
from seolint.discover.reading import ReadError, read_regular_file
from seolint.findings.records import Finding

if TYPE_CHECKING:
    from seolint.findings.records import RunResult

VERSION = 1
MAX_SIZE = 256 * 1024 * 1024  # about a million findings; a bigger file is not a baseline


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names it."""


@dataclass(frozen=True)
class Outcome:
    result: RunResult
    hidden: int  # findings the baseline accepted
    stale: int  # baseline entries that matched nothing (fixed or deleted)


def normalise(line: str) -> str:
    return " ".join(line.split())


def keys(findings: Iterable[Finding], base: Path) -> Iterator[tuple[Finding, tuple[str, str, str, int]]]:
    """Each finding with its (path, code, line text, occurrence) key."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in findings:
        key = (relative_path(finding.path, base), finding.code, normalise(finding.source_line))
        yield finding, (*key, seen[key])
        seen[key] += 1


def fingerprint(key: tuple[str, str, str, int]) -> str:
    return hashlib.sha256(json.dumps(list(key)).encode("utf-8")).hexdigest()[:32]


def relative_path(path: str, base: Path) -> str:
    """The path relative to the baseline's folder, so the baseline works from any directory."""
    if path == "-":
        return path
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def write(result: RunResult, path: Path) -> int:
    base = path.parent
    entries = [
        {"path": k[0], "code": k[1], "line": k[2], "occurrence": k[3], "fingerprint": fingerprint(k)}
        for f, k in keys(sorted(result.findings), base)
    ]
    document = {"version": VERSION, "tool": {"name": "seolint", "version": __version__}, "findings": entries}
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline: {error.strerror or error}") from None
    return len(entries)


@dataclass(frozen=True)
class Entry:
    path: str
    code: str
    fingerprint: str


def read(path: Path) -> list[Entry]:
    """The entries of a baseline file; anything else is a BaselineError naming the file."""
    try:
        data: Any = json.loads(read_regular_file(str(path), MAX_SIZE, "the baseline limit").decode("utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except ReadError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a seolint baseline: JSON nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a seolint baseline: {error}") from None
    except ValueError:  # Python refuses to convert integers of thousands of digits
        raise BaselineError(f"{path}: not a seolint baseline: a number with too many digits") from None
    shaped = isinstance(data, dict) and isinstance(data.get("findings"), list)
    if not shaped or type(data.get("version")) is not int or data["version"] != VERSION:
        raise BaselineError(f"{path}: not a seolint baseline (version {VERSION})")
    return [_entry(path, item) for item in data["findings"]]


def _entry(path: Path, item: object) -> Entry:
    """One baseline entry; every field must be a string (no `true` or `null` taken as text)."""
    values = [item.get(key) for key in ("path", "code", "fingerprint")] if isinstance(item, dict) else []
    if len(values) != 3 or not all(isinstance(value, str) for value in values):
        raise BaselineError(f"{path}: baseline entry without path, code or fingerprint strings")
    return Entry(*typing.cast(list[str], values))


def apply(result: RunResult, path: Path) -> Outcome:
    """The result without the findings the baseline accepts, and how many entries went unused.

    An entry counts as stale only if its file was linted and its rule ran on it in this
    run, so linting a few files (pre-commit) or a few rules does not report the rest as fixed.
    """
    entries = read(path)
    remaining = Counter(entry.fingerprint for entry in entries)
    checked = {(relative_path(file.path, path.parent), code) for file in result.files for code in file.rules}
    hidden = 0
    files = []
    for file in result.files:
        kept = []
        for finding, key in keys(file.findings, path.parent):
            mark = fingerprint(key)
            if remaining[mark] > 0:
                remaining[mark] -= 1
                hidden += 1
            else:
                kept.append(finding)
        files.append(file._replace(findings=tuple(kept)))
    new_result = result._replace(files=tuple(files))
    stale = 0
    for entry in entries:
        if remaining[entry.fingerprint] > 0 and (entry.path, entry.code) in checked:
            remaining[entry.fingerprint] -= 1
            stale += 1
    return Outcome(new_result, hidden, stale)
