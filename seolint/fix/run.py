"""`check --fix` / `--diff`: fix drafts on disk (or stdin) and say what was done.

Each draft is read, linted and fixed (seolint.fix.apply) without the cache, then either
written back or shown as a unified diff. Writing is careful, since a linter that
damages a draft loses the writer's trust for good:

- the fixed text is encoded exactly as the draft was (its codec and BOM); a draft that
  would not come back byte for byte from its own decoding is left alone;
- the new bytes go to a temporary file in the draft's folder, which gets the draft's
  permissions and then replaces it in one rename (a symlink's target is replaced);
- right before the rename the draft is read again: if it changed since it was read
  (an editor saved meanwhile), it is left as it is, with one line saying so.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from seolint.discover.reading import STDIN, ReadError, decode, read_bytes
from seolint.discover.source import FileError, Source, sniff
from seolint.discover.walk import DraftFile, discover
from seolint.findings.records import FileResult, Finding, RunResult
from seolint.fix.apply import fix_text
from seolint.fix.diff import unified_diff
from seolint.lint.parallel import map_ordered
from seolint.lint.pipeline import DraftError, lint_source
from seolint.lint.runner import Stdin, draft_context, lost_draft, skipped_site_files, stdin_context

if TYPE_CHECKING:
    from collections.abc import Sequence

    from seolint.config.plan import Plan
    from seolint.discover.source import Format
    from seolint.lint.settings import Settings
    from seolint.site import Site

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True)
class Mode:
    unsafe: bool = False  # apply unsafe fixes too
    diff: bool = False  # show the changes instead of writing them


@dataclass(frozen=True)
class Outcome:
    """What the command line reports: the findings left, and an exit code when the run is
    already over (`--diff`, or stdin, whose output is the fixed text)."""

    result: RunResult
    exit_code: int | None = None


@dataclass(frozen=True)
class FileFix:
    """One draft after fixing: its remaining findings (or why it could not be linted)."""

    outcome: FileResult | FileError
    fixed: int = 0
    unsafe_left: int = 0
    output: bytes = b""  # the diff (--diff) or the fixed bytes (stdin)
    note: str = ""  # why a fixed draft was left as it was


@dataclass(frozen=True)
class Encoding:
    """How a draft's bytes became its text, so the fixed text becomes bytes the same way."""

    bom: bytes
    codec: str

    @classmethod
    def of(cls, data: bytes, default: str) -> Encoding:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return cls(bom, codec)
        return cls(b"", default)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def run(paths: Sequence[str], settings: Settings, stdin: Stdin, mode: Mode, jobs: int = 1) -> Outcome:
    """Fix every draft under `paths` (stdin: `stdin.path` names it); ConfigError is the caller's."""
    cwd = settings.config_for(Path.cwd())
    drafts, errors = discover(paths, settings.config_for, cwd.force_exclude, settings.site_for)
    for draft in drafts:  # resolve plans and sites (and read their files) before workers fork
        if draft.location != STDIN:
            settings.plan_for(settings.config_for(Path(draft.location).parent))
            if (site := settings.site_for(Path(draft.location))) is not None:
                settings.site_key(site)
    files = one_per_file([d for d in drafts if d.location != STDIN])
    with_stdin = any(d.location == STDIN for d in drafts)
    if files and with_stdin and not mode.diff:
        sys.stderr.write("seolint: error: --fix with `-` fixes standard input only; name no other paths\n")
        return Outcome(RunResult((), tuple(errors)), EXIT_ERROR)
    done = map_ordered(functools.partial(fix_file, settings, mode), files, jobs, lost=_lost)
    if with_stdin:
        done.append(fix_stdin(settings, mode, stdin))
    results = [d.outcome for d in done if isinstance(d.outcome, FileResult)]
    errors += [d.outcome for d in done if isinstance(d.outcome, FileError)]
    errors += [e for r in results for e in r.errors]
    errors += skipped_site_files(settings, files)
    result = RunResult(tuple(results), tuple(errors))
    _summarise(done, mode)
    if mode.diff:
        _write_out(b"".join(d.output for d in done))
        return Outcome(
            result, EXIT_ERROR if errors else EXIT_FINDINGS if any(d.fixed for d in done) else EXIT_CLEAN
        )
    if with_stdin:
        _write_out(done[-1].output)
        failing = any(f.severity >= cwd.fail_on for f in result.findings)
        for finding in result.findings:
            sys.stderr.write(_line(finding))
        return Outcome(result, EXIT_ERROR if errors else EXIT_FINDINGS if failing else EXIT_CLEAN)
    return Outcome(result)


