"""Target 4 (scaling) in instructions instead of seconds: repeatable on a noisy machine.

Usage: python benchmarks/scaling_instructions.py      (needs valgrind; ~3 min)

Wall-clock ratios of 100 KB -> 1 MB drift by +-20 % between runs on a shared 2-CPU
machine. valgrind's callgrind counts the instructions a process executes, which do not
depend on what else the machine is doing. Each size runs in its own process: the same
imports and a 10 KB warm-up, then one parse + all default rules on the synthetic draft;
a process that stops after the warm-up is subtracted, leaving the cost of the draft.
A first, uncounted run writes any missing bytecode: compiling it once made a 10 KB draft
seem to cost 11 M instructions instead of 32 M.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000))
PROGRAM = """
import sys
sys.path.insert(0, {here!r})
from run import synthetic_draft
from seolint.config.files import Config
from seolint.lint.pipeline import lint_source
from seolint.config.plan import make_plan
from seolint.discover.source import Source
plan = make_plan(Config())
lint_source(Source(synthetic_draft(10_000, seed=1), "warm.md", "markdown"), plan)
size = int(sys.argv[1])
if size:
    lint_source(Source(synthetic_draft(size), "draft.md", "markdown"), plan)
"""


def instructions(size: int) -> int:
    """Instructions executed by one process linting a draft of `size` bytes (0: none)."""
    program = PROGRAM.format(here=str(HERE))
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # string hashes, so dict and set layouts, repeat
    finished = subprocess.run(
        [*command, sys.executable, "-c", program, str(size)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    collected = re.search(r"Collected : (\d+)", finished.stderr)
    if collected is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{finished.stderr[-2000:]}")
    return int(collected.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    instructions(10_000)  # a throw-away run: it writes any missing .pyc, which the first run pays for
    base = instructions(0)
    print("| draft | instructions for the draft | ratio to the previous size |\n| --- | ---: | ---: |")
    previous = None
    for label, size in SIZES:
        spent = instructions(size) - base
        ratio = f"{spent / previous:.2f}x" if previous else ""
        print(f"| {label} | {spent:,} | {ratio} |")
        previous = spent


if __name__ == "__main__":
    main()
