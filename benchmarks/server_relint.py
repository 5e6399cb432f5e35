"""Re-lint latency inside `seolint server`: what one pause in typing costs once start-up is paid.

Usage (from the repository root, with `seolint[server]` installed in the active venv):

    python benchmarks/server_relint.py            # a ~5 KB corpus post and the largest one, alone,
                                                  # then the ~5 KB one inside a 1,000-post site
    python benchmarks/server_relint.py FILE ...   # these drafts instead (alone)

Each draft is linted once to warm up (rules, parsers, the plan; inside a site, reading every
page's facts), then re-linted 50 times with one character changed each time, through the
server's own code path: the buffer's config, plan and site (seolint.server.server.Linter),
inside a site the site rules over the open buffer (Linter.site_verdict, with W001/W002
fixes), and the LSP diagnostics with UTF-16 ranges (seolint.server.server.Linted). Only the
JSON write to the client is left out.

The site is made in a temporary folder: a Hugo config and 1,000 corpus posts as
content/posts/*.md (the ~5 KB one among them), linted once by `seolint check` so their
facts are cached, as they would be on a machine where seolint has run.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seolint.discover.source import format_for
from seolint.findings.records import Finding
from seolint.server.actions import Buffer
from seolint.server.positions import LineIndex
from seolint.server.server import Linted, Linter
from seolint.server.site import with_fixes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RUNS = 50
SITE_POSTS = 1000


def corpus_drafts() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and format_for(p.name) is not None)


def near_5k(drafts: list[Path]) -> Path:
    return min(drafts, key=lambda p: abs(p.stat().st_size - 5 * 1024))


def relint_times(linter: Linter, path: Path) -> tuple[list[float], int]:
    fmt = format_for(path.name)
    assert fmt is not None
    text = path.read_text(encoding="utf-8")
    times, found = [], 0
    for run in range(RUNS + 1):
        edited = f"{text}{'x' * run}"  # a keystroke: the buffer differs from the last one
        started = time.perf_counter()
        verdict = linter.lint(path.resolve(), edited, fmt)
        assert verdict is not None, f"{path} is outside seolint's lane"
        index = LineIndex(edited)
        site_findings: tuple[Finding, ...] = ()
        if verdict.site is not None and verdict.result is not None:
            judged = linter.site_verdict(verdict.site, {path.resolve(): verdict.result})
            site_findings = with_fixes(judged.findings[path.resolve()], judged.model, path.resolve(), index)
        linted = Linted(Buffer(path.as_uri(), run, index), verdict, path, site_findings)
        found = len(linted.diagnostics())
        if run:  # the first run pays for start-up: once per server (and per site)
            times.append(time.perf_counter() - started)
    return times, found


def row(label: str, path: Path, times: list[float], found: int) -> str:
    size = f"{path.stat().st_size / 1024:.1f} KiB"
    cells = [f"{seconds * 1000:.1f} ms" for seconds in (statistics.median(times), min(times), max(times))]
    return f"| {label} | {size} | {' | '.join(cells)} | {found} |"


def make_site(folder: Path, post: Path, drafts: list[Path]) -> Path:
    """A Hugo site of SITE_POSTS corpus posts, `post` among them, with its facts cached."""
    posts = folder / "content" / "posts"
    posts.mkdir(parents=True)
    (folder / "hugo.toml").write_text('baseURL = "https://blog.example.com/"\ntitle = "Bench"\n')
    chosen = [post, *[d for d in drafts if d != post and d.suffix == ".md"][: SITE_POSTS - 1]]
    for number, draft in enumerate(chosen):
        shutil.copy(draft, posts / f"{number:04d}-{draft.name}")
    seolint = Path(sys.executable).parent / "seolint"
    command = [str(seolint), "check", "--exit-zero", "--format", "json", "."]
    subprocess.run(command, cwd=folder, capture_output=True, check=True)
    return posts / f"0000-{post.name}"


def main(argv: list[str]) -> None:
    print("| draft | size | median re-lint | min | max | diagnostics |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    alone = Linter(everywhere=True)  # a draft outside any site or config
    drafts = corpus_drafts() if not argv else []
    chosen = [Path(a) for a in argv] or [near_5k(drafts), max(drafts, key=lambda p: p.stat().st_size)]
    for path in chosen:
        print(row(f"{path.name} (alone)", path, *relint_times(alone, path)))
    if argv:
        return
    with tempfile.TemporaryDirectory() as folder:
        inside = make_site(Path(folder), near_5k(drafts), drafts)
        in_site = Linter()
        print(row(f"{inside.name[5:]} (in a {SITE_POSTS}-post site)", inside, *relint_times(in_site, inside)))


if __name__ == "__main__":
    main(sys.argv[1:])
