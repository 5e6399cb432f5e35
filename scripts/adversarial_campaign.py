"""Adversarial inputs at growing sizes: each must lint in linear time, without a crash.

    python scripts/adversarial_campaign.py [--base 5000] [--timeout 120]

Every generator (the reproducers of issue 17 and other shapes that break naive parsers)
is linted in-process at sizes N, 4N and 16N; the report gives the time of each, the
growth from 4N to 16N (about 4 for linear work) and any error. A run that exceeds the
timeout, crashes or grows faster than 8x per 4x is a failure. Then the largest input of
each generator goes through the real command line, which must exit 0, 1 or 2 with no
traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from seolint.config.files import Config
from seolint.config.plan import make_plan
from seolint.discover.source import Format, Source
from seolint.lint.pipeline import DraftError, lint_source

Generator = Callable[[int], str]
GENERATORS: dict[str, tuple[Format, Generator]] = {
    "placeholder links": ("markdown", lambda n: "# Big\n\n" + "- [x](#)\n" * n),
    "entities per line": ("markdown", lambda n: "x&lt;\n" * n),
    "backslash escapes": ("markdown", lambda n: "a\\*b \\_c\n" * n),
    "unclosed attribute": ("html", lambda n: "<article><p>a</p>" + "<a x='" * n),
    "unclosed comments": ("html", lambda n: "<!--" * n),
    "unclosed comments (md)": ("markdown", lambda n: "text\n\n" + "<!--" * n),
    "html block attribute (md)": ("markdown", lambda n: "<div x='" * n),
    "line suppressions": ("markdown", lambda n: "[x](#) <!-- seolint-disable-line S002 -->\n" * n),
    "long sentences": ("markdown", lambda n: ("word " * 40 + "end. ") * (n // 8) + "\n"),
    "space run before comma": ("markdown", lambda n: "Text" + " " * (n * 10) + ",\n"),
    "nested quotes": ("markdown", lambda n: ">" * min(n, 10_000) + " x\n"),
    "nested lists": ("markdown", lambda n: "".join("  " * (i % 50) + "- x\n" for i in range(n))),
    "open brackets": ("markdown", lambda n: "[" * n + "]" * n + "\n"),
    "backtick runs": ("markdown", lambda n: "`" * n + " x\n"),
    "emphasis soup": ("markdown", lambda n: "*a _b " * n + "\n"),
    "many headings": ("markdown", lambda n: "".join(f"## H {i}\n\n#### deep {i}\n\n" for i in range(n // 4))),
    "wide table": ("markdown", lambda n: "|" + "a|" * n + "\n|" + "-|" * n + "\n|" + "b|" * n + "\n"),
    "outline markers": (
        "text",
        lambda n: "".join(f"H2: Section {i}\n\nSome text [Link to x].\n\n" for i in range(n // 4)),
    ),
    "template braces": ("markdown", lambda n: "{{ " * n + "\n"),
    "unclosed tags (text)": ("text", lambda n: "<a " * n),
}


class TimedOut(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise TimedOut


def lint_seconds(text: str, fmt: Format, timeout: int) -> tuple[float, str]:
    plan = make_plan(Config())
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    started = time.perf_counter()
    try:
        lint_source(
            Source(text, f"draft.{ {'markdown': 'md', 'html': 'html', 'text': 'txt'}[fmt] }", fmt), plan
        )
        outcome = ""
    except DraftError as error:
        outcome = f"refused: {error}"
    except TimedOut:
        outcome = f"TIMEOUT after {timeout}s"
    except Exception as error:  # the campaign reports crashes instead of stopping
        outcome = f"CRASH {type(error).__name__}: {error}"
    finally:
        signal.alarm(0)
    return time.perf_counter() - started, outcome


def through_cli(text: str, fmt: Format) -> str:
    suffix = {"markdown": ".md", "html": ".html", "text": ".txt"}[fmt]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "draft" + suffix)
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from seolint.cli.launch import main; main()",
                "check",
                "--no-cache",
                "--format",
                "json",
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        )
    bad = done.returncode not in (0, 1, 2) or "Traceback" in done.stderr
    return f"exit {done.returncode}" + (f" BAD: {done.stderr.strip()[-300:]}" if bad else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=5000)
    parser.add_argument("--timeout", type=int, default=120)
    args = parser.parse_args()
    failures = 0
    print("| generator | N | 4N | 16N | growth 4N->16N | CLI at 16N | problems |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    for name, (fmt, generate) in GENERATORS.items():
        sizes = (args.base, args.base * 4, args.base * 16)
        runs = [lint_seconds(generate(n), fmt, args.timeout) for n in sizes]
        problems = sorted({outcome for _, outcome in runs if outcome and not outcome.startswith("refused")})
        growth = runs[2][0] / max(runs[1][0], 1e-6)
        if growth > 8 and runs[2][0] > 0.5:
            problems.append(f"superlinear ({growth:.1f}x per 4x)")
        cli = through_cli(generate(sizes[2]), fmt)
        if "BAD" in cli:
            problems.append(cli)
        failures += bool(problems)
        times = " | ".join(f"{seconds:.2f}s" for seconds, _ in runs)
        print(
            f"| {name} | {times} | {growth:.1f}x | {cli.split(' BAD')[0]} | {'; '.join(problems) or '-'} |",
            flush=True,
        )
    print(f"\n{failures} generators with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
