"""Re-lint latency inside `seolint server`: what one pause in typing costs once start-up is paid.

Usage (from the repository root, with `seolint[server]` installed in the active venv):

    python benchmarks/server_relint.py            # a ~5 KB corpus post and the largest one
    python benchmarks/server_relint.py FILE ...   # these drafts instead

Each draft is linted once to warm up (rules, parsers, the plan), then re-linted 50 times
with one character changed each time, through the server's own code path: the buffer's
config, plan and site (seolint.server.server.Linter) and the LSP diagnostics with UTF-16 ranges
(seolint.server.server.Linted). Only the JSON write to the client is left out.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from seolint.discover.source import format_for
from seolint.server.actions import Buffer
from seolint.server.positions import LineIndex
from seolint.server.server import Linted, Linter

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
RUNS = 50


def corpus_drafts() -> list[Path]:
    drafts = sorted(p for p in CORPUS.rglob("*") if p.is_file() and format_for(p.name) is not None)
    near_5k = min(drafts, key=lambda p: abs(p.stat().st_size - 5 * 1024))
    largest = max(drafts, key=lambda p: p.stat().st_size)
    return [near_5k, largest]


def relint_times(linter: Linter, path: Path) -> list[float]:
    fmt = format_for(path.name)
    assert fmt is not None
    text = path.read_text(encoding="utf-8")
    times = []
    for run in range(RUNS + 1):
        edited = f"{text}{'x' * run}"  # a keystroke: the buffer differs from the last one
        started = time.perf_counter()
        verdict = linter.lint(path.resolve(), edited, fmt)
        Linted(Buffer(path.as_uri(), run, LineIndex(edited)), verdict).diagnostics()
        if run:  # the first run pays for start-up: once per server
            times.append(time.perf_counter() - started)
    return times


def main(argv: list[str]) -> None:
    linter = Linter()
    print("| draft | size | median re-lint | min | max | findings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for path in [Path(a) for a in argv] or corpus_drafts():
        times = relint_times(linter, path)
        fmt = format_for(path.name)
        assert fmt is not None
        findings = len(linter.lint(path.resolve(), path.read_text(encoding="utf-8"), fmt).findings)
        size = f"{path.stat().st_size / 1024:.1f} KiB"
        cells = [f"{statistics.median(times) * 1000:.1f} ms", f"{min(times) * 1000:.1f} ms"]
        cells.append(f"{max(times) * 1000:.1f} ms")
        print(f"| {path.name} | {size} | {' | '.join(cells)} | {findings} |")


if __name__ == "__main__":
    main(sys.argv[1:])
