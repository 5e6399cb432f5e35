"""A site's own files (configs, templates, `_redirects`) read as drafts are: regular files
only, never blocking, at most MAX_DATA_FILE_SIZE bytes.

A template committed as a link to /dev/zero, or a FIFO named `_redirects`, must not take
the run down: such a file is skipped and remembered here with why, so the run can say so
once (`skipped_under`) and go on as if the file were absent. A missing file is no news.
Reading a file again forgets an earlier skip of it, so a long-lived process (the language
server) reports only what is still wrong.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from seolint.discover.reading import MAX_DATA_FILE_SIZE, ReadError, read_head, read_regular_file

_skipped: dict[Path, str] = {}  # absolute path -> why it was not read, for this process


def read_site_text(path: Path) -> str | None:
    """The text of a site file (undecodable bytes replaced), or None when it is absent or skipped."""
    data = read_site_bytes(path)
    return None if data is None else data.decode("utf-8", errors="replace")


def read_site_bytes(path: Path) -> bytes | None:
    """The bytes of a site file, or None when it is absent or skipped (and then remembered)."""
    try:
        data = read_regular_file(str(path), MAX_DATA_FILE_SIZE, "the site file limit")
    except FileNotFoundError:
        forget(path)
        return None
    except ReadError as error:
        note_skipped(path, str(error))
        return None
    except OSError as error:
        note_skipped(path, (error.strerror or str(error)).lower())
        return None
    forget(path)
    return data


def read_site_head(path: Path, size: int) -> str | None:
    """The text of a site file's first `size` bytes (a layout's front matter), or None when
    it is absent or skipped (and then remembered, as by read_site_bytes)."""
    data = read_head(str(path), size)
    if data is not None:
        forget(path)
        return data.decode("utf-8", errors="replace")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        forget(path)
        return None
    except OSError as error:
        note_skipped(path, (error.strerror or str(error)).lower())
        return None
    note_skipped(path, "not a regular file" if not stat.S_ISREG(info.st_mode) else "cannot read")
    return None


def note_skipped(path: Path, why: str) -> None:
    """Remember that `path` was not read (or not used) and why, in one line."""
    _skipped[path.absolute()] = why


def forget(path: Path) -> None:
    _skipped.pop(path.absolute(), None)


def skipped_under(root: Path) -> list[tuple[Path, str]]:
    """The site files under `root` this process skipped, and why, in path order."""
    base = root.absolute()
    return sorted((path, why) for path, why in _skipped.items() if path.is_relative_to(base))