def one_per_file(drafts: Sequence[DraftFile]) -> list[DraftFile]:
    """Each file once, however many names reach it (symlinks, hard links), so --diff lists
    what --fix writes: under a name that is not a symlink when one is given, else under the
    path of the file the link leads to."""
    kept: dict[tuple[int, int] | str, DraftFile] = {}
    for draft in drafts:
        try:
            info = os.stat(draft.location)
        except OSError:  # reading it will say why
            kept[draft.location] = draft
            continue
        identity = (info.st_dev, info.st_ino)
        if identity not in kept or (_is_link(kept[identity]) and not _is_link(draft)):
            kept[identity] = draft
    return [_unlinked(draft) for draft in kept.values()]


def _is_link(draft: DraftFile) -> bool:
    return os.path.islink(draft.location)


def _unlinked(draft: DraftFile) -> DraftFile:
    """A symlinked draft under the path of its file (relative when that is inside the working
    directory): the name a patch of it must carry."""
    if not _is_link(draft):
        return draft
    real = os.path.realpath(draft.location)
    relative = os.path.relpath(real)
    return DraftFile.at(real if relative.startswith("..") else relative)


def _lost(draft: DraftFile, why: str) -> FileFix:
    return FileFix(lost_draft(draft, why))


def fix_file(settings: Settings, mode: Mode, draft: DraftFile) -> FileFix:
    """Read, fix and write back (or diff) one draft."""
    found = draft_context(settings, draft)
    if isinstance(found, FileError):
        return FileFix(found)
    fmt, plan, site = found
    try:
        before = os.stat(draft.location)
        data = read_bytes(draft.location, plan.max_file_size)
    except (OSError, ReadError) as error:
        return FileFix(FileError(draft.path, _reason(error)))
    fixed = _fix_bytes(data, draft.path, fmt, plan, site, mode)
    if isinstance(fixed.outcome, FileError) or fixed.note or not fixed.output:
        return fixed
    if mode.diff:
        return FileFix(
            fixed.outcome, fixed.fixed, fixed.unsafe_left, _diff(draft.path, data, fixed.output, plan)
        )
    note = write_back(draft.location, data, before, fixed.output)
    if note:
        return FileFix(fixed.outcome, 0, fixed.unsafe_left, note=note)
    return FileFix(fixed.outcome, fixed.fixed, fixed.unsafe_left)


def fix_stdin(settings: Settings, mode: Mode, stdin: Stdin) -> FileFix:
    """Standard input, fixed: the output is the fixed text (or its diff), written by the caller."""
    plan, site = stdin_context(settings, stdin)
    try:
        data = read_bytes(STDIN, plan.max_file_size)
    except ReadError as error:
        return FileFix(FileError(stdin.path, str(error)))
    fmt = stdin.format or sniff(data.decode(plan.encoding, "replace"))
    fixed = _fix_bytes(data, stdin.path, fmt, plan, site, mode)
    if mode.diff:
        diff = _diff(stdin.path, data, fixed.output, plan) if fixed.output else b""
        return FileFix(fixed.outcome, fixed.fixed, fixed.unsafe_left, diff, fixed.note)
    return FileFix(fixed.outcome, fixed.fixed, fixed.unsafe_left, fixed.output or data, fixed.note)


def _fix_bytes(data: bytes, path: str, fmt: Format, plan: Plan, site: Site | None, mode: Mode) -> FileFix:
    """The draft's remaining findings and, when anything was fixed, the fixed bytes."""
    encoding = Encoding.of(data, plan.encoding)
    linter = _Linter(path, fmt, plan, site)
    try:
        text = decode(data, plan.encoding)
        fixed = fix_text(text, linter, mode.unsafe)
    except (ReadError, DraftError) as error:
        if linter.last is None:
            return FileFix(FileError(path, str(error), getattr(error, "detail", "")))
        return FileFix(
            linter.first_result(), note=f"{path}: not fixed: the fixed text cannot be linted ({error})"
        )
    assert linter.last is not None
    if fixed.fixed == 0 or fixed.text == text:
        return FileFix(linter.last, 0, fixed.unsafe_left())
    try:
        exact = encoding.encode(text) == data
        output = encoding.encode(fixed.text) if exact else b""
    except UnicodeError:
        exact, output = False, b""
    if not exact:
        why = f"{path}: not fixed: its bytes would not be written back exactly in {encoding.codec}"
        return FileFix(linter.first_result(), note=why)
    return FileFix(linter.last, fixed.fixed, fixed.unsafe_left(), output)


