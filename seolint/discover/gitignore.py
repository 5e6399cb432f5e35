"""Which files git ignores, asked of git itself (`git check-ignore --stdin`).

No new dependency and exactly git's semantics (nested .gitignore files, negations,
.git/info/exclude, core.excludesFile). Without git, or outside a repository, nothing is
ignored. Tracked files are never reported as ignored, as in git.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def ignored(folder: Path, files: Sequence[str]) -> set[str]:
    """The subset of `files` (all under `folder`) that git ignores."""
    import shutil
    import subprocess  # only when a folder is walked: a check of named files never asks git

    git = shutil.which("git")
    if git is None or not files:
        return set()
    # Absolute but not resolved: a symlink to a file outside the repository must not make
    # git refuse the whole batch ("is outside repository").
    absolute = {f: os.path.abspath(f) for f in files}
    names = "\0".join(absolute.values()) + "\0"
    try:
        done = subprocess.run(
            [git, "-C", str(folder), "check-ignore", "--stdin", "-z"],
            input=names.encode("utf-8", "surrogateescape"),
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 128: not a repository (or git refused); ignore nothing
        return set()
    reported = {p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p}
    return {f for f, name in absolute.items() if name in reported}
