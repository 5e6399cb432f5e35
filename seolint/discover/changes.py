"""What a change touched since a base revision, asked of git: files, their new lines, deletions.

For pull requests (`check --diff-base REF`): the base is the merge base of REF and HEAD, as
a pull request's diff is, and the change is everything from there to the working tree
(commits, uncommitted edits and untracked files), so a local run before pushing and the
CI run on the pull request agree. Only lines that exist after the change count as changed
(reviewdog's `added` filter): a deleted line leaves nothing to comment on.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_GIT_TIMEOUT = 120  # seconds; a diff of a huge repository is slow, a hung git is a bug


class ChangesError(ValueError):
    """git is missing, this is not a repository, or the base revision is unknown."""


@dataclass(frozen=True)
class ChangedFile:
    """A file as the change left it: which of its lines are new, and what it was called before."""

    lines: frozenset[int] = frozenset()  # 1-based lines added or changed
    added: bool = False  # new (or untracked): every line is new
    base_path: Path | None = None  # the file at the base (another name after a rename); None if added

    def touches(self, line: int, end_line: int) -> bool:
        """Whether any line of [line, end_line] is new."""
        return self.added or any(n in self.lines for n in range(line, max(end_line, line) + 1))


@dataclass(frozen=True)
class Changes:
    """The change from `base` to the working tree of the repository at `root`."""

    root: Path
    base: str  # the commit compared with (the merge base)
    files: dict[Path, ChangedFile] = field(default_factory=dict)  # by absolute path, after the change
    deleted: frozenset[Path] = frozenset()  # absolute paths (as at the base) of files deleted

    def base_text(self, path: Path) -> bytes | None:
        """The file's bytes at the base revision (None when it did not exist there)."""
        relative = path.relative_to(self.root).as_posix()
        done = _git(self.root, "show", f"{self.base}:{relative}", check=False)
        return done.stdout if done.returncode == 0 else None


def changes_since(revision: str, folder: Path) -> Changes:
    """The change from the merge base of `revision` and HEAD to the working tree of the
    repository holding `folder` (ChangesError when git cannot tell)."""
    top = _git(folder, "rev-parse", "--show-toplevel").stdout.decode("utf-8", "surrogateescape").strip()
    # git names the top folder with symbolic links resolved; paths here are named as the
    # run names them (absolute from the working folder), so the two meet
    up = os.path.relpath(top, os.path.realpath(folder))
    root = Path(os.path.normpath(os.path.join(os.path.abspath(folder), up)))
    if revision.startswith("-"):
        raise ChangesError(f"{revision!r} is not a git revision")
    done = _git(root, "merge-base", revision, "HEAD", check=False)
    if done.returncode != 0:
        raise ChangesError(f"{revision!r} is not a git revision with a common history with HEAD")
    base = done.stdout.decode("ascii").strip()
    statuses = _git(root, "diff", "--name-status", "-z", "-M", "--no-ext-diff", base, "--").stdout
    files, deleted = _statuses(root, statuses)
    patch = _git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", "-M", base, "--").stdout
    for path, lines in _new_lines(root, patch).items():
        if path in files and not files[path].added:
            files[path] = ChangedFile(frozenset(lines), False, files[path].base_path)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z").stdout
    for name in filter(None, untracked.split(b"\0")):
        files[_path(root, name)] = ChangedFile(added=True)
    return Changes(root, base, files, frozenset(deleted))


def _statuses(root: Path, output: bytes) -> tuple[dict[Path, ChangedFile], list[Path]]:
    """Changed files (no lines yet) and deleted ones, from `git diff --name-status -z`."""
    fields = output.split(b"\0")
    files: dict[Path, ChangedFile] = {}
    deleted: list[Path] = []
    at = 0
    while at < len(fields) and fields[at]:
        status = fields[at][:1]
        if status in (b"R", b"C"):  # renamed or copied: the old name, then the new one
            old, new = _path(root, fields[at + 1]), _path(root, fields[at + 2])
            files[new] = ChangedFile(base_path=old if status == b"R" else None, added=status == b"C")
            if status == b"R":
                deleted.append(old)
            at += 3
            continue
        path = _path(root, fields[at + 1])
        if status == b"D":
            deleted.append(path)
        else:
            files[path] = ChangedFile(added=status == b"A", base_path=None if status == b"A" else path)
        at += 2
    return files, deleted


def _new_lines(root: Path, patch: bytes) -> dict[Path, set[int]]:
    """The new side's lines of each file's hunks in a `git diff --unified=0` patch."""
    found: dict[Path, set[int]] = {}
    current: set[int] | None = None
    for line in patch.split(b"\n"):
        if line.startswith(b"+++ "):
            name = _unquote(line[4:])
            current = None if name == b"/dev/null" else found.setdefault(_path(root, name[2:]), set())
        elif current is not None and (hunk := _HUNK.match(line)):
            start, count = int(hunk.group(1)), int(hunk.group(2) or b"1")
            current.update(range(start, start + count))
    return found


def _unquote(name: bytes) -> bytes:
    """A path as git prints it in a patch: C-quoted ("b/a\\tb.md") when it holds odd bytes."""
    if not (name.startswith(b'"') and name.endswith(b'"')):
        return name
    import codecs

    decoded: bytes = codecs.escape_decode(name[1:-1])[0]
    return decoded


def _path(root: Path, name: bytes) -> Path:
    return root / os.fsdecode(name)


def _git(folder: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise ChangesError("git is not installed (it tells which lines changed)")
    command = [git, "-c", "core.quotePath=false", "-C", str(folder), *args]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=_GIT_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as error:
        raise ChangesError(f"git {args[0]} failed: {error}") from None
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangesError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done