class _Linter:
    """Lints one draft's successive texts, keeping the first and the latest results."""

    def __init__(self, path: str, fmt: Format, plan: Plan, site: Site | None) -> None:
        self.path, self.fmt, self.plan, self.site = path, fmt, plan, site
        self.first: FileResult | None = None
        self.last: FileResult | None = None

    def __call__(self, text: str) -> tuple[Finding, ...]:
        self.last = lint_source(Source(text, self.path, self.fmt), self.plan, self.site)
        self.first = self.first or self.last
        return self.last.findings

    def first_result(self) -> FileResult:
        assert self.first is not None
        return self.first


def write_back(location: str, original: bytes, before: os.stat_result, data: bytes) -> str:
    """Replace the file with `data` atomically, unless it changed since `original` was read.

    A file with other hard links is rewritten in place instead: replacing it would give
    this name a new file and leave the others with the old text.
    Returns "" on success, else one line saying why the file was left as it was.
    """
    target = os.path.realpath(location)
    if not os.path.lexists(target):
        return f"{location}: not fixed: it was deleted since it was read"
    if not before.st_mode & 0o222 or not os.access(target, os.W_OK):
        return f"{location}: not fixed: the file is read-only"
    if before.st_nlink > 1:
        return _write_in_place(location, target, original, before, data)
    try:
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".seolint-fix-")
    except OSError as error:
        return f"{location}: not fixed: cannot write beside it: {(error.strerror or str(error)).lower()}"
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(before.st_mode))
        _keep_owner(temporary, before)
        now = os.stat(target)
        if (now.st_mtime_ns, now.st_size) != (before.st_mtime_ns, before.st_size) or _bytes(
            target
        ) != original:
            os.unlink(temporary)
            return f"{location}: not fixed: it changed since it was read; run again"
        os.replace(temporary, target)
    except FileNotFoundError:
        _discard(temporary)
        return f"{location}: not fixed: it was deleted since it was read"
    except OSError as error:
        _discard(temporary)
        return f"{location}: not fixed: cannot write: {(error.strerror or str(error)).lower()}"
    return ""


def _write_in_place(location: str, target: str, original: bytes, before: os.stat_result, data: bytes) -> str:
    """Overwrite the hard-linked file itself (every name sees the fix), after checking, on
    the open file, that it is still the one read and unchanged."""
    try:
        with open(target, "r+b", opener=_without_blocking) as stream:
            now = os.fstat(stream.fileno())
            same = (now.st_dev, now.st_ino, now.st_mtime_ns, now.st_size) == (
                before.st_dev,
                before.st_ino,
                before.st_mtime_ns,
                before.st_size,
            )
            if not same or stream.read() != original:
                return f"{location}: not fixed: it changed since it was read; run again"
            stream.seek(0)
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
    except FileNotFoundError:
        return f"{location}: not fixed: it was deleted since it was read"
    except OSError as error:
        return f"{location}: not fixed: cannot write: {(error.strerror or str(error)).lower()}"
    return ""


def _without_blocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def _keep_owner(path: str, before: os.stat_result) -> None:
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away: then it is the writer's
            os.chown(path, before.st_uid, before.st_gid)


def _bytes(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _diff(path: str, before: bytes, after: bytes, plan: Plan) -> bytes:
    """The unified diff of the fix (seolint.fix.diff), lines in the draft's own encoding
    (its BOM on the first line; UTF-16 is shown as UTF-8, for reading: patch reads none)."""
    encoding = Encoding.of(before, plan.encoding)
    old, new = (data.decode(encoding.codec) for data in (before, after))
    shown = "utf-8" if encoding.codec.startswith("utf-16") else encoding.codec
    return unified_diff(path, old, new, shown)


def _summarise(done: Sequence[FileFix], mode: Mode) -> None:
    for item in done:
        if item.note:
            sys.stderr.write(f"seolint: {item.note}\n")
    fixed = sum(d.fixed for d in done)
    files = sum(1 for d in done if d.fixed)
    unsafe = "" if mode.unsafe else _more(sum(d.unsafe_left for d in done))
    verb = "would fix" if mode.diff else "fixed"
    sys.stderr.write(f"seolint: {verb} {_count(fixed, 'finding')} in {_count(files, 'file')}{unsafe}\n")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _more(count: int) -> str:
    return f" ({count} more with --unsafe-fixes)" if count else ""


def _write_out(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _line(finding: Finding) -> str:
    where = f"{finding.path}:{finding.span.line}:{finding.span.column}"
    return f"{where}: {finding.code} [{finding.severity.label}] {finding.message}\n"


def _reason(error: OSError | ReadError) -> str:
    if isinstance(error, OSError):
        return f"cannot read: {(error.strerror or str(error)).lower()}"
    return str(error)
