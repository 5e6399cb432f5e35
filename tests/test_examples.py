"""Every property test takes its example count from tests/examples.py, so the default run draws a
share and CI's slow stage (`SEOLINT_EXAMPLES=full`) draws the whole count: a hard-coded
`max_examples=300` would cost the default run its full price."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.examples import FLOOR, examples

HARD_CODED = re.compile(r"max_examples\s*=\s*[\d(]")


def hard_coded(source: str) -> list[int]:
    """The line numbers where `max_examples` is given as a number rather than through `examples()`."""
    return [number for number, line in enumerate(source.splitlines(), 1) if HARD_CODED.search(line)]


def test_no_property_hard_codes_its_example_count() -> None:
    found = {
        f"{path.name}:{line}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name != "test_examples.py"  # its own samples of what the grep finds
        for line in hard_coded(path.read_text(encoding="utf-8"))
    }
    assert not found


def test_the_grep_finds_a_hard_coded_count() -> None:
    assert hard_coded("@settings(max_examples=300, deadline=None)") == [1]
    assert hard_coded("PROPERTY = settings(\n    max_examples = (2 * 150)\n)") == [2]
    assert hard_coded("@settings(max_examples=examples(300), deadline=None)") == []


@pytest.mark.parametrize("full", [1, 19, 20, 60, 80, 100, 300, 2000])
def test_the_default_run_draws_a_share_never_below_the_floor_nor_above_the_full_count(full: int) -> None:
    drawn = examples(full)
    assert drawn <= full
    assert drawn >= min(full, FLOOR)
