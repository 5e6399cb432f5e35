"""How many examples a property test draws: the full count when `SEOLINT_EXAMPLES=full` (the slow
stage of .ci/run), a quarter of it otherwise, so the default run stays under its 90 s budget while
CI still draws every property's whole count. Every property takes its count from here (a test
greps for hard-coded `max_examples`)."""

from __future__ import annotations

import os

FULL = os.environ.get("SEOLINT_EXAMPLES") == "full"
SHARE = 4  # the default run draws one example in SHARE
FLOOR = 20  # but never fewer than this (nor more than the full count)


def examples(full: int) -> int:
    """`full` under `SEOLINT_EXAMPLES=full`, else a quarter of it, at least `FLOOR`."""
    if FULL:
        return full
    return min(full, max(full // SHARE, FLOOR))
