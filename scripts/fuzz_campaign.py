"""Run the property tests of tests/test_fuzz.py for a fixed time and report.

    python scripts/fuzz_campaign.py --minutes 30

Each round runs every property with fresh random data (500 examples each); failures
are printed with their falsifying input and stored in Hypothesis' example database,
so `pytest tests/test_fuzz.py` replays them afterwards.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import settings

from tests import test_fuzz

PROPERTIES = ("test_markdown_drafts", "test_html_drafts", "test_text_drafts", "test_random_bytes")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--examples-per-round", type=int, default=500)
    args = parser.parse_args()
    calls: Counter[str] = Counter()
    original = test_fuzz.check_result

    def counted(text: str, fmt: test_fuzz.Format) -> None:
        calls[fmt] += 1
        original(text, fmt)

    test_fuzz.check_result = counted
    properties = {
        name: settings(max_examples=args.examples_per_round, deadline=None)(getattr(test_fuzz, name))
        for name in PROPERTIES
    }
    deadline = time.monotonic() + args.minutes * 60
    started, rounds, failures = time.monotonic(), 0, []
    while time.monotonic() < deadline:
        rounds += 1
        for name, prop in properties.items():
            try:
                prop()
            except Exception:
                failures.append((name, traceback.format_exc()))
                print(f"FAILURE in {name}:\n{failures[-1][1]}", flush=True)
        elapsed = time.monotonic() - started
        print(f"round {rounds}: {sum(calls.values())} examples in {elapsed:.0f}s {dict(calls)}", flush=True)
    print(f"done: {rounds} rounds, {sum(calls.values())} examples, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
