"""Where a one-post check spends its time: importing the CLI, then the check, and within
the check the time spent creating dataclasses and compiling regexes.

Usage: python benchmarks/startup_phases.py [POST]   (default: a corpus post)

Wraps `dataclasses._process_class` and `re._compile` with timers (private functions, fine
for a benchmark), runs `seolint check --no-cache POST` in this process with its output
discarded, and prints one line. Run it a few times: single runs are noisy.
"""

from __future__ import annotations

import dataclasses
import io
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

POST = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "rust-blog" / "Rust-1.77.0.md"


def timed(spent: list[float], function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
            spent[1] += 1

    return wrapper


def main(post: str) -> None:
    regexes, classes = [0.0, 0], [0.0, 0]
    re._compile = timed(regexes, re._compile)  # type: ignore[attr-defined]
    dataclasses._process_class = timed(classes, dataclasses._process_class)  # type: ignore[attr-defined]
    started = time.perf_counter()
    import seolint.cli.main

    imported = time.perf_counter()
    sys.argv = ["seolint", "check", "--no-cache", post]
    stdout, sys.stdout = sys.stdout, io.StringIO()
    try:
        seolint.cli.main.main()
    except SystemExit:
        pass
    finally:
        sys.stdout = stdout
    checked = time.perf_counter()
    print(
        f"import cli {1000 * (imported - started):.1f} ms, check {1000 * (checked - imported):.1f} ms; "
        f"re compile {1000 * regexes[0]:.1f} ms ({regexes[1]} calls, cache hits included), "
        f"dataclasses {1000 * classes[0]:.1f} ms ({classes[1]} classes)"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(POST))
